using SmsLint.Rules.CopyList;

namespace SmsLint.Rules.Client12;

/// <summary>A 1.2 client's Sms.ini BuildNo differs from the build in its logon server's Domain.ini (pending upgrade).</summary>
public sealed class ClientBuildDiffersFromDomainIni() : Rule(new() { Id = "SMS4101", Title = "A 1.2 client's BuildNo differs from its logon server's Domain.ini", Level = Level.Note, Kb = ["Q155626"], Tags = [RuleTag.CopyList, RuleTag.VersionMismatch, RuleTag.Sms12Client], Precision = Precision.Medium })
{
    public override void Check(RuleContext context)
    {
        foreach (var client in context.Model.Clients)
        {
            if (!client.IsSms12 || client.SmsIni is not { } ini || client.LogonServer is not { } server || server.DomainIni is not { } domainIni)
            {
                continue;
            }

            // Domain.ini's key is inferred to be the one Sms.ini uses (sms-domain.md §1.5).
            var clientBuild = ini.Get("SMS", "BuildNo");
            var serverBuild = domainIni.Get("SMS", "BuildNo");
            if (clientBuild is null || serverBuild is null || clientBuild.Value.Text.Length == 0 || serverBuild.Value.Text.Length == 0
                || CopyListVersionMismatch.SameVersion(clientBuild.Value.Text, serverBuild.Value.Text))
            {
                continue;
            }

            var related = ClientEvidence.WithLogonServer(client, Evidence.At(server.DomainIniFile!, serverBuild.Value, $"Domain.ini on '{server.Machine}' has BuildNo '{serverBuild.Value.Text}'."));

            context.Report(
                $"Client build differs from its logon server's Domain.ini: '{client.Machine}' has BuildNo '{clientBuild.Value.Text}', Domain.ini on '{server.Machine}' has '{serverBuild.Value.Text}'.",
                Evidence.At(client.SmsIniFile!, clientBuild.Value),
                $"{client.Machine.ToUpperInvariant()}:{server.Machine.ToUpperInvariant()}:buildno",
                related,
                help: $"Client setup and the inventory agent take this for a pending upgrade and reinstall the client software: if the site was not upgraded on purpose, check that '{server.Machine}' carries the site's current Domain.ini; otherwise let the logon script run on '{client.Machine}' so the upgrade completes.");

        }
    }
}

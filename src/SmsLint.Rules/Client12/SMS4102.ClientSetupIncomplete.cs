using SmsLint.Parsing.Ini;

namespace SmsLint.Rules.Client12;

/// <summary>A 1.2 client's Sms.ini shows that client setup did not finish (SetupPhase, FilesNotDownloaded, SysFilesNotModified).</summary>
public sealed class ClientSetupIncomplete() : Rule(new() { Id = "SMS4102", Title = "A 1.2 client's Sms.ini shows that client setup did not finish", Level = Level.Warning, Kb = ["Q166771"], Tags = [RuleTag.CopyList, RuleTag.Sms12Client], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        foreach (var (client, ini) in context.Model.Sms12ClientsWithSmsIni())
        {
            var file = client.SmsIniFile!;
            var machine = client.Machine;
            if (ini.Get("Local", "SetupPhase") is { } phase && phase.Value.Text.Length > 0
                && !phase.Value.Text.Equals("installed", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(
                    $"Client setup is incomplete: '{machine}' has SetupPhase '{phase.Value.Text}' in Sms.ini, not 'installed'.",
                    Evidence.At(file, phase.Value),
                    $"{machine.ToUpperInvariant()}:setupphase",
                    ServerEvidence(client),
                    help: $"{char.ToUpperInvariant(Meaning(phase.Value.Text)[0])}{Meaning(phase.Value.Text)[1..]} Restart '{machine}' (or have its user log on again) so SMSRUN calls client setup, and make sure no SMS client component is running while it updates the files.");
            }

            Report(context, client, ini, "FilesNotDownloaded", "Client setup could not download these files from the logon server, so the client runs with missing or old SMS files",
                "Check that the logon server's SMS_SHR holds the files and that the client can reach it, then run the SMS logon script again.");
            Report(context, client, ini, "SysFilesNotModified", "Client setup could not change these system files, so the SMS client is not started or configured as the site intends",
                "Make sure the files are writable (not read-only, not locked by another program) and run the SMS logon script again.");
        }
    }

    private static void Report(RuleContext context, Model.ClientMachine client, IniDocument ini, string key, string meaning, string remedy)
    {
        if (ini.Get("WorkstationStatus", key) is not { } entry || entry.Value.Text.Trim().Length == 0)
        {
            return;
        }

        context.Report(
            $"Client setup is incomplete: '{client.Machine}' lists '{entry.Value.Text}' under [WorkstationStatus] {key} in Sms.ini.",
            Evidence.At(client.SmsIniFile!, entry.Value),
            $"{client.Machine.ToUpperInvariant()}:{key.ToLowerInvariant()}",
            ServerEvidence(client),
            help: $"{meaning}: {char.ToLowerInvariant(remedy[0])}{remedy[1..]}");

    }

    private static List<Evidence> ServerEvidence(Model.ClientMachine client) =>
        client.LogonServerEntry is { } link && client.LogonServer is { } server
            ? [Evidence.At(client.SmsIniFile!, link.Span, $"The client's logon server '{server.Machine}'.")]
            : [];

    /// <summary>What each SetupPhase value (SMS 1.2 Resource Guide, SMS.INI; Q166771) means for the client.</summary>
    private static string Meaning(string phase) => phase.Trim().ToUpperInvariant() switch
    {
        "VERIFY_FILES" or "VERIFYING_FILES" => "client setup saw a new CopyListVersion and has not yet compared and downloaded the client files, so the client still runs the old ones.",
        "UPGRADE" => "an upgrade of the client software was started and has not completed.",
        "COMPONENT_DEINSTALL" => "the removal of a client component was started and has not completed.",
        "DEINSTALL" => "the removal of the SMS client was started and has not completed.",
        _ => "the value is not one client setup writes, so SMSRUN cannot tell what state the client is in.",
    };
}

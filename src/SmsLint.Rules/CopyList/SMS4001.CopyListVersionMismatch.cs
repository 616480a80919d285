using SmsLint.Parsing.CopyList;

namespace SmsLint.Rules.CopyList;

/// <summary>A 1.2 client's Sms.ini CopyListVersion differs from its logon server's copy list (Q174961).</summary>
public sealed class CopyListVersionMismatch() : Rule(new() { Id = "SMS4001", Title = "A 1.2 client's CopyListVersion differs from its logon server's copy list", Level = Level.Warning, Kb = ["Q174961", "Q166771"], Tags = [RuleTag.CopyList, RuleTag.VersionMismatch, RuleTag.Sms12Client], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        foreach (var client in context.Model.Clients)
        {
            if (!client.IsSms12 || client.LogonServer is not { } server || client.SmsIni is not { } ini)
            {
                continue;
            }

            var clientVersion = ini.Get("SMS", "CopyListVersion");
            var listName = CopyListFor(ini.Get("SMS", "OS")?.Value.Text);
            var listFile = server.CopyList(listName) ?? (listName == "Cl_win95.txt" ? server.CopyList("Cl_w95.txt") : null);
            if (clientVersion is null || listFile?.As<CopyListDocument>()?.Version is not { } serverVersion)
            {
                continue;
            }

            if (SameVersion(clientVersion.Value.Text, serverVersion.Value.Text))
            {
                continue;
            }

            var related = Client12.ClientEvidence.WithLogonServer(client, Evidence.At(listFile, serverVersion.Span, $"'{listFile.File.FileName}' on '{server.Root}' has CopyListVersion '{serverVersion.Value.Text}'."));

            context.Report(
                $"Client CopyListVersion differs from its logon server's copy list: '{client.Machine}' has '{clientVersion.Value.Text}', '{listFile.File.FileName}' on '{server.Machine}' has '{serverVersion.Value.Text}'.",
                Evidence.At(client.SmsIniFile!, clientVersion.Value),
                $"{client.Machine.ToUpperInvariant()}:{server.Machine.ToUpperInvariant()}:{listName.ToLowerInvariant()}",
                related,
                help: $"Have the users of '{client.Machine}' run the SMS logon script so client setup runs again, or apply SMS 1.2 SP3 or later so Climonnt and the inventory agent detect the change: until then the client services stay at the old version.");

        }
    }

    /// <summary>The copy list a client reads, by Sms.ini [SMS] OS (1 DOS, 2 Win3.x, 3 OS/2, 4 NT, 5 Win95).</summary>
    public static string CopyListFor(string? os) => os?.Trim() switch
    {
        "1" => "Cl_dos.txt",
        "2" => "Cl_win.txt",
        "3" => "Cl_os2.txt",
        "5" => "Cl_win95.txt",
        _ => "Cl_nt.txt",
    };

    /// <summary>Numerically when both are integers (leading zeros do not matter), else case-insensitively.</summary>
    public static bool SameVersion(string a, string b) =>
        long.TryParse(a.Trim(), out var x) && long.TryParse(b.Trim(), out var y) ? x == y : a.Trim().Equals(b.Trim(), StringComparison.OrdinalIgnoreCase);
}

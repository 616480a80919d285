namespace SmsLint.Rules.CopyLog;

/// <summary>A logon point serves Clicore.exe but has no Config\Copylog.tcf (Q264976).</summary>
public sealed class CopyLogMissing() : Rule(new() { Id = "SMS1001", Title = "Logon point has Clicore.exe but no Copylog.tcf", Level = Level.Error, Kb = ["Q264976"], Tags = [RuleTag.SharedLogonPoint, RuleTag.CopyLog, RuleTag.Corruption], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            // Only x86.bin captured: a partial capture, which cannot be told from a missing Config folder.
            if (lp.CopyLogFile is not null
                || lp.Find(@"x86.bin\clicore.exe") is not { } clicore
                || !lp.TopFolders.Any(f => !f.Equals("x86.bin", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            // Clicore.exe is a binary: the result goes on a text file of the same logon point (a site's
            // Compver.ini first), and the binary is the related location.
            var binary = Evidence.Whole(clicore, "Clicore.exe is on the logon point.");
            var anchor = lp.Files
                .Where(f => f.Text is not null && !TextAnchor.IsOpaque(f))
                .OrderBy(f => f.File.FileName.Equals("Compver.ini", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(f => f.Path, StringComparer.Ordinal)
                .FirstOrDefault();
            context.Report(
                $"Logon point serves Clicore.exe without a Copylog.tcf: '{lp.Machine}' has '{clicore.File.PathInShare.Replace('/', '\\')}' and no 'Config\\Copylog.tcf'.",
                anchor is null ? binary : Evidence.Start(anchor, $"A file of logon point '{lp.Machine}', which has no Config\\Copylog.tcf."),
                "copylog-missing",
                anchor is null ? null : [binary],
                help: $"Copy 'Config\\Copylog.tcf' from the PDC's SMSLOGON share to '{lp.Machine}', or start the senior site's Logon Server Manager cycle so that it is written again: without it the client bootstrap cannot find the site that supplied Clicore.exe, nor that site's 'Sites\\<code>\\Cli_inst.cfg'.");

        }
    }
}

using SmsLint.Engine;
using SmsLint.Findings;

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

            context.Report(
                $"Logon point '{lp.Machine}' serves '{clicore.File.PathInShare.Replace('/', '\\')}' but has no 'Config\\Copylog.tcf', so the client bootstrap has no record of the site that supplied Clicore.exe and cannot look up that site's 'Sites\\<code>\\Cli_inst.cfg'; copy the file from the PDC's SMSLOGON\\Config folder or start the senior site's Logon Server Manager cycle so that it is written again.",
                Evidence.Whole(clicore, "Clicore.exe is on the logon point."),
                "copylog-missing");
        }
    }
}

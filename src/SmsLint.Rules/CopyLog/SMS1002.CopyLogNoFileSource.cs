namespace SmsLint.Rules.CopyLog;

/// <summary>A Copylog.tcf without its [FILE SOURCE] section (Q264976, Q313209).</summary>
public sealed class CopyLogNoFileSource() : Rule(new() { Id = "SMS1002", Title = "Copylog.tcf has no [FILE SOURCE] section", Level = Level.Error, Kb = ["Q264976", "Q313209"], Tags = [RuleTag.SharedLogonPoint, RuleTag.CopyLog, RuleTag.Corruption], Precision = Precision.VeryHigh })
{
    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            if (lp.CopyLogFile is not { } file || lp.CopyLog is not { } doc || doc.HasFileSource)
            {
                continue;
            }

            context.Report(
                $"Copylog.tcf has no [FILE SOURCE] section: '{file.File.FileName}' on logon point '{lp.Machine}'.",
                Evidence.Start(file),
                "no-file-source",
                help: $"Restore '{file.File.FileName}' on '{lp.Machine}' from the PDC's copy, or let an SP2 site's Logon Server Manager rewrite it.");

        }
    }
}

using SmsLint.Engine;
using SmsLint.Findings;

namespace SmsLint.Rules.CopyLog;

/// <summary>CL002: a Copylog.tcf without its [FILE SOURCE] section (Q264976, Q313209).</summary>
public sealed class CopyLogNoFileSource : Rule
{
    public static readonly RuleDescriptor Info = new(
        "SMS1002", "CopyLogNoFileSource", "Copylog.tcf has no [FILE SOURCE] section", Level.Error,
        ["Q264976", "Q313209"], ["shared-logon-point", "copy-log", "corruption"], "very-high", ["CL002"]);

    public override RuleDescriptor Descriptor => Info;

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

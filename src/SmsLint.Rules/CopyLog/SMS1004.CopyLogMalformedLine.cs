using SmsLint.Parsing.CopyLog;

namespace SmsLint.Rules.CopyLog;

/// <summary>
/// A [FILE SOURCE] line that is not <c>path=CODE</c>, a value that is not a three-character
/// site code, or a file listed twice with different sites (Q264976: from SP2 on, Logon Server
/// Manager rewrites lines with "incorrect syntax").
/// </summary>
public sealed class CopyLogMalformedLine() : Rule(new() { Id = "SMS1004", Title = "Copylog.tcf has a malformed [FILE SOURCE] line", Level = Level.Warning, Kb = ["Q264976"], Tags = [RuleTag.SharedLogonPoint, RuleTag.CopyLog, RuleTag.Syntax], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            if (lp.CopyLogFile is not { } file || lp.CopyLog is not { HasFileSource: true } doc)
            {
                continue;
            }

            var name = file.File.FileName;
            foreach (var line in doc.Malformed)
            {
                context.Report(
                    $"Copylog.tcf has a malformed [FILE SOURCE] line: '{line.Text.Text}' on '{lp.Machine}' is not of the form 'path=SITECODE'.",
                    Evidence.At(file, line.Span),
                    $"malformed:{line.Text.Text.ToLowerInvariant()}",
                    help: "Correct the line (for example 'x86.bin\\clicore.exe=AAA'), or delete it and let a Logon Server Manager at SP2 or later write it again.");
            }

            var first = new Dictionary<string, CopyLogEntry>(StringComparer.Ordinal);
            foreach (var entry in doc.FileSource)
            {
                if (CopyLogSites.ValueSite(entry) is null)
                {
                    ReportBadCode(context, lp, file, entry);
                    first.TryAdd(entry.Key, entry);
                    continue;
                }

                if (!first.TryGetValue(entry.Key, out var earlier))
                {
                    first.Add(entry.Key, entry);
                    continue;
                }

                if (CopyLogSites.ValueSite(earlier) is { } earlierCode && !earlierCode.Equals(entry.Code.Text, StringComparison.OrdinalIgnoreCase))
                {
                    context.Report(
                        $"Copylog.tcf has a malformed [FILE SOURCE] line: '{entry.Path.Text}' on '{lp.Machine}' is listed for site '{earlier.Code.Text}' and again for site '{entry.Code.Text}'.",
                        Evidence.At(file, entry.Code),
                        $"duplicate:{entry.Key}={entry.Code.Text.ToUpperInvariant()}",
                        [Evidence.At(file, earlier.Span, $"The first line for '{earlier.Path.Text}' names site '{earlier.Code.Text}'.")],
                        help: $"Keep only the line naming the site that last copied '{entry.Path.Text}'.");
                }
            }
        }
    }

    private static void ReportBadCode(RuleContext context, LogonPoint lp, LoadedFile file, CopyLogEntry entry)
    {
        var name = file.File.FileName;
        if (entry.Code.Text.Length == 0)
        {
            context.Report(
                $"Copylog.tcf has a malformed [FILE SOURCE] line: '{CopyLogSites.Describe(entry)}' on '{lp.Machine}' names no site after '='.",
                Evidence.At(file, entry.Span),
                $"empty-code:{entry.Key}",
                help: $"Add the code of the site that copied '{entry.Path.Text}' (the senior site when in doubt), or let a Logon Server Manager at SP2 or later rewrite the line.");
            return;
        }

        context.Report(
            $"Copylog.tcf has a malformed [FILE SOURCE] line: '{CopyLogSites.Describe(entry)}' on '{lp.Machine}' names '{entry.Code.Text}', not a site code of three letters or digits.",
            Evidence.At(file, entry.Code),
            $"bad-code:{entry.Key}",
            help: $"Replace '{entry.Code.Text}' with the code of the site that copied '{entry.Path.Text}', or let a Logon Server Manager at SP2 or later rewrite the line.");

    }
}

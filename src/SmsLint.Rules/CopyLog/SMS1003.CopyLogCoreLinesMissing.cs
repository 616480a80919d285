namespace SmsLint.Rules.CopyLog;

/// <summary>The shared core lines are gone from [FILE SOURCE] — the corrupt file of Q264976.</summary>
public sealed class CopyLogCoreLinesMissing() : Rule(new() { Id = "SMS1003", Title = "Copylog.tcf lacks the shared core lines", Level = Level.Error, Kb = ["Q264976"], Tags = [RuleTag.SharedLogonPoint, RuleTag.CopyLog, RuleTag.Corruption], Precision = Precision.High })
{
    /// <summary>The bootstrap files whose owner the client looks up (Q264976).</summary>
    public static readonly string[] CoreFiles = [@"x86.bin\smsboot1.exe", @"x86.bin\boot32wn.exe", @"x86.bin\clicore.exe"];

    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            if (lp.CopyLogFile is not { } file || lp.CopyLog is not { HasFileSource: true } doc)
            {
                continue;
            }

            var header = Evidence.At(file, doc.FileSourceHeaders[0].Span);
            if (!doc.FileSource.Any(e => !e.IsSiteSpecific))
            {
                context.Report(
                    $"Copylog.tcf lacks the [FILE SOURCE] lines of core files: '{lp.Machine}' has only site-specific 'SITES\\...' lines, none for 'x86.bin\\clicore.exe'.",
                    header,
                    "only-site-lines",
                    help: $"Restore '{file.File.FileName}' on '{lp.Machine}' from the PDC or another logon point, or let an SP2 site's Logon Server Manager rewrite it.");
                continue;
            }

            foreach (var core in CoreFiles)
            {
                var onDisk = lp.Find(core);
                if (onDisk is null || doc.Find(core) is not null)
                {
                    continue;
                }

                context.Report(
                    $"Copylog.tcf lacks the [FILE SOURCE] lines of core files: '{lp.Machine}' has none for '{core}', which is on the logon point.",
                    header,
                    $"missing:{core}",
                    [Evidence.Whole(onDisk, $"'{core}' is present on the logon point.")],
                    help: $"Restore the line ('{core}=<site code>') from the PDC's copy, or let an SP2 site's Logon Server Manager rewrite the file.");

            }
        }
    }
}

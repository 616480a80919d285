using SmsLint.Engine;
using SmsLint.Findings;

namespace SmsLint.Rules.Input;

/// <summary>
/// capture.json records a share that could not be reached, or a file that was listed but not copied:
/// the snapshot is incomplete there, so rules that need those files cannot tell anything about them.
/// </summary>
public sealed class CaptureIncomplete() : Rule(new() { Id = "SMS0015", Title = "The capture could not read a share or a file", Level = Level.Warning, Kb = [], Tags = [RuleTag.Input, RuleTag.Capture], Precision = Precision.VeryHigh })
{
    public override void Check(RuleContext context)
    {
        if (context.Model.CaptureFile is not { } file || context.Model.Capture is not { } manifest)
        {
            return;
        }

        foreach (var share in manifest.Unreachable)
        {
            var reason = string.IsNullOrWhiteSpace(share.Reason) ? "no reason recorded" : share.Reason.TrimEnd('.');
            context.Report(
                $"The capture could not reach share '{share.Path}' (source '{share.Source}': {reason}), so the snapshot has none of its files and checks that need them cannot tell anything about it.",
                share.Span is { } span ? Evidence.At(file, span) : Evidence.Whole(file),
                $"unreachable:{share.Path.ToUpperInvariant()}");
        }

        foreach (var missing in manifest.Files.Where(f => f.NotCopied))
        {
            context.Report(
                $"The capture could not copy '{missing.Path}' ({missing.Reason}), so the snapshot lacks that file and checks that need it cannot tell anything about it.",
                missing.Span is { } span ? Evidence.At(file, span) : Evidence.Whole(file),
                $"not-copied:{missing.Path.ToUpperInvariant()}");
        }
    }
}

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
                $"Capture is incomplete: share '{share.Path}' was unreachable (source '{share.Source}': {reason}), so checks that need its files cannot tell.",
                share.Span is { } span ? Evidence.At(file, span) : Evidence.Whole(file),
                $"unreachable:{share.Path.ToUpperInvariant()}",
                help: $"Capture '{share.Path}' again once '{share.Source}' is reachable, and scan the new snapshot.");
        }

        foreach (var missing in manifest.Files.Where(f => f.NotCopied))
        {
            context.Report(
                $"Capture is incomplete: '{missing.Path}' was not copied ({missing.Reason}), so checks that need it cannot tell.",
                missing.Span is { } span ? Evidence.At(file, span) : Evidence.Whole(file),
                $"not-copied:{missing.Path.ToUpperInvariant()}",
                help: $"Capture '{missing.Path}' again, or copy it into the snapshot by hand with its time and attributes.");

        }
    }
}

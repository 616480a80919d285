using SmsLint.Discover;

namespace SmsLint.Rules.Input;

/// <summary>
/// Something the snapshot source skipped while listing, not a file it failed to read: a folder
/// link (never followed), a folder that could not be listed or lies too deep, a zip entry whose name
/// would escape the snapshot, or a duplicate zip entry.
/// </summary>
public sealed class SnapshotPartNotScanned() : Rule(new() { Id = "SMS0006", Title = "Part of the snapshot was skipped while it was listed", Level = Level.Warning, Kb = [], Tags = [RuleTag.Input, RuleTag.Security], Precision = Precision.VeryHigh })
{
    public override void Check(RuleContext context)
    {
        foreach (var problem in context.SourceProblems)
        {
            // The root itself: the scan does not start at all (SnapshotSources.Open refuses it).
            if (problem.Path.Length == 0)
            {
                continue;
            }

            var file = context.Model.FindFile(problem.Path) ?? new LoadedFile(FileClassifier.Classify(new SnapshotEntry(problem.Path, 0)));
            context.Report($"Snapshot part not scanned: '{problem.Path}' {Sentence(problem.Message)}", Evidence.Whole(file), $"{problem.Kind}:{problem.Path}");
        }

        foreach (var file in context.Model.Files)
        {
            if (file.Problem is { Kind: InputProblemKind.UnsafeEntry } problem)
            {
                context.Report($"Snapshot part not scanned: '{file.Path}' {Sentence(problem.Message)}", Evidence.Whole(file), $"unsafe:{file.Path}");
            }
        }
    }

    /// <summary>Ends the message with exactly one period (operating system messages bring their own).</summary>
    private static string Sentence(string message) => InputProblemRule.OneClause(message) + ".";

}

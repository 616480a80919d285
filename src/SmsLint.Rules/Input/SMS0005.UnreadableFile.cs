namespace SmsLint.Rules.Input;

/// <summary>A file could not be read at all (permission denied, vanished during the scan, corrupt archive entry).</summary>
public sealed class UnreadableFile() : InputProblemRule(new() { Id = "SMS0005", Title = "A snapshot file could not be read", Level = Level.Warning, Kb = [], Tags = [RuleTag.Input], Precision = Precision.VeryHigh })
{
    protected override InputProblemKind Kind => InputProblemKind.Unreadable;
}

namespace SmsLint.Rules.Input;

/// <summary>A text file whose bytes are valid in none of the supported encodings.</summary>
public sealed class UndecodableFile() : InputProblemRule(new() { Id = "SMS0003", Title = "A text file cannot be decoded in any supported encoding", Level = Level.Error, Kb = [], Tags = [RuleTag.Input], Precision = Precision.VeryHigh })
{
    protected override InputProblemKind Kind => InputProblemKind.Undecodable;
}

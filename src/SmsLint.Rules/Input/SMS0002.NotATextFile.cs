namespace SmsLint.Rules.Input;

/// <summary>A file with an SMS text name holds binary data (NUL bytes, mostly control bytes).</summary>
public sealed class NotATextFile() : InputProblemRule(new() { Id = "SMS0002", Title = "A file with an SMS text file name holds binary data", Level = Level.Error, Kb = [], Tags = [RuleTag.Input], Precision = Precision.VeryHigh })
{
    protected override InputProblemKind Kind => InputProblemKind.NotText;
}

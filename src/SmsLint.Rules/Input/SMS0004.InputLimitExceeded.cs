namespace SmsLint.Rules.Input;

/// <summary>A file or one of its lines is over the configured size limits, so it was not parsed.</summary>
public sealed class InputLimitExceeded() : InputProblemRule(new() { Id = "SMS0004", Title = "A file or line is over the input limits and was not parsed", Level = Level.Warning, Kb = [], Tags = [RuleTag.Input, RuleTag.Limits], Precision = Precision.VeryHigh })
{
    protected override InputProblemKind Kind => InputProblemKind.LimitExceeded;
}

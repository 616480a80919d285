using SmsLint.Suppressions;

namespace SmsLint.Rules.Input;

/// <summary>A suppression (inline or declared in the configuration) that matched no finding.</summary>
public sealed class UnusedSuppression() : SuppressionRule(new() { Id = InlineDirectives.UnusedSuppressionId, Title = "A suppression matches no finding", Level = Level.Note, Kb = [], Tags = [RuleTag.Input, RuleTag.Suppression], Precision = Precision.VeryHigh })
{
}

using SmsLint.Suppressions;

namespace SmsLint.Rules.Input;

/// <summary>A suppression whose expiry date has passed; it no longer suppresses anything.</summary>
public sealed class ExpiredSuppression() : SuppressionRule(new() { Id = InlineDirectives.ExpiredSuppressionId, Title = "A suppression has expired", Level = Level.Warning, Kb = [], Tags = [RuleTag.Input, RuleTag.Suppression], Precision = Precision.VeryHigh })
{
}

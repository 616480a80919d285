using SmsLint.Suppressions;

namespace SmsLint.Rules.Input;

/// <summary>
/// A <c>smslint-disable-…</c> comment that suppresses nothing because it is malformed (no reason,
/// no or an unknown rule id, a bad date) or because inline suppressions are turned off.
/// </summary>
public sealed class InvalidSuppression() : SuppressionRule(new() { Id = InlineDirectives.InvalidSuppressionId, Title = "An inline suppression comment is malformed or not allowed", Level = Level.Warning, Kb = [], Tags = [RuleTag.Input, RuleTag.Suppression], Precision = Precision.VeryHigh })
{
}

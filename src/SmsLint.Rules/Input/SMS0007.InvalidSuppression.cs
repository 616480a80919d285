using SmsLint.Findings;

namespace SmsLint.Rules.Input;

/// <summary>
/// A <c>smslint-disable-…</c> comment that suppresses nothing because it is malformed (no reason,
/// no or an unknown rule id, a bad date) or because inline suppressions are turned off.
/// </summary>
public sealed class InvalidSuppression : SuppressionRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS0007", "InvalidSuppression", "An inline suppression comment is malformed or not allowed", Level.Warning, [], ["input", "suppression"], "very-high");

    public override RuleDescriptor Descriptor => Info;
}

using SmsLint.Findings;

namespace SmsLint.Rules.Input;

/// <summary>A suppression whose expiry date has passed; it no longer suppresses anything.</summary>
public sealed class ExpiredSuppression : SuppressionRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS0009", "ExpiredSuppression", "A suppression has expired", Level.Warning, [], ["input", "suppression"], "very-high");

    public override RuleDescriptor Descriptor => Info;
}

using SmsLint.Findings;

namespace SmsLint.Rules.Input;

/// <summary>A suppression (inline or declared in the configuration) that matched no finding.</summary>
public sealed class UnusedSuppression : SuppressionRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS0008", "UnusedSuppression", "A suppression matches no finding", Level.Note, [], ["input", "suppression"], "very-high");

    public override RuleDescriptor Descriptor => Info;
}

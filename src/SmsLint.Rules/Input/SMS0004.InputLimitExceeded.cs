using SmsLint.Findings;
using SmsLint.Model;

namespace SmsLint.Rules.Input;

/// <summary>A file or one of its lines is over the configured size limits, so it was not parsed.</summary>
public sealed class InputLimitExceeded : InputProblemRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS0004", "InputLimitExceeded", "A file or line is over the input limits and was not parsed", Level.Warning, [], ["input", "limits"], "very-high");

    public override RuleDescriptor Descriptor => Info;

    protected override InputProblemKind Kind => InputProblemKind.LimitExceeded;
}

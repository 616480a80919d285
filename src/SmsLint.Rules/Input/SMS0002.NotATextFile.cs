using SmsLint.Findings;
using SmsLint.Model;

namespace SmsLint.Rules.Input;

/// <summary>A file with an SMS text name holds binary data (NUL bytes, mostly control bytes).</summary>
public sealed class NotATextFile : InputProblemRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS0002", "NotATextFile", "A file with an SMS text file name holds binary data", Level.Error, [], ["input"], "very-high");

    public override RuleDescriptor Descriptor => Info;

    protected override InputProblemKind Kind => InputProblemKind.NotText;
}

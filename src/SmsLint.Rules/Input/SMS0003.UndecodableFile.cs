using SmsLint.Findings;
using SmsLint.Model;

namespace SmsLint.Rules.Input;

/// <summary>A text file whose bytes are valid in none of the supported encodings.</summary>
public sealed class UndecodableFile : InputProblemRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS0003", "UndecodableFile", "A text file cannot be decoded in any supported encoding", Level.Error, [], ["input"], "very-high");

    public override RuleDescriptor Descriptor => Info;

    protected override InputProblemKind Kind => InputProblemKind.Undecodable;
}

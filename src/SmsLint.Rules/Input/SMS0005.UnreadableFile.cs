using SmsLint.Findings;
using SmsLint.Model;

namespace SmsLint.Rules.Input;

/// <summary>A file could not be read at all (permission denied, vanished during the scan, corrupt archive entry).</summary>
public sealed class UnreadableFile : InputProblemRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS0005", "UnreadableFile", "A snapshot file could not be read", Level.Warning, [], ["input"], "very-high");

    public override RuleDescriptor Descriptor => Info;

    protected override InputProblemKind Kind => InputProblemKind.Unreadable;
}

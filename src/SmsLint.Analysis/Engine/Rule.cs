using SmsLint.Findings;

namespace SmsLint.Engine;

/// <summary>
/// A check over the snapshot model. Each rule lives in its own file, Rules/&lt;Area&gt;/&lt;ID&gt;.&lt;Name&gt;.cs,
/// owns its descriptor, and is listed once in <see cref="Rules.BuiltInRules"/>; its prose is rules/&lt;ID&gt;.md.
/// </summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    public abstract void Check(RuleContext context);

    public override string ToString() => $"{Descriptor.Id} {Descriptor.Name}";
}

using SmsLint.Findings;

namespace SmsLint.Engine;

/// <summary>
/// The rules one scan knows, in catalogue order, with their ids: the engine runs them, inline and
/// declared suppressions and the configuration accept exactly their ids. SmsLint.Rules provides the
/// built-in set (<c>BuiltInRules.All</c>); tests pass a single rule or a few.
/// </summary>
[System.Runtime.CompilerServices.CollectionBuilder(typeof(RuleSet), nameof(Create))]
public sealed class RuleSet : IReadOnlyList<Rule>
{
    private readonly List<Rule> rules;
    private readonly Dictionary<string, Rule> byId = new(StringComparer.OrdinalIgnoreCase);

    public RuleSet(IEnumerable<Rule> rules)
    {
        this.rules = [.. rules];
        foreach (var rule in this.rules)
        {
            if (!byId.TryAdd(rule.Descriptor.Id, rule))
            {
                throw new ArgumentException($"Two rules have the id {rule.Descriptor.Id}.", nameof(rules));
            }
        }

        Descriptors = [.. this.rules.Select(r => r.Descriptor)];
    }

    /// <summary>For collection expressions: <c>RuleSet rules = [new ParseError()];</c>.</summary>
    public static RuleSet Create(ReadOnlySpan<Rule> rules) => new(rules.ToArray());

    public IReadOnlyList<RuleDescriptor> Descriptors { get; }

    /// <summary>The rule with this id (any case), or null.</summary>
    public Rule? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>The id as the rule spells it, or null when no rule has it.</summary>
    public string? CanonicalId(string id) => Find(id)?.Descriptor.Id;

    public int Count => rules.Count;

    public Rule this[int index] => rules[index];

    public IEnumerator<Rule> GetEnumerator() => rules.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public static implicit operator RuleSet(Rule[] rules) => new(rules);

    public static implicit operator RuleSet(List<Rule> rules) => new(rules);
}

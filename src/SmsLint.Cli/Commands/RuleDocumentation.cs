using SmsLint.Engine;
using SmsLint.Rules;

namespace SmsLint.Cli.Commands;

/// <summary>The embedded rule pages and their summaries, by rule id.</summary>
public static class RuleDocumentation
{
    public static IReadOnlyDictionary<string, string> Pages { get; } = BuiltInRules.Descriptors
        .Select(d => (d.Id, Page: RuleDocs.Markdown(d.Id)))
        .Where(p => p.Page is not null)
        .ToDictionary(p => p.Id, p => p.Page!, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> Summaries { get; } = BuiltInRules.Descriptors
        .ToDictionary(d => d.Id, d => RuleDocs.FullDescription(d.Id, d.Title + "."), StringComparer.Ordinal);
}

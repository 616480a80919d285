using SmsLint.Engine;
using SmsLint.Rules;

namespace SmsLint.Cli.Commands;

/// <summary>The embedded pages and summaries of the built-in rules, by rule id (read once).</summary>
public static class RuleDocumentation
{
    public static IReadOnlyDictionary<string, string> Pages { get; } = RuleDocs.Pages(BuiltInRules.Descriptors);

    public static IReadOnlyDictionary<string, string> Summaries { get; } = RuleDocs.Summaries(BuiltInRules.Descriptors);
}

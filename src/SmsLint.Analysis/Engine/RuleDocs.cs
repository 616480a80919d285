using System.Reflection;

namespace SmsLint.Engine;

/// <summary>The rules/&lt;ID&gt;.md pages, embedded in the assembly at build time.</summary>
public static class RuleDocs
{
    private static readonly Assembly Self = typeof(RuleDocs).Assembly;

    public static string? Markdown(string ruleId)
    {
        using var stream = Self.GetManifestResourceStream($"rules/{ruleId}.md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The embedded page of each rule that has one, by id.</summary>
    public static IReadOnlyDictionary<string, string> Pages(IEnumerable<SmsLint.Findings.RuleDescriptor> rules) => rules
        .Select(d => (d.Id, Page: Markdown(d.Id)))
        .Where(p => p.Page is not null)
        .ToDictionary(p => p.Id, p => p.Page!, StringComparer.Ordinal);

    /// <summary>Each rule's "What it does" paragraph (its title when it has no page), by id.</summary>
    public static IReadOnlyDictionary<string, string> Summaries(IEnumerable<SmsLint.Findings.RuleDescriptor> rules) => rules
        .ToDictionary(d => d.Id, d => FullDescription(d.Id, d.Title + "."), StringComparer.Ordinal);

    /// <summary>The body of a "## Heading" section, trimmed; empty when absent.</summary>
    public static string Section(string markdown, string heading)
    {
        var marker = $"\n## {heading}\n";
        var start = markdown.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        start += marker.Length;
        var end = markdown.IndexOf("\n## ", start, StringComparison.Ordinal);
        return (end < 0 ? markdown[start..] : markdown[start..end]).Trim();
    }

    /// <summary>The "What it does" section as one paragraph of plain text, at most 1,024 characters.</summary>
    public static string FullDescription(string ruleId, string fallback)
    {
        var md = Markdown(ruleId);
        var text = md is null ? string.Empty : Section(md, "What it does");
        text = string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Replace("`", string.Empty, StringComparison.Ordinal)
            .Replace("**", string.Empty, StringComparison.Ordinal);
        if (text.Length == 0)
        {
            text = fallback;
        }

        if (text.Length > 1024)
        {
            text = string.Concat(text.AsSpan(0, 1020), " ...");
        }

        return text;
    }
}

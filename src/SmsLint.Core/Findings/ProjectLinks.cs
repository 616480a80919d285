using System.Reflection;
using System.Text.RegularExpressions;

namespace SmsLint.Findings;

/// <summary>
/// The public addresses SmsLint writes into its reports: the repository it was built from, its
/// rule pages, and the Microsoft Knowledge Base articles the rules rest on.
/// </summary>
public static partial class ProjectLinks
{
    /// <summary>
    /// The repository the package was built from: the <c>RepositoryUrl</c> of Directory.Build.props,
    /// the one the nupkg records, stamped into this assembly at build time.
    /// </summary>
    public static string RepositoryUrl { get; } =
        (typeof(ProjectLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "SmsLint.RepositoryUrl")?.Value ?? "https://github.com/smslint/smslint").TrimEnd('/');

    /// <summary>Where the rule pages live by default: <c>&lt;repository&gt;/blob/main/rules/</c>.</summary>
    public static string DefaultHelpUriBase { get; } = RepositoryUrl + "/blob/main/rules/";

    /// <summary>
    /// The one address scheme for Knowledge Base articles: <c>https://support.microsoft.com/kb/&lt;number&gt;</c>,
    /// Microsoft's permanent short form, which redirects to the article while Microsoft still
    /// publishes it (and is the form the Internet Archive holds the retired ones under).
    /// </summary>
    public const string KbUriBase = "https://support.microsoft.com/kb/";

    /// <summary>The article's address for an id such as "Q313209"; null when the id holds no article number.</summary>
    public static string? KbUri(string kbId)
    {
        var digits = new string([.. kbId.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null : KbUriBase + digits;
    }

    /// <summary>
    /// Normalises a --help-uri-base value: an absolute http or https URI, ending in '/'. Null when
    /// <paramref name="value"/> is not one.
    /// </summary>
    public static string? NormaliseHelpUriBase(string value)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return null;
        }

        var text = uri.AbsoluteUri;
        return text.EndsWith('/') ? text : text + "/";
    }

    /// <summary>
    /// Markdown with each bare KB id (Q123456) turned into a link to its article. Ids already
    /// inside a link, and text in code spans or fenced code blocks, are left as they are.
    /// </summary>
    public static string LinkKbIds(string markdown)
    {
        var lines = markdown.Split('\n');
        var fenced = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced)
            {
                lines[i] = LinkLine(lines[i]);
            }
        }

        return string.Join('\n', lines);
    }

    private static string LinkLine(string line)
    {
        // Code spans alternate with prose when the line is split at backticks.
        var parts = line.Split('`');
        for (var i = 0; i < parts.Length; i += 2)
        {
            parts[i] = KbId().Replace(parts[i], m => KbUri(m.Value) is { } uri ? $"[{m.Value}]({uri})" : m.Value);
        }

        return string.Join('`', parts);
    }

    [GeneratedRegex(@"(?<![\[\w/])Q[0-9]{6}(?![\w\]])", RegexOptions.CultureInvariant)]
    private static partial Regex KbId();
}

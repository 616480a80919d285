using System.Globalization;
using System.Text;
using SmsLint.Findings;

namespace SmsLint.Writers.Github;

/// <summary>
/// <c>--format github</c>: findings as GitHub Actions workflow commands
/// (<c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message</c>), which the runner
/// turns into annotations on the run and, for files in the repository, on the pull request diff.
/// </summary>
/// <remarks>
/// GitHub keeps at most 10 annotations of each kind (error, warning, notice) per step and 50 per
/// job and silently drops the rest, so this writer emits at most 10 per kind, most severe first
/// and in report order within a kind, and then one notice saying how many were left out. That
/// notice is itself a notice annotation, so when it is needed at most 9 findings are emitted as
/// notices. Annotations are a convenience; the SARIF and text outputs carry every finding.
/// Suppressed findings, and baseline results absent from this scan, are not annotated. Findings at <see cref="Level.None"/> are shown as
/// notices, like <see cref="Level.Note"/>.
/// </remarks>
public static class GithubAnnotationWriter
{
    /// <summary>Annotations GitHub shows per kind per step.</summary>
    public const int MaxPerKind = 10;

    private static readonly string[] Kinds = ["error", "warning", "notice"];

    /// <summary>Writes one workflow command per line (LF-terminated).</summary>
    /// <param name="report">The scan report.</param>
    /// <param name="output">Where to write, usually standard output of the step.</param>
    /// <param name="pathPrefix">
    /// Where the snapshot root lies in the repository (e.g. <c>snapshots/site1</c>); prepended to
    /// every path with a '/' so that annotations point at the repository's file. Null or empty:
    /// paths are written as they are, relative to the snapshot root.
    /// </param>
    public static void Write(ScanReport report, TextWriter output, string? pathPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        var byKind = Kinds.ToDictionary(kind => kind, _ => new List<Finding>(), StringComparer.Ordinal);
        foreach (var finding in report.Findings)
        {
            if (!finding.IsSuppressed && !finding.IsAbsent)
            {
                byKind[KindOf(finding.Level)].Add(finding);
            }
        }

        var summaryNeeded = byKind.Values.Any(list => list.Count > MaxPerKind);
        var omitted = new List<(string Kind, int Count)>();
        foreach (var kind in Kinds)
        {
            var findings = byKind[kind];
            // The summary is a notice too: leave room for it among the notices.
            var cap = kind == "notice" && summaryNeeded ? MaxPerKind - 1 : MaxPerKind;
            foreach (var finding in findings.Take(cap))
            {
                WriteAnnotation(output, kind, finding, pathPrefix);
            }

            if (findings.Count > cap)
            {
                omitted.Add((kind, findings.Count - cap));
            }
        }

        if (omitted.Count > 0)
        {
            var counts = omitted.Select(o => Plural.Of(o.Count, o.Kind)).ToList();
            var list = counts.Count == 1
                ? counts[0]
                : string.Join(", ", counts.Take(counts.Count - 1)) + " and " + counts[^1];
            var message =
                $"SmsLint did not annotate {list}: GitHub shows at most {MaxPerKind} annotations of each level per step. " +
                "The SARIF and text outputs have all findings.";
            output.Write("::notice::" + EscapeData(message) + "\n");
        }
    }

    /// <summary>Escapes the message part of a workflow command.</summary>
    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>Escapes a property value of a workflow command (also ':' and ',').</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    private static string KindOf(Level level) => level switch
    {
        Level.Error => "error",
        Level.Warning => "warning",
        _ => "notice",
    };

    private static void WriteAnnotation(TextWriter output, string kind, Finding finding, string? pathPrefix)
    {
        var properties = new List<(string Name, string Value)>();
        var location = finding.Location;
        if (location.Path.Length > 0)
        {
            properties.Add(("file", JoinPath(pathPrefix, location.Path)));
            AddRegion(properties, location.Region);
        }

        properties.Add(("title", finding.Rule.Id + " " + finding.Rule.Name));

        var line = new StringBuilder("::").Append(kind);
        for (var i = 0; i < properties.Count; i++)
        {
            line.Append(i == 0 ? ' ' : ',')
                .Append(properties[i].Name)
                .Append('=')
                .Append(EscapeProperty(properties[i].Value));
        }

        // The annotation body is plain text that keeps line breaks: the remedy goes on its own line.
        var body = finding.Help is { Length: > 0 } help ? finding.Message + "\nhelp: " + help : finding.Message;
        line.Append("::").Append(EscapeData(body)).Append('\n');
        output.Write(line.ToString());
    }

    private static string JoinPath(string? prefix, string path) =>
        string.IsNullOrEmpty(prefix) ? path : prefix.TrimEnd('/') + "/" + path.TrimStart('/');

    /// <summary>
    /// line/endLine are inclusive. The runner drops col/endColumn unless the annotation is on one
    /// line (actions/runner, IssueCommandExtension.ValidateLinesAndColumns) and drops them when
    /// endColumn &lt; col, so endColumn is taken as inclusive like endLine: the exclusive SARIF
    /// end column becomes the last column. A region that ends at column 1 of a line really ends
    /// on the line before.
    /// </summary>
    private static void AddRegion(List<(string Name, string Value)> properties, Region region)
    {
        if (region.StartLine < 1)
        {
            return;
        }

        var endLine = Math.Max(region.EndLine, region.StartLine);
        var endColumnExclusive = region.EndColumn;
        if (endLine > region.StartLine && region.EndColumn <= 1)
        {
            endLine--;
            endColumnExclusive = 0; // to the end of that line: unknown here, so left out
        }

        var oneLine = endLine == region.StartLine && region != Region.WholeFile && region.StartColumn >= 1;
        properties.Add(("line", Number(region.StartLine)));
        if (oneLine)
        {
            properties.Add(("col", Number(region.StartColumn)));
        }

        properties.Add(("endLine", Number(endLine)));
        if (oneLine && endColumnExclusive > region.StartColumn)
        {
            properties.Add(("endColumn", Number(endColumnExclusive - 1)));
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

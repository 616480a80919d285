using System.Globalization;
using System.Text;
using SmsLint.Findings;

namespace SmsLint.Writers.Markdown;

/// <summary>How the gate of a run ended, for the summary's first lines.</summary>
public sealed record GateOutcome(Level FailLevel, int ExitCode, bool CountsOnlyNew);

/// <summary>
/// A Markdown summary of a scan for a CI job page (GitHub's <c>$GITHUB_STEP_SUMMARY</c>): the gate
/// result, counts by rule and level, and the most severe findings. Suppressed findings and
/// baseline results absent from this scan are counted separately and never listed.
/// </summary>
public static class MarkdownSummaryWriter
{
    /// <summary>Findings listed in the "Top findings" table; the rest are counted.</summary>
    public const int DefaultTopFindings = 20;

    private const int MaxMessageLength = 300;

    public static void Write(ScanReport report, TextWriter output, GateOutcome gate, string snapshotName, int topFindings = DefaultTopFindings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(gate);

        var present = report.Findings.Where(f => !f.IsAbsent).ToList();
        var active = present.Where(f => !f.IsSuppressed).ToList();
        var suppressed = present.Count - active.Count;
        var absent = report.Findings.Count - present.Count;
        var hasBaseline = report.Findings.Any(f => f.BaselineState is not null) || gate.CountsOnlyNew;
        int Count(IEnumerable<Finding> list, Level level) => list.Count(f => f.Level == level);

        var sb = new StringBuilder();
        sb.Append("## SmsLint: ")
            .Append(Plural.Of(Count(active, Level.Error), "error")).Append(", ")
            .Append(Plural.Of(Count(active, Level.Warning), "warning")).Append(", ")
            .Append(Plural.Of(Count(active, Level.Note), "note")).Append('\n').Append('\n');

        var verdict = gate.ExitCode switch
        {
            0 => "passed",
            1 => "**failed**",
            _ => $"**did not complete** (exit {N(gate.ExitCode)})",
        };
        sb.Append("Scanned ").Append(Plural.Of(report.FilesScanned, "file")).Append(" of `").Append(Code(snapshotName)).Append("` with SmsLint ")
            .Append(report.ToolVersion).Append(" (catalog ").Append(Cell(report.Catalog.Name)).Append(' ').Append(Cell(report.Catalog.Version)).Append("). ");
        sb.Append(gate.FailLevel == Level.None
                ? "Gate: off (fail level none), "
                : $"Gate: fail on {gate.FailLevel.ToSarif()} or worse{(gate.CountsOnlyNew ? " among new findings" : string.Empty)}, ")
            .Append(verdict).Append(".\n");

        if (hasBaseline)
        {
            sb.Append("\nAgainst the baseline: ")
                .Append(N(active.Count(f => f.BaselineState == "new"))).Append(" new, ")
                .Append(N(active.Count(f => f.BaselineState == "unchanged"))).Append(" unchanged, ")
                .Append(N(active.Count(f => f.BaselineState == "updated"))).Append(" updated, ")
                .Append(N(absent)).Append(" absent (no longer found). Only new findings count for the gate.\n");
        }

        if (suppressed > 0)
        {
            sb.Append('\n').Append(Plural.Of(suppressed, "suppressed finding")).Append(suppressed == 1 ? " is" : " are")
                .Append(" not shown; the IDE SARIF profile keeps them with their reasons.\n");
        }

        if (active.Count == 0)
        {
            sb.Append("\nNo findings.\n\n");
            output.Write(sb.ToString());
            return;
        }

        sb.Append("\n### Findings by rule\n\n| Rule | Name | Errors | Warnings | Notes |\n| --- | --- | ---: | ---: | ---: |\n");
        foreach (var group in active.GroupBy(f => f.Rule.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var rule = group.First().Rule;
            sb.Append("| [").Append(rule.Id).Append("](").Append(report.HelpUri(rule.Id)).Append(") | ").Append(Cell(rule.Name)).Append(" | ")
                .Append(N(Count(group, Level.Error))).Append(" | ").Append(N(Count(group, Level.Warning))).Append(" | ")
                .Append(N(Count(group, Level.Note))).Append(" |\n");
        }

        sb.Append("| **Total** | | **").Append(N(Count(active, Level.Error))).Append("** | **").Append(N(Count(active, Level.Warning)))
            .Append("** | **").Append(N(Count(active, Level.Note))).Append("** |\n");

        var top = active
            .Select((f, i) => (Finding: f, Order: i))
            .OrderBy(x => hasBaseline && x.Finding.BaselineState != "new" ? 1 : 0)
            .ThenByDescending(x => x.Finding.Level)
            .ThenBy(x => x.Order)
            .Take(Math.Max(0, topFindings))
            .Select(x => x.Finding)
            .ToList();
        sb.Append("\n### Top findings\n\n");
        sb.Append(hasBaseline ? "| Level | Baseline | Rule | Location | Message |\n| --- | --- | --- | --- | --- |\n" : "| Level | Rule | Location | Message |\n| --- | --- | --- | --- |\n");
        foreach (var f in top)
        {
            sb.Append("| ").Append(f.Level.ToSarif()).Append(" | ");
            if (hasBaseline)
            {
                sb.Append(f.BaselineState ?? "new").Append(" | ");
            }

            sb.Append(f.Rule.Id).Append(" | `").Append(Code(f.Location.Path)).Append(':').Append(N(f.Location.Region.StartLine)).Append("` | ")
                .Append(Cell(Shorten(f.Message)));
            if (f.Help is { Length: > 0 } help)
            {
                sb.Append("<br>help: ").Append(Cell(Shorten(help)));
            }

            sb.Append(" |\n");
        }

        if (active.Count > top.Count)
        {
            sb.Append("\n…and ").Append(Plural.Of(active.Count - top.Count, "more finding")).Append("; the SARIF log has them all.\n");
        }

        // A blank line ends the summary, so that whatever a later step appends starts a new block.
        sb.Append('\n');
        output.Write(sb.ToString());
    }

    private static string Shorten(string text) => text.Length <= MaxMessageLength ? text : text[..(MaxMessageLength - 1)] + "…";

    /// <summary>Text for a table cell: one line, '|' escaped, HTML-significant characters neutralised.</summary>
    private static string Cell(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\n':
                    sb.Append(' ');
                    break;
                case '|':
                    sb.Append("\\|");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '&':
                    sb.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Text inside a one-backtick code span in a table: no backticks, no '|', one line.</summary>
    private static string Code(string text) =>
        text.Replace('`', '\'').Replace("|", "\\|", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');


    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using SmsLint.Findings;

namespace SmsLint.Writers.Text;

/// <summary>
/// Compiler-style lines, <c>path:line:col: level: message [ID]</c>, that editors and CI problem
/// matchers read. Suppressed findings are left out unless asked for (then marked
/// "(suppressed: reason)"); baseline results absent from this scan are never listed.
/// </summary>
public static class CompilerTextWriter
{
    public static void Write(ScanReport report, TextWriter output, bool includeSuppressed = false) => Write(report, output, includeSuppressed, color: false);

    /// <summary>
    /// As above; with <paramref name="color"/> the path is bold, the level coloured (error red,
    /// warning yellow, note cyan) and the rule id dim, with ANSI SGR sequences. The text is otherwise
    /// the same, so a problem matcher that strips the sequences reads the same lines.
    /// </summary>
    public static void Write(ScanReport report, TextWriter output, bool includeSuppressed, bool color)
    {
        var c = color ? Ansi.On : Ansi.Off;
        foreach (var f in report.Findings)
        {
            if ((f.IsSuppressed && !includeSuppressed) || f.IsAbsent)
            {
                continue;
            }

            var r = f.Location.Region;
            output.Write($"{c.Bold}{(color ? Show(f.Location.Path, true) : OneLine(f.Location.Path))}:{r.StartLine}:{r.StartColumn}:{c.Reset} {c.Level(f.Level)}{f.Level.ToSarif()}:{c.Reset} {Show(f.Message, color)} {c.Dim}[{f.Rule.Id}]{c.Reset}");
            if (f.IsSuppressed)
            {
                output.Write($" (suppressed: {OneLine(f.Suppressions[0].Justification)})");
            }
            output.Write('\n');
            foreach (var related in f.Related)
            {
                var rr = related.Region;
                output.Write($"    {c.Bold}{(color ? Show(related.Path, true) : OneLine(related.Path))}:{rr.StartLine}:{rr.StartColumn}:{c.Reset} {c.Level(Level.Note)}note:{c.Reset} {Show(related.Message ?? "related location", color)}");
                output.Write('\n');
            }

            if (f.Help is { Length: > 0 } help)
            {
                // rustc's "= help:" line: the instance's remedy, under the finding it belongs to.
                output.Write($"    {c.Bold}= help:{c.Reset} {Show(help, color)}");
                output.Write('\n');
            }
        }
    }

    /// <summary>The one-line summary printed after the findings (on standard error by the CLI).</summary>
    public static string Summary(ScanReport report)
    {
        var present = report.Findings.Where(f => !f.IsAbsent).ToList();
        var active = present.Where(f => !f.IsSuppressed).ToList();
        int Count(Level l) => active.Count(f => f.Level == l);
        var suppressed = present.Count - active.Count;
        var text = $"{report.FilesScanned} files scanned: {Plural.Of(Count(Level.Error), "error")}, {Plural.Of(Count(Level.Warning), "warning")}, {Plural.Of(Count(Level.Note), "note")}";
        if (suppressed > 0)
        {
            text += $", {suppressed} suppressed";
        }

        if (report.Findings.Any(f => f.BaselineState is not null))
        {
            var absent = report.Findings.Count - present.Count;
            text += $"; against the baseline: {active.Count(f => f.BaselineState == "new")} new, {absent} absent";
        }

        return text + ".";
    }

    /// <summary>A message or path on one line: control characters (line breaks and ESC from file names included) are escaped as \xNN.</summary>
    private static string OneLine(string s) => IO.SafeFile.Printable(s);

    /// <summary>On a terminal (colour on), control characters from the snapshot become U+FFFD, so a hostile file cannot send escape sequences.</summary>
    private static string Show(string s, bool terminal) =>
        terminal ? string.Create(s.Length, s, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = text[i] is '\r' or '\n' ? ' ' : char.IsControl(text[i]) ? '\uFFFD' : text[i];
            }
        }) : OneLine(s);

    /// <summary>ANSI SGR sequences, or empty strings when colour is off.</summary>
    private sealed record Ansi(string Bold, string Dim, string Reset, string Error, string Warning, string Note)
    {
        public static Ansi On { get; } = new("\u001b[1m", "\u001b[2m", "\u001b[0m", "\u001b[1;31m", "\u001b[1;33m", "\u001b[1;36m");

        public static Ansi Off { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

        public string Level(Level level) => level switch
        {
            Findings.Level.Error => Error,
            Findings.Level.Warning => Warning,
            _ => Note,
        };
    }
}

using SmsLint.Findings;

namespace SmsLint.Writers.Text;

/// <summary>
/// Compiler-style lines, <c>path:line:col: level: message [ID]</c>, that editors and CI problem
/// matchers read. Suppressed findings are left out unless asked for (then marked
/// "(suppressed: reason)"); baseline results absent from this scan are never listed.
/// </summary>
public static class CompilerTextWriter
{
    public static void Write(ScanReport report, TextWriter output, bool includeSuppressed = false)
    {
        foreach (var f in report.Findings)
        {
            if ((f.IsSuppressed && !includeSuppressed) || f.IsAbsent)
            {
                continue;
            }

            var r = f.Location.Region;
            output.Write($"{IO.SafeFile.Printable(f.Location.Path)}:{r.StartLine}:{r.StartColumn}: {f.Level.ToSarif()}: {OneLine(f.Message)} [{f.Rule.Id}]");
            if (f.IsSuppressed)
            {
                output.Write($" (suppressed: {OneLine(f.Suppressions[0].Justification)})");
            }
            output.Write('\n');
            foreach (var related in f.Related)
            {
                var rr = related.Region;
                output.Write($"    {IO.SafeFile.Printable(related.Path)}:{rr.StartLine}:{rr.StartColumn}: note: {OneLine(related.Message ?? "related location")}");
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

    /// <summary>A message on one line: control characters (line breaks and ESC from file names included) are escaped as \xNN.</summary>
    private static string OneLine(string s) => IO.SafeFile.Printable(s);
}

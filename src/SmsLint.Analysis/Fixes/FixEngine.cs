using System.Text;
using SmsLint.Decode;
using SmsLint.Findings;

namespace SmsLint.Fixes;

/// <summary>What applying the fixes did: the findings fixed and not fixed, and the files left unchanged and why.</summary>
public sealed record FixOutcome(
    IReadOnlyList<Finding> Applied,
    IReadOnlyList<Finding> NotApplied,
    int FilesChanged,
    IReadOnlyList<(string Path, string Problem)> FilesLeftAlone);

/// <summary>
/// Applies the safe fixes rules attach to their findings (SARIF <c>fixes</c>) to the files of a
/// snapshot folder. Suppressed and absent findings are not fixed. Each file is decoded as the scan
/// decoded it and written back in the same encoding (<see cref="TextEncoding"/>: BOM and line
/// breaks kept); a file whose bytes would not round-trip, or whose text no longer matches what
/// the fix expects, is left alone. Overlapping edits in one file: the first (in report order) wins.
/// </summary>
public static class FixEngine
{
    /// <summary>Larger than any text file the scan reads (its limit is configurable up to this).</summary>
    public const long MaxFixedFileBytes = 1L << 30;

    /// <param name="findings">The report's findings, in report order.</param>
    /// <param name="target">The folder whose files are fixed (the snapshot, or a copy of it).</param>
    /// <param name="write">Writes a fixed file's bytes (atomically: a temporary file and a rename).</param>
    public static FixOutcome Apply(IReadOnlyList<Finding> findings, string target, Action<string, byte[]> write)
    {
        var fixable = findings.Where(f => f.Fix is not null && !f.IsSuppressed && !f.IsAbsent).ToList();
        var byFile = fixable
            .SelectMany(f => f.Fix!.Edits.Select(e => (Finding: f, Edit: e)))
            .GroupBy(x => x.Edit.Deleted.Path, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);

        var applied = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        var skipped = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        var leftAlone = new List<(string, string)>();
        var files = 0;
        var realTarget = SmsLint.IO.SafeFile.RealPath(target);
        foreach (var group in byFile)
        {
            var mine = group.Select(x => x.Finding).Distinct(ReferenceEqualityComparer.Instance).Cast<Finding>().ToList();
            var problem = FixFile(Path.Combine(target, group.Key), realTarget, mine, group.Key, applied, skipped, write);
            if (problem is not null)
            {
                leftAlone.Add((group.Key, problem));
                skipped.UnionWith(mine);
                applied.ExceptWith(mine);
                continue;
            }

            if (mine.Any(applied.Contains))
            {
                files++;
            }
        }

        return new FixOutcome(
            [.. fixable.Where(applied.Contains)],
            [.. fixable.Where(f => skipped.Contains(f) && !applied.Contains(f))],
            files,
            leftAlone);
    }

    /// <summary>Applies the fixes of <paramref name="findings"/> to one file; returns why not when it cannot.</summary>
    private static string? FixFile(string path, string realTarget, List<Finding> findings, string relative, HashSet<Finding> applied, HashSet<Finding> skipped, Action<string, byte[]> write)
    {
        // A file to fix is a text file the scan read, so never larger than the text limit allows;
        // it is read as the scan reads (never a FIFO or device, never through a link out of the tree).
        var bytes = SmsLint.IO.SafeFile.ReadUserFile(path, MaxFixedFileBytes, realTarget, out var readProblem);
        if (bytes is null)
        {
            return $"it {readProblem}";
        }

        if (!TextEncoding.RoundTrips(bytes, out var decoded))
        {
            return $"its encoding ({decoded.Encoding}) cannot be written back byte for byte";
        }

        var text = decoded.Text!.Text;
        var edits = new List<(int Start, int End, string Inserted, Finding Finding)>();
        foreach (var finding in findings)
        {
            var mine = finding.Fix!.Edits.Where(e => e.Deleted.Path == relative).ToList();
            var ok = true;
            foreach (var e in mine)
            {
                var r = e.Deleted.Region;
                var fits = r.CharOffset >= 0 && r.CharOffset + r.CharLength <= text.Length
                    && (e.Deleted.Snippet is not { } snippet || snippet.Length >= Location.MaxSnippetLength
                        || string.CompareOrdinal(text, r.CharOffset, snippet, 0, snippet.Length) == 0)
                    && !edits.Any(x => r.CharOffset < x.End && x.Start < r.CharOffset + r.CharLength);
                ok &= fits;
            }

            if (!ok)
            {
                skipped.Add(finding);
                continue;
            }

            edits.AddRange(mine.Select(e => (e.Deleted.Region.CharOffset, e.Deleted.Region.CharOffset + e.Deleted.Region.CharLength, e.Inserted, finding)));
            applied.Add(finding);
        }

        if (edits.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder(text);
        foreach (var (start, end, inserted, _) in edits.OrderByDescending(x => x.Start))
        {
            sb.Remove(start, end - start).Insert(start, inserted);
        }

        var output = TextEncoding.Encode(sb.ToString(), decoded.Encoding);
        if (output is null)
        {
            return $"the fixed text cannot be written in {decoded.Encoding}";
        }

        write(path, output);
        return null;
    }
}

using System.Security.Cryptography;
using System.Text;
using SmsLint.Catalog;
using SmsLint.Discover;
using SmsLint.Findings;
using SmsLint.Model;

namespace SmsLint.Engine;

/// <summary>Runs rules over a loaded snapshot, sorts findings and fingerprints them.</summary>
public static class Linter
{
    public static string ToolVersion { get; } =
        typeof(Linter).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>
    /// Runs the selected rules of <paramref name="rules"/> over a model and returns their findings,
    /// unsorted, and the ids of the rules that ran. A rule that throws has its findings dropped and a
    /// notification says so. Suppressions and fingerprints come after (<c>Scanning.Scanner.Run</c>).
    /// </summary>
    public static (List<Finding> Findings, HashSet<string> Ran) RunRules(
        SnapshotModel model,
        IEnumerable<Rule> rules,
        AnalysisOptions options,
        SmsCatalog catalog,
        List<Notification> notifications,
        IReadOnlyList<SourceProblem>? sourceProblems = null)
    {
        var findings = new List<Finding>();
        var ran = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var all = rules as IReadOnlyCollection<Rule> ?? [.. rules];
        options.Progress?.Start("running rules", all.Count);
        foreach (var rule in all)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            options.Progress?.Step();
            var id = rule.Descriptor.Id;
            if (!options.RunsRule(id))
            {
                continue;
            }

            ran.Add(id);

            var context = new RuleContext(rule, model, catalog, options, findings) { SourceProblems = sourceProblems ?? [] };
            var before = findings.Count;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                rule.Check(context);
                options.Progress?.RuleTook(id, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
            {
                findings.RemoveRange(before, findings.Count - before);
                notifications.Add(new Notification("SMS-RULE-FAILED", Level.Error, $"Rule {id} failed and its results were dropped: {ex.GetType().Name}: {ex.Message}"));
            }
        }

        return (findings, ran);
    }

    public static List<Finding> Sort(IEnumerable<Finding> findings) =>
    [
        .. findings
            .OrderBy(f => f.Location.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Location.Region.StartLine)
            .ThenBy(f => f.Location.Region.StartColumn)
            .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
            .ThenBy(f => f.Message, StringComparer.Ordinal)
            .ThenBy(f => f.Subject, StringComparer.Ordinal),
    ];

    public static List<Notification> Sort(List<Notification> notifications) =>
    [
        .. notifications
            .OrderBy(n => n.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .ThenBy(n => n.Message, StringComparer.Ordinal),
    ];

    /// <summary>Name of SmsLint's own, line-independent fingerprint.</summary>
    public const string OwnFingerprint = "smslint/v1";

    /// <summary>Adds each finding's fingerprints: <see cref="OwnFingerprint"/> and GitHub's primaryLocationLineHash.</summary>
    public static List<Finding> Fingerprint(List<Finding> findings, SnapshotModel model, ISnapshotSource? source)
    {
        // The furthest line each file needs: a file's lines are hashed only that far (a finding on
        // line 3 of a 100-line copy list needs three hashes, not a hundred), and a file not read
        // as text is read again only that far.
        var furthest = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            furthest[f.Location.Path] = Math.Max(furthest.GetValueOrDefault(f.Location.Path), Math.Max(1, f.Location.Region.StartLine));
        }

        var hashes = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var result = new List<Finding>(findings.Count);
        foreach (var f in findings)
        {
            var line = Math.Max(1, f.Location.Region.StartLine);
            if (!hashes.TryGetValue(f.Location.Path, out var lines))
            {
                lines = LineHashes(model.FindFile(f.Location.Path), source, furthest[f.Location.Path]);
                hashes.Add(f.Location.Path, lines);
            }

            var prints = new SortedDictionary<string, string>(StringComparer.Ordinal) { [OwnFingerprint] = OwnKey(f) };
            if (lines.Length > 0)
            {
                prints["primaryLocationLineHash"] = lines[Math.Min(line, lines.Length) - 1];
            }

            result.Add(f with { Fingerprints = prints });
        }

        return result;
    }

    /// <summary>
    /// GitHub's line hashes of the file a finding is on, computed from what upload-sarif reads: the
    /// file's bytes as UTF-8. A plain UTF-8 file hashes its decoded text; a file kept with its raw
    /// bytes (another encoding, a BOM, a NUL, not text) hashes those, never reading it again; each
    /// only as far as <paramref name="furthestLine"/>; a file
    /// that was not read as text (a PE binary, an LCF, a file over the size limit) is read from its
    /// start only as far as the furthest line a finding on it needs. Empty when the file cannot be
    /// read at all: then upload-sarif computes the value itself, or cannot either.
    /// </summary>
    private static string[] LineHashes(LoadedFile? file, ISnapshotSource? source, int furthestLine)
    {
        if (file is null)
        {
            return [];
        }

        if (file.RawBytes is { } raw)
        {
            return LineHash.Compute(raw, furthestLine);
        }

        if (file.Text is { } text && file.Encoding == "utf-8")
        {
            return LineHash.Compute(text.Text, furthestLine);
        }

        if (file.File.Length == 0)
        {
            return LineHash.Compute(string.Empty);
        }

        if (source is null || file.File.Entry.Unreadable is not null)
        {
            return [];
        }

        using var stream = source.OpenRead(file.File.Entry, out _);
        if (stream is null)
        {
            return [];
        }

        try
        {
            return LineHash.Compute(stream, furthestLine, MaxHashedBytes);
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>How much of a file not read as text the fingerprint pass reads at most (a first line is a few hundred bytes).</summary>
    private const long MaxHashedBytes = 16L * 1024 * 1024;

    /// <summary>Rule, normalised path and subject: stable when lines move or the capture's case changes.</summary>
    public static string OwnKey(Finding f)
    {
        var material = $"{f.Rule.Id}|{f.Location.Path.ToLowerInvariant()}|{f.Subject}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..32];
    }
}

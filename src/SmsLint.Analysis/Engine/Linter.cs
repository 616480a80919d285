using System.Security.Cryptography;
using System.Text;
using SmsLint.Catalog;
using SmsLint.Discover;
using SmsLint.Findings;
using SmsLint.Model;
using SmsLint.Rules;

namespace SmsLint.Engine;

/// <summary>Runs the registered rules over a loaded snapshot and returns sorted, fingerprinted findings.</summary>
public static class Linter
{
    public static string ToolVersion { get; } =
        typeof(Linter).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>The whole scan: discover, decode, parse, model, rules. Never throws for bad input.</summary>
    public static ScanReport Scan(ISnapshotSource source, AnalysisOptions options, SmsCatalog catalog, CatalogInfo catalogInfo)
    {
        var model = SnapshotLoader.Load(source, options);
        var notifications = new List<Notification>();
        foreach (var problem in source.Problems)
        {
            notifications.Add(new Notification("SMS-SOURCE-" + problem.Kind.ToUpperInvariant(), Level.Warning, $"'{problem.Path}' {problem.Message}", problem.Path));
        }

        foreach (var file in model.Files)
        {
            switch (file.Problem?.Kind)
            {
                case InputProblemKind.Unreadable:
                    notifications.Add(new Notification("SMS-SOURCE-UNREADABLE", Level.Warning, $"'{file.Path}' {file.Problem.Message}", file.Path));
                    break;
                case InputProblemKind.InternalError:
                    notifications.Add(new Notification("SMS-INTERNAL-ERROR", Level.Error, $"'{file.Path}' {file.Problem.Message}", file.Path));
                    break;
            }
        }

        var findings = Run(model, BuiltInRules.All, options, catalog, notifications, source.Problems, source);
        return new ScanReport(ToolVersion, source.RootPath, BuiltInRules.Descriptors, findings, Sort(notifications), catalogInfo)
        {
            FilesScanned = model.Files.Count,
        };
    }

    public static IReadOnlyList<Finding> Run(
        SnapshotModel model,
        IEnumerable<Rule> rules,
        AnalysisOptions options,
        SmsCatalog catalog,
        List<Notification> notifications,
        IReadOnlyList<SourceProblem>? sourceProblems = null,
        ISnapshotSource? source = null)
    {
        var findings = new List<Finding>();
        var ran = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules)
        {
            options.Cancellation.ThrowIfCancellationRequested();
            var id = rule.Descriptor.Id;
            if ((options.Select.Count > 0 && !options.Select.Contains(id)) || options.Ignore.Contains(id))
            {
                continue;
            }

            ran.Add(id);

            var context = new RuleContext(rule, model, catalog, options, findings) { SourceProblems = sourceProblems ?? [] };
            var before = findings.Count;
            try
            {
                rule.Check(context);
            }
            catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
            {
                findings.RemoveRange(before, findings.Count - before);
                notifications.Add(new Notification("SMS-RULE-FAILED", Level.Error, $"Rule {id} failed and its results were dropped: {ex.GetType().Name}: {ex.Message}"));
            }
        }

        // Level overrides and suppressions (SMS0007-SMS0009), once every rule has reported.
        var reviewed = Suppressions.SuppressionPass.Apply(model, findings, options, ran.Contains, notifications);
        return Fingerprint(Sort(reviewed), model, source);
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

    private static List<Notification> Sort(List<Notification> notifications) =>
    [
        .. notifications
            .OrderBy(n => n.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .ThenBy(n => n.Message, StringComparer.Ordinal),
    ];

    /// <summary>Name of SmsLint's own, line-independent fingerprint.</summary>
    public const string OwnFingerprint = "smslint/v1";

    private static List<Finding> Fingerprint(List<Finding> findings, SnapshotModel model, ISnapshotSource? source)
    {
        var hashes = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var result = new List<Finding>(findings.Count);
        foreach (var f in findings)
        {
            if (!hashes.TryGetValue(f.Location.Path, out var lines))
            {
                lines = LineHash.Compute(HashedText(model.FindFile(f.Location.Path), source));
                hashes.Add(f.Location.Path, lines);
            }

            var line = Math.Clamp(f.Location.Region.StartLine, 1, lines.Length) - 1;
            var prints = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["primaryLocationLineHash"] = lines[line],
                [OwnFingerprint] = OwnKey(f),
            };
            result.Add(f with { Fingerprints = prints });
        }

        return result;
    }

    /// <summary>
    /// The text GitHub's upload-sarif would hash: the file's bytes read as UTF-8. For plain UTF-8
    /// that is the decoded text; for other encodings it is the bytes the loader read (kept for
    /// that), never a second read of the file, so the hash matches what GitHub computes for a
    /// snapshot committed to a repository and describes the same bytes the findings do.
    /// </summary>
    private static string HashedText(LoadedFile? file, ISnapshotSource? source)
    {
        _ = source;
        if (file?.Text is null)
        {
            return string.Empty;
        }

        return file.Encoding == "utf-8" || file.RawBytes is not { } bytes ? file.Text.Text : LineHash.DecodeAsUploadSarif(bytes);
    }

    /// <summary>Rule, normalised path and subject: stable when lines move or the capture's case changes.</summary>
    public static string OwnKey(Finding f)
    {
        var material = $"{f.Rule.Id}|{f.Location.Path.ToLowerInvariant()}|{f.Subject}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)))[..32];
    }
}

using SmsLint.Catalog;
using SmsLint.Cli.Commands;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Rules;
using SmsLint.Scanning;
using SmsLint.Writers.Sarif;

namespace SmsLint.Tests.Cli.Robustness;

/// <summary>
/// Wraps a real source and makes some of its files fail to read, the way a file whose permissions
/// deny the scanning account would (tests run as root in CI, where chmod cannot deny anything).
/// </summary>
internal sealed class DenyingSource(ISnapshotSource inner, params string[] denied) : ISnapshotSource
{
    public string RootPath => inner.RootPath;

    public IReadOnlyList<SnapshotEntry> Entries => inner.Entries;

    public IReadOnlyList<SourceProblem> Problems => inner.Problems;

    private bool Denied(SnapshotEntry entry) => denied.Contains(entry.Path, StringComparer.Ordinal);

    public byte[]? ReadAll(SnapshotEntry entry, long maxBytes, out SourceProblem? problem)
    {
        if (Denied(entry))
        {
            problem = new SourceProblem(entry.Path, "unreadable", $"could not be read: Access to the path '{entry.Path}' is denied.");
            return null;
        }

        return inner.ReadAll(entry, maxBytes, out problem);
    }

    public Stream? OpenRead(SnapshotEntry entry, out SourceProblem? problem)
    {
        if (Denied(entry))
        {
            problem = new SourceProblem(entry.Path, "unreadable", $"could not be opened: Access to the path '{entry.Path}' is denied.");
            return null;
        }

        return inner.OpenRead(entry, out problem);
    }

    public void Dispose() => inner.Dispose();
}

/// <summary>Lists a real source's files and problems in a shuffled order, as an unsorted file system could.</summary>
internal sealed class ShuffledSource : ISnapshotSource
{
    private readonly ISnapshotSource _inner;

    public ShuffledSource(ISnapshotSource inner, int seed)
    {
        _inner = inner;
        var random = new Random(seed);
        var entries = inner.Entries.ToArray();
        random.Shuffle(entries);
        Entries = entries;
        var problems = inner.Problems.ToArray();
        random.Shuffle(problems);
        Problems = problems;
    }

    public string RootPath => _inner.RootPath;

    public IReadOnlyList<SnapshotEntry> Entries { get; }

    public IReadOnlyList<SourceProblem> Problems { get; }

    public byte[]? ReadAll(SnapshotEntry entry, long maxBytes, out SourceProblem? problem) => _inner.ReadAll(entry, maxBytes, out problem);

    public Stream? OpenRead(SnapshotEntry entry, out SourceProblem? problem) => _inner.OpenRead(entry, out problem);

    public void Dispose() => _inner.Dispose();
}

/// <summary>Scans a source the way `smslint scan` does and renders the SARIF log.</summary>
internal static class SourceScan
{
    private static readonly SmsCatalog Catalog = SmsCatalog.LoadEmbedded();

    public static ScanReport Report(ISnapshotSource source, AnalysisOptions? options = null) =>
        Scanner.Scan(source, options ?? new AnalysisOptions(), Catalog, new CatalogInfo(Catalog.Name, Catalog.CatalogVersion, "embedded"), BuiltInRules.All) with
        {
            RuleDocs = RuleDocumentation.Pages,
            RuleSummaries = RuleDocumentation.Summaries,
        };

    public static string Sarif(ISnapshotSource source, AnalysisOptions? options = null) => SarifWriter.WriteToString(Report(source, options));
}

/// <summary>Adds listing problems to a real source, like a folder the scanning account may not list.</summary>
internal sealed class ProblemSource(ISnapshotSource inner, params SourceProblem[] extra) : ISnapshotSource
{
    public string RootPath => inner.RootPath;

    public IReadOnlyList<SnapshotEntry> Entries => inner.Entries;

    public IReadOnlyList<SourceProblem> Problems { get; } = [.. inner.Problems, .. extra];

    public byte[]? ReadAll(SnapshotEntry entry, long maxBytes, out SourceProblem? problem) => inner.ReadAll(entry, maxBytes, out problem);

    public Stream? OpenRead(SnapshotEntry entry, out SourceProblem? problem) => inner.OpenRead(entry, out problem);

    public void Dispose() => inner.Dispose();
}

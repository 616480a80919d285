using System.Text;
using SmsLint.Catalog;
using SmsLint.Config;
using SmsLint.Rules;
using SmsLint.Writers.Sarif;

namespace SmsLint.Fuzz;

/// <summary>
/// The readers of the files a user hands SmsLint besides the snapshot: smslint.yml, a baseline
/// SARIF log and a catalog. Each must return a result or errors with a position, never throw,
/// and never quote more than a short excerpt of what it was given.
/// </summary>
internal abstract class ReaderTarget(string name, List<byte[]> seeds, Corpus corpus) : Target(name)
{
    /// <summary>Longer than any message the readers write about a file's content (excerpts are short).</summary>
    protected const int MaxMessage = 600;

    public override FuzzCase Next(Random random)
    {
        var mutator = new Mutator(random, [.. seeds, .. corpus.Text.Take(8)]);
        var seed = seeds[random.Next(seeds.Count)];
        return Replay(random.Next(50) == 0 ? seed : mutator.Mutate(seed));
    }

    protected static void CheckMessage(string message)
    {
        if (message.Length > MaxMessage)
        {
            throw new InvariantException($"a {message.Length:N0}-character error message: {message[..80]}…");
        }
    }
}

/// <summary>smslint.yml through <see cref="ConfigLoader.Parse"/> (YAML, nesting limit, every key).</summary>
internal sealed class ConfigTarget(Corpus corpus) : ReaderTarget("config", Seeds(), corpus)
{
    private static List<byte[]> Seeds() =>
    [
        .. new[]
        {
            "rules:\n  select: [SMS1001, SMS3001]\n  ignore:\n    - SMS5002\n  levels:\n    SMS3001: error\n",
            "exclude:\n  - \"**/Backup/**\"\n  - DC02/**\ninlineSuppressions: false\n",
            "limits:\n  maxTextFileBytes: 1048576\n  maxLineLength: 4096\n  maxFolderDepth: 32\n  zip:\n    maxEntries: 1000\n    maxEntryBytes: 1000000\n    maxTotalBytes: 50000000\n    maxCompressionRatio: 150.5\n",
            "suppressions:\n  - rule: SMS3002\n    path: DC01/NETLOGON/Smsls.bat\n    reason: replicated by hand\n    expires: 2030-01-01\n",
            "catalog: sms-catalog.json\nrules: {levels: {SMS2001: note}}\n",
            "a: &x [1, 2]\nb: *x\nexclude: [[[[x]]]]\n",
            "---\nrules:\n  select: SMS1001\n...\n---\nsecond: doc\n",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    private static readonly IReadOnlyCollection<string> RuleIds = [.. BuiltInRules.All.Select(r => r.Descriptor.Id)];

    public override FuzzCase Replay(byte[] saved) => new(saved, () =>
    {
        var text = Encoding.UTF8.GetString(saved);
        var result = ConfigLoader.Parse(text, "/fuzz/smslint.yml", "smslint.yml", RuleIds);
        if ((result.Config is null) == (result.Errors.Count == 0))
        {
            throw new InvariantException("a configuration together with errors, or neither");
        }

        foreach (var error in result.Errors)
        {
            if (error.Line < 0 || error.Column < 0)
            {
                throw new InvariantException($"an error at line {error.Line}, column {error.Column}");
            }

            CheckMessage(error.Message);
        }
    });
}

/// <summary>A baseline SARIF log through <see cref="SarifBaseline.Parse"/>, then compared with no current findings (every result absent).</summary>
internal sealed class BaselineTarget(Corpus corpus, List<byte[]> seeds) : ReaderTarget("baseline", seeds, corpus)
{
    public override FuzzCase Replay(byte[] saved) => new(saved, () =>
    {
        var result = SarifBaseline.Parse(saved, "fuzz.sarif");
        if ((result.Entries is null) == (result.Error is null))
        {
            throw new InvariantException("entries together with an error, or neither");
        }

        if (result.Error is { } error)
        {
            CheckMessage(error);
            return;
        }

        var absent = SarifBaseline.Compare([], result.Entries!, Rules.BuiltInRules.Descriptors, _ => true);
        foreach (var f in absent)
        {
            var r = f.Location.Region;
            if (r.StartLine < 1 || r.StartColumn < 1 || r.EndLine < r.StartLine || r.EndColumn < 1 || r.CharOffset < 0 || r.CharLength < 0)
            {
                throw new InvariantException($"an absent result with a region SARIF rejects: {r}");
            }
        }
    });
}

/// <summary>An SMS catalog through <see cref="SmsCatalog.Load"/> (JSON, schema validation, deserialisation).</summary>
internal sealed class CatalogTarget(Corpus corpus, List<byte[]> seeds) : ReaderTarget("catalog", seeds, corpus)
{
    public override FuzzCase Replay(byte[] saved) => new(saved, () =>
    {
        using var stream = new MemoryStream(saved, writable: false);
        var result = SmsCatalog.Load(stream, "fuzz.json");
        if ((result.Catalog is null) == (result.Errors.Count == 0))
        {
            throw new InvariantException("a catalog together with errors, or neither");
        }

        foreach (var error in result.Errors)
        {
            CheckMessage(error);
        }
    });
}

/// <summary>
/// Seeds for the reader targets from the repository: the SARIF logs under testdata, the KB scenarios'
/// SARIF snapshots (tests/SmsLint.Cli.Tests/Snapshots/__snapshots__), and the embedded catalog.
/// </summary>
internal static class ReaderSeeds
{
    /// <summary>Bigger logs are skipped: the mutator works on inputs of at most a few hundred kilobytes.</summary>
    private const long MaxSeedBytes = 512 * 1024;

    public static List<byte[]> Baselines(string testdata)
    {
        var snapshots = Path.Combine(testdata, "..", "tests", "SmsLint.Cli.Tests", "Snapshots", "__snapshots__");
        var seeds = Directory.EnumerateFiles(testdata, "*.sarif", SearchOption.AllDirectories)
            .Concat(Directory.Exists(snapshots) ? Directory.EnumerateFiles(snapshots, "sarif.*.snap") : [])
            .Order(StringComparer.Ordinal)
            .Where(f => new FileInfo(f).Length <= MaxSeedBytes)
            .Select(File.ReadAllBytes)
            .ToList();
        return seeds.Count > 0 ? seeds : ["{\"version\":\"2.1.0\",\"runs\":[]}"u8.ToArray()];
    }

    public static List<byte[]> Catalogs(string testdata)
    {
        var catalog = Path.Combine(testdata, "..", "src", "SmsLint.Analysis", "Catalog", "sms-catalog.json");
        return File.Exists(catalog) ? [File.ReadAllBytes(catalog)] : ["{}"u8.ToArray()];
    }
}

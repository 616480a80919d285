using System.Security.Cryptography;
using SmsLint.Bench.Generator;
using SmsLint.Catalog;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Rules;
using SmsLint.Scanning;

namespace SmsLint.Bench.Tests;

/// <summary>
/// The generator is only useful as a benchmark input if a seed always means the same bytes and
/// the injected defects are exactly what the rules report. About 2,000 files, so it stays fast.
/// </summary>
public sealed class GeneratorTests : IDisposable
{
    private const int Files = 2_000;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "smslint-bench-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    private (string Root, SnapshotPlan Plan, WriteSummary Summary) Generate(string name, ulong seed, int threads)
    {
        var root = Path.Combine(_work, name, "snapshot");
        var plan = SnapshotPlanner.Plan(new GeneratorOptions { Seed = seed, Files = Files });
        var summary = SnapshotWriter.Write(plan, root, threads);
        File.WriteAllText(Path.Combine(_work, name, "expected-findings.json"), SnapshotWriter.ExpectedJson(plan, summary));
        return (root, plan, summary);
    }

    private static List<string> Describe(IEnumerable<Finding> findings) =>
    [
        .. findings.Select(f => $"{f.Rule.Id} {f.Location.Path} {f.Location.Region} {f.Message} {string.Join(",", f.Related.Select(r => r.Path))} {string.Join(",", f.Fingerprints.OrderBy(p => p.Key, StringComparer.Ordinal))}"),
    ];

    /// <summary>Every file's relative path and SHA-256, in ordinal order.</summary>
    private static List<string> Digest(string root) =>
    [
        .. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/') + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void Same_seed_gives_byte_identical_snapshots_whatever_the_thread_count()
    {
        var a = Generate("a", seed: 42, threads: 1);
        var b = Generate("b", seed: 42, threads: 4);

        Assert.Equal(Digest(a.Root), Digest(b.Root));
        Assert.Equal(
            File.ReadAllText(Path.Combine(_work, "a", "expected-findings.json")),
            File.ReadAllText(Path.Combine(_work, "b", "expected-findings.json")));
    }

    [Fact]
    public void Another_seed_gives_another_snapshot()
    {
        var a = SnapshotPlanner.Plan(new GeneratorOptions { Seed = 1, Files = Files });
        var b = SnapshotPlanner.Plan(new GeneratorOptions { Seed = 2, Files = Files });
        var first = a.Files.First(f => f.Path.EndsWith("/SMS.INI", StringComparison.Ordinal));
        var other = b.Files.FirstOrDefault(f => f.Path == first.Path);
        Assert.True(other is null || !a.Render(first).AsSpan().SequenceEqual(b.Render(other)));
    }

    [Fact]
    public void Plan_reaches_the_file_count_and_looks_like_a_capture()
    {
        var plan = SnapshotPlanner.Plan(new GeneratorOptions { Seed = 7, Files = Files });
        Assert.InRange(plan.Files.Count, Files, Files + 5);
        Assert.Equal(plan.Files.Count, plan.Files.Select(f => f.Path.ToUpperInvariant()).Distinct().Count());

        var shares = plan.Files.Select(f => f.Path.Split('/')).Where(p => p.Length > 2).Select(p => FileClassifier.ClassifyShare(p[1])).ToHashSet();
        foreach (var kind in new[] { ShareKind.SmsLogon, ShareKind.Netlogon, ShareKind.SmsShr, ShareKind.SiteServer, ShareKind.Cap, ShareKind.ClientDrive, ShareKind.ClientAdmin })
        {
            Assert.Contains(kind, shares);
        }

        var text = plan.Files.Where(f => f.Text is not null && f.Injection is null).Select(plan.Render).ToList();
        Assert.All(text, bytes => Assert.Equal(-1, bytes.AsSpan().IndexOf((byte)0)));
        Assert.Contains(text, bytes => bytes.AsSpan().IndexOf("\r\n"u8) >= 0);
        Assert.Contains(text, bytes => bytes.AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0); // Windows-1252 letters
        Assert.Contains(plan.Files, f => f.Bytes is not null && plan.Render(f).AsSpan().StartsWith("MZ"u8)); // real PE binaries
        Assert.Contains(plan.Files, f => f.Bytes is not null && plan.Render(f).Length == 0); // placeholders

        // Every row of the injection table is used, each defect in its own file.
        Assert.Equal(Defects.Table.Select(d => d.Name).Order(), plan.Injections.Select(i => i.Defect.Name).Distinct().Order());
        Assert.Equal(plan.Injections.Count, plan.Injections.Select(i => i.File.Path).Distinct().Count());
    }

    [Fact]
    public void Rules_report_exactly_the_injected_defects_whatever_the_thread_count()
    {
        var (root, plan, _) = Generate("scan", seed: 5, threads: 2);
        var catalog = SmsCatalog.LoadEmbedded();
        using var source = new DirectorySource(root);
        var report = Scanner.Scan(source, new AnalysisOptions(), catalog, new CatalogInfo(catalog.Name, catalog.CatalogVersion, "embedded"), BuiltInRules.All);

        foreach (var (rule, expected) in plan.ExpectedFindings)
        {
            var found = report.Findings.Where(f => f.Rule.Id == rule).Select(f => f.Location.Path).Order(StringComparer.Ordinal).ToList();
            var injected = plan.Injections.Where(i => i.Defect.RuleId == rule).Select(i => i.File.Path).Order(StringComparer.Ordinal).ToList();
            Assert.True(expected == found.Count, $"{rule}: expected {expected} finding(s) at [{string.Join(", ", injected)}], got {found.Count} at [{string.Join(", ", found)}]");
            Assert.Equal(injected, found);
        }

        // The same scan on one thread gives the same findings, in the same order, with the same fingerprints.
        using var again = new DirectorySource(root);
        var single = Scanner.Scan(again, new AnalysisOptions { Threads = 1 }, catalog, new CatalogInfo(catalog.Name, catalog.CatalogVersion, "embedded"), BuiltInRules.All);
        Assert.Equal(Describe(report.Findings), Describe(single.Findings));

        // Nothing the generator writes by design should be unreadable to the parsers.
        Assert.DoesNotContain(report.Findings, f => f.Rule.Id is "SMS0001" or "SMS0003" or "SMS0005");
        Assert.Contains(BuiltInRules.All, r => r.Descriptor.Id == "SMS4001");
    }
}

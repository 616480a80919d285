using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Rules;
using SmsLint.Scanning;
using SmsLint.Tests.Rules;

namespace SmsLint.Tests.Engine;

/// <summary>
/// The phase log behind <c>SMSLINT_PHASES=1</c> (issue 14): a scan records its phases in the order
/// they ran, with the heap at each start and the time of every rule that ran. Nothing here
/// depends on how long anything took.
/// </summary>
public sealed class ScanPhaseTests
{
    [Fact]
    public void A_scan_logs_its_phases_in_order_and_every_rule_that_ran()
    {
        var progress = new ScanProgress { MeasureLiveHeap = true };
        var demo = Path.Combine(Repo.Root, "testdata", "demo");
        using var source = new DirectorySource(demo, threads: 1);
        progress.Start("listing files", 0);
        var report = Scanner.Scan(source, new AnalysisOptions { Progress = progress, Threads = 1 }, FixtureRunner.Catalog, new CatalogInfo("test", "0", null), BuiltInRules.All);

        var phases = progress.Durations();
        Assert.Equal(
            ["preparing (configuration, catalog)", "listing files", "reading and parsing files", "building the model", "running rules", "suppressions", "sorting and fingerprints"],
            phases.Select(p => p.Phase));
        Assert.All(phases, p => Assert.True(p.Duration >= TimeSpan.Zero && p.HeapAtStart > 0, p.Phase));

        var rules = progress.SlowestRules(int.MaxValue);
        Assert.Equal(report.RulesRun!.Order(StringComparer.Ordinal), rules.Select(r => r.Rule).Order(StringComparer.Ordinal));
        Assert.Equal(rules.OrderByDescending(r => r.Duration).Select(r => r.Duration), rules.Select(r => r.Duration));
        Assert.Equal(3, progress.SlowestRules(3).Count);
        Assert.NotEmpty(report.Findings);
    }
}

using Newtonsoft.Json.Linq;
using Snapshooter;

namespace SmsLint.Tests.Cli.Snapshots;

/// <summary>
/// Structured snapshots (Snapshooter) of what SmsLint writes as JSON: the JSON report of every
/// scenario, the rule catalogue, the plan of every plan scenario and the SARIF of every KB
/// scenario under testdata/e2e. Byte-exact goldens stay where the bytes are the point: text
/// output, rules/README.md, and the demo's SARIF (testdata/demo.expected.sarif).
/// </summary>
public sealed class SnapshotTests
{
    public static TheoryData<string> ScanScenarios() => EndToEndTests.Scenarios();

    public static TheoryData<string> KbScenarios()
    {
        var data = new TheoryData<string>();
        foreach (var scenario in EndToEndTests.Scenarios())
        {
            if (scenario.StartsWith("e2e/", StringComparison.Ordinal))
            {
                data.Add(scenario);
            }
        }

        return data;
    }

    public static TheoryData<string> PlanScenarios() => PlanTests.Scenarios();

    private static string SnapshotOf(string scenario) => scenario == "demo"
        ? Path.Combine(Repo.TestData, "demo")
        : Path.Combine(Repo.TestData, scenario, "snapshot");

    /// <summary>The tool's and the catalog's version change with a release, not with a scenario.</summary>
    private static MatchOptions MaskReport(MatchOptions o) => o.IgnoreField("version").IgnoreField("catalog.version");

    /// <summary>The tool's and the catalog's versions in a SARIF log.</summary>
    private static MatchOptions MaskSarif(MatchOptions o) => o
        .IgnoreFields("runs[*].tool.driver.version")
        .IgnoreFields("runs[*].tool.driver.semanticVersion")
        .IgnoreFields("runs[*].tool.extensions[*].version");

    /// <summary>
    /// The SARIF of a scenario without the rule pages it embeds (each rule's help and full
    /// description): rules/*.md own that text, and the demo's byte-exact golden covers how it is
    /// written. What a scenario is about is its results.
    /// </summary>
    private static JToken WithoutRulePages(string sarif)
    {
        var log = JToken.Parse(sarif);
        foreach (var rule in log.SelectTokens("runs[*].tool.driver.rules[*]").OfType<JObject>())
        {
            rule.Remove("fullDescription");
            rule.Remove("help");
        }

        return log;
    }

    [Theory]
    [MemberData(nameof(ScanScenarios))]
    public void Json_report_matches_snapshot(string scenario)
    {
        var (exit, json, err) = CliRunner.Run("scan", SnapshotOf(scenario), "--format", "json", "--fail-level", "none");
        Assert.True(exit == 0, err);
        Snap.MatchJson(json, "scan-json." + scenario, MaskReport);
    }

    [Theory]
    [MemberData(nameof(KbScenarios))]
    public void Sarif_of_kb_scenario_matches_snapshot(string scenario)
    {
        var (exit, sarif, err) = CliRunner.Run("scan", SnapshotOf(scenario), "--format", "sarif", "--fail-level", "none");
        Assert.True(exit == 0, err);
        Snap.Match(WithoutRulePages(sarif), "sarif." + scenario, MaskSarif);
    }

    [Theory]
    [MemberData(nameof(PlanScenarios))]
    public void Plan_json_matches_snapshot(string scenario)
    {
        var dir = Path.Combine(Repo.TestData, "e2e", scenario);
        var args = File.ReadAllText(Path.Combine(dir, "plan.args")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var (exit, json, err) = CliRunner.Run(["plan", Path.Combine(dir, "snapshot"), .. args, "--format", "json", "--fail-on", "none"]);
        Assert.True(exit == 0, err);
        Snap.MatchJson(json, "plan-json." + scenario);
    }

    [Fact]
    public void Rule_catalogue_matches_snapshot()
    {
        var (exit, json, err) = CliRunner.Run("rules", "--format", "json");
        Assert.True(exit == 0, err);
        Snap.MatchJson(json, "rules-json");
    }
}

/// <summary>The snapshot policy itself: CI never writes or updates a snapshot, and a change always fails.</summary>
public sealed class SnapPolicyTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "smslint-snap-" + Guid.NewGuid().ToString("N"));

    private string PathOf(string name) => Path.Combine(folder, "__snapshots__", name + ".snap");

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Missing_snapshot_fails_under_ci_and_is_not_written()
    {
        var failure = Assert.ThrowsAny<Exception>(() => Snap.Match(JToken.Parse("""{"a":1}"""), "missing", null, folder, ci: true, update: false));
        Assert.Contains("does not exist, and CI never writes snapshots", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("missing")));
    }

    [Fact]
    public void Update_request_is_ignored_under_ci()
    {
        Snap.Match(JToken.Parse("""{"a":1}"""), "kept", null, folder, ci: false, update: false);
        var before = File.ReadAllText(PathOf("kept"));

        Assert.ThrowsAny<Exception>(() => Snap.Match(JToken.Parse("""{"a":2}"""), "kept", null, folder, ci: true, update: true));
        Assert.Equal(before, File.ReadAllText(PathOf("kept")));
    }

    [Fact]
    public void Mismatch_fails_and_keeps_the_snapshot_outside_ci_too()
    {
        Snap.Match(JToken.Parse("""{"a":1,"b":[1,2]}"""), "changed", null, folder, ci: false, update: false);
        var before = File.ReadAllText(PathOf("changed"));

        Assert.ThrowsAny<Exception>(() => Snap.Match(JToken.Parse("""{"a":1,"b":[2,1]}"""), "changed", null, folder, ci: false, update: false));
        Assert.Equal(before, File.ReadAllText(PathOf("changed")));

        // The same document matches, under CI as well.
        Snap.Match(JToken.Parse("""{"a":1,"b":[1,2]}"""), "changed", null, folder, ci: true, update: false);
    }

    [Fact]
    public void Update_request_rewrites_the_snapshot_outside_ci()
    {
        Snap.Match(JToken.Parse("""{"a":1}"""), "updated", null, folder, ci: false, update: false);
        Snap.Match(JToken.Parse("""{"a":2}"""), "updated", null, folder, ci: false, update: true);
        Assert.Contains("\"a\": 2", File.ReadAllText(PathOf("updated")), StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_fields_do_not_fail_a_match()
    {
        Snap.Match(JToken.Parse("""{"version":"0.1.0","x":1}"""), "masked", o => o.IgnoreField("version"), folder, ci: false, update: false);
        Snap.Match(JToken.Parse("""{"version":"9.9.9","x":1}"""), "masked", o => o.IgnoreField("version"), folder, ci: true, update: false);
        Assert.ThrowsAny<Exception>(() => Snap.Match(JToken.Parse("""{"version":"9.9.9","x":2}"""), "masked", o => o.IgnoreField("version"), folder, ci: true, update: false));
    }
}

using System.Text.Json;

namespace SmsLint.Tests.Cli;

/// <summary>
/// Golden text for the demo snapshot and every testdata/e2e scenario, and the demo's byte-exact
/// SARIF golden; the SARIF of the e2e scenarios is a structured snapshot (Snapshots/SnapshotTests).
/// </summary>
public sealed class EndToEndTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string> { "demo" };
        var e2e = Path.Combine(Repo.TestData, "e2e");
        if (Directory.Exists(e2e))
        {
            foreach (var dir in Directory.GetDirectories(e2e).Order(StringComparer.Ordinal))
            {
                data.Add("e2e/" + Path.GetFileName(dir));
            }
        }

        return data;
    }

    /// <summary>demo → testdata/demo with goldens beside it; e2e/X → testdata/e2e/X/snapshot with goldens in X.</summary>
    private static (string Snapshot, string GoldenDir, string Prefix) Locate(string scenario) => scenario == "demo"
        ? (Path.Combine(Repo.TestData, "demo"), Repo.TestData, "demo.expected")
        : (Path.Combine(Repo.TestData, scenario, "snapshot"), Path.Combine(Repo.TestData, scenario), "expected");

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Text_output_matches_golden(string scenario)
    {
        var (snapshot, goldenDir, prefix) = Locate(scenario);
        var (exit, text, _) = CliRunner.Run("scan", snapshot, "--fail-level", "none");
        Assert.Equal(0, exit);
        Golden.Match(Path.Combine(goldenDir, prefix + ".txt"), text);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Sarif_output_is_written_for_validation(string scenario)
    {
        var (snapshot, goldenDir, prefix) = Locate(scenario);
        var (exit, sarif, _) = CliRunner.Run("scan", snapshot, "--format", "sarif", "--fail-level", "none");
        Assert.Equal(0, exit);
        File.WriteAllText(Path.Combine(Repo.SarifOut, $"e2e-{scenario.Replace('/', '-')}.sarif"), sarif);
        using (JsonDocument.Parse(sarif))
        {
        }

        // Byte identity is the point of the demo's golden: key order, indentation, escaping.
        if (scenario == "demo")
        {
            Golden.Match(Path.Combine(goldenDir, prefix + ".sarif"), sarif);
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Output_does_not_depend_on_thread_count(string scenario)
    {
        var (snapshot, _, _) = Locate(scenario);
        var one = CliRunner.Run("scan", snapshot, "--format", "sarif", "--threads", "1", "--fail-level", "none").Out;
        var two = CliRunner.Run("scan", snapshot, "--format", "sarif", "--threads", "2", "--fail-level", "none").Out;
        var eight = CliRunner.Run("scan", snapshot, "--format", "sarif", "--threads", "8", "--fail-level", "none").Out;
        Assert.Equal(one, two);
        Assert.Equal(one, eight);
    }
}

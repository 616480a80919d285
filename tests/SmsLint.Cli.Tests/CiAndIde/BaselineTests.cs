namespace SmsLint.Tests.Cli.CiAndIde;

/// <summary>`smslint baseline` and `scan --baseline`: the four baseline states, matched by fingerprint, and the gate on new findings.</summary>
public sealed class BaselineTests
{
    private static string Demo => Path.Combine(Repo.TestData, "demo");

    [Fact]
    public void Baseline_of_the_same_snapshot_marks_everything_unchanged_and_passes_the_gate()
    {
        using var ws = new Workspace(Demo);
        var baseline = ws.Outside("baseline.sarif");
        var (made, stdout, err) = CliRunner.Run("baseline", ws.Snapshot, "--output", baseline);
        Assert.Equal(0, made);
        Assert.Empty(stdout);
        Assert.Contains("baseline of", err, StringComparison.Ordinal);
        Sarif.Keep(File.ReadAllText(baseline), "baseline-demo");

        Assert.Equal(1, CliRunner.Run("scan", ws.Snapshot).Exit);
        var (exit, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--baseline", baseline, "--format", "sarif");
        Assert.Equal(0, exit);
        var results = Sarif.Results(Sarif.Keep(sarif, "baseline-unchanged"));
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("unchanged", Sarif.Str(r, "baselineState")));
    }

    [Fact]
    public void New_unchanged_updated_and_absent_by_fingerprint_not_line()
    {
        using var ws = new Workspace(Demo);
        var baseline = ws.Outside("baseline.sarif");
        Assert.Equal(0, CliRunner.Run("baseline", ws.Snapshot, "--output", baseline).Exit);

        // absent: DC01's logon script no longer starts with GOTO END.
        var script = "DC01/NETLOGON/Smsls.bat";
        ws.Replace(script, "GOTO END\r\n", string.Empty);
        // new: another DC's script is disabled too (DC02's copy).
        var other = "DC02/NETLOGON/Smsls.bat";
        ws.InsertLines(other, 2, "GOTO END");
        // unchanged although its line moved: the client's Sms.ini gains lines above the finding.
        ws.InsertLines("WKS001/C$/SMS.INI", 1, "; captured 2001-02-03", "; by the help desk");
        // updated: same finding, another level.
        ws.WriteText("smslint.yml", "rules:\n  levels:\n    SMS1003: warning\n");

        var (exit, sarif, err) = CliRunner.Run("scan", ws.Snapshot, "--baseline", baseline, "--format", "sarif", "--fail-level", "warning");
        var run = Sarif.Keep(sarif, "baseline-four-states");
        string? State(string ruleId, string path) =>
            Sarif.Str(Sarif.Results(run, ruleId).Single(r => Sarif.Uri(r) == path), "baselineState");

        Assert.Equal("absent", State("SMS3001", script));
        Assert.Equal("new", State("SMS3001", other));
        Assert.Equal("unchanged", State("SMS4001", "WKS001/C$/SMS.INI"));
        Assert.Equal("updated", State("SMS1003", "DC02/SMSLOGON/Config/Copylog.tcf"));
        var absent = Sarif.Results(run, "SMS3001").Single(r => Sarif.Uri(r) == script);
        Assert.Equal("warning", Sarif.Str(absent, "level"));
        Assert.Equal(1, exit); // the new warning fails --fail-level warning
        Assert.DoesNotContain(err.Split('\n'), l => l.StartsWith("smslint: error", StringComparison.Ordinal));

        // Absent results are never listed as problems, and only new ones gate.
        var (_, text, summary) = CliRunner.Run("scan", ws.Snapshot, "--baseline", baseline, "--fail-level", "warning");
        Assert.DoesNotContain($"{script}:3:1: warning", text, StringComparison.Ordinal);
        Assert.Contains("; against the baseline: ", summary, StringComparison.Ordinal);
        Assert.Contains(" 1 absent.", summary, StringComparison.Ordinal);
        // With the new problem repaired, nothing new is left: the gate passes although old
        // findings (and the updated one) remain.
        ws.Replace(other, "GOTO END\r\n", string.Empty);
        var (_, after, _) = CliRunner.Run("scan", ws.Snapshot, "--baseline", baseline, "--format", "sarif", "--fail-level", "none");
        var remaining = Sarif.Results(Sarif.Keep(after, "baseline-after-repair"));
        Assert.DoesNotContain(remaining, r => Sarif.Str(r, "baselineState") == "new");
        Assert.Contains(remaining, r => Sarif.Str(r, "level") == "warning" && Sarif.Str(r, "baselineState") == "unchanged");
        Assert.Equal(0, CliRunner.Run("scan", ws.Snapshot, "--baseline", baseline, "--fail-level", "note").Exit);
    }

    [Theory]
    [InlineData("github", false)]
    [InlineData("azure-devops", false)]
    [InlineData("ide", true)]
    public void Only_the_ide_profile_keeps_absent_results(string profile, bool kept)
    {
        using var ws = new Workspace(Demo);
        var baseline = ws.Outside("baseline.sarif");
        Assert.Equal(0, CliRunner.Run("baseline", ws.Snapshot, "--output", baseline).Exit);
        ws.Replace("DC01/NETLOGON/Smsls.bat", "GOTO END\r\n", string.Empty);

        var (_, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--baseline", baseline, "--format", "sarif", "--sarif-profile", profile);
        var results = Sarif.Results(Sarif.Keep(sarif, $"baseline-absent-{profile}"));
        Assert.NotEmpty(results);
        Assert.Equal(kept, results.Any(r => Sarif.Str(r, "baselineState") == "absent"));
        Assert.Contains(results, r => Sarif.Str(r, "baselineState") == "unchanged");
    }

    [Fact]
    public void Absent_results_are_only_for_rules_that_ran()
    {
        using var ws = new Workspace(Demo);
        var baseline = ws.Outside("baseline.sarif");
        Assert.Equal(0, CliRunner.Run("baseline", ws.Snapshot, "--output", baseline).Exit);
        var (_, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--baseline", baseline, "--select", "SMS3001", "--format", "sarif");
        var results = Sarif.Results(Sarif.Keep(sarif, "baseline-selected"));
        Assert.All(results, r => Assert.Equal("SMS3001", r.GetProperty("ruleId").GetString()));
        Assert.All(results, r => Assert.Equal("unchanged", Sarif.Str(r, "baselineState")));
    }

    [Fact]
    public void A_github_profile_log_with_a_path_prefix_reads_back_as_a_baseline()
    {
        using var ws = new Workspace(Demo);
        var baseline = ws.Outside("uploaded.sarif");
        CliRunner.Run("scan", ws.Snapshot, "--format", "sarif", "--sarif-profile", "github", "--github-path-prefix", "snapshots/site1", "--output", baseline);
        Assert.Contains("\"uri\": \"snapshots/site1/DC01/", File.ReadAllText(baseline), StringComparison.Ordinal);
        var (exit, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--baseline", baseline, "--format", "sarif");
        Assert.Equal(0, exit);
        var results = Sarif.Results(Sarif.Keep(sarif, "baseline-prefixed"));
        Assert.All(results, r => Assert.Equal("unchanged", Sarif.Str(r, "baselineState")));
        Assert.All(results, r => Assert.DoesNotContain("snapshots/", Sarif.Uri(r), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json", "is not a SARIF log: it is not JSON (line 1, column 1)")]
    [InlineData("{\"version\":\"2.0.0\",\"runs\":[]}", "not a SARIF 2.1.0 log")]
    [InlineData("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"Other\"}},\"results\":[]}]}", "was not written by SmsLint")]
    [InlineData("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"SmsLint\"}},\"results\":[{\"ruleId\":\"SMS3001\"}]}]}", "no ruleId or no 'smslint/v1' fingerprint")]
    [InlineData(null, "does not exist")]
    public void Bad_baseline_exits_2_with_a_message(string? content, string message)
    {
        using var ws = new Workspace(Demo);
        var path = ws.Outside("bad.sarif");
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }

        var (exit, stdout, err) = CliRunner.Run("scan", ws.Snapshot, "--baseline", path);
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("--baseline:", err, StringComparison.Ordinal);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_command_needs_an_output()
    {
        Assert.Equal(2, CliRunner.Run("baseline", Demo).Exit);
    }
}

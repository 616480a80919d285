using System.Diagnostics;

namespace SmsLint.Tests.Cli.CiAndIde;

/// <summary>
/// scripts/smslint-action.sh, the steps of action.yml, run as GitHub would run them, with the
/// GITHUB_* variables pointing at temporary files; the test reads back what the script wrote.
/// </summary>
public sealed class ActionScriptTests
{
    internal sealed record ActionRun(int Exit, string Log, Dictionary<string, string> Outputs, string Summary);

    /// <summary>Runs the action script with these INPUT_* values; shared with <see cref="ActionPlanTests"/>.</summary>
    internal static ActionRun Run(Workspace ws, Dictionary<string, string> inputs)
    {
        var outputs = ws.Outside("github_output");
        var summary = ws.Outside("step_summary");
        File.WriteAllText(outputs, string.Empty);
        File.WriteAllText(summary, string.Empty);
        var runner = ws.Outside("runner");
        Directory.CreateDirectory(runner);

        var start = new ProcessStartInfo("bash", [Path.Combine(Repo.Root, "scripts", "smslint-action.sh")])
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["GITHUB_OUTPUT"] = outputs;
        start.Environment["GITHUB_STEP_SUMMARY"] = summary;
        start.Environment["GITHUB_WORKSPACE"] = Repo.Root;
        start.Environment["RUNNER_TEMP"] = runner;
        start.Environment["SMSLINT"] = "dotnet " + typeof(SmsLint.Cli.SmsLintCli).Assembly.Location;
        foreach (var (name, value) in inputs)
        {
            start.Environment["INPUT_" + name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "the action script did not finish in 2 minutes");
        var values = File.ReadAllLines(outputs)
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return new ActionRun(process.ExitCode, stdout + stderr.Result, values, File.ReadAllText(summary));
    }

    [SkippableFact]
    public void Demo_fails_the_gate_and_writes_sarif_outputs_and_summary()
    {
        Skip.If(OperatingSystem.IsWindows(), "The action script is bash; it runs on Linux and macOS runners.");

        using var ws = new Workspace();
        var run = Run(ws, new() { ["SNAPSHOT"] = "testdata/demo", ["FAIL_LEVEL"] = "error", ["CATEGORY"] = "smslint-demo" });
        Assert.True(run.Exit == 1, run.Log);
        Assert.Equal("1", run.Outputs["exit-code"]);
        Assert.Equal("1", run.Outputs["errors"]);
        Assert.True(int.Parse(run.Outputs["warnings"], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("0", run.Outputs["suppressed"]);
        Assert.Contains("::error title=SmsLint::Findings at or above 'error'", run.Log, StringComparison.Ordinal);

        var sarifPath = run.Outputs["sarif-file"];
        Assert.Equal(Path.Combine(ws.Outside("runner"), "smslint", "smslint-demo.sarif"), sarifPath);
        var sarif = File.ReadAllText(sarifPath);
        var log = Sarif.Keep(sarif, "action-demo");
        Assert.Equal("smslint-demo/", log.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.All(Sarif.Results(log), r => Assert.StartsWith("testdata/demo/", Sarif.Uri(r), StringComparison.Ordinal));
        Assert.All(Sarif.Results(log), r => Assert.True(File.Exists(Path.Combine(Repo.Root, Uri.UnescapeDataString(Sarif.Uri(r))))));

        Assert.StartsWith("## SmsLint: 1 error, ", run.Summary, StringComparison.Ordinal);
        Assert.Contains("of `testdata/demo`", run.Summary, StringComparison.Ordinal);
        Assert.Contains("**failed**", run.Summary, StringComparison.Ordinal);
        Assert.Contains("### Findings by rule", run.Summary, StringComparison.Ordinal);
        Assert.Contains("| **Total** | | **1** |", run.Summary, StringComparison.Ordinal);
        Assert.Contains("### Top findings", run.Summary, StringComparison.Ordinal);
        Assert.Contains("| error | SMS1003 | `DC02/SMSLOGON/Config/Copylog.tcf:1` |", run.Summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Fail_level_none_passes_and_a_baseline_counts_new_findings()
    {
        Skip.If(OperatingSystem.IsWindows(), "The action script is bash; it runs on Linux and macOS runners.");

        using var ws = new Workspace();
        var passed = Run(ws, new() { ["SNAPSHOT"] = "testdata/demo", ["FAIL_LEVEL"] = "none" });
        Assert.True(passed.Exit == 0, passed.Log);
        Assert.Equal("0", passed.Outputs["exit-code"]);
        Assert.Contains("Gate: off (fail level none), passed.", passed.Summary, StringComparison.Ordinal);
        Assert.EndsWith("smslint.sarif", passed.Outputs["sarif-file"], StringComparison.Ordinal);

        var baseline = ws.Outside("baseline.sarif");
        Assert.Equal(0, CliRunner.Run("baseline", Path.Combine(Repo.TestData, "demo"), "--output", baseline).Exit);
        var gated = Run(ws, new() { ["SNAPSHOT"] = "testdata/demo", ["BASELINE"] = baseline, ["FAIL_LEVEL"] = "note" });
        Assert.True(gated.Exit == 0, gated.Log);
        Assert.Equal("0", gated.Outputs["new"]);
        Assert.Contains("Against the baseline: 0 new,", gated.Summary, StringComparison.Ordinal);
        Sarif.Keep(File.ReadAllText(gated.Outputs["sarif-file"]), "action-baseline");
    }

    [SkippableFact]
    public void Configuration_error_exits_2_and_says_so_in_the_summary()
    {
        Skip.If(OperatingSystem.IsWindows(), "The action script is bash; it runs on Linux and macOS runners.");

        using var ws = new Workspace();
        var config = ws.Outside("bad.yml");
        File.WriteAllText(config, "rules:\n  selekt: [SMS1003]\n");
        var run = Run(ws, new() { ["SNAPSHOT"] = "testdata/demo", ["CONFIG"] = config });
        Assert.Equal(2, run.Exit);
        Assert.Equal("2", run.Outputs["exit-code"]);
        Assert.False(run.Outputs.ContainsKey("sarif-file"));
        Assert.StartsWith("## SmsLint could not run (exit 2)", run.Summary, StringComparison.Ordinal);
        Assert.Contains("bad.yml:2:3: unknown key 'selekt'", run.Summary, StringComparison.Ordinal);

        var missing = Run(ws, new() { ["SNAPSHOT"] = "testdata/no-such-snapshot" });
        Assert.Equal(2, missing.Exit);
        Assert.Contains("does not exist", missing.Summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_zip_snapshot_is_scanned_in_place()
    {
        Skip.If(OperatingSystem.IsWindows(), "The action script is bash; it runs on Linux and macOS runners.");

        using var ws = new Workspace();
        var zip = ws.Outside("demo.zip");
        File.WriteAllBytes(zip, ZipFixtures.FromDirectory(Path.Combine(Repo.TestData, "demo")));
        var run = Run(ws, new() { ["SNAPSHOT"] = zip, ["CATEGORY"] = "smslint-zip" });
        Assert.True(run.Exit == 1, run.Log);
        Assert.Equal("1", run.Outputs["errors"]);
        var log = Sarif.Keep(File.ReadAllText(run.Outputs["sarif-file"]), "action-zip");
        Assert.Equal("smslint-zip/", log.GetProperty("automationDetails").GetProperty("id").GetString());
        // The archive's files are not in the repository: paths stay relative to the archive's root.
        Assert.Contains(Sarif.Results(log), r => Sarif.Uri(r) == "DC02/SMSLOGON/Config/Copylog.tcf");

        File.WriteAllText(ws.Outside("notes.txt"), "not a snapshot");
        var notZip = Run(ws, new() { ["SNAPSHOT"] = ws.Outside("notes.txt") });
        Assert.Equal(2, notZip.Exit);
        Assert.Contains("is a file but not a .zip", notZip.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Action_yml_declares_every_output_the_script_writes()
    {
        var script = File.ReadAllText(Path.Combine(Repo.Root, "scripts", "smslint-action.sh"));
        var written = System.Text.RegularExpressions.Regex.Matches(script, @"^\s*out ([a-z-]+) ", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["sarif-file", "exit-code", "errors", "warnings", "notes", "suppressed", "new", "absent"]), written);
        var yml = File.ReadAllText(Path.Combine(Repo.Root, "action.yml"));
        var outputs = yml[yml.IndexOf("\noutputs:\n", StringComparison.Ordinal)..yml.IndexOf("\nruns:\n", StringComparison.Ordinal)];
        foreach (var name in written)
        {
            Assert.Contains($"\n  {name}:\n", outputs, StringComparison.Ordinal);
            Assert.Contains($"value: ${{{{ steps.scan.outputs.{name} }}}}", outputs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Action_yml_caches_the_built_tool()
    {
        var yml = File.ReadAllText(Path.Combine(Repo.Root, "action.yml"));
        Assert.Contains("uses: actions/cache@v4", yml, StringComparison.Ordinal);
        Assert.Contains("if: ${{ steps.tool-cache.outputs.cache-hit != 'true' }}", yml, StringComparison.Ordinal);
        Assert.True(yml.IndexOf("actions/cache@v4", StringComparison.Ordinal) < yml.IndexOf("dotnet pack", StringComparison.Ordinal));
    }

    [Fact]
    public void Action_yml_runs_the_script_uploads_always_and_gates_last()
    {
        var yml = File.ReadAllText(Path.Combine(Repo.Root, "action.yml"));
        Assert.Contains("using: composite", yml, StringComparison.Ordinal);
        Assert.Contains("scripts/smslint-action.sh", yml, StringComparison.Ordinal);
        Assert.Contains("uses: github/codeql-action/upload-sarif@v4", yml, StringComparison.Ordinal);
        Assert.Contains("if: ${{ always() && inputs.upload == 'true'", yml, StringComparison.Ordinal);
        Assert.Contains("category: ${{ inputs.category }}", yml, StringComparison.Ordinal);
        foreach (var input in new[] { "snapshot:", "fail-level:", "baseline:", "config:", "category:", "upload:" })
        {
            Assert.Contains("  " + input, yml, StringComparison.Ordinal);
        }

        Assert.True(yml.IndexOf("upload-sarif", StringComparison.Ordinal) < yml.IndexOf("name: Gate", StringComparison.Ordinal));
        var workflow = File.ReadAllText(Path.Combine(Repo.Root, ".github", "workflows", "smslint.yml"));
        Assert.Contains("uses: ./", workflow, StringComparison.Ordinal);
        Assert.Contains("snapshot: testdata/demo", workflow, StringComparison.Ordinal);
        Assert.Contains("security-events: write", workflow, StringComparison.Ordinal);
    }
}

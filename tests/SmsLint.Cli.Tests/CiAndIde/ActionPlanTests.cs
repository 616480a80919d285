using System.Diagnostics;

namespace SmsLint.Tests.Cli.CiAndIde;

/// <summary>The action's plan inputs (plan-upgrade, plan-target, plan-fail-on): scripts/smslint-action.sh run as GitHub would.</summary>
public sealed class ActionPlanTests
{
    private static (int Exit, string Log, Dictionary<string, string> Outputs, string Summary) Run(Workspace ws, Dictionary<string, string> inputs)
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
        var values = File.ReadAllLines(outputs).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return (process.ExitCode, stdout + stderr.Result, values, File.ReadAllText(summary));
    }

    [Fact]
    public void Plan_blocker_fails_the_job_and_writes_the_plan_outputs()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the action runs on Linux and macOS runners
        }

        using var ws = new Workspace();
        var run = Run(ws, new()
        {
            ["SNAPSHOT"] = "testdata/e2e/Q261931-plan-sp2-hotfix-missing/snapshot",
            ["FAIL_LEVEL"] = "none",
            ["CATEGORY"] = "smslint-q261931",
            ["PLAN_TARGET"] = "SP2",
        });
        Assert.True(run.Exit == 1, run.Log);
        Assert.Equal("1", run.Outputs["exit-code"]);
        Assert.Equal("1", run.Outputs["plan-exit-code"]);
        Assert.Equal("1", run.Outputs["plan-blockers"]);
        Assert.Contains("::error title=SmsLint plan::", run.Log, StringComparison.Ordinal);
        Assert.Contains("## SmsLint upgrade plan", run.Summary, StringComparison.Ordinal);
        var sarif = File.ReadAllText(run.Outputs["plan-sarif-file"]);
        var log = Sarif.Keep(sarif, "action-plan");
        Assert.All(Sarif.Results(log), r => Assert.StartsWith("testdata/e2e/Q261931-plan-sp2-hotfix-missing/snapshot/", Sarif.Uri(r), StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_fail_on_none_keeps_the_scan_gate()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var ws = new Workspace();
        var run = Run(ws, new()
        {
            ["SNAPSHOT"] = "testdata/e2e/Q262677-plan-older-site-loses-new-clients/snapshot",
            ["FAIL_LEVEL"] = "error",
            ["PLAN_UPGRADE"] = "CEN=SP2",
            ["PLAN_FAIL_ON"] = "none",
        });
        Assert.True(run.Exit == 0, run.Log);
        Assert.Equal("0", run.Outputs["plan-exit-code"]);
        Assert.Equal("0", run.Outputs["plan-blockers"]);
    }

    [Fact]
    public void Bad_plan_fail_on_is_a_usage_error()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var ws = new Workspace();
        var run = Run(ws, new() { ["SNAPSHOT"] = "testdata/demo", ["PLAN_FAIL_ON"] = "sometimes" });
        Assert.Equal(2, run.Exit);
        Assert.Contains("plan-fail-on", run.Log, StringComparison.Ordinal);
    }
}

namespace SmsLint.Tests.Cli.CiAndIde;

/// <summary>The action's plan inputs (plan-upgrade, plan-target, plan-fail-on): scripts/smslint-action.sh run as GitHub would.</summary>
public sealed class ActionPlanTests
{
    private static ActionScriptTests.ActionRun Run(Workspace ws, Dictionary<string, string> inputs) => ActionScriptTests.Run(ws, inputs);

    [SkippableFact]
    public void Plan_blocker_fails_the_job_and_writes_the_plan_outputs()
    {
        Skip.If(OperatingSystem.IsWindows(), "The action script is bash; it runs on Linux and macOS runners.");

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

    [SkippableFact]
    public void Plan_fail_on_none_keeps_the_scan_gate()
    {
        Skip.If(OperatingSystem.IsWindows(), "The action script is bash; it runs on Linux and macOS runners.");

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

    [SkippableFact]
    public void Bad_plan_fail_on_is_a_usage_error()
    {
        Skip.If(OperatingSystem.IsWindows(), "The action script is bash; it runs on Linux and macOS runners.");

        using var ws = new Workspace();
        var run = Run(ws, new() { ["SNAPSHOT"] = "testdata/demo", ["PLAN_FAIL_ON"] = "sometimes" });
        Assert.Equal(2, run.Exit);
        Assert.Contains("plan-fail-on", run.Log, StringComparison.Ordinal);
    }
}

using System.Text.Json;

namespace SmsLint.Tests.Cli;

/// <summary>
/// `smslint plan` (contract §6): every testdata/e2e scenario with a plan.args file (the plan's
/// arguments) has the golden expected.plan.txt and a plan JSON snapshot (Snapshots/SnapshotTests);
/// exit codes follow --fail-on.
/// </summary>
public sealed class PlanTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Path.Combine(Repo.TestData, "e2e")).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "plan.args")))
            {
                data.Add(Path.GetFileName(dir));
            }
        }

        return data;
    }

    private static string Dir(string scenario) => Path.Combine(Repo.TestData, "e2e", scenario);

    private static string[] Args(string scenario, params string[] more) =>
        ["plan", Path.Combine(Dir(scenario), "snapshot"), .. File.ReadAllText(Path.Combine(Dir(scenario), "plan.args")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), .. more];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Json_plan_has_the_contract_shape(string scenario)
    {
        var (exit, json, err) = CliRunner.Run(Args(scenario, "--format", "json", "--fail-on", "none"));
        Assert.True(exit == 0, err);
        using (var doc = JsonDocument.Parse(json))
        {
            var root = doc.RootElement;
            Assert.Contains(root.GetProperty("phase").GetString(), new[] { "steady", "rollout" });
            foreach (var name in new[] { "upgrades", "checklist", "blockers", "predicted" })
            {
                Assert.Equal(JsonValueKind.Array, root.GetProperty(name).ValueKind);
            }

            foreach (var item in root.GetProperty("checklist").EnumerateArray())
            {
                Assert.Contains(item.GetProperty("status").GetString(), new[] { "ready", "not-ready", "cannot-tell" });
                Assert.NotEmpty(item.GetProperty("evidence").EnumerateArray());
                Assert.All(item.GetProperty("evidence").EnumerateArray(), e => Assert.True(File.Exists(Path.Combine(Dir(scenario), "snapshot", e.GetProperty("uri").GetString()!))));
            }

            Assert.All(root.GetProperty("blockers").EnumerateArray(), b => Assert.Equal("not-ready", b.GetProperty("status").GetString()));
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Text_plan_matches_golden(string scenario)
    {
        var (exit, text, err) = CliRunner.Run(Args(scenario, "--fail-on", "none"));
        Assert.True(exit == 0, err);
        Golden.Match(Path.Combine(Dir(scenario), "expected.plan.txt"), text);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Sarif_plan_is_written_for_validation(string scenario)
    {
        var (exit, sarif, err) = CliRunner.Run(Args(scenario, "--format", "sarif", "--fail-on", "none"));
        Assert.True(exit == 0, err);
        File.WriteAllText(Path.Combine(Repo.SarifOut, $"plan-{scenario}.sarif"), sarif);
        using var doc = JsonDocument.Parse(sarif);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.All(results.EnumerateArray(), r => Assert.Matches("^SMS(70|00)[0-9]{2}$", r.GetProperty("ruleId").GetString()));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Markdown_plan_has_the_checklist(string scenario)
    {
        var (exit, md, err) = CliRunner.Run(Args(scenario, "--format", "markdown", "--fail-on", "none"));
        Assert.True(exit == 0, err);
        Assert.StartsWith("## SmsLint upgrade plan\n", md, StringComparison.Ordinal);
        Assert.Contains("### Checklist", md, StringComparison.Ordinal);
        Assert.Contains("### Predicted findings", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Exit_code_follows_fail_on()
    {
        // A release site without Q251070/Q252718: a blocker.
        Assert.Equal(1, CliRunner.Run(Args("Q261931-plan-sp2-hotfix-missing")).Exit);
        Assert.Equal(1, CliRunner.Run(Args("Q261931-plan-sp2-hotfix-missing", "--fail-on", "blocker")).Exit);
        Assert.Equal(0, CliRunner.Run(Args("Q261931-plan-sp2-hotfix-missing", "--fail-on", "none")).Exit);

        // No blocker, but risks (no RAS bypass, items nobody can tell from a capture, predicted warnings).
        Assert.Equal(0, CliRunner.Run(Args("Q262677-plan-older-site-loses-new-clients")).Exit);
        Assert.Equal(1, CliRunner.Run(Args("Q262677-plan-older-site-loses-new-clients", "--fail-on", "risk")).Exit);

        // Nothing pending at all: steady SP2, target SP2.
        Assert.Equal(0, CliRunner.Run(Args("Q238780-steady-sp2-goto-end-left", "--fail-on", "risk")).Exit);
    }

    [Fact]
    public void Predicted_findings_show_the_older_site_losing_new_clients()
    {
        var (_, json, _) = CliRunner.Run(Args("Q262677-plan-older-site-loses-new-clients", "--format", "json", "--fail-on", "none"));
        using var doc = JsonDocument.Parse(json);
        var predicted = doc.RootElement.GetProperty("predicted").EnumerateArray().ToList();
        Assert.Contains(predicted, p => p.GetProperty("ruleId").GetString() == "SMS2002" && p.GetProperty("message").GetString()!.Contains("New clients go only to the newest site of a shared logon point: 'EST'", StringComparison.Ordinal));
        var upgrades = doc.RootElement.GetProperty("upgrades").EnumerateArray().ToList();
        var only = Assert.Single(upgrades);
        Assert.Equal("CEN", only.GetProperty("site").GetString());
        Assert.Equal("2.00.1380.1000", only.GetProperty("from").GetString());
        Assert.Equal("2.00.1493.2000", only.GetProperty("to").GetString());
    }

    [Fact]
    public void Hotfix_blocker_points_at_the_binary()
    {
        var (_, json, _) = CliRunner.Run(Args("Q261931-plan-sp2-hotfix-missing", "--format", "json", "--fail-on", "none"));
        using var doc = JsonDocument.Parse(json);
        var blocker = Assert.Single(doc.RootElement.GetProperty("blockers").EnumerateArray());
        Assert.Equal("hotfixes-before-sp2", blocker.GetProperty("id").GetString());
        Assert.Equal("EST", blocker.GetProperty("site").GetString());
        var evidence = blocker.GetProperty("evidence")[0];
        Assert.Equal("SITEEST/SMS_EST/bin/i386/Nt_logon.dll", evidence.GetProperty("uri").GetString());
        Assert.Equal(1, evidence.GetProperty("line").GetInt32());
    }

    [Theory]
    [InlineData("--target", "SP9")]
    [InlineData("--target", "2.00.1999.2000")]
    [InlineData("--upgrade", "CEN")]
    [InlineData("--upgrade", "XYZ=SP2")]
    [InlineData("--upgrade", "CEN=SP1")]
    public void Bad_plan_arguments_are_usage_errors(string option, string value)
    {
        var snapshot = Path.Combine(Dir("Q262677-plan-older-site-loses-new-clients"), "snapshot");
        var (exit, _, err) = CliRunner.Run("plan", snapshot, option, value);
        Assert.Equal(2, exit);
        Assert.StartsWith("smslint: --", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_errors_fail_the_plan()
    {
        using var ws = new CiAndIde.Workspace();
        var snapshot = ws.Outside("snap");
        Directory.CreateDirectory(Path.Combine(snapshot, "DC01", "SMSLOGON", "Config"));
        File.WriteAllBytes(Path.Combine(snapshot, "DC01", "SMSLOGON", "Config", "Copylog.tcf"), [0, 1, 2, 0, 0, 0, 0, 0]);
        var (exit, json, _) = CliRunner.Run("plan", snapshot, "--format", "json");
        using var doc = JsonDocument.Parse(json);
        Assert.Contains(doc.RootElement.GetProperty("input").EnumerateArray(), f => f.GetProperty("level").GetString() == "error");
        Assert.Equal(1, exit);
    }

    [Fact]
    public void Service_pack_names_map_through_the_catalog()
    {
        var snapshot = Path.Combine(Dir("Q262677-plan-older-site-loses-new-clients"), "snapshot");
        var (_, json, _) = CliRunner.Run("plan", snapshot, "--target", "SP4", "--format", "json", "--fail-on", "none");
        using var doc = JsonDocument.Parse(json);
        var upgrades = doc.RootElement.GetProperty("upgrades").EnumerateArray().ToList();
        Assert.Equal(2, upgrades.Count);
        Assert.All(upgrades, u => Assert.Equal("2.00.1493.4000", u.GetProperty("to").GetString()));
        Assert.All(upgrades, u => Assert.True(u.GetProperty("inferredVersion").GetBoolean()));
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace SmsLint.Tests.Cli;

/// <summary>
/// `smslint plan --format html` (contract §6, issue 16): the checklist with its three states and
/// evidence, the blockers, the predicted findings and the map after the overlay, in the same
/// self-contained page as the scan report. Deterministic, and it agrees item by item with the JSON plan.
/// </summary>
public sealed class PlanHtmlTests
{
    private const string Scenario = "Q261931-plan-sp2-copylog-older-by-time";

    private static string Snapshot(string scenario) => Path.Combine(Repo.TestData, "e2e", scenario, "snapshot");

    private static string[] Args(string scenario) =>
        File.ReadAllText(Path.Combine(Repo.TestData, "e2e", scenario, "plan.args")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Plan_html_matches_golden_and_is_deterministic()
    {
        var (exit, html, err) = CliRunner.Run(["plan", Snapshot(Scenario), .. Args(Scenario), "--format", "html", "--fail-on", "none"]);
        Assert.True(exit == 0, err);
        var again = CliRunner.Run(["plan", Snapshot(Scenario), .. Args(Scenario), "--format", "html", "--fail-on", "none"]).Out;
        Assert.Equal(html, again);

        // The page names the snapshot folder as given; the golden holds a placeholder.
        var root = Path.GetFullPath(Snapshot(Scenario));
        Golden.Match(Path.Combine(Repo.TestData, "e2e", Scenario, "expected.plan.html"), html.Replace(root, "<snapshot>", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PlanTests.Scenarios), MemberType = typeof(PlanTests))]
    public void Plan_html_holds_every_checklist_item_blocker_and_predicted_finding(string scenario)
    {
        var (exit, html, err) = CliRunner.Run(["plan", Snapshot(scenario), .. Args(scenario), "--format", "html", "--fail-on", "none"]);
        Assert.True(exit == 0, err);
        var (_, json, _) = CliRunner.Run(["plan", Snapshot(scenario), .. Args(scenario), "--format", "json", "--fail-on", "none"]);
        using var doc = JsonDocument.Parse(json);
        var plan = doc.RootElement;

        Assert.DoesNotContain("http://", Regex.Replace(html, "(href|xmlns)=\"http[^\"]*\"", string.Empty), StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"plan\">", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"plan-map\">", html, StringComparison.Ordinal);
        Assert.Contains($"Phase: <strong>{plan.GetProperty("phase").GetString()}</strong>", html, StringComparison.Ordinal);

        var rows = Regex.Matches(html, "<tr data-plan-item=\"([^\"]+)\" data-status=\"([^\"]+)\"").Select(m => (Id: m.Groups[1].Value, Status: m.Groups[2].Value)).ToList();
        var items = plan.GetProperty("checklist").EnumerateArray().Select(i => (Id: i.GetProperty("id").GetString()!, Status: i.GetProperty("status").GetString()!)).ToList();
        Assert.Equal(items, rows);
        foreach (var item in plan.GetProperty("checklist").EnumerateArray())
        {
            Assert.Contains(SmsLint.Writers.Html.HtmlText.Escape(item.GetProperty("text").GetString()!), html, StringComparison.Ordinal);
            foreach (var e in item.GetProperty("evidence").EnumerateArray())
            {
                Assert.Contains(SmsLint.Writers.Html.HtmlText.Escape(e.GetProperty("uri").GetString()!), html, StringComparison.Ordinal);
            }
        }

        Assert.Equal(plan.GetProperty("blockers").GetArrayLength(), Regex.Matches(html, "<li data-blocker=").Count);
        Assert.Equal(plan.GetProperty("predicted").GetArrayLength(), Regex.Matches(html, "<tr data-predicted=").Count);
        foreach (var f in plan.GetProperty("predicted").EnumerateArray())
        {
            Assert.Contains(SmsLint.Writers.Html.HtmlText.Escape(f.GetProperty("message").GetString()!), html, StringComparison.Ordinal);
        }

        Assert.Equal(plan.GetProperty("upgrades").GetArrayLength(), Regex.Matches(html, "<li data-upgrade>").Count);
    }

    [Fact]
    public void Plan_html_to_a_file_is_the_same_as_on_stdout()
    {
        var dir = Directory.CreateTempSubdirectory("smslint-plan-html-").FullName;
        try
        {
            var file = Path.Combine(dir, "plan.html");
            var (exit, _, err) = CliRunner.Run(["plan", Snapshot(Scenario), .. Args(Scenario), "--format", "html", "--output", file]);
            Assert.True(exit == 1, err); // DC01's Copylog.tcf is a blocker: --fail-on blocker (the default) fails.
            Assert.Contains("blocker", err, StringComparison.Ordinal);
            var stdout = CliRunner.Run(["plan", Snapshot(Scenario), .. Args(Scenario), "--format", "html", "--fail-on", "none"]).Out;
            Assert.Equal(stdout, File.ReadAllText(file));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

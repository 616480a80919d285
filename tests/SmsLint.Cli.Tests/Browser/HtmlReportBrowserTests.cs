using System.Globalization;
using SmsLint.Cli.Commands;
using SmsLint.Findings;
using SmsLint.Scanning;
using Xunit.Abstractions;

namespace SmsLint.Tests.Cli.Browser;

/// <summary>
/// The HTML report in a real browser (headless Chromium over the DevTools protocol), opened from
/// file:// as a user would: every finding is in the DOM, the map has a node per site and per DC,
/// nothing is logged as an error and nothing is fetched. Writes 1280×800 screenshots under
/// artifacts/screenshots/ for a person to look at (docs/images/hierarchy-map.png is one of them).
/// </summary>
public sealed class HtmlReportBrowserTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public Task DemoReportInChromium() => CheckAsync("demo");

    [ChromiumFact]
    public Task KbScenarioReportInChromium() => CheckAsync("e2e/Q264630-mixed-installation");

    private async Task CheckAsync(string name)
    {
        var snapshot = name == "demo" ? Path.Combine(Repo.TestData, "demo") : Path.Combine(Repo.TestData, name, "snapshot");
        var dir = Directory.CreateTempSubdirectory("smslint-html-").FullName;
        try
        {
            var html = Path.Combine(dir, "report.html");
            var (exit, _, err) = CliRunner.Run("scan", snapshot, "--format", "html", "--output", html, "--fail-level", "none");
            Assert.True(exit == 0, err);

            // What the page must show, from the same scan in-process.
            var request = new ScanRequest(snapshot, "html", null, Level.None, [], [], 1);
            Assert.Equal(0, ScanRunner.Prepare(request, TextWriter.Null, out var prepared));
            var report = Scanner.Scan(prepared! with { Options = prepared!.Options with { CollectHierarchy = true } });
            var expected = report.Findings.Where(f => !f.IsAbsent).ToList();
            var map = report.Hierarchy!;

            await using var browser = await Chromium.StartAsync();
            await browser.NavigateAsync(new Uri(html).AbsoluteUri);
            var facts = (await browser.EvaluateAsync("""
                (function () {
                  function unique(selector, attr) {
                    var seen = {};
                    document.querySelectorAll(selector).forEach(function (e) { seen[e.getAttribute(attr)] = true; });
                    return Object.keys(seen).sort();
                  }
                  return {
                    findings: Array.prototype.map.call(document.querySelectorAll("[data-finding]"), function (e) { return e.textContent; }),
                    sites: unique("svg.map g.node.site", "data-site"),
                    dcs: unique("svg.map g.node.dc", "data-dc"),
                    svgs: document.querySelectorAll("svg.map").length,
                    load: performance.getEntriesByType("navigation")[0].loadEventEnd
                  };
                })()
                """))!.AsObject();

            var shown = facts["findings"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            Assert.Equal(expected.Count, shown.Count);
            foreach (var f in expected)
            {
                var r = f.Location.Region;
                var loc = r == Region.WholeFile ? f.Location.Path : $"{f.Location.Path}:{r.StartLine}:{r.StartColumn}";
                Assert.Contains(shown, text => text.Contains(loc, StringComparison.Ordinal) && text.Contains(f.Message, StringComparison.Ordinal));
            }

            var sites = facts["sites"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            var dcs = facts["dcs"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            Assert.Equal(map.Sites.Select(s => s.Code).Order(StringComparer.Ordinal), sites.Order(StringComparer.Ordinal));
            Assert.Equal(map.Domains.SelectMany(d => d.Controllers).Select(c => c.Machine).Distinct().Order(StringComparer.Ordinal), dcs.Order(StringComparer.Ordinal));
            Assert.NotEmpty(sites);
            Assert.NotEmpty(dcs);
            if (name == "demo")
            {
                Assert.Contains("AAA", sites);
                Assert.Equal(["DC01", "DC02"], dcs);
            }

            Assert.Empty(browser.Errors);
            Assert.All(browser.Requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"external request: {url}"));

            var shots = Path.Combine(Repo.Root, "artifacts", "screenshots");
            Directory.CreateDirectory(shots);
            var stem = name.Replace("e2e/", string.Empty, StringComparison.Ordinal);
            await File.WriteAllBytesAsync(Path.Combine(shots, $"{stem}-report.png"), await browser.ScreenshotAsync());
            var box = (await browser.EvaluateAsync("(function(){var r=document.getElementById('map').getBoundingClientRect();return [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height];})()"))!.AsArray();
            double At(int i) => box[i]!.GetValue<double>();
            await File.WriteAllBytesAsync(Path.Combine(shots, $"{stem}-map.png"), await browser.ScreenshotAsync(Math.Max(0, At(0) - 8), Math.Max(0, At(1) - 8), Math.Min(1264, At(2) + 16), Math.Min(800, At(3) + 16)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {new FileInfo(html).Length:N0} bytes, {shown.Count} findings, {sites.Count} sites, {dcs.Count} DCs, load event at {facts["load"]!.GetValue<double>():F0} ms"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// `smslint plan --format html` in Chromium: every checklist item of the JSON plan is a row with its
    /// status, the blocker is listed, the map after the overlay has a node per site and DC, and nothing
    /// is logged as an error or fetched.
    /// </summary>
    [ChromiumFact]
    public async Task PlanReportInChromium()
    {
        const string scenario = "Q261931-plan-sp2-copylog-older-by-time";
        var snapshot = Path.Combine(Repo.TestData, "e2e", scenario, "snapshot");
        var args = File.ReadAllText(Path.Combine(Repo.TestData, "e2e", scenario, "plan.args")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var dir = Directory.CreateTempSubdirectory("smslint-plan-html-").FullName;
        try
        {
            var html = Path.Combine(dir, "plan.html");
            var (exit, _, err) = CliRunner.Run(["plan", snapshot, .. args, "--format", "html", "--output", html, "--fail-on", "none"]);
            Assert.True(exit == 0, err);
            var (_, json, _) = CliRunner.Run(["plan", snapshot, .. args, "--format", "json", "--fail-on", "none"]);
            var plan = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();

            await using var browser = await Chromium.StartAsync();
            await browser.NavigateAsync(new Uri(html).AbsoluteUri);
            var facts = (await browser.EvaluateAsync("""
                (function () {
                  function unique(selector, attr) {
                    var seen = {};
                    document.querySelectorAll(selector).forEach(function (e) { seen[e.getAttribute(attr)] = true; });
                    return Object.keys(seen).sort();
                  }
                  return {
                    items: Array.prototype.map.call(document.querySelectorAll("#plan tr[data-plan-item]"), function (e) { return e.getAttribute("data-plan-item") + "|" + e.getAttribute("data-status") + "|" + e.textContent; }),
                    blockers: Array.prototype.map.call(document.querySelectorAll("#plan [data-blocker]"), function (e) { return e.textContent; }),
                    predicted: document.querySelectorAll("#plan [data-predicted]").length,
                    upgrades: Array.prototype.map.call(document.querySelectorAll("#plan [data-upgrade]"), function (e) { return e.textContent; }),
                    afterSites: unique("#plan-map svg.map g.node.site", "data-site"),
                    afterDcs: unique("#plan-map svg.map g.node.dc", "data-dc"),
                    navPlan: document.querySelector("nav a[href='#plan']") !== null
                  };
                })()
                """))!.AsObject();

            var items = facts["items"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            var checklist = plan["checklist"]!.AsArray();
            Assert.Equal(checklist.Count, items.Count);
            for (var i = 0; i < checklist.Count; i++)
            {
                var item = checklist[i]!;
                Assert.StartsWith($"{item["id"]!.GetValue<string>()}|{item["status"]!.GetValue<string>()}|", items[i], StringComparison.Ordinal);
                Assert.Contains(item["text"]!.GetValue<string>(), items[i], StringComparison.Ordinal);
                foreach (var e in item["evidence"]!.AsArray())
                {
                    Assert.Contains(e!["uri"]!.GetValue<string>(), items[i], StringComparison.Ordinal);
                }
            }

            Assert.Contains(items, i => i.Contains("|ready|", StringComparison.Ordinal));
            Assert.Contains(items, i => i.Contains("|not-ready|", StringComparison.Ordinal));
            Assert.Contains(items, i => i.Contains("|cannot-tell|", StringComparison.Ordinal));
            var blockers = facts["blockers"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
            Assert.Equal(plan["blockers"]!.AsArray().Count, blockers.Count);
            Assert.Contains(blockers, b => b.Contains("DC01/SMSLOGON/Config/Copylog.tcf", StringComparison.Ordinal) && b.Contains("capture.json", StringComparison.Ordinal));
            Assert.Equal(plan["predicted"]!.AsArray().Count, facts["predicted"]!.GetValue<int>());
            Assert.Equal(["EST 2.00.1380.1000 → 2.00.1493.2000"], facts["upgrades"]!.AsArray().Select(n => n!.GetValue<string>()));
            Assert.Equal(["CEN", "EST"], facts["afterSites"]!.AsArray().Select(n => n!.GetValue<string>()));
            Assert.Equal(["DC01", "DC02"], facts["afterDcs"]!.AsArray().Select(n => n!.GetValue<string>()));
            Assert.True(facts["navPlan"]!.GetValue<bool>());

            Assert.Empty(browser.Errors);
            Assert.All(browser.Requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"external request: {url}"));
            var shots = Path.Combine(Repo.Root, "artifacts", "screenshots");
            Directory.CreateDirectory(shots);
            await File.WriteAllBytesAsync(Path.Combine(shots, "plan-report.png"), await browser.ScreenshotAsync());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario} plan: {new FileInfo(html).Length:N0} bytes, {items.Count} checklist items, {blockers.Count} blocker(s)"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Measurement, not a check: set SMSLINT_HTML_MEASURE to a report (bench: the 100k-file
    /// snapshot's) to print its size and how long Chromium takes to load and lay it out.
    /// </summary>
    [ChromiumFact]
    public async Task MeasureLargeReport()
    {
        if (Environment.GetEnvironmentVariable("SMSLINT_HTML_MEASURE") is not { Length: > 0 } path)
        {
            output.WriteLine("SMSLINT_HTML_MEASURE is not set: nothing to measure.");
            return;
        }

        await using var browser = await Chromium.StartAsync();
        await browser.SendAsync("Performance.enable");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await browser.NavigateAsync(new Uri(Path.GetFullPath(path)).AbsoluteUri);
        var facts = (await browser.EvaluateAsync("""
            (function () {
              var n = performance.getEntriesByType("navigation")[0];
              return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, findings: document.querySelectorAll("[data-finding]").length, nodes: document.querySelectorAll("svg.map g.node").length };
            })()
            """))!.AsObject();
        var wall = started.Elapsed.TotalMilliseconds;

        // Main-thread time the page cost (parse, style, layout, script), less dependent on a busy machine than wall time.
        var metrics = (await browser.SendAsync("Performance.getMetrics"))["metrics"]!.AsArray()
            .ToDictionary(m => m!["name"]!.GetValue<string>(), m => m!["value"]!.GetValue<double>(), StringComparer.Ordinal);
        double Ms(string name) => metrics.GetValueOrDefault(name) * 1000;
        var shots = Path.Combine(Repo.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(shots);
        await File.WriteAllBytesAsync(Path.Combine(shots, "large-report.png"), await browser.ScreenshotAsync());
        var line = string.Create(CultureInfo.InvariantCulture, $"{path}: {new FileInfo(path).Length:N0} bytes; DOMContentLoaded {facts["dcl"]!.GetValue<double>():F0} ms, load {facts["load"]!.GetValue<double>():F0} ms, navigate-to-load {wall:F0} ms; main-thread task time {Ms("TaskDuration"):F0} ms (layout {Ms("LayoutDuration"):F0}, style {Ms("RecalcStyleDuration"):F0}, script {Ms("ScriptDuration"):F0}); {facts["findings"]!.GetValue<int>():N0} findings, {facts["nodes"]!.GetValue<int>():N0} map nodes; errors: {browser.Errors.Count}");
        output.WriteLine(line);
        await File.WriteAllTextAsync(Path.Combine(Repo.Root, "artifacts", "html-measure.txt"), line + "\n");
        Assert.Empty(browser.Errors);
    }
}

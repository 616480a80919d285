using System.Text;
using SmsLint.Findings;
using SmsLint.Hierarchy;
using SmsLint.Writers.Html;

namespace SmsLint.Tests.Writers;

public sealed class HtmlReportWriterTests
{
    private const string Hostile = "<script>alert('x')</script>&\"\u0001\u001b[31m";

    private static readonly RuleDescriptor Rule = new("SMS4001", "ClientCopyListVersionStale", "A 1.2 client's copy list is older than its logon server's", Level.Warning, ["Q123456"], ["copy-list"]);

    private static Finding F(string path, int line, string message, params Location[] related) =>
        new(Rule, Level.Warning, message, new Location(path, new Region(line, 1, line, 5, 0, 4), "CopyListVersion=1"), related, path);

    private static ScanReport Report(IReadOnlyList<Finding> findings, HierarchyMap? map = null) =>
        new ScanReport("0.1.0", "/snap", [Rule], findings, [], new CatalogInfo("sms", "1", "embedded")) { FilesScanned = 3, Hierarchy = map };

    private static HierarchyMap Map(string code = "AAA", string dc = "DC01") => new(
        [new MapSite(code, null, "2.00.1493.2000", "SP2", [new MapEvidence("hierarchy.ini declares it", "hierarchy.ini", 3)], ["CORP"], ["SITESRV"], ["CAPSRV"], 2, false)],
        [new MapDomain("CORP", dc, [new MapDc(dc, true, true, code, null, "2.00.1493.2009", null, [code]) { Conflict = "AAA 2.00.1493.2000 (SP2), BBB 2.00.1380.1000 (SP1)" }], [code], true)],
        [new MapLogonServer("SRV12", "SMS_SHR", code, "Domain.ini names it", 2)],
        [new MapPlace(dc, "CORP", null), new MapPlace("WKS001", "CORP", code)],
        1);

    private static string Render(ScanReport report, HtmlReportOptions? options = null)
    {
        using var stream = new MemoryStream();
        HtmlReportWriter.Write(report, stream, options);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void EscapesEverythingFromTheSnapshot()
    {
        var html = Render(Report([F($"WKS001/C$/{Hostile}.ini", 2, "message " + Hostile, new Location("SRV12/SMS_SHR/Cl_nt.txt", Region.WholeFile, null, Hostile))], Map(Hostile, Hostile)));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0001", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;", html, StringComparison.Ordinal);
        Assert.Equal(1, Count(html, "<script>"));
    }

    [Fact]
    public void IsSelfContained()
    {
        var html = Render(Report([F("DC01/SMSLOGON/Config/Copylog.tcf", 1, "m")], Map()));
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html, StringComparison.Ordinal);
        foreach (var fetch in new[] { " src=", "<link", "@import", "url(", "<iframe", "<img" })
        {
            Assert.DoesNotContain(fetch, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void SameReportSameBytes()
    {
        var findings = Enumerable.Range(1, 30).Select(i => F($"WKS{i:000}/C$/SMS.INI", i, $"client {i}")).ToList();
        Assert.Equal(Render(Report(findings, Map())), Render(Report(findings, Map())));
    }

    [Fact]
    public void RollsUpMassFindingsOfOneCause()
    {
        var cause = new Location("SRV12/SMS_SHR/Cl_nt.txt", new Region(2, 1, 2, 10, 0, 9), "x", "The logon server's copy list.");
        var findings = Enumerable.Range(1, 25).Select(i => F($"WKS001/C$/SMS{i:00}.INI", 1, $"client {i} is stale", cause)).ToList();
        findings.Add(F("WKS001/C$/OTHER.INI", 1, "a different cause"));
        var html = Render(Report(findings, Map()));
        Assert.Equal(1, Count(html, "<details class=\"group mass\">"));
        Assert.Contains("25 × warning", html, StringComparison.Ordinal);
        Assert.Equal(26, Count(html, " data-finding "));
        Assert.Equal(1, Count(html, "<div class=\"finding "));
    }

    [Fact]
    public void GroupsFindingsByDomainAndSiteAndShowsTheMap()
    {
        var html = Render(Report([F("WKS001/C$/SMS.INI", 1, "client"), F("DC01/SMSLOGON/Sites/BBB/Compver.ini", 1, "lp")], Map()));
        Assert.Contains("<summary>Domain CORP <span class=\"n\">· 2 findings</span></summary>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Site AAA <span", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Site BBB <span", html, StringComparison.Ordinal);
        Assert.Contains("class=\"node site\" data-site=\"AAA\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"node dc pdc conflict\" data-dc=\"DC01\"", html, StringComparison.Ordinal);
        Assert.Contains("⚠ CONFLICT", html, StringComparison.Ordinal);
        Assert.Contains("<title>Site AAA: 2.00.1493.2000 (SP2)", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://support.microsoft.com/kb/123456\"", html, StringComparison.Ordinal);
        Assert.Contains("1.2 logon server SRV12\\SMS_SHR · 2 clients", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ProvenanceNamesVersionsRulesAndCapture()
    {
        var html = Render(Report([], Map() with { Capture = new CaptureFacts("smslint 0.3.0", "2026-12-01T10:00:00Z", "2026-12-01T10:04:12Z") }), new HtmlReportOptions { RulesRun = ["SMS4001"] });
        Assert.Contains("2026-12-01T10:00:00Z to 2026-12-01T10:04:12Z (UTC) by smslint 0.3.0", html, StringComparison.Ordinal);
        Assert.Contains("1 of 1: <code>SMS4001</code>", html, StringComparison.Ordinal);
        Assert.Contains("sms 1 (embedded)", html, StringComparison.Ordinal);
        Assert.Contains("<p>No findings.</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void RendersAPlanSectionWhenGivenOne()
    {
        var plan = new HtmlPlanSection("rollout", [new HtmlPlanItem("hotfixes-before-sp2", "not-ready", "Apply the hotfixes first.", ["Q261931"], [new Location("hierarchy.ini", new Region(3, 1, 3, 2, 0, 1), null)], "BBB")])
        {
            Upgrades = ["BBB 2.00.1380.1000 → 2.00.1493.2000"],
            MapAfter = Map("BBB"),
        };
        var html = Render(Report([], Map()), new HtmlReportOptions { Plan = plan });
        Assert.Contains("<section id=\"plan\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-plan-item=\"hotfixes-before-sp2\" data-status=\"not-ready\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"status-not-ready\">✗ not ready (risk)", html, StringComparison.Ordinal);
        Assert.Contains("No blocker", html, StringComparison.Ordinal);
        Assert.Contains("<h3 id=\"plan-predicted\">Predicted findings (0)</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"plan-map\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<section id=\"plan\">", Render(Report([], Map())), StringComparison.Ordinal);
    }

    [Fact]
    public void EscapeReplacesWhatHtmlCannotCarry()
    {
        Assert.Equal("a\uFFFDb\uFFFD&lt;", HtmlText.Escape("a\u0000b\ud800<"));
        Assert.Equal("😀", HtmlText.Escape("😀"));
    }

    private static int Count(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}

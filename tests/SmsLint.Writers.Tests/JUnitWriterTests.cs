using System.Text;
using System.Xml.Linq;
using SmsLint.Findings;
using SmsLint.Writers.JUnit;

namespace SmsLint.Tests.Writers;

public sealed class JUnitWriterTests
{
    private static readonly RuleDescriptor Hotfix = new(
        "SMS0001", "MissingHotfix", "A required hotfix is missing", Level.Error, [], []);

    private static readonly RuleDescriptor Share = new(
        "SMS0002", "ShareNotWritable", "Share <is> \"not\" writable & more", Level.Warning, [], []);

    private static readonly RuleDescriptor Clean = new(
        "SMS0003", "CleanRule", "Never fires", Level.Warning, [], []);

    private static readonly RuleDescriptor Info = new(
        "SMS0004", "InfoOnly", "Informational", Level.Note, [], []);

    private static Finding MakeFinding(RuleDescriptor rule, Level level, string message, string path = "a/setup.ini", int line = 3, int column = 5) =>
        new(rule, level, message, new Location(path, new Region(line, column, line, column + 2, 0, 2), null), [], "s");

    private static ScanReport MakeReport(IReadOnlyList<Finding> findings, IReadOnlyList<Notification>? notifications = null) =>
        new("1.2.3", "/snap", [Hotfix, Share, Clean, Info], findings, notifications ?? [], new CatalogInfo("sms2003", "2024.1", null));

    private static string Run(ScanReport report)
    {
        using var writer = new StringWriter();
        JUnitWriter.Write(report, writer);
        return writer.ToString();
    }

    private static ScanReport Sample() => MakeReport(
    [
        MakeFinding(Hotfix, Level.Error, "KB1 missing", "Site/ABC/hotfix.ini", 2, 1),
        MakeFinding(Hotfix, Level.Warning, "KB2 missing", "Site/ABC/hotfix.ini", 7, 3),
        MakeFinding(Hotfix, Level.Note, "KB3 superseded", "Site/ABC/hotfix.ini", 9, 1),
        MakeFinding(Share, Level.Warning, "a < b && c > \"d\" ]]> 'e'", "dir & co/<x>.ini", 1, 1),
        MakeFinding(Share, Level.Error, "suppressed one") with { Suppressions = [new Suppression("external", "ok")] },
        MakeFinding(Info, Level.Note, "just so you know"),
    ]);

    [Fact]
    public void Output_is_well_formed_utf8_xml()
    {
        var text = Run(Sample());

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<testsuite ", text, StringComparison.Ordinal);
        Assert.EndsWith("</testsuite>\n", text, StringComparison.Ordinal);
        var document = XDocument.Parse(text);
        Assert.Equal("testsuite", document.Root!.Name.LocalName);
        Assert.Equal("smslint", (string?)document.Root.Attribute("name"));
    }

    [Fact]
    public void Stream_output_has_no_bom_and_matches_the_text_output()
    {
        using var stream = new MemoryStream();
        JUnitWriter.Write(Sample(), stream);
        var bytes = stream.ToArray();

        Assert.Equal((byte)'<', bytes[0]);
        Assert.Equal(Run(Sample()), new UTF8Encoding(false, true).GetString(bytes));
    }

    [Fact]
    public void One_test_case_per_rule_and_counts_are_right()
    {
        var root = XDocument.Parse(Run(Sample())).Root!;
        var cases = root.Elements("testcase").ToList();

        Assert.Equal("4", (string?)root.Attribute("tests"));
        Assert.Equal("2", (string?)root.Attribute("failures"));
        Assert.Equal("0", (string?)root.Attribute("errors"));
        Assert.Equal(["SMS0001", "SMS0002", "SMS0003", "SMS0004"], cases.Select(c => (string?)c.Attribute("classname")));
        Assert.Equal(["MissingHotfix", "ShareNotWritable", "CleanRule", "InfoOnly"], cases.Select(c => (string?)c.Attribute("name")));

        var hotfix = cases[0].Element("failure")!;
        Assert.Equal("error", (string?)hotfix.Attribute("type"));
        Assert.Equal("A required hotfix is missing: 1 error, 1 warning", (string?)hotfix.Attribute("message"));
        Assert.Equal("Site/ABC/hotfix.ini:2:1: KB1 missing\nSite/ABC/hotfix.ini:7:3: KB2 missing", hotfix.Value);

        var share = cases[1].Element("failure")!;
        Assert.Equal("warning", (string?)share.Attribute("type"));
        Assert.DoesNotContain("suppressed one", share.Value, StringComparison.Ordinal);

        Assert.Empty(cases[2].Elements());
        Assert.Empty(cases[3].Elements());
        Assert.Equal("[SMS0001] Site/ABC/hotfix.ini:9:1: KB3 superseded\n[SMS0004] a/setup.ini:3:5: just so you know", root.Element("system-out")!.Value);
    }

    [Fact]
    public void Special_characters_are_escaped_and_round_trip()
    {
        var text = Run(Sample());
        var share = XDocument.Parse(text).Root!.Elements("testcase").ElementAt(1);

        Assert.Equal("dir & co/<x>.ini:1:1: a < b && c > \"d\" ]]> 'e'", share.Element("failure")!.Value);
        Assert.Equal("Share <is> \"not\" writable & more: 1 warning", (string?)share.Element("failure")!.Attribute("message"));
        Assert.Contains("dir &amp; co/&lt;x&gt;.ini", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<x>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_xml_cannot_hold_become_visible_escapes()
    {
        var report = MakeReport([MakeFinding(Hotfix, Level.Error, "nul\0 bell\a lone\uD800 pair\U0001F600 tab\t")]);

        var failure = XDocument.Parse(Run(report)).Root!.Element("testcase")!.Element("failure")!;

        Assert.Equal("a/setup.ini:3:5: nul\\u0000 bell\\u0007 lone\\uD800 pair\U0001F600 tab\t", failure.Value);
    }

    [Fact]
    public void Line_breaks_in_a_message_keep_one_line_per_finding()
    {
        var report = MakeReport([MakeFinding(Hotfix, Level.Error, "one\r\ntwo\rthree\nfour")]);

        var failure = XDocument.Parse(Run(report)).Root!.Element("testcase")!.Element("failure")!;

        Assert.Equal("a/setup.ini:3:5: one two three four", failure.Value);
    }

    [Fact]
    public void Without_timing_the_output_is_deterministic_with_fixed_time_and_host()
    {
        var first = Run(Sample());
        var second = Run(Sample());

        Assert.Equal(first, second);
        var root = XDocument.Parse(first).Root!;
        Assert.Equal("1970-01-01T00:00:00", (string?)root.Attribute("timestamp"));
        Assert.Equal("localhost", (string?)root.Attribute("hostname"));
        Assert.Equal("0", (string?)root.Attribute("time"));
        Assert.Contains(root.Element("properties")!.Elements("property"), p => (string?)p.Attribute("value") == "1.2.3");
    }

    [Fact]
    public void Timing_gives_the_suite_its_timestamp_host_and_duration()
    {
        var report = Sample() with { Timing = new ScanTiming(new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.FromHours(2)), TimeSpan.FromMilliseconds(1234.5678), "CI-RUNNER-7") };
        var root = XDocument.Parse(Run(report)).Root!;
        Assert.Equal("2001-02-03T02:05:06", (string?)root.Attribute("timestamp"));
        Assert.Equal("CI-RUNNER-7", (string?)root.Attribute("hostname"));
        Assert.Equal("1.235", (string?)root.Attribute("time"));
        StrictAntJUnit.Check(root);
    }

    [Fact]
    public void Rules_that_did_not_run_are_skipped()
    {
        var report = Sample() with { RulesRun = new HashSet<string>(["SMS0001", "SMS0002", "SMS0004"]) };
        var root = XDocument.Parse(Run(report)).Root!;
        Assert.Equal("1", (string?)root.Attribute("skipped"));
        var clean = root.Elements("testcase").Single(c => (string?)c.Attribute("classname") == "SMS0003");
        Assert.Equal("skipped", Assert.Single(clean.Elements()).Name.LocalName);
        Assert.All(root.Elements("testcase").Where(c => c != clean), c => Assert.Null(c.Element("skipped")));
        StrictAntJUnit.Check(root);
    }

    [Fact]
    public void Every_report_holds_to_the_strict_Ant_schema()
    {
        StrictAntJUnit.Check(XDocument.Parse(Run(Sample())).Root!);
        StrictAntJUnit.Check(XDocument.Parse(Run(MakeReport([]))).Root!);
    }

    [Fact]
    public void Notifications_go_to_system_err_and_unknown_rules_get_a_case()
    {
        var stray = new RuleDescriptor("SMS9999", "Stray", "Not in the rule list", Level.Error, [], []);
        var report = MakeReport(
            [MakeFinding(stray, Level.Error, "odd")],
            [new Notification("SMSX001", Level.Error, "could not read", "bad.ini")]);

        var root = XDocument.Parse(Run(report)).Root!;

        Assert.Equal("5", (string?)root.Attribute("tests"));
        Assert.Equal("1", (string?)root.Attribute("failures"));
        Assert.Equal("SMS9999", (string?)root.Elements("testcase").Last().Attribute("classname"));
        Assert.Equal("error: SMSX001: could not read (bad.ini)", root.Element("system-err")!.Value);
    }
}

using SmsLint.Findings;
using SmsLint.Writers.Github;

namespace SmsLint.Tests.Writers;

public sealed class GithubAnnotationWriterTests
{
    private static readonly RuleDescriptor Rule = new(
        "SMS0001", "MissingHotfix", "A required hotfix is missing", Level.Error, ["KB123"], ["hotfix"]);

    private static Finding MakeFinding(
        Level level, string message = "msg", string path = "Site/ABC/setup.ini", Region? region = null) =>
        new(Rule, level, message, new Location(path, region ?? new Region(3, 5, 3, 9, 40, 4), "Key"), [], "subject");

    private static ScanReport MakeReport(params Finding[] findings) =>
        new("1.0.0", "/snap", [Rule], findings, [], new CatalogInfo("sms", "2003", null));

    private static string[] Run(ScanReport report, string? pathPrefix = null)
    {
        using var writer = new StringWriter();
        GithubAnnotationWriter.Write(report, writer, pathPrefix);
        var text = writer.ToString();
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        return text.Length == 0 ? [] : text[..^1].Split('\n');
    }

    [Fact]
    public void Writes_the_workflow_command_with_an_inclusive_end_column()
    {
        var lines = Run(MakeReport(MakeFinding(Level.Error, "Hotfix KB123 is missing")));

        // SARIF end column 9 is exclusive: the last column is 8.
        Assert.Equal(
            ["::error file=Site/ABC/setup.ini,line=3,col=5,endLine=3,endColumn=8,title=SMS0001 MissingHotfix::Hotfix KB123 is missing"],
            lines);
    }

    [Theory]
    [InlineData(Level.Error, "error")]
    [InlineData(Level.Warning, "warning")]
    [InlineData(Level.Note, "notice")]
    [InlineData(Level.None, "notice")]
    public void Levels_map_to_commands(Level level, string command)
    {
        var line = Assert.Single(Run(MakeReport(MakeFinding(level))));
        Assert.StartsWith("::" + command + " file=", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_and_properties_are_escaped()
    {
        var finding = MakeFinding(
            Level.Warning,
            "100% sure:\r\nline two, with comma\nline three",
            "dir,with,commas/a:b%c.ini");

        var line = Assert.Single(Run(MakeReport(finding)));

        Assert.Equal(
            "::warning file=dir%2Cwith%2Ccommas/a%3Ab%25c.ini,line=3,col=5,endLine=3,endColumn=8,title=SMS0001 MissingHotfix" +
            "::100%25 sure:%0D%0Aline two, with comma%0Aline three",
            line);
    }

    [Fact]
    public void Escape_helpers_follow_the_toolkit()
    {
        Assert.Equal("a%25b%0Dc%0Ad:e,f", GithubAnnotationWriter.EscapeData("a%b\rc\nd:e,f"));
        Assert.Equal("a%25b%0Dc%0Ad%3Ae%2Cf", GithubAnnotationWriter.EscapeProperty("a%b\rc\nd:e,f"));
        // '%' first, so an existing escape sequence is not taken for one.
        Assert.Equal("%250A", GithubAnnotationWriter.EscapeData("%0A"));
    }

    [Fact]
    public void A_newline_in_a_message_cannot_inject_a_command()
    {
        var lines = Run(MakeReport(MakeFinding(Level.Note, "x\n::stop-commands::token\n::error::fake")));

        Assert.Single(lines);
    }

    [Fact]
    public void Path_prefix_is_joined_with_a_slash()
    {
        var finding = MakeFinding(Level.Error);

        Assert.Contains("file=snapshots/site1/Site/ABC/setup.ini,", Run(MakeReport(finding), "snapshots/site1")[0], StringComparison.Ordinal);
        Assert.Contains("file=snapshots/site1/Site/ABC/setup.ini,", Run(MakeReport(finding), "snapshots/site1/")[0], StringComparison.Ordinal);
        Assert.Contains("file=Site/ABC/setup.ini,", Run(MakeReport(finding), string.Empty)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_are_left_out_for_multi_line_and_whole_file_regions()
    {
        var multi = MakeFinding(Level.Error, region: new Region(2, 3, 4, 7, 10, 30));
        var toNextLineStart = MakeFinding(Level.Error, region: new Region(2, 1, 3, 1, 10, 12));
        var wholeFile = new Finding(Rule, Level.Error, "m", Location.ForFile("bin/x.exe"), [], "s");
        var point = MakeFinding(Level.Error, region: new Region(5, 4, 5, 4, 50, 0));

        var lines = Run(MakeReport(multi, toNextLineStart, wholeFile, point));

        Assert.StartsWith("::error file=Site/ABC/setup.ini,line=2,endLine=4,title=", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("::error file=Site/ABC/setup.ini,line=2,col=1,endLine=2,title=", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("::error file=bin/x.exe,line=1,endLine=1,title=", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("::error file=Site/ABC/setup.ini,line=5,col=4,endLine=5,title=", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Suppressed_findings_are_not_annotated()
    {
        var suppressed = MakeFinding(Level.Error, "hidden") with { Suppressions = [new Suppression("inSource", "known")] };

        var lines = Run(MakeReport(suppressed, MakeFinding(Level.Warning, "shown")));

        Assert.EndsWith("::shown", Assert.Single(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_annotate_writes_nothing()
    {
        using var writer = new StringWriter();
        GithubAnnotationWriter.Write(MakeReport(), writer);

        Assert.Equal(string.Empty, writer.ToString());
    }

    [Fact]
    public void At_most_ten_per_level_most_severe_first_then_one_notice_with_the_counts()
    {
        var findings = new List<Finding>();
        for (var i = 1; i <= 12; i++)
        {
            findings.Add(MakeFinding(Level.Note, $"note {i}"));
            findings.Add(MakeFinding(Level.Warning, $"warning {i}"));
        }

        for (var i = 1; i <= 13; i++)
        {
            findings.Add(MakeFinding(Level.Error, $"error {i}"));
        }

        var lines = Run(MakeReport([.. findings]));

        var errors = lines.Where(l => l.StartsWith("::error ", StringComparison.Ordinal)).ToList();
        var warnings = lines.Where(l => l.StartsWith("::warning ", StringComparison.Ordinal)).ToList();
        var notices = lines.Where(l => l.StartsWith("::notice", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, errors.Count);
        Assert.Equal(10, warnings.Count);
        Assert.Equal(10, notices.Count); // 9 findings + the summary: the summary must fit the notice quota

        // Errors first, each level in report order, the first-sorted ones kept.
        Assert.EndsWith("::error 1", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("::error 10", lines[9], StringComparison.Ordinal);
        Assert.EndsWith("::warning 1", lines[10], StringComparison.Ordinal);
        Assert.EndsWith("::note 9", lines[28], StringComparison.Ordinal);

        Assert.Equal(
            "::notice::SmsLint did not annotate 3 errors, 2 warnings and 3 notices: GitHub shows at most 10 annotations " +
            "of each level per step. The SARIF and text outputs have all findings.",
            lines[^1]);
        Assert.Equal(30, lines.Length);
    }

    [Fact]
    public void Exactly_ten_of_each_level_needs_no_summary()
    {
        var findings = Enumerable.Range(1, 10)
            .SelectMany(i => new[] { MakeFinding(Level.Error), MakeFinding(Level.Warning), MakeFinding(Level.Note) })
            .ToArray();

        var lines = Run(MakeReport(findings));

        Assert.Equal(30, lines.Length);
        Assert.DoesNotContain(lines, l => l.StartsWith("::notice::", StringComparison.Ordinal));
    }

    [Fact]
    public void Ten_notices_and_too_many_errors_gives_up_one_notice_for_the_summary()
    {
        var findings = Enumerable.Range(1, 11).Select(_ => MakeFinding(Level.Error))
            .Concat(Enumerable.Range(1, 10).Select(_ => MakeFinding(Level.Note)))
            .ToArray();

        var lines = Run(MakeReport(findings));

        Assert.Equal(
            "::notice::SmsLint did not annotate 1 error and 1 notice: GitHub shows at most 10 annotations " +
            "of each level per step. The SARIF and text outputs have all findings.",
            lines[^1]);
        Assert.Equal(10 + 9 + 1, lines.Length);
    }
}

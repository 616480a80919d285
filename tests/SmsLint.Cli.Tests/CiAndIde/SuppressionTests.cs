namespace SmsLint.Tests.Cli.CiAndIde;

/// <summary>Inline suppression comments in each format's comment syntax, and how each output shows suppressed findings.</summary>
public sealed class SuppressionTests
{
    private const string Rules = "SMS3001,SMS0007,SMS0008,SMS0009";

    /// <summary>A NETLOGON Smsls.bat disabled by GOTO END (SMS3001 on the GOTO line), with optional lines before it.</summary>
    private static Workspace DisabledScript(params string[] before)
    {
        var ws = new Workspace();
        ws.WriteCrlf("DC01/NETLOGON/Smsls.bat", [.. before, "GOTO END", "%0\\..\\SNBOOT.exe", ":END"]);
        return ws;
    }

    [Theory]
    [InlineData("REM smslint-disable-next-line SMS3001 -- RAS users, CHG-1042")]
    [InlineData("@rem smslint-disable-next-line sms3001 -- RAS users, CHG-1042")]
    [InlineData(":: smslint-disable-next-line SMS3001 -- RAS users, CHG-1042")]
    [InlineData("  REM  smslint-disable-file SMS3002, SMS3001 -- RAS users, CHG-1042")]
    public void Batch_comment_suppresses_the_finding(string comment)
    {
        using var ws = DisabledScript("@echo off", comment);
        var (exit, text, err) = CliRunner.Run("scan", ws.Snapshot, "--select", Rules, "--fail-level", "warning");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("[SMS3001]", text, StringComparison.Ordinal);
        Assert.Contains("1 suppressed", err, StringComparison.Ordinal);

        var (_, shown, _) = CliRunner.Run("scan", ws.Snapshot, "--select", Rules, "--show-suppressed");
        Assert.Contains("[SMS3001] (suppressed: RAS users, CHG-1042)", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Ide_profile_keeps_the_suppressed_result_and_github_profile_drops_it()
    {
        using var ws = DisabledScript("@echo off", "REM smslint-disable-next-line SMS3001 -- RAS users, CHG-1042");
        var (_, ide, _) = CliRunner.Run("scan", ws.Snapshot, "--select", Rules, "--format", "sarif");
        var run = Sarif.Keep(ide, "suppression-inline-ide");
        var result = Assert.Single(Sarif.Results(run, "SMS3001"));
        var suppression = Assert.Single(result.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("inSource", Sarif.Str(suppression, "kind"));
        Assert.Equal("RAS users, CHG-1042", Sarif.Str(suppression, "justification"));
        Assert.Equal("accepted", Sarif.Str(suppression, "status"));
        var where = suppression.GetProperty("location").GetProperty("physicalLocation");
        Assert.Equal("DC01/NETLOGON/Smsls.bat", where.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(2, where.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(3, Sarif.StartLine(result));

        var (_, github, _) = CliRunner.Run("scan", ws.Snapshot, "--select", Rules, "--format", "sarif", "--sarif-profile", "github");
        Assert.Empty(Sarif.Results(Sarif.Keep(github, "suppression-inline-github")));

        var (_, annotations, _) = CliRunner.Run("scan", ws.Snapshot, "--select", Rules, "--format", "github");
        Assert.Empty(annotations);
        var (_, junit, _) = CliRunner.Run("scan", ws.Snapshot, "--select", Rules, "--format", "junit");
        Assert.Contains("failures=\"0\"", junit, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_line_skips_further_suppression_comments()
    {
        using var ws = DisabledScript(
            "@echo off",
            "REM smslint-disable-next-line SMS3001 -- RAS users, CHG-1042",
            "REM smslint-disable-next-line SMS3002 -- patched copy on purpose");
        var (_, text, _) = CliRunner.Run("scan", ws.Snapshot, "--select", Rules, "--show-suppressed");
        Assert.Contains("Smsls.bat:4:1: warning:", text, StringComparison.Ordinal);
        Assert.Contains("(suppressed: RAS users, CHG-1042)", text, StringComparison.Ordinal);
    }

    /// <summary>Puts "<paramref name="prefix"/> smslint-disable-next-line ID -- reason" above the first finding of a rule in a copy of a snapshot.</summary>
    private static Workspace SuppressFirst(string snapshot, string ruleId, string prefix, out string path)
    {
        var ws = new Workspace(snapshot);
        var (_, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--format", "sarif", "--fail-level", "none");
        var first = Sarif.Results(Sarif.Keep(sarif, $"suppression-before-{ruleId}"), ruleId)[0];
        path = Uri.UnescapeDataString(Sarif.Uri(first));
        ws.InsertLines(path, Sarif.StartLine(first), $"{prefix} smslint-disable-next-line {ruleId} -- accepted for the test");
        return ws;
    }

    [Theory]
    [InlineData("demo", "SMS4001", ";")] // SMS 1.2 client Sms.ini
    [InlineData("rules/SMS1006/fail-q313209-removed-site/snapshot", "SMS1006", ";")] // Copylog.tcf
    [InlineData("demo", "SMS3001", "REM")] // logon script
    public void Comment_in_the_formats_own_syntax_suppresses(string snapshot, string ruleId, string prefix)
    {
        using var ws = SuppressFirst(Path.Combine(Repo.TestData, snapshot), ruleId, prefix, out var path);
        var (_, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--format", "sarif", "--fail-level", "none");
        var run = Sarif.Keep(sarif, $"suppression-{ruleId}");
        var suppressed = Sarif.Results(run, ruleId).Where(r => r.TryGetProperty("suppressions", out _)).ToList();
        Assert.Single(suppressed);
        Assert.Equal(path, Uri.UnescapeDataString(Sarif.Uri(suppressed[0])));
        Assert.Empty(Sarif.Results(run, "SMS0007"));
        Assert.Empty(Sarif.Results(run, "SMS0008"));
    }

    [Fact]
    public void Comment_without_a_reason_is_reported_and_suppresses_nothing()
    {
        using var ws = DisabledScript("@echo off", "REM smslint-disable-next-line SMS3001");
        var (exit, text, _) = CliRunner.Run("scan", ws.Snapshot, "--select", Rules, "--fail-level", "warning");
        Assert.Equal(1, exit);
        Assert.Contains("Smsls.bat:2:1: warning: Suppression comment has no effect: the one in 'Smsls.bat' is malformed, it gives no reason", text, StringComparison.Ordinal);
        Assert.Contains("[SMS3001]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_comment_is_reported_and_suppresses_nothing()
    {
        using var ws = DisabledScript("@echo off", "REM smslint-disable-next-line SMS3001 until 2001-01-31 -- SP2 rollout");
        var (_, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--select", Rules, "--format", "sarif");
        var run = Sarif.Keep(sarif, "suppression-expired");
        Assert.False(Assert.Single(Sarif.Results(run, "SMS3001")).TryGetProperty("suppressions", out _));
        var expired = Assert.Single(Sarif.Results(run, "SMS0009"));
        Assert.Contains("in 'Smsls.bat' on 2001-01-31", expired.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(Sarif.Results(run, "SMS0008"));

        using var ahead = DisabledScript("@echo off", "REM smslint-disable-next-line SMS3001 until 2999-12-31 -- SP2 rollout");
        var (_, text, _) = CliRunner.Run("scan", ahead.Snapshot, "--select", Rules);
        Assert.Empty(text);
    }

    [Fact]
    public void Unused_comment_is_reported()
    {
        using var ws = DisabledScript("@echo off", "GOTO START", ":START", "REM smslint-disable-next-line SMS3001 -- was disabled once");
        var (_, text, _) = CliRunner.Run("scan", ws.Snapshot, "--select", Rules);
        Assert.Contains("Smsls.bat:4:1: note: Suppression is unused: SMS3001 in 'Smsls.bat' reports nothing", text, StringComparison.Ordinal);

        // Not unused when the rule it names does not run.
        var (_, off, _) = CliRunner.Run("scan", ws.Snapshot, "--select", "SMS0008");
        Assert.Empty(off);
    }

    [Fact]
    public void No_inline_suppressions_reports_every_comment_and_honours_none()
    {
        using var ws = DisabledScript("@echo off", "REM smslint-disable-next-line SMS3001 -- RAS users, CHG-1042");
        var (exit, text, _) = CliRunner.Run("scan", ws.Snapshot, "--select", Rules, "--fail-level", "warning", "--no-inline-suppressions");
        Assert.Equal(1, exit);
        Assert.Contains("inline suppressions are turned off", text, StringComparison.Ordinal);
        Assert.Contains("[SMS3001]", text, StringComparison.Ordinal);

        ws.WriteText("smslint.yml", "inlineSuppressions: false\n");
        var (_, viaConfig, _) = CliRunner.Run("scan", ws.Snapshot, "--select", Rules);
        Assert.Contains("inline suppressions are turned off", viaConfig, StringComparison.Ordinal);
        Assert.Contains("[SMS3001]", viaConfig, StringComparison.Ordinal);
    }
}

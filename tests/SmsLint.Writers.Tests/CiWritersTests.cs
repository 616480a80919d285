using System.Text;
using SmsLint.Findings;
using SmsLint.Writers.Markdown;
using SmsLint.Writers.Sarif;

namespace SmsLint.Tests.Writers;

/// <summary>The writer side of CI use: SARIF profiles and path prefixes, baselines, and the Markdown summary.</summary>
public sealed class CiWritersTests
{
    private static readonly RuleDescriptor Script = new("SMS3001", "LogonScriptDisabled", "The SMS logon script is disabled by GOTO END", Level.Warning, ["Q237543"], ["logon-script"]);
    private static readonly RuleDescriptor CopyLog = new("SMS1003", "CopyLogCoreLinesMissing", "Copylog.tcf lacks its core lines", Level.Error, ["Q264976"], ["shared-logon-point"]);

    private static Finding Make(RuleDescriptor rule, string path, int line, string message, Level? level = null, string? key = null) =>
        new(rule, level ?? rule.DefaultLevel, message, new Location(path, new Region(line, 1, line, 9, 10 * line, 8), "GOTO END"), [], "subject")
        {
            Fingerprints = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["primaryLocationLineHash"] = "abc:1",
                ["smslint/v1"] = key ?? rule.Id + path,
            },
        };

    private static ScanReport Report(params Finding[] findings) =>
        new("1.2.3", "/snap", [CopyLog, Script], findings, [], new CatalogInfo("catalog", "2026.1.1", "embedded")) { FilesScanned = 7 };

    private static string Keep(string sarif, string name)
    {
        File.WriteAllText(Path.Combine(Repo.SarifOut, $"writers-ci-{name}.sarif"), sarif, new UTF8Encoding(false));
        return sarif;
    }

    [Fact]
    public void Github_profile_leaves_suppressed_results_out_and_ide_keeps_them()
    {
        var suppressed = Make(Script, "DC01/NETLOGON/Smsls.bat", 3, "Disabled.") with
        {
            Suppressions = [new Suppression("inSource", "RAS users", new Location("DC01/NETLOGON/Smsls.bat", new Region(2, 1, 2, 40, 11, 39), "REM smslint-disable-next-line SMS3001 -- RAS users"))],
        };
        var report = Report(suppressed, Make(CopyLog, "DC02/SMSLOGON/Config/Copylog.tcf", 1, "Core lines missing."));
        var ide = Keep(SarifWriter.WriteToString(report, SarifProfile.Ide), "profile-ide");
        var github = Keep(SarifWriter.WriteToString(report, SarifProfile.Github), "profile-github");
        Assert.Contains("\"justification\": \"RAS users\"", ide, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"inSource\"", ide, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"SMS3001\"", ide, StringComparison.Ordinal);
        Assert.DoesNotContain("\"ruleId\": \"SMS3001\"", github, StringComparison.Ordinal);
        Assert.DoesNotContain("suppressions", github, StringComparison.Ordinal);
        Assert.Contains("\"ruleId\": \"SMS1003\"", github, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_prefix_is_written_and_stripped_when_read_back()
    {
        var report = Report(Make(Script, "DC01/NETLOGON/Smsls.bat", 3, "Disabled."));
        var sarif = Keep(SarifWriter.WriteToString(report, SarifProfile.Github, "./snapshots\\site 1/"), "prefix");
        Assert.Contains("\"uri\": \"snapshots/site%201/DC01/NETLOGON/Smsls.bat\"", sarif, StringComparison.Ordinal);
        Assert.Contains("\"pathPrefix\": \"snapshots/site 1/\"", sarif, StringComparison.Ordinal);
        var read = SarifBaseline.Parse(Encoding.UTF8.GetBytes(sarif), "x.sarif");
        Assert.Null(read.Error);
        var entry = Assert.Single(read.Entries!);
        Assert.Equal("DC01/NETLOGON/Smsls.bat", entry.Location.Path);
        Assert.Equal(3, entry.Location.Region.StartLine);
        Assert.Equal("Disabled.", entry.Message);
        Assert.Equal(Level.Warning, entry.Level);
    }

    [Fact]
    public void Compare_gives_the_four_states_by_key_and_pairs_repeats_in_order()
    {
        var old = Report(
            Make(Script, "A/NETLOGON/Smsls.bat", 3, "Same."),
            Make(Script, "B/NETLOGON/Smsls.bat", 3, "Old message."),
            Make(CopyLog, "C/SMSLOGON/Config/Copylog.tcf", 1, "Gone."),
            Make(Script, "D/NETLOGON/Smsls.bat", 5, "Twice.", key: "dup"),
            Make(Script, "D/NETLOGON/Smsls.bat", 9, "Twice.", key: "dup"));
        var baseline = SarifBaseline.Parse(Encoding.UTF8.GetBytes(SarifWriter.WriteToString(old)), "old").Entries!;

        var now = new[]
        {
            Make(Script, "A/NETLOGON/Smsls.bat", 30, "Same."), // moved: still unchanged
            Make(Script, "B/NETLOGON/Smsls.bat", 3, "New message."),
            Make(Script, "D/NETLOGON/Smsls.bat", 5, "Twice.", key: "dup"),
            Make(Script, "D/NETLOGON/Smsls.bat", 7, "Twice.", key: "dup"),
            Make(Script, "D/NETLOGON/Smsls.bat", 8, "Twice.", key: "dup"),
            Make(Script, "E/NETLOGON/Smsls.bat", 3, "Fresh.", Level.Error),
        };
        var compared = SarifBaseline.Compare(now, baseline, [CopyLog, Script], _ => true);
        Assert.Equal(["unchanged", "updated", "unchanged", "unchanged", "new", "new", "absent"], compared.Select(f => f.BaselineState));
        var absent = compared[^1];
        Assert.Equal("C/SMSLOGON/Config/Copylog.tcf", absent.Location.Path);
        Assert.Equal(Level.Error, absent.Level);
        Assert.True(absent.IsAbsent);
        Assert.Equal("SMS1003C/SMSLOGON/Config/Copylog.tcf", absent.Fingerprints["smslint/v1"]);

        var outOfScope = SarifBaseline.Compare(now, baseline, [CopyLog, Script], e => e.RuleId != "SMS1003");
        Assert.DoesNotContain(outOfScope, f => f.IsAbsent);

        var report = Report([.. compared]);
        Keep(SarifWriter.WriteToString(report), "baseline-states");
        Assert.Contains("1 absent", SmsLint.Writers.Text.CompilerTextWriter.Summary(report), StringComparison.Ordinal);
        using var text = new StringWriter();
        SmsLint.Writers.Text.CompilerTextWriter.Write(report, text);
        Assert.DoesNotContain("Copylog.tcf", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_summary_counts_by_rule_and_level_and_lists_the_worst_first()
    {
        var findings = new List<Finding>
        {
            Make(Script, "DC01/NETLOGON/Smsls.bat", 3, "Script | disabled <b>."),
            Make(Script, "DC02/NETLOGON/Smsls.bat", 3, "Script disabled.") with { Suppressions = [new Suppression("external", "retired")] },
            Make(CopyLog, "DC02/SMSLOGON/Config/Copylog.tcf", 1, "Core `lines` missing."),
            Make(Script, "DC03/NETLOGON/Smsls.bat", 3, "Note only.", Level.Note),
        };
        using var w = new StringWriter { NewLine = "\n" };
        MarkdownSummaryWriter.Write(Report([.. findings]), w, new GateOutcome(Level.Error, 1, false), "snapshots/site1", topFindings: 2);
        var md = w.ToString();
        Assert.StartsWith("## SmsLint: 1 error, 1 warning, 1 note\n\nScanned 7 files of `snapshots/site1` with SmsLint 1.2.3 (catalog catalog 2026.1.1). Gate: fail on error or worse, **failed**.\n", md, StringComparison.Ordinal);
        Assert.Contains("1 suppressed finding is not shown", md, StringComparison.Ordinal);
        Assert.Contains("| [SMS1003](https://github.com/smslint/smslint/blob/main/rules/SMS1003.md) | CopyLogCoreLinesMissing | 1 | 0 | 0 |", md, StringComparison.Ordinal);
        Assert.Contains("| [SMS3001](https://github.com/smslint/smslint/blob/main/rules/SMS3001.md) | LogonScriptDisabled | 0 | 1 | 1 |", md, StringComparison.Ordinal);
        Assert.Contains("| **Total** | | **1** | **1** | **1** |", md, StringComparison.Ordinal);
        var top = md[md.IndexOf("### Top findings", StringComparison.Ordinal)..];
        Assert.True(top.IndexOf("| error | SMS1003", StringComparison.Ordinal) < top.IndexOf("| warning | SMS3001", StringComparison.Ordinal));
        Assert.Contains("Script \\| disabled &lt;b&gt;.", top, StringComparison.Ordinal);
        Assert.Contains("Core \\`lines\\` missing.", top, StringComparison.Ordinal);
        Assert.DoesNotContain("Note only", top, StringComparison.Ordinal);
        Assert.Contains("…and 1 more finding; the SARIF log has them all.", md, StringComparison.Ordinal);
        Assert.DoesNotContain("DC02/NETLOGON", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_summary_of_a_clean_run_with_a_baseline()
    {
        var absent = Make(Script, "DC01/NETLOGON/Smsls.bat", 3, "Old.") with { BaselineState = "absent" };
        using var w = new StringWriter { NewLine = "\n" };
        MarkdownSummaryWriter.Write(Report(absent), w, new GateOutcome(Level.Warning, 0, true), "demo");
        var md = w.ToString();
        Assert.StartsWith("## SmsLint: 0 errors, 0 warnings, 0 notes\n", md, StringComparison.Ordinal);
        Assert.Contains("Gate: fail on warning or worse among new findings, passed.", md, StringComparison.Ordinal);
        Assert.Contains("Against the baseline: 0 new, 0 unchanged, 0 updated, 1 absent", md, StringComparison.Ordinal);
        Assert.EndsWith("No findings.\n\n", md, StringComparison.Ordinal);
    }
}

using System.Text;
using SmsLint.Findings;
using SmsLint.Rules.CopyLog;

namespace SmsLint.Tests.Rules;

/// <summary>The fix SMS1006 offers: it deletes the removed site's own lines, whole, and never a shared line.</summary>
public sealed class CopyLogFixTests
{
    private static string Fixture(string rule, string caseName) => Path.Combine(Repo.TestData, "rules", rule, caseName, "snapshot");

    private static string Apply(string snapshot, Fix fix)
    {
        var path = fix.Edits.Select(e => e.Deleted.Path).Distinct().Single();
        var text = File.ReadAllText(Path.Combine(snapshot, path), Encoding.Latin1);
        foreach (var edit in fix.Edits.OrderByDescending(e => e.Deleted.Region.CharOffset))
        {
            var r = edit.Deleted.Region;
            text = string.Concat(text.AsSpan(0, r.CharOffset), edit.Inserted, text.AsSpan(r.CharOffset + r.CharLength));
        }

        return text;
    }

    [Fact]
    public void Removed_site_fix_deletes_only_its_site_specific_lines()
    {
        var snapshot = Fixture("SMS1006", "fail-q313209-removed-site");
        var report = FixtureRunner.Scan(snapshot, [new CopyLogNamesRemovedSite()]);
        var finding = Assert.Single(report.Findings);
        var fix = Assert.IsType<Fix>(finding.Fix);

        var edit = Assert.Single(fix.Edits);
        Assert.Equal("SITES\\REM\\caplist.ini=REM\r\nSITES\\REM\\NETCONF.TCF=REM\r\n", edit.Deleted.Snippet);
        var expected = string.Concat(new[]
        {
            "[FILE SOURCE]",
            @"X86.bin\smsboot1.exe=REM",
            @"X86.bin\CLICORE.EXE=AAA",
            @"X86.bin\00000409\SMSMAN.EXE=REM",
            @"SITES\AAA\caplist.ini=AAA",
            @"SITES\AAA\NETCONF.TCF=AAA",
            @"SITES\BBB\caplist.ini=BBB",
            @"SITES\BBB\NETCONF.TCF=BBB",
        }.Select(l => l + "\r\n"));
        Assert.Equal(expected, Apply(snapshot, fix));
    }

    [Fact]
    public void Lines_apart_become_separate_edits_in_file_order()
    {
        var snapshot = Fixture("SMS1006", "fail-only-site-lines-no-hierarchy");
        var report = FixtureRunner.Scan(snapshot, [new CopyLogNamesRemovedSite()]);
        var fix = Assert.IsType<Fix>(Assert.Single(report.Findings).Fix);
        Assert.Equal(2, fix.Edits.Count);
        Assert.True(fix.Edits[0].Deleted.Region.CharOffset + fix.Edits[0].Deleted.Region.CharLength < fix.Edits[1].Deleted.Region.CharOffset);
        var expected = string.Concat(new[]
        {
            "[FILE SOURCE]",
            @"x86.bin\smsboot1.exe=AAA",
            @"X86.BIN\CLICORE.EXE=AAA",
            @"SITES\AAA\cli_inst.cfg=AAA",
            @"SITES\AAA\caplist.ini=AAA",
        }.Select(l => l + "\r\n"));
        Assert.Equal(expected, Apply(snapshot, fix));
    }

    [Fact]
    public void Removed_site_named_only_on_shared_lines_gets_no_fix()
    {
        var snapshot = Path.Combine(Path.GetTempPath(), "smslint-sms1006-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(snapshot, "DC01", "SMSLOGON", "Sitescfg"));
            Directory.CreateDirectory(Path.Combine(snapshot, "DC01", "SMSLOGON", "Config"));
            File.WriteAllBytes(Path.Combine(snapshot, "DC01", "SMSLOGON", "Sitescfg", "AAA_cfg.lcf"), [0x4C, 0x43, 0x46, 0x00]);
            File.WriteAllText(
                Path.Combine(snapshot, "DC01", "SMSLOGON", "Config", "Copylog.tcf"),
                "[FILE SOURCE]\r\nX86.bin\\smsboot1.exe=REM\r\nX86.bin\\CLICORE.EXE=AAA\r\n",
                Encoding.Latin1);

            var report = FixtureRunner.Scan(snapshot, [new CopyLogNamesRemovedSite()]);
            var finding = Assert.Single(report.Findings);
            Assert.Null(finding.Fix);
            Assert.Contains("shared lines must be kept", finding.Help, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(snapshot, recursive: true);
        }
    }

    [Fact]
    public void Logon_script_fix_still_deletes_the_whole_goto_end_line()
    {
        var snapshot = Fixture("SMS3001", Directory.GetDirectories(Path.Combine(Repo.TestData, "rules", "SMS3001"), "fail-*").Select(Path.GetFileName).Order(StringComparer.Ordinal).First()!);
        var report = FixtureRunner.Scan(snapshot, [new SmsLint.Rules.LogonScript.LogonScriptDisabled()]);
        var fix = Assert.IsType<Fix>(report.Findings[0].Fix);
        var edit = Assert.Single(fix.Edits);
        Assert.Matches(@"^\s*goto\s+:?end\s*(\r\n|\n|\r)?$", edit.Deleted.Snippet!.ToLowerInvariant());
    }
}

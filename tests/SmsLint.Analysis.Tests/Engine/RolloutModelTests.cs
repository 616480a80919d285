using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Model;
using SmsLint.Rules.LogonScript;
using SmsLint.Tests.Rules;

namespace SmsLint.Tests.Engine;

/// <summary>The rollout model (phase per shared domain, the overlay of --upgrade/--target) and the rules that read it.</summary>
public sealed class RolloutModelTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("smslint-rollout-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Snapshot(string name, params (string Path, string Text)[] files)
    {
        var dir = Path.Combine(_root.FullName, name);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        return dir;
    }

    private static SnapshotModel Load(string dir, RolloutOverlay? overlay = null)
    {
        using var source = new DirectorySource(dir);
        var model = SnapshotLoader.Load(source, new AnalysisOptions());
        return overlay is null ? model : model.WithOverlay(overlay);
    }

    private static string Hierarchy(string cen, string est) =>
        $"[Site CEN]\r\nVersion={cen}\r\nParent=\r\nDomains=CORP\r\n[Site EST]\r\nVersion={est}\r\nParent=CEN\r\nDomains=CORP\r\n[Domain CORP]\r\nPDC=DC01\r\nControllers=DC01\r\n";

    private static RolloutOverlay Overlay(string? target, params string[] upgrades) =>
        RolloutOverlay.Parse(upgrades, target, FixtureRunner.Catalog, out var error) ?? throw new InvalidOperationException(error);

    [Fact]
    public void Phase_is_steady_when_build_and_service_pack_agree_and_rollout_otherwise()
    {
        var steady = Load(Snapshot("steady", ("hierarchy.ini", Hierarchy("2.00.1493.2000", "2.00.1493.2009"))));
        Assert.Equal(RolloutPhase.Steady, Assert.Single(steady.Rollout.Domains).Phase);

        var mixed = Load(Snapshot("mixed", ("hierarchy.ini", Hierarchy("2.00.1493.2000", "2.00.1380.1000"))));
        var domain = Assert.Single(mixed.Rollout.Domains);
        Assert.Equal(RolloutPhase.Rollout, domain.Phase);
        Assert.True(domain.Pending);
        Assert.Equal(RolloutPhase.Rollout, mixed.Rollout.Phase);
    }

    [Theory]
    [InlineData("SP1", "2.00.1380.1000", false)]
    [InlineData("SP2", "2.00.1493.2000", false)]
    [InlineData("SP3", "2.00.1493.3000", true)]
    [InlineData("SP4", "2.00.1493.4000", true)]
    [InlineData("2.00.1493.2000", "2.00.1493.2000", false)]
    public void Service_pack_names_map_through_the_catalog(string text, string expected, bool inferred)
    {
        Assert.True(RolloutOverlay.TryResolveVersion(text, FixtureRunner.Catalog, out var version, out var error), error);
        Assert.Equal(expected, version!.Site.ToString());
        Assert.Equal(inferred, version.Inferred);
    }

    [Fact]
    public void Target_upgrades_every_site_below_it_and_upgrade_one_site()
    {
        var dir = Snapshot("target", ("hierarchy.ini", Hierarchy("2.00.1380.1000", "2.00.1239.0000")));
        var all = Load(dir, Overlay("SP2"));
        Assert.Equal(new[] { "CEN", "EST" }, all.Rollout.Upgrades.Select(u => u.Code));
        var one = Load(dir, Overlay(null, "EST=SP1"));
        var upgrade = Assert.Single(one.Rollout.Upgrades);
        Assert.Equal("EST", upgrade.Code);
        Assert.Equal("2.00.1239.0000", upgrade.From.Raw);
        Assert.Equal(RolloutPhase.Steady, one.WithUpgradesApplied().Rollout.Domains.Single().Phase);
        Assert.DoesNotContain(Load(dir, Overlay("SP1")).Rollout.Upgrades, u => u.Code == "CEN");
    }

    [Fact]
    public void A_site_at_SP1_with_the_SP1_client_bundle_stays_SP1()
    {
        // The bundle's Clicore.exe carries the packaging version 2.0.91.7, which names no build (sms-domain.md §3.2).
        var clicore = File.ReadAllBytes(Path.Combine(Repo.TestData, "binaries", "2.0.91.7", "Clicore.exe"));
        var dir = Snapshot(
            "bundle",
            ("hierarchy.ini", Hierarchy("2.00.1380.1000", "2.00.1380.1000")),
            ("SITECEN/SMS_CEN/inboxes/clicomp.src/base/Compver.ini", "[Version]\r\nVersion=2.00.1380.1000\r\n"));
        var lp = Path.Combine(dir, "DC01", "SMSLOGON", "x86.bin");
        Directory.CreateDirectory(lp);
        File.WriteAllBytes(Path.Combine(lp, "Clicore.exe"), clicore);

        var model = Load(dir, Overlay("SP1"));
        Assert.Equal(RolloutPhase.Steady, Assert.Single(model.Rollout.Domains).Phase);
        Assert.Empty(model.Rollout.Upgrades);
        Assert.Equal(1380, model.Sites.Find("CEN")!.Effective!.Version!.Value.Build);
    }

    [Fact]
    public void Goto_end_is_a_note_without_fix_while_pending_and_a_warning_with_fix_once_steady()
    {
        var script = "@echo off\r\nGOTO END\r\n%0\\..\\SMSBOOT1.EXE\r\n:END\r\n";
        var mixed = Snapshot("goto-mixed", ("hierarchy.ini", Hierarchy("2.00.1493.2000", "2.00.1380.1000")), ("DC01/NETLOGON/Smsls.bat", script));
        var note = Assert.Single(FixtureRunner.Scan(mixed, [new LogonScriptDisabled()]).Findings);
        Assert.Equal(Level.Note, note.Level);
        Assert.Null(note.Fix);
        Assert.Contains("after all sites, CAP servers, and logon point servers are upgraded", note.Help, StringComparison.Ordinal);

        var steady = Snapshot("goto-steady", ("hierarchy.ini", Hierarchy("2.00.1493.2000", "2.00.1493.2000")), ("DC01/NETLOGON/Smsls.bat", script));
        var warning = Assert.Single(FixtureRunner.Scan(steady, [new LogonScriptDisabled()]).Findings);
        Assert.Equal(Level.Warning, warning.Level);
        Assert.NotNull(warning.Fix);

        var planned = FixtureRunner.Scan(steady, [new LogonScriptDisabled()], overlay: Overlay(null, "EST=SP3")).Findings;
        Assert.Equal(Level.Note, Assert.Single(planned).Level);
    }

    [Fact]
    public void Readiness_rules_stay_silent_in_a_scan()
    {
        var dir = Snapshot("silent", ("hierarchy.ini", Hierarchy("2.00.1493.2000", "2.00.1380.1000")));
        var readiness = SmsLint.Rules.BuiltInRules.All.Where(r => r is SmsLint.Rules.Readiness.ReadinessRule).ToList();
        Assert.Equal(10, readiness.Count);
        Assert.Empty(FixtureRunner.Scan(dir, readiness).Findings);
        Assert.NotEmpty(FixtureRunner.Scan(dir, readiness, overlay: RolloutOverlay.AsIs).Findings);
    }
}

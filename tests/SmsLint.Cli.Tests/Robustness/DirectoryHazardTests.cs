using System.Diagnostics;
using System.Text;
using System.Text.Json;
using SmsLint.Discover;

namespace SmsLint.Tests.Cli.Robustness;

/// <summary>Snapshot folders as old servers leave them: links and loops, deep trees, odd names, files that cannot be read or vanish.</summary>
public sealed class DirectoryHazardTests : IDisposable
{
    private static readonly byte[] DisabledScript = Encoding.ASCII.GetBytes("@echo off\r\nGOTO END\r\necho never\r\n:END\r\n");
    private static readonly byte[] CopyLog = Encoding.ASCII.GetBytes("[FILE SOURCE]\r\nx86.bin\\clicore.exe=AAA\r\n");

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("smslint-hazard-");
    private readonly DirectoryInfo _elsewhere = Directory.CreateTempSubdirectory("smslint-elsewhere-");

    public void Dispose()
    {
        _root.Delete(true);
        _elsewhere.Delete(true);
    }

    private string Put(string relative, byte[] bytes)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private (JsonElement Run, List<(string Rule, string Uri, string Message)> Results) ScanSarif(string name)
    {
        var (exit, sarif, err) = CliRunner.Run("scan", _root.FullName, "--format", "sarif", "--fail-level", "none");
        Assert.True(exit == 0, err);
        File.WriteAllText(Path.Combine(Repo.SarifOut, $"hazard-{name}.sarif"), sarif);
        var run = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray()
            .Select(r => (
                r.GetProperty("ruleId").GetString()!,
                r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!,
                r.GetProperty("message").GetProperty("text").GetString()!))
            .ToList();
        return (run, results);
    }

    [Fact]
    public void Link_loops_and_links_out_of_the_snapshot_are_reported_never_followed()
    {
        Put("DC01/SMSLOGON/Config/Copylog.tcf", CopyLog);
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "DC01/SMSLOGON/Config/Loop"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "DC01/SMSLOGON/Self"), ".");
        File.WriteAllBytes(Path.Combine(_elsewhere.FullName, "Smsls.bat"), DisabledScript);
        Directory.CreateSymbolicLink(Path.Combine(_root.FullName, "DC02"), _elsewhere.FullName);
        File.CreateSymbolicLink(Path.Combine(_root.FullName, "DC01/SMSLOGON/Config/Copylog.old"), "/etc/hostname");

        var (run, results) = ScanSarif("links");
        Assert.Contains(results, r => r.Rule == "SMS0006" && r.Uri == "DC01/SMSLOGON/Config/Loop" && r.Message.Contains("(a loop)", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Rule == "SMS0006" && r.Uri == "DC01/SMSLOGON/Self" && r.Message.Contains("(a loop)", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Rule == "SMS0006" && r.Uri == "DC02" && r.Message.Contains("outside the snapshot", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Rule == "SMS3001" && r.Uri == "DC01/NETLOGON/Smsls.bat");

        // Each skipped link is also a tool notification, and the run still counts as successful.
        var notes = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().Select(n => n.GetProperty("descriptor").GetProperty("id").GetString()).ToList();
        Assert.Equal(3, notes.Count(id => id == "SMS-SOURCE-LINK"));
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());

        // Nothing behind a link was listed: the files are exactly those really inside.
        using var source = new DirectorySource(_root.FullName);
        Assert.Equal(["DC01/NETLOGON/Smsls.bat", "DC01/SMSLOGON/Config/Copylog.old", "DC01/SMSLOGON/Config/Copylog.tcf"], source.Entries.Select(e => e.Path));
    }

    [Fact]
    public void Trees_deeper_than_the_limit_are_cut_and_reported()
    {
        var deep = string.Join('/', Enumerable.Repeat("d", 70));
        Put("DC01/NETLOGON/" + string.Join('/', Enumerable.Repeat("d", 10)) + "/Smsls.bat", DisabledScript);
        Put("DC01/NETLOGON/" + deep + "/Smsls.bat", DisabledScript);

        var (_, results) = ScanSarif("deep");
        Assert.Single(results, r => r.Rule == "SMS3001");
        var cut = Assert.Single(results, r => r.Rule == "SMS0006");
        Assert.Equal("DC01/NETLOGON/" + string.Join('/', Enumerable.Repeat("d", 63)), cut.Uri);
        Assert.Contains("exceeds 64 levels", cut.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_paths_are_scanned_and_located()
    {
        // 14 folders of 200 characters: a path of about 2,900 characters, under Linux's PATH_MAX.
        var segments = Enumerable.Range(0, 14).Select(i => new string((char)('a' + i), 200));
        var relative = "DC01/NETLOGON/" + string.Join('/', segments) + "/Smsls.bat";
        Put(relative, DisabledScript);
        var (_, results) = ScanSarif("long-path");
        var finding = Assert.Single(results, r => r.Rule == "SMS3001");
        Assert.Equal(relative, finding.Uri);
    }

    [Fact]
    public void Odd_file_names_are_percent_encoded_in_sarif_uris()
    {
        var names = new Dictionary<string, string>
        {
            ["DC 01"] = "DC%2001",
            ["DC#2"] = "DC%232",
            ["DC%41"] = "DC%2541",
            ["DCÄÖ"] = "DC%C3%84%C3%96",
            ["服务器"] = "%E6%9C%8D%E5%8A%A1%E5%99%A8",
            ["C:"] = "C%3A",
            ["a?b[1]"] = "a%3Fb%5B1%5D",
        };
        if (!OperatingSystem.IsWindows())
        {
            names["back\\slash"] = "back%5Cslash";
        }

        foreach (var machine in names.Keys)
        {
            Put(Path.Combine(machine, "NETLOGON", "Smsls.bat"), DisabledScript);
        }

        var (_, results) = ScanSarif("odd-names");
        var uris = results.Where(r => r.Rule == "SMS3001").Select(r => r.Uri).ToHashSet(StringComparer.Ordinal);
        foreach (var (machine, encoded) in names)
        {
            var uri = encoded + "/NETLOGON/Smsls.bat";
            Assert.Contains(uri, uris);
            Assert.Equal(machine + "/NETLOGON/Smsls.bat", Uri.UnescapeDataString(uri));
            Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri);
        }

        // The text output shows the names as they are.
        var text = CliRunner.Run("scan", _root.FullName, "--fail-level", "none").Out;
        Assert.Contains("DC 01/NETLOGON/Smsls.bat:2:1:", text, StringComparison.Ordinal);
        Assert.Contains("DCÄÖ/NETLOGON/Smsls.bat:2:1:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_the_account_cannot_read_is_a_finding_and_a_notification()
    {
        Put("DC01/SMSLOGON/Config/Copylog.tcf", CopyLog);
        Put("DC01/SMSLOGON/x86.bin/Clicore.exe", File.ReadAllBytes(Path.Combine(Repo.TestData, "binaries", "2.0.1493.2000", "Clicore.exe")));
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        using var source = new DenyingSource(new DirectorySource(_root.FullName), "DC01/SMSLOGON/Config/Copylog.tcf", "DC01/SMSLOGON/x86.bin/Clicore.exe");
        var report = SourceScan.Report(source);

        var unreadable = report.Findings.Where(f => f.Rule.Id == "SMS0005").Select(f => f.Location.Path).ToList();
        Assert.Equal(["DC01/SMSLOGON/Config/Copylog.tcf", "DC01/SMSLOGON/x86.bin/Clicore.exe"], unreadable);
        Assert.Equal(2, report.Notifications.Count(n => n.Id == "SMS-SOURCE-UNREADABLE"));
        Assert.Contains(report.Findings, f => f.Rule.Id == "SMS3001");
        Assert.True(report.ExecutionSuccessful);
    }

    [Fact]
    public void A_folder_that_cannot_be_listed_is_reported_and_the_scan_goes_on()
    {
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        var denied = new SourceProblem("DC02/SMSLOGON", "unreadable", "folder could not be listed: Access to the path '/snap/DC02/SMSLOGON' is denied.");
        using var source = new ProblemSource(new DirectorySource(_root.FullName), denied);
        var report = SourceScan.Report(source);

        var finding = Assert.Single(report.Findings, f => f.Rule.Id == "SMS0006");
        Assert.Equal("DC02/SMSLOGON", finding.Location.Path);
        Assert.Equal("Snapshot part not scanned: 'DC02/SMSLOGON' folder could not be listed: Access to the path '/snap/DC02/SMSLOGON' is denied.", finding.Message);
        Assert.Contains(report.Notifications, n => n.Id == "SMS-SOURCE-UNREADABLE" && n.Path == "DC02/SMSLOGON");
        Assert.Contains(report.Findings, f => f.Rule.Id == "SMS3001");
    }

    [Fact]
    public void A_snapshot_that_is_neither_a_folder_nor_a_zip_is_refused()
    {
        var notAFolder = Path.Combine(_root.FullName, "snapshot");
        File.WriteAllText(notAFolder, "plain text");
        var ex = Assert.Throws<SnapshotSourceException>(() => SnapshotSources.Open(notAFolder, SourceLimits.Default));
        Assert.Contains("not a zip archive", ex.Message, StringComparison.Ordinal);
        Assert.Throws<SnapshotSourceException>(() => SnapshotSources.Open(Path.Combine(_root.FullName, "missing"), SourceLimits.Default));
    }

    [Fact]
    public void Files_that_vanish_between_listing_and_reading_are_findings()
    {
        Put("DC01/SMSLOGON/Config/Copylog.tcf", CopyLog);
        Put("DC01/SMSLOGON/x86.bin/Clicore.exe", File.ReadAllBytes(Path.Combine(Repo.TestData, "binaries", "2.0.1493.2000", "Clicore.exe")));
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        using var source = new DirectorySource(_root.FullName);
        File.Delete(Path.Combine(_root.FullName, "DC01/SMSLOGON/Config/Copylog.tcf"));
        File.Delete(Path.Combine(_root.FullName, "DC01/SMSLOGON/x86.bin/Clicore.exe"));

        var report = SourceScan.Report(source);
        var unreadable = report.Findings.Where(f => f.Rule.Id == "SMS0005").ToList();
        Assert.Equal(2, unreadable.Count);
        Assert.All(unreadable, f => Assert.Contains("could not be", f.Message, StringComparison.Ordinal));
        Assert.Equal(2, report.Notifications.Count(n => n.Id == "SMS-SOURCE-UNREADABLE"));
        Assert.Contains(report.Findings, f => f.Rule.Id == "SMS3001");
        File.WriteAllText(Path.Combine(Repo.SarifOut, "hazard-vanished.sarif"), Writers.Sarif.SarifWriter.WriteToString(report));
    }

    [SkippableFact]
    public async Task A_fifo_under_an_sms_file_name_does_not_hang_the_scan()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "FIFOs are made with mkfifo, on Linux only.");

        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        Directory.CreateDirectory(Path.Combine(_root.FullName, "DC01/SMSLOGON/Config"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(_root.FullName, "DC01/SMSLOGON/Config/Copylog.tcf")))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var scan = Task.Run(() => CliRunner.Run("scan", _root.FullName, "--fail-level", "none"));
        var (_, output, _) = await scan.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains("[SMS3001]", output, StringComparison.Ordinal);
    }
}

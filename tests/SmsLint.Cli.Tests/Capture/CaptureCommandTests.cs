using System.Text.Json;
using SmsLint.Capture;

namespace SmsLint.Tests.Cli.Capture;

/// <summary>`smslint capture` from local folders: layout, capture.json, limits, refusals and the scan of the result.</summary>
public sealed class CaptureCommandTests
{
    private static string[] FromDemo(string source)
    {
        var args = new List<string>();
        foreach (var (machine, share, folder) in CaptureTestSupport.Shares(source))
        {
            args.Add("--from");
            args.Add($"{machine}/{share}={folder}");
        }

        return [.. args];
    }

    [Fact]
    public void Capturing_the_demo_from_folders_scans_like_the_demo_and_leaves_the_source_unchanged()
    {
        var scratch = CaptureTestSupport.Scratch("capture-demo");
        try
        {
            var source = Path.Combine(scratch, "src");
            CaptureTestSupport.CopyTree(Path.Combine(Repo.TestData, "demo"), source);
            var before = CaptureTestSupport.Fingerprint(source);

            var folder = Path.Combine(scratch, "snap");
            var zip = Path.Combine(scratch, "snap.zip");
            var args = FromDemo(source);
            var toFolder = CliRunner.Run(["capture", .. args, "--hierarchy", Path.Combine(source, "hierarchy.ini"), "--output", folder]);
            Assert.True(toFolder.Exit == 0, toFolder.Err);
            var toZip = CliRunner.Run(["capture", .. args, "--hierarchy", Path.Combine(source, "hierarchy.ini"), "--output", zip]);
            Assert.True(toZip.Exit == 0, toZip.Err);
            Assert.Contains($"[{args.Length / 2}/{args.Length / 2}]", toZip.Err, StringComparison.Ordinal);

            Assert.Equal(before, CaptureTestSupport.Fingerprint(source));

            var expected = CliRunner.Run("scan", source, "--fail-level", "none").Out;
            var fromFolder = CliRunner.Run("scan", folder, "--fail-level", "none").Out;
            var fromZip = CliRunner.Run("scan", zip, "--fail-level", "none").Out;
            Assert.Equal(CaptureTestSupport.Findings(expected), CaptureTestSupport.Findings(fromFolder));
            Assert.Equal(fromFolder, fromZip);

            // Every copied file keeps its last-write time, in the folder and in capture.json.
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, CaptureManifest.FileName)));
            var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                var path = file.GetProperty("path").GetString()!;
                var original = File.GetLastWriteTimeUtc(Path.Combine(source, path));
                Assert.Equal(CaptureManifest.FormatTime(original), file.GetProperty("lastWrite").GetString());
                Assert.Equal(original.Ticks / TimeSpan.TicksPerSecond, File.GetLastWriteTimeUtc(Path.Combine(folder, path)).Ticks / TimeSpan.TicksPerSecond);
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void Unknown_files_are_left_out_unless_all_and_limits_are_recorded()
    {
        var scratch = CaptureTestSupport.Scratch("capture-limits");
        try
        {
            var share = Path.Combine(scratch, "src", "SMSLOGON");
            Directory.CreateDirectory(Path.Combine(share, "Config"));
            Directory.CreateDirectory(Path.Combine(share, "Logs"));
            File.WriteAllText(Path.Combine(share, "Config", "Copylog.tcf"), "[FILE SOURCE]\r\nx86.bin\\clicore.exe=AAA\r\n");
            File.WriteAllText(Path.Combine(share, "Logs", "notes.txt"), "not an SMS file SmsLint reads");
            File.WriteAllBytes(Path.Combine(share, "big.exe"), new byte[5000]);

            var known = Path.Combine(scratch, "known");
            var run = CliRunner.Run("capture", "--from", $"DC01/SMSLOGON={share}", "--max-file-size", "4096", "--output", known);
            Assert.Equal(1, run.Exit);
            Assert.True(File.Exists(Path.Combine(known, "DC01", "SMSLOGON", "Config", "Copylog.tcf")));
            Assert.False(File.Exists(Path.Combine(known, "DC01", "SMSLOGON", "Logs", "notes.txt")));
            Assert.False(File.Exists(Path.Combine(known, "DC01", "SMSLOGON", "big.exe")));
            var json = File.ReadAllText(Path.Combine(known, CaptureManifest.FileName));
            Assert.Contains("\"path\": \"DC01/SMSLOGON/big.exe\", \"size\": 5000", json, StringComparison.Ordinal);
            Assert.Contains("over the per-file limit of 4,096 bytes", json, StringComparison.Ordinal);
            var scan = CliRunner.Run("scan", known, "--select", "SMS0015");
            Assert.Contains("Capture is incomplete: 'DC01/SMSLOGON/big.exe' was not copied", scan.Out, StringComparison.Ordinal);

            var all = Path.Combine(scratch, "all");
            run = CliRunner.Run("capture", "--from", $"DC01/SMSLOGON={share}", "--all", "--output", all);
            Assert.True(run.Exit == 0, run.Err);
            Assert.True(File.Exists(Path.Combine(all, "DC01", "SMSLOGON", "Logs", "notes.txt")));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void An_unreachable_share_is_recorded_and_the_capture_goes_on()
    {
        var scratch = CaptureTestSupport.Scratch("capture-unreachable");
        try
        {
            var demo = Path.Combine(Repo.TestData, "demo", "DC01", "SMSLOGON");
            var output = Path.Combine(scratch, "snap.zip");
            var run = CliRunner.Run("capture", "--from", $"DC01/SMSLOGON={demo}", "--from", $"DC02/SMSLOGON={Path.Combine(scratch, "missing")}", "--output", output);
            Assert.Equal(1, run.Exit);
            Assert.Contains("[2/2] DC02/SMSLOGON: unreachable", run.Err, StringComparison.Ordinal);
            var scan = CliRunner.Run("scan", output, "--select", "SMS0015", "--fail-level", "none");
            Assert.Contains("capture.json:", scan.Out, StringComparison.Ordinal);
            Assert.Contains("Capture is incomplete: share 'DC02/SMSLOGON' was unreachable", scan.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Fact]
    public void An_output_inside_a_source_is_refused()
    {
        var scratch = CaptureTestSupport.Scratch("capture-inside");
        try
        {
            var share = Path.Combine(scratch, "SMSLOGON");
            Directory.CreateDirectory(share);
            var run = CliRunner.Run("capture", "--from", $"DC01/SMSLOGON={share}", "--output", Path.Combine(share, "snap.zip"));
            Assert.Equal(2, run.Exit);
            Assert.Contains("lies inside the source of 'DC01/SMSLOGON'", run.Err, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(share));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    [Theory]
    [InlineData("DC01=smb://dc01/SMSLOGON", "is not of the form MACHINE/SHARE=SOURCE")]
    [InlineData("DC01/SMSLOGON=smb://admin:secret@dc01/SMSLOGON", "credentials come only from an authentication file")]
    [InlineData("../DC01/SMSLOGON=/tmp", "is not of the form MACHINE/SHARE=SOURCE")]
    public void Bad_from_values_are_usage_errors(string from, string message)
    {
        var run = CliRunner.Run("capture", "--from", from, "--output", Path.Combine(Path.GetTempPath(), "never-written.zip"));
        Assert.Equal(2, run.Exit);
        Assert.Contains(message, run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_is_drafted_from_hierarchy_ini_and_can_be_read_back()
    {
        var run = CliRunner.Run("capture", "--draft-plan", Path.Combine(Repo.TestData, "e2e", "clean-hierarchy", "snapshot", "hierarchy.ini"));
        Assert.Equal(0, run.Exit);
        Assert.Contains("[HQDC01]\nSMSLOGON=smb://HQDC01/SMSLOGON\nNETLOGON=smb://HQDC01/NETLOGON\nREPL$=smb://HQDC01/REPL$\n", run.Out, StringComparison.Ordinal);
        Assert.Contains(";SMS_CEN=smb://SITESERVER-CEN/SMS_CEN", run.Out, StringComparison.Ordinal);
        var scratch = CaptureTestSupport.Scratch("capture-plan");
        try
        {
            var planFile = Path.Combine(scratch, "capture.ini");
            File.WriteAllText(planFile, run.Out);
            var plan = CapturePlans.Read(planFile);
            Assert.Contains(plan.Shares, s => s.Path == "EDC01/REPL$" && s.Source == "smb://EDC01/REPL$");
            Assert.DoesNotContain(plan.Shares, s => s.Share.StartsWith("SMS_", StringComparison.Ordinal));
            Assert.NotNull(plan.HierarchyFile);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}

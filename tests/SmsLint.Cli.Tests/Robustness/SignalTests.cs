using System.Diagnostics;
using System.Text;
using SmsLint.Cli;

namespace SmsLint.Tests.Cli.Robustness;

/// <summary>
/// A real `smslint scan` child process stopped by SIGTERM or SIGINT while it scans: it exits with
/// 143 or 130, says it was interrupted, and leaves no report file (not even a temporary one).
/// </summary>
public sealed class SignalTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("smslint-signal-");

    public void Dispose() => _work.Delete(true);

    /// <summary>A small snapshot: the scan waits after listing it (TestPause), so its size does not matter.</summary>
    private string Snapshot()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_work.FullName, "snapshot", "DC01", "NETLOGON"));
        File.WriteAllText(Path.Combine(dir.FullName, "Smsls.bat"), "@echo off\r\nset SMS_LOGON=\\\\DC01\\SMSLOGON\r\n");
        return Path.GetDirectoryName(Path.GetDirectoryName(dir.FullName))!;
    }

    private static bool IgnoresSigint()
    {
        var line = File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (2 - 1))) != 0;
    }

    [SkippableTheory]
    [InlineData("TERM", ExitCodes.Terminated)]
    [InlineData("INT", ExitCodes.Interrupted)]
    public void A_signal_mid_scan_stops_it_with_no_output(string signal, int expectedExit)
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "POSIX signals and /proc are tested on Linux only.");
        // A child inherits ignored signals; a test host started in the background ignores SIGINT,
        // and then no process it starts can receive it.
        Skip.If(signal == "INT" && IgnoresSigint(), "this test host ignores SIGINT (started in the background), so its children cannot receive it.");

        var snapshot = Snapshot();
        var marker = Path.Combine(_work.FullName, "paused");
        var outDir = Directory.CreateDirectory(Path.Combine(_work.FullName, "out"));
        var report = Path.Combine(outDir.FullName, "report.sarif");
        var cli = Path.Combine(AppContext.BaseDirectory, "smslint.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { cli, "scan", snapshot, "--format", "sarif", "--output", report, "--threads", "2" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["SMSLINT_TEST_PAUSE_AFTER_LISTING"] = marker },
        };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var child = new Process { StartInfo = start };
        child.OutputDataReceived += (_, e) =>
        {
            lock (stdout)
            {
                stdout.Append(e.Data);
            }
        };
        child.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                stderr.Append(e.Data).Append('\n');
            }
        };
        child.Start();
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();

        // The scan has listed the snapshot and waits, mid-scan, until it is cancelled: no race.
        while (!File.Exists(marker) && !child.HasExited)
        {
            Thread.Sleep(10);
        }

        Assert.False(child.HasExited, $"the scan ended before it paused: {stderr}");
        using (var kill = Process.Start("kill", ["-s", signal, child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
            Assert.Equal(0, kill.ExitCode);
        }

        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(60)), "the scan did not stop");
        child.WaitForExit();
        Assert.True(child.ExitCode == expectedExit, $"exit code {child.ExitCode}: {stderr}");
        Assert.Contains("interrupted", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout.ToString());
        Assert.False(File.Exists(report));
        Assert.Empty(outDir.EnumerateFileSystemInfos());
    }
}

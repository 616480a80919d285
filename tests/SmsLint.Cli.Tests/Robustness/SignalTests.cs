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

    /// <summary>About 40 MB of logon scripts: many seconds of parsing, so the signal lands mid-scan.</summary>
    private string BigSnapshot()
    {
        var root = Path.Combine(_work.FullName, "snapshot");
        var sb = new StringBuilder();
        while (sb.Length < 1024 * 1024)
        {
            sb.Append("echo checking the client %USERNAME% on %COMPUTERNAME%\r\nset SMS_LOGON=\\\\DC01\\SMSLOGON\r\n");
        }

        var body = Encoding.ASCII.GetBytes(sb.ToString());
        for (var i = 0; i < 40; i++)
        {
            var dir = Directory.CreateDirectory(Path.Combine(root, $"DC{i:00}", "NETLOGON"));
            File.WriteAllBytes(Path.Combine(dir.FullName, "Smsls.bat"), body);
        }

        return root;
    }

    /// <summary>User plus system time of a live process, from /proc (Process.TotalProcessorTime is not refreshed reliably).</summary>
    private static TimeSpan CpuTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    private static bool IgnoresSigint()
    {
        var line = File.ReadAllLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (2 - 1))) != 0;
    }

    [Theory]
    [InlineData("TERM", ExitCodes.Terminated)]
    [InlineData("INT", ExitCodes.Interrupted)]
    public void A_signal_mid_scan_stops_it_with_no_output(string signal, int expectedExit)
    {
        // A child inherits ignored signals; a test host started in the background ignores SIGINT,
        // and then no process it starts can receive it.
        if (!OperatingSystem.IsLinux() || (signal == "INT" && IgnoresSigint()))
        {
            return;
        }

        var snapshot = BigSnapshot();
        var outDir = Directory.CreateDirectory(Path.Combine(_work.FullName, "out"));
        var report = Path.Combine(outDir.FullName, "report.sarif");
        var cli = Path.Combine(AppContext.BaseDirectory, "smslint.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { cli, "scan", snapshot, "--format", "sarif", "--output", report, "--threads", "2" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
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

        // Wait until the runtime is up and the scan is under way: it has burned some CPU time.
        var watch = Stopwatch.StartNew();
        while (!child.HasExited && CpuTime(child.Id) < TimeSpan.FromSeconds(1.5) && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            Thread.Sleep(20);
        }

        Assert.False(child.HasExited, "the scan finished before it could be interrupted");
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

using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using SmsLint.Cli;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;

namespace SmsLint.Tests.Cli.Robustness;

/// <summary>
/// Issue 10, "hostile snapshots, round two": one regression test per defect the adversarial pass
/// found, named after its item.
/// </summary>
public sealed class HostileRoundTwoTests : IDisposable
{
    private static readonly byte[] DisabledScript = Encoding.ASCII.GetBytes("@echo off\r\nGOTO END\r\necho never\r\n:END\r\n");
    private static readonly byte[] OtherScript = Encoding.ASCII.GetBytes("@echo off\r\necho hello\r\n");
    private static readonly byte[] CopyLog = Encoding.ASCII.GetBytes("[FILE SOURCE]\r\nx86.bin\\clicore.exe=AAA\r\n");

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("smslint-round2-");

    private string Snapshot => Path.Combine(_work.FullName, "S");

    public void Dispose()
    {
        try
        {
            _work.Delete(true);
        }
        catch (IOException)
        {
            // A name that is not UTF-8 cannot be deleted through .NET.
            Run("rm", "-rf", _work.FullName);
        }
    }

    private string Put(string relative, byte[] bytes)
    {
        var path = Path.Combine(Snapshot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    private static void MkFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Run("mkfifo", path);
    }

    private static bool IsFifo(string path) => SmsLint.IO.SafeFile.KindOf(path, out _) == SmsLint.IO.SafeFile.PathKind.Other;

    /// <summary>Runs the CLI in-process, but gives up (failing the test) rather than hang the suite.</summary>
    private static async Task<(int Exit, string Out, string Err)> RunBounded(params string[] args) =>
        await Task.Run(() => CliRunner.Run(args)).WaitAsync(TimeSpan.FromSeconds(60));

    private static List<JsonElement> Results(string sarif) =>
        [.. JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];

    private static string Uri(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;

    // ---- 1. a file outside the snapshot is read and quoted ------------------------------------

    [SkippableFact]
    public void Item01_a_file_link_through_an_in_snapshot_folder_link_is_never_read()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)");
        var secret = Path.Combine(_work.FullName, "outside");
        Directory.CreateDirectory(secret);
        File.WriteAllText(Path.Combine(secret, "passwd"), "root:x:0:0:SECRET-LINE:/root:/bin/bash\r\n");
        Put("DC02/NETLOGON/Smsls.bat", OtherScript);
        Directory.CreateDirectory(Snapshot);
        Directory.CreateSymbolicLink(Path.Combine(Snapshot, "escape"), secret);
        Directory.CreateDirectory(Path.Combine(Snapshot, "DC01", "NETLOGON"));
        File.CreateSymbolicLink(Path.Combine(Snapshot, "DC01", "NETLOGON", "Smsls.bat"), "../../escape/passwd");

        var (exit, sarif, err) = CliRunner.Run("scan", Snapshot, "--format", "sarif", "--fail-level", "none");
        Assert.True(exit == 0, err);
        File.WriteAllText(Path.Combine(Repo.SarifOut, "round2-link-escape.sarif"), sarif);
        Assert.DoesNotContain("SECRET-LINE", sarif, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-LINE", err, StringComparison.Ordinal);
        var unreadable = Assert.Single(Results(sarif), r => r.GetProperty("ruleId").GetString() == "SMS0005");
        Assert.Equal("DC01/NETLOGON/Smsls.bat", Uri(unreadable));
        Assert.Contains("outside the snapshot", unreadable.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Item01_a_file_swapped_for_an_escaping_link_after_listing_is_never_read()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)");
        var secret = Path.Combine(_work.FullName, "outside");
        Directory.CreateDirectory(secret);
        File.WriteAllText(Path.Combine(secret, "passwd"), "root:x:0:0:SECRET-LINE:/root:/bin/bash\r\n");
        var script = Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        Directory.CreateSymbolicLink(Path.Combine(Snapshot, "escape"), secret);
        using var source = new DirectorySource(Snapshot);
        var entry = Assert.Single(source.Entries);

        File.Delete(script);
        File.CreateSymbolicLink(script, "../../escape/passwd");
        Assert.Null(source.ReadAll(entry, 1 << 20, out var problem));
        Assert.Contains("outside the snapshot", problem!.Message, StringComparison.Ordinal);
        Assert.Null(source.OpenRead(entry, out problem));
        Assert.NotNull(problem);
    }

    // ---- 2. outputs written into the snapshot ---------------------------------------------------

    [Fact]
    public void Item02_outputs_inside_the_snapshot_are_refused()
    {
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        var inside = Path.Combine(Snapshot, "DC01", "report.txt");
        foreach (var args in new[]
        {
            new[] { "scan", Snapshot, "--output", inside },
            ["scan", Snapshot, "--summary", inside],
            ["baseline", Snapshot, "--output", inside],
        })
        {
            var (exit, _, err) = CliRunner.Run(args);
            Assert.True(exit == ExitCodes.UsageError, err);
            Assert.Contains("inside the snapshot", err, StringComparison.Ordinal);
            Assert.Single(err.TrimEnd('\n').Split('\n'));
            Assert.False(File.Exists(inside));
        }
    }

    [Fact]
    public void Item02_an_output_onto_the_scanned_zip_is_refused()
    {
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        var zip = Path.Combine(_work.FullName, "cap.zip");
        File.WriteAllBytes(zip, ZipFixtures.FromDirectory(Snapshot));
        var before = File.ReadAllBytes(zip);
        var (exit, _, err) = CliRunner.Run("scan", zip, "--output", zip);
        Assert.True(exit == ExitCodes.UsageError, err);
        Assert.Contains("scanned archive", err, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(zip));
    }

    [SkippableFact]
    public void Item02_an_output_that_is_not_a_regular_file_is_never_replaced()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)");
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        var fifo = Path.Combine(_work.FullName, "out.fifo");
        MkFifo(fifo);
        var (exit, _, err) = CliRunner.Run("scan", Snapshot, "--output", fifo);
        Assert.True(exit == ExitCodes.UsageError, err);
        Assert.Contains("not a regular file", err, StringComparison.Ordinal);
        Assert.True(IsFifo(fifo));
    }

    [Fact]
    public void Item02_dash_and_dev_stdout_mean_standard_output()
    {
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        foreach (var name in new[] { "-", "/dev/stdout" })
        {
            var (exit, output, err) = CliRunner.Run("scan", Snapshot, "--output", name, "--fail-level", "none");
            Assert.True(exit == 0, err);
            Assert.Contains("[SMS3001]", output, StringComparison.Ordinal);
        }

        var baseline = CliRunner.Run("baseline", Snapshot, "--output", "-");
        Assert.True(baseline.Exit == 0, baseline.Err);
        Assert.Contains("\"SMS3001\"", baseline.Out, StringComparison.Ordinal);
    }

    // ---- 3. deeply nested YAML ---------------------------------------------------------------

    [Fact]
    public void Item03_deeply_nested_yaml_is_a_configuration_error_not_a_stack_overflow()
    {
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        Put("smslint.yml", Encoding.ASCII.GetBytes("exclude: " + new string('[', 50_000)));
        var (exit, _, err) = CliRunner.Run("scan", Snapshot);
        Assert.True(exit == ExitCodes.UsageError, err);
        Assert.Contains("nest more than 64 levels", err, StringComparison.Ordinal);
    }

    // ---- 4. configuration, catalog and baseline files followed anywhere -------------------------

    [SkippableFact]
    public async Task Item04_a_configuration_link_out_of_the_snapshot_is_not_read()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)");
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        var secret = Path.Combine(_work.FullName, "passwd");
        File.WriteAllText(secret, "root:x:0:0:SECRET-LINE:/root:/bin/bash\n");
        File.CreateSymbolicLink(Path.Combine(Snapshot, "smslint.yml"), secret);
        var (exit, _, err) = await RunBounded("scan", Snapshot);
        Assert.True(exit == ExitCodes.UsageError, err);
        Assert.Contains("outside the snapshot", err, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-LINE", err, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Item04_devices_as_config_catalog_or_baseline_are_refused_without_reading()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)");
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        foreach (var option in new[] { "--config", "--catalog", "--baseline" })
        {
            var (exit, _, err) = await RunBounded("scan", Snapshot, option, "/dev/zero");
            Assert.True(exit == ExitCodes.UsageError, err);
            Assert.Contains("not a regular file", err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Item04_an_oversized_or_foreign_file_is_refused_with_a_short_excerpt()
    {
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        var foreign = Path.Combine(_work.FullName, "passwd.yml");
        var line = "root:x:0:0:root:/root:/bin/bash-SECRET-TAIL-OF-THE-LINE";
        File.WriteAllText(foreign, line + "\n");
        var (exit, _, err) = CliRunner.Run("scan", Snapshot, "--config", foreign);
        Assert.True(exit == ExitCodes.UsageError, err);
        Assert.DoesNotContain("SECRET-TAIL", err, StringComparison.Ordinal);

        var big = Path.Combine(_work.FullName, "big.yml");
        File.WriteAllText(big, "# " + new string('x', 2 * 1024 * 1024) + "\n");
        (exit, _, err) = CliRunner.Run("scan", Snapshot, "--config", big);
        Assert.True(exit == ExitCodes.UsageError, err);
        Assert.Contains("larger than the limit", err, StringComparison.Ordinal);
    }

    // ---- 5. hangs that SIGTERM cannot stop -------------------------------------------------------

    [SkippableFact]
    public async Task Item05_fifos_as_configuration_catalog_or_snapshot_files_never_block()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)");
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        MkFifo(Path.Combine(Snapshot, "smslint.yml"));
        var (exit, _, err) = await RunBounded("scan", Snapshot);
        Assert.True(exit == ExitCodes.UsageError, err);
        Assert.Contains("FIFO", err, StringComparison.Ordinal);
        File.Delete(Path.Combine(Snapshot, "smslint.yml"));

        var catalog = Path.Combine(_work.FullName, "catalog.fifo");
        MkFifo(catalog);
        (exit, _, err) = await RunBounded("scan", Snapshot, "--catalog", catalog);
        Assert.True(exit == ExitCodes.UsageError, err);
        Assert.Contains("FIFO", err, StringComparison.Ordinal);

        // fix copies the tree: a FIFO in it is not copied, and nothing waits on it.
        MkFifo(Path.Combine(Snapshot, "DC01", "NETLOGON", "Other.bat"));
        MkFifo(Path.Combine(Snapshot, "DC01", "SMSLOGON", "Config", "Copylog.tcf"));
        (exit, _, err) = await RunBounded("fix", Snapshot, "--output", Path.Combine(_work.FullName, "fixed"));
        Assert.True(exit == 0, err);
        Assert.True(File.Exists(Path.Combine(_work.FullName, "fixed", "DC01", "NETLOGON", "Smsls.bat")));
    }

    [SkippableFact]
    public void Item05_a_fifo_swapped_in_for_a_listed_file_is_refused()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)");
        var script = Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        using var source = new DirectorySource(Snapshot);
        var entry = Assert.Single(source.Entries);
        File.Delete(script);
        MkFifo(script);
        var read = Task.Run(() => source.ReadAll(entry, 1 << 20, out var problem) is null ? problem!.Message : "read");
        Assert.True(read.Wait(TimeSpan.FromSeconds(60)), "reading a FIFO blocked");
        Assert.Contains("FIFO", read.Result, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Item05_a_signal_ends_the_process_even_when_it_is_blocked_in_a_write()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)");
        // Standard output is a pipe nobody reads: once it is full, the SARIF write blocks in the
        // kernel, where no cancellation token reaches. SIGTERM must end the process all the same.
        var cli = Path.Combine(AppContext.BaseDirectory, "smslint.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { cli, "scan", Path.Combine(Repo.TestData, "demo"), "--format", "sarif", "--fail-level", "none" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var child = Process.Start(start)!;
        try
        {
            SignalWhileBlocked(child);
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }
    }

    private static void SignalWhileBlocked(Process child)
    {
        var stderr = child.StandardError.ReadToEndAsync();

        // Blocked: it has run for a while and its CPU time no longer moves.
        var watch = Stopwatch.StartNew();
        TimeSpan last = TimeSpan.MinValue;
        while (!child.HasExited && watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            Thread.Sleep(500);
            var now = CpuTime(child.Id);
            if (now > TimeSpan.FromSeconds(0.5) && now == last)
            {
                break;
            }

            last = now;
        }

        Assert.False(child.HasExited, "the scan finished: its output fitted in the pipe");
        Run("kill", "-s", "TERM", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(30)), "the blocked process did not end after SIGTERM");
        Assert.Equal(ExitCodes.Terminated, child.ExitCode);
        Assert.Contains("interrupted", stderr.Result, StringComparison.Ordinal);
    }

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

    // ---- 6. the fingerprint re-read --------------------------------------------------------------

    /// <summary>Counts reads; from the second read of a file on, returns it grown past any limit.</summary>
    private sealed class RegrowingSource(ISnapshotSource inner) : ISnapshotSource
    {
        public Dictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

        public string RootPath => inner.RootPath;

        public IReadOnlyList<SnapshotEntry> Entries => inner.Entries;

        public IReadOnlyList<SourceProblem> Problems => inner.Problems;

        public byte[]? ReadAll(SnapshotEntry entry, long maxBytes, out SourceProblem? problem)
        {
            lock (Reads)
            {
                Reads[entry.Path] = Reads.GetValueOrDefault(entry.Path) + 1;
                if (Reads[entry.Path] > 1)
                {
                    throw new OverflowException("read a second time");
                }
            }

            return inner.ReadAll(entry, maxBytes, out problem);
        }

        public Stream? OpenRead(SnapshotEntry entry, out SourceProblem? problem) => inner.OpenRead(entry, out problem);

        public void Dispose() => inner.Dispose();
    }

    [Fact]
    public void Item06_fingerprints_hash_the_bytes_read_once()
    {
        // Windows-1252 (an é), so the fingerprint cannot use the decoded text.
        var script = Encoding.Latin1.GetBytes("@echo off\r\nGOTO END\r\necho caf\u00e9\r\n:END\r\n");
        Put("DC01/NETLOGON/Smsls.bat", script);
        using var source = new RegrowingSource(new DirectorySource(Snapshot));
        var report = SourceScan.Report(source);
        Assert.True(report.ExecutionSuccessful);
        var finding = Assert.Single(report.Findings, f => f.Rule.Id == "SMS3001");
        Assert.Equal(1, source.Reads["DC01/NETLOGON/Smsls.bat"]);
        var lines = LineHash.Compute(LineHash.DecodeAsUploadSarif(script));
        Assert.Equal(lines[finding.Location.Region.StartLine - 1], finding.Fingerprints["primaryLocationLineHash"]);
    }

    // ---- 7. zip amplification ----------------------------------------------------------------------

    [Fact]
    public void Item07_highly_compressible_entries_over_64_KiB_are_never_inflated()
    {
        var body = new byte[1024 * 1024];
        Array.Fill(body, (byte)'\n');
        Encoding.ASCII.GetBytes("[FILE SOURCE]").CopyTo(body, 0);
        var zip = ZipFixtures.Build(Enumerable.Range(0, 300).Select(i => ($"DC{i:000}/SMSLOGON/Config/Copylog.tcf", body)), CompressionLevel.SmallestSize);

        using var source = new ZipSource(new MemoryStream(zip, writable: false), "/round2/amplified.zip");
        Assert.Equal(300, source.Entries.Count);
        Assert.All(source.Entries, e =>
        {
            Assert.Equal(EntryProblemKind.LimitExceeded, e.ProblemKind);
            Assert.Contains("compression ratio", e.Unreadable, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Item07_many_small_entries_are_bounded_by_the_archive_size()
    {
        var line = Encoding.ASCII.GetBytes("x86.bin\\clicore.exe=AAA\r\n");
        var body = new byte[60 * 1024];
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = line[i % line.Length];
        }

        var zip = ZipFixtures.Build(Enumerable.Range(0, 3000).Select(i => ($"DC{i:0000}/SMSLOGON/Config/Copylog.tcf", body)), CompressionLevel.SmallestSize);
        using var source = new ZipSource(new MemoryStream(zip, writable: false), "/round2/amplified.zip");
        var limits = new ZipLimits();
        var read = source.Entries.Where(e => e.Unreadable is null).Sum(e => e.Length);
        Assert.True(read <= Math.Max(limits.MinTotalBytes, zip.Length * limits.MaxTotalExpansion), $"{read:N0} bytes of a {zip.Length:N0}-byte archive would be decoded");
        var over = source.Entries.Where(e => e.ProblemKind == EntryProblemKind.LimitExceeded).ToList();
        Assert.True(over.Count > 2000, $"{over.Count} entries over the limit");
        Assert.All(over, e => Assert.Contains("total limit", e.Unreadable, StringComparison.Ordinal));
    }

    // ---- 8. command-line crashes ---------------------------------------------------------------------

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1.5")]
    [InlineData("2147483648")]
    [InlineData("0")]
    public void Item08_bad_thread_counts_are_usage_errors(string threads)
    {
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        foreach (var args in new[]
        {
            new[] { "scan", Snapshot, "--threads", threads },
            ["baseline", Snapshot, "--output", Path.Combine(_work.FullName, "b.sarif"), "--threads", threads],
            ["fix", Snapshot, "--output", Path.Combine(_work.FullName, "fixed"), "--threads", threads],
        })
        {
            var (exit, _, err) = CliRunner.Run(args);
            Assert.True(exit == ExitCodes.UsageError, err);
            Assert.Contains("--threads must be a whole number between 1 and 256", err, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", err, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Item08_bad_outputs_and_inputs_are_one_line_usage_errors()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)");
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        var folder = Directory.CreateDirectory(Path.Combine(_work.FullName, "existing")).FullName;
        var fifo = Path.Combine(_work.FullName, "snapshot.fifo");
        MkFifo(fifo);
        foreach (var args in new[]
        {
            new[] { "scan", Snapshot, "--output", folder },
            ["scan", Snapshot, "--output", string.Empty],
            ["scan", Snapshot, "--summary", folder],
            ["baseline", Snapshot, "--output", folder],
            ["scan", fifo],
            ["baseline", fifo, "--output", Path.Combine(_work.FullName, "b.sarif")],
        })
        {
            var (exit, _, err) = CliRunner.Run(args);
            Assert.True(exit == ExitCodes.UsageError, string.Join(' ', args) + ": " + err);
            Assert.Single(err.TrimEnd('\n').Split('\n'));
            Assert.DoesNotContain("Exception", err, StringComparison.Ordinal);
        }
    }

    /// <summary>Standard output on a full disk.</summary>
    private sealed class FullDiskWriter : StringWriter
    {
        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char value) => throw new IOException("No space left on device");
    }

    [Fact]
    public void Item08_a_disk_full_write_is_one_line_and_exit_2()
    {
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        using var stdout = new FullDiskWriter();
        using var stderr = new StringWriter { NewLine = "\n" };
        var exit = SmsLintCli.Run(["scan", Snapshot, "--format", "sarif"], stdout, stderr);
        Assert.True(exit == ExitCodes.UsageError, stderr.ToString());
        Assert.Contains("No space left on device", stderr.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Item08_a_baseline_with_a_duplicate_fingerprint_key_is_a_usage_error()
    {
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        var baseline = Path.Combine(_work.FullName, "b.sarif");
        Assert.Equal(0, CliRunner.Run("baseline", Snapshot, "--output", baseline).Exit);
        var text = File.ReadAllText(baseline);
        var at = text.IndexOf("\"smslint/v1\"", StringComparison.Ordinal);
        Assert.True(at > 0);
        File.WriteAllText(baseline, text[..at] + "\"smslint/v1\": \"0\", " + text[at..]);
        var (exit, _, err) = CliRunner.Run("scan", Snapshot, "--baseline", baseline);
        Assert.True(exit == ExitCodes.UsageError, err);
        Assert.Contains("more than once", err, StringComparison.Ordinal);
        Assert.Single(err.TrimEnd('\n').Split('\n'));
    }

    // ---- 9. non-deterministic limit findings ------------------------------------------------------------

    [Theory]
    [InlineData((byte)'\n')]
    [InlineData((byte)'\r')]
    public void Item09_blank_line_floods_parse_far_inside_the_deadline(byte lineBreak)
    {
        var flood = new byte[4 * 1024 * 1024];
        Array.Fill(flood, lineBreak);
        Put("DC01/NETLOGON/Smsls.bat", flood);
        using var source = new DirectorySource(Snapshot);
        var report = SourceScan.Report(source, new AnalysisOptions { Threads = 1 });
        Assert.DoesNotContain(report.Findings, f => f.Rule.Id == "SMS0004");
    }

    [Fact]
    public void Item09_a_deadline_is_reported_at_a_fixed_position_and_the_file_is_not_compared()
    {
        var lines = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"echo line {i}\r\n"));
        Put("DC01/NETLOGON/Smsls.bat", Encoding.ASCII.GetBytes(lines));
        Put("DC02/NETLOGON/Smsls.bat", Encoding.ASCII.GetBytes(lines + "echo different\r\n"));
        foreach (var threads in new[] { 1, 2 })
        {
            using var source = new DirectorySource(Snapshot);
            var report = SourceScan.Report(source, new AnalysisOptions { Threads = threads, MaxParseTime = TimeSpan.FromTicks(1) });
            var limits = report.Findings.Where(f => f.Rule.Id == "SMS0004").ToList();
            Assert.Equal(2, limits.Count);
            Assert.All(limits, f => Assert.Equal((1, 1), (f.Location.Region.StartLine, f.Location.Region.StartColumn)));
            Assert.All(limits, f => Assert.DoesNotContain("stopped at", f.Message, StringComparison.Ordinal));
            Assert.DoesNotContain(report.Findings, f => f.Rule.Id == "SMS3002");
        }
    }

    // ---- 10. case twins ---------------------------------------------------------------------------------

    [Fact]
    public void Item10_case_twins_give_identical_results_from_a_folder_and_its_zip()
    {
        Put("DC01/SMSLOGON/Config/Copylog.tcf", CopyLog);
        Put("DC01/SMSLOGON/Config/COPYLOG.TCF", Encoding.ASCII.GetBytes("[FILE SOURCE]\r\nSITES\\AAA\\x.exe=1\r\n"));
        Put("DC01/SMSLOGON/Config/copylog.tcf", Encoding.ASCII.GetBytes("garbage\r\n"));
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        using (var listed = new DirectorySource(Snapshot))
        {
            Assert.Single(listed.Entries, e => e.Path.EndsWith(".tcf", StringComparison.OrdinalIgnoreCase));
        }

        var zip = Path.Combine(_work.FullName, "twins.zip");
        File.WriteAllBytes(zip, ZipFixtures.FromDirectory(Snapshot));
        var folder = CliRunner.Run("scan", Snapshot, "--format", "sarif", "--fail-level", "none");
        var zipped = CliRunner.Run("scan", zip, "--format", "sarif", "--fail-level", "none");
        Assert.True(folder.Exit == 0, folder.Err);
        Assert.True(zipped.Exit == 0, zipped.Err);
        Assert.Equal(Findings(folder.Out), Findings(zipped.Out));
        var twins = Findings(folder.Out).Where(f => f.StartsWith("SMS0006", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, twins.Count);
        Assert.All(twins, t => Assert.Contains("only 'DC01/SMSLOGON/Config/COPYLOG.TCF' was scanned", t, StringComparison.Ordinal));
    }

    private static List<string> Findings(string sarif) =>
    [
        .. Results(sarif).Select(r =>
            $"{r.GetProperty("ruleId").GetString()} {Uri(r)} {r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()} {r.GetProperty("message").GetProperty("text").GetString()}"),
    ];

    // ---- 11. smaller ones ---------------------------------------------------------------------------------

    [Fact]
    public void Item11_a_zip_with_a_forged_end_record_is_refused()
    {
        var zip = ZipFixtures.Build([("DC01/NETLOGON/Smsls.bat", DisabledScript)]);
        // Overwrite the real end record's comment length and append a forged one, declaring an empty archive, as comment.
        var forged = new byte[22];
        BitConverter.GetBytes(0x06054b50u).CopyTo(forged, 0);
        var withComment = zip.ToArray();
        BitConverter.GetBytes((ushort)forged.Length).CopyTo(withComment, withComment.Length - 2);
        var path = Path.Combine(_work.FullName, "forged.zip");
        File.WriteAllBytes(path, [.. withComment, .. forged]);
        var (exit, _, err) = CliRunner.Run("scan", path);
        Assert.True(exit == ExitCodes.UsageError, err);
        Assert.Contains("not a readable zip archive", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Item11_an_empty_zip_is_read_as_holding_no_entries()
    {
        using var memory = new MemoryStream();
        using (new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
        }

        using var source = new ZipSource(new MemoryStream(memory.ToArray(), writable: false), "/round2/empty.zip");
        Assert.Empty(source.Entries);
        Assert.Empty(source.Problems);
    }

    [Fact]
    public void Item11_an_empty_zip_fails_the_scan()
    {
        using var memory = new MemoryStream();
        using (new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
        }

        var path = Path.Combine(_work.FullName, "empty.zip");
        File.WriteAllBytes(path, memory.ToArray());
        var (exit, _, err) = CliRunner.Run("scan", path);
        Assert.True(exit != 0, err);
    }

    [SkippableFact]
    public void Item11_a_link_loop_is_reported_as_a_loop()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)");
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        var config = Path.Combine(Snapshot, "DC01", "SMSLOGON", "Config");
        Directory.CreateDirectory(config);
        File.CreateSymbolicLink(Path.Combine(config, "Copylog.tcf"), "Copylog.old");
        File.CreateSymbolicLink(Path.Combine(config, "Copylog.old"), "Copylog.tcf");
        Directory.CreateSymbolicLink(Path.Combine(Snapshot, "DC03"), "DC04");
        Directory.CreateSymbolicLink(Path.Combine(Snapshot, "DC04"), "DC03");
        using var source = new DirectorySource(Snapshot);
        var copyLog = source.Entries.Single(e => e.Path == "DC01/SMSLOGON/Config/Copylog.tcf");
        Assert.Contains("loops", copyLog.Unreadable, StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", copyLog.Unreadable, StringComparison.Ordinal);
        // A link whose chain never ends cannot even be told to be a folder: it lists as a file link.
        var folderLoop = source.Problems.Where(p => p.Path == "DC03").Select(p => p.Message)
            .Concat(source.Entries.Where(e => e.Path == "DC03").Select(e => e.Unreadable ?? string.Empty));
        Assert.Contains("loops", Assert.Single(folderLoop), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Item11_a_folder_whose_name_is_not_utf8_is_reported_once_and_clearly()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)");
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        Run("sh", "-c", "mkdir -p \"$1/$(printf 'DC\\377')/NETLOGON\" && printf 'GOTO END\\r\\n:END\\r\\n' > \"$1/$(printf 'DC\\377')/NETLOGON/Smsls.bat\"", "sh", Snapshot);
        using var source = new DirectorySource(Snapshot);
        var problem = Assert.Single(source.Problems);
        Assert.Contains("not valid UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find", problem.Message, StringComparison.Ordinal);
        var report = SourceScan.Report(source);
        Assert.Single(report.Findings, f => f.Rule.Id == "SMS0006");
    }

    [SkippableFact]
    public void Item11_control_characters_in_file_names_are_escaped_in_text_output()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)");
        Put("DC\u001b[2J\nX/NETLOGON/Smsls.bat", DisabledScript);
        var (exit, output, err) = CliRunner.Run("scan", Snapshot, "--fail-level", "none");
        Assert.True(exit == 0, err);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u001b', err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("DC\\x1B[2J\\x0AX/NETLOGON/Smsls.bat:2:1:", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Where(l => !l.StartsWith("    = help:", StringComparison.Ordinal)), l => Assert.StartsWith("DC\\x1B[2J\\x0AX/NETLOGON/Smsls.bat:", l.TrimStart(), StringComparison.Ordinal));
    }

    [Fact]
    public void Item11_absent_baseline_results_with_invalid_regions_stay_schema_valid()
    {
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        var baseline = Path.Combine(_work.FullName, "b.sarif");
        Assert.Equal(0, CliRunner.Run("baseline", Snapshot, "--output", baseline).Exit);
        File.WriteAllText(baseline, File.ReadAllText(baseline).Replace("\"startLine\": 2", "\"startLine\": -5", StringComparison.Ordinal));
        Assert.Contains("-5", File.ReadAllText(baseline), StringComparison.Ordinal);
        Put("DC01/NETLOGON/Smsls.bat", OtherScript);

        var (exit, sarif, err) = CliRunner.Run("scan", Snapshot, "--baseline", baseline, "--format", "sarif", "--fail-level", "none");
        Assert.True(exit == 0, err);
        File.WriteAllText(Path.Combine(Repo.SarifOut, "round2-absent-invalid-region.sarif"), sarif);
        var absent = Assert.Single(Results(sarif), r => r.GetProperty("baselineState").GetString() == "absent");
        var region = absent.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.True(region.GetProperty("startLine").GetInt32() >= 1);
    }

    [SkippableFact]
    public void Item11_stale_temporary_files_of_the_output_are_removed_on_the_next_run()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)");
        Put("DC01/NETLOGON/Smsls.bat", DisabledScript);
        var outDir = Directory.CreateDirectory(Path.Combine(_work.FullName, "out")).FullName;
        var stale = Path.Combine(outDir, $".report.txt.2147483647.{Guid.NewGuid():N}.tmp");
        var live = Path.Combine(outDir, $".report.txt.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        var other = Path.Combine(outDir, $".other.txt.2147483647.{Guid.NewGuid():N}.tmp");
        foreach (var f in new[] { stale, live, other })
        {
            File.WriteAllText(f, "partial");
        }

        var (exit, _, err) = CliRunner.Run("scan", Snapshot, "--output", Path.Combine(outDir, "report.txt"), "--fail-level", "none");
        Assert.True(exit == 0, err);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
    }
}

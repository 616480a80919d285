using System.IO.Compression;
using System.Text;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Rules;
using SmsLint.Scanning;
using SmsLint.Tests.Rules;

namespace SmsLint.Tests.Discover;

/// <summary>Zip snapshots read in place: naming, zip slip, bombs, encrypted and corrupt entries, duplicates.</summary>
public sealed class ZipSourceTests : IDisposable
{
    private static readonly byte[] CopyLog = Encoding.ASCII.GetBytes("[FILE SOURCE]\r\nx86.bin\\clicore.exe=AAA\r\n");
    private static readonly byte[] Script = Encoding.ASCII.GetBytes("@echo off\r\necho hello\r\n");

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("smslint-zip-");

    public void Dispose() => _dir.Delete(true);

    private string Write(byte[] zip, string name = "capture.zip")
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, zip);
        return path;
    }

    private string Write(params (string Name, byte[] Data)[] entries) => Write(ZipFixtures.Build(entries));

    private static ScanReport Scan(ISnapshotSource source, AnalysisOptions? options = null) =>
        Scanner.Scan(source, options ?? new AnalysisOptions(), FixtureRunner.Catalog, new CatalogInfo("test", "0", null), BuiltInRules.All);

    private static List<string> Paths(ISnapshotSource source) => [.. source.Entries.Select(e => e.Path)];

    [Theory]
    [InlineData("DC01/NETLOGON/Smsls.bat", "DC01/NETLOGON/Smsls.bat", null)]
    [InlineData(@"DC01\NETLOGON\Smsls.bat", "DC01/NETLOGON/Smsls.bat", null)]
    [InlineData("./DC01//NETLOGON/./Smsls.bat", "DC01/NETLOGON/Smsls.bat", null)]
    [InlineData("../DC01/NETLOGON/Smsls.bat", "DC01/NETLOGON/Smsls.bat", "climbs out of its folder with '..'")]
    [InlineData("DC01/../../Smsls.bat", "DC01/Smsls.bat", "climbs out of its folder with '..'")]
    [InlineData("/etc/passwd", "etc/passwd", "is an absolute path")]
    [InlineData(@"\Windows\System32\x.dll", "Windows/System32/x.dll", "is an absolute path")]
    [InlineData(@"C:\Windows\x.ini", "Windows/x.ini", "starts with a drive letter")]
    [InlineData("c:relative.ini", "relative.ini", "starts with a drive letter")]
    [InlineData("//server/share/x.ini", "server/share/x.ini", "is an absolute path")]
    [InlineData("DC01/NET\u0001LOGON/x.bat", "DC01/NET_LOGON/x.bat", "holds control characters")]
    public void Names_are_normalised_and_escapes_detected(string stored, string path, string? reason)
    {
        var (segments, unsafeReason) = ZipSource.Normalise(stored);
        Assert.Equal(path, string.Join('/', segments));
        Assert.Equal(reason, unsafeReason);
    }

    [Fact]
    public void Zip_of_the_contents_keeps_paths_as_stored()
    {
        using var source = new ZipSource(Write(("DC01/SMSLOGON/Config/Copylog.tcf", CopyLog), ("WKS001/C$/SMS.INI", "[SMS]\r\n"u8.ToArray())));
        Assert.Equal(["DC01/SMSLOGON/Config/Copylog.tcf", "WKS001/C$/SMS.INI"], Paths(source));
        Assert.Empty(source.Problems);
    }

    [Fact]
    public void Zip_of_the_snapshot_folder_strips_that_folder()
    {
        using var source = new ZipSource(Write(("capture/DC01/SMSLOGON/Config/Copylog.tcf", CopyLog), ("capture/DC01/NETLOGON/Smsls.bat", Script)));
        Assert.Equal(["DC01/NETLOGON/Smsls.bat", "DC01/SMSLOGON/Config/Copylog.tcf"], Paths(source));
    }

    [Fact]
    public void Zip_of_a_one_machine_snapshot_keeps_its_machine()
    {
        // Every entry sits under DC01, but DC01 holds shares: it is a machine, not a wrapper folder.
        using var source = new ZipSource(Write(("DC01/SMSLOGON/Config/Copylog.tcf", CopyLog), ("DC01/NETLOGON/Smsls.bat", Script)));
        Assert.Equal(["DC01/NETLOGON/Smsls.bat", "DC01/SMSLOGON/Config/Copylog.tcf"], Paths(source));
    }

    [Fact]
    public void A_top_folder_holding_hierarchy_ini_is_the_root()
    {
        using var source = new ZipSource(Write(("snap/hierarchy.ini", "[Site AAA]\r\n"u8.ToArray()), ("snap/SITESRV/unknown/x.txt", [1])));
        Assert.Equal(["SITESRV/unknown/x.txt", "hierarchy.ini"], Paths(source));
    }

    [Fact]
    public void Folder_entries_are_not_files()
    {
        var zip = ZipFixtures.Build([("DC01/", []), ("DC01/NETLOGON/", []), ("DC01/NETLOGON/Smsls.bat", Script)]);
        using var source = new ZipSource(Write(zip));
        Assert.Equal(["DC01/NETLOGON/Smsls.bat"], Paths(source));
    }

    [Fact]
    public void Zip_slip_entries_are_reported_and_never_read()
    {
        var pe = File.ReadAllBytes(Path.Combine(Repo.TestData, "binaries", "2.0.1493.2000", "Clicore.exe"));
        using var source = new ZipSource(Write(
            ("DC01/NETLOGON/Smsls.bat", Script),
            ("../../DC01/SMSLOGON/Config/Copylog.tcf", pe),
            (@"C:\WINNT\SMS.INI", pe)));
        var report = Scan(source);

        var unsafeFindings = report.Findings.Where(f => f.Rule.Id == "SMS0006").ToList();
        Assert.Equal(["DC01/SMSLOGON/Config/Copylog.tcf", "WINNT/SMS.INI"], unsafeFindings.Select(f => f.Location.Path));
        Assert.Contains("'../../DC01/SMSLOGON/Config/Copylog.tcf'", unsafeFindings[0].Message, StringComparison.Ordinal);
        Assert.Contains("zip slip", unsafeFindings[0].Message, StringComparison.Ordinal);
        Assert.Contains(@"'C:\WINNT\SMS.INI'", unsafeFindings[1].Message, StringComparison.Ordinal);

        // Read, the PE bytes would be SMS0002 (a binary under a text name): they were not read.
        Assert.DoesNotContain(report.Findings, f => f.Rule.Id == "SMS0002");
        Assert.True(report.ExecutionSuccessful);
    }

    [Fact]
    public void A_safe_entry_wins_over_an_unsafe_one_with_the_same_sanitised_name()
    {
        using var source = new ZipSource(Write(("../DC01/NETLOGON/Smsls.bat", [0, 0, 0]), ("DC01/NETLOGON/Smsls.bat", Script)));
        var entry = Assert.Single(source.Entries);
        Assert.Null(entry.Unreadable);
        var problem = Assert.Single(source.Problems);
        Assert.Equal("duplicate", problem.Kind);
        Assert.Contains("'../DC01/NETLOGON/Smsls.bat'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_names_keep_the_first_entry_and_report_the_rest()
    {
        using var source = new ZipSource(Write(
            ("DC01/NETLOGON/Smsls.bat", Script),
            ("DC01/netlogon/SMSLS.BAT", "goto end\r\n"u8.ToArray()),
            ("DC01/NETLOGON/Smsls.bat", [0, 1, 2])));
        var entry = Assert.Single(source.Entries);
        Assert.Equal("DC01/NETLOGON/Smsls.bat", entry.Path);
        Assert.Equal(Script, source.ReadAll(entry, long.MaxValue, out _));
        Assert.Equal(2, source.Problems.Count);
        // The exact repeat keeps the first entry; the case twin is resolved as a folder resolves it (ordinal order).
        Assert.Contains(source.Problems, p => p.Message.Contains("only the first was scanned", StringComparison.Ordinal));
        Assert.Contains(source.Problems, p => p.Path == "DC01/netlogon/SMSLS.BAT" && p.Message.Contains("only 'DC01/NETLOGON/Smsls.bat' was scanned", StringComparison.Ordinal));

        var report = Scan(source);
        Assert.Equal(2, report.Findings.Count(f => f.Rule.Id == "SMS0006"));
        Assert.Equal(2, report.Notifications.Count(n => n.Id == "SMS-SOURCE-DUPLICATE"));
    }

    [Fact]
    public void Encrypted_entries_are_unreadable_input_findings()
    {
        var zip = ZipFixtures.Build([("DC01/NETLOGON/Smsls.bat", Script), ("DC01/SMSLOGON/Config/Copylog.tcf", CopyLog)]);
        ZipFixtures.MarkEncrypted(zip, "DC01/SMSLOGON/Config/Copylog.tcf");
        using var source = new ZipSource(Write(zip));
        var report = Scan(source);
        var finding = Assert.Single(report.Findings, f => f.Rule.Id == "SMS0005");
        Assert.Equal("DC01/SMSLOGON/Config/Copylog.tcf", finding.Location.Path);
        Assert.Contains("encrypted", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crc_mismatch_is_an_unreadable_file_and_the_scan_goes_on()
    {
        var zip = ZipFixtures.Build([("DC01/NETLOGON/Smsls.bat", "@echo off\r\nGOTO END\r\necho x\r\n:END\r\n"u8.ToArray()), ("DC01/SMSLOGON/Config/Copylog.tcf", CopyLog)]);
        ZipFixtures.CorruptCrc(zip, "DC01/SMSLOGON/Config/Copylog.tcf");
        using var source = new ZipSource(Write(zip));
        var report = Scan(source);
        var finding = Assert.Single(report.Findings, f => f.Rule.Id == "SMS0005");
        Assert.Contains("CRC-32", finding.Message, StringComparison.Ordinal);
        Assert.Contains(report.Notifications, n => n.Id == "SMS-SOURCE-UNREADABLE" && n.Path == "DC01/SMSLOGON/Config/Copylog.tcf");

        // The other entry was analysed: its logon script jumps to its end first (SMS3001).
        Assert.Contains(report.Findings, f => f.Rule.Id == "SMS3001" && f.Location.Path == "DC01/NETLOGON/Smsls.bat");
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0xFF)]
    public void Damaged_compressed_data_is_an_unreadable_file(byte fill)
    {
        var text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 400).Select(i => $"x86.bin\\file{i}.exe=AAA\r\n")));
        var zip = ZipFixtures.Build([("DC01/SMSLOGON/Config/Copylog.tcf", [.. "[FILE SOURCE]\r\n"u8, .. text])]);
        ZipFixtures.CorruptData(zip, "DC01/SMSLOGON/Config/Copylog.tcf", 64, fill);
        using var source = new ZipSource(Write(zip));
        var bytes = source.ReadAll(source.Entries[0], long.MaxValue, out var problem);
        Assert.Null(bytes);
        Assert.Equal("corrupt", problem!.Kind);
        var report = Scan(source);
        Assert.Single(report.Findings, f => f.Rule.Id == "SMS0005");
    }

    [Fact]
    public void A_highly_compressed_large_entry_is_a_likely_bomb_and_is_not_read()
    {
        var zeros = new byte[3 * 1024 * 1024];
        using var source = new ZipSource(Write(("DC01/SMSLOGON/Config/Copylog.tcf", zeros), ("DC01/NETLOGON/Smsls.bat", Script)));
        var bomb = source.Entries.Single(e => e.Path.EndsWith("Copylog.tcf", StringComparison.Ordinal));
        Assert.Equal(EntryProblemKind.LimitExceeded, bomb.ProblemKind);
        Assert.Contains("compression ratio limit of 200:1", bomb.Unreadable, StringComparison.Ordinal);

        var finding = Assert.Single(Scan(source).Findings, f => f.Rule.Id == "SMS0004");
        Assert.Equal("DC01/SMSLOGON/Config/Copylog.tcf", finding.Location.Path);
    }

    [Fact]
    public void Small_entries_are_exempt_from_the_ratio_check()
    {
        // 64 KiB of one byte compresses far beyond 200:1, but so small a file cannot be a bomb.
        var zeros = Enumerable.Repeat((byte)'a', 64 * 1024).ToArray();
        using var source = new ZipSource(Write(("DC01/NETLOGON/Smsls.bat", zeros)));
        Assert.Null(source.Entries[0].Unreadable);
    }

    [Fact]
    public void Per_entry_and_total_limits_apply_in_path_order()
    {
        var limits = new ZipLimits { MaxEntryBytes = 1000, MaxTotalBytes = 1500 };
        var kb = Enumerable.Repeat((byte)'a', 700).ToArray();
        using var source = new ZipSource(
            Write(("A/NETLOGON/a.bat", kb), ("B/NETLOGON/b.bat", kb), ("C/NETLOGON/c.bat", new byte[1200]), ("D/NETLOGON/d.bat", kb), ("D/NETLOGON/notes.txt", new byte[5000])),
            limits);
        var byPath = source.Entries.ToDictionary(e => e.Path);
        Assert.Null(byPath["A/NETLOGON/a.bat"].Unreadable);
        Assert.Null(byPath["B/NETLOGON/b.bat"].Unreadable);
        Assert.Contains("per-entry limit of 1,000 bytes", byPath["C/NETLOGON/c.bat"].Unreadable, StringComparison.Ordinal);
        Assert.Contains("total limit of 1,500 uncompressed bytes", byPath["D/NETLOGON/d.bat"].Unreadable, StringComparison.Ordinal);

        // A file SmsLint never reads does not count and is not reported.
        Assert.Null(byPath["D/NETLOGON/notes.txt"].Unreadable);
    }

    [Fact]
    public void Too_many_entries_refuse_the_whole_archive()
    {
        var entries = Enumerable.Range(0, 20).Select(i => ($"M{i}/NETLOGON/x.bat", Script)).ToArray();
        var path = Write(entries);
        using (var stream = File.OpenRead(path))
        {
            Assert.Equal(20, ZipSource.DeclaredEntryCount(stream));
        }

        var ex = Assert.Throws<SnapshotSourceException>(() => new ZipSource(path, new ZipLimits { MaxEntries = 10 }));
        Assert.Contains("declares 20 entries, over the limit of 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_archive_cannot_be_opened()
    {
        var zip = ZipFixtures.Build([("DC01/NETLOGON/Smsls.bat", Script)]);
        var path = Write(zip[..(zip.Length / 2)]);
        Assert.True(SnapshotSources.IsZip(path));
        Assert.Throws<SnapshotSourceException>(() => SnapshotSources.Open(path, SourceLimits.Default));
    }

    [Fact]
    public void Zips_are_recognised_by_content_not_by_extension()
    {
        var zip = Write(ZipFixtures.Build([("DC01/NETLOGON/Smsls.bat", Script)]), "capture.dat");
        var empty = Write(ZipFixtures.Build([]), "empty.bin");
        var text = Path.Combine(_dir.FullName, "notes.zip");
        File.WriteAllText(text, "not a zip");

        using (var source = SnapshotSources.Open(zip, SourceLimits.Default))
        {
            Assert.IsType<ZipSource>(source);
            Assert.Single(source.Entries);
        }

        using (var source = SnapshotSources.Open(empty, SourceLimits.Default))
        {
            Assert.Empty(source.Entries);
        }

        var ex = Assert.Throws<SnapshotSourceException>(() => SnapshotSources.Open(text, SourceLimits.Default));
        Assert.Contains("not a zip archive", ex.Message, StringComparison.Ordinal);
        Assert.IsType<DirectorySource>(SnapshotSources.Open(_dir.FullName, SourceLimits.Default));
    }

    [Fact]
    public void Binaries_are_read_from_the_archive()
    {
        var pe = File.ReadAllBytes(Path.Combine(Repo.TestData, "binaries", "2.0.1493.2000", "Clicore.exe"));
        using var source = new ZipSource(Write(("DC01/SMSLOGON/x86.bin/Clicore.exe", pe)));
        using var stream = source.OpenRead(source.Entries[0], out var problem);
        Assert.Null(problem);
        var version = SmsLint.Binaries.PeVersionReader.Read(stream!);
        Assert.Equal("2.0.1493.2000", version.FormatFileVersion());
    }

    [Fact]
    public void Parallel_reads_of_one_archive_are_safe()
    {
        var entries = Enumerable.Range(0, 200).Select(i => ($"M{i:000}/NETLOGON/Smsls.bat", Encoding.ASCII.GetBytes($"echo machine {i}\r\n"))).ToArray();
        using var source = new ZipSource(Write(entries), new ZipLimits());
        var texts = new string[source.Entries.Count];
        Parallel.For(0, source.Entries.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            texts[i] = Encoding.ASCII.GetString(source.ReadAll(source.Entries[i], long.MaxValue, out _)!));
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal($"echo machine {i}\r\n", texts[i]));
    }

    [Fact]
    public void Stored_entries_are_read_too()
    {
        var zip = ZipFixtures.Build([("DC01/SMSLOGON/Config/Copylog.tcf", CopyLog)], CompressionLevel.NoCompression);
        using var source = new ZipSource(Write(zip));
        Assert.Equal(CopyLog, source.ReadAll(source.Entries[0], long.MaxValue, out _));
    }
}

using System.Text;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Model;
using SmsLint.Parsing.Batch;
using SmsLint.Parsing.Ini;
using SmsLint.Rules;
using SmsLint.Scanning;
using SmsLint.Tests.Rules;

namespace SmsLint.Tests.Engine;

/// <summary>Per-file limits (size, line length, parse time), cancellation, and UTF-16 files without a byte order mark.</summary>
public sealed class InputLimitTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("smslint-limits-");

    public void Dispose() => _root.Delete(true);

    private void Put(string relative, byte[] bytes)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private ScanReport Scan(AnalysisOptions? options = null)
    {
        using var source = new DirectorySource(_root.FullName);
        return Scanner.Scan(source, options ?? new AnalysisOptions(), FixtureRunner.Catalog, new CatalogInfo("test", "0", null), BuiltInRules.All);
    }

    private LoadedFile Load(string relative, AnalysisOptions? options = null)
    {
        using var source = new DirectorySource(_root.FullName);
        return SnapshotLoader.Load(source, options ?? new AnalysisOptions()).FindFile(relative)!;
    }

    private static byte[] ManyLines(int count) =>
        Encoding.ASCII.GetBytes("[FILE SOURCE]\r\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"x86.bin\\file{i}.exe=AAA\r\n")));

    [Fact]
    public void A_file_that_parses_too_long_is_an_input_finding()
    {
        Put("DC01/SMSLOGON/Config/Copylog.tcf", ManyLines(50_000));
        var options = new AnalysisOptions { MaxParseTime = TimeSpan.FromTicks(1) };

        var file = Load("DC01/SMSLOGON/Config/Copylog.tcf", options);
        Assert.Equal(InputProblemKind.LimitExceeded, file.Problem!.Kind);
        Assert.Null(file.Document);
        Assert.Empty(file.ParseErrors);

        var finding = Assert.Single(Scan(options).Findings, f => f.Rule.Id == "SMS0004");
        Assert.Contains("parse time limit", finding.Message, StringComparison.Ordinal);
        Assert.Equal("DC01/SMSLOGON/Config/Copylog.tcf", finding.Location.Path);
    }

    [Fact]
    public void A_large_ordinary_file_parses_completely_when_time_is_not_limited()
    {
        // The wall-clock limit itself is not tested here (a loaded CI machine would make that a
        // race); bench/run.sh measures parse speed. This checks that a 50,000-line file needs no
        // limit other than time, and what the default limit is.
        Put("DC01/SMSLOGON/Config/Copylog.tcf", ManyLines(50_000));
        var file = Load("DC01/SMSLOGON/Config/Copylog.tcf", new AnalysisOptions { MaxParseTime = Timeout.InfiniteTimeSpan });
        Assert.Null(file.Problem);
        Assert.NotNull(file.Document);
        Assert.Equal(TimeSpan.FromSeconds(10), new AnalysisOptions().MaxParseTime);
    }

    [Fact]
    public void Files_over_the_size_limit_are_not_read()
    {
        Put("DC01/SMSLOGON/Config/Copylog.tcf", ManyLines(1_000));
        var file = Load("DC01/SMSLOGON/Config/Copylog.tcf", new AnalysisOptions { MaxTextFileBytes = 1024 });
        Assert.Equal(InputProblemKind.LimitExceeded, file.Problem!.Kind);
        Assert.Contains("over the limit of 1,024 bytes", file.Problem.Message, StringComparison.Ordinal);
        Assert.Null(file.Text);
    }

    [Fact]
    public void A_cancelled_scan_throws_instead_of_reporting_half_a_snapshot()
    {
        Put("DC01/SMSLOGON/Config/Copylog.tcf", ManyLines(10));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Scan(new AnalysisOptions { Cancellation = cancelled.Token }));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_files_without_a_byte_order_mark_are_parsed_not_flagged(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: false);
        Put("WKS001/C$/SMS.INI", encoding.GetBytes("[SMS]\r\nSiteCode=AAA\r\nLastLogonServerPath=\\\\SRV12\\SMS_SHR\r\n"));
        Put("DC01/NETLOGON/Smsls.bat", encoding.GetBytes("@echo off\r\nGOTO END\r\n%0\\..\\SNBOOT.exe\r\n:END\r\n"));

        var ini = Load("WKS001/C$/SMS.INI");
        Assert.Null(ini.Problem);
        Assert.Equal(bigEndian ? "utf-16be" : "utf-16le", ini.Encoding);
        Assert.Equal("AAA", ini.As<IniDocument>()!.Get("SMS", "SiteCode")!.Value.Text);

        var script = Load("DC01/NETLOGON/Smsls.bat");
        Assert.Null(script.Problem);
        Assert.Equal(bigEndian ? "utf-16be" : "utf-16le", script.Encoding);
        Assert.Empty(script.ParseErrors);
        Assert.Contains(script.As<BatchDocument>()!.Lines, l => l is BatchLabel { Name.Text: "END" });

        var report = Scan();
        Assert.DoesNotContain(report.Findings, f => f.Rule.Id is "SMS0001" or "SMS0002" or "SMS0003");
        var disabled = Assert.Single(report.Findings, f => f.Rule.Id == "SMS3001");
        Assert.Equal(2, disabled.Location.Region.StartLine);
    }
}

using System.Text;
using SmsLint.Discover;

namespace SmsLint.Tests.Cli.Robustness;

/// <summary>A generated snapshot of 3,000 files with findings in many of them, shared by the determinism tests.</summary>
public sealed class GeneratedSnapshot : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("smslint-generated-");

    public GeneratedSnapshot()
    {
        Root = Path.Combine(_dir.FullName, "snapshot");
        for (var i = 0; i < 600; i++)
        {
            var dc = $"DC{i:000}";
            var wks = $"WKS{i:000}";
            Put($"{dc}/NETLOGON/Smsls.bat", i % 3 == 0 ? "@echo off\r\nGOTO END\r\n%0\\..\\SNBOOT.exe\r\n:END\r\n" : $"@echo off\r\nREM machine {i}\r\n%0\\..\\SNBOOT.exe\r\n");
            Put($"{dc}/SMSLOGON/Config/Copylog.tcf", i % 4 == 0 ? "[FILE SOURCE]\r\n[broken\r\nx86.bin\\clicore.exe=AAA\r\n" : "[FILE SOURCE]\r\nx86.bin\\clicore.exe=AAA\r\nx86.bin\\boot32wn.exe=AAA\r\n");
            Put($"{dc}/SMSLOGON/x86.bin/Clicore.exe", string.Empty);
            Put($"{wks}/C$/SMS.INI", $"[SMS]\r\nLastLogonServerPath=\\\\{dc}\\SMS_SHR\r\nSiteCode=A{i % 10:00}\r\n");
            Put($"{wks}/C$/MS/SMS/DATA/CL_NT.TXT", i % 5 == 0 ? "garbage \u0001 line\r\n" : $"CopyListVersion=1.2.{i}\r\n");
        }
    }

    public string Root { get; }

    private void Put(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, Encoding.Latin1);
    }

    public void Dispose() => _dir.Delete(true);
}

/// <summary>Byte-identical SARIF across runs, thread counts and listing orders (contract §4).</summary>
public sealed class DeterminismTests(GeneratedSnapshot snapshot) : IClassFixture<GeneratedSnapshot>
{
    private string Sarif(params string[] extra) =>
        CliRunner.Run(["scan", snapshot.Root, "--format", "sarif", "--fail-level", "none", .. extra]).Out;

    [Fact]
    public void Generated_snapshot_has_thousands_of_files_and_many_findings()
    {
        using var source = new DirectorySource(snapshot.Root);
        Assert.Equal(3000, source.Entries.Count);
        var report = SourceScan.Report(source);
        Assert.True(report.Findings.Count >= 300, $"only {report.Findings.Count} findings");
        File.WriteAllText(Path.Combine(Repo.SarifOut, "generated-3000.sarif"), Writers.Sarif.SarifWriter.WriteToString(report));
    }

    [Fact]
    public void Sarif_is_byte_identical_for_1_2_and_8_threads_and_across_runs()
    {
        var one = Sarif("--threads", "1");
        Assert.Equal(one, Sarif("--threads", "2"));
        Assert.Equal(one, Sarif("--threads", "8"));
        Assert.Equal(one, Sarif("--threads", "8"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(20261122)]
    public void Sarif_does_not_depend_on_the_order_files_are_listed_in(int seed)
    {
        string sorted;
        using (var source = new DirectorySource(snapshot.Root))
        {
            sorted = SourceScan.Sarif(source);
        }

        using var shuffled = new ShuffledSource(new DirectorySource(snapshot.Root), seed);
        Assert.NotEqual(shuffled.Entries.Select(e => e.Path), shuffled.Entries.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Equal(sorted, SourceScan.Sarif(shuffled));
    }
}

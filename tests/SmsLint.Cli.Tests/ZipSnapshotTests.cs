using System.Text;
using System.Text.Json;

namespace SmsLint.Tests.Cli;

/// <summary>`smslint scan capture.zip`: the same findings as the extracted folder, and hostile archives handled.</summary>
public sealed class ZipSnapshotTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("smslint-zipcli-");

    public void Dispose() => _dir.Delete(true);

    /// <summary>
    /// The demo and every rule fixture that a zip can mirror (no links, no configuration file at
    /// its root). Not SMS0010's: a zip whose one top folder wraps a snapshot is read as that
    /// snapshot on purpose (ZipSource), while the same folder given as a root is the wrong root.
    /// </summary>
    public static TheoryData<string> Snapshots()
    {
        var data = new TheoryData<string> { "demo" };
        foreach (var snapshot in Directory.GetDirectories(Path.Combine(Repo.TestData, "rules"), "snapshot", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var hasConfig = File.Exists(Path.Combine(snapshot, "smslint.yml")) || File.Exists(Path.Combine(snapshot, "smslint.yaml"));
            if (!hasConfig && !ZipFixtures.HasLinks(snapshot) && !snapshot.Contains("SMS0010", StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(Repo.TestData, Path.GetDirectoryName(snapshot)!).Replace('\\', '/'));
            }
        }

        return data;
    }

    private static string SnapshotDir(string name) => name == "demo"
        ? Path.Combine(Repo.TestData, "demo")
        : Path.Combine(Repo.TestData, name, "snapshot");

    private string WriteZip(byte[] zip, string name = "capture.zip")
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, zip);
        return path;
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Zip_of_the_contents_gives_exactly_the_directory_findings(string name)
    {
        var dir = SnapshotDir(name);
        var zip = WriteZip(ZipFixtures.FromDirectory(dir));
        var fromDir = CliRunner.Run("scan", dir, "--fail-level", "none");
        var fromZip = CliRunner.Run("scan", zip, "--fail-level", "none");
        Assert.Equal(0, fromZip.Exit);
        Assert.Equal(fromDir.Out, fromZip.Out);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("rules/SMS1003/fail-clicore-line-missing")]
    [InlineData("rules/SMS4001/fail-nt-client-behind")]
    [InlineData("rules/SMS0002/pass-utf16-text")]
    [InlineData("rules/SMS0004/fail-long-line")]
    public void Zip_of_the_snapshot_folder_gives_byte_identical_text_and_sarif(string name)
    {
        var dir = SnapshotDir(name);
        var zip = WriteZip(ZipFixtures.FromDirectory(dir, topFolder: "snapshot"));
        Assert.Equal(CliRunner.Run("scan", dir, "--fail-level", "none").Out, CliRunner.Run("scan", zip, "--fail-level", "none").Out);

        var sarifDir = CliRunner.Run("scan", dir, "--format", "sarif", "--fail-level", "none").Out;
        var sarifZip = CliRunner.Run("scan", zip, "--format", "sarif", "--fail-level", "none").Out;
        Assert.Equal(sarifDir, sarifZip);
        File.WriteAllText(Path.Combine(Repo.SarifOut, $"zip-{name.Replace('/', '-')}.sarif"), sarifZip);
    }

    [Fact]
    public void Hostile_zip_completes_with_findings_at_the_right_places_and_valid_sarif()
    {
        var pe = File.ReadAllBytes(Path.Combine(Repo.TestData, "binaries", "2.0.1493.2000", "Clicore.exe"));
        var zip = ZipFixtures.Build([
            ("capture/DC01/SMSLOGON/Config/Copylog.tcf", pe),
            ("capture/DC01/NETLOGON/Smsls.bat", "@echo off\r\nGOTO END\r\n:END\r\n"u8.ToArray()),
            ("capture/../../../etc/cron.d/evil", "* * * * * root sh\n"u8.ToArray()),
            ("capture/DC01/NETLOGON/smsls.bat", "echo second copy\r\n"u8.ToArray()),
            ("capture/WKS001/C$/SMS.INI", new byte[3 * 1024 * 1024]),
        ]);
        var path = WriteZip(zip);
        var (exit, sarif, err) = CliRunner.Run("scan", path, "--format", "sarif", "--fail-level", "none");
        Assert.True(exit == 0, err);
        File.WriteAllText(Path.Combine(Repo.SarifOut, "hostile-zip.sarif"), sarif);

        var run = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];
        var results = run.GetProperty("results").EnumerateArray()
            .Select(r => (Rule: r.GetProperty("ruleId").GetString(), Uri: r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()))
            .ToList();
        Assert.Contains(("SMS0002", "DC01/SMSLOGON/Config/Copylog.tcf"), results);
        Assert.Contains(("SMS3001", "DC01/NETLOGON/Smsls.bat"), results);
        Assert.Contains(("SMS0006", "etc/cron.d/evil"), results);
        Assert.Contains(("SMS0006", "DC01/NETLOGON/Smsls.bat"), results); // the duplicate points at the copy that was scanned
        Assert.Contains(("SMS0004", "WKS001/C$/SMS.INI"), results);
        Assert.True(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_a_usage_error()
    {
        var path = Path.Combine(_dir.FullName, "capture.zip");
        File.WriteAllText(path, "these are not the bytes of a zip archive");
        var (exit, output, err) = CliRunner.Run("scan", path);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("not a zip archive", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zip_whose_directory_is_cut_off_is_a_usage_error_not_a_clean_scan()
    {
        var zip = ZipFixtures.FromDirectory(SnapshotDir("demo"));
        var path = WriteZip(zip[..(zip.Length - 40)]);
        var (exit, output, err) = CliRunner.Run("scan", path);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("not a readable zip archive", err, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_zip_scans_no_files_and_fails_as_a_wrong_root()
    {
        var path = WriteZip(ZipFixtures.Build([]));
        var (exit, output, err) = CliRunner.Run("scan", path);
        Assert.Equal(1, exit);
        Assert.Contains("[SMS0010]", output, StringComparison.Ordinal);
        Assert.Contains("0 files scanned: 1 error,", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ascii_and_special_names_in_a_zip_read_like_the_folder()
    {
        var script = Encoding.ASCII.GetBytes("@echo off\r\nGOTO END\r\n:END\r\n");
        var names = new[] { "DC 01/NETLOGON/Smsls.bat", "DC#2/NETLOGON/Smsls.bat", "DC%41/NETLOGON/Smsls.bat", "DCÄÖ/NETLOGON/Smsls.bat" };
        var root = Directory.CreateDirectory(Path.Combine(_dir.FullName, "tree"));
        foreach (var name in names)
        {
            var file = Path.Combine(root.FullName, name);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, script);
        }

        var zip = WriteZip(ZipFixtures.FromDirectory(root.FullName));
        var fromDir = CliRunner.Run("scan", root.FullName, "--format", "sarif", "--fail-level", "none").Out;
        var fromZip = CliRunner.Run("scan", zip, "--format", "sarif", "--fail-level", "none").Out;
        Assert.Equal(fromDir, fromZip);
        Assert.Equal(4, JsonDocument.Parse(fromZip).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }
}

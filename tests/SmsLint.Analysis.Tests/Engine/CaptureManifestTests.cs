using System.Text;
using SmsLint.Capture;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Rules;
using SmsLint.Scanning;
using SmsLint.Tests.Rules;

namespace SmsLint.Tests.Engine;

/// <summary>capture.json: written and read back, located to its lines, and read the same from a folder and a zip.</summary>
public sealed class CaptureManifestTests
{
    [Fact]
    public void A_manifest_round_trips_with_a_line_per_share_and_file()
    {
        var manifest = new CaptureManifest(
            1,
            "smslint 0.1.0",
            new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 12, 1, 10, 4, 12, DateTimeKind.Utc),
            [new CaptureShare("DC01/SMSLOGON", "smb://dc01/SMSLOGON", ShareOutcomes.Captured), new CaptureShare("DC02/SMSLOGON", "smb://dc02/SMSLOGON", ShareOutcomes.Unreachable, "NT_STATUS_HOST_UNREACHABLE")],
            [new CaptureFile("DC01/SMSLOGON/Config/Copylog.tcf", 1180, new DateTime(2000, 6, 2, 14, 31, 7, DateTimeKind.Utc), true, false)]);
        var bytes = manifest.ToJson();
        var text = new SmsLint.Text.SourceText(Encoding.UTF8.GetString(bytes));
        var read = CaptureManifest.Read(bytes, text);

        Assert.Empty(read.Errors);
        var back = read.Manifest!;
        Assert.Equal("smslint 0.1.0", back.Tool);
        Assert.Equal(manifest.Started, back.Started);
        Assert.True(back.Share("dc02/smslogon")!.IsUnreachable);
        var file = back.File("dc01/SMSLOGON/config/COPYLOG.TCF")!;
        Assert.Equal(new DateTime(2000, 6, 2, 14, 31, 7, DateTimeKind.Utc), file.LastWrite);
        Assert.True(file.ReadOnly);
        Assert.Equal(8, text.GetLineNumber(back.Share("DC02/SMSLOGON")!.Span!.Value.Start));
        Assert.Equal(11, text.GetLineNumber(file.Span!.Value.Start));
        Assert.Contains("\"lastWrite\": \"2000-06-02T14:31:07Z\", \"readOnly\": true, \"hidden\": false", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_manifest_is_a_parse_error_and_gives_no_facts()
    {
        var dir = Directory.CreateTempSubdirectory("smslint-manifest-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "DC01", "SMSLOGON", "Config"));
            File.WriteAllText(Path.Combine(dir, "DC01", "SMSLOGON", "Config", "Copylog.tcf"), "[FILE SOURCE]\r\n");
            File.WriteAllText(Path.Combine(dir, "capture.json"), "{ \"version\": 1,\n  \"files\": [ { \"path\": \"x\", \"lastWrite\": \"yesterday\" } ,, ]\n}\n");
            var report = FixtureRunner.Scan(dir, [BuiltInRules.Find("SMS0001")!]);
            var finding = Assert.Single(report.Findings);
            Assert.Equal("capture.json", finding.Location.Path);
            Assert.Equal(2, finding.Location.Region.StartLine);
            Assert.Contains("is not valid JSON", finding.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("SMS1011", "fail-readonly-after-sp2")]
    [InlineData("SMS1012", "fail-copylog-older-than-hotfix")]
    [InlineData("SMS0015", "fail-share-unreachable-file-not-copied")]
    public void A_zip_and_a_folder_with_capture_json_give_identical_results(string rule, string fixture)
    {
        var folder = Path.Combine(Repo.TestData, "rules", rule, fixture, "snapshot");
        var fromFolder = FixtureRunner.Text(FixtureRunner.Scan(folder));
        using var zip = new ZipSource(new MemoryStream(ZipFixtures.FromDirectory(folder)), "fixture.zip");
        var options = new AnalysisOptions();
        var model = SnapshotLoader.Load(zip, options);
        Assert.NotNull(model.Capture);
        var findings = Scanner.Run(model, BuiltInRules.All, options, FixtureRunner.Catalog, [], zip.Problems, zip);
        var report = new Findings.ScanReport("0.0.0-test", zip.RootPath, BuiltInRules.Descriptors, findings, [], new Findings.CatalogInfo(FixtureRunner.Catalog.Name, FixtureRunner.Catalog.CatalogVersion, "embedded"));
        Assert.Equal(fromFolder, FixtureRunner.Text(report));
        Assert.Contains($"[{rule}]", fromFolder, StringComparison.Ordinal);
    }
}

using System.Text.Json;

namespace SmsLint.Tests.Cli;

/// <summary>--catalog replaces the embedded SMS catalog; a broken catalog is a usage error with its location.</summary>
public sealed class CatalogOptionTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("smslint-catalog-");

    public void Dispose() => _dir.Delete(true);

    private static string EmbeddedCatalogText()
    {
        var path = Path.Combine(Repo.Root, "src", "SmsLint.Analysis", "Catalog", "sms-catalog.json");
        return File.ReadAllText(path);
    }

    [Fact]
    public void Replacement_catalog_is_named_in_the_sarif_run()
    {
        var text = EmbeddedCatalogText();
        using var doc = JsonDocument.Parse(text);
        var version = doc.RootElement.GetProperty("catalogVersion").GetString()!;
        var path = Path.Combine(_dir.FullName, "site-catalog.json");
        File.WriteAllText(path, text.Replace($"\"{version}\"", "\"2099.1.1\"", StringComparison.Ordinal));

        var demo = Path.Combine(Repo.TestData, "demo");
        var (exit, sarif, err) = CliRunner.Run("scan", demo, "--format", "sarif", "--fail-level", "none", "--catalog", path);
        Assert.True(exit == 0, err);
        File.WriteAllText(Path.Combine(Repo.SarifOut, "cli-replacement-catalog.sarif"), sarif);
        using var log = JsonDocument.Parse(sarif);
        var run = log.RootElement.GetProperty("runs")[0];
        Assert.Equal("2099.1.1", run.GetProperty("tool").GetProperty("extensions")[0].GetProperty("version").GetString());
        Assert.Equal("site-catalog.json", run.GetProperty("properties").GetProperty("catalog").GetProperty("source").GetString());
    }

    [Fact]
    public void Broken_catalog_exits_2_with_its_line()
    {
        var path = Path.Combine(_dir.FullName, "broken.json");
        File.WriteAllText(path, "{\n  \"name\": \"x\",\n  \"bogus\": 1\n");
        var (exit, _, err) = CliRunner.Run("scan", Path.Combine(Repo.TestData, "demo"), "--catalog", path);
        Assert.Equal(2, exit);
        Assert.Contains("catalog error", err, StringComparison.Ordinal);
        Assert.Contains("broken.json", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_catalog_file_exits_2()
    {
        var (exit, _, err) = CliRunner.Run("scan", Path.Combine(Repo.TestData, "demo"), "--catalog", Path.Combine(_dir.FullName, "none.json"));
        Assert.Equal(2, exit);
        Assert.Contains("cannot be read", err, StringComparison.Ordinal);
    }
}

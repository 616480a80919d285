using System.Text.Json;

namespace SmsLint.Tests.Cli;

/// <summary>
/// Contract §5: a root with no machine/share folder fails the default gate with SMS0010, which
/// says what was expected and names the nearest folder below that looks like a snapshot root.
/// </summary>
public sealed class WrongRootTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("smslint-wrong-root-");

    public void Dispose() => _work.Delete(true);

    private static (int Exit, string Out, string Err, JsonElement Result) Scan(string root, string name)
    {
        var (exit, text, err) = CliRunner.Run("scan", root);
        var (_, sarif, _) = CliRunner.Run("scan", root, "--format", "sarif");
        File.WriteAllText(Path.Combine(Repo.SarifOut, $"wrong-root-{name}.sarif"), sarif);
        using var doc = JsonDocument.Parse(sarif);
        var result = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "SMS0010");
        return (exit, text, err, result.Clone());
    }

    private static void AssertExpectedNamed(string text) =>
        Assert.Contains("error: The snapshot root holds no machine folder with a recognised share: expected 'MACHINE/SHARE/...'", text, StringComparison.Ordinal);

    [Fact]
    public void An_empty_folder_fails_the_gate()
    {
        var root = _work.CreateSubdirectory("empty").FullName;
        var (exit, text, err, result) = Scan(root, "empty-folder");
        Assert.Equal(1, exit);
        AssertExpectedNamed(text);
        Assert.Contains("it holds no files at all", text, StringComparison.Ordinal);
        Assert.Contains("0 files scanned: 1 error,", err, StringComparison.Ordinal);
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal(".", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void An_empty_zip_fails_the_gate()
    {
        var zip = Path.Combine(_work.FullName, "empty.zip");
        File.WriteAllBytes(zip, ZipFixtures.Build([]));
        var (exit, text, _, _) = Scan(zip, "empty-zip");
        Assert.Equal(1, exit);
        AssertExpectedNamed(text);
    }

    [Fact]
    public void The_parent_of_a_snapshot_fails_and_names_the_snapshot()
    {
        // The issue's own case: the scenario folder, one above its snapshot, with a corrupt Copylog.tcf inside.
        var root = Path.Combine(Repo.TestData, "e2e", "Q264976-corrupt-copylog");
        var (exit, text, _, result) = Scan(root, "parent");
        Assert.Equal(1, exit);
        AssertExpectedNamed(text);
        Assert.Contains("and 'snapshot' below it looks like a snapshot root.", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);

        // And the snapshot it names really is one.
        var (inner, innerText, _) = CliRunner.Run("scan", Path.Combine(root, "snapshot"));
        Assert.Equal(1, inner);
        Assert.DoesNotContain("SMS0010", innerText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_nearest_of_several_nested_snapshots_is_named()
    {
        Put("old/deeper/2000/DC01/NETLOGON/Smsls.bat");
        Put("new/DC01/NETLOGON/Smsls.bat");
        Put("new2/DC02/SMSLOGON/Config/Copylog.tcf");
        var (exit, text, _, _) = Scan(_work.FullName, "nested");
        Assert.Equal(1, exit);
        Assert.Contains("and 'new' below it looks like a snapshot root.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_share_folder_given_as_the_root_fails_and_says_so()
    {
        var root = Path.Combine(Repo.TestData, "demo", "DC01", "SMSLOGON");
        var (exit, text, _, _) = Scan(root, "share-folder");
        Assert.Equal(1, exit);
        AssertExpectedNamed(text);
        Assert.Contains("its own name 'SMSLOGON' is a share name", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_share_folder_under_another_name_fails_by_its_files()
    {
        Put("copy-of-logon-share/Config/Copylog.tcf");
        var (exit, text, _, _) = Scan(Path.Combine(_work.FullName, "copy-of-logon-share"), "share-content");
        Assert.Equal(1, exit);
        Assert.Contains("it holds the SMS file 'Config/Copylog.tcf' outside any share", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fail_level_of_none_still_reports_it_but_passes()
    {
        var root = _work.CreateSubdirectory("empty-none").FullName;
        var (exit, text, _) = CliRunner.Run("scan", root, "--fail-level", "none");
        Assert.Equal(0, exit);
        Assert.Contains("[SMS0010]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_snapshot_has_no_such_finding()
    {
        var (_, text, _) = CliRunner.Run("scan", Path.Combine(Repo.TestData, "demo"));
        Assert.DoesNotContain("SMS0010", text, StringComparison.Ordinal);
    }

    private void Put(string relative)
    {
        var path = Path.Combine(_work.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "[FILE SOURCE]\r\n");
    }
}

using SmsLint.Findings;

namespace SmsLint.Tests.Cli.CiAndIde;

/// <summary>
/// Both fingerprints survive unrelated lines inserted above a finding: scan, insert lines at the
/// top of an unrelated part of the file, rescan, compare.
/// </summary>
public sealed class FingerprintStabilityTests
{
    public static TheoryData<string, string, string, int, string[]> Cases => new()
    {
        // snapshot, rule, file, insert before line, lines
        { "demo", "SMS3001", "DC01/NETLOGON/Smsls.bat", 2, ["REM captured from DC01 on 2001-02-03", "REM by the help desk"] },
        { "demo", "SMS4001", "WKS001/C$/SMS.INI", 1, ["; capture note", "[Capture]", "When=2001-02-03"] },
        { "rules/SMS1006/fail-q313209-removed-site/snapshot", "SMS1006", "DC01/SMSLOGON/Config/Copylog.tcf", 1, ["; restored from tape", "; 2001-02-03"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fingerprints_survive_lines_inserted_above(string snapshot, string ruleId, string file, int before, string[] lines)
    {
        using var ws = new Workspace(Path.Combine(Repo.TestData, snapshot));
        var (_, first, _) = CliRunner.Run("scan", ws.Snapshot, "--format", "sarif", "--fail-level", "none");
        var old = Sarif.Results(Sarif.Keep(first, $"fingerprint-{ruleId}-before"), ruleId).First(r => Uri.UnescapeDataString(Sarif.Uri(r)) == file);

        ws.InsertLines(file, before, lines);
        var (_, second, _) = CliRunner.Run("scan", ws.Snapshot, "--format", "sarif", "--fail-level", "none");
        var moved = Sarif.Results(Sarif.Keep(second, $"fingerprint-{ruleId}-after"), ruleId).First(r => Uri.UnescapeDataString(Sarif.Uri(r)) == file);

        Assert.Equal(Sarif.StartLine(old) + lines.Length, Sarif.StartLine(moved));
        Assert.Equal(Sarif.Fingerprint(old, "smslint/v1"), Sarif.Fingerprint(moved, "smslint/v1"));
        Assert.Equal(Sarif.Fingerprint(old, "primaryLocationLineHash"), Sarif.Fingerprint(moved, "primaryLocationLineHash"));

        // And the line hash is GitHub's for the new line of the file as it now is.
        var bytes = File.ReadAllBytes(ws.PathOf(file));
        Assert.Equal(LineHash.ForLine(LineHash.DecodeAsUploadSarif(bytes), Sarif.StartLine(moved)), Sarif.Fingerprint(moved, "primaryLocationLineHash"));
    }

    [Fact]
    public void Line_hash_changes_when_the_finding_line_itself_changes()
    {
        using var ws = new Workspace(Path.Combine(Repo.TestData, "demo"));
        var file = "DC01/NETLOGON/Smsls.bat";
        var (_, first, _) = CliRunner.Run("scan", ws.Snapshot, "--format", "sarif", "--fail-level", "none", "--select", "SMS3001");
        var old = Sarif.Results(Sarif.Keep(first, "fingerprint-edit-before"), "SMS3001").Single(r => Sarif.Uri(r) == file);
        ws.Replace(file, "GOTO END", "goto   end");
        var (_, second, _) = CliRunner.Run("scan", ws.Snapshot, "--format", "sarif", "--fail-level", "none", "--select", "SMS3001");
        var edited = Sarif.Results(Sarif.Keep(second, "fingerprint-edit-after"), "SMS3001").Single(r => Sarif.Uri(r) == file);
        Assert.NotEqual(Sarif.Fingerprint(old, "primaryLocationLineHash"), Sarif.Fingerprint(edited, "primaryLocationLineHash"));
        Assert.Equal(Sarif.Fingerprint(old, "smslint/v1"), Sarif.Fingerprint(edited, "smslint/v1"));
    }

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string> { "demo" };
        foreach (var dir in Directory.GetDirectories(Path.Combine(Repo.TestData, "e2e")).Order(StringComparer.Ordinal).Where(d => !d.EndsWith("clean-hierarchy", StringComparison.Ordinal)))
        {
            data.Add("e2e/" + Path.GetFileName(dir) + "/snapshot");
        }

        return data;
    }

    /// <summary>
    /// Every result's line hash is the one upload-sarif computes from the file's bytes, whatever the
    /// file is: UTF-8, Windows-1252, UTF-16, a NUL-containing file or a PE binary (LineHashTests
    /// checks <see cref="LineHash.Compute(byte[], int)"/> against codeql-action's own code).
    /// </summary>
    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Every_line_hash_is_upload_sarifs_for_the_file_bytes(string snapshot)
    {
        var root = Path.Combine(Repo.TestData, snapshot);
        var (_, sarif, _) = CliRunner.Run("scan", root, "--format", "sarif", "--fail-level", "none");
        var results = Sarif.Results(Sarif.Keep(sarif, "linehash-" + snapshot.Replace('/', '-')));
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            var file = Path.Combine(root, Uri.UnescapeDataString(Sarif.Uri(r)));
            var hashes = LineHash.Compute(File.ReadAllBytes(file));
            var line = Math.Min(Sarif.StartLine(r), hashes.Length);
            Assert.True(hashes[line - 1] == Sarif.Fingerprint(r, "primaryLocationLineHash"), $"{Sarif.Uri(r)}:{line} ({r.GetProperty("ruleId").GetString()})");
        }
    }
}

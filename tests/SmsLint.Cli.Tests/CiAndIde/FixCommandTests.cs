namespace SmsLint.Tests.Cli.CiAndIde;

/// <summary>`smslint fix` and the SARIF <c>fixes</c> it applies.</summary>
public sealed class FixCommandTests
{
    /// <summary>
    /// SMS3001's fix removes the finding; SMS1006's removes the removed site's own lines, and the
    /// finding stays for the shared lines, which must be re-pointed by hand (no fix is left).
    /// </summary>
    [Theory]
    [InlineData("demo", "SMS3001", "DC01/NETLOGON/Smsls.bat", true)]
    [InlineData("rules/SMS1006/fail-q313209-removed-site/snapshot", "SMS1006", "DC01/SMSLOGON/Config/Copylog.tcf", false)]
    public void Fix_writes_a_fixed_copy_and_leaves_the_snapshot_alone(string snapshot, string ruleId, string file, bool findingGone)
    {
        using var ws = new Workspace(Path.Combine(Repo.TestData, snapshot));
        var before = Workspace.Hashes(ws.Snapshot);
        var output = ws.Outside("fixed");

        var (exit, stdout, err) = CliRunner.Run("fix", ws.Snapshot, "--output", output, "--select", ruleId);
        Assert.True(exit == 0, err);
        Assert.Contains($"{file}:", stdout, StringComparison.Ordinal);
        Assert.Contains($"fixed:", stdout, StringComparison.Ordinal);
        Assert.Contains($"[{ruleId}]", stdout, StringComparison.Ordinal);

        Assert.Equal(before, Workspace.Hashes(ws.Snapshot));
        var after = Workspace.Hashes(output);
        Assert.Equal(before.Keys, after.Keys);
        Assert.NotEqual(before[file], after[file]);
        Assert.All(before.Where(kv => kv.Key != file), kv => Assert.Equal(kv.Value, after[kv.Key]));

        var (_, original, _) = CliRunner.Run("scan", ws.Snapshot, "--select", ruleId, "--fail-level", "none", "--format", "sarif");
        var (_, rescanned, _) = CliRunner.Run("scan", output, "--select", ruleId, "--fail-level", "none", "--format", "sarif");
        var oldResults = Sarif.Results(Sarif.Keep(original, $"fix-{ruleId}-original")).Where(r => Sarif.Uri(r) == file).ToList();
        var newResults = Sarif.Results(Sarif.Keep(rescanned, $"fix-{ruleId}-fixed-copy")).Where(r => Sarif.Uri(r) == file).ToList();
        Assert.Contains(oldResults, r => r.TryGetProperty("fixes", out _));
        Assert.DoesNotContain(newResults, r => r.TryGetProperty("fixes", out _));
        Assert.Equal(findingGone, newResults.Count == 0);

        // Running fix on the fixed copy changes nothing more.
        var (again, againOut, _) = CliRunner.Run("fix", output, "--output", ws.Outside("fixed-twice"), "--select", ruleId);
        Assert.Equal(0, again);
        Assert.Empty(againOut);

        // CRLF line ends and the legacy encoding are kept.
        var fixedBytes = File.ReadAllBytes(Path.Combine(output, file));
        Assert.DoesNotContain(fixedBytes.Select((b, i) => (b, i)), x => x.b == (byte)'\n' && (x.i == 0 || fixedBytes[x.i - 1] != (byte)'\r'));
    }

    [Fact]
    public void In_place_rewrites_only_when_asked()
    {
        using var ws = new Workspace(Path.Combine(Repo.TestData, "demo"));
        var (noTarget, _, err) = CliRunner.Run("fix", ws.Snapshot);
        Assert.Equal(2, noTarget);
        Assert.Contains("--in-place", err, StringComparison.Ordinal);
        Assert.Equal(2, CliRunner.Run("fix", ws.Snapshot, "--in-place", "--output", ws.Outside("x")).Exit);

        var (exit, stdout, _) = CliRunner.Run("fix", ws.Snapshot, "--in-place", "--select", "SMS3001");
        Assert.Equal(0, exit);
        Assert.Contains("Delete the GOTO END line [SMS3001]", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("GOTO END", File.ReadAllText(ws.PathOf("DC01/NETLOGON/Smsls.bat")), StringComparison.Ordinal);
        Assert.Empty(CliRunner.Run("scan", ws.Snapshot, "--select", "SMS3001", "--fail-level", "none").Out);
    }

    [Fact]
    public void Output_must_be_new_and_outside_the_snapshot()
    {
        using var ws = new Workspace(Path.Combine(Repo.TestData, "demo"));
        var (inside, _, err) = CliRunner.Run("fix", ws.Snapshot, "--output", ws.PathOf("fixed"));
        Assert.Equal(2, inside);
        Assert.Contains("outside the snapshot", err, StringComparison.Ordinal);
        Directory.CreateDirectory(ws.Outside("used"));
        File.WriteAllText(Path.Combine(ws.Outside("used"), "keep.txt"), "x");
        Assert.Equal(2, CliRunner.Run("fix", ws.Snapshot, "--output", ws.Outside("used")).Exit);
        Assert.Equal("x", File.ReadAllText(Path.Combine(ws.Outside("used"), "keep.txt")));
    }

    [Fact]
    public void Suppressed_findings_are_not_fixed()
    {
        using var ws = new Workspace(Path.Combine(Repo.TestData, "demo"));
        ws.InsertLines("DC01/NETLOGON/Smsls.bat", 3, "REM smslint-disable-next-line SMS3001 -- kept disabled for RAS users");
        var output = ws.Outside("fixed");
        var (exit, stdout, _) = CliRunner.Run("fix", ws.Snapshot, "--output", output, "--select", "SMS3001");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("DC01/NETLOGON/Smsls.bat", stdout, StringComparison.Ordinal);
        Assert.Contains("GOTO END", File.ReadAllText(Path.Combine(output, "DC01/NETLOGON/Smsls.bat")), StringComparison.Ordinal);
    }

    /// <summary>The SARIF fix shape both IDE viewers apply: deletedRegion with lines, columns, offset and length, and insertedContent.</summary>
    [Theory]
    [InlineData("demo", "SMS3001")]
    [InlineData("rules/SMS1006/fail-q313209-removed-site/snapshot", "SMS1006")]
    public void Sarif_fixes_have_lines_columns_offsets_and_inserted_content(string snapshot, string ruleId)
    {
        var root = Path.Combine(Repo.TestData, snapshot);
        var (_, sarif, _) = CliRunner.Run("scan", root, "--format", "sarif", "--fail-level", "none", "--srcroot");
        var run = Sarif.Keep(sarif, $"fixes-{ruleId}");
        var withFix = Sarif.Results(run, ruleId).Where(r => r.TryGetProperty("fixes", out _)).ToList();
        Assert.NotEmpty(withFix);
        foreach (var result in withFix)
        {
            var fix = Assert.Single(result.GetProperty("fixes").EnumerateArray());
            Assert.EndsWith(".", fix.GetProperty("description").GetProperty("text").GetString(), StringComparison.Ordinal);
            var change = Assert.Single(fix.GetProperty("artifactChanges").EnumerateArray());
            Assert.Equal(Sarif.Uri(result), change.GetProperty("artifactLocation").GetProperty("uri").GetString());
            var text = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(root, Uri.UnescapeDataString(Sarif.Uri(result)))));
            foreach (var replacement in change.GetProperty("replacements").EnumerateArray())
            {
                var deleted = replacement.GetProperty("deletedRegion");
                foreach (var key in new[] { "startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength" })
                {
                    Assert.True(deleted.TryGetProperty(key, out _), $"deletedRegion lacks {key}");
                }

                Assert.Equal(string.Empty, replacement.GetProperty("insertedContent").GetProperty("text").GetString());
                var offset = deleted.GetProperty("charOffset").GetInt32();
                var length = deleted.GetProperty("charLength").GetInt32();
                var deletedText = text.Substring(offset, length);
                Assert.EndsWith("\r\n", deletedText, StringComparison.Ordinal); // a whole line with its break
                Assert.Equal(1, deleted.GetProperty("startColumn").GetInt32());
                var startLine = deleted.GetProperty("startLine").GetInt32();
                Assert.Equal(text.Take(offset).Count(c => c == '\n') + 1, startLine);
                if (offset + length < text.Length)
                {
                    // Ends at the start of the next line; a deletion through the end of the file ends on its last line.
                    Assert.Equal(startLine + 1, deleted.GetProperty("endLine").GetInt32());
                    Assert.Equal(1, deleted.GetProperty("endColumn").GetInt32());
                }
            }
        }
    }
}

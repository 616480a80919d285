namespace SmsLint.Tests.Cli;

public sealed class CommandLineTests
{
    private static string Demo => Path.Combine(Repo.TestData, "demo");

    [Fact]
    public void No_command_is_a_usage_error()
    {
        var (exit, _, err) = CliRunner.Run();
        Assert.Equal(2, exit);
        Assert.Contains("smslint", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan", "--bogus")]
    [InlineData("scan")]
    [InlineData("scan", "x", "--format", "xml")]
    [InlineData("scan", "x", "--fail-level", "fatal")]
    [InlineData("scan", "x", "--threads", "0")]
    [InlineData("rules", "--format", "yaml")]
    [InlineData("explain")]
    public void Bad_arguments_exit_2(params string[] args)
    {
        var (exit, _, err) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.NotEmpty(err);
    }

    [Fact]
    public void Missing_snapshot_exits_2_with_a_message()
    {
        var (exit, _, err) = CliRunner.Run("scan", Path.Combine(Path.GetTempPath(), "no-such-snapshot-" + Guid.NewGuid()));
        Assert.Equal(2, exit);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_rule_id_in_select_exits_2()
    {
        var (exit, _, err) = CliRunner.Run("scan", Demo, "--select", "SMS9999");
        Assert.Equal(2, exit);
        Assert.Contains("SMS9999", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_fails_the_default_gate_and_passes_with_fail_level_none()
    {
        Assert.Equal(1, CliRunner.Run("scan", Demo).Exit);
        Assert.Equal(0, CliRunner.Run("scan", Demo, "--fail-level", "none").Exit);
    }

    [Fact]
    public void Select_and_ignore_filter_rules()
    {
        var (_, onlyScript, _) = CliRunner.Run("scan", Demo, "--select", "SMS3001", "--fail-level", "none");
        Assert.Contains("[SMS3001]", onlyScript, StringComparison.Ordinal);
        Assert.DoesNotContain("[SMS1003]", onlyScript, StringComparison.Ordinal);

        var (exit, noScript, _) = CliRunner.Run("scan", Demo, "--ignore", "SMS3001,SMS1003", "--fail-level", "warning");
        Assert.DoesNotContain("[SMS3001]", noScript, StringComparison.Ordinal);
        Assert.DoesNotContain("[SMS1003]", noScript, StringComparison.Ordinal);
        Assert.Equal(noScript.Contains("warning:", StringComparison.Ordinal) || noScript.Contains("error:", StringComparison.Ordinal) ? 1 : 0, exit);
    }

    [Fact]
    public void Output_is_written_atomically_and_completely()
    {
        var dir = Directory.CreateTempSubdirectory("smslint-out-");
        try
        {
            var path = Path.Combine(dir.FullName, "report.sarif");
            File.WriteAllText(path, "old");
            var (exit, stdout, _) = CliRunner.Run("scan", Demo, "--format", "sarif", "--output", path);
            Assert.Equal(1, exit);
            Assert.Empty(stdout);
            var text = File.ReadAllText(path);
            Assert.StartsWith("{", text, StringComparison.Ordinal);
            Assert.EndsWith("}\n", text, StringComparison.Ordinal);
            Assert.Single(Directory.GetFiles(dir.FullName));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Output_to_a_missing_folder_fails_without_leaving_files()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "r.sarif");
        var (exit, _, err) = CliRunner.Run("scan", Demo, "--format", "sarif", "--output", path);
        Assert.Equal(2, exit);
        Assert.Contains("output folder", err, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Rules_lists_every_rule_with_level_tags_and_kb()
    {
        var (exit, text, _) = CliRunner.Run("rules");
        Assert.Equal(0, exit);
        foreach (var d in SmsLint.Rules.BuiltInRules.Descriptors)
        {
            Assert.Contains(d.Id, text, StringComparison.Ordinal);
            Assert.Contains(d.Name, text, StringComparison.Ordinal);
            foreach (var kb in d.Kb)
            {
                Assert.Contains(kb, text, StringComparison.Ordinal);
            }
        }

        var (_, json, _) = CliRunner.Run("rules", "--format", "json");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(SmsLint.Rules.BuiltInRules.Descriptors.Count, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public void Rules_index_in_the_repo_is_the_generated_one()
    {
        var (_, markdown, _) = CliRunner.Run("rules", "--format", "markdown");
        Golden.Match(Path.Combine(Repo.Rules, "README.md"), markdown);
    }

    [Fact]
    public void Explain_prints_the_rule_page()
    {
        var (exit, text, _) = CliRunner.Run("explain", "sms3001");
        Assert.Equal(0, exit);
        Assert.StartsWith("# SMS3001: LogonScriptDisabled", text, StringComparison.Ordinal);
        Assert.Contains("Q237543", text, StringComparison.Ordinal);

        var (unknown, _, err) = CliRunner.Run("explain", "SMS9999");
        Assert.Equal(2, unknown);
        Assert.Contains("unknown rule id", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_that_is_not_json_is_not_a_sarif_log()
    {
        var (exit, _, err) = CliRunner.Run("scan", Demo, "--baseline", Path.Combine(Repo.Root, "README.md"));
        Assert.Equal(2, exit);
        Assert.Contains("is not a SARIF log: it is not JSON (line 1, column 1).", err, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", err, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan")]
    [InlineData("baseline")]
    [InlineData("rules")]
    public void Version_after_a_command_prints_the_version(string command)
    {
        var (rootExit, rootVersion, _) = CliRunner.Run("--version");
        var (exit, version, err) = CliRunner.Run(command, "--version");
        Assert.Equal(0, rootExit);
        Assert.Equal(0, exit);
        Assert.Equal(rootVersion, version);
        Assert.Empty(err);
        Assert.StartsWith("0.", version, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_keeps_apostrophes_and_non_ascii_readable()
    {
        var (_, json, _) = CliRunner.Run("scan", Demo, "--format", "json", "--fail-level", "none");
        Assert.Contains("'Smsls.bat'", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", json, StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        Assert.NotEmpty(doc.RootElement.GetProperty("findings").EnumerateArray());
    }

    [Fact]
    public void Scan_help_mentions_zip_snapshots()
    {
        var (exit, help, _) = CliRunner.Run("scan", "--help");
        Assert.Equal(0, exit);
        Assert.Contains(".zip", help, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_skipped_folder_link_is_a_finding_and_not_repeated_on_stderr()
    {
        var root = Directory.CreateTempSubdirectory("smslint-link-once-");
        try
        {
            var share = Directory.CreateDirectory(Path.Combine(root.FullName, "DC01", "NETLOGON"));
            File.WriteAllText(Path.Combine(share.FullName, "Smsls.bat"), "@echo off\r\n");
            try
            {
                Directory.CreateSymbolicLink(Path.Combine(root.FullName, "DC01", "SMSLOGON"), share.FullName);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Skip.If(true, "this file system or account cannot create symbolic links: " + ex.Message);
            }

            var (_, text, err) = CliRunner.Run("scan", root.FullName, "--fail-level", "none");
            Assert.Contains("[SMS0006]", text, StringComparison.Ordinal);
            Assert.DoesNotContain("DC01/SMSLOGON", err, StringComparison.Ordinal);
            Assert.Contains("1 warning", err, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(true);
        }
    }
}

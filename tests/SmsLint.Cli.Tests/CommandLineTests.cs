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
}

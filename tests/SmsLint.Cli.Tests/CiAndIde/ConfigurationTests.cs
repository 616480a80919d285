using System.Text.Json;
using SmsLint.Config;
using SmsLint.Rules;

namespace SmsLint.Tests.Cli.CiAndIde;

/// <summary>smslint.yml: discovery, every key, declared suppressions, errors with file and line, and the published schema.</summary>
public sealed class ConfigurationTests
{
    private static string Demo => Path.Combine(Repo.TestData, "demo");

    [Fact]
    public void Config_at_the_snapshot_root_is_found_and_not_scanned()
    {
        using var ws = new Workspace(Demo);
        ws.WriteText("smslint.yml", "# demo configuration\nrules:\n  ignore: [SMS3001]\n");
        var (_, text, _) = CliRunner.Run("scan", ws.Snapshot, "--fail-level", "none");
        Assert.DoesNotContain("[SMS3001]", text, StringComparison.Ordinal);
        Assert.Contains("[SMS1003]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("smslint.yml", text, StringComparison.Ordinal);

        // --ignore on the command line adds to the configuration's list.
        var (_, both, _) = CliRunner.Run("scan", ws.Snapshot, "--fail-level", "none", "--ignore", "SMS1003");
        Assert.DoesNotContain("[SMS3001]", both, StringComparison.Ordinal);
        Assert.DoesNotContain("[SMS1003]", both, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_option_reads_a_file_outside_the_snapshot_and_select_replaces()
    {
        using var ws = new Workspace(Demo);
        var config = ws.Outside("ci.yml");
        File.WriteAllText(config, "rules:\n  select: [SMS3001]\n");
        var (_, text, _) = CliRunner.Run("scan", ws.Snapshot, "--config", config, "--fail-level", "none");
        Assert.Contains("[SMS3001]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[SMS1003]", text, StringComparison.Ordinal);

        var (_, replaced, _) = CliRunner.Run("scan", ws.Snapshot, "--config", config, "--select", "SMS1003", "--fail-level", "none");
        Assert.Contains("[SMS1003]", replaced, StringComparison.Ordinal);
        Assert.DoesNotContain("[SMS3001]", replaced, StringComparison.Ordinal);
    }

    [Fact]
    public void Level_override_changes_the_level_and_the_gate()
    {
        using var ws = new Workspace(Demo);
        ws.WriteText("smslint.yml", "rules:\n  select: [SMS3001]\n  levels:\n    sms3001: error\n");
        var (exit, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--format", "sarif");
        Assert.Equal(1, exit);
        var result = Assert.Single(Sarif.Results(Sarif.Keep(sarif, "config-levels"), "SMS3001"));
        Assert.Equal("error", Sarif.Str(result, "level"));
    }

    [Fact]
    public void Excluded_paths_are_not_scanned()
    {
        using var ws = new Workspace(Demo);
        ws.WriteText("smslint.yml", "exclude:\n  - \"dc0*/**\"\n  - \"**/SMS.INI\"\n");
        var (_, text, err) = CliRunner.Run("scan", ws.Snapshot, "--fail-level", "none");
        Assert.DoesNotContain("DC01/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DC02/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SMS.INI", text, StringComparison.Ordinal);

        var (_, _, allErr) = CliRunner.Run("scan", Demo, "--fail-level", "none");
        var demoFiles = Directory.GetFiles(Demo, "*", SearchOption.AllDirectories);
        var excluded = demoFiles.Count(f => Path.GetRelativePath(Demo, f).StartsWith("DC0", StringComparison.Ordinal) || Path.GetFileName(f) == "SMS.INI");
        Assert.Equal(FilesScanned(allErr) - excluded + 1, FilesScanned(err)); // + smslint.yml itself, listed but never read
    }

    private static int FilesScanned(string stderr) =>
        int.Parse(stderr[..stderr.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Limits_apply()
    {
        using var ws = new Workspace(Demo);
        ws.WriteText("smslint.yml", "limits:\n  maxLineLength: 40\n  maxTextFileBytes: 100000\n");
        var (_, text, _) = CliRunner.Run("scan", ws.Snapshot, "--select", "SMS0004", "--fail-level", "none");
        Assert.Contains("over the limit of 40", text, StringComparison.Ordinal);

        ws.WriteText("smslint.yml", "limits:\n  maxFolderDepth: 2\n");
        var (_, deep, _) = CliRunner.Run("scan", ws.Snapshot, "--select", "SMS0006", "--fail-level", "none");
        Assert.Contains("'DC01/SMSLOGON/Config' folder nesting exceeds 2 levels", deep, StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_limits_apply_to_a_zipped_snapshot()
    {
        using var ws = new Workspace(Demo);
        var zip = ws.Outside("demo.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(ws.Snapshot, zip);
        Assert.Equal(1, CliRunner.Run("scan", zip).Exit);

        var config = ws.Outside("zip.yml");
        File.WriteAllText(config, "limits:\n  zip:\n    maxEntries: 10\n    maxCompressionRatio: 150.5\n");
        var (exit, _, err) = CliRunner.Run("scan", zip, "--config", config);
        Assert.Equal(2, exit);
        Assert.Contains("over the limit of 10", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_path_is_read_relative_to_the_config_file()
    {
        using var ws = new Workspace(Demo);
        File.Copy(Path.Combine(Repo.Root, "src", "SmsLint.Analysis", "Catalog", "sms-catalog.json"), ws.Outside("my-catalog.json"));
        var config = ws.Outside("smslint.yml");
        File.WriteAllText(config, "catalog: my-catalog.json\n");
        var (_, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--config", config, "--format", "sarif", "--fail-level", "none");
        var run = Sarif.Keep(sarif, "config-catalog");
        Assert.Equal("my-catalog.json", run.GetProperty("properties").GetProperty("catalog").GetProperty("source").GetString());

        File.WriteAllText(ws.Outside("my-catalog.json"), "{ \"not\": \"a catalog\" }");
        var (exit, _, err) = CliRunner.Run("scan", ws.Snapshot, "--config", config);
        Assert.Equal(2, exit);
        Assert.Contains("catalog error", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_suppression_is_external_in_the_ide_log_and_absent_from_the_github_log()
    {
        using var ws = new Workspace(Demo);
        ws.WriteText("smslint.yml", """
            suppressions:
              - rule: SMS1003
                path: "DC02/**"
                reason: DC02 is being retired (CHG-7)
                expires: 2999-12-31
            """);
        var (exit, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--format", "sarif");
        Assert.Equal(0, exit); // SMS1003 was the demo's only error
        var run = Sarif.Keep(sarif, "config-suppression-ide");
        var result = Assert.Single(Sarif.Results(run, "SMS1003"));
        var suppression = Assert.Single(result.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("external", Sarif.Str(suppression, "kind"));
        Assert.Equal("DC02 is being retired (CHG-7)", Sarif.Str(suppression, "justification"));

        var (_, github, _) = CliRunner.Run("scan", ws.Snapshot, "--format", "sarif", "--sarif-profile", "github");
        Assert.Empty(Sarif.Results(Sarif.Keep(github, "config-suppression-github"), "SMS1003"));
    }

    [Fact]
    public void Expired_and_unused_declared_suppressions_are_findings_at_their_line()
    {
        using var ws = new Workspace(Demo);
        ws.WriteText("smslint.yml", """
            suppressions:
              - rule: SMS1003
                path: "DC02/**"
                reason: DC02 is being retired
                expires: 2001-01-01
              - rule: SMS3001
                path: "NOWHERE/**"
                reason: stale
            """);
        var (exit, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--format", "sarif");
        Assert.Equal(1, exit); // the expired suppression no longer hides the SMS1003 error
        var run = Sarif.Keep(sarif, "config-suppression-expired-unused");
        var expired = Assert.Single(Sarif.Results(run, "SMS0009"));
        Assert.Equal("smslint.yml", Sarif.Uri(expired));
        Assert.Equal(2, Sarif.StartLine(expired));
        var unused = Assert.Single(Sarif.Results(run, "SMS0008"));
        Assert.Equal(6, Sarif.StartLine(unused));
        Assert.False(Assert.Single(Sarif.Results(run, "SMS1003")).TryGetProperty("suppressions", out _));
    }

    [Fact]
    public void Problems_of_a_config_outside_the_snapshot_are_notifications()
    {
        using var ws = new Workspace(Demo);
        var config = ws.Outside("outside.yml");
        File.WriteAllText(config, "suppressions:\n  - rule: SMS3001\n    path: \"NOWHERE/**\"\n    reason: stale\n");
        var (_, sarif, err) = CliRunner.Run("scan", ws.Snapshot, "--config", config, "--format", "sarif", "--fail-level", "none");
        Assert.Contains("outside.yml:2: Suppression is unused: SMS3001 declared for", err, StringComparison.Ordinal);
        var run = Sarif.Keep(sarif, "config-outside-notification");
        Assert.Empty(Sarif.Results(run, "SMS0008"));
        var notes = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications");
        Assert.Contains(notes.EnumerateArray(), n => n.GetProperty("descriptor").GetProperty("id").GetString() == "SMS-CONFIG-UNUSED-SUPPRESSION");
    }

    public static TheoryData<string, int, string> BadConfigs => new()
    {
        { "rules:\n  selct: [SMS1003]\n", 2, "unknown key 'selct' in 'rules'; expected one of: select, ignore, levels" },
        { "Rules:\n  select: [SMS1003]\n", 1, "did you mean 'rules'?" },
        { "rules:\n  select: [SMS9999]\n", 2, "unknown rule id 'SMS9999'" },
        { "rules:\n  levels:\n    SMS1003: fatal\n", 3, "unknown level 'fatal'" },
        { "rules:\n  select: SMS1003\n", 2, "'rules.select' must be a list" },
        { "limits:\n  maxLineLength: many\n", 2, "'limits.maxLineLength' must be a whole number" },
        { "limits:\n  maxTextFileBytes: 0\n", 2, "must be between 1 and" },
        { "limits:\n  zip:\n    maxCompressionRatio: high\n", 3, "'limits.zip.maxCompressionRatio' must be a number" },
        { "limits:\n  zip:\n    maxEntrys: 5\n", 3, "unknown key 'maxEntrys' in 'limits.zip'" },
        { "exclude:\n  - \"../outside/**\"\n", 2, "must not contain '..'" },
        { "exclude:\n  - \"DC0?/**\"\n", 2, "only '*' and '**' are wildcards" },
        { "inlineSuppressions: maybe\n", 1, "must be true or false" },
        { "suppressions:\n  - rule: SMS1003\n    path: \"**\"\n", 2, "a suppression needs 'reason'" },
        { "suppressions:\n  - rule: SMS1003\n    path: \"**\"\n    reason: \"  \"\n", 4, "'suppressions.reason' must not be empty" },
        { "suppressions:\n  - rule: SMS1003\n    path: \"**\"\n    reason: ok\n    expires: 31/12/2030\n", 5, "written YYYY-MM-DD" },
        { "suppressions:\n  - rule: SMS1003\n    paths: \"**\"\n    reason: ok\n", 3, "unknown key 'paths' in a suppression" },
        { "version: 2\n", 1, "'version' must be between 1 and 1" },
        { "catalog: nowhere.json\n", 1, "'catalog': the file 'nowhere.json' does not exist" },
        { "rules: [\n", 2, "not valid YAML" },
        { "rules: {}\nrules: {}\n", 2, "" },
        { "- just\n- a list\n", 1, "the configuration must be a mapping" },
    };

    [Theory]
    [MemberData(nameof(BadConfigs))]
    public void Bad_config_exits_2_with_file_line_and_problem(string yaml, int line, string problem)
    {
        using var ws = new Workspace(Demo);
        ws.WriteText("smslint.yml", yaml);
        var (exit, stdout, err) = CliRunner.Run("scan", ws.Snapshot, "--format", "sarif");
        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains($"smslint.yml:{line}:", err, StringComparison.Ordinal);
        Assert.Contains(problem, err, StringComparison.Ordinal);
    }

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        var result = ConfigLoader.Parse("rules:\n  select: [SMS9998]\n  ignore: [SMS9999]\nlimits:\n  maxLineLength: x\n", "/x/smslint.yml", "smslint.yml", BuiltInRules.All.Select(r => r.Descriptor.Id).ToList());
        Assert.Null(result.Config);
        Assert.Equal([2, 3, 5], result.Errors.Select(e => e.Line));
    }

    [Fact]
    public void Full_example_loads()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "docs", "smslint.example.yml"));
        var result = ConfigLoader.Parse(text, Path.Combine(Repo.Root, "docs", "smslint.example.yml"), "smslint.example.yml", BuiltInRules.All.Select(r => r.Descriptor.Id).ToList());
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors));
        var config = result.Config!;
        Assert.NotEmpty(config.Ignore);
        Assert.NotEmpty(config.Levels);
        Assert.NotEmpty(config.Exclude);
        Assert.NotNull(config.MaxLineLength);
        Assert.NotNull(config.MaxFolderDepth);
        Assert.Equal(200, config.ZipLimits!.MaxCompressionRatio);
        Assert.NotEmpty(config.Suppressions);
        Assert.All(config.Suppressions, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }

    /// <summary>The published schema lists exactly the keys the loader accepts, and forbids all others.</summary>
    [Fact]
    public void Schema_matches_the_loader()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "schemas", "smslint.config.schema.json")));
        var root = doc.RootElement;
        JsonElement ObjectAt(string path) => path switch
        {
            "" => root,
            "suppressions[]" => root.GetProperty("properties").GetProperty("suppressions").GetProperty("items"),
            "limits.zip" => root.GetProperty("properties").GetProperty("limits").GetProperty("properties").GetProperty("zip"),
            _ => root.GetProperty("properties").GetProperty(path),
        };

        foreach (var (path, keys) in ConfigLoader.Keys)
        {
            var schema = ObjectAt(path);
            Assert.False(schema.GetProperty("additionalProperties").GetBoolean(), $"'{path}' must forbid unknown keys");
            var names = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
            Assert.Equal(keys.Order(StringComparer.Ordinal), names);
        }

        var required = ObjectAt("suppressions[]").GetProperty("required").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["rule", "path", "reason"], required);
        var levels = root.GetProperty("properties").GetProperty("rules").GetProperty("properties").GetProperty("levels")
            .GetProperty("additionalProperties").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(ConfigLoader.LevelNames, levels);
    }

    [Fact]
    public void Globs_are_anchored_and_case_insensitive()
    {
        Assert.True(PathGlobs.Matches("DC02/**", "dc02/SMSLOGON/Config/Copylog.tcf"));
        Assert.True(PathGlobs.Matches("**/smsls.bat", "DC01/NETLOGON/Smsls.bat"));
        Assert.False(PathGlobs.Matches("Smsls.bat", "DC01/NETLOGON/Smsls.bat"));
        Assert.True(PathGlobs.Matches("*/NETLOGON/*.bat", "DC01/NETLOGON/Smsls.bat"));
        Assert.False(PathGlobs.Matches("DC0*/**", "DC10/NETLOGON/Smsls.bat"));
    }
}

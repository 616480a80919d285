using System.Xml.Linq;

namespace SmsLint.Tests.Cli.CiAndIde;

/// <summary>What IDE SARIF viewers, GitHub annotations and JUnit consumers get through the CLI.</summary>
public sealed class OutputFormatTests
{
    private static string Demo => Path.Combine(Repo.TestData, "demo");

    [Fact]
    public void Srcroot_gives_the_absolute_folder_uri_only_when_asked()
    {
        var (_, plain, _) = CliRunner.Run("scan", Demo, "--format", "sarif", "--fail-level", "none");
        Assert.False(Sarif.Keep(plain, "ide-plain").TryGetProperty("originalUriBaseIds", out _));

        var (_, ide, _) = CliRunner.Run("scan", Demo, "--format", "sarif", "--fail-level", "none", "--srcroot");
        var run = Sarif.Keep(ide, "ide-srcroot");
        var root = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
        Assert.StartsWith("file:///", root, StringComparison.Ordinal);
        Assert.EndsWith("/", root, StringComparison.Ordinal);
        var folder = new Uri(root).LocalPath;
        Assert.Equal(Path.GetFullPath(Demo).TrimEnd(Path.DirectorySeparatorChar), folder.TrimEnd('/', '\\'));

        // Every result resolves to a real file under it, with a snippet and an absolute helpUri for its rule.
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        foreach (var result in Sarif.Results(run))
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.True(File.Exists(new Uri(new Uri(root), Sarif.Uri(result)).LocalPath));
            var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
            Assert.True(Uri.TryCreate(rule.GetProperty("helpUri").GetString(), UriKind.Absolute, out _));
            if (result.GetProperty("ruleId").GetString() is "SMS3001" or "SMS4001")
            {
                Assert.NotEmpty(location.GetProperty("region").GetProperty("snippet").GetProperty("text").GetString()!);
            }
        }
    }

    [Fact]
    public void Github_format_prefixes_paths_and_escapes()
    {
        var (exit, text, _) = CliRunner.Run("scan", Demo, "--format", "github", "--github-path-prefix", "testdata/demo/");
        Assert.Equal(1, exit);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Matches(@"^::(error|warning|notice) file=testdata/demo/[^,]+,line=\d+", l));
        Assert.Contains(lines, l => l.StartsWith("::error file=testdata/demo/DC02/SMSLOGON/Config/Copylog.tcf,line=1,", StringComparison.Ordinal) && l.Contains("title=SMS1003 CopyLogCoreLinesMissing::", StringComparison.Ordinal));
    }

    [Fact]
    public void Junit_format_through_the_cli()
    {
        using var ws = new Workspace();
        var path = ws.Outside("smslint.junit.xml");
        var (exit, stdout, _) = CliRunner.Run("scan", Demo, "--format", "junit", "--output", path);
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        var suite = XDocument.Load(path).Root!;
        Assert.Equal("testsuite", suite.Name.LocalName);
        Assert.Equal(SmsLint.Rules.BuiltInRules.Descriptors.Count, suite.Elements("testcase").Count());
        var failing = suite.Elements("testcase").Where(c => c.Element("failure") is not null).ToList();
        Assert.Equal(int.Parse(suite.Attribute("failures")!.Value, System.Globalization.CultureInfo.InvariantCulture), failing.Count);
        var copyLog = failing.Single(c => c.Attribute("classname")!.Value == "SMS1003");
        Assert.Equal("error", copyLog.Element("failure")!.Attribute("type")!.Value);
        Assert.Contains("DC02/SMSLOGON/Config/Copylog.tcf:1:1:", copyLog.Element("failure")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_is_appended_as_markdown()
    {
        using var ws = new Workspace();
        var summary = ws.Outside("summary.md");
        File.WriteAllText(summary, "# earlier step\n\n");
        var (exit, _, _) = CliRunner.Run("scan", Demo, "--summary", summary, "--fail-level", "warning");
        Assert.Equal(1, exit);
        var md = File.ReadAllText(summary);
        Assert.StartsWith("# earlier step\n\n## SmsLint: 1 error, ", md, StringComparison.Ordinal);
        Assert.Contains("Gate: fail on warning or worse, **failed**.", md, StringComparison.Ordinal);
        Assert.Contains("| [SMS1003](https://", md, StringComparison.Ordinal);
        Assert.Contains("| error | SMS1003 | `DC02/SMSLOGON/Config/Copylog.tcf:1` |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Junit_marks_rules_left_out_by_select_as_skipped()
    {
        var (_, xml, _) = CliRunner.Run("scan", Demo, "--format", "junit", "--select", "SMS1003,SMS3001", "--fail-level", "none");
        var root = System.Xml.Linq.XDocument.Parse(xml).Root!;
        StrictAntJUnit.Check(root);
        var cases = root.Elements("testcase").ToList();
        Assert.Equal((cases.Count - 2).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)root.Attribute("skipped"));
        Assert.All(cases.Where(c => (string?)c.Attribute("classname") is not ("SMS1003" or "SMS3001")), c => Assert.NotNull(c.Element("skipped")));
        Assert.NotNull(cases.Single(c => (string?)c.Attribute("classname") == "SMS1003").Element("failure"));
        Assert.Equal(Environment.MachineName, (string?)root.Attribute("hostname"));
    }

    [Theory]
    [InlineData("--category", "has space")]
    [InlineData("--sarif-profile", "vscode")]
    public void Bad_new_options_exit_2(string option, string value)
    {
        Assert.Equal(2, CliRunner.Run("scan", Demo, option, value).Exit);
    }

    [Theory]
    [InlineData("ide")]
    [InlineData("github")]
    public void Category_is_the_automation_id_in_the_ide_and_github_profiles(string profile)
    {
        var (_, sarif, _) = CliRunner.Run("scan", Demo, "--format", "sarif", "--fail-level", "none", "--category", "smslint-site1", "--sarif-profile", profile);
        var details = Sarif.Keep(sarif, $"category-{profile}").GetProperty("automationDetails");
        Assert.Equal("smslint-site1/", details.GetProperty("id").GetString());
        Assert.False(details.TryGetProperty("properties", out _), "no Azure DevOps properties outside the azure-devops profile");
        Assert.DoesNotContain("azuredevops", sarif, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_categories_are_two_automation_ids()
    {
        var ids = new[] { "smslint/site1", "smslint/site2" }.Select(c =>
        {
            var (_, sarif, _) = CliRunner.Run("scan", Demo, "--format", "sarif", "--fail-level", "none", "--category", c, "--sarif-profile", "github");
            return Sarif.Keep(sarif, "category-" + c.Replace('/', '-')).GetProperty("automationDetails").GetProperty("id").GetString();
        }).ToList();
        Assert.Equal(["smslint/site1/", "smslint/site2/"], ids);
    }

    [Fact]
    public void The_azure_devops_profile_writes_the_pipeline_form()
    {
        var (_, sarif, _) = CliRunner.Run("scan", Demo, "--format", "sarif", "--fail-level", "none", "--category", "smslint-site1", "--sarif-profile", "azure-devops");
        // .ci/validate-sarif adds the GHAzDO rule kind for logs with this form of id.
        var details = Sarif.Keep(sarif, "category-azure-devops").GetProperty("automationDetails");
        Assert.Equal("azuredevops/pipeline/build/smslint-site1/", details.GetProperty("id").GetString());
        var properties = details.GetProperty("properties");
        Assert.Equal("-1", properties.GetProperty("azuredevops/pipeline/build/buildDefinitionId").GetString());
        Assert.Equal("smslint-site1", properties.GetProperty("azuredevops/pipeline/build/phaseName").GetString());
    }
}

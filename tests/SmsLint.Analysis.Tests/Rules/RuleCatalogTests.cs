using System.Text.RegularExpressions;
using SmsLint.Engine;
using SmsLint.Rules;

namespace SmsLint.Tests.Rules;

/// <summary>Meta-tests: the registry, the rule source files, the rule pages and the fixtures stay in step.</summary>
public sealed partial class RuleCatalogTests
{
    private static readonly string[] MissionTags = ["version-mismatch", "shared-logon-point", "missing-hotfix", "logon-script", "copy-list", "input"];

    private static readonly string[] RequiredHeadings = ["What it does", "Why is this bad?", "Example", "Evidence", "References"];

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var d in BuiltInRules.Descriptors)
        {
            data.Add(d.Id);
        }

        return data;
    }

    [GeneratedRegex(@"^SMS\d{4}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]+$")]
    private static partial Regex PascalCase();

    [GeneratedRegex(@"^Q\d{6}$")]
    private static partial Regex KbPattern();

    [Fact]
    public void Ids_and_names_are_unique_and_well_formed()
    {
        var ids = BuiltInRules.Descriptors.Select(d => d.Id).ToList();
        var names = BuiltInRules.Descriptors.Select(d => d.Name).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Matches(IdPattern(), id));
        Assert.All(names, n => Assert.Matches(PascalCase(), n));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public void Every_rule_class_is_registered_once()
    {
        var types = typeof(Rule).Assembly.GetTypes()
            .Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        var registered = BuiltInRules.All.Select(r => r.GetType()).ToList();
        Assert.Equal(registered.Count, registered.Distinct().Count());
        Assert.All(types, t => Assert.Contains(t, registered));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_its_source_file_named_by_id(string id)
    {
        var d = BuiltInRules.Find(id)!.Descriptor;
        var rulesDir = Path.Combine(Repo.Root, "src", "SmsLint.Rules");
        var files = Directory.GetFiles(rulesDir, $"{d.Id}.{d.Name}.cs", SearchOption.AllDirectories);
        Assert.True(files.Length == 1, $"expected exactly one src/SmsLint.Rules/**/{d.Id}.{d.Name}.cs");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_metadata_is_complete(string id)
    {
        var d = BuiltInRules.Find(id)!.Descriptor;
        Assert.InRange(d.Tags.Count, 1, 10);
        Assert.Contains(d.Tags, t => MissionTags.Contains(t));
        Assert.All(d.Kb, kb => Assert.Matches(KbPattern(), kb));
        if (d.Tags.Contains("input"))
        {
            Assert.True(d.Kb.Count == 0 || d.Tags.Count > 1);
        }
        else
        {
            Assert.NotEmpty(d.Kb);
        }

        Assert.False(d.Title.EndsWith('.'), "titles are phrases without a final period");
        Assert.Contains(d.Precision, new[] { "very-high", "high", "medium", "low" });
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_documentation_page(string id)
    {
        var d = BuiltInRules.Find(id)!.Descriptor;
        var path = Path.Combine(Repo.Rules, $"{id}.md");
        Assert.True(File.Exists(path), $"rules/{id}.md is missing");
        var md = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.StartsWith($"# {d.Id}: {d.Name}\n", md, StringComparison.Ordinal);
        foreach (var heading in RequiredHeadings)
        {
            Assert.True(RuleDocs.Section(md, heading).Length > 0, $"rules/{id}.md lacks a non-empty '## {heading}' section");
        }

        Assert.DoesNotContain("TODO", md, StringComparison.OrdinalIgnoreCase);
        var references = RuleDocs.Section(md, "References");
        Assert.All(d.Kb, kb => Assert.Contains(kb, references, StringComparison.Ordinal));
        Assert.Equal(md, RuleDocs.Markdown(id));
        Assert.InRange(RuleDocs.FullDescription(id, string.Empty).Length, 20, 1024);
    }

    [Fact]
    public void No_documentation_page_without_a_rule()
    {
        var ids = BuiltInRules.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(Repo.Rules, "SMS*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, p => Assert.Contains(p!, ids));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_failing_and_passing_fixtures(string id)
    {
        var dir = Path.Combine(Repo.TestData, "rules", id);
        Assert.True(Directory.Exists(dir), $"testdata/rules/{id} is missing");
        var cases = Directory.GetDirectories(dir).Select(Path.GetFileName).ToList();
        Assert.Contains(cases, c => c!.StartsWith("fail-", StringComparison.Ordinal));
        Assert.Contains(cases, c => c!.StartsWith("pass-", StringComparison.Ordinal));
    }

    [Fact]
    public void No_fixture_folder_without_a_rule()
    {
        var ids = BuiltInRules.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var dirs = Directory.GetDirectories(Path.Combine(Repo.TestData, "rules")).Select(Path.GetFileName);
        Assert.All(dirs, d => Assert.Contains(d!, ids));
    }
}

using System.Text.RegularExpressions;
using SmsLint.Config;
using SmsLint.Rules;

namespace SmsLint.Tests.Cli.CiAndIde;

/// <summary>The YAML of smslint.yml read as a JSON tree: every JSON Pointer maps back to its line and column, and every config error lands inside the file.</summary>
public sealed class ConfigPositionTests
{
    private static readonly IReadOnlyList<string> RuleIds = BuiltInRules.All.Select(r => r.Descriptor.Id).ToList();

    private const string Yaml =
        "rules:\n" +                                   // 1
        "  select: [SMS1003, \"SMS3001\"]\n" +          // 2  flow sequence, quoted item
        "  levels: {SMS3001: error, 'SMS1003': note}\n" + // 3 flow mapping, quoted key
        "\"exclude\":\n" +                              // 4  quoted key at the top
        "  - \"DC0*/**\"\n" +                           // 5
        "  - '**/a b/**'\n" +                           // 6
        "limits:\n" +                                   // 7
        "  zip:\n" +                                    // 8
        "    maxEntries: 10\n" +                        // 9
        "suppressions:\n" +                             // 10
        "  - rule: SMS1003\n" +                         // 11
        "    path: \"a/**\"\n" +                        // 12
        "    reason: why\n";                            // 13

    [Theory]
    [InlineData("", 1, 1, 1, 1)]
    [InlineData("/rules", 2, 3, 1, 1)]
    [InlineData("/rules/select", 2, 11, 2, 3)]
    [InlineData("/rules/select/0", 2, 12, 2, 12)]
    [InlineData("/rules/select/1", 2, 21, 2, 21)]
    [InlineData("/rules/levels", 3, 11, 3, 3)]
    [InlineData("/rules/levels/SMS3001", 3, 21, 3, 12)]
    [InlineData("/rules/levels/SMS1003", 3, 39, 3, 28)]
    [InlineData("/exclude", 5, 3, 4, 1)]
    [InlineData("/exclude/1", 6, 5, 6, 5)]
    [InlineData("/limits/zip/maxEntries", 9, 17, 9, 5)]
    [InlineData("/suppressions/0", 11, 5, 11, 5)]
    [InlineData("/suppressions/0/path", 12, 11, 12, 5)]
    [InlineData("/suppressions/0/reason", 13, 13, 13, 5)]
    public void Pointers_map_to_their_line_and_column(string pointer, int line, int column, int keyLine, int keyColumn)
    {
        var yaml = YamlJson.Read(Yaml, 64, 1000);
        Assert.False(yaml.Failed);
        Assert.Empty(yaml.Errors);
        Assert.True(yaml.TryGet(pointer, out var at), pointer);
        Assert.Equal((line, column, keyLine, keyColumn), (at.Line, at.Column, at.KeyLine, at.KeyColumn));
    }

    [Fact]
    public void Scalars_take_their_yaml_types_and_quoted_scalars_stay_text()
    {
        var yaml = YamlJson.Read("a: 10\nb: '10'\nc: 1.5\nd: true\ne: ~\nf: 1_000\n", 64, 1000);
        var root = yaml.Root!.AsObject();
        Assert.Equal(10L, root["a"]!.GetValue<long>());
        Assert.Equal("10", root["b"]!.GetValue<string>());
        Assert.Equal(1.5, root["c"]!.GetValue<double>());
        Assert.True(root["d"]!.GetValue<bool>());
        Assert.Null(root["e"]);
        Assert.True(root.ContainsKey("e"));
        Assert.Equal(1000L, root["f"]!.GetValue<long>());
        Assert.True(yaml.TryGet("/b", out var b));
        Assert.Equal("10", b.Text);
    }

    [Fact]
    public void An_unknown_pointer_falls_back_to_its_nearest_parent()
    {
        var yaml = YamlJson.Read(Yaml, 64, 1000);
        // A block mapping starts at its first key; the key naming it is a line above.
        var at = yaml.Locate("/limits/zip/nothing/here");
        Assert.Equal((9, 5, 8, 3), (at.Line, at.Column, at.KeyLine, at.KeyColumn));
    }

    [Fact]
    public void Aliases_are_expanded_within_a_budget()
    {
        var ok = YamlJson.Read("a: &x [1, 2]\nb: *x\n", 64, 1000);
        Assert.Equal(2, ok.Root!["b"]!.AsArray().Count);

        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 8).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [*{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}, *{(char)('a' + i - 1)}]\n"));
        var refused = YamlJson.Read(bomb, 64, 100_000);
        Assert.True(refused.Failed);
        Assert.Contains("more than 100000 values", Assert.Single(refused.Errors).Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> Bad => new()
    {
        "rules:\n  selct: [SMS1003]\n",
        "rules:\n  select: [SMS9999, \"\", ~]\n  levels: {sms3001: fatal, SMS3001: note}\n",
        "exclude: [\"../x\", \"a?\", 5, {}]\n",
        "limits:\n  zip:\n    maxCompressionRatio: 0\n    maxEntries: \"10\"\n",
        "suppressions:\n  - {rule: SMS1003}\n  - rule: SMS1003\n    path: \"**\"\n    reason: \" \"\n    expires: 2030-02-30\n  - 7\n",
        "version: 2\ninlineSuppressions: 1\ncatalog: \"\"\n",
        "- a\n- b\n",
        "rules: [\n",
        "a: 1\n---\nb: 2\n",
        "? [complex, key]\n: 1\nrules: {}\nrules: {}\n",
        "exclude:\n" + string.Concat(Enumerable.Repeat("  - \"\"\n", 30)),
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Every_error_has_a_line_and_column_inside_the_file(string text)
    {
        var result = ConfigLoader.Parse(text, "/x/smslint.yml", "smslint.yml", RuleIds);
        Assert.Null(result.Config);
        Assert.NotEmpty(result.Errors);
        var lines = text.Split('\n');
        foreach (var error in result.Errors)
        {
            Assert.Equal("smslint.yml", error.File);
            Assert.InRange(error.Line, 1, lines.Length);
            Assert.InRange(error.Column, 1, lines[error.Line - 1].Length + 1);
            Assert.DoesNotMatch(new Regex("subschema|JSON|\\$defs"), error.Message);
        }

        // Sorted by place, never the same error twice.
        Assert.Equal(result.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column), result.Errors);
        Assert.Equal(result.Errors.Count, result.Errors.Distinct().Count());
    }

    [Fact]
    public void A_complex_key_is_refused_with_its_value_and_the_rest_still_read()
    {
        var result = ConfigLoader.Parse("? [a, b]\n: 1\nversion: 1.0\nrules: {select: [SMS1003]}\n", "/x/smslint.yml", "smslint.yml", RuleIds);
        Assert.Equal(["smslint.yml:1:3: keys in the configuration must be plain names"], result.Errors.Select(e => e.ToString()));

        var fine = ConfigLoader.Parse("version: 1.0\nlimits: {maxLineLength: 40.0}\nrules: {select: [SMS1003]}\n", "/x/smslint.yml", "smslint.yml", RuleIds);
        Assert.Empty(fine.Errors);
        Assert.Equal(40, fine.Config!.MaxLineLength);
        Assert.Equal(["SMS1003"], fine.Config.Select);
    }

    [Fact]
    public void Errors_point_at_the_key_or_the_value_they_are_about()
    {
        var result = ConfigLoader.Parse("rules:\n  levels:\n    SMS9999: note\n    SMS3001: fatal\n  selct: []\n", "/x/smslint.yml", "smslint.yml", RuleIds);
        Assert.Equal(
            ["smslint.yml:3:5: 'rules.levels': unknown rule id 'SMS9999' (see 'smslint rules')",
             "smslint.yml:4:14: 'rules.levels.SMS3001': unknown level 'fatal'; expected one of: error, warning, note (to turn a rule off, list it under rules.ignore)",
             "smslint.yml:5:3: unknown key 'selct' in 'rules'; expected one of: select, ignore, levels"],
            result.Errors.Select(e => e.ToString()));
    }
}

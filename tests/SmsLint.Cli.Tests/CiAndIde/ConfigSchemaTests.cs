using System.Text.Json;
using Json.Schema;
using SmsLint.Config;
using SmsLint.Rules;

namespace SmsLint.Tests.Cli.CiAndIde;

/// <summary>
/// The published smslint.yml schema refuses what the loader refuses, so an editor that validates
/// against it reports the same mistakes before a scan does.
/// </summary>
public sealed class ConfigSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(
        File.ReadAllText(Path.Combine(Repo.Root, "schemas", "smslint.config.schema.json")),
        new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    [Theory]
    [InlineData("DC02/**")]
    [InlineData("**/Backup/**")]
    [InlineData("*/NETLOGON/*.bat")]
    [InlineData("dir..name/x")]
    [InlineData("../outside/**")]
    [InlineData("/absolute/**")]
    [InlineData("a/../b")]
    [InlineData("a\\..\\b")]
    [InlineData("DC0?/**")]
    [InlineData("DC0[12]/**")]
    [InlineData("{a,b}/**")]
    public void Schema_and_loader_agree_on_globs(string glob)
    {
        var loaded = ConfigLoader.Parse($"exclude:\n  - {JsonSerializer.Serialize(glob)}\n", "/x/smslint.yml", "smslint.yml", BuiltInRules.All.Select(r => r.Descriptor.Id).ToList());
        using var doc = JsonDocument.Parse($$"""{"exclude": [{{JsonSerializer.Serialize(glob)}}]}""");
        var schemaAccepts = Schema.Evaluate(doc.RootElement).IsValid;

        Assert.Equal(loaded.Errors.Count == 0, schemaAccepts);
    }
}

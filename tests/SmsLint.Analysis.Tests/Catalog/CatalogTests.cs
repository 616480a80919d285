using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SmsLint.Catalog;

namespace SmsLint.Tests.Catalog;

public sealed partial class CatalogTests
{
    private const string Source = "test-catalog.json";

    private static readonly string EmbeddedJson = ReadEmbeddedJson();

    public static TheoryData<string> HotfixIds()
    {
        var data = new TheoryData<string>();
        using var doc = JsonDocument.Parse(EmbeddedJson);
        foreach (var hotfix in doc.RootElement.GetProperty("hotfixes").EnumerateArray())
        {
            data.Add(hotfix.GetProperty("id").GetString()!);
        }

        return data;
    }

    [Fact]
    public void Embedded_catalog_loads_without_errors()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(EmbeddedJson));
        var result = SmsCatalog.Load(stream, Source);

        Assert.Empty(result.Errors);
        Assert.True(result.Success);
        Assert.NotNull(result.Catalog);
        Assert.Equal("smslint-sms-catalog", result.Catalog.Name);
        Assert.Equal("2026.11.1", result.Catalog.CatalogVersion);
        Assert.Equal("./sms-catalog.schema.json", result.Catalog.Schema);
        Assert.Equal(Source, result.Catalog.SourceName);

        var embedded = SmsCatalog.LoadEmbedded();
        Assert.Same(embedded, SmsCatalog.LoadEmbedded());
        Assert.Equal("embedded:sms-catalog.json", embedded.SourceName);
        var info = embedded.ToCatalogInfo();
        Assert.Equal(("smslint-sms-catalog", "2026.11.1"), (info.Name, info.Version));
    }

    [Fact]
    public void Embedded_catalog_read_without_the_schema_check_is_the_validated_catalog()
    {
        // LoadEmbedded skips the schema at start-up; this is where the shipped bytes are checked.
        var validated = SmsCatalog.LoadEmbeddedValidated();
        Assert.Empty(validated.Errors);
        Assert.NotNull(validated.Catalog);

        var fast = SmsCatalog.LoadEmbedded();
        Assert.Equal(validated.Catalog.SourceName, fast.SourceName);
        var options = new JsonSerializerOptions { WriteIndented = true };
        var expected = JsonSerializer.Serialize(validated.Catalog, options);
        Assert.Equal(expected, JsonSerializer.Serialize(fast, options));
        Assert.Contains("\"Q251070\"", expected, StringComparison.Ordinal);
        Assert.Equal(validated.Catalog.Hotfixes.Count, fast.Hotfixes.Count);
        Assert.Equal(validated.Catalog.Builds.Count, fast.Builds.Count);
    }

    [Fact]
    public void Pre_sp2_hotfixes_have_the_documented_files_and_versions()
    {
        var catalog = SmsCatalog.LoadEmbedded();

        Assert.Equal(["Q251070", "Q252718"], catalog.RequiredBeforeSp2(1239).Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["Q249077", "Q252717"], catalog.RequiredBeforeSp2(1380).Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Empty(catalog.RequiredBeforeSp2(1493));
        Assert.Empty(catalog.RequiredBeforeSp2(786));

        AssertI386Version(catalog, "Q251070", "Nt_logon.dll", "2.0.1239.62");
        AssertI386Version(catalog, "Q252718", "Ccm.dll", "2.0.1239.64");
        AssertI386Version(catalog, "Q252718", "Ccmbtldr.exe", "2.0.1239.64");
        AssertI386Version(catalog, "Q249077", "Nt_logon.dll", "2.0.1380.1105");
        AssertI386Version(catalog, "Q252717", "Ccm.dll", "2.0.1380.1125");
        AssertI386Version(catalog, "Q252717", "Ccmbtldr.exe", "2.0.1380.1125");
        AssertI386Version(catalog, "Q252717", "Baseobj.dll", "2.0.1380.1101");

        Assert.Equal(168816, File(catalog, "Q251070", "Nt_logon.dll").SizeBytes);
        Assert.Equal(174960, File(catalog, "Q249077", "Nt_logon.dll").SizeBytes);
        Assert.Equal(new DateOnly(2000, 1, 4), File(catalog, "Q251070", "Nt_logon.dll").Date);
        Assert.Equal("SMS_<CODE>/bin/i386", File(catalog, "Q251070", "Nt_logon.dll").Location);

        foreach (var id in new[] { "Q251070", "Q252718", "Q249077", "Q252717" })
        {
            var hotfix = catalog.FindHotfix(id)!;
            Assert.Equal(RequiredWhenTags.SharedDomainBeforeSp2, hotfix.RequiredWhen.Tag);
            Assert.Equal(1493, hotfix.SupersededBy?.Build);
            Assert.True(hotfix.IsSupersededAt(1493));
            Assert.False(hotfix.IsSupersededAt(hotfix.AppliesToBuild));
            Assert.Contains(id, hotfix.Kb);
            Assert.Contains("Q261931", hotfix.Kb);
            Assert.All(hotfix.Files, f => Assert.Equal(ProofKind.Version, f.Proof));
        }
    }

    [Fact]
    public void Section_4_2_hotfixes_carry_their_proof_files()
    {
        var catalog = SmsCatalog.LoadEmbedded();

        var q323652 = File(catalog, "Q323652", "CliCore.exe");
        Assert.Equal(ProofKind.Date, q323652.Proof);
        Assert.Equal(SmsVersion.Parse("2.0.1493.4009"), q323652.MinVersion);
        Assert.Equal(new DateOnly(2002, 1, 18), q323652.Date);
        Assert.Equal(new DateOnly(2001, 1, 18), q323652.WrongDate);
        Assert.Equal(4, catalog.FindHotfix("Q323652")!.AppliesToServicePack);
        Assert.Null(catalog.FindHotfix("Q323652")!.SupersededBy?.Build);

        foreach (var name in new[] { "Clicore.exe", "Boot32wn.exe", "Smsman.exe" })
        {
            Assert.Equal(SmsVersion.Parse("2.0.1380.1123"), File(catalog, "Q253151", name).MinVersion);
        }

        var check20 = File(catalog, "Q195702", "Check20.exe");
        Assert.Equal(ProofKind.Size, check20.Proof);
        Assert.Equal(44252, check20.SizeBytes);
        Assert.Null(check20.MinVersion);
        Assert.Contains("Q200791", catalog.FindHotfix("Q195702")!.Kb);
        Assert.Equal(786, catalog.FindHotfix("Q195702")!.AppliesToBuild);

        var bundle = File(catalog, "Q247306", "Clicore.exe");
        Assert.Equal(ProofKind.ExactVersion, bundle.Proof);
        Assert.True(bundle.ExactVersion!.Value.IsPackagingVersion);
        Assert.Contains(bundle.Locations, l => l.Role == "logon-point" && l.Path == "SMSLOGON/x86.bin");

        Assert.Equal(["Q246527", "Q247306", "Q249077", "Q252717", "Q253151", "Q255174"], catalog.HotfixesFor(1380).Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Builds_and_components_answer_queries()
    {
        var catalog = SmsCatalog.LoadEmbedded();

        foreach (var build in new[] { 692, 786, 1196, 1239, 1380, 1493 })
        {
            Assert.True(catalog.IsKnownBuild(build), $"build {build}");
        }

        Assert.False(catalog.IsKnownBuild(1999));
        Assert.False(catalog.IsKnownBuild(91));
        Assert.True(catalog.IsPreReleaseBuild(1196));
        Assert.False(catalog.IsPreReleaseBuild(1239));
        Assert.False(catalog.IsPreReleaseBuild(1999));

        Assert.Equal("SMS 2.0 SP2/SP3/SP4 (build 1493)", catalog.DescribeBuild(1493));
        Assert.Equal("SMS 2.0 RTM (build 1239)", catalog.DescribeBuild(1239));
        Assert.Equal("SMS 2.0 RC0, pre-release (build 1196)", catalog.DescribeBuild(1196));
        Assert.StartsWith("SMS 1.2", catalog.DescribeBuild(786), StringComparison.Ordinal);
        Assert.Null(catalog.DescribeBuild(1999));
        Assert.Equal([2, 3, 4], catalog.BuildsFor(1493).Select(b => b.ServicePack ?? -1));
        Assert.Equal(SmsVersion.Parse("2.00.1380.1000"), catalog.BuildsFor(1380).Single().SiteVersion);
        Assert.Equal(SmsVersion.Parse("1.2(build 786)"), catalog.BuildsFor(786).Single().Version);

        Assert.Equal(SmsVersion.Parse("2.00.1239.0000"), catalog.ComponentVersion("Base", 0));
        Assert.Equal(SmsVersion.Parse("2.00.1380.1000"), catalog.ComponentVersion("HINV", 1));
        Assert.Equal(SmsVersion.Parse("2.00.1493.2009"), catalog.ComponentVersion("Base", 2));
        Assert.Equal(SmsVersion.Parse("2.00.1493.3008"), catalog.ComponentVersion("remctrl", 3));
        Assert.Equal(SmsVersion.Parse("2.00.1493.4012"), catalog.ComponentVersion("Available Programs Manager", 4));
        Assert.Equal(SmsVersion.Parse("2.00.1493.4006"), catalog.ComponentVersion("swdist", 4));
        Assert.Equal(SmsVersion.Parse("2.00.1493.4009"), catalog.ComponentVersion("base", 4));
        Assert.Null(catalog.ComponentVersion("Base", 5));
        Assert.Null(catalog.ComponentVersion("Base", -1));
        Assert.Null(catalog.ComponentVersion("WBEM", 2));
        Assert.Equal(["1085.0005", "698.0012"], catalog.WbemVersionsAt(2).Select(w => w.Version).Order(StringComparer.Ordinal));
        Assert.Single(catalog.WbemVersionsAt(0));
    }

    [Fact]
    public void Every_build_and_hotfix_in_the_json_validates()
    {
        using var doc = JsonDocument.Parse(EmbeddedJson);
        var root = doc.RootElement;
        var buildNumbers = new HashSet<int>();

        foreach (var build in root.GetProperty("builds").EnumerateArray())
        {
            var number = build.GetProperty("build").GetInt32();
            buildNumbers.Add(number);
            foreach (var key in new[] { "version", "siteVersion" })
            {
                if (build.TryGetProperty(key, out var text))
                {
                    Assert.True(SmsVersion.TryParse(text.GetString(), out var v), text.GetString());
                    Assert.Equal(number, v.Build);
                }
            }

            Assert.All(build.GetProperty("kb").EnumerateArray(), kb => Assert.Matches(KbPattern(), kb.GetString()!));
        }

        foreach (var component in root.GetProperty("clientComponents").EnumerateArray())
        {
            foreach (var level in component.GetProperty("versions").EnumerateObject())
            {
                Assert.True(SmsVersion.TryParse(level.Value.GetString(), out _), level.Value.GetString());
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hotfix in root.GetProperty("hotfixes").EnumerateArray())
        {
            var id = hotfix.GetProperty("id").GetString()!;
            Assert.Matches(KbPattern(), id);
            Assert.True(ids.Add(id), $"duplicate {id}");
            Assert.Contains(hotfix.GetProperty("appliesToBuild").GetInt32(), buildNumbers);
            Assert.All(hotfix.GetProperty("kb").EnumerateArray(), kb => Assert.Matches(KbPattern(), kb.GetString()!));
            foreach (var file in hotfix.GetProperty("files").EnumerateArray())
            {
                foreach (var key in new[] { "minVersion", "exactVersion" })
                {
                    if (file.TryGetProperty(key, out var text))
                    {
                        Assert.True(SmsVersion.TryParse(text.GetString(), out _), $"{id} {key} {text.GetString()}");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(HotfixIds))]
    public void Each_hotfix_loads_on_its_own(string id)
    {
        var root = JsonNodeRoot();
        var hotfixes = root["hotfixes"]!.AsArray();
        var keep = hotfixes.Single(h => (string?)h!["id"] == id)!.DeepClone();
        hotfixes.Clear();
        hotfixes.Add(keep);

        var result = Load(root.ToJsonString());

        Assert.Empty(result.Errors);
        Assert.Equal(id, Assert.Single(result.Catalog!.Hotfixes).Id);
    }

    [Fact]
    public void Schema_and_catalog_types_name_the_same_properties()
    {
        // The loader validates against the schema, so the schema is what a catalog may hold; the
        // records it is read into must agree with it property for property, and required for required.
        var types = new Dictionary<string, Type>(StringComparer.Ordinal)
        {
            ["catalog"] = typeof(SmsCatalog),
            ["source"] = typeof(CatalogSource),
            ["build"] = typeof(CatalogBuild),
            ["versionScheme"] = typeof(VersionSchemeInfo),
            ["schemePart"] = typeof(VersionSchemePart),
            ["clientComponent"] = typeof(ClientComponent),
            ["componentVersions"] = typeof(ComponentVersions),
            ["wbemVersion"] = typeof(WbemVersion),
            ["hotfix"] = typeof(CatalogHotfix),
            ["hotfixFile"] = typeof(HotfixFile),
            ["fileLocation"] = typeof(FileLocation),
            ["supersededBy"] = typeof(HotfixSupersession),
            ["requiredWhen"] = typeof(HotfixRequirement),
        };

        using var schema = JsonDocument.Parse(System.IO.File.ReadAllText(SchemaPath()));
        var objectDefs = schema.RootElement.GetProperty("$defs").EnumerateObject()
            .Where(d => d.Value.TryGetProperty("type", out var t) && t.GetString() == "object")
            .Select(d => d.Name)
            .Prepend("catalog");
        Assert.Equal(types.Keys.Order(StringComparer.Ordinal), objectDefs.Order(StringComparer.Ordinal));
        Assert.Equal(types.Keys.Order(StringComparer.Ordinal), SmsCatalog.Shapes.Select(s => s.Name).Order(StringComparer.Ordinal));

        foreach (var shape in SmsCatalog.Shapes)
        {
            var members = types[shape.Name].GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
                .Where(p => p.SetMethod is not null && p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonIgnoreAttribute), false).Length == 0)
                .ToList();
            Assert.Equal(members.Select(JsonName).Order(StringComparer.Ordinal), shape.Properties.Order(StringComparer.Ordinal));
            var required = members.Where(p => p.GetCustomAttributes(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute), false).Length > 0);
            Assert.Equal(required.Select(JsonName).Order(StringComparer.Ordinal), shape.Required.Order(StringComparer.Ordinal));
        }

        var tags = schema.RootElement.GetProperty("$defs").GetProperty("requiredWhen").GetProperty("properties").GetProperty("tag").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(RequiredWhenTags.All.Order(StringComparer.Ordinal), tags.Order(StringComparer.Ordinal));

        static string JsonName(System.Reflection.PropertyInfo p) =>
            p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), false) is [System.Text.Json.Serialization.JsonPropertyNameAttribute named]
                ? named.Name
                : JsonNamingPolicy.CamelCase.ConvertName(p.Name);
    }

    [Fact]
    public void Schema_constraints_produce_positioned_messages_worded_from_the_schema()
    {
        var json = ReplaceOnce(EmbeddedJson, "\"platform\": \"i386\"", "\"platform\": \"x86\"");
        json = ReplaceOnce(json, "\"date\": \"2000-01-04\"", "\"date\": \"2000-02-30\"");
        json = ReplaceOnce(json, "\"name\": \"Nt_logon.dll\",", "\"name\": \"Nt_logon.dll\", \"exactVersion\": \"2.0.1.1\", \"dateToleranceDays\": 9,");

        var errors = Load(json).Errors;

        Assert.Contains(errors, e => e.Contains("$.hotfixes[0].files[0].platform: 'x86' is not one of: i386, alpha, any", StringComparison.Ordinal) && Split(e).Line == LineOf(json, "\"x86\"") && Split(e).Column == ColumnOf(json, "\"x86\""));
        Assert.Contains(errors, e => e.Contains("'2000-02-30' is not a date in the form yyyy-MM-dd", StringComparison.Ordinal) && Split(e).Line == LineOf(json, "2000-02-30"));
        Assert.Contains(errors, e => e.Contains("9 is outside the range 0..7", StringComparison.Ordinal) && Split(e).Column == ColumnOf(json, "\"dateToleranceDays\": 9") + "\"dateToleranceDays\": ".Length);
        Assert.Contains(errors, e => e.Contains("give either minVersion or exactVersion, not both", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Bad_version_string_is_reported_with_its_line()
    {
        var json = ReplaceOnce(EmbeddedJson, "\"minVersion\": \"2.0.1239.62\"", "\"minVersion\": \"2.0.1239.6x\"");
        var result = Load(json);

        Assert.Null(result.Catalog);
        var error = Assert.Single(result.Errors);
        var (line, column, message) = Split(error);
        Assert.Equal(LineOf(json, "2.0.1239.6x"), line);
        Assert.Equal(ColumnOf(json, "\"2.0.1239.6x\""), column);
        Assert.Contains("$.hotfixes[0].files[0].minVersion", message, StringComparison.Ordinal);
        Assert.Contains("2.0.1239.6x", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_property_is_reported_with_its_line()
    {
        var json = ReplaceOnce(EmbeddedJson, "\"id\": \"Q252718\",", "\"id\": \"Q252718\",\n      \"severity\": \"high\",");
        var result = Load(json);

        var error = Assert.Single(result.Errors);
        var (line, _, message) = Split(error);
        Assert.Equal(LineOf(json, "\"severity\""), line);
        Assert.Contains("unknown property 'severity'", message, StringComparison.Ordinal);
        Assert.Contains("$.hotfixes[1].severity", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_top_level_property_is_rejected()
    {
        var json = ReplaceOnce(EmbeddedJson, "\"catalogVersion\"", "\"extra\": true,\n  \"catalogVersion\"");
        var error = Assert.Single(Load(json).Errors);
        Assert.Equal(LineOf(json, "\"extra\""), Split(error).Line);
        Assert.Contains("unknown property 'extra'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_hotfix_id_is_reported_with_its_line()
    {
        var json = ReplaceOnce(EmbeddedJson, "\"id\": \"Q252718\"", "\"id\": \"Q251070\"");
        var result = Load(json);

        var error = Assert.Single(result.Errors);
        var (line, _, message) = Split(error);
        var second = json.IndexOf("\"id\": \"Q251070\"", json.IndexOf("\"id\": \"Q251070\"", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        Assert.Equal(json[..second].Count(c => c == '\n') + 1, line);
        Assert.Contains("duplicate hotfix id 'Q251070'", message, StringComparison.Ordinal);
        Assert.Contains("first used at line " + LineOf(json, "\"id\": \"Q251070\""), message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_property_in_one_object_is_rejected()
    {
        var json = ReplaceOnce(EmbeddedJson, "\"title\": \"CCM avoids installation attempts on SP2 clients\",", "\"title\": \"a\",\n      \"title\": \"b\",");
        var error = Assert.Single(Load(json).Errors);
        Assert.Contains("duplicate property 'title'", error, StringComparison.Ordinal);
        Assert.Equal(LineOf(json, "\"title\": \"b\""), Split(error).Line);
    }

    [Fact]
    public void Truncated_json_is_reported_with_a_position()
    {
        var json = EmbeddedJson[..(EmbeddedJson.Length / 2)];
        var result = Load(json);

        Assert.Null(result.Catalog);
        var error = Assert.Single(result.Errors);
        var (line, column, message) = Split(error);
        Assert.InRange(line, 2, json.Count(c => c == '\n') + 1);
        Assert.True(column >= 1);
        Assert.Contains("invalid JSON", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_error_is_reported_at_its_line()
    {
        var json = ReplaceOnce(EmbeddedJson, "\"appliesToBuild\": 1239,", "\"appliesToBuild\": 1239,,");
        var error = Assert.Single(Load(json).Errors);
        Assert.Equal(LineOf(json, ",,"), Split(error).Line);
    }

    [Fact]
    public void Several_problems_are_all_reported()
    {
        var json = ReplaceOnce(EmbeddedJson, "\"id\": \"Q249077\"", "\"id\": \"Q24907\"");
        json = ReplaceOnce(json, "\"exactVersion\": \"2.0.91.7\"", "\"exactVersion\": \"2.0.91\"");
        json = ReplaceOnce(json, "\"sizeBytes\": 44252,", "\"sizeBytes\": \"44252\",");
        json = ReplaceOnce(json, "\"title\": \"SMS 2.0 SP1 Dependency Package\",", string.Empty);

        var errors = Load(json).Errors;

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("'Q24907' is not a KB id", StringComparison.Ordinal) && Split(e).Line == LineOf(json, "Q24907\""));
        Assert.Contains(errors, e => e.Contains("'2.0.91' is not a valid SMS version", StringComparison.Ordinal) && Split(e).Line == LineOf(json, "\"2.0.91\""));
        Assert.Contains(errors, e => e.Contains("expected an integer", StringComparison.Ordinal) && Split(e).Line == LineOf(json, "\"44252\""));
        Assert.Contains(errors, e => e.Contains("missing required property 'title'", StringComparison.Ordinal));
    }

    [Fact]
    public void Cross_field_rules_are_checked()
    {
        var json = ReplaceOnce(EmbeddedJson, "\"minVersion\": \"2.0.1239.62\"", "\"minVersion\": \"2.0.1380.62\"");
        json = ReplaceOnce(json, "\"appliesToBuild\": 786,", "\"appliesToBuild\": 787,");
        json = ReplaceOnce(json, "\"proof\": \"size\",", "\"proof\": \"exact-version\",");

        var errors = Load(json).Errors;

        Assert.Contains(errors, e => e.Contains("does not match appliesToBuild 1239", StringComparison.Ordinal) && Split(e).Line == LineOf(json, "2.0.1380.62"));
        Assert.Contains(errors, e => e.Contains("build 787 is not listed under builds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("needs property 'exactVersion'", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("null")]
    public void Degenerate_documents_fail_cleanly(string json)
    {
        var result = Load(json);
        Assert.Null(result.Catalog);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Matches(PositionPattern(), e));
    }

    [Fact]
    public void Byte_order_mark_is_accepted_and_lines_stay_right()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF };
        var good = bom.Concat(Encoding.UTF8.GetBytes(EmbeddedJson)).ToArray();
        using (var stream = new MemoryStream(good))
        {
            Assert.Empty(SmsCatalog.Load(stream, Source).Errors);
        }

        var badJson = ReplaceOnce(EmbeddedJson, "\"minVersion\": \"2.0.1239.62\"", "\"minVersion\": \"x\"");
        using var badStream = new MemoryStream(bom.Concat(Encoding.UTF8.GetBytes(badJson)).ToArray());
        var error = Assert.Single(SmsCatalog.Load(badStream, Source).Errors);
        Assert.Equal(LineOf(badJson, "\"x\""), Split(error).Line);
        Assert.Equal(ColumnOf(badJson, "\"x\""), Split(error).Column);
    }

    private static void AssertI386Version(SmsCatalog catalog, string id, string file, string version)
    {
        var entry = File(catalog, id, file);
        Assert.Equal("i386", entry.Platform);
        Assert.Equal(SmsVersion.Parse(version), entry.MinVersion);
        Assert.Equal(version, entry.MinVersion!.Value.ToFileVersionString());
    }

    private static HotfixFile File(SmsCatalog catalog, string id, string name)
    {
        var hotfix = catalog.FindHotfix(id);
        Assert.NotNull(hotfix);
        return hotfix.FilesFor("i386").First(f => f.Name == name);
    }

    private static void AssertSameShape(CatalogObjectShape shape, JsonElement schemaObject)
    {
        var properties = schemaObject.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(shape.Properties.Order(StringComparer.Ordinal).ToArray(), properties);

        var required = schemaObject.TryGetProperty("required", out var r)
            ? r.EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal).ToArray()
            : [];
        Assert.Equal(shape.Required.Order(StringComparer.Ordinal).ToArray(), required);
    }

    private static CatalogLoadResult Load(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return SmsCatalog.Load(stream, Source);
    }

    private static System.Text.Json.Nodes.JsonObject JsonNodeRoot()
        => System.Text.Json.Nodes.JsonNode.Parse(EmbeddedJson)!.AsObject();

    private static string ReplaceOnce(string text, string find, string replacement)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{find}' not found in the catalog");
        return string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + find.Length));
    }

    private static int LineOf(string text, string find)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{find}' not found");
        return text[..index].Count(c => c == '\n') + 1;
    }

    private static int ColumnOf(string text, string find)
    {
        var index = text.IndexOf(find, StringComparison.Ordinal);
        return index - (text.LastIndexOf('\n', index) + 1) + 1;
    }

    private static (int Line, int Column, string Message) Split(string error)
    {
        var match = PositionPattern().Match(error);
        Assert.True(match.Success, error);
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), match.Groups[3].Value);
    }

    private static string ReadEmbeddedJson()
    {
        using var stream = typeof(SmsCatalog).Assembly.GetManifestResourceStream(SmsCatalog.EmbeddedResourceName)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string SchemaPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "SmsLint.Analysis", "Catalog", "sms-catalog.schema.json");
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("sms-catalog.schema.json not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^Q[0-9]{6}$")]
    private static partial Regex KbPattern();

    [GeneratedRegex(@"^[^()]+\((\d+),(\d+)\): (.*)$", RegexOptions.Singleline)]
    private static partial Regex PositionPattern();
}

using System.Globalization;
using System.Text.Json;

namespace SmsLint.Catalog;

/// <summary>
/// Checks catalog JSON: the shipped schema (sms-catalog.schema.json, embedded) decides what each
/// object may hold; this class adds only what a schema cannot say (properties given twice, unique
/// ids, version strings whose build field must agree with another property, builds referred to
/// but not listed). Every error carries file(line,column), found through a <see cref="JsonOffsetIndex"/>.
/// </summary>
internal static class CatalogValidator
{
    /// <summary>Manifest name of the embedded schema.</summary>
    public const string SchemaResourceName = "sms-catalog.schema.json";

    private static readonly Lazy<SchemaCheck> Schema = new(() => SchemaCheck.FromResource(SchemaResourceName));

    /// <summary>The properties and required properties of every object kind, read from the schema.</summary>
    internal static IReadOnlyList<CatalogObjectShape> PublicShapes => LazyShapes.Value;

    private static readonly Lazy<IReadOnlyList<CatalogObjectShape>> LazyShapes = new(ReadShapes);

    private static IReadOnlyList<CatalogObjectShape> ReadShapes()
    {
        var root = Schema.Value.Root;
        var shapes = new List<CatalogObjectShape> { Shape("catalog", root) };
        foreach (var def in root.GetProperty("$defs").EnumerateObject())
        {
            if (def.Value.TryGetProperty("type", out var type) && type.GetString() == "object")
            {
                shapes.Add(Shape(def.Name, def.Value));
            }
        }

        return shapes;

        static CatalogObjectShape Shape(string name, JsonElement schema) => new(
            name,
            [.. schema.GetProperty("properties").EnumerateObject().Select(p => p.Name)],
            schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()!)] : []);
    }

    /// <summary>
    /// Validates the catalog text and, when it is valid, reads it. Errors are "source(line,column): $.path: message".
    /// </summary>
    public static (SmsCatalog? Catalog, IReadOnlyList<string> Errors) Load(byte[] bytes, string sourceName)
    {
        var index = JsonOffsetIndex.Build(bytes);
        if (index.SyntaxError is { } syntax)
        {
            var (line, column) = index.SyntaxPosition;
            return (null, [string.Create(CultureInfo.InvariantCulture, $"{sourceName}({line},{column}): $: {syntax}")]);
        }

        using var document = JsonDocument.Parse(index.Json, new JsonDocumentOptions { MaxDepth = JsonOffsetIndex.MaxDepth });
        var root = document.RootElement;
        var errors = new Errors(sourceName, index);

        foreach (var (path, nameOffset, firstOffset) in index.Duplicates)
        {
            errors.Add(nameOffset, path, $"duplicate property '{path[(path.LastIndexOf('.') + 1)..]}' (first given at {index.Describe(firstOffset)})");
        }

        foreach (var violation in Schema.Value.Evaluate(root))
        {
            var entry = index.Locate(violation.Pointer);
            errors.Add(violation.AtName ? entry.NameOffset : entry.ValueOffset, entry.Path, violation.Message);
        }

        errors.SortByPosition();
        if (root.ValueKind == JsonValueKind.Object)
        {
            CheckCrossFields(errors, root);
        }

        if (errors.List.Count > 0)
        {
            return (null, errors.List);
        }

        try
        {
            var catalog = root.Deserialize(CatalogJsonContext.Default.SmsCatalog);
            return catalog is null
                ? (null, [$"{sourceName}(1,1): $: the catalog is null"])
                : (catalog with { SourceName = sourceName }, []);
        }
        catch (JsonException ex)
        {
            // What the schema's patterns let through but the reader refuses (an SMS version field past Int32).
            var entry = index.Locate(index.PointerOf(ex.Path) ?? string.Empty);
            errors.Add(entry.ValueOffset, ex.Path ?? "$", JsonOffsetIndex.TrimPosition(ex.Message));
            return (null, errors.List);
        }
    }

    /// <summary>Rules that span several properties: unique ids, build numbers that must agree, builds referred to.</summary>
    private static void CheckCrossFields(Errors errors, JsonElement catalog)
    {
        var builds = Items(catalog, "builds");
        var knownBuilds = new HashSet<long>();
        CheckUnique(errors, builds, "/builds", "id", "build id", StringComparer.Ordinal);
        for (var i = 0; i < builds.Count; i++)
        {
            var build = builds[i];
            var pointer = Pointer("/builds", i);
            var number = IntegerOf(build, "build");
            if (number is long n)
            {
                knownBuilds.Add(n);
            }

            foreach (var key in new[] { "version", "siteVersion" })
            {
                if (StringOf(build, key) is { } text && SmsVersion.TryParse(text, out var v) && number is long b && v.Build != b)
                {
                    errors.At(pointer + "/" + key, string.Create(CultureInfo.InvariantCulture, $"build field {v.Build} of '{text}' does not match build {b}"));
                }
            }

            if (StringOf(build, "siteVersion") is { } site && SmsVersion.TryParse(site, out var sv)
                && IntegerOf(build, "servicePack") is long sp && sv.ServicePackDigit != sp)
            {
                errors.At(pointer + "/siteVersion", string.Create(CultureInfo.InvariantCulture, $"service pack digit {sv.ServicePackDigit} of '{site}' does not match servicePack {sp}"));
            }
        }

        CheckUnique(errors, Items(catalog, "clientComponents"), "/clientComponents", "name", "component name", StringComparer.OrdinalIgnoreCase);

        var hotfixes = Items(catalog, "hotfixes");
        CheckUnique(errors, hotfixes, "/hotfixes", "id", "hotfix id", StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < hotfixes.Count; i++)
        {
            var hotfix = hotfixes[i];
            var pointer = Pointer("/hotfixes", i);
            var applies = IntegerOf(hotfix, "appliesToBuild");
            if (applies is long a && !knownBuilds.Contains(a))
            {
                errors.At(pointer + "/appliesToBuild", string.Create(CultureInfo.InvariantCulture, $"build {a} is not listed under builds"));
            }

            if (hotfix.ValueKind == JsonValueKind.Object && hotfix.TryGetProperty("supersededBy", out var superseded)
                && IntegerOf(superseded, "build") is long by && applies is long a2 && by <= a2)
            {
                errors.At(pointer + "/supersededBy/build", string.Create(CultureInfo.InvariantCulture, $"superseding build {by} must be later than appliesToBuild {a2}"));
            }

            var files = Items(hotfix, "files");
            for (var j = 0; j < files.Count; j++)
            {
                // A minimum version proves the hotfix only within the build it was written for
                // (packaging versions such as 2.0.91.7 carry no build).
                if (StringOf(files[j], "proof") == "version" && StringOf(files[j], "minVersion") is { } min
                    && SmsVersion.TryParse(min, out var v) && !v.IsPackagingVersion && applies is long b && v.Build != b)
                {
                    errors.At(Pointer(pointer + "/files", j) + "/minVersion", string.Create(CultureInfo.InvariantCulture, $"build field {v.Build} of '{min}' does not match appliesToBuild {b}"));
                }
            }
        }
    }

    private static void CheckUnique(Errors errors, IReadOnlyList<JsonElement> items, string pointer, string key, string what, StringComparer comparer)
    {
        var firstSeen = new Dictionary<string, string>(comparer);
        for (var i = 0; i < items.Count; i++)
        {
            if (StringOf(items[i], key) is not { } value)
            {
                continue;
            }

            var at = Pointer(pointer, i) + "/" + key;
            if (firstSeen.TryGetValue(value, out var first))
            {
                errors.At(at, $"duplicate {what} '{value}' (first used at {errors.Index.Describe(errors.Index.Locate(first).ValueOffset)})");
            }
            else
            {
                firstSeen.Add(value, at);
            }
        }
    }

    private static string Pointer(string array, int i) => array + "/" + i.ToString(CultureInfo.InvariantCulture);

    private static List<JsonElement> Items(JsonElement obj, string key) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(key, out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray()] : [];

    private static long? IntegerOf(JsonElement obj, string key) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(key, out var n) && n.ValueKind == JsonValueKind.Number && n.TryGetInt64(out var v) ? v : null;

    private static string? StringOf(JsonElement obj, string key) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(key, out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;

    /// <summary>Collected errors, each placed by byte offset.</summary>
    private sealed class Errors(string sourceName, JsonOffsetIndex index)
    {
        private readonly List<(long Offset, string Text)> items = [];

        public JsonOffsetIndex Index => index;

        public List<string> List => [.. items.Select(i => i.Text)];

        public void At(string pointer, string message)
        {
            var entry = index.Locate(pointer);
            Add(entry.ValueOffset, entry.Path, message);
        }

        public void Add(long offset, string path, string message)
        {
            var (line, column) = index.Position(offset);
            items.Add((offset, string.Create(CultureInfo.InvariantCulture, $"{sourceName}({line},{column}): {path}: {message}")));
        }

        /// <summary>Document order (stable for errors at one place), so the output never depends on how the schema was walked.</summary>
        public void SortByPosition()
        {
            var sorted = items.Select((item, i) => (item, i)).OrderBy(x => x.item.Offset).ThenBy(x => x.i).Select(x => x.item).ToList();
            items.Clear();
            items.AddRange(sorted);
        }
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmsLint.Catalog;
using SmsLint.Findings;
using SmsLint.IO;
using SmsLint.Text;

namespace SmsLint.Config;

/// <summary>The outcome of reading a configuration file: the configuration, or every problem found.</summary>
public sealed record ConfigLoadResult(SmsLintConfig? Config, IReadOnlyList<ConfigError> Errors);

/// <summary>
/// Finds and reads <c>smslint.yml</c>. The YAML becomes a JSON tree that remembers where each value
/// is (<see cref="YamlJson"/>), the tree is checked against the shipped schema
/// (<c>schemas/smslint.config.schema.json</c>, embedded), and each error's JSON Pointer is mapped back
/// to its line and column. Only what a schema cannot say is checked here: that rule ids are known,
/// that dates exist, that the catalog file exists, and that a rule's level is not given twice.
/// All problems are collected, not only the first.
/// </summary>
public static class ConfigLoader
{
    /// <summary>Names looked for at the snapshot root, in this order.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["smslint.yml", "smslint.yaml"];

    /// <summary>A configuration file is a few kilobytes; anything this large is refused.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>The manifest name of the embedded configuration schema.</summary>
    internal const string SchemaResourceName = "smslint.config.schema.json";

    private static readonly Lazy<SchemaCheck> Schema = new(() => SchemaCheck.FromResource(SchemaResourceName));

    /// <summary>Keys of every mapping the file may hold, by the mapping's path ("" is the top level), read from the schema.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Keys => KeysFromSchema.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<string>>> KeysFromSchema = new(() =>
    {
        var root = Schema.Value.Root;
        var props = root.GetProperty("properties");
        static IReadOnlyList<string> Names(JsonElement o) => [.. o.GetProperty("properties").EnumerateObject().Select(p => p.Name)];
        return new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [string.Empty] = Names(root),
            ["rules"] = Names(props.GetProperty("rules")),
            ["limits"] = Names(props.GetProperty("limits")),
            ["limits.zip"] = Names(props.GetProperty("limits").GetProperty("properties").GetProperty("zip")),
            ["suppressions[]"] = Names(props.GetProperty("suppressions").GetProperty("items")),
        };
    });

    /// <summary>Levels a rule can be set to (to turn a rule off, list it under rules.ignore), read from the schema.</summary>
    public static IReadOnlyList<string> LevelNames => LevelsFromSchema.Value;

    private static readonly Lazy<IReadOnlyList<string>> LevelsFromSchema = new(() =>
    [
        .. Schema.Value.Root.GetProperty("properties").GetProperty("rules").GetProperty("properties").GetProperty("levels")
            .GetProperty("additionalProperties").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!),
    ]);

    /// <summary>The configuration file at the snapshot root, or null when there is none.</summary>
    public static string? Discover(string snapshotRoot)
    {
        foreach (var name in FileNames)
        {
            var path = Path.Combine(snapshotRoot, name);
            if (File.Exists(path))
            {
                return Path.GetFullPath(path);
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a configuration file: a regular file (never a FIFO or device, so nothing blocks) of at
    /// most <see cref="MaxFileBytes"/> bytes, counted as they are read. With
    /// <paramref name="snapshotRealRoot"/> (a file found inside a snapshot folder) it must also lie
    /// inside the snapshot once links are resolved, as every snapshot file must.
    /// </summary>
    /// <param name="path">The configuration file.</param>
    /// <param name="ruleIds">The ids of the rules the scan knows: the only ids the file may name.</param>
    /// <param name="snapshotRealRoot">The snapshot's real root when the file was found inside it.</param>
    public static ConfigLoadResult Load(string path, IReadOnlyCollection<string> ruleIds, string? snapshotRealRoot = null)
    {
        var full = Path.GetFullPath(path);
        var bytes = SafeFile.ReadUserFile(full, MaxFileBytes, snapshotRealRoot, out var problem);
        if (bytes is null)
        {
            return Fail(path, 0, 0, $"the configuration file {problem}");
        }

        // As File.ReadAllText reads it: UTF-8 unless a byte order mark says otherwise.
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var text = reader.ReadToEnd();

        return Parse(text, full, path, ruleIds);
    }


    /// <summary>The longest error message (characters): values from the file are quoted as short excerpts.</summary>
    private const int MaxMessage = 400;

    /// <summary>How deeply mappings and lists may nest (64): deeper is refused while the events are read.</summary>
    public const int MaxNesting = 64;

    /// <summary>How many values the file may hold, counting what aliases repeat: a few kilobytes of configuration hold far fewer.</summary>
    private const long MaxNodes = 100_000;

    /// <summary>Reads configuration text. <paramref name="displayName"/> names the file in messages; <paramref name="ruleIds"/> are the rule ids it may name.</summary>
    public static ConfigLoadResult Parse(string text, string fullPath, string displayName, IReadOnlyCollection<string> ruleIds)
    {
        var yaml = YamlJson.Read(text, MaxNesting, MaxNodes);
        var errors = yaml.Errors.Select(e => new ConfigError(displayName, e.Line, e.Column, SafeFile.Excerpt(e.Message, MaxMessage))).ToList();
        if (yaml.Failed)
        {
            return new ConfigLoadResult(null, errors);
        }

        if (yaml.Root is null)
        {
            return errors.Count > 0 ? new ConfigLoadResult(null, errors) : new ConfigLoadResult(new SmsLintConfig { FilePath = fullPath, Text = new SourceText(text) }, []);
        }

        var checker = new Checker(displayName, Path.GetDirectoryName(fullPath) ?? ".", ruleIds, yaml);
        using (var document = JsonDocument.Parse(yaml.Root.ToJsonString(new JsonSerializerOptions { MaxDepth = MaxNesting + 8 }), new JsonDocumentOptions { MaxDepth = MaxNesting + 8 }))
        {
            foreach (var violation in Schema.Value.EvaluateAll(document.RootElement))
            {
                checker.Schema(violation, document.RootElement);
            }
        }

        checker.ByHand(yaml.Root);
        errors.AddRange(checker.Errors);
        errors = [.. errors.Distinct().OrderBy(e => e.Line).ThenBy(e => e.Column)];
        if (errors.Count > 0)
        {
            return new ConfigLoadResult(null, errors);
        }

        return new ConfigLoadResult(checker.Build(yaml.Root.AsObject(), fullPath, new SourceText(text)), []);
    }

    private static ConfigLoadResult Fail(string file, int line, int column, string message) =>
        new(null, [new ConfigError(file, line, column, message)]);

    /// <summary>How a place in the file is named in messages: "the configuration", "a suppression", or its dotted path in quotes ('limits.zip').</summary>
    internal static string Name(string pointer)
    {
        if (pointer.Length == 0)
        {
            return "the configuration";
        }

        var segments = pointer.Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
        if (segments is ["suppressions", var index] && int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return "a suppression";
        }

        // List indexes are left out: every item of 'rules.select' is 'rules.select'.
        var named = segments.Where((s, i) => !(i > 0 && segments[i - 1] is "select" or "ignore" or "exclude" or "suppressions" && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _)));
        return "'" + SafeFile.Excerpt(string.Join(".", named), 120) + "'";
    }

    /// <summary>Turns schema violations into the loader's messages, checks what the schema cannot, and builds the configuration from a valid tree.</summary>
    private sealed class Checker(string file, string directory, IReadOnlyCollection<string> ruleIds, YamlJson yaml)
    {
        public List<ConfigError> Errors { get; } = [];

        private void Error(string pointer, bool atName, string message)
        {
            var at = yaml.Locate(pointer);
            Errors.Add(new ConfigError(file, atName ? at.KeyLine : at.Line, atName ? at.KeyColumn : at.Column, SafeFile.Excerpt(message, MaxMessage)));
        }

        /// <summary>A value as the file wrote it, for messages.</summary>
        private string Describe(string pointer, JsonElement? value) => value?.ValueKind switch
        {
            JsonValueKind.Object => "a mapping",
            JsonValueKind.Array => "a list",
            JsonValueKind.Null or null => "an empty value",
            _ => $"'{SafeFile.Excerpt(Text(pointer) ?? value.Value.ToString(), 20)}'",
        };

        /// <summary>A scalar's text as written (a plain 5 or true is text where a string is expected).</summary>
        private string? Text(string pointer) => yaml.TryGet(pointer, out var p) ? p.Text : null;

        public void Schema(SchemaViolation v, JsonElement root)
        {
            var value = SchemaCheck.Find(root, v.Pointer);
            var what = Name(v.Pointer);
            var s = SchemaAt(v.AtName ? v.Pointer[..v.Pointer.LastIndexOf('/')] : v.Pointer);

            // Rule ids are checked against the scan's rules below, which covers their form too.
            if (v.EvaluationPath.Contains("/propertyNames", StringComparison.Ordinal)
                || (v.Keyword == "pattern" && s is { } rs && rs.TryGetProperty("pattern", out var rp) && rp.GetString() == "^[Ss][Mm][Ss][0-9]{4}$"))
            {
                return;
            }

            if (v.AtName)
            {
                var name = v.Pointer[(v.Pointer.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                var parent = v.Pointer[..v.Pointer.LastIndexOf('/')];
                var known = s is { } o && o.TryGetProperty("properties", out var props) ? props.EnumerateObject().Select(p => p.Name).ToList() : [];
                var hint = known.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
                Error(v.Pointer, true, hint is not null
                    ? $"unknown key '{SafeFile.Excerpt(name)}' in {Name(parent)}; keys are case-sensitive: did you mean '{hint}'?"
                    : $"unknown key '{SafeFile.Excerpt(name)}' in {Name(parent)}; expected one of: {string.Join(", ", known)}");
                return;
            }

            switch (v.Keyword)
            {
                case "type":
                    var expected = s is { } t && t.TryGetProperty("type", out var type) ? type.GetString() : null;
                    if (expected == "array" && value is { ValueKind: JsonValueKind.Null })
                    {
                        return; // an empty list
                    }

                    if (expected == "string" && value is { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } && Text(v.Pointer) is not null)
                    {
                        return; // a plain scalar is text where text is expected
                    }

                    var subject = what;
                    Error(v.Pointer, false, expected switch
                    {
                        "array" => $"{subject} must be a list, not {Describe(v.Pointer, value)}",
                        "integer" => $"{subject} must be a whole number, not {Describe(v.Pointer, value)}",
                        "number" => $"{subject} must be a number, not {Describe(v.Pointer, value)}",
                        "boolean" => $"{subject} must be true or false, not {Describe(v.Pointer, value)}",
                        "object" when v.Pointer == "/rules/levels" => $"{subject} must map rule ids to levels, not {Describe(v.Pointer, value)}",
                        "object" => $"{subject} must be a mapping of keys to values, not {Describe(v.Pointer, value)}",
                        _ => $"{subject} must be a single value, not {Describe(v.Pointer, value)}",
                    });
                    return;
                case "minimum" or "maximum":
                    Error(v.Pointer, false, $"{what} must be between {Bound(s, "minimum")} and {Bound(s, "maximum")}, not {Text(v.Pointer) ?? value?.GetRawText()}");
                    return;
                case "minLength":
                case "pattern" when s is { } e && e.TryGetProperty("pattern", out var ep) && ep.GetString() == "\\S":
                    Error(v.Pointer, false, $"{what} must not be empty");
                    return;
                case "pattern" when s is { } tp && tp.TryGetProperty("title", out var title):
                    Error(v.Pointer, false, $"{what} must be {title.GetString()}, not {Describe(v.Pointer, value)}");
                    return;
                case "not" when s is { } n && n.TryGetProperty("allOf", out var all) && value is { ValueKind: JsonValueKind.String } glob:
                    // Each refusal of a glob is an allOf entry whose title words it; the ones the value matches apply.
                    foreach (var part in all.EnumerateArray())
                    {
                        if (part.TryGetProperty("title", out var because) && part.TryGetProperty("not", out var not) && not.TryGetProperty("pattern", out var pattern)
                            && System.Text.RegularExpressions.Regex.IsMatch(glob.GetString()!, pattern.GetString()!, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
                        {
                            Error(v.Pointer, false, $"{what}: the glob {Describe(v.Pointer, value)} {because.GetString()}");
                        }
                    }

                    return;
                case "enum" when v.Pointer.StartsWith("/rules/levels/", StringComparison.Ordinal) && value is not { ValueKind: JsonValueKind.String } && Text(v.Pointer) is null:
                    Error(v.Pointer, false, $"{what} must be a single value, not {Describe(v.Pointer, value)}");
                    return;
                case "enum" when v.Pointer.StartsWith("/rules/levels/", StringComparison.Ordinal):
                    Error(v.Pointer, false, $"{what}: unknown level {Describe(v.Pointer, value)}; expected one of: {string.Join(", ", LevelNames)} (to turn a rule off, list it under rules.ignore)");
                    return;
                case "required":
                    var required = s is { } r && r.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
                    foreach (var missing in required.Where(m => value is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(m, out _)))
                    {
                        Error(v.Pointer, false, $"{(what == "a suppression" ? what : what + " entry")} needs '{missing}'" + (missing == "reason" ? ": say why the finding is accepted" : string.Empty));
                    }

                    return;
                default:
                    Error(v.Pointer, false, $"{what}: {v.Message}");
                    return;
            }
        }

        /// <summary>The subschema that applies to an instance pointer of this schema (following properties, items, additionalProperties and $ref).</summary>
        private static JsonElement? SchemaAt(string pointer)
        {
            var root = ConfigLoader.Schema.Value.Root;
            JsonElement current = Deref(root, root);
            foreach (var raw in pointer.Split('/').Skip(1))
            {
                var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                if (current.TryGetProperty("properties", out var props) && props.TryGetProperty(segment, out var named))
                {
                    current = named;
                }
                else if (current.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object)
                {
                    current = items;
                }
                else if (current.TryGetProperty("additionalProperties", out var more) && more.ValueKind == JsonValueKind.Object)
                {
                    current = more;
                }
                else
                {
                    return null;
                }

                current = Deref(root, current);
            }

            return current;
        }

        /// <summary>A subschema with its local $ref followed and merged: the referring object's own keywords (a title, a description) win.</summary>
        private static JsonElement Deref(JsonElement root, JsonElement schema)
        {
            if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("$ref", out var reference) || reference.GetString() is not { } r || !r.StartsWith("#/", StringComparison.Ordinal))
            {
                return schema;
            }

            var target = SchemaCheck.Find(root, r[1..]) ?? schema;
            var merged = new JsonObject();
            foreach (var p in target.EnumerateObject())
            {
                merged[p.Name] = JsonNode.Parse(p.Value.GetRawText());
            }

            foreach (var p in schema.EnumerateObject().Where(p => p.Name != "$ref"))
            {
                merged[p.Name] = JsonNode.Parse(p.Value.GetRawText());
            }

            using var document = JsonDocument.Parse(merged.ToJsonString());
            return document.RootElement.Clone();
        }

        private static string Bound(JsonElement? subschema, string keyword) =>
            subschema is { } s && s.TryGetProperty(keyword, out var b) ? b.GetRawText() : "…";

        /// <summary>What the schema cannot check: rule ids the scan knows, a level given twice, dates that exist, a catalog file that exists.</summary>
        public void ByHand(JsonNode root)
        {
            if (root is not JsonObject top)
            {
                return;
            }

            if (top["rules"] is JsonObject rules)
            {
                foreach (var list in new[] { "select", "ignore" })
                {
                    if (rules[list] is JsonArray items)
                    {
                        for (var i = 0; i < items.Count; i++)
                        {
                            RuleId(items[i], $"/rules/{list}/{i.ToString(CultureInfo.InvariantCulture)}", false);
                        }
                    }
                }

                if (rules["levels"] is JsonObject levels)
                {
                    var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var (id, _) in levels)
                    {
                        var pointer = "/rules/levels/" + SchemaCheck.Escape(id);
                        if (Known(id) is { } rule && !seen.Add(rule))
                        {
                            Error(pointer, true, $"rule '{SafeFile.Excerpt(rule)}' appears twice in 'rules.levels'");
                        }
                        else if (Known(id) is null)
                        {
                            Error(pointer, true, $"'rules.levels': unknown rule id '{SafeFile.Excerpt(id)}' (see 'smslint rules')");
                        }
                    }
                }
            }

            if (top["catalog"] is JsonValue && Text("/catalog") is { } catalog && catalog.Trim().Length > 0
                && !File.Exists(Path.GetFullPath(Path.Combine(directory, catalog.Trim()))))
            {
                Error("/catalog", false, $"'catalog': the file '{SafeFile.Excerpt(catalog.Trim())}' does not exist (paths are relative to the configuration file)");
            }

            if (top["suppressions"] is JsonArray suppressions)
            {
                for (var i = 0; i < suppressions.Count; i++)
                {
                    var at = "/suppressions/" + i.ToString(CultureInfo.InvariantCulture);
                    if (suppressions[i] is not JsonObject s)
                    {
                        continue;
                    }

                    RuleId(s["rule"], at + "/rule", false);
                    if (s["expires"] is JsonValue && Text(at + "/expires") is { } date && Date(date) is null)
                    {
                        Error(at + "/expires", false, $"'suppressions.expires' must be a date written YYYY-MM-DD, not '{SafeFile.Excerpt(date)}'");
                    }
                }
            }
        }

        private static DateOnly? Date(string text) =>
            DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        private string? Known(string id) => ruleIds.FirstOrDefault(known => known.Equals(id.Trim(), StringComparison.OrdinalIgnoreCase));

        private void RuleId(JsonNode? node, string pointer, bool atName)
        {
            if (node is not JsonValue || Text(pointer) is not { } id)
            {
                return;
            }

            if (id.Trim().Length == 0)
            {
                Error(pointer, atName, $"{Name(pointer)} must not be empty");
                return;
            }

            if (Known(id) is null)
            {
                Error(pointer, atName, $"{Name(pointer)}: unknown rule id '{SafeFile.Excerpt(id)}' (see 'smslint rules')");
            }
        }

        /// <summary>The configuration of a tree that passed every check.</summary>
        public SmsLintConfig Build(JsonObject top, string fullPath, SourceText text)
        {
            var levels = new SortedDictionary<string, Level>(StringComparer.Ordinal);
            var rules = top["rules"] as JsonObject;
            if (rules?["levels"] is JsonObject levelMap)
            {
                foreach (var (id, level) in levelMap)
                {
                    Findings.LevelNames.TryParse(level!.GetValue<string>(), out var parsed);
                    levels[Known(id)!] = parsed;
                }
            }

            var limits = top["limits"] as JsonObject;
            var zip = limits?["zip"] as JsonObject;
            var zipLimits = new Discover.ZipLimits();
            if (zip is not null)
            {
                zipLimits = zipLimits with
                {
                    MaxEntries = zip["maxEntries"] is { } e ? Whole(e) : zipLimits.MaxEntries,
                    MaxEntryBytes = zip["maxEntryBytes"] is { } b ? Whole(b) : zipLimits.MaxEntryBytes,
                    MaxTotalBytes = zip["maxTotalBytes"] is { } t ? Whole(t) : zipLimits.MaxTotalBytes,
                    MaxCompressionRatio = zip["maxCompressionRatio"] is JsonValue r ? Number(r) : zipLimits.MaxCompressionRatio,
                };
            }

            return new SmsLintConfig
            {
                FilePath = fullPath,
                Text = text,
                Select = Ids(rules?["select"], "/rules/select"),
                Ignore = Ids(rules?["ignore"], "/rules/ignore"),
                Levels = levels,
                Exclude = Strings(top["exclude"], "/exclude").Select(Glob).ToList(),
                MaxTextFileBytes = limits?["maxTextFileBytes"] is { } m ? Whole(m) : null,
                MaxLineLength = limits?["maxLineLength"] is { } l ? (int)Whole(l) : null,
                MaxFolderDepth = limits?["maxFolderDepth"] is { } d ? (int)Whole(d) : null,
                ZipLimits = zip is null ? null : zipLimits,
                CatalogPath = top["catalog"] is not null && Text("/catalog") is { } c ? Path.GetFullPath(Path.Combine(directory, c.Trim())) : null,
                InlineSuppressions = top["inlineSuppressions"]?.GetValue<bool>(),
                Suppressions = Suppressions(top["suppressions"] as JsonArray, text),
            };
        }

        /// <summary>A whole number the schema accepted, written 10 or 10.0 (both are integers to a schema).</summary>
        private static long Whole(JsonNode value) => value.AsValue().TryGetValue<long>(out var whole) ? whole : (long)value.GetValue<double>();

        private static double Number(JsonValue value) => value.TryGetValue<long>(out var whole) ? whole : value.GetValue<double>();

        private static string Glob(string glob) => glob.Replace('\\', '/');

        private List<string> Strings(JsonNode? node, string pointer) =>
            node is JsonArray items
                ? [.. Enumerable.Range(0, items.Count).Select(i => Text(pointer + "/" + i.ToString(CultureInfo.InvariantCulture))!.Trim())]
                : [];

        private List<string> Ids(JsonNode? node, string pointer) => [.. Strings(node, pointer).Select(id => Known(id)!)];

        private List<DeclaredSuppression> Suppressions(JsonArray? items, SourceText text)
        {
            var result = new List<DeclaredSuppression>();
            for (var i = 0; items is not null && i < items.Count; i++)
            {
                var at = "/suppressions/" + i.ToString(CultureInfo.InvariantCulture);
                var s = items[i]!.AsObject();
                var expires = s["expires"] is not null && Text(at + "/expires") is { } date ? Date(date) : null;
                var position = yaml.Locate(at);
                var start = (int)Math.Clamp(position.Start, 0, text.Length);
                var end = (int)Math.Clamp(position.End, start, text.Length);
                var firstLine = text.GetLineSpan(text.GetLineNumber(start));
                result.Add(new DeclaredSuppression(
                    Known(Text(at + "/rule")!)!,
                    Glob(Text(at + "/path")!.Trim()),
                    Text(at + "/reason")!.Trim(),
                    expires,
                    TextSpan.FromBounds(start, Math.Max(start, Math.Min(end, firstLine.End)))));
            }

            return result;
        }
    }
}

using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace SmsLint.Catalog;

/// <summary>One schema violation: the JSON Pointer of the instance it concerns, and the text to show.</summary>
/// <param name="Pointer">RFC 6901 pointer of the value (for an unknown property: of the property itself).</param>
/// <param name="AtName">True when the position to report is the property's name rather than its value.</param>
/// <param name="Message">Text of the error, without position.</param>
internal sealed record SchemaViolation(string Pointer, bool AtName, string Message)
{
    /// <summary>The failing keyword ("" for an unknown property), so a caller can word the message its own way.</summary>
    public string Keyword { get; init; } = string.Empty;

    /// <summary>The subschema holding the failing keyword, for its title and bounds.</summary>
    public JsonElement? Subschema { get; init; }

    /// <summary>The path through the schema that led to the error (tells, say, 'propertyNames' apart).</summary>
    public string EvaluationPath { get; init; } = string.Empty;
}

/// <summary>
/// A JSON schema shipped with SmsLint (embedded), evaluated with JsonSchema.Net. The library's
/// output is turned into short messages worded from the schema itself: a subschema's
/// <c>title</c> names what a value should be ("a KB id (Q followed by six digits)"), so the
/// wording lives in the schema, next to the constraint.
/// </summary>
internal sealed class SchemaCheck
{
    private readonly JsonSchema schema;
    private readonly JsonDocument document;

    private SchemaCheck(string text)
    {
        document = JsonDocument.Parse(text);
        // Each schema is built into its own registry, so two checks never clash over an $id.
        schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    /// <summary>The schema document, for reading its properties and titles.</summary>
    public JsonElement Root => document.RootElement;

    /// <summary>Loads an embedded schema by its manifest resource name.</summary>
    public static SchemaCheck FromResource(string resourceName)
    {
        using var stream = typeof(SchemaCheck).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return new SchemaCheck(reader.ReadToEnd());
    }

    /// <summary>Every violation of the schema in <paramref name="instance"/>, in document order of the library's output.</summary>
    public IReadOnlyList<SchemaViolation> Evaluate(JsonElement instance) =>
        // One message per place and text, however many paths through the schema led to it.
        EvaluateAll(instance).DistinctBy(v => (v.Pointer, v.AtName, v.Message)).ToList();

    /// <summary>Every violation, one per path through the schema, with its keyword and subschema (see <see cref="SchemaViolation"/>).</summary>
    public IReadOnlyList<SchemaViolation> EvaluateAll(JsonElement instance)
    {
        var results = schema.Evaluate(instance, new EvaluationOptions
        {
            OutputFormat = OutputFormat.Hierarchical,
            RequireFormatValidation = true,
        });
        var violations = new List<SchemaViolation>();
        if (!results.IsValid)
        {
            Collect(results, instance, violations);
        }

        return violations;
    }

    private void Collect(EvaluationResults node, JsonElement instance, List<SchemaViolation> violations)
    {
        if (node.IsValid)
        {
            return;
        }

        var pointer = node.InstanceLocation.ToString();
        if (node.Errors is { Count: > 0 })
        {
            foreach (var (keyword, message) in node.Errors)
            {
                violations.Add(Describe(node, pointer, keyword, message, instance));
            }
        }

        if (node.Details is null)
        {
            return;
        }

        foreach (var child in node.Details)
        {
            // What fails inside an 'if' or a 'not' is how those keywords work, not an error.
            var last = LastSegment(child.EvaluationPath.ToString());
            if (last is "not" && child.IsValid)
            {
                // The library records a failed 'not' as a valid subschema and no message.
                violations.Add(Describe(node, pointer, "not", "must not match the 'not' subschema", instance));
            }

            if (last is "if" or "not")
            {
                continue;
            }

            Collect(child, instance, violations);
        }
    }

    private SchemaViolation Describe(EvaluationResults node, string pointer, string keyword, string libraryMessage, JsonElement instance)
    {
        var evaluationPath = node.EvaluationPath.ToString();
        var subschema = Resolve(node.SchemaLocation);
        var value = Find(instance, pointer);

        // A property 'additionalProperties: false' refuses; a keyword of an additionalProperties subschema is an ordinary error.
        if (keyword.Length == 0 || (LastSegment(evaluationPath) == "additionalProperties" && keyword is not ("type" or "enum" or "const" or "pattern" or "format" or "minimum" or "maximum" or "minLength" or "minItems" or "required" or "not")))
        {
            var name = Unescape(LastSegment(pointer));
            var allowed = subschema is { } s && s.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
                ? "; allowed here: " + string.Join(", ", props.EnumerateObject().Select(p => p.Name))
                : string.Empty;
            return new SchemaViolation(pointer, AtName: true, $"unknown property '{Short(name)}'{allowed}")
            {
                Subschema = subschema,
                EvaluationPath = evaluationPath,
            };
        }

        var text = keyword switch
        {
            "required" => Required(subschema, value, evaluationPath, node.SchemaLocation),
            "type" => $"expected {Expected(subschema)}, found {Found(value)}",
            "pattern" or "format" => Mismatch(subschema, value),
            "enum" => $"{Quoted(value)} is not one of: {string.Join(", ", Strings(subschema, "enum"))}",
            "const" => $"expected {Raw(subschema, "const")}, found {Raw(value)}",
            "minLength" => Number(subschema, "minLength") == "1" ? "must not be empty" : $"must be at least {Number(subschema, "minLength")} characters long",
            "minimum" or "maximum" => $"{Raw(value)} is outside the range {Number(subschema, "minimum") ?? "…"}..{Number(subschema, "maximum") ?? "…"}",
            "minItems" => $"needs at least {Number(subschema, "minItems")} item(s)",
            "not" => Not(subschema) ?? libraryMessage,
            _ => libraryMessage,
        };
        return new SchemaViolation(pointer, AtName: false, text)
        {
            Keyword = keyword,
            Subschema = subschema,
            EvaluationPath = evaluationPath,
        };
    }

    private string Required(JsonElement? subschema, JsonElement? value, string evaluationPath, Uri location)
    {
        var missing = Strings(subschema, "required")
            .Where(name => value is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(name, out _))
            .ToList();
        var names = string.Join(", ", missing.Select(n => $"'{n}'"));
        if (LastSegment(evaluationPath) == "then" && Condition(location) is { } condition)
        {
            return $"{condition} needs property {names}";
        }

        return missing.Count == 1 ? $"missing required property {names}" : $"missing required properties {names}";
    }

    /// <summary>The 'if' beside a 'then' as words (<c>proof "size"</c>, <c>wrongDate</c>), found by following the schema location to the 'then'.</summary>
    private string? Condition(Uri location)
    {
        var fragment = Uri.UnescapeDataString(location.Fragment.TrimStart('#'));
        JsonElement current = Root;
        foreach (var raw in fragment.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Unescape(raw);
            if (segment == "then" && current.ValueKind == JsonValueKind.Object && current.TryGetProperty("if", out var condition))
            {
                if (condition.TryGetProperty("properties", out var props) && props.EnumerateObject().FirstOrDefault() is { Value.ValueKind: JsonValueKind.Object } p
                    && p.Value.TryGetProperty("const", out var c))
                {
                    return $"{p.Name} {c.GetRawText()}";
                }

                return condition.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array
                    ? string.Join(" and ", req.EnumerateArray().Select(r => r.GetString()))
                    : null;
            }

            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                return null;
            }
        }

        return null;
    }

    private static string? Not(JsonElement? subschema)
    {
        if (subschema is { } s && s.TryGetProperty("not", out var not) && not.TryGetProperty("required", out var req))
        {
            var names = req.EnumerateArray().Select(r => r.GetString()).ToList();
            return $"give either {string.Join(" or ", names)}, not both";
        }

        return null;
    }

    private static string Mismatch(JsonElement? subschema, JsonElement? value)
    {
        if (subschema is { } s && s.TryGetProperty("title", out var title))
        {
            return $"{Quoted(value)} is not {title.GetString()}";
        }

        return subschema is { } p && p.TryGetProperty("pattern", out var pattern)
            ? $"{Quoted(value)} does not match the pattern {pattern.GetString()}"
            : $"{Quoted(value)} is not in the expected form";
    }

    private static string Expected(JsonElement? subschema)
    {
        var type = subschema is { } s && s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return type switch
        {
            "integer" => "an integer",
            "number" => "a number",
            "string" => "a string",
            "boolean" => "true or false",
            "object" => "an object",
            "array" => "an array",
            _ => "another kind of value",
        };
    }

    /// <summary>How a JSON value is named in a message.</summary>
    internal static string Found(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => value.Value.TryGetInt64(out _) ? "a number" : "a non-integer number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Quoted(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } s ? $"'{Short(s.GetString()!)}'" : Raw(value);

    private static string Raw(JsonElement? value) => value is { } v ? Short(v.GetRawText()) : "nothing";

    private static string Raw(JsonElement? subschema, string keyword) =>
        subschema is { } s && s.TryGetProperty(keyword, out var v) ? Short(v.GetRawText()) : "another value";

    private static string? Number(JsonElement? subschema, string keyword) =>
        subschema is { } s && s.TryGetProperty(keyword, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;

    private static IEnumerable<string> Strings(JsonElement? subschema, string keyword) =>
        subschema is { } s && s.TryGetProperty(keyword, out var v) && v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText())
            : [];

    private static string Short(string text) => IO.SafeFile.Excerpt(text, 120);

    /// <summary>
    /// The subschema a result came from, found from its schema location's fragment. The fragment
    /// is followed as far as it leads inside this schema (the library may append the name of the
    /// subschema it came through), so the deepest object reached is returned.
    /// </summary>
    private JsonElement? Resolve(Uri location)
    {
        var fragment = Uri.UnescapeDataString(location.Fragment.TrimStart('#'));
        JsonElement current = Root;
        foreach (var raw in fragment.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Unescape(raw);
            if (segment is "additionalProperties")
            {
                break;
            }

            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                break;
            }
        }

        return current.ValueKind == JsonValueKind.Object ? current : null;
    }

    /// <summary>The value at an RFC 6901 pointer, or null when there is none.</summary>
    internal static JsonElement? Find(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var raw in pointer.Split('/').Skip(1))
        {
            var segment = Unescape(raw);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static string LastSegment(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash < 0 ? pointer : pointer[(slash + 1)..];
    }

    /// <summary>Escapes one property name as an RFC 6901 pointer segment.</summary>
    internal static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}

using System.Text.Json;
using SmsLint.Findings;

namespace SmsLint.Writers.Sarif;

/// <summary>One result of a baseline log, keyed by SmsLint's own line-independent fingerprint.</summary>
public sealed record BaselineEntry(
    string Key,
    string RuleId,
    Level Level,
    string Message,
    Location Location,
    IReadOnlyDictionary<string, string> Fingerprints);

/// <summary>A read baseline, or why it could not be read.</summary>
public sealed record BaselineLoadResult(IReadOnlyList<BaselineEntry>? Entries, string? Error);

/// <summary>
/// Baselines: a SARIF log SmsLint wrote earlier (usually with <c>smslint baseline</c>) against
/// which a new scan's results get their SARIF <c>baselineState</c>. Results are matched by the
/// <c>smslint/v1</c> fingerprint (rule, normalised path, subject), never by line, so edits
/// elsewhere in a file do not turn old findings into new ones.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>new</c>: no baseline result has the key.</item>
/// <item><c>unchanged</c>: a baseline result has the key, the same level and the same message.</item>
/// <item><c>updated</c>: a baseline result has the key but another level or message.</item>
/// <item><c>absent</c>: a baseline result that this scan did not find again; it is added to the
/// output with its old level, location and fingerprints (only for rules that ran, on paths that
/// were scanned).</item>
/// </list>
/// Several results with one key are paired in order. Results the baseline itself marked absent are
/// ignored.
/// </remarks>
public static class SarifBaseline
{
    public const string KeyName = "smslint/v1";

    /// <summary>Bigger than any baseline SmsLint writes for a real hierarchy.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Reads a baseline: a regular file (never a FIFO or device) of at most <see cref="MaxBytes"/>
    /// bytes as read. With <paramref name="snapshotRealRoot"/> (a baseline inside the snapshot
    /// folder) it must lie inside the snapshot once links are resolved.
    /// </summary>
    public static BaselineLoadResult Load(string path, string? snapshotRealRoot = null)
    {
        var bytes = IO.SafeFile.ReadUserFile(path, MaxBytes, snapshotRealRoot, out var problem);
        return bytes is null ? Fail($"the baseline '{path}' {problem}") : Parse(bytes, path);
    }

    public static BaselineLoadResult Parse(ReadOnlySpan<byte> json, string name)
    {
        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            // The reader's own message ends in "LineNumber: 0 | BytePositionInLine: 0", zero-based.
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1})" : string.Empty;
            return Fail($"the baseline '{name}' is not a SARIF log: it is not JSON{where}");
        }

        using (doc)
        {
            try
            {
                return Read(doc.RootElement, name);
            }
            catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
            {
                return Fail($"the baseline '{name}' is not a SARIF log SmsLint can read: {IO.SafeFile.Excerpt(ex.Message, 160)}");
            }
        }
    }

    private static BaselineLoadResult Read(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object || Str(root, "version") != "2.1.0")
        {
            return Fail($"the baseline '{name}' is not a SARIF 2.1.0 log");
        }

        if (!root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array || runs.GetArrayLength() == 0)
        {
            return Fail($"the baseline '{name}' has no run");
        }

        var entries = new List<BaselineEntry>();
        foreach (var run in runs.EnumerateArray())
        {
            var driver = run.GetProperty("tool").GetProperty("driver");
            if (Str(driver, "name") != "SmsLint")
            {
                return Fail($"the baseline '{name}' was not written by SmsLint (its tool is '{IO.SafeFile.Excerpt(Str(driver, "name") ?? string.Empty)}')");
            }

            var prefix = run.TryGetProperty("properties", out var props) ? Str(props, "pathPrefix") ?? string.Empty : string.Empty;
            if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
            {
                return Fail($"the baseline '{name}' has a run without results");
            }

            var index = 0;
            foreach (var result in results.EnumerateArray())
            {
                index++;
                if (Str(result, "baselineState") == "absent")
                {
                    continue;
                }

                var ruleId = Str(result, "ruleId");
                var prints = new Dictionary<string, string>(StringComparer.Ordinal);
                if (result.TryGetProperty("partialFingerprints", out var p) && p.ValueKind == JsonValueKind.Object)
                {
                    foreach (var x in p.EnumerateObject().Where(x => x.Value.ValueKind == JsonValueKind.String))
                    {
                        if (!prints.TryAdd(x.Name, x.Value.GetString()!))
                        {
                            return Fail($"result {index} of the baseline '{name}' has the fingerprint '{IO.SafeFile.Excerpt(x.Name)}' more than once");
                        }
                    }
                }
                if (ruleId is null || !prints.TryGetValue(KeyName, out var key))
                {
                    return Fail($"result {index} of the baseline '{name}' has no ruleId or no '{KeyName}' fingerprint; write baselines with 'smslint baseline'");
                }

                LevelNames.TryParse(Str(result, "level") ?? "warning", out var level);
                var message = SarifWriter.WithoutRelatedLinks(result.TryGetProperty("message", out var m) ? Str(m, "text") ?? string.Empty : string.Empty);
                entries.Add(new BaselineEntry(key, ruleId, level, message, ReadLocation(result, prefix), new SortedDictionary<string, string>(prints, StringComparer.Ordinal)));
            }
        }

        return new BaselineLoadResult(entries, null);
    }

    private static Location ReadLocation(JsonElement result, string prefix)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array || locations.GetArrayLength() == 0
            || !locations[0].TryGetProperty("physicalLocation", out var physical))
        {
            return Location.ForFile(string.Empty);
        }

        var uri = physical.TryGetProperty("artifactLocation", out var artifact) ? Str(artifact, "uri") ?? string.Empty : string.Empty;
        var path = Uri.UnescapeDataString(uri);
        if (prefix.Length > 0 && path.StartsWith(prefix, StringComparison.Ordinal))
        {
            path = path[prefix.Length..];
        }

        if (!physical.TryGetProperty("region", out var region))
        {
            return Location.ForFile(path);
        }

        var startLine = Int(region, "startLine", 1);
        var startColumn = Int(region, "startColumn", 1);
        var r = new Region(
            startLine,
            startColumn,
            Int(region, "endLine", startLine),
            Int(region, "endColumn", startColumn),
            Int(region, "charOffset", 0),
            Int(region, "charLength", 0));

        // A region SARIF's schema would reject (lines and columns from 1, the end not before the
        // start, offsets from 0) is not copied into an absent result: the file alone is located.
        if (r.StartLine < 1 || r.StartColumn < 1 || r.EndLine < r.StartLine || r.EndColumn < 1
            || (r.EndLine == r.StartLine && r.EndColumn < r.StartColumn) || r.CharOffset < 0 || r.CharLength < 0)
        {
            return Location.ForFile(path);
        }

        var snippet = region.TryGetProperty("snippet", out var s) ? Str(s, "text") : null;
        return new Location(path, r, snippet);
    }

    /// <summary>
    /// Gives every current finding its baselineState and appends the absent ones.
    /// <paramref name="inScope"/> says whether a baseline result could have been found by this run
    /// (its rule ran and its file was scanned); those that could not are not reported absent.
    /// </summary>
    public static List<Finding> Compare(
        IReadOnlyList<Finding> current,
        IReadOnlyList<BaselineEntry> baseline,
        IReadOnlyList<RuleDescriptor> rules,
        Func<BaselineEntry, bool> inScope)
    {
        var byKey = new Dictionary<string, Queue<BaselineEntry>>(StringComparer.Ordinal);
        foreach (var entry in baseline)
        {
            if (!byKey.TryGetValue(entry.Key, out var queue))
            {
                byKey[entry.Key] = queue = new Queue<BaselineEntry>();
            }

            queue.Enqueue(entry);
        }

        var result = new List<Finding>(current.Count);
        foreach (var f in current)
        {
            var key = f.Fingerprints.GetValueOrDefault(KeyName);
            string state;
            if (key is not null && byKey.TryGetValue(key, out var queue) && queue.TryDequeue(out var old))
            {
                state = old.Level == f.Level && old.Message == SarifWriter.Sentence(f.Message) ? "unchanged" : "updated";
            }
            else
            {
                state = "new";
            }

            result.Add(f with { BaselineState = state });
        }

        var descriptors = rules.ToDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        var leftovers = new HashSet<BaselineEntry>(byKey.Values.SelectMany(q => q), ReferenceEqualityComparer.Instance);
        foreach (var entry in baseline)
        {
            if (leftovers.Contains(entry) && descriptors.TryGetValue(entry.RuleId, out var rule) && inScope(entry))
            {
                result.Add(new Finding(rule, entry.Level, entry.Message, entry.Location, [], string.Empty)
                {
                    Fingerprints = entry.Fingerprints,
                    BaselineState = "absent",
                });
            }
        }

        return result;
    }

    private static BaselineLoadResult Fail(string message) => new(null, message);

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name, int fallback) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : fallback;
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using SmsLint.Text;

namespace SmsLint.Capture;

/// <summary>What happened to one share of a capture (contract §7).</summary>
public static class ShareOutcomes
{
    public const string Captured = "captured";

    public const string Unreachable = "unreachable";
}

/// <summary>One share of a capture: its snapshot folder, where it was read from, and how it went.</summary>
/// <param name="Path">"DC01/SMSLOGON": the share's folder relative to the snapshot root.</param>
/// <param name="Source">The source as given (local folder, UNC path or smb:// URL), never with credentials.</param>
/// <param name="Outcome"><see cref="ShareOutcomes.Captured"/> or <see cref="ShareOutcomes.Unreachable"/>.</param>
/// <param name="Reason">Why the share could not be read (for example NT_STATUS_HOST_UNREACHABLE).</param>
public sealed record CaptureShare(string Path, string Source, string Outcome, string? Reason = null)
{
    /// <summary>Where the share's object starts in capture.json (set when the manifest was read from text).</summary>
    public TextSpan? Span { get; init; }

    public bool IsUnreachable => Outcome.Equals(ShareOutcomes.Unreachable, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// One file of a capture: size, last-write time (UTC) and the attributes the source reported.
/// <see cref="Reason"/> is set when the file was listed but not copied (unreadable, over a size limit).
/// </summary>
public sealed record CaptureFile(string Path, long Size, DateTime? LastWrite, bool? ReadOnly, bool? Hidden, string? Reason = null)
{
    public TextSpan? Span { get; init; }

    /// <summary>Listed at the source but not copied into the snapshot.</summary>
    public bool NotCopied => Reason is not null;
}

/// <summary>
/// capture.json at the snapshot root (contract §7). The capture command writes it; the scanner reads
/// it when present so rules can use file times and attributes. Paths are relative to the snapshot
/// root with forward slashes and compared case-insensitively.
/// </summary>
public sealed class CaptureManifest
{
    /// <summary>The file name at the snapshot root.</summary>
    public const string FileName = "capture.json";

    public const int CurrentVersion = 1;

    private readonly Dictionary<string, CaptureFile> _files = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CaptureShare> _shares = new(StringComparer.OrdinalIgnoreCase);

    public CaptureManifest(int version, string tool, DateTime? started, DateTime? finished, IReadOnlyList<CaptureShare> shares, IReadOnlyList<CaptureFile> files)
    {
        Version = version;
        Tool = tool;
        Started = started;
        Finished = finished;
        Shares = shares;
        Files = files;
        foreach (var share in shares)
        {
            _shares.TryAdd(share.Path.TrimEnd('/'), share);
        }

        foreach (var file in files)
        {
            _files.TryAdd(file.Path, file);
        }
    }

    public int Version { get; }

    public string Tool { get; }

    public DateTime? Started { get; }

    public DateTime? Finished { get; }

    public IReadOnlyList<CaptureShare> Shares { get; }

    public IReadOnlyList<CaptureFile> Files { get; }

    /// <summary>The recorded facts of a snapshot file, or null (unknown time and attributes).</summary>
    public CaptureFile? File(string path) => _files.GetValueOrDefault(path);

    /// <summary>The share record of "MACHINE/SHARE", or null when the manifest does not list it.</summary>
    public CaptureShare? Share(string machineAndShare) => _shares.GetValueOrDefault(machineAndShare);

    /// <summary>The share record of a machine and share name.</summary>
    public CaptureShare? Share(string machine, string share) => Share($"{machine}/{share}");

    public IEnumerable<CaptureShare> Unreachable => Shares.Where(s => s.IsUnreachable);

    /// <summary>Writes the manifest as indented UTF-8 JSON (no BOM), one share or file object per line.</summary>
    public byte[] ToJson()
    {
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append("  \"version\": ").Append(Version.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        sb.Append("  \"tool\": ").Append(Quote(Tool)).Append(",\n");
        sb.Append("  \"started\": ").Append(Quote(Started is { } s ? FormatTime(s) : null)).Append(",\n");
        sb.Append("  \"finished\": ").Append(Quote(Finished is { } f ? FormatTime(f) : null)).Append(",\n");
        sb.Append("  \"shares\": [");
        for (var i = 0; i < Shares.Count; i++)
        {
            var share = Shares[i];
            sb.Append(i == 0 ? "\n" : ",\n").Append("    { \"path\": ").Append(Quote(share.Path))
                .Append(", \"source\": ").Append(Quote(share.Source))
                .Append(", \"outcome\": ").Append(Quote(share.Outcome));
            if (share.Reason is { } reason)
            {
                sb.Append(", \"reason\": ").Append(Quote(reason));
            }

            sb.Append(" }");
        }

        sb.Append(Shares.Count == 0 ? "],\n" : "\n  ],\n");
        sb.Append("  \"files\": [");
        for (var i = 0; i < Files.Count; i++)
        {
            var file = Files[i];
            sb.Append(i == 0 ? "\n" : ",\n").Append("    { \"path\": ").Append(Quote(file.Path))
                .Append(", \"size\": ").Append(file.Size.ToString(CultureInfo.InvariantCulture))
                .Append(", \"lastWrite\": ").Append(Quote(file.LastWrite is { } w ? FormatTime(w) : null))
                .Append(", \"readOnly\": ").Append(Bool(file.ReadOnly))
                .Append(", \"hidden\": ").Append(Bool(file.Hidden));
            if (file.Reason is { } reason)
            {
                sb.Append(", \"copied\": false, \"reason\": ").Append(Quote(reason));
            }

            sb.Append(" }");
        }

        sb.Append(Files.Count == 0 ? "]\n" : "\n  ]\n");
        sb.Append("}\n");
        return new UTF8Encoding(false).GetBytes(sb.ToString());
    }

    /// <summary>"2000-06-02T14:31:07Z": UTC, whole seconds.</summary>
    public static string FormatTime(DateTime time) =>
        DateTime.SpecifyKind(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Bool(bool? value) => value switch { true => "true", false => "false", null => "null" };

    private static string Quote(string? value) => value is null ? "null" : JsonSerializer.Serialize(value, CaptureJsonContext.Options);

    /// <summary>
    /// Reads capture.json. Unknown keys are ignored (more may be added); a missing or wrongly typed
    /// required key is an error with its position.
    /// </summary>
    public static CaptureManifestReadResult Read(byte[] utf8, SourceText? text = null)
    {
        if (utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        var errors = new List<(int Offset, string Message)>();
        var shares = new List<CaptureShare>();
        var files = new List<CaptureFile>();
        var version = 0;
        string tool = string.Empty;
        DateTime? started = null, finished = null;
        var offsets = new CharOffsets(utf8);
        try
        {
            using var doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail(0, "capture.json must hold one JSON object");
            }

            var spans = ObjectStarts(utf8);
            if (root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n))
            {
                version = n;
            }
            else
            {
                errors.Add((0, "\"version\" must be a whole number"));
            }

            if (version > CurrentVersion)
            {
                errors.Add((0, $"\"version\" is {version}; this SmsLint reads version {CurrentVersion}"));
            }

            tool = root.TryGetProperty("tool", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
            started = Time(root, "started", errors);
            finished = Time(root, "finished", errors);
            var index = 0;
            if (root.TryGetProperty("shares", out var sharesElement) && sharesElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in sharesElement.EnumerateArray())
                {
                    var at = spans.Shares.Count > index ? spans.Shares[index] : 0;
                    index++;
                    var path = Str(item, "path");
                    var outcome = Str(item, "outcome");
                    if (path is null || outcome is null)
                    {
                        errors.Add((at, "each share needs \"path\" and \"outcome\" strings"));
                        continue;
                    }

                    shares.Add(new CaptureShare(NormalisePath(path), Str(item, "source") ?? string.Empty, outcome, Str(item, "reason")) { Span = Span(offsets, at, text) });
                }
            }

            index = 0;
            if (root.TryGetProperty("files", out var filesElement) && filesElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in filesElement.EnumerateArray())
                {
                    var at = spans.Files.Count > index ? spans.Files[index] : 0;
                    index++;
                    var path = Str(item, "path");
                    if (path is null)
                    {
                        errors.Add((at, "each file needs a \"path\" string"));
                        continue;
                    }

                    var size = item.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var sz) ? sz : 0;
                    var fileErrors = new List<(int, string)>();
                    var lastWrite = Time(item, "lastWrite", fileErrors);
                    if (fileErrors.Count > 0)
                    {
                        errors.Add((at, $"file \"{path}\": {fileErrors[0].Item2}"));
                    }

                    var reason = item.TryGetProperty("copied", out var copied) && copied.ValueKind == JsonValueKind.False
                        ? Str(item, "reason") ?? "was not copied"
                        : null;
                    files.Add(new CaptureFile(NormalisePath(path), size, lastWrite, Flag(item, "readOnly"), Flag(item, "hidden"), reason) { Span = Span(offsets, at, text) });
                }
            }
        }
        catch (JsonException ex)
        {
            var offset = ex.LineNumber is long line && text is not null && line + 1 <= text.LineCount
                ? text.GetLineSpan((int)line + 1).Start + (int)Math.Min(ex.BytePositionInLine ?? 0, text.GetLineSpan((int)line + 1).Length)
                : 0;
            return Fail(offset, $"is not valid JSON ({FirstSentence(ex.Message)})");
        }

        var manifest = new CaptureManifest(version, tool, started, finished, shares, files);
        return new CaptureManifestReadResult(manifest, [.. errors.Select(e => (offsets.Char(e.Offset), e.Message))]);

        CaptureManifestReadResult Fail(int offset, string message) => new(null, [(offset, message)]);
    }

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return (dot > 0 ? message[..dot] : message).TrimEnd('.');
    }

    private static TextSpan? Span(CharOffsets offsets, int byteOffset, SourceText? text)
    {
        if (text is null)
        {
            return null;
        }

        var start = Math.Clamp(offsets.Char(byteOffset), 0, text.Length);
        var line = text.GetLineSpan(text.GetLineNumber(start));
        return new TextSpan(start, Math.Max(0, line.End - start));
    }

    /// <summary>Forward slashes, no leading or trailing slash.</summary>
    public static string NormalisePath(string path) => path.Replace('\\', '/').Trim('/');

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static bool? Flag(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) ? p.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null } : null;

    private static DateTime? Time(JsonElement e, string name, List<(int, string)> errors)
    {
        if (!e.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (p.ValueKind == JsonValueKind.String
            && DateTime.TryParse(p.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            && p.GetString()!.EndsWith('Z'))
        {
            return DateTime.SpecifyKind(value, DateTimeKind.Utc);
        }

        errors.Add((0, $"\"{name}\" must be a UTC time like \"2000-06-02T14:31:07Z\""));
        return null;
    }

    /// <summary>Byte offsets of the objects inside the top-level "shares" and "files" arrays, in order.</summary>
    private static (List<int> Shares, List<int> Files) ObjectStarts(byte[] utf8)
    {
        var shares = new List<int>();
        var files = new List<int>();
        var reader = new Utf8JsonReader(utf8);
        List<int>? current = null;
        string? property = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName when reader.CurrentDepth == 1:
                    property = reader.GetString();
                    break;
                case JsonTokenType.StartArray when reader.CurrentDepth == 1:
                    current = property == "shares" ? shares : property == "files" ? files : null;
                    break;
                case JsonTokenType.EndArray when reader.CurrentDepth == 1:
                    current = null;
                    break;
                case JsonTokenType.StartObject when reader.CurrentDepth == 2 && current is not null:
                    current.Add((int)reader.TokenStartIndex);
                    break;
            }
        }

        return (shares, files);
    }

    /// <summary>Converts UTF-8 byte offsets to UTF-16 character offsets.</summary>
    private sealed class CharOffsets(byte[] utf8)
    {
        public int Char(int byteOffset)
        {
            byteOffset = Math.Clamp(byteOffset, 0, utf8.Length);
            return Encoding.UTF8.GetCharCount(utf8, 0, byteOffset);
        }
    }
}

/// <summary>The manifest (null when it could not be read at all) and the errors, as (character offset, message).</summary>
public sealed record CaptureManifestReadResult(CaptureManifest? Manifest, IReadOnlyList<(int Offset, string Message)> Errors);

internal static class CaptureJsonContext
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

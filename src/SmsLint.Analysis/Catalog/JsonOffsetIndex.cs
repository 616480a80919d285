using System.Globalization;
using System.Text.Json;

namespace SmsLint.Catalog;

/// <summary>
/// Where each value of a JSON text starts, by its JSON Pointer, so a schema error (which names a
/// pointer) can be reported at file(line,column). Built in one pass of <see cref="Utf8JsonReader"/>,
/// which also finds what a schema cannot see: a property given twice in one object.
/// </summary>
internal sealed class JsonOffsetIndex
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly byte[] bytes;
    private readonly int bomLength;
    private readonly List<long> lineStarts = [0];

    /// <summary>Where one value is: its first byte, its property name's first byte (or the value's), and its $-path for messages.</summary>
    internal readonly record struct Entry(long ValueOffset, long NameOffset, string Path);

    private JsonOffsetIndex(byte[] bytes, int bomLength)
    {
        this.bytes = bytes;
        this.bomLength = bomLength;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    /// <summary>Properties given twice in one object: the $-path, where the second name is, where the first is.</summary>
    public List<(string Path, long NameOffset, long FirstNameOffset)> Duplicates { get; } = [];

    /// <summary>Why the text is not JSON ("invalid JSON: …"), or null when it parsed.</summary>
    public string? SyntaxError { get; private set; }

    /// <summary>Line and column of <see cref="SyntaxError"/>.</summary>
    public (long Line, long Column) SyntaxPosition { get; private set; }

    /// <summary>
    /// Indexes <paramref name="bytes"/> (a UTF-8 byte order mark is skipped). Malformed JSON sets
    /// <see cref="SyntaxError"/>. Invalid UTF-8 in a string throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public static JsonOffsetIndex Build(byte[] bytes)
    {
        var bom = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var index = new JsonOffsetIndex(bytes, bom);
        var reader = new Utf8JsonReader(bytes.AsSpan(bom), new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = MaxDepth,
        });
        try
        {
            if (!reader.Read())
            {
                throw new TruncatedJsonException(0);
            }

            index.Value(ref reader, string.Empty, "$", reader.TokenStartIndex);

            // Lets the reader reject anything after the root value.
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            index.SyntaxError = "invalid JSON: " + TrimPosition(ex.Message);
            index.SyntaxPosition = ((ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1);
        }
        catch (TruncatedJsonException ex)
        {
            index.SyntaxError = "invalid JSON: the text ends before the value is complete";
            index.SyntaxPosition = index.Position(ex.Offset);
        }

        return index;
    }

    /// <summary>How deeply the text may nest.</summary>
    public const int MaxDepth = 64;

    /// <summary>Drops the " LineNumber: … | BytePositionInLine: …" tail System.Text.Json appends; the position is reported separately.</summary>
    public static string TrimPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd();
    }

    /// <summary>The JSON text without its byte order mark.</summary>
    public ReadOnlyMemory<byte> Json => bytes.AsMemory(bomLength);

    /// <summary>The entry of a pointer, or of its nearest indexed parent (the root at worst).</summary>
    public Entry Locate(string pointer)
    {
        while (true)
        {
            if (entries.TryGetValue(pointer, out var entry))
            {
                return entry;
            }

            if (pointer.Length == 0)
            {
                return new Entry(0, 0, "$");
            }

            pointer = pointer[..pointer.LastIndexOf('/')];
        }
    }

    /// <summary>The pointer of a $-path as System.Text.Json writes it in a <see cref="JsonException"/> ($.a[0].b or $['a b']).</summary>
    public string? PointerOf(string? dollarPath) =>
        dollarPath is null ? null : entries.FirstOrDefault(kv => kv.Value.Path == dollarPath).Key;

    /// <summary>1-based line and column of a byte offset in the text after the BOM (columns count characters, not bytes).</summary>
    public (long Line, long Column) Position(long offset)
    {
        offset = Math.Clamp(offset + bomLength, 0, bytes.Length);
        var line = lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var column = 1L;
        for (var i = lineStarts[line]; i < offset; i++)
        {
            // Count UTF-8 lead bytes only, so a multi-byte character is one column.
            if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line + 1, column);
    }

    /// <summary>"line L, column C" of a byte offset, for messages that point at a second place.</summary>
    public string Describe(long offset)
    {
        var (line, column) = Position(offset);
        return string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}");
    }

    private void Value(ref Utf8JsonReader reader, string pointer, string path, long nameOffset)
    {
        entries[pointer] = new Entry(reader.TokenStartIndex, nameOffset, path);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var seen = new Dictionary<string, long>(StringComparer.Ordinal);
                while (Next(ref reader) != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    var at = reader.TokenStartIndex;
                    var child = pointer + "/" + SchemaCheck.Escape(name);
                    Next(ref reader);
                    if (!seen.TryAdd(name, at))
                    {
                        Duplicates.Add((path + "." + name, at, seen[name]));
                        reader.Skip();
                        continue;
                    }

                    Value(ref reader, child, path + "." + name, at);
                }

                break;

            case JsonTokenType.StartArray:
                var i = 0;
                while (Next(ref reader) != JsonTokenType.EndArray)
                {
                    var n = i.ToString(CultureInfo.InvariantCulture);
                    Value(ref reader, pointer + "/" + n, path + "[" + n + "]", reader.TokenStartIndex);
                    i++;
                }

                break;
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new TruncatedJsonException(reader.BytesConsumed);
        }

        return reader.TokenType;
    }
}

/// <summary>The JSON text ends before its value does (<see cref="Utf8JsonReader"/> simply stops reading).</summary>
internal sealed class TruncatedJsonException(long offset) : Exception("the JSON text ends early")
{
    public long Offset { get; } = offset;
}

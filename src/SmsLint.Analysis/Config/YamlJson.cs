using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SmsLint.Catalog;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SmsLint.Config;

/// <summary>Where one YAML node is: its value, the key that names it (the value itself when none), its extent, and a scalar's text as written.</summary>
/// <param name="Line">1-based line of the value.</param>
/// <param name="Column">1-based column of the value.</param>
/// <param name="KeyLine">1-based line of the key naming the value (the value's own line in a list or at the root).</param>
/// <param name="KeyColumn">1-based column of that key.</param>
/// <param name="Start">Character offset where the value starts.</param>
/// <param name="End">Character offset where the value ends.</param>
/// <param name="Text">A scalar's text as written, or null for a mapping or list.</param>
public readonly record struct YamlPosition(int Line, int Column, int KeyLine, int KeyColumn, long Start, long End, string? Text);

/// <summary>
/// A YAML document read into a <see cref="JsonNode"/> tree for schema evaluation, with the position
/// of every node by its RFC 6901 JSON Pointer, built from the parser's events (no recursion, so
/// depth is bounded before anything nests). Plain scalars take their YAML 1.1 core types (whole
/// numbers, decimals, true/false, null); quoted scalars are always strings.
/// </summary>
public sealed partial class YamlJson
{
    private readonly Dictionary<string, YamlPosition> positions = new(StringComparer.Ordinal);

    private YamlJson()
    {
    }

    /// <summary>The document's root (null for an empty file or a null document).</summary>
    public JsonNode? Root { get; private set; }

    /// <summary>Problems of the YAML itself (syntax, nesting, repeated or complex keys), with their marks.</summary>
    public List<(int Line, int Column, string Message)> Errors { get; } = [];

    /// <summary>True when the text could not be read into a tree at all.</summary>
    public bool Failed { get; private set; }

    /// <summary>The position of a pointer, or of its nearest recorded parent (the start of the file at worst).</summary>
    public YamlPosition Locate(string pointer)
    {
        while (true)
        {
            if (positions.TryGetValue(pointer, out var position))
            {
                return position;
            }

            if (pointer.Length == 0)
            {
                return new YamlPosition(1, 1, 1, 1, 0, 0, null);
            }

            pointer = pointer[..pointer.LastIndexOf('/')];
        }
    }

    /// <summary>The position recorded for exactly this pointer.</summary>
    public bool TryGet(string pointer, out YamlPosition position) => positions.TryGetValue(pointer, out position);

    private sealed class Frame(JsonNode node, string? pointer, long countAtStart, string? anchor)
    {
        public JsonNode Node { get; } = node;

        public string? Pointer { get; } = pointer;

        public long CountAtStart { get; } = countAtStart;

        public string? Anchor { get; } = anchor;

        public int Items { get; set; }

        public bool ExpectKey { get; set; } = true;

        public string? Key { get; set; }

        public Mark KeyMark { get; set; } = Mark.Empty;

        public bool Discard { get; set; }

        /// <summary>The key being read is a mapping or list: it is built, refused and dropped, and so is its value.</summary>
        public bool ComplexKey { get; set; }

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Reads <paramref name="text"/>; at most <paramref name="maxNesting"/> levels and <paramref name="maxNodes"/> nodes (aliases included).</summary>
    public static YamlJson Read(string text, int maxNesting, long maxNodes)
    {
        var result = new YamlJson();
        try
        {
            result.Build(new Parser(new StringReader(text)), maxNesting, maxNodes);
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && ex.Message.Contains("see inner", StringComparison.OrdinalIgnoreCase) ? inner.Message : ex.Message;
            result.Fail((int)ex.Start.Line, (int)ex.Start.Column, $"not valid YAML: {IO.SafeFile.Excerpt(message, 200)}");
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet gives up on some malformed input with these instead of a YamlException.
            result.Fail(1, 1, $"not valid YAML: {IO.SafeFile.Excerpt(ex.Message, 200)}");
        }

        return result;
    }

    private void Fail(int line, int column, string message)
    {
        Failed = true;
        Errors.Clear();
        Errors.Add((Math.Max(1, line), Math.Max(1, column), message));
    }

    private void Build(IParser parser, int maxNesting, long maxNodes)
    {
        var stack = new Stack<Frame>();
        var anchors = new Dictionary<string, (JsonNode? Node, long Size)>(StringComparer.Ordinal);
        var documents = 0;
        long count = 0;
        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            switch (ev)
            {
                case DocumentStart:
                    if (++documents > 1)
                    {
                        // Reported where the second document's content begins.
                        parser.MoveNext();
                        var at = parser.Current?.Start ?? ev.Start;
                        Fail((int)at.Line, (int)at.Column, "the file holds more than one YAML document; put everything in one");
                        return;
                    }

                    continue;
                case MappingEnd or SequenceEnd:
                    var done = stack.Pop();
                    if (done.Pointer is not null && positions.TryGetValue(done.Pointer, out var p))
                    {
                        positions[done.Pointer] = p with { End = ev.End.Index };
                    }

                    if (done.Anchor is not null)
                    {
                        anchors[done.Anchor] = (done.Node, count - done.CountAtStart);
                    }

                    continue;
                case not (Scalar or MappingStart or SequenceStart or AnchorAlias):
                    continue;
            }

            // A key of a mapping: a scalar names the next value; anything else is refused with its value.
            if (stack.TryPeek(out var parent) && parent.Node is JsonObject && parent.ExpectKey)
            {
                parent.ExpectKey = false;
                parent.Discard = false;
                if (ev is Scalar { Value: var key })
                {
                    parent.Key = key;
                    parent.KeyMark = ev.Start;
                    if (!parent.Seen.Add(key))
                    {
                        Errors.Add(((int)ev.Start.Line, (int)ev.Start.Column, $"key '{IO.SafeFile.Excerpt(key)}' appears twice in {ConfigLoader.Name(parent.Pointer ?? string.Empty)}"));
                        parent.Discard = true;
                    }

                    continue;
                }

                Errors.Add(((int)ev.Start.Line, (int)ev.Start.Column, $"keys in {ConfigLoader.Name(parent.Pointer ?? string.Empty)} must be plain names"));
                parent.Discard = true;
                parent.ComplexKey = true;
                parent.Key = null;

                // The key's own subtree is built and dropped below.
            }

            if (++count > maxNodes)
            {
                Fail((int)ev.Start.Line, (int)ev.Start.Column, $"the file holds more than {maxNodes.ToString(CultureInfo.InvariantCulture)} values");
                return;
            }

            JsonNode? node;
            string? text = null;
            string? anchor = null;
            switch (ev)
            {
                case Scalar scalar:
                    node = Value(scalar);
                    text = scalar.Value;
                    anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                    break;
                case MappingStart m:
                    node = new JsonObject();
                    anchor = m.Anchor.IsEmpty ? null : m.Anchor.Value;
                    break;
                case SequenceStart s:
                    node = new JsonArray();
                    anchor = s.Anchor.IsEmpty ? null : s.Anchor.Value;
                    break;
                default:
                    var alias = ((AnchorAlias)ev).Value.Value;
                    if (!anchors.TryGetValue(alias, out var target))
                    {
                        Fail((int)ev.Start.Line, (int)ev.Start.Column, $"not valid YAML: the alias '*{IO.SafeFile.Excerpt(alias)}' names no anchor");
                        return;
                    }

                    count += target.Size;
                    if (count > maxNodes)
                    {
                        Fail((int)ev.Start.Line, (int)ev.Start.Column, $"the file holds more than {maxNodes.ToString(CultureInfo.InvariantCulture)} values (counting what its aliases repeat)");
                        return;
                    }

                    node = target.Node?.DeepClone();
                    text = node is JsonValue v ? v.ToString() : null;
                    break;
            }

            var pointer = Place(stack, node, out var keyMark);
            if (pointer is not null)
            {
                var key = keyMark ?? ev.Start;
                positions[pointer] = new YamlPosition((int)ev.Start.Line, (int)ev.Start.Column, (int)key.Line, (int)key.Column, ev.Start.Index, ev.End.Index, text);
                if (ev is AnchorAlias && node is not null)
                {
                    Record(node, pointer, positions[pointer]);
                }
            }

            if (ev is MappingStart or SequenceStart)
            {
                if (stack.Count >= maxNesting)
                {
                    Fail((int)ev.Start.Line, (int)ev.Start.Column, $"mappings and lists nest more than {maxNesting.ToString(CultureInfo.InvariantCulture)} levels deep");
                    return;
                }

                stack.Push(new Frame(node!, pointer, count, anchor));
            }
            else if (anchor is not null)
            {
                anchors[anchor] = (node, 1);
            }
        }
    }

    /// <summary>Puts a node into its parent; returns its pointer, or null when it is dropped (a refused key or its value).</summary>
    private string? Place(Stack<Frame> stack, JsonNode? node, out Mark? keyMark)
    {
        keyMark = null;
        if (!stack.TryPeek(out var parent))
        {
            Root = node;
            return string.Empty;
        }

        string? pointer = null;
        if (parent.Node is JsonArray array)
        {
            pointer = parent.Pointer is null ? null : parent.Pointer + "/" + parent.Items.ToString(CultureInfo.InvariantCulture);
            parent.Items++;
            array.Add(node);
        }
        else if (parent.Node is JsonObject obj)
        {
            if (parent.ComplexKey)
            {
                // A refused (non-scalar) key: built, then dropped; its value, which comes next, is dropped too.
                parent.ComplexKey = false;
                return null;
            }

            parent.ExpectKey = true;
            if (!parent.Discard && parent.Key is { } key)
            {
                obj[key] = node;
                keyMark = parent.KeyMark;
                pointer = parent.Pointer is null ? null : parent.Pointer + "/" + SchemaCheck.Escape(key);
            }
        }

        return pointer;
    }

    /// <summary>Gives every node copied by an alias the alias's position.</summary>
    private void Record(JsonNode node, string pointer, YamlPosition at)
    {
        var pending = new Stack<(JsonNode Node, string Pointer)>();
        pending.Push((node, pointer));
        while (pending.Count > 0)
        {
            var (current, path) = pending.Pop();
            positions[path] = at with { KeyLine = at.Line, KeyColumn = at.Column, Text = current is JsonValue v ? v.ToString() : null };
            if (current is JsonObject o)
            {
                foreach (var (k, child) in o)
                {
                    if (child is not null)
                    {
                        pending.Push((child, path + "/" + SchemaCheck.Escape(k)));
                    }
                }
            }
            else if (current is JsonArray a)
            {
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } child)
                    {
                        pending.Push((child, path + "/" + i.ToString(CultureInfo.InvariantCulture)));
                    }
                }
            }
        }
    }

    /// <summary>True for a plain scalar YAML reads as null.</summary>
    public static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    private static JsonNode? Value(Scalar scalar)
    {
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(scalar.Value);
        }

        var text = scalar.Value;
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (WholeNumber().IsMatch(text)
            && long.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        if (Decimal().IsMatch(text)
            && double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex("^[-+]?[0-9][0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^[-+]?([0-9][0-9_]*)?\.[0-9_]+([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Decimal();
}

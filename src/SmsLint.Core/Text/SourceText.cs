namespace SmsLint.Text;

/// <summary>
/// Decoded text of one file with its line map. Lines end at CRLF, LF or a lone CR, as the
/// Windows command interpreter and the INI readers of the time accept all three.
/// </summary>
/// <remarks>
/// Once a file is parsed, the loader calls <see cref="Compact"/>: a text whose every character is
/// below U+0100 (ASCII, and nearly all Windows-1252 text) is then kept as one byte a character
/// instead of two, and <see cref="Text"/> makes a new string from those bytes on each call. The
/// syntax trees hold their own token strings, so the rules rarely need the whole text; slices,
/// characters, lines and positions are read from the bytes directly (issue 14.3).
/// </remarks>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    /// <summary>The text: a string, or after <see cref="Compact"/> its Latin-1 bytes (one a character, all below U+0100).</summary>
    private object _content;

    public SourceText(string text)
    {
        _content = text;
        Length = text.Length;
        (_lineStarts, LongestLineLength, LongestLineNumber) = ComputeLineStarts(text);
    }

    /// <summary>The whole text. On a compacted text every call builds a new string: prefer <see cref="Slice"/> and the indexer.</summary>
    public string Text => _content as string ?? System.Text.Encoding.Latin1.GetString((byte[])_content);

    public int Length { get; }

    /// <summary>The character at <paramref name="index"/>.</summary>
    public char this[int index] => _content is string s ? s[index] : (char)((byte[])_content)[index];

    /// <summary>True once the text is kept as one byte a character.</summary>
    public bool IsCompact => _content is byte[];

    /// <summary>
    /// Keeps the text as one byte a character when every character is below U+0100; otherwise (a
    /// UTF-8 or UTF-16 file with other characters) it stays a string. Nothing read from the text
    /// changes. Safe to call while other threads read it.
    /// </summary>
    public void Compact()
    {
        if (_content is string s && s.AsSpan().IndexOfAnyExceptInRange('\0', '\u00FF') < 0)
        {
            Volatile.Write(ref _content, System.Text.Encoding.Latin1.GetBytes(s));
        }
    }

    /// <summary>Number of lines; an empty file has one empty line, a final line break does not open a new counted line.</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>Length of the longest line (without its line break), found while the line map is built.</summary>
    public int LongestLineLength { get; }

    /// <summary>The (1-based) number of the first line of <see cref="LongestLineLength"/>.</summary>
    public int LongestLineNumber { get; }

    private static (int[] Starts, int Longest, int LongestLine) ComputeLineStarts(string text)
    {
        var starts = new List<int>(Math.Max(4, text.Length / 24)) { 0 };
        var longest = 0;
        var longestLine = 1;
        var start = 0;
        var span = text.AsSpan();
        while (start < text.Length)
        {
            var found = span[start..].IndexOfAny('\r', '\n');
            if (found < 0)
            {
                break;
            }

            var brk = start + found;
            if (brk - start > longest)
            {
                longest = brk - start;
                longestLine = starts.Count;
            }

            var next = text[brk] == '\r' && brk + 1 < text.Length && text[brk + 1] == '\n' ? brk + 2 : brk + 1;
            starts.Add(next);
            start = next;
        }

        // The last line runs to the end of the text (it has no line break).
        if (text.Length - start > longest)
        {
            longest = text.Length - start;
            longestLine = starts.Count;
        }

        // A trailing line break does not start a further (empty) line.
        if (starts.Count > 1 && starts[^1] == text.Length)
        {
            starts.RemoveAt(starts.Count - 1);
        }

        return ([.. starts], longest, longestLine);
    }

    /// <summary>The span of line <paramref name="line"/> (1-based) without its line break.</summary>
    public TextSpan GetLineSpan(int line)
    {
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Length;
        while (end > start && (this[end - 1] == '\n' || this[end - 1] == '\r'))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    public string GetLineText(int line) => Slice(GetLineSpan(line));

    public string Slice(TextSpan span) => Volatile.Read(ref _content) is string s
        ? s.Substring(span.Start, span.Length)
        : System.Text.Encoding.Latin1.GetString(((byte[])_content).AsSpan(span.Start, span.Length));

    /// <summary>Line number (1-based) holding <paramref name="offset"/>; an offset at the end belongs to the last line.</summary>
    public int GetLineNumber(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>
    /// The 1-based line and column of <paramref name="offset"/>. The end of a text that ends in a
    /// line break is the start of the line after the last one (line <see cref="LineCount"/> + 1,
    /// column 1), as SARIF regions and editors count it: a region that deletes the last lines with
    /// their breaks ends there, not past the end of the last line.
    /// </summary>
    public LinePosition GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        if (offset == Length && offset > 0 && this[offset - 1] is '\n' or '\r')
        {
            return new LinePosition(_lineStarts.Length + 1, 1);
        }

        var line = GetLineNumber(offset);
        return new LinePosition(line, offset - _lineStarts[line - 1] + 1);
    }

    /// <summary>Every line as (1-based number, span without the line break).</summary>
    public IEnumerable<(int Number, TextSpan Span)> Lines()
    {
        for (var line = 1; line <= _lineStarts.Length; line++)
        {
            yield return (line, GetLineSpan(line));
        }
    }
}

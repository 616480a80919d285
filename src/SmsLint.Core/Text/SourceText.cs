namespace SmsLint.Text;

/// <summary>
/// Decoded text of one file with its line map. Lines end at CRLF, LF or a lone CR, as the
/// Windows command interpreter and the INI readers of the time accept all three.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        Text = text;
        (_lineStarts, LongestLineLength, LongestLineNumber) = ComputeLineStarts(text);
    }

    public string Text { get; }

    public int Length => Text.Length;

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
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return TextSpan.FromBounds(start, end);
    }

    public string GetLineText(int line) => Slice(GetLineSpan(line));

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);

    /// <summary>Line number (1-based) holding <paramref name="offset"/>; an offset at the end belongs to the last line.</summary>
    public int GetLineNumber(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
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
        offset = Math.Clamp(offset, 0, Text.Length);
        if (offset == Text.Length && offset > 0 && Text[offset - 1] is '\n' or '\r')
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

using SmsLint.Text;

namespace SmsLint.Parsing.Common;

/// <summary>How a format writes a whole-line comment.</summary>
public enum CommentSyntax
{
    /// <summary><c>REM …</c>, <c>@REM …</c>, <c>:: …</c> or <c>@:: …</c> (batch files).</summary>
    Batch,

    /// <summary><c>; …</c> (every INI kind, Copylog.tcf, copy lists).</summary>
    Semicolon,
}

/// <summary>
/// A whole-line comment, as every document type lists them (<c>Comments</c>). <see cref="Span"/>
/// runs from the marker (the <c>@</c> of <c>@REM</c> included) to the end of the line without its
/// trailing white space; <see cref="Body"/> is the text after the marker with white space trimmed
/// from both ends (empty, at the end of the marker, when there is none). <see cref="Line"/> is 1-based.
/// </summary>
public readonly record struct CommentLine(int Line, TextSpan Span, TextSpan Body);

/// <summary>
/// What counts as a whole-line comment, in one place. Only blanks and tabs may precede the
/// marker. A semicolon comment starts with <c>;</c>. A batch comment is <c>::</c> or <c>REM</c>
/// followed by a blank or tab (any case), either optionally after one <c>@</c> with nothing
/// between: <c>REM.</c>, <c>REM</c> alone, <c>@ REM</c> and <c>@@REM</c> are comments to the command
/// interpreter (and <see cref="Batch.BatchComment"/> nodes) but not comment lines here, as inline
/// suppressions have always been read.
/// </summary>
public static class CommentLines
{
    /// <summary>
    /// Reads line <paramref name="line"/> of <paramref name="source"/> (its span without the line
    /// break) as a comment. The grammars call it for the lines their nodes say may be comments,
    /// while they parse; it looks only at the marker and the white space at either end.
    /// </summary>
    public static bool TryRead(string source, TextSpan line, CommentSyntax syntax, out TextSpan span, out TextSpan body)
    {
        span = default;
        body = default;
        var s = source.AsSpan(line.Start, line.Length);
        var start = 0;
        while (start < s.Length && s[start] is ' ' or '\t')
        {
            start++;
        }

        int markerEnd;
        if (syntax == CommentSyntax.Semicolon)
        {
            if (start >= s.Length || s[start] != ';')
            {
                return false;
            }

            markerEnd = start + 1;
        }
        else
        {
            var command = start < s.Length && s[start] == '@' ? start + 1 : start;
            var rest = s[command..];
            if (rest.StartsWith("::"))
            {
                markerEnd = command + 2;
            }
            else if (rest.Length >= 4 && rest[..3].Equals("REM", StringComparison.OrdinalIgnoreCase) && rest[3] is ' ' or '\t')
            {
                markerEnd = command + 4;
            }
            else
            {
                return false;
            }
        }

        // The line's end without white space (the marker's first character is not white space).
        var end = s.TrimEnd().Length;
        var bodyStart = markerEnd;
        while (bodyStart < end && char.IsWhiteSpace(s[bodyStart]))
        {
            bodyStart++;
        }

        span = TextSpan.FromBounds(line.Start + start, line.Start + end);
        body = bodyStart < end ? TextSpan.FromBounds(line.Start + bodyStart, line.Start + end) : new TextSpan(line.Start + markerEnd, 0);
        return true;
    }

    /// <summary>
    /// Every comment line of a text that has no document: one that was decoded but not parsed (a
    /// line over the length limit, the parse time limit). Parsed files get their comments from
    /// their grammar instead (<c>Comments</c> of each document).
    /// </summary>
    public static IReadOnlyList<CommentLine> Scan(SourceText text, CommentSyntax syntax)
    {
        List<CommentLine>? found = null;
        var source = text.Text; // once: a compacted text builds a new string each time it is asked
        foreach (var (number, line) in text.Lines())
        {
            if (TryRead(source, line, syntax, out var span, out var body))
            {
                (found ??= []).Add(new CommentLine(number, span, body));
            }
        }

        return found is null ? [] : found.ToArray();
    }
}

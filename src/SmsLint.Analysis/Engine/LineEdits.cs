using SmsLint.Findings;
using SmsLint.Model;
using SmsLint.Text;

namespace SmsLint.Engine;

/// <summary>Helpers that build <see cref="FixEdit"/>s over whole lines of a text file.</summary>
public static class LineEdits
{
    /// <summary>
    /// The line that holds <paramref name="line"/>'s start, extended over its line break (CRLF, LF
    /// or a lone CR), so that deleting the span removes the line and leaves no blank line behind.
    /// </summary>
    public static TextSpan LineWithBreak(SourceText text, TextSpan line)
    {
        var full = text.GetLineSpan(text.GetLineNumber(line.Start));
        var end = full.End;
        if (end < text.Length && text[end] == '\r')
        {
            end++;
        }

        if (end < text.Length && text[end] == '\n')
        {
            end++;
        }

        return TextSpan.FromBounds(full.Start, end);
    }

    /// <summary>
    /// Edits that delete every line holding one of <paramref name="spans"/>, line breaks included.
    /// Adjacent lines become one edit, and the edits come in file order and never overlap.
    /// </summary>
    public static IReadOnlyList<FixEdit> DeleteLines(LoadedFile file, IEnumerable<TextSpan> spans)
    {
        var text = file.Text ?? throw new ArgumentException($"'{file.Path}' has no text.", nameof(file));
        var merged = new List<TextSpan>();
        foreach (var line in spans.Select(s => LineWithBreak(text, s)).Distinct().OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && merged[^1].End >= line.Start)
            {
                merged[^1] = TextSpan.FromBounds(merged[^1].Start, Math.Max(merged[^1].End, line.End));
            }
            else
            {
                merged.Add(line);
            }
        }

        return [.. merged.Select(s => new FixEdit(Location.FromSpan(file.Path, text, s), string.Empty))];
    }

    /// <summary>An edit that deletes the whole line holding <paramref name="span"/>, line break included.</summary>
    public static FixEdit DeleteLine(LoadedFile file, TextSpan span)
    {
        var text = file.Text ?? throw new ArgumentException($"'{file.Path}' has no text.", nameof(file));
        return new FixEdit(Location.FromSpan(file.Path, text, LineWithBreak(text, span)), string.Empty);
    }
}

using System.Text;
using SmsLint.Text;

namespace SmsLint.Tests.Parsing;

/// <summary>
/// The line map is now built with a vectorised search and records the longest line on the way
/// (the loader used to scan every line again for it). Checked against a character-by-character
/// reference on generated texts with every kind of line break.
/// </summary>
public sealed class SourceTextLineMapTests
{
    [Fact]
    public void Line_spans_and_longest_line_match_a_character_scan()
    {
        var random = new Random(11);
        string[] pieces = ["\r\n", "\n", "\r", "\r\r", "\n\r", "a", "bc", " ", "long line text ", ""];
        for (var n = 0; n < 5_000; n++)
        {
            var sb = new StringBuilder();
            var count = random.Next(0, 12);
            for (var p = 0; p < count; p++)
            {
                sb.Append(pieces[random.Next(pieces.Length)]);
            }

            var text = sb.ToString();
            var source = new SourceText(text);
            var expected = ReferenceLines(text);
            var actual = source.Lines().Select(l => l.Span).ToList();
            Assert.Equal(expected, actual);
            var longest = expected.Select(s => s.Length).Max();
            Assert.Equal(longest, source.LongestLineLength);
            Assert.Equal(expected.FindIndex(s => s.Length == longest) + 1, source.LongestLineNumber);
        }
    }

    /// <summary>Lines split at CRLF, LF or a lone CR; a final break opens no further line.</summary>
    private static List<TextSpan> ReferenceLines(string text)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                spans.Add(TextSpan.FromBounds(start, i));
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length || spans.Count == 0)
        {
            spans.Add(TextSpan.FromBounds(start, text.Length));
        }

        return spans;
    }
}

using System.Text;
using SmsLint.Text;

namespace SmsLint.Tests.Parsing;

/// <summary>
/// A compacted text (one byte a character, issue 14.3) answers every question exactly as the
/// string it was made from: whole text, length, characters, lines, slices and positions. Texts
/// with a character at or above U+0100 stay strings.
/// </summary>
public sealed class SourceTextCompactTests
{
    [Fact]
    public void A_compacted_text_reads_the_same_as_its_string()
    {
        var random = new Random(20261202);
        string[] pieces = ["\r\n", "\n", "\r", "a", "bc", " ", "\t", "[SMS]", "SiteCode=ABC", "é", "\u00FF", "\u0081", "\0", "line text ", ""];
        var compacted = 0;
        for (var n = 0; n < 3_000; n++)
        {
            var sb = new StringBuilder();
            var count = random.Next(0, 14);
            for (var p = 0; p < count; p++)
            {
                sb.Append(pieces[random.Next(pieces.Length)]);
            }

            var text = sb.ToString();
            var plain = new SourceText(text);
            var compact = new SourceText(text);
            compact.Compact();
            Assert.True(compact.IsCompact);
            compacted++;
            Assert.Equal(text, compact.Text);
            Assert.Equal(plain.Length, compact.Length);
            Assert.Equal(plain.LineCount, compact.LineCount);
            Assert.Equal(plain.Lines().ToList(), compact.Lines().ToList());
            for (var i = 0; i < text.Length; i++)
            {
                Assert.Equal(text[i], compact[i]);
            }

            for (var offset = 0; offset <= text.Length; offset++)
            {
                Assert.Equal(plain.GetPosition(offset), compact.GetPosition(offset));
                Assert.Equal(plain.GetLineNumber(offset), compact.GetLineNumber(offset));
            }

            for (var line = 1; line <= plain.LineCount; line++)
            {
                Assert.Equal(plain.GetLineText(line), compact.GetLineText(line));
            }

            var start = text.Length == 0 ? 0 : random.Next(text.Length);
            var span = new TextSpan(start, random.Next(text.Length - start + 1));
            Assert.Equal(plain.Slice(span), compact.Slice(span));
        }

        Assert.Equal(3_000, compacted);
    }

    [Theory]
    [InlineData("€ on a Windows-1252 line")]
    [InlineData("Ā")]
    [InlineData("emoji 😀")]
    public void A_text_with_a_character_from_U0100_up_stays_a_string(string text)
    {
        var source = new SourceText(text + "\r\nnext");
        source.Compact();
        Assert.False(source.IsCompact);
        Assert.Equal(text + "\r\nnext", source.Text);
        Assert.Same(source.Text, source.Text);
    }
}

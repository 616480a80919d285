using SmsLint.Parsing.CopyList;
using SmsLint.Text;

namespace SmsLint.Tests.Parsing;

public sealed class CopyListGrammarTests
{
    private static CopyListDocument Parse(string text) => CopyListGrammar.Parse(new SourceText(text));

    [Theory]
    [InlineData("CopyListVersion=835643765")]
    [InlineData("  copylistversion = 835643765  ")]
    [InlineData("CopyListVersion: 835643765")]
    [InlineData("COPYLISTVERSION 835643765")]
    public void Version_line_in_its_spellings(string line)
    {
        var text = "x86.bin\\cli_nt.exe\r\n" + line + "\r\nx86.bin\\invwin32.exe";
        var doc = Parse(text);
        Assert.Empty(doc.Errors);
        var v = doc.Version!;
        Assert.Equal("835643765", v.Value.Text);
        Assert.Equal("835643765", text.Substring(v.Value.Span.Start, v.Value.Span.Length));
        Assert.Equal(2, doc.Lines.OfType<CopyListEntry>().Count());
    }

    [Fact]
    public void Keyword_without_value_is_an_error_and_other_lines_stay_opaque()
    {
        const string text = "[Files]\nCopyListVersion=\nCopyListVersionX=1\nsome;odd|line\n";
        var doc = Parse(text);
        var error = Assert.Single(doc.Errors);
        Assert.Equal(text.IndexOf("CopyListVersion=", StringComparison.Ordinal), error.Span.Start);
        Assert.Null(doc.Version);
        Assert.Equal(3, doc.Lines.OfType<CopyListEntry>().Count());
    }

    [Fact]
    public void No_version_line_at_all()
    {
        Assert.Null(Parse("a\nb\n").Version);
    }
}

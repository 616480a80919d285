using SmsLint.Parsing.Ini;
using SmsLint.Text;

namespace SmsLint.Tests.Parsing;

public sealed class IniGrammarTests
{
    private static IniDocument Parse(string text) => IniGrammar.Parse(new SourceText(text));

    private static string Slice(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Sections_keys_and_spans_with_any_line_break(string eol)
    {
        var text = string.Join(eol, "[SMS]", "BuildNo=786", "SMS Unique ID = SKZ01000", "") ;
        var doc = Parse(text);
        Assert.Empty(doc.Errors);
        var entry = doc.Get("sms", "sms unique id")!;
        Assert.Equal("SKZ01000", entry.Value.Text);
        Assert.Equal("SKZ01000", Slice(text, entry.Value.Span));
        Assert.Equal("SMS Unique ID", Slice(text, entry.Key.Span));
        var header = doc.Section("SMS")!.Headers.Single();
        Assert.Equal("[SMS]", Slice(text, header.Span));
        Assert.Equal(new TextSpan(0, 5), header.Span);
    }

    [Fact]
    public void Leading_space_before_bracket_tabs_and_no_final_newline()
    {
        const string text = "[Local]\r\nSetupPhase=installed\r\n [Sight]\r\n\tKey\t=\tValue with spaces\t";
        var doc = Parse(text);
        Assert.Empty(doc.Errors);
        Assert.Equal(["Local", "Sight"], doc.Sections.Select(s => s.Name));
        var e = doc.Get("Sight", "key")!;
        Assert.Equal("Value with spaces", e.Value.Text);
        Assert.Equal(text.IndexOf("Value", StringComparison.Ordinal), e.Value.Span.Start);
    }

    [Fact]
    public void Repeated_sections_merge_in_file_order_and_first_key_wins()
    {
        var doc = Parse("[A]\nx=1\n[B]\ny=2\n[a]\nx=3\nz=4\n");
        var a = doc.Section("A")!;
        Assert.Equal(2, a.Headers.Count);
        Assert.Equal(["x", "x", "z"], a.Entries.Select(e => e.Key.Text));
        Assert.Equal("1", a.Get("X")!.Value.Text);
    }

    [Fact]
    public void Comments_bare_lines_and_trailing_comments()
    {
        const string text = "; a comment\n[Site AAA]\nVersion=2.00.1380.1000        ; SMS version\nPATH=a;b\nbare line\n";
        var doc = Parse(text);
        Assert.Empty(doc.Errors);
        Assert.Equal("2.00.1380.1000", doc.Get("Site AAA", "Version")!.Value.Text);
        Assert.Equal("a;b", doc.Get("Site AAA", "PATH")!.Value.Text);
        Assert.Single(doc.Lines.OfType<IniBareLine>());
        Assert.Single(doc.Lines.OfType<IniComment>());
    }

    [Fact]
    public void Windows_1252_text_is_kept()
    {
        var doc = Parse("[SMS]\nCompanyName=Société Générale – Paris\n");
        Assert.Equal("Société Générale – Paris", doc.Get("SMS", "CompanyName")!.Value.Text);
    }

    [Fact]
    public void Bad_line_in_the_middle_is_an_error_and_parsing_goes_on()
    {
        const string text = "[SMS]\r\nBuildNo=786\r\n[Servers\r\nDomain=CORP\r\n";
        var doc = Parse(text);
        var error = Assert.Single(doc.Errors);
        Assert.Equal("[Servers", Slice(text, TextSpan.FromBounds(text.IndexOf("[Servers", StringComparison.Ordinal), error.Span.End)));
        Assert.Contains("']'", error.Message, StringComparison.Ordinal);
        Assert.Single(doc.Lines.OfType<IniErrorLine>());
        Assert.Equal("CORP", doc.Get("SMS", "Domain")!.Value.Text);
    }

    [Fact]
    public void Empty_value_and_empty_file()
    {
        var doc = Parse("[Site AAA]\nHotfixes=\n");
        var e = doc.Get("Site AAA", "Hotfixes")!;
        Assert.Equal(string.Empty, e.Value.Text);
        Assert.Empty(Parse(string.Empty).Lines);
    }

    [Fact]
    public void Random_lines_never_throw()
    {
        var random = new Random(1234);
        const string alphabet = "[]=;# \tabcXYZ019\\/\"%é";
        for (var n = 0; n < 2000; n++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars) + "\n" + new string(chars.Reverse().ToArray());
            var doc = Parse(text);
            Assert.All(doc.Lines, l => Assert.True(l.Span.End <= text.Length && l.Span.Start >= 0));
        }
    }
}

using SmsLint.Parsing.CopyLog;
using SmsLint.Text;

namespace SmsLint.Tests.Parsing;

public sealed class CopyLogGrammarTests
{
    private static CopyLogDocument Parse(string text) => CopyLogGrammar.Parse(new SourceText(text));

    [Fact]
    public void Q313209_example_parses_with_mixed_case_and_separators()
    {
        const string text = "[FILE SOURCE]\r\nX86.bin\\smsboot1.exe=REM\r\nX86.bin/CLICORE.EXE=AAA\r\nSITES\\BBB\\NETCONF.TCF=BBB";
        var doc = Parse(text);
        Assert.Empty(doc.Errors);
        Assert.True(doc.HasFileSource);
        Assert.Equal(3, doc.FileSource.Count);
        var clicore = doc.Find(@"x86.bin\clicore.exe")!;
        Assert.Equal("AAA", clicore.Code.Text);
        Assert.Equal("X86.bin\\CLICORE.EXE", clicore.Path.Text);
        Assert.Equal(text.IndexOf("X86.bin/CLICORE", StringComparison.Ordinal), clicore.Span.Start);
        Assert.Equal("X86.bin/CLICORE.EXE=AAA", text.Substring(clicore.Span.Start, clicore.Span.Length));
        var site = doc.FileSource[2];
        Assert.True(site.IsSiteSpecific);
        Assert.Equal("BBB", site.PathSite!.Text);
        Assert.Equal(@"sites\bbb\netconf.tcf", site.Key);
    }

    [Fact]
    public void Malformed_lines_and_other_sections_are_kept()
    {
        var doc = Parse("[FILE SOURCE]\nnot a mapping\nx86.bin\\a.exe=\n[OTHER]\nk=v\n");
        Assert.Empty(doc.Errors);
        Assert.Single(doc.Malformed);
        Assert.Equal(string.Empty, doc.Find(@"x86.bin\a.exe")!.Code.Text);
        Assert.Single(doc.FileSource);
    }

    [Fact]
    public void Unclosed_header_is_an_error_with_recovery()
    {
        const string text = "[FILE SOURCE\nx86.bin\\a.exe=AAA\n";
        var doc = Parse(text);
        var error = Assert.Single(doc.Errors);
        Assert.Equal(0, error.Span.Start);
        Assert.False(doc.HasFileSource);
        Assert.Single(doc.Orphans);
    }

    [Fact]
    public void Repeated_file_source_sections_merge()
    {
        var doc = Parse("[FILE SOURCE]\na=AAA\n[x]\nb=BBB\n[file source]\nc=CCC\n");
        Assert.Equal(2, doc.FileSourceHeaders.Count);
        Assert.Equal(["a", "c"], doc.FileSource.Select(e => e.Key));
    }
}

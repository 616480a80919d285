using System.Text;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Model;
using SmsLint.Parsing.Batch;
using SmsLint.Parsing.Common;
using SmsLint.Rules;
using SmsLint.Suppressions;
using SmsLint.Text;

namespace SmsLint.Tests.Engine;

/// <summary>
/// Where inline suppressions come from (issue 14, item 2): the comment lines each file's grammar
/// lists in its document, or, for a file decoded but not parsed (a line over the length limit,
/// the parse time limit), the same comment lines read from its text.
/// </summary>
public sealed class InlineDirectiveSourceTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("smslint-inline-");

    public void Dispose() => _root.Delete(true);

    private void Put(string relative, string text)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.ASCII.GetBytes(text));
    }

    private List<InlineDirective> Find(AnalysisOptions? options = null)
    {
        using var source = new DirectorySource(_root.FullName);
        return InlineDirectives.Find(SnapshotLoader.Load(source, options ?? new AnalysisOptions()), BuiltInRules.All);
    }

    private static string Describe(InlineDirective d) =>
        $"{d.File.Path}:{d.Line} {d.Span} {d.Scope} [{string.Join(",", d.RuleIds)}] -> {d.TargetLine} {d.Reason ?? d.Problem}";

    [Fact]
    public void Every_format_gives_its_suppression_comments_from_its_document()
    {
        Put("DC01/NETLOGON/Smsls.bat", "@echo off\r\n  @REM smslint-disable-next-line SMS3001 -- one\r\n:: smslint-disable-next-line SMS3002 -- two\r\nGOTO END\r\n@::\tsmslint-disable-file SMS3003 -- three\r\nREM.smslint-disable-file SMS3004 -- not a comment line\r\n:END\r\n");
        Put("DC01/SMSLOGON/Config/Copylog.tcf", "[FILE SOURCE]\n\t; smslint-disable-next-line SMS1003 -- four\nx86.bin\\clicore.exe=AAA\n# smslint-disable-next-line SMS1003 -- not a comment line\n");
        Put("SRV12A/SMS_SHR/Cl_nt.txt", "CopyListVersion=1.2\r; smslint-disable-file SMS4001 -- five \r");
        Put("WKS001/C$/SMS.INI", "[Servers]\n; smslint-disable-next-line SMS4001 -- six\nCurrentLogonServer=SRV12\n");

        var found = Find();

        Assert.Equal(
            [
                "DC01/NETLOGON/Smsls.bat:2 [13..58) NextLine [SMS3001] -> 4 one",
                "DC01/NETLOGON/Smsls.bat:3 [60..103) NextLine [SMS3002] -> 4 two",
                "DC01/NETLOGON/Smsls.bat:5 [115..156) File [SMS3003] -> 6 three",
                "DC01/SMSLOGON/Config/Copylog.tcf:2 [15..58) NextLine [SMS1003] -> 3 four",
                "SRV12A/SMS_SHR/Cl_nt.txt:2 [20..58) File [SMS4001] -> 3 five",
                "WKS001/C$/SMS.INI:2 [10..52) NextLine [SMS4001] -> 3 six",
            ],
            found.Select(Describe).Order(StringComparer.Ordinal));
        Assert.All(found, d => Assert.NotNull(d.File.Document));
    }

    [Fact]
    public void A_parsed_file_is_not_lexed_again_its_documents_comment_lines_are_the_ones_read()
    {
        // A document whose grammar listed no comment lines, over a text that has one: the text is not read.
        var entry = new SnapshotEntry("DC01/NETLOGON/Smsls.bat", 0);
        var text = new SourceText("REM smslint-disable-next-line SMS3001 -- reason\r\nGOTO END\r\n");
        var file = new LoadedFile(new SnapshotFile(entry, "DC01", "NETLOGON", ShareKind.Netlogon, "Smsls.bat", FileKind.BatchScript))
        {
            Text = text,
            Document = BatchGrammar.Parse(new SourceText("GOTO END\r\n")),
        };
        Assert.Empty(InlineDirectives.Find(file, CommentSyntax.Batch, BuiltInRules.All));

        file.Document = BatchGrammar.Parse(text);
        var directive = Assert.Single(InlineDirectives.Find(file, CommentSyntax.Batch, BuiltInRules.All));
        Assert.Equal((1, 2, "reason"), (directive.Line, directive.TargetLine, directive.Reason));
    }

    [Fact]
    public void A_file_with_a_line_over_the_limit_has_no_document_and_keeps_its_suppression_comments()
    {
        Put("DC01/SMSLOGON/Config/Copylog.tcf", "; smslint-disable-file SMS0004 -- accepted for the test\n[FILE SOURCE]\nx86.bin\\" + new string('x', 100) + "=AAA\n");
        var options = new AnalysisOptions { MaxLineLength = 64 };

        using (var source = new DirectorySource(_root.FullName))
        {
            var file = SnapshotLoader.Load(source, options).FindFile("DC01/SMSLOGON/Config/Copylog.tcf")!;
            Assert.Equal(InputProblemKind.LimitExceeded, file.Problem!.Kind);
            Assert.NotNull(file.Text);
            Assert.Null(file.Document);
        }

        var directive = Assert.Single(Find(options));
        Assert.Equal("DC01/SMSLOGON/Config/Copylog.tcf:1 [0..55) File [SMS0004] -> 2 accepted for the test", Describe(directive));
    }

    [Fact]
    public void A_file_over_the_parse_time_limit_has_no_document_and_keeps_its_suppression_comments()
    {
        Put("DC01/NETLOGON/Smsls.bat", "REM smslint-disable-file SMS0004 -- accepted for the test\r\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"SET A{i}=1\r\n")));
        var options = new AnalysisOptions { MaxParseTime = TimeSpan.FromTicks(1) };

        using (var source = new DirectorySource(_root.FullName))
        {
            var file = SnapshotLoader.Load(source, options).FindFile("DC01/NETLOGON/Smsls.bat")!;
            Assert.Contains("parse time limit", file.Problem!.Message, StringComparison.Ordinal);
            Assert.Null(file.Document);
        }

        var directive = Assert.Single(Find(options));
        Assert.Equal("DC01/NETLOGON/Smsls.bat:1 [0..57) File [SMS0004] -> 2 accepted for the test", Describe(directive));
    }
}

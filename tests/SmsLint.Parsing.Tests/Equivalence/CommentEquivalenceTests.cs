using System.Text;
using SmsLint.Parsing.Batch;
using SmsLint.Parsing.Common;
using SmsLint.Parsing.CopyList;
using SmsLint.Parsing.CopyLog;
using SmsLint.Parsing.Ini;
using SmsLint.Tests.Parsing.Legacy;
using SmsLint.Text;

namespace SmsLint.Tests.Parsing;

/// <summary>
/// Property tests for issue 14, item 2: inline suppressions read the comment lines the grammars
/// list (<c>Comments</c> of each document) instead of lexing every file again, so those lists must
/// hold exactly the (line, span, body) triples the old lexer of InlineDirectives found (the frozen
/// copy in LegacyCommentLexer.cs): with the "smslint-" prefix it filtered on, and without it (every
/// comment line). Each of the four grammars runs on every input, and so does
/// <see cref="CommentLines.Scan"/>, the fallback for a text without a document. Inputs are
/// generated from the markers and white space the lexer branches on, fuzzed from real lines of
/// testdata, whole testdata files, and very long lines, with and without the line-length limit.
/// Every generator is seeded, so a failure reproduces; the message shows the input.
/// </summary>
public sealed class CommentEquivalenceTests
{
    private static readonly string[] Leads = ["", " ", "  ", "\t", " \t ", "\u00a0", "\x1A"];

    private static readonly string[] Markers =
    [
        ";", ";;", "#", "REM ", "rem\t", "Rem ", "rEm  ", "REM", "REM.", "REM:", "REMARK ", "REM\u00a0", "@REM ", "@rem\t",
        "@ REM ", "@@REM ", "@\tREM ", "::", ":: ", "@::", "@:: ", "@ ::", "@@::", ":", ": ", "@", "(REM ", "( REM ", ") REM ",
        "IF EXIST x REM ", "echo ; ", "[x] ;", "key=; ", "CopyListVersion ;", "\0;", "",
    ];

    private static readonly string[] Gaps = ["", " ", "  ", "\t", "\u00a0", "\u2028", "\u0085", "\u3000", "\x1A", " \r"];

    private static readonly string[] Bodies =
    [
        "smslint-disable-next-line", "SMSLINT-DISABLE-FILE", "smslint-disable-file", "Smslint-Disable-Next-Line", "smslint-",
        "smslint", "smslint_disable", "smslint-bogus", "x smslint-", "-- smslint-", "\u00a0smslint-", "", "plain comment",
    ];

    private static readonly string[] Pieces =
    [
        " ", "\t", "SMS3001", "SMS1003,SMS4001", "SMS0007", "--", " -- ", "reason", "until", "2026-01-01", "x", "=", ";", ":",
        "[", "]", "(", ")", "@", "\"", "%", "%%", "REM", "::", "é", "€", "\u00a0", "\u2028", "\0", "\x1A", "CopyListVersion",
        "FILE SOURCE", "x86.bin\\clicore.exe", "echo", "goto", "set", "call", "if", "exist",
    ];

    private static readonly string[] Breaks = ["\r\n", "\n", "\r"];

    private const int GeneratedCount = 10_000;

    private const int FuzzedCount = 10_000;

    [Fact]
    public void Comments_match_the_old_lexer_on_generated_documents() =>
        Check(Generated(11, GeneratedCount), int.MaxValue);

    [Fact]
    public void Comments_match_the_old_lexer_on_generated_documents_under_a_line_limit() =>
        Check(Generated(12, GeneratedCount / 2), 24);

    [Fact]
    public void Comments_match_the_old_lexer_on_generated_blocks() =>
        Check(Blocks(13, GeneratedCount / 2), int.MaxValue);

    [Fact]
    public void Comments_match_the_old_lexer_on_very_long_lines() =>
        Check(LongLines(14, 60), int.MaxValue, 8_191);

    [Fact]
    public void Comments_match_the_old_lexer_on_fuzzed_real_ini_lines() =>
        Check(Fuzzed(15, FuzzedCount, EquivalenceCorpus.RealLines("*.ini")), int.MaxValue);

    [Fact]
    public void Comments_match_the_old_lexer_on_fuzzed_real_batch_lines() =>
        Check(Fuzzed(16, FuzzedCount, EquivalenceCorpus.RealLines("*.bat").Concat(EquivalenceCorpus.RealLines("*.cmd")).ToList()), int.MaxValue);

    [Fact]
    public void Comments_match_the_old_lexer_on_fuzzed_real_copy_log_and_copy_list_lines() =>
        Check(Fuzzed(17, FuzzedCount, EquivalenceCorpus.RealLines("copylog.tcf").Concat(EquivalenceCorpus.RealLines("cl_*.txt")).ToList()), int.MaxValue);

    [Fact]
    public void Comments_match_the_old_lexer_on_every_testdata_file_of_the_four_formats() =>
        Check(new[] { "*.ini", "*.tcf", "cl_*.txt", "*.bat", "*.cmd" }.SelectMany(EquivalenceCorpus.RealFiles), int.MaxValue, 8_191);

    /// <summary>
    /// Runs every grammar (and the fallback scan) over every input and compares its comment lines
    /// with the old lexer's, in the grammar's syntax. Also checks the inputs reached comment lines
    /// at all, and suppression comments among them, so a generator gone wrong cannot pass silently.
    /// </summary>
    private static void Check(IEnumerable<string> inputs, params int[] maxLineLengths)
    {
        var count = 0;
        var withComments = 0;
        var withSuppressions = 0;
        foreach (var input in inputs)
        {
            count++;
            var text = new SourceText(input);
            var sawComment = false;
            var sawSuppression = false;
            foreach (var max in maxLineLengths)
            {
                foreach (var (name, syntax, parse) in Grammars)
                {
                    var comments = parse(text, max);
                    var difference = Compare(text, syntax, comments, $"{name} (line limit {max})");
                    if (difference.Length > 0)
                    {
                        Assert.Fail($"input #{count} {EquivalenceCorpus.Escape(input, 400)}\n{difference}");
                    }

                    sawComment |= comments.Count > 0;
                    sawSuppression |= comments.Any(c => text.Slice(c.Body).StartsWith(LegacyCommentLexer.Prefix, StringComparison.OrdinalIgnoreCase));
                }
            }

            foreach (var syntax in new[] { CommentSyntax.Semicolon, CommentSyntax.Batch })
            {
                var difference = Compare(text, syntax, CommentLines.Scan(text, syntax), $"CommentLines.Scan {syntax}");
                if (difference.Length > 0)
                {
                    Assert.Fail($"input #{count} {EquivalenceCorpus.Escape(input, 400)}\n{difference}");
                }
            }

            withComments += sawComment ? 1 : 0;
            withSuppressions += sawSuppression ? 1 : 0;
        }

        Assert.True(count > 0, "no inputs were generated");
        Assert.True(withComments > 0 && withSuppressions > 0, $"of {count} inputs, {withComments} had comment lines and {withSuppressions} suppression comments");
    }

    private static readonly (string Name, CommentSyntax Syntax, Func<SourceText, int, IReadOnlyList<CommentLine>> Parse)[] Grammars =
    [
        ("IniGrammar", CommentSyntax.Semicolon, (t, max) => IniGrammar.Parse(t, max).Comments),
        ("CopyLogGrammar", CommentSyntax.Semicolon, (t, max) => CopyLogGrammar.Parse(t, max).Comments),
        ("CopyListGrammar", CommentSyntax.Semicolon, (t, max) => CopyListGrammar.Parse(t, max).Comments),
        ("BatchGrammar", CommentSyntax.Batch, (t, max) => BatchGrammar.Parse(t, max).Comments),
    ];

    /// <summary>Empty when the comments agree with the old lexer, with and without its prefix; otherwise both dumps.</summary>
    private static string Compare(SourceText text, CommentSyntax syntax, IReadOnlyList<CommentLine> comments, string who)
    {
        var all = Dump(comments.Select(c => (c.Line, c.Span, text.Slice(c.Body))));
        var oldAll = Dump(LegacyCommentLexer.Find(text, syntax, prefix: string.Empty));
        var suppressions = Dump(comments
            .Select(c => (c.Line, c.Span, Body: text.Slice(c.Body)))
            .Where(c => c.Body.StartsWith(LegacyCommentLexer.Prefix, StringComparison.OrdinalIgnoreCase)));
        var oldSuppressions = Dump(LegacyCommentLexer.Find(text, syntax));
        if (all == oldAll && suppressions == oldSuppressions)
        {
            return string.Empty;
        }

        return $"{who}, every comment line:\nold:\n{oldAll}\nnew:\n{all}\nsuppression comments:\nold:\n{oldSuppressions}\nnew:\n{suppressions}";
    }

    private static string Dump(IEnumerable<(int Line, TextSpan Span, string Body)> comments)
    {
        var sb = new StringBuilder();
        foreach (var (line, span, body) in comments)
        {
            sb.Append($"{line} {span} {EquivalenceCorpus.Escape(body, 400)}\n");
        }

        return sb.ToString();
    }

    /// <summary>One line: half the time built like a comment (lead, marker, gap, body, more, trailing white space), else random pieces.</summary>
    private static string Line(Random random)
    {
        var sb = new StringBuilder();
        if (random.Next(2) == 0)
        {
            sb.Append(Pick(random, Leads)).Append(Pick(random, Markers)).Append(Pick(random, Gaps)).Append(Pick(random, Bodies));
            var more = random.Next(0, 6);
            for (var p = 0; p < more; p++)
            {
                sb.Append(Pick(random, Pieces));
            }

            sb.Append(Pick(random, Gaps)).Append(Pick(random, Gaps));
        }
        else
        {
            var pieces = random.Next(0, 9);
            for (var p = 0; p < pieces; p++)
            {
                sb.Append(random.Next(3) == 0 ? Pick(random, Markers) : Pick(random, Pieces));
            }
        }

        return sb.ToString();
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static IEnumerable<string> Generated(int seed, int count)
    {
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
        {
            var sb = new StringBuilder();
            var lines = random.Next(1, 8);
            for (var l = 0; l < lines; l++)
            {
                sb.Append(Line(random));
                if (l < lines - 1 || random.Next(2) == 0)
                {
                    sb.Append(Pick(random, Breaks));
                }
            }

            yield return sb.ToString();
        }
    }

    /// <summary>Comment lines inside parenthesised blocks, FOR bodies, INI sections and [FILE SOURCE].</summary>
    private static IEnumerable<string> Blocks(int seed, int count)
    {
        string[] opens = ["IF EXIST %0 (", "if not \"%1\"==\"\" (", "FOR %%f IN (*.ini) DO (", "(", "[SMS]", "[FILE SOURCE]", "[Client Configuration]", "CopyListVersion=2.00"];
        string[] inside = ["x86.bin\\clicore.exe=AAA", "SiteCode=AAA", "  echo hello", "  goto end", "  set A=1", "  call x.bat", ":end", "@echo off"];
        string[] closes = [")", ") ELSE (", ")  REM smslint-disable-next-line SMS3001 -- in the block's end", "[Other]", ""];
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
        {
            var sb = new StringBuilder();
            var blocks = random.Next(1, 4);
            for (var b = 0; b < blocks; b++)
            {
                var br = Pick(random, Breaks);
                sb.Append(Pick(random, opens)).Append(br);
                var lines = random.Next(1, 5);
                for (var l = 0; l < lines; l++)
                {
                    sb.Append(random.Next(2) == 0 ? Line(random) : Pick(random, inside)).Append(br);
                }

                sb.Append(Pick(random, closes)).Append(random.Next(3) == 0 ? string.Empty : br);
            }

            yield return sb.ToString();
        }
    }

    /// <summary>Comment lines (and others) thousands of characters long, under and over the fuzz harness's line limit.</summary>
    private static IEnumerable<string> LongLines(int seed, int count)
    {
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
        {
            var sb = new StringBuilder();
            var lines = random.Next(1, 4);
            for (var l = 0; l < lines; l++)
            {
                sb.Append(Line(random));
                var filler = random.Next(2) == 0 ? ' ' : Pick(random, Pieces)[0];
                sb.Append(filler, random.Next(1_000, 20_000));
                sb.Append(Pick(random, Gaps)).Append(Pick(random, Breaks));
            }

            yield return sb.ToString();
        }
    }

    private static IEnumerable<string> Fuzzed(int seed, int count, IReadOnlyList<string> lines)
    {
        Assert.NotEmpty(lines);
        var random = new Random(seed);
        for (var n = 0; n < count; n++)
        {
            var sb = new StringBuilder();
            var documentLines = random.Next(1, 4);
            for (var d = 0; d < documentLines; d++)
            {
                var line = new StringBuilder(random.Next(3) == 0 ? Line(random) : lines[random.Next(lines.Count)]);
                var edits = random.Next(1, 4);
                for (var e = 0; e < edits; e++)
                {
                    var at = random.Next(line.Length + 1);
                    switch (random.Next(5))
                    {
                        case 0 when line.Length > 0 && at < line.Length:
                            line.Remove(at, 1);
                            break;
                        case 1 when at < line.Length:
                            line[at] = Pick(random, Pieces)[0];
                            break;
                        case 2:
                            line.Insert(at, Pick(random, Pieces));
                            break;
                        case 3:
                            line.Insert(random.Next(Math.Min(line.Length, 3) + 1), Pick(random, Markers));
                            break;
                        default:
                            line.Insert(at, (char)random.Next(1, 0x250));
                            break;
                    }
                }

                sb.Append(line).Append(Pick(random, Breaks));
            }

            yield return sb.ToString();
        }
    }
}

using System.Text;
using SmsLint.Findings;
using SmsLint.Text;

namespace SmsLint.Tests.Writers;

/// <summary>
/// Vectors from github/codeql-action, <c>src/fingerprints.test.ts</c>, test "hash" (read at
/// commit a7d3945ab4c0fd136ba0970df5a1b7ca4dadb07a), and from its "addFingerprints" test data
/// (<c>src/testdata/fingerprinting.expected.sarif</c> with <c>testFile1.js</c>/<c>testFile2.js</c>).
/// The TS harness also checks that the number of hashes equals
/// <c>input.split(/\r\n|\r|\n/).length</c>; <see cref="Vectors"/> checks the same.
/// </summary>
public sealed class LineHashTests
{
    public static TheoryData<string, string, string[]> Vectors => new()
    {
        {
            // fingerprints.test.ts: testHash(t, "", ["c129715d7a2bc9a3:1"]) — "Try empty file"
            "empty file", "", ["c129715d7a2bc9a3:1"]
        },
        {
            // fingerprints.test.ts: testHash(t, " a\nb\n  \t\tc\n d", [...])
            "mixed indentation, no final newline",
            " a\nb\n  \t\tc\n d",
            ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]
        },
        {
            // fingerprints.test.ts: testHash(t, " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End", [...])
            "LF, no final newline",
            " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End",
            [
                "8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1",
                "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1",
            ]
        },
        {
            // fingerprints.test.ts: testHash(t, " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n", [...])
            "LF with final newline", " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n", HelloWorldWithFinalBreak
        },
        {
            // fingerprints.test.ts: testHash(t, " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r", [...])
            "lone CR", " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r", HelloWorldWithFinalBreak
        },
        {
            // fingerprints.test.ts: testHash(t, " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n", [...])
            "CRLF", " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n", HelloWorldWithFinalBreak
        },
        {
            // fingerprints.test.ts: testHash(t, " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n", [...])
            "mixed line breaks", " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n", HelloWorldWithFinalBreak
        },
        {
            // fingerprints.test.ts: testHash(t, "Lorem ipsum dolor sit amet.\n".repeat(10), [...])
            // — "Try repeating line that will generate identical hashes"
            "repeated line",
            string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet.\n", 10)),
            [
                "a7f2ff13bc495cf2:1", "a7f2ff13bc495cf2:2", "a7f2ff13bc495cf2:3", "a7f2ff13bc495cf2:4",
                "a7f2ff13bc495cf2:5", "a7f2ff13bc495cf2:6", "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1",
                "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1",
            ]
        },
        {
            // fingerprints.test.ts: testHash(t, "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n", [...])
            "similar lines",
            "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n",
            [
                "e54938cc54b302f1:1", "bb609acbe9138d60:1", "1131fd5871777f34:1", "5c482a0f8b35ea28:1",
                "54517377da7028d2:1", "2c644846cb18d53e:1", "f1b89f20de0d133:1", "c129715d7a2bc9a3:1",
            ]
        },
    };

    // Expected hashes shared by four vectors of fingerprints.test.ts: the same text with LF, lone CR,
    // CRLF and mixed line breaks, each with a final break.
    private static readonly string[] HelloWorldWithFinalBreak =
    [
        "e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
        "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1",
    ];

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Compute_reproduces_codeql_action_vectors(string name, string text, string[] expected)
    {
        var actual = LineHash.Compute(text);

        Assert.True(expected.SequenceEqual(actual), $"{name}: got [{string.Join(", ", actual)}]");
        // The TS harness's line-count check.
        Assert.Equal(text.Split(["\r\n", "\r", "\n"], StringSplitOptions.None).Length, actual.Length);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void ForLine_agrees_with_Compute(string name, string text, string[] expected)
    {
        for (var line = 1; line <= expected.Length; line++)
        {
            Assert.True(expected[line - 1] == LineHash.ForLine(text, line), $"{name}, line {line}");
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Compute_stopped_after_a_line_gives_the_same_hashes_up_to_it(string name, string text, string[] expected)
    {
        // The fingerprint pass hashes a file only as far as the furthest line a finding needs.
        for (var line = 1; line <= expected.Length; line++)
        {
            var stopped = LineHash.Compute(text, line);
            Assert.True(stopped.Length >= line, $"{name}, stop after {line}: only {stopped.Length} hashes");
            Assert.True(expected.Take(line).SequenceEqual(stopped.Take(line)), $"{name}, stop after {line}");
            Assert.True(expected.Take(line).SequenceEqual(LineHash.Compute(System.Text.Encoding.UTF8.GetBytes(text), line).Take(line)), $"{name}, bytes, stop after {line}");
        }
    }

    [Fact]
    public void AddFingerprints_test_data_is_reproduced()
    {
        // src/testdata/testFile1.js and src/testdata/testFile2.js; the expected values are the
        // primaryLocationLineHash of the results at testFile1.js line 1 and testFile2.js line 2 in
        // src/testdata/fingerprinting.expected.sarif (fingerprints.test.ts, test "addFingerprints").
        const string testFile1 = "var a = 0;\nvar b = 0;\nvar c = 0;\nvar d = 0;\n";
        const string testFile2 = "var foo = 0;\nvar bar = 0;\nvar baz = 0;\nvar qux = 0;\n";

        Assert.Equal("5e4d5a9cf1294ad9:1", LineHash.ForLine(testFile1, 1));
        Assert.Equal("f7592a95a9381ac0:1", LineHash.ForLine(testFile2, 2));
    }

    [Fact]
    public void Inserting_unrelated_lines_above_keeps_the_hash()
    {
        const string below = "[Site]\nSiteCode=ABC\nManagementPoint=mp01.contoso.com\n";
        const string above = "; comment added later\nFoo=Bar\n\n";

        var before = LineHash.ForLine(below, 2);
        var after = LineHash.ForLine(above + below, 5);

        Assert.Equal(before, after);
    }

    [Fact]
    public void Inserting_an_identical_line_above_only_bumps_the_counter()
    {
        // A line's window reaches 100 characters forward, so a line above hashes the same only
        // when the 100 characters from it are the same too, as in a repeated block.
        var block = string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet.\n", 8));
        const string tail = "[Site]\nSiteCode=ABC\n";

        var before = LineHash.ForLine(block + tail, 1);
        var after = LineHash.ForLine("Lorem ipsum dolor sit amet.\n" + block + tail, 2);

        Assert.Equal(before.Split(':')[0], after.Split(':')[0]);
        Assert.Equal("1", before.Split(':')[1]);
        Assert.Equal("2", after.Split(':')[1]);
        // Lines below the repeated block keep their counter.
        Assert.Equal(LineHash.ForLine(block + tail, 9), LineHash.ForLine("Lorem ipsum dolor sit amet.\n" + block + tail, 10));
    }

    [Fact]
    public void Empty_file_has_one_line_like_SourceText()
    {
        Assert.Single(LineHash.Compute(string.Empty));
        Assert.Equal(1, new SourceText(string.Empty).LineCount);
    }

    [Theory]
    [InlineData("a\nb", 2)]
    [InlineData("a\nb\n", 3)]
    [InlineData("a\r\nb\r\n", 3)]
    [InlineData("a\rb\r", 3)]
    [InlineData("a\r\rb", 3)]
    [InlineData("a\r \nb", 3)]
    [InlineData("a\n   \n\t\nb", 4)]
    [InlineData("\n", 2)]
    public void Line_numbering_is_SourceText_plus_one_after_a_final_break(string text, int githubLines)
    {
        var sourceText = new SourceText(text);
        var endsWithBreak = text.Length > 0 && text[^1] is '\n' or '\r';

        Assert.Equal(githubLines, LineHash.Compute(text).Length);
        Assert.Equal(sourceText.LineCount + (endsWithBreak ? 1 : 0), githubLines);
    }

    [Fact]
    public void Lines_agree_with_SourceText_line_by_line()
    {
        // Each SourceText line k hashes like the same line standing first in a file made of
        // lines k..n: proof that both number the lines the same way.
        const string text = "one\r\ntwo\rthree\n\r\nfour \t\r\n  five";
        var sourceText = new SourceText(text);
        var hashes = LineHash.Compute(text);

        foreach (var (number, span) in sourceText.Lines())
        {
            var rest = text[span.Start..];
            Assert.Equal(hashes[number - 1].Split(':')[0], LineHash.ForLine(rest, 1).Split(':')[0]);
        }
    }

    [Fact]
    public void No_final_newline_ends_with_a_real_line()
    {
        var withBreak = LineHash.Compute("a=1\n");
        var without = LineHash.Compute("a=1");

        Assert.Equal(["c129715d7a2bc9a3:1"], withBreak[1..]); // the line after the final break is the empty-file hash
        Assert.Single(without);
        Assert.NotEqual(withBreak[0], without[0]); // the window of line 1 sees the LF
    }

    [Fact]
    public void Nul_characters_in_the_text_are_hashed_and_can_start_lines()
    {
        // A UTF-16 file read as UTF-8 is full of NULs; they are text, unlike the end padding.
        var hashes = LineHash.Compute("a\0\r\0\n\0");

        Assert.Equal(3, hashes.Length);
        Assert.NotEqual("c129715d7a2bc9a3:1", hashes[2]);
    }

    [Fact]
    public void DecodeAsUploadSarif_keeps_the_bom_and_replaces_invalid_bytes()
    {
        // Not externally verified: mirrors Node's fs.createReadStream(path, "utf8") as read in
        // fingerprints.ts; a BOM is hashed as a character.
        var text = LineHash.DecodeAsUploadSarif([0xEF, 0xBB, 0xBF, (byte)'a', 0xE9, (byte)'\n']);

        Assert.Equal("\uFEFFa\uFFFD\n", text);
        Assert.NotEqual(LineHash.ForLine("a\uFFFD\n", 1), LineHash.ForLine(text, 1));
    }

    [Fact]
    public void ForLine_rejects_lines_the_file_does_not_have()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LineHash.ForLine("a\nb", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LineHash.ForLine("a\nb", 3));
        Assert.Equal("c129715d7a2bc9a3:1", LineHash.ForLine("a\nb\n", 3));
    }

    [Fact]
    public void Hashing_takes_one_window_step_per_kept_character()
    {
        // Linear time as an operation count, not a stopwatch: every kept character is one step of
        // the rolling window, plus the end sentinel and 100 steps of padding.
        var builder = new StringBuilder();
        var i = 0;
        while (builder.Length < 1 << 20)
        {
            builder.Append("Key").Append(i % 977).Append(" = value ").Append(i).Append("\r\n");
            i++;
        }

        var text = builder.ToString();
        var kept = text.Count(c => c is not (' ' or '\t' or '\n')); // CRLF counts once, as its CR
        Assert.Equal(kept + 1 + 100, LineHash.Steps(text));
        Assert.Equal(new SourceText(text).LineCount + 1, LineHash.Compute(text).Length);
    }

    public static TheoryData<string> ReferenceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(Repo.TestData, "linehash", "expected.txt")).Where(l => !l.StartsWith('#')))
        {
            data.Add(line.Split(' ')[0]);
        }

        return data;
    }

    /// <summary>
    /// testdata/linehash/expected.txt holds what codeql-action's own <c>hash()</c> printed for PE
    /// binaries, a file with a NUL byte, Windows-1252, UTF-16 and BOM files, and a file with a
    /// multi-byte and an invalid UTF-8 sequence across Node's 64 KiB read boundary.
    /// </summary>
    [Theory]
    [MemberData(nameof(ReferenceFiles))]
    public void Raw_bytes_hash_as_upload_sarif_hashes_them(string file)
    {
        var expected = File.ReadLines(Path.Combine(Repo.TestData, "linehash", "expected.txt"))
            .Single(l => l.Split(' ')[0] == file).Split(' ')[1..];
        var bytes = File.ReadAllBytes(Path.Combine(Repo.TestData, "linehash", file));

        Assert.Equal(expected, LineHash.Compute(bytes));
        using var stream = new MemoryStream(bytes);
        Assert.Equal(expected[..1], LineHash.Compute(stream, stopAfterLine: 1));
    }

    [Fact]
    public void A_read_limit_gives_no_hash_rather_than_a_wrong_one()
    {
        var bytes = Encoding.ASCII.GetBytes(new string(' ', 200_000) + "x\n");
        using var stream = new MemoryStream(bytes);
        Assert.Empty(LineHash.Compute(stream, stopAfterLine: 1, maxBytes: 100_000));
    }
}

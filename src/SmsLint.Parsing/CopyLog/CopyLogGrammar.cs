using Sprache;
using SmsLint.Parsing.Common;
using SmsLint.Text;
using static SmsLint.Parsing.Common.Grammar;

namespace SmsLint.Parsing.CopyLog;

/// <summary>
/// Copylog.tcf (SMS 2.0 logon points): <c>[FILE SOURCE]</c> then <c>path=CODE</c> lines, paths
/// with '\' or '/', names in any case. Other sections are kept.
/// </summary>
public static class CopyLogGrammar
{
    private static readonly Parser<CopyLogLine?> Blank = Blanks.Map(_ => (CopyLogLine?)null);

    private static readonly Parser<CopyLogLine?> Comment = Seq(Blanks, Char(';'), ToEnd,
        (lead, marker, text) => (CopyLogLine?)new CopyLogComment(TextSpan.FromBounds(marker.Start, text.End)));

    private static readonly Parser<CopyLogLine?> Header = Seq(
        Blanks,
        Char('['),
        Until(']'),
        Char(']').Named("']' to close the section name"),
        Blanks,
        (lead, open, name, close, trailing) => (CopyLogLine?)new CopyLogSectionHeader(TextSpan.FromBounds(open.Start, close.End), name.ToTrimmedToken()));

    private static readonly Parser<Piece> Segment = Chars1(c => c is not ('\\' or '/' or '='), "a path segment");

    private static readonly Parser<Piece> Separator = Chars1(c => c is '\\' or '/', "'\\'");

    private static readonly Parser<Piece> NextSegment = Seq(Separator, Segment, (sep, seg) => seg);

    private static readonly Parser<Token[]> PathSegments = Seq(Segment, NextSegment.Many(), Separator.Optional(), (first, rest, trailing) => Tokens(first, rest));

    private static readonly Parser<CopyLogLine?> Entry = Seq(Blanks, PathSegments, Char('='), ToEnd, (lead, path, eq, code) =>
    {
        var c = code.Trim();
        return (CopyLogLine?)new CopyLogEntry(
            TextSpan.FromBounds(path[0].Span.Start, Math.Max(eq.End, c.End)),
            PathToken(eq.Source, path),
            path,
            c.ToToken());
    });

    private static Token[] Tokens(Piece first, IEnumerable<Piece> rest)
    {
        var list = rest as List<Piece> ?? rest.ToList(); // Sprache's Many collects into a list
        var tokens = new Token[list.Count + 1];
        tokens[0] = first.ToTrimmedToken();
        for (var k = 0; k < list.Count; k++)
        {
            tokens[k + 1] = list[k].ToTrimmedToken();
        }

        return tokens;
    }

    /// <summary>The segments joined with '\'; the source text itself (pooled) when it is already written that way.</summary>
    private static Token PathToken(string source, Token[] segments)
    {
        var span = TextSpan.FromBounds(segments[0].Span.Start, segments[^1].Span.End);
        var verbatim = true;
        for (var k = 0; k + 1 < segments.Length && verbatim; k++)
        {
            var end = segments[k].Span.End;
            verbatim = segments[k + 1].Span.Start == end + 1 && source[end] == '\\';
        }

        return verbatim
            ? new Token(StringPool.Get(source, span.Start, span.Length), span)
            : new Token(string.Join('\\', segments.Select(s => s.Text)), span);
    }

    private static readonly Parser<CopyLogLine?> Malformed = Seq(Blanks, ToEnd1("text"), (lead, text) =>
    {
        var t = text.Trim();
        return (CopyLogLine?)new CopyLogMalformedLine(t.Span, t.ToToken());
    });

    private static readonly Parser<CopyLogLine?> HeaderLine = Header.End();

    private static readonly Parser<CopyLogLine?> CommentLine = Comment.End();

    private static readonly Parser<CopyLogLine?> OtherLine = Entry.End().Or(Blank.End()).Or(Malformed.End());

    /// <summary>
    /// One line, told apart by its first non-blank character: '[' a section header (which fails
    /// when unclosed), ';' a comment, anything else a path=CODE entry, a blank, or a malformed line.
    /// </summary>
    private static readonly Parser<CopyLogLine?> Line = ByFirstNonBlank(first => first switch
    {
        '[' => HeaderLine,
        ';' => CommentLine,
        _ => OtherLine,
    });

    private static readonly Func<CopyLogLine, bool> MayBeComment = node => node is CopyLogComment;

    public static CopyLogDocument Parse(SourceText text, int maxLineLength = int.MaxValue, ParseDeadline? deadline = null)
    {
        var (nodes, errors, comments) = ParseLines<CopyLogLine>(text, Line, (span, message) => new CopyLogErrorLine(span, message), CommentSyntax.Semicolon, MayBeComment, maxLineLength, deadline);
        return new CopyLogDocument(nodes, errors, comments);
    }
}

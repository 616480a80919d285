// FROZEN COPY of the parsers as they were before issue 14 (hand scanners with a Sprache
// fallback). The equivalence tests compare the shipped grammars against it; do not "fix" it.
using Sprache;
using SmsLint.Parsing.CopyLog;
using SmsLint.Parsing.Common;
using SmsLint.Text;
using static SmsLint.Tests.Parsing.Legacy.LegacyGrammar;

namespace SmsLint.Tests.Parsing.Legacy;

/// <summary>
/// Copylog.tcf (SMS 2.0 logon points): <c>[FILE SOURCE]</c> then <c>path=CODE</c> lines, paths
/// with '\' or '/', names in any case. Other sections are kept.
/// </summary>
internal static class LegacyCopyLog
{
    private static readonly Parser<CopyLogLine?> Blank = Ws.Return((CopyLogLine?)null);

    private static readonly Parser<CopyLogLine?> Comment =
        from lead in Ws
        from text in Literal(";").Then(_ => Rest).Spanned()
        select (CopyLogLine?)new CopyLogComment(text.Span);

    private static readonly Parser<CopyLogLine?> Header =
        from lead in Ws
        from open in Literal("[")
        from name in While(c => c != ']')
        from close in Literal("]").Named("']' to close the section name")
        from trailing in Ws
        select (CopyLogLine?)new CopyLogSectionHeader(TextSpan.FromBounds(open.Span.Start, close.Span.End), Trim(name));

    private static readonly Parser<Token> Segment = While1(c => c is not ('\\' or '/' or '='), "a path segment");

    private static readonly Parser<Token> Separator = While1(c => c is '\\' or '/', "'\\'");

    private static readonly Parser<IReadOnlyList<Token>> PathSegments =
        from first in Segment
        from rest in (from sep in Separator from seg in Segment select seg).Many()
        from trailing in Separator.Optional()
        select (IReadOnlyList<Token>)[Trim(first), .. rest.Select(Trim)];

    private static readonly Parser<CopyLogLine?> Entry =
        from lead in Ws
        from path in PathSegments.Spanned()
        from eq in Literal("=")
        from code in Rest
        let c = Trim(code)
        select (CopyLogLine?)new CopyLogEntry(
            TextSpan.FromBounds(path.Value[0].Span.Start, Math.Max(eq.Span.End, c.Span.End)),
            PathToken(path.Value),
            path.Value,
            c);

    private static Token PathToken(IReadOnlyList<Token> segments) =>
        new(string.Join('\\', segments.Select(s => s.Text)), TextSpan.FromBounds(segments[0].Span.Start, segments[^1].Span.End));

    private static readonly Parser<CopyLogLine?> Malformed =
        from lead in Ws
        from text in While1(_ => true, "text")
        let t = Trim(text)
        select (CopyLogLine?)new CopyLogMalformedLine(t.Span, t);

    // Declared last: static fields initialise in order.
    private static readonly Parser<CopyLogLine?> Line = input =>
        LegacyIni.FirstNonBlank(input) == '['
            ? Header.End()(input)
            : Comment.End().Or(Entry.End()).Or(Blank.End()).Or(Malformed.End())(input);

    public static (List<CopyLogLine> Nodes, List<ParseError> Errors) Parse(SourceText text, int maxLineLength = int.MaxValue) =>
        ParseLines<CopyLogLine>(text, Line, (span, message) => new CopyLogErrorLine(span, message), maxLineLength);
}

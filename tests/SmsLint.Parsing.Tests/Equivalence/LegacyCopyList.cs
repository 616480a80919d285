// FROZEN COPY of the parsers as they were before issue 14 (hand scanners with a Sprache
// fallback). The equivalence tests compare the shipped grammars against it; do not "fix" it.
using Sprache;
using SmsLint.Parsing.CopyList;
using SmsLint.Parsing.Common;
using SmsLint.Text;
using static SmsLint.Tests.Parsing.Legacy.LegacyGrammar;

namespace SmsLint.Tests.Parsing.Legacy;

/// <summary>
/// SMS 1.x copy lists (Cl_nt.txt and siblings). Only the CopyListVersion line is understood
/// (sms-domain.md §1.4: the rest of the syntax is not documented); every other line is kept as an
/// opaque entry with its span. A CopyListVersion keyword with no value is an error line.
/// </summary>
internal static class LegacyCopyList
{
    private static readonly Parser<CopyListLine?> Blank = Ws.Return((CopyListLine?)null);

    private static readonly Parser<CopyListLine?> VersionLine =
        from lead in Ws
        from keyword in Keyword("CopyListVersion")
        from sep in Ws.Then(_ => Literal("=").Or(Literal(":")).Optional()).Then(_ => Ws)
        from value in While1(c => c is not (' ' or '\t' or ';'), "a CopyListVersion value")
        from trailing in Rest
        select (CopyListLine?)new CopyListVersionLine(TextSpan.FromBounds(keyword.Span.Start, value.Span.End), keyword, value);

    private static readonly Parser<CopyListLine?> Opaque =
        from text in While1(_ => true, "text")
        let t = Trim(text)
        select (CopyListLine?)new CopyListEntry(t.Span);

    private static readonly Parser<CopyListLine?> Line = input =>
    {
        // A line that starts with the keyword must carry a value; otherwise it is an opaque entry.
        var li = (LegacyLineInput)input;
        var i = li.Position;
        while (i < li.End && li.Source[i] is ' ' or '\t')
        {
            i++;
        }

        const string key = "CopyListVersion";
        var startsWithKey = li.End - i >= key.Length
            && string.Compare(li.Source, i, key, 0, key.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (i + key.Length == li.End || !char.IsLetterOrDigit(li.Source[i + key.Length]));
        if (startsWithKey)
        {
            return VersionLine.End()(input);
        }

        // Blank or opaque, the whole syntax of every other line, scanned without the combinators
        // (Blank.End().Or(Opaque.End()) gives the same nodes).
        if (i == li.End)
        {
            return Result.Success((CopyListLine?)null, li.At(li.End));
        }

        var text = LegacyIni.TrimmedToken(li.Source, li.Position, li.End);
        return Result.Success((CopyListLine?)new CopyListEntry(text.Span), li.At(li.End));
    };

    public static (List<CopyListLine> Nodes, List<ParseError> Errors) Parse(SourceText text, int maxLineLength = int.MaxValue) =>
        ParseLines<CopyListLine>(text, Line, (span, message) => new CopyListErrorLine(span, message), maxLineLength);
}

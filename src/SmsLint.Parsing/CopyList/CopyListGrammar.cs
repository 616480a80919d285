using Sprache;
using SmsLint.Parsing.Common;
using SmsLint.Text;
using static SmsLint.Parsing.Common.Grammar;

namespace SmsLint.Parsing.CopyList;

/// <summary>
/// SMS 1.x copy lists (Cl_nt.txt and siblings). Only the CopyListVersion line is understood
/// (sms-domain.md §1.4: the rest of the syntax is not documented); every other line is kept as an
/// opaque entry with its span. A CopyListVersion keyword with no value is an error line.
/// </summary>
public static class CopyListGrammar
{
    private const string VersionKeyword = "CopyListVersion";

    private static readonly Parser<Piece> Separator = Seq(Blanks, Char('=').Or(Char(':')).Optional(), Blanks, (before, mark, after) => after);

    private static readonly Parser<CopyListLine?> VersionLine = Seq(
        Blanks,
        Word(VersionKeyword),
        Separator,
        Chars1(c => c is not (' ' or '\t' or ';'), "a CopyListVersion value"),
        ToEnd,
        (lead, keyword, sep, value, trailing) =>
            (CopyListLine?)new CopyListVersionLine(TextSpan.FromBounds(keyword.Start, value.End), keyword.ToToken(), value.ToToken()));

    private static readonly Parser<CopyListLine?> Opaque = ToEnd1("text").Map(text => (CopyListLine?)new CopyListEntry(text.Trim().Span));

    private static readonly Parser<CopyListLine?> Blank = Blanks.Map(_ => (CopyListLine?)null);

    private static readonly Parser<CopyListLine?> VersionLineEnd = VersionLine.End();

    private static readonly Parser<CopyListLine?> OpaqueLine = Opaque.End();

    private static readonly Parser<CopyListLine?> BlankLine = Blank.End();

    private static readonly Parser<Piece> VersionWord = Word(VersionKeyword);

    private static readonly Parser<Piece> KeywordAhead = Seq(Blanks, VersionWord, (lead, word) => word);

    /// <summary>A line starting with 'c': the version line if the whole keyword is there, else opaque.</summary>
    private static readonly Parser<CopyListLine?> VersionOrOpaqueByKeyword = input =>
        KeywordAhead(input).WasSuccessful ? VersionLineEnd(input) : OpaqueLine(input);

    /// <summary>
    /// One line. A line that starts with the CopyListVersion keyword must carry a value (else it
    /// is an error line); a blank line is no node; every other line is an opaque entry.
    /// </summary>
    private static readonly Parser<CopyListLine?> Line = ByFirstNonBlank(first => first switch
    {
        '\0' => BlankLine.Or(OpaqueLine),
        'C' or 'c' => VersionOrOpaqueByKeyword,
        _ => OpaqueLine,
    });

    /// <summary>
    /// The copy-list syntax has no comments of its own, so a ';' line stays an opaque entry (a
    /// span-only node); every entry may therefore be a comment line, where inline suppressions are
    /// written, and <see cref="CommentLines.TryRead"/> tells (it looks at the line's first
    /// non-blank character and allocates nothing for a line that is not one).
    /// </summary>
    private static readonly Func<CopyListLine, bool> MayBeComment = node => node is CopyListEntry;

    public static CopyListDocument Parse(SourceText text, int maxLineLength = int.MaxValue, ParseDeadline? deadline = null)
    {
        var (nodes, errors, comments) = ParseLines<CopyListLine>(text, Line, (span, message) => new CopyListErrorLine(span, message), CommentSyntax.Semicolon, MayBeComment, maxLineLength, deadline);
        return new CopyListDocument(nodes, errors, comments);
    }
}

using Sprache;
using SmsLint.Parsing.Common;
using SmsLint.Text;
using static SmsLint.Parsing.Common.Grammar;

namespace SmsLint.Parsing.Ini;

/// <summary>
/// The INI dialect shared by Sms.ini, Domain.ini, Smscfg.ini, Compver.ini, Caplist.ini, Smsls.ini,
/// Copylog.tcf and hierarchy.ini: case-insensitive names, white space around '=' and the brackets,
/// ';' comment lines, a " ;" trailing comment, and lines without '='. Parsed one line at a time.
/// This grammar is the only INI parser: every line, well-formed or not, goes through it.
/// </summary>
public static class IniGrammar
{
    private static readonly Parser<IniLine?> Blank = Blanks.Map(_ => (IniLine?)null);

    private static readonly Parser<Piece> CommentMarker = Char(';').Or(Char('#'));

    private static readonly Parser<IniLine?> Comment = Seq(Blanks, CommentMarker, ToEnd,
        (lead, marker, text) => (IniLine?)new IniComment(TextSpan.FromBounds(marker.Start, text.End), text.ToToken()));

    private static readonly Parser<Piece> TrailingComment = Char(';').Then(_ => ToEnd);

    private static readonly Parser<IniLine?> Header = Seq(
        Blanks,
        Char('['),
        Until(']'),
        Char(']').Named("']' to close the section name"),
        Seq(Blanks, TrailingComment.Optional(), (blanks, comment) => blanks),
        (lead, open, name, close, trailing) => (IniLine?)new IniSectionHeader(TextSpan.FromBounds(open.Start, close.End), name.ToTrimmedToken()));

    private static readonly Parser<IniLine?> Entry = Seq(Blanks, Chars1(c => c != '=', "a key"), Char('='), ToEnd, (lead, key, eq, value) =>
    {
        var k = key.Trim();
        var v = ValueWithoutComment(value);
        return (IniLine?)new IniEntry(TextSpan.FromBounds(k.Start, Math.Max(v.End, eq.End)), k.ToToken(), v.ToToken());
    });

    /// <summary>"value ; comment": a ';' preceded by white space starts a trailing comment. Trimmed.</summary>
    private static Piece ValueWithoutComment(Piece raw)
    {
        var text = raw.Chars;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == ';' && text[i - 1] is ' ' or '\t')
            {
                return raw.Take(i).Trim();
            }
        }

        return raw.Trim();
    }

    private static readonly Parser<IniLine?> Bare = Chars1(c => c != '=', "text").Map(text =>
    {
        var t = text.Trim();
        return (IniLine?)new IniBareLine(t.Span, t.ToToken());
    });

    private static readonly Parser<IniLine?> HeaderLine = Header.End();

    private static readonly Parser<IniLine?> CommentLine = Comment.End();

    /// <summary>Text with or without '=' (the first character is neither '=' nor a comment marker).</summary>
    private static readonly Parser<IniLine?> TextLine = Entry.End().Or(Bare.End());

    /// <summary>
    /// Every alternative in order. Only a line whose first non-blank character is '=' takes it, and
    /// it fails there: all four alternatives fail, and the error lists what each expected.
    /// </summary>
    private static readonly Parser<IniLine?> AnyLine = Comment.End().Or(Entry.End()).Or(Bare.End()).Or(Blank.End());

    /// <summary>
    /// One line: blank, comment, header, key=value, or bare text, told apart by the first
    /// character that is not blank. A line whose first non-blank character is '[' can only be a
    /// header, so "[x" without "]" fails instead of becoming text. A blank line of spaces reads as
    /// a bare line of no text (Bare precedes Blank).
    /// </summary>
    internal static readonly Parser<IniLine?> Line = ByFirstNonBlank(first => first switch
    {
        '[' => HeaderLine,
        ';' or '#' => CommentLine,
        '=' => AnyLine,
        _ => TextLine,
    });

    /// <summary>A ';' line is an <see cref="IniComment"/> (so is a '#' line, which is not a comment line to suppressions).</summary>
    private static readonly Func<IniLine, bool> MayBeComment = node => node is IniComment;

    public static IniDocument Parse(SourceText text, int maxLineLength = int.MaxValue, ParseDeadline? deadline = null)
    {
        var (nodes, errors, comments) = ParseLines<IniLine>(text, Line, (span, message) => new IniErrorLine(span, message), CommentSyntax.Semicolon, MayBeComment, maxLineLength, deadline);
        return new IniDocument(nodes, errors, comments);
    }
}

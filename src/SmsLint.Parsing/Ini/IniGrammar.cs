using Sprache;
using SmsLint.Parsing.Common;
using SmsLint.Text;
using static SmsLint.Parsing.Common.Grammar;

namespace SmsLint.Parsing.Ini;

/// <summary>
/// The INI dialect shared by Sms.ini, Domain.ini, Smscfg.ini, Compver.ini, Caplist.ini, Smsls.ini,
/// Copylog.tcf and hierarchy.ini: case-insensitive names, white space around '=' and the brackets,
/// ';' comment lines, a " ;" trailing comment, and lines without '='. Parsed one line at a time.
/// </summary>
public static class IniGrammar
{
    private static readonly Parser<IniLine?> Blank = Ws.Return((IniLine?)null);

    private static readonly Parser<IniLine?> Comment =
        from lead in Ws
        from text in Literal(";").Or(Literal("#")).Then(_ => Rest).Spanned()
        select (IniLine?)new IniComment(text.Span, text.Value);

    private static readonly Parser<IniLine?> Header =
        from lead in Ws
        from open in Literal("[")
        from name in While(c => c != ']')
        from close in Literal("]").Named("']' to close the section name")
        from trailing in Ws
        from comment in Literal(";").Then(_ => Rest).Optional()
        select (IniLine?)new IniSectionHeader(TextSpan.FromBounds(open.Span.Start, close.Span.End), Trim(name));

    /// <summary>Splits "value ; comment": a ';' preceded by white space starts a trailing comment.</summary>
    private static Token ValueWithoutComment(Token raw)
    {
        var text = raw.Text;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == ';' && text[i - 1] is ' ' or '\t')
            {
                return Trim(new Token(text[..i], new TextSpan(raw.Span.Start, i)));
            }
        }

        return Trim(raw);
    }

    private static readonly Parser<IniLine?> Entry =
        from lead in Ws
        from key in While1(c => c != '=', "a key")
        from eq in Literal("=")
        from value in Rest
        let k = Trim(key)
        let v = ValueWithoutComment(value)
        select (IniLine?)new IniEntry(TextSpan.FromBounds(k.Span.Start, Math.Max(v.Span.End, eq.Span.End)), k, v);

    private static readonly Parser<IniLine?> Bare =
        from text in While1(c => c != '=', "text")
        let t = Trim(text)
        select (IniLine?)new IniBareLine(t.Span, t);

    /// <summary>
    /// One line: blank, comment, header, key=value, or bare text. A line whose first non-blank
    /// character is '[' can only be a header, so "[x" without "]" fails instead of becoming text.
    /// </summary>
    internal static readonly Parser<IniLine?> Line = input =>
        FirstNonBlank(input) == '['
            ? Header.End()(input)
            : Comment.End().Or(Entry.End()).Or(Bare.End()).Or(Blank.End())(input);

    internal static char FirstNonBlank(IInput input)
    {
        var li = (LineInput)input;
        var i = li.Position;
        while (i < li.End && li.Source[i] is ' ' or '\t')
        {
            i++;
        }

        return i < li.End ? li.Source[i] : '\0';
    }

    public static IniDocument Parse(SourceText text, int maxLineLength = int.MaxValue)
    {
        var (nodes, errors) = ParseLines<IniLine>(text, Line, (span, message) => new IniErrorLine(span, message), maxLineLength);
        return new IniDocument(nodes, errors);
    }
}

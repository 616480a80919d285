// FROZEN COPY of the parsers as they were before issue 14 (hand scanners with a Sprache
// fallback). The equivalence tests compare the shipped grammars against it; do not "fix" it.
using Sprache;
using SmsLint.Parsing.Ini;
using SmsLint.Parsing.Common;
using SmsLint.Text;
using static SmsLint.Tests.Parsing.Legacy.LegacyGrammar;

namespace SmsLint.Tests.Parsing.Legacy;

/// <summary>
/// The INI dialect shared by Sms.ini, Domain.ini, Smscfg.ini, Compver.ini, Caplist.ini, Smsls.ini,
/// Copylog.tcf and hierarchy.ini: case-insensitive names, white space around '=' and the brackets,
/// ';' comment lines, a " ;" trailing comment, and lines without '='. Parsed one line at a time.
/// </summary>
internal static class LegacyIni
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
    {
        var li = (LegacyLineInput)input;
        if (TryScan(li.Source, li.Position, li.End, out var node))
        {
            return Result.Success(node, li.At(li.End));
        }

        return FirstNonBlank(input) == '['
            ? Header.End()(input)
            : Comment.End().Or(Entry.End()).Or(Bare.End()).Or(Blank.End())(input);
    };

    /// <summary>
    /// The same grammar as the Sprache rules above, hand-scanned for the lines that parse: every
    /// line of a well-formed file takes this path and allocates only its node and tokens. A line
    /// it does not accept (an unclosed header, a line starting with '=') goes to the Sprache
    /// rules, which build the error message; the node built here is the one they would build.
    /// </summary>
    private static bool TryScan(string s, int start, int end, out IniLine? node)
    {
        node = null;
        var i = start;
        while (i < end && s[i] is ' ' or '\t')
        {
            i++;
        }

        if (i == end)
        {
            // Blank: an empty line is no node; blanks only read as a bare line of no text (Bare precedes Blank).
            if (i > start)
            {
                var none = new Token(string.Empty, new TextSpan(end, 0));
                node = new IniBareLine(none.Span, none);
            }

            return true;
        }

        var first = s[i];
        if (first == '[')
        {
            var close = s.IndexOf(']', i + 1, end - i - 1);
            if (close < 0)
            {
                return false;
            }

            var k = close + 1;
            while (k < end && s[k] is ' ' or '\t')
            {
                k++;
            }

            if (k < end && s[k] != ';')
            {
                return false;
            }

            node = new IniSectionHeader(TextSpan.FromBounds(i, close + 1), TrimmedToken(s, i + 1, close));
            return true;
        }

        if (first is ';' or '#')
        {
            node = new IniComment(TextSpan.FromBounds(i, end), new Token(s[(i + 1)..end], TextSpan.FromBounds(i + 1, end)));
            return true;
        }

        var eq = s.IndexOf('=', i, end - i);
        if (eq < 0)
        {
            var bare = TrimmedToken(s, start, end);
            node = new IniBareLine(bare.Span, bare);
            return true;
        }

        if (eq == i)
        {
            return false;
        }

        var key = TrimmedToken(s, i, eq);
        var valueEnd = end;
        for (var c = eq + 2; c < end; c++)
        {
            if (s[c] == ';' && s[c - 1] is ' ' or '\t')
            {
                valueEnd = c;
                break;
            }
        }

        var value = TrimmedToken(s, eq + 1, valueEnd);
        node = new IniEntry(TextSpan.FromBounds(key.Span.Start, Math.Max(value.Span.End, eq + 1)), key, value);
        return true;
    }

    /// <summary>What <see cref="Grammar.Trim"/> makes of the token [start, end): blanks trimmed, span adjusted.</summary>
    internal static Token TrimmedToken(string s, int start, int end)
    {
        var a = start;
        var b = end;
        while (a < b && s[a] is ' ' or '\t')
        {
            a++;
        }

        while (b > a && s[b - 1] is ' ' or '\t')
        {
            b--;
        }

        return new Token(s.Substring(a, b - a), TextSpan.FromBounds(a, b));
    }

    internal static char FirstNonBlank(IInput input)
    {
        var li = (LegacyLineInput)input;
        var i = li.Position;
        while (i < li.End && li.Source[i] is ' ' or '\t')
        {
            i++;
        }

        return i < li.End ? li.Source[i] : '\0';
    }

    public static (List<IniLine> Nodes, List<ParseError> Errors) Parse(SourceText text, int maxLineLength = int.MaxValue) =>
        ParseLines<IniLine>(text, Line, (span, message) => new IniErrorLine(span, message), maxLineLength);
}

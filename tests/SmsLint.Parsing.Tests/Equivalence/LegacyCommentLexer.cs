// FROZEN COPY of the comment lexing of InlineDirectives (src/SmsLint.Analysis/Suppressions) as it
// was before issue 14 moved whole-line comments into the grammars. CommentEquivalenceTests compare
// the documents' Comments against it; do not "fix" it. Two changes only: the "smslint-" prefix is a
// parameter (so the oracle can also list every comment line, prefix "" matching every body), and
// the syntax is the Parsing.Common enum of the same name and members.
using SmsLint.Parsing.Common;
using SmsLint.Text;

namespace SmsLint.Tests.Parsing.Legacy;

internal static class LegacyCommentLexer
{
    public const string Prefix = "smslint-";

    /// <summary>The (line, span, body) of every comment line whose body starts with <paramref name="prefix"/>, as InlineDirectives.Find collected them.</summary>
    public static List<(int Line, TextSpan Span, string Body)> Find(SourceText text, CommentSyntax syntax, string prefix = Prefix)
    {
        var found = new List<(int Line, TextSpan Span, string Body)>();
        foreach (var (number, span) in text.Lines())
        {
            if (CommentBody(text, span, syntax, prefix) is { } comment)
            {
                found.Add((number, comment.Span, comment.Body));
            }
        }

        return found;
    }

    /// <summary>The part of a whole-line comment after its marker, when it starts with "smslint-".</summary>
    private static (TextSpan Span, string Body)? CommentBody(SourceText text, TextSpan line, CommentSyntax syntax, string prefix)
    {
        var s = text.Text.AsSpan(line.Start, line.Length);
        var start = 0;
        while (start < s.Length && s[start] is ' ' or '\t')
        {
            start++;
        }

        var rest = s[start..];
        ReadOnlySpan<char> body;
        if (syntax == CommentSyntax.Semicolon)
        {
            if (!rest.StartsWith(";"))
            {
                return null;
            }

            body = rest[1..];
        }
        else
        {
            var command = rest.StartsWith("@") ? rest[1..] : rest;
            if (command.StartsWith("::"))
            {
                body = command[2..];
            }
            else if (command.Length >= 4 && command[..3].Equals("REM", StringComparison.OrdinalIgnoreCase) && command[3] is ' ' or '\t')
            {
                body = command[4..];
            }
            else
            {
                return null;
            }
        }

        body = body.Trim();
        if (!body.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var trimmedEnd = s.TrimEnd().Length;
        return (TextSpan.FromBounds(line.Start + start, line.Start + trimmedEnd), body.ToString());
    }
}

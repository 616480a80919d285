// FROZEN COPY of the parsers as they were before issue 14 (hand scanners with a Sprache
// fallback). The equivalence tests compare the shipped grammars against it; do not "fix" it.
using Sprache;
using SmsLint.Parsing.Common;
using SmsLint.Text;

namespace SmsLint.Tests.Parsing.Legacy;

/// <summary>
/// Sprache primitives shared by the SMS grammars. The scanning primitives read the source string
/// directly and jump the input forward, instead of allocating one input per character.
/// </summary>
internal static class LegacyGrammar
{
    /// <summary>Zero or more characters satisfying <paramref name="predicate"/>, as a token.</summary>
    public static Parser<Token> While(Func<char, bool> predicate) => input =>
    {
        var li = (LegacyLineInput)input;
        var i = li.Position;
        while (i < li.End && predicate(li.Source[i]))
        {
            i++;
        }

        return Result.Success(new Token(li.Source[li.Position..i], TextSpan.FromBounds(li.Position, i)), li.At(i));
    };

    /// <summary>One or more characters satisfying <paramref name="predicate"/>.</summary>
    public static Parser<Token> While1(Func<char, bool> predicate, string expected) => input =>
    {
        var result = While(predicate)(input);
        return result.Value.Text.Length > 0
            ? result
            : Result.Failure<Token>(input, $"expected {expected}", [expected]);
    };

    /// <summary>Spaces and tabs.</summary>
    public static readonly Parser<Token> Ws = While(c => c is ' ' or '\t');

    /// <summary>At least one space or tab.</summary>
    public static readonly Parser<Token> Ws1 = While1(c => c is ' ' or '\t', "white space");

    /// <summary>The rest of the line, verbatim.</summary>
    public static readonly Parser<Token> Rest = While(_ => true);

    /// <summary>End of the line (the input stops at the line break).</summary>
    public static readonly Parser<bool> Eol = input => input.AtEnd
        ? Result.Success(true, input)
        : Result.Failure<bool>(input, $"unexpected '{input.Current}'", ["end of line"]);

    /// <summary>A word matched case-insensitively, not followed by a letter or digit.</summary>
    public static Parser<Token> Keyword(string word) => input =>
    {
        var li = (LegacyLineInput)input;
        var end = li.Position + word.Length;
        if (end <= li.End
            && string.Compare(li.Source, li.Position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (end == li.End || !char.IsLetterOrDigit(li.Source[end])))
        {
            return Result.Success(new Token(li.Source[li.Position..end], TextSpan.FromBounds(li.Position, end)), li.At(end));
        }

        return Result.Failure<Token>(input, $"expected '{word}'", [word]);
    };

    /// <summary>A literal string, case-insensitive.</summary>
    public static Parser<Token> Literal(string text) => input =>
    {
        var li = (LegacyLineInput)input;
        var end = li.Position + text.Length;
        if (end <= li.End && string.Compare(li.Source, li.Position, text, 0, text.Length, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return Result.Success(new Token(li.Source[li.Position..end], TextSpan.FromBounds(li.Position, end)), li.At(end));
        }

        return Result.Failure<Token>(input, $"expected '{text}'", [text]);
    };

    /// <summary>The span of the input consumed by <paramref name="parser"/>, with its value.</summary>
    public static Parser<(T Value, TextSpan Span)> Spanned<T>(this Parser<T> parser) => input =>
    {
        var r = parser(input);
        return r.WasSuccessful
            ? Result.Success((r.Value, TextSpan.FromBounds(input.Position, r.Remainder.Position)), r.Remainder)
            : Result.Failure<(T, TextSpan)>(r.Remainder, r.Message, r.Expectations);
    };

    /// <summary>A token with white space trimmed from both ends (span adjusted to the trimmed text).</summary>
    public static Token Trim(Token token)
    {
        var text = token.Text;
        var start = 0;
        var end = text.Length;
        while (start < end && text[start] is ' ' or '\t')
        {
            start++;
        }

        while (end > start && text[end - 1] is ' ' or '\t')
        {
            end--;
        }

        return start == 0 && end == text.Length
            ? token
            : new Token(text[start..end], new TextSpan(token.Span.Start + start, end - start));
    }

    /// <summary>
    /// Runs <paramref name="line"/> over every line of <paramref name="text"/>. A line that fails
    /// becomes the node <paramref name="onError"/> builds and a <see cref="ParseError"/>; the next
    /// line parses as if nothing happened. Lines over <paramref name="maxLineLength"/> are not given
    /// to the grammar at all. (The deadline check of the shipped version is left out.)
    /// </summary>
    public static (List<TNode> Nodes, List<ParseError> Errors) ParseLines<TNode>(
        SourceText text,
        Parser<TNode?> line,
        Func<TextSpan, string, TNode> onError,
        int maxLineLength = int.MaxValue)
        where TNode : class
    {
        var nodes = new List<TNode>();
        var errors = new List<ParseError>();
        var wholeLine = line.End(); // built once per file, not once per line
        foreach (var (_, span) in text.Lines())
        {
            if (span.Length == 0)
            {
                // Every grammar reads an empty line as no node; skipping the combinators keeps a
                // file of millions of empty lines linear and fast.
                continue;
            }

            if (span.Length > maxLineLength)
            {
                var message = $"line is {span.Length} characters long, over the limit of {maxLineLength}; it was not parsed";
                errors.Add(new ParseError(span, message));
                nodes.Add(onError(span, message));
                continue;
            }

            var input = new LegacyLineInput(text.Text, span.Start, span.End);
            IResult<TNode?> result;
            try
            {
                result = wholeLine(input);
            }
            catch (Exception ex) when (ex is ParseException or InvalidOperationException or ArgumentException)
            {
                result = Result.Failure<TNode?>(input, ex.Message, []);
            }

            if (result.WasSuccessful)
            {
                if (result.Value is not null)
                {
                    nodes.Add(result.Value);
                }
            }
            else
            {
                var at = Math.Clamp(result.Remainder?.Position ?? span.Start, span.Start, span.End);
                var message = Describe(result, text.Text, at, span);
                var errorSpan = TextSpan.FromBounds(at == span.End ? span.Start : at, span.End);
                errors.Add(new ParseError(errorSpan, message));
                nodes.Add(onError(errorSpan, message));
            }
        }

        return (nodes, errors);
    }

    private static string Describe<T>(IResult<T> result, string source, int at, TextSpan line)
    {
        var expected = result.Expectations?.Where(e => !string.IsNullOrEmpty(e)).Distinct().ToList() ?? [];
        var found = at >= line.End ? "end of line" : $"'{source[at]}'";
        if (expected.Count > 0)
        {
            return $"expected {string.Join(" or ", expected)}, found {found}";
        }

        return string.IsNullOrEmpty(result.Message) ? $"unexpected {found}" : result.Message;
    }
}


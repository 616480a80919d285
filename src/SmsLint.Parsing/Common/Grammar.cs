using Sprache;
using SmsLint.Text;

namespace SmsLint.Parsing.Common;

/// <summary>
/// Sprache primitives shared by the SMS grammars. Every primitive is a custom
/// <see cref="Parser{T}"/> delegate that reads the line's source string directly and jumps the
/// input forward in one step, instead of allocating one input per character. The span
/// primitives (<see cref="Chars"/>, <see cref="Blanks"/>, <see cref="ToEnd"/>, <see cref="Char"/>,
/// <see cref="Word"/>) return a <see cref="Piece"/>, a struct naming a slice of the line, so a
/// rule allocates strings only for the tokens its node keeps (<see cref="Piece.ToToken"/>, via
/// <see cref="StringPool"/>). Failure messages and expectations are built once, when the grammar
/// is, not each time an alternative fails.
/// </summary>
internal static class Grammar
{
    /// <summary>Zero or more characters satisfying <paramref name="predicate"/>, as a slice of the line.</summary>
    public static Parser<Piece> Chars(Func<char, bool> predicate) => input =>
    {
        var li = (LineInput)input;
        var i = li.Position;
        while (i < li.End && predicate(li.Source[i]))
        {
            i++;
        }

        return Result.Success(new Piece(li.Source, li.Position, i), li.At(i));
    };

    /// <summary>One or more characters satisfying <paramref name="predicate"/>.</summary>
    public static Parser<Piece> Chars1(Func<char, bool> predicate, string expected)
    {
        var message = $"expected {expected}";
        string[] expectations = [expected];
        return input =>
        {
            var li = (LineInput)input;
            var i = li.Position;
            while (i < li.End && predicate(li.Source[i]))
            {
                i++;
            }

            return i > li.Position
                ? Result.Success(new Piece(li.Source, li.Position, i), li.At(i))
                : Result.Failure<Piece>(input, message, expectations);
        };
    }

    /// <summary>Characters up to (not including) <paramref name="stop"/> or the end of the line, found with a vectorised search.</summary>
    public static Parser<Piece> Until(char stop) => input =>
    {
        var li = (LineInput)input;
        var found = li.Source.AsSpan(li.Position, li.End - li.Position).IndexOf(stop);
        var end = found < 0 ? li.End : li.Position + found;
        return Result.Success(new Piece(li.Source, li.Position, end), li.At(end));
    };

    /// <summary>Spaces and tabs (possibly none).</summary>
    public static readonly Parser<Piece> Blanks = input =>
    {
        var li = (LineInput)input;
        var i = li.Position;
        while (i < li.End && li.Source[i] is ' ' or '\t')
        {
            i++;
        }

        return Result.Success(new Piece(li.Source, li.Position, i), li.At(i));
    };

    /// <summary>The rest of the line, verbatim.</summary>
    public static readonly Parser<Piece> ToEnd = input =>
    {
        var li = (LineInput)input;
        return Result.Success(new Piece(li.Source, li.Position, li.End), li.At(li.End));
    };

    /// <summary>The rest of the line if it has at least one character.</summary>
    public static Parser<Piece> ToEnd1(string expected)
    {
        var message = $"expected {expected}";
        string[] expectations = [expected];
        return input =>
        {
            var li = (LineInput)input;
            return li.Position < li.End
                ? Result.Success(new Piece(li.Source, li.Position, li.End), li.At(li.End))
                : Result.Failure<Piece>(input, message, expectations);
        };
    }

    /// <summary>One character (compared case-insensitively, like <see cref="Literal"/>).</summary>
    public static Parser<Piece> Char(char c)
    {
        var text = c.ToString();
        var message = $"expected '{text}'";
        string[] expectations = [text];
        var upper = char.ToUpperInvariant(c);
        var lower = char.ToLowerInvariant(c);
        return input =>
        {
            var li = (LineInput)input;
            var p = li.Position;
            return p < li.End && (li.Source[p] == upper || li.Source[p] == lower)
                ? Result.Success(new Piece(li.Source, p, p + 1), li.At(p + 1))
                : Result.Failure<Piece>(input, message, expectations);
        };
    }

    /// <summary>A word matched case-insensitively, not followed by a letter or digit.</summary>
    public static Parser<Piece> Word(string word)
    {
        var message = $"expected '{word}'";
        string[] expectations = [word];
        return input =>
        {
            var li = (LineInput)input;
            var end = li.Position + word.Length;
            return end <= li.End
                && string.Compare(li.Source, li.Position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (end == li.End || !char.IsLetterOrDigit(li.Source[end]))
                ? Result.Success(new Piece(li.Source, li.Position, end), li.At(end))
                : Result.Failure<Piece>(input, message, expectations);
        };
    }

    /// <summary>
    /// Picks the alternative for a line by its first character that is not a space or tab
    /// ('\0' for a blank line): the grammars are LL(1) at the start of a line, so the one
    /// alternative that can match is chosen without trying and failing the others.
    /// </summary>
    public static Parser<T> ByFirstNonBlank<T>(Func<char, Parser<T>> choose) => input =>
    {
        var li = (LineInput)input;
        var i = li.Position;
        while (i < li.End && li.Source[i] is ' ' or '\t')
        {
            i++;
        }

        return choose(i < li.End ? li.Source[i] : '\0')(input);
    };

    /// <summary>
    /// <paramref name="parser"/>'s value mapped by <paramref name="map"/>. Like Sprache's
    /// <c>Select</c>, but it allocates no closures while parsing (Sprache's LINQ operators build
    /// new parsers on every invocation, which made query syntax the main allocation of a parse).
    /// </summary>
    public static Parser<R> Map<A, R>(this Parser<A> parser, Func<A, R> map) => input =>
    {
        var a = parser(input);
        return a.WasSuccessful ? Result.Success(map(a.Value), a.Remainder) : Result.Failure<R>(a.Remainder, a.Message, a.Expectations);
    };

    /// <summary>Two parsers in sequence; fails where the failing one failed (as Sprache's <c>Then</c>).</summary>
    public static Parser<R> Seq<A, B, R>(Parser<A> pa, Parser<B> pb, Func<A, B, R> map) => input =>
    {
        var a = pa(input);
        if (!a.WasSuccessful)
        {
            return Fail<A, R>(a);
        }

        var b = pb(a.Remainder);
        return b.WasSuccessful ? Result.Success(map(a.Value, b.Value), b.Remainder) : Fail<B, R>(b);
    };

    /// <summary>Three parsers in sequence.</summary>
    public static Parser<R> Seq<A, B, C, R>(Parser<A> pa, Parser<B> pb, Parser<C> pc, Func<A, B, C, R> map) => input =>
    {
        var a = pa(input);
        if (!a.WasSuccessful)
        {
            return Fail<A, R>(a);
        }

        var b = pb(a.Remainder);
        if (!b.WasSuccessful)
        {
            return Fail<B, R>(b);
        }

        var c = pc(b.Remainder);
        return c.WasSuccessful ? Result.Success(map(a.Value, b.Value, c.Value), c.Remainder) : Fail<C, R>(c);
    };

    /// <summary>Four parsers in sequence.</summary>
    public static Parser<R> Seq<A, B, C, D, R>(Parser<A> pa, Parser<B> pb, Parser<C> pc, Parser<D> pd, Func<A, B, C, D, R> map) => input =>
    {
        var a = pa(input);
        if (!a.WasSuccessful)
        {
            return Fail<A, R>(a);
        }

        var b = pb(a.Remainder);
        if (!b.WasSuccessful)
        {
            return Fail<B, R>(b);
        }

        var c = pc(b.Remainder);
        if (!c.WasSuccessful)
        {
            return Fail<C, R>(c);
        }

        var d = pd(c.Remainder);
        return d.WasSuccessful ? Result.Success(map(a.Value, b.Value, c.Value, d.Value), d.Remainder) : Fail<D, R>(d);
    };

    /// <summary>Five parsers in sequence (the last two combined with <see cref="Seq{A,B,R}"/> for more).</summary>
    public static Parser<R> Seq<A, B, C, D, E, R>(Parser<A> pa, Parser<B> pb, Parser<C> pc, Parser<D> pd, Parser<E> pe, Func<A, B, C, D, E, R> map) => input =>
    {
        var a = pa(input);
        if (!a.WasSuccessful)
        {
            return Fail<A, R>(a);
        }

        var b = pb(a.Remainder);
        if (!b.WasSuccessful)
        {
            return Fail<B, R>(b);
        }

        var c = pc(b.Remainder);
        if (!c.WasSuccessful)
        {
            return Fail<C, R>(c);
        }

        var d = pd(c.Remainder);
        if (!d.WasSuccessful)
        {
            return Fail<D, R>(d);
        }

        var e = pe(d.Remainder);
        return e.WasSuccessful ? Result.Success(map(a.Value, b.Value, c.Value, d.Value, e.Value), e.Remainder) : Fail<E, R>(e);
    };

    private static IResult<R> Fail<T, R>(IResult<T> failed) => Result.Failure<R>(failed.Remainder, failed.Message, failed.Expectations);

    /// <summary>Zero or more characters satisfying <paramref name="predicate"/>, as a token.</summary>
    public static Parser<Token> While(Func<char, bool> predicate) => input =>
    {
        var li = (LineInput)input;
        var i = li.Position;
        while (i < li.End && predicate(li.Source[i]))
        {
            i++;
        }

        return Result.Success(new Token(StringPool.Get(li.Source, li.Position, i - li.Position), TextSpan.FromBounds(li.Position, i)), li.At(i));
    };

    /// <summary>One or more characters satisfying <paramref name="predicate"/>.</summary>
    public static Parser<Token> While1(Func<char, bool> predicate, string expected)
    {
        var message = $"expected {expected}";
        string[] expectations = [expected];
        var zeroOrMore = While(predicate);
        return input =>
        {
            var result = zeroOrMore(input);
            return result.Value.Text.Length > 0
                ? result
                : Result.Failure<Token>(input, message, expectations);
        };
    }

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
    public static Parser<Token> Keyword(string word) => Word(word).Select(p => p.ToToken());

    /// <summary>A literal string, case-insensitive.</summary>
    public static Parser<Token> Literal(string text)
    {
        var message = $"expected '{text}'";
        string[] expectations = [text];
        return input =>
        {
            var li = (LineInput)input;
            var end = li.Position + text.Length;
            return end <= li.End && string.Compare(li.Source, li.Position, text, 0, text.Length, StringComparison.OrdinalIgnoreCase) == 0
                ? Result.Success(new Token(StringPool.Get(li.Source, li.Position, text.Length), TextSpan.FromBounds(li.Position, end)), li.At(end))
                : Result.Failure<Token>(input, message, expectations);
        };
    }

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
    /// to the grammar at all. A <paramref name="deadline"/> is checked before each line: past it,
    /// <see cref="ParseTimeLimitException"/> (or, when the scan is cancelled,
    /// <see cref="OperationCanceledException"/>) ends the parse.
    /// The whole-line comments are collected in the same pass: a line whose node
    /// <paramref name="mayBeComment"/> accepts, or that became an error (a line over the limit
    /// included), is read with <see cref="CommentLines.TryRead"/> in <paramref name="comments"/> syntax.
    /// </summary>
    public static (List<TNode> Nodes, List<ParseError> Errors, IReadOnlyList<CommentLine> Comments) ParseLines<TNode>(
        SourceText text,
        Parser<TNode?> line,
        Func<TextSpan, string, TNode> onError,
        CommentSyntax comments,
        Func<TNode, bool> mayBeComment,
        int maxLineLength = int.MaxValue,
        ParseDeadline? deadline = null)
        where TNode : class
    {
        var nodes = new List<TNode>();
        var errors = new List<ParseError>();
        var found = t_comments ??= [];
        found.Clear();
        var source = text.Text; // once: a compacted text builds a new string each time it is asked
        void Comment(int number, TextSpan span)
        {
            if (CommentLines.TryRead(source, span, comments, out var commentSpan, out var body))
            {
                found.Add(new CommentLine(number, commentSpan, body));
            }
        }

        var wholeLine = line.End(); // built once per file, not once per line
        foreach (var (number, span) in text.Lines())
        {
            deadline?.Check(span.Start);
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
                Comment(number, span);
                continue;
            }

            var input = new LineInput(source, span.Start, span.End);
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
                    if (mayBeComment(result.Value))
                    {
                        Comment(number, span);
                    }
                }
            }
            else
            {
                var at = Math.Clamp(result.Remainder?.Position ?? span.Start, span.Start, span.End);
                var message = Describe(result, source, at, span);
                var errorSpan = TextSpan.FromBounds(at == span.End ? span.Start : at, span.End);
                errors.Add(new ParseError(errorSpan, message));
                nodes.Add(onError(errorSpan, message));
                Comment(number, span);
            }
        }

        // An exact-size array (documents stay in memory for the cross-file rules), copied out of
        // this thread's list, so a file's comment lines cost one allocation.
        IReadOnlyList<CommentLine> listed = found.Count == 0 ? [] : found.ToArray();
        found.Clear();
        return (nodes, errors, listed);
    }

    /// <summary>The comment lines of the file being parsed on this thread (no grammar parses two files at once on one thread).</summary>
    [ThreadStatic]
    private static List<CommentLine>? t_comments;

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

/// <summary>
/// How long one file may take to parse, and the scan's cancellation. Created when the file's parse
/// starts; <see cref="Check"/> is cheap enough to call once per line.
/// </summary>
public sealed class ParseDeadline
{
    private readonly long _end;

    public ParseDeadline(TimeSpan limit, CancellationToken cancellation = default)
    {
        Limit = limit;
        Cancellation = cancellation;
        var ticks = limit <= TimeSpan.Zero || limit >= TimeSpan.FromDays(1)
            ? long.MaxValue
            : (long)(limit.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        _end = ticks == long.MaxValue ? long.MaxValue : now + ticks;
    }

    public TimeSpan Limit { get; }

    public CancellationToken Cancellation { get; }

    /// <summary>Throws when the scan was cancelled or the time is up; <paramref name="offset"/> is where parsing stands.</summary>
    public void Check(int offset)
    {
        Cancellation.ThrowIfCancellationRequested();
        if (_end != long.MaxValue && System.Diagnostics.Stopwatch.GetTimestamp() > _end)
        {
            throw new ParseTimeLimitException(Limit, offset);
        }
    }
}

/// <summary>A file took longer than its <see cref="ParseDeadline"/> allows; <see cref="Offset"/> is the line it stopped at.</summary>
public sealed class ParseTimeLimitException : Exception
{
    public ParseTimeLimitException()
    {
    }

    public ParseTimeLimitException(string message)
        : base(message)
    {
    }

    public ParseTimeLimitException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public ParseTimeLimitException(TimeSpan limit, int offset)
        : base($"parsing took longer than the limit of {limit.TotalSeconds:0.###} s")
    {
        Limit = limit;
        Offset = offset;
    }

    public TimeSpan Limit { get; }

    /// <summary>Character offset of the line the parse had reached.</summary>
    public int Offset { get; }
}

using SmsLint.Text;

namespace SmsLint.Parsing.Common;

/// <summary>
/// A slice [<see cref="Start"/>, <see cref="End"/>) of a line's source string: what the span
/// primitives of <see cref="Grammar"/> return. A struct, so scanning allocates nothing; a rule
/// turns the pieces its node keeps into <see cref="Token"/>s.
/// </summary>
internal readonly record struct Piece(string Source, int Start, int End)
{
    public TextSpan Span => TextSpan.FromBounds(Start, End);

    public int Length => End - Start;

    public ReadOnlySpan<char> Chars => Source.AsSpan(Start, End - Start);

    /// <summary>The piece without the spaces and tabs at either end (an all-blank piece becomes empty at its end).</summary>
    public Piece Trim()
    {
        var a = Start;
        var b = End;
        while (a < b && Source[a] is ' ' or '\t')
        {
            a++;
        }

        while (b > a && Source[b - 1] is ' ' or '\t')
        {
            b--;
        }

        return new Piece(Source, a, b);
    }

    /// <summary>The first <paramref name="length"/> characters.</summary>
    public Piece Take(int length) => new(Source, Start, Start + length);

    /// <summary>A token of this piece's text (pooled: SMS files repeat the same keys and values).</summary>
    public Token ToToken() => new(StringPool.Get(Source, Start, End - Start), Span);

    /// <summary>The token of the trimmed piece.</summary>
    public Token ToTrimmedToken() => Trim().ToToken();
}

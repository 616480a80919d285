// FROZEN COPY of the parsers as they were before issue 14 (hand scanners with a Sprache
// fallback). The equivalence tests compare the shipped grammars against it; do not "fix" it.
using Sprache;

namespace SmsLint.Tests.Parsing.Legacy;

/// <summary>
/// A Sprache input over one line of a larger text. Positions are absolute offsets into the
/// whole decoded file, so every node a grammar builds already carries its file span; the input
/// ends at the end of the line, so no grammar can run past it.
/// </summary>
internal sealed class LegacyLineInput : IInput
{
    private IDictionary<object, object>? _memos;

    public LegacyLineInput(string source, int position, int end)
    {
        Source = source;
        Position = position;
        End = end;
    }

    public string Source { get; }

    public int Position { get; }

    /// <summary>Exclusive end of the line (before its line break).</summary>
    public int End { get; }

    public char Current => Position < End ? Source[Position] : '\0';

    public bool AtEnd => Position >= End;

    public int Line => 1;

    public int Column => Position + 1;

    public IDictionary<object, object> Memos => _memos ??= new Dictionary<object, object>();

    public IInput Advance()
    {
        if (AtEnd)
        {
            throw new InvalidOperationException("Cannot advance beyond the end of the line.");
        }

        return new LegacyLineInput(Source, Position + 1, End);
    }

    /// <summary>Jump to <paramref name="position"/> in one step (used by the span-scanning primitives).</summary>
    public LegacyLineInput At(int position) => new(Source, Math.Min(position, End), End);

    public bool Equals(IInput? other) =>
        other is LegacyLineInput o && ReferenceEquals(o.Source, Source) && o.Position == Position && o.End == End;

    public override bool Equals(object? obj) => obj is IInput i && Equals(i);

    public override int GetHashCode() => HashCode.Combine(Position, End);
}

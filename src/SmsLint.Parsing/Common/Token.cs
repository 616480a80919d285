using SmsLint.Text;

namespace SmsLint.Parsing.Common;

/// <summary>A piece of source text with its span in the file.</summary>
public sealed record Token(string Text, TextSpan Span)
{
    public override string ToString() => Text;
}

/// <summary>A line that did not parse: the span to point at and what was expected there.</summary>
public sealed record ParseError(TextSpan Span, string Message);

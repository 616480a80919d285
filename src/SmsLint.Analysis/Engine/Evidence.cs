using SmsLint.Findings;
using SmsLint.Model;
using SmsLint.Parsing.Common;
using SmsLint.Text;

namespace SmsLint.Engine;

/// <summary>A piece of evidence for a finding: a file, optionally a span in it, and what it shows.</summary>
public readonly record struct Evidence(LoadedFile File, TextSpan? Span, string? Note = null)
{
    public static Evidence At(LoadedFile file, TextSpan span, string? note = null) => new(file, span, note);

    public static Evidence At(LoadedFile file, Token token, string? note = null) => new(file, token.Span, note);

    public static Evidence Whole(LoadedFile file, string? note = null) => new(file, null, note);

    /// <summary>The first line of a text file, or the whole file for a binary.</summary>
    public static Evidence Start(LoadedFile file, string? note = null) =>
        file.Text is { } text ? new(file, text.GetLineSpan(1), note) : new(file, null, note);

    /// <summary>
    /// The SARIF location: the span, or the first line of a text file given whole, or the file.
    /// A span outside the file's text is a bug in the rule, never a line to guess: it throws
    /// <see cref="EvidenceSpanException"/>, which the engine reports as the rule's internal error.
    /// </summary>
    public Location ToLocation()
    {
        if (File.Text is { } text && Span is { } span)
        {
            if (span.Start < 0 || span.End > text.Length || span.End < span.Start)
            {
                throw new EvidenceSpanException($"The evidence span {span.Start}..{span.End} lies outside the {text.Length} characters of '{File.Path}'.");
            }

            return Location.FromSpan(File.Path, text, span, Note);
        }

        if (File.Text is { } t && t.Length > 0)
        {
            return Location.FromSpan(File.Path, t, t.GetLineSpan(1), Note);
        }

        return Location.ForFile(File.Path, Note);
    }
}

/// <summary>A rule built evidence at a span its file does not have: an internal error of that rule.</summary>
public sealed class EvidenceSpanException(string message) : InvalidOperationException(message);

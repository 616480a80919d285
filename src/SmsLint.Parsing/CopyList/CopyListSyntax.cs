using SmsLint.Parsing.Common;
using SmsLint.Text;

namespace SmsLint.Parsing.CopyList;

public abstract record CopyListLine(TextSpan Span);

/// <summary>The <c>CopyListVersion</c> line, wherever it stands; <c>=</c>, <c>:</c> or white space separates the value.</summary>
public sealed record CopyListVersionLine(TextSpan Span, Token Keyword, Token Value) : CopyListLine(Span);

/// <summary>
/// Any other line: the exact syntax of copy-list entries is not documented, so they stay opaque.
/// The node is its span only (the line without its surrounding blanks, <c>SourceText.Slice(Span)</c>):
/// no rule reads an entry's text, and a snapshot holds hundreds of thousands of them (issue 14.3).
/// </summary>
public sealed record CopyListEntry(TextSpan Span) : CopyListLine(Span);

public sealed record CopyListErrorLine(TextSpan Span, string Message) : CopyListLine(Span);

/// <summary>A parsed Cl_nt.txt (or Cl_dos, Cl_os2, Cl_win95, Cl_win).</summary>
public sealed class CopyListDocument
{
    internal CopyListDocument(IReadOnlyList<CopyListLine> lines, IReadOnlyList<ParseError> errors, IReadOnlyList<CommentLine> comments)
    {
        // Exact-size arrays: the lists the parser grew keep up to half their room unused.
        Lines = lines is List<CopyListLine> list ? [.. list] : lines;
        Errors = errors.Count == 0 ? [] : errors;
        Comments = comments;
        Versions = [.. lines.OfType<CopyListVersionLine>()];
    }

    public IReadOnlyList<CopyListLine> Lines { get; }

    public IReadOnlyList<ParseError> Errors { get; }

    /// <summary>The <c>;</c> lines, in line order: opaque entries to the grammar, the lines inline suppressions are written on.</summary>
    public IReadOnlyList<CommentLine> Comments { get; }

    /// <summary>Every CopyListVersion line (normally exactly one).</summary>
    public IReadOnlyList<CopyListVersionLine> Versions { get; }

    public CopyListVersionLine? Version => Versions.Count > 0 ? Versions[0] : null;
}

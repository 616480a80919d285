using SmsLint.Text;

namespace SmsLint.Findings;

/// <summary>
/// A 1-based region in a snapshot file. Columns count UTF-16 code units; the end column is
/// exclusive (SARIF). <see cref="CharOffset"/>/<see cref="CharLength"/> give the same region
/// as a character range, which Visual Studio needs to apply fixes.
/// </summary>
public sealed record Region(int StartLine, int StartColumn, int EndLine, int EndColumn, int CharOffset, int CharLength)
{
    public static Region WholeFile { get; } = new(1, 1, 1, 1, 0, 0);
}

/// <summary>A place in the snapshot: a path relative to its root (forward slashes, as captured) and a region.</summary>
public sealed record Location(string Path, Region Region, string? Snippet, string? Message = null)
{
    /// <summary>Cap on the snippet carried into outputs, so a 2 MB line never lands in a SARIF log.</summary>
    public const int MaxSnippetLength = 400;

    public static Location FromSpan(string path, SourceText text, TextSpan span, string? message = null)
    {
        var start = text.GetPosition(span.Start);
        var end = text.GetPosition(span.End);
        var region = new Region(start.Line, start.Column, end.Line, end.Column, span.Start, span.Length);
        string? snippet = span.Length == 0 ? null : text.Slice(span);
        if (snippet is { Length: > MaxSnippetLength })
        {
            snippet = snippet[..MaxSnippetLength];
        }

        return new Location(path, region, snippet, message);
    }

    /// <summary>A location for a whole file whose text cannot be shown (a binary, an unreadable file).</summary>
    public static Location ForFile(string path, string? message = null) => new(path, Region.WholeFile, null, message);
}

using SmsLint.Parsing.Common;
using SmsLint.Text;

namespace SmsLint.Parsing.CopyLog;

public abstract record CopyLogLine(TextSpan Span);

public sealed record CopyLogSectionHeader(TextSpan Span, Token Name) : CopyLogLine(Span);

/// <summary>
/// <c>x86.bin\clicore.exe=AAA</c>: a path relative to the SMSLOGON root and the code of the site
/// recorded for it. <see cref="Segments"/> splits the path on '\' or '/'.
/// </summary>
public sealed record CopyLogEntry(TextSpan Span, Token Path, IReadOnlyList<Token> Segments, Token Code) : CopyLogLine(Span)
{
    /// <summary>The path in one canonical form for comparisons: lower case, '\' separators.</summary>
    public string Key { get; } = string.Join('\\', Segments.Select(s => s.Text.ToLowerInvariant()));

    /// <summary>True for <c>SITES\&lt;code&gt;\...</c> lines, which belong to one site.</summary>
    public bool IsSiteSpecific => Segments.Count >= 3 && Segments[0].Text.Equals("SITES", StringComparison.OrdinalIgnoreCase);

    /// <summary>The site code in a <c>SITES\&lt;code&gt;\file</c> path.</summary>
    public Token? PathSite => IsSiteSpecific ? Segments[1] : null;
}

/// <summary>A line in a section that is not <c>path=CODE</c> (LSM from SP2 on rewrites such lines).</summary>
public sealed record CopyLogMalformedLine(TextSpan Span, Token Text) : CopyLogLine(Span);

public sealed record CopyLogComment(TextSpan Span) : CopyLogLine(Span);

public sealed record CopyLogErrorLine(TextSpan Span, string Message) : CopyLogLine(Span);

/// <summary>A parsed Copylog.tcf.</summary>
public sealed class CopyLogDocument
{
    internal CopyLogDocument(IReadOnlyList<CopyLogLine> lines, IReadOnlyList<ParseError> errors, IReadOnlyList<CommentLine> comments)
    {
        Lines = lines;
        Errors = errors;
        Comments = comments;
        string? section = null;
        foreach (var line in lines)
        {
            switch (line)
            {
                case CopyLogSectionHeader h:
                    section = h.Name.Text;
                    if (h.Name.Text.Equals(FileSourceSection, StringComparison.OrdinalIgnoreCase))
                    {
                        FileSourceHeaders.Add(h);
                    }

                    break;
                case CopyLogEntry e when IsFileSource(section):
                    FileSource.Add(e);
                    break;
                case CopyLogMalformedLine m when IsFileSource(section):
                    Malformed.Add(m);
                    break;
                case CopyLogEntry or CopyLogMalformedLine when section is null:
                    Orphans.Add(line);
                    break;
            }
        }
    }

    public const string FileSourceSection = "FILE SOURCE";

    private static bool IsFileSource(string? section) =>
        section is not null && section.Equals(FileSourceSection, StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<CopyLogLine> Lines { get; }

    public IReadOnlyList<ParseError> Errors { get; }

    /// <summary>The <c>;</c> comment lines, in line order (those the grammar could not parse included).</summary>
    public IReadOnlyList<CommentLine> Comments { get; }

    /// <summary>Every <c>[FILE SOURCE]</c> header (normally one).</summary>
    public List<CopyLogSectionHeader> FileSourceHeaders { get; } = [];

    public bool HasFileSource => FileSourceHeaders.Count > 0;

    /// <summary>Entries of <c>[FILE SOURCE]</c>, in file order (repeated sections merged).</summary>
    public List<CopyLogEntry> FileSource { get; } = [];

    /// <summary>Lines of <c>[FILE SOURCE]</c> that are not <c>path=CODE</c>.</summary>
    public List<CopyLogMalformedLine> Malformed { get; } = [];

    /// <summary>Entries or text before any section header.</summary>
    public List<CopyLogLine> Orphans { get; } = [];

    public CopyLogEntry? Find(string key) =>
        FileSource.FirstOrDefault(e => e.Key.Equals(key.Replace('/', '\\'), StringComparison.OrdinalIgnoreCase));
}

using SmsLint.Parsing.Common;
using SmsLint.Text;

namespace SmsLint.Parsing.Ini;

/// <summary>One meaningful line of an INI-dialect file. Blank lines produce no node.</summary>
public abstract record IniLine(TextSpan Span);

/// <summary><c>[Name]</c>, possibly indented.</summary>
public sealed record IniSectionHeader(TextSpan Span, Token Name) : IniLine(Span);

/// <summary><c>key = value</c>; both sides trimmed. A trailing "<c> ; comment</c>" is not part of the value.</summary>
public sealed record IniEntry(TextSpan Span, Token Key, Token Value) : IniLine(Span);

/// <summary>A line starting with <c>;</c>.</summary>
public sealed record IniComment(TextSpan Span, Token Text) : IniLine(Span);

/// <summary>A line without <c>=</c> (kept; some SMS files list bare names).</summary>
public sealed record IniBareLine(TextSpan Span, Token Text) : IniLine(Span);

/// <summary>A line that did not parse.</summary>
public sealed record IniErrorLine(TextSpan Span, string Message) : IniLine(Span);

/// <summary>All headers and entries of one section name, merged case-insensitively in file order.</summary>
public sealed class IniSection
{
    internal IniSection(string name) => Name = name;

    public string Name { get; }

    public List<IniSectionHeader> Headers { get; } = [];

    public List<IniEntry> Entries { get; } = [];

    /// <summary>The first entry with this key (Windows' profile API also returns the first).</summary>
    public IniEntry? Get(string key) =>
        Entries.FirstOrDefault(e => string.Equals(e.Key.Text, key, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<IniEntry> GetAll(string key) =>
        Entries.Where(e => string.Equals(e.Key.Text, key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A parsed INI-dialect file.</summary>
public sealed class IniDocument
{
    private readonly Dictionary<string, IniSection> _sections = new(StringComparer.OrdinalIgnoreCase);

    internal IniDocument(IReadOnlyList<IniLine> lines, IReadOnlyList<ParseError> errors, IReadOnlyList<CommentLine> comments)
    {
        Lines = lines;
        Errors = errors;
        Comments = comments;
        var ordered = new List<IniSection>();
        IniSection? current = null;
        foreach (var line in lines)
        {
            switch (line)
            {
                case IniSectionHeader header:
                    if (!_sections.TryGetValue(header.Name.Text, out current))
                    {
                        current = new IniSection(header.Name.Text);
                        _sections.Add(header.Name.Text, current);
                        ordered.Add(current);
                    }

                    current.Headers.Add(header);
                    break;
                case IniEntry entry:
                    if (current is null)
                    {
                        GlobalEntries.Add(entry);
                    }
                    else
                    {
                        current.Entries.Add(entry);
                    }

                    break;
            }
        }

        Sections = ordered;
    }

    public IReadOnlyList<IniLine> Lines { get; }

    public IReadOnlyList<ParseError> Errors { get; }

    /// <summary>The <c>;</c> comment lines, in line order (those the grammar could not parse included).</summary>
    public IReadOnlyList<CommentLine> Comments { get; }

    /// <summary>Sections in order of first appearance.</summary>
    public IReadOnlyList<IniSection> Sections { get; }

    /// <summary>Entries before any section header.</summary>
    public List<IniEntry> GlobalEntries { get; } = [];

    public IniSection? Section(string name) => _sections.GetValueOrDefault(name);

    public IniEntry? Get(string section, string key) => Section(section)?.Get(key);
}

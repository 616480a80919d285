using SmsLint.Parsing.Common;
using SmsLint.Text;

namespace SmsLint.Parsing.Ini;

/// <summary>One meaningful line of an INI-dialect file. Blank lines produce no node.</summary>
public abstract record IniLine(TextSpan Span);

/// <summary><c>[Name]</c>, possibly indented.</summary>
public sealed record IniSectionHeader(TextSpan Span, Token Name) : IniLine(Span);

/// <summary>
/// <c>key = value</c>; both sides trimmed. A trailing "<c> ; comment</c>" is not part of the value.
/// The key and value are kept as strings and spans in the node itself, not as two token objects:
/// a snapshot holds hundreds of thousands of entries (issue 14.3). <see cref="Key"/> and
/// <see cref="Value"/> make the tokens when asked; <see cref="KeyText"/> reads the key without one.
/// </summary>
public sealed record IniEntry : IniLine
{
    private readonly TextSpan _keySpan;
    private readonly string _value;
    private readonly TextSpan _valueSpan;

    public IniEntry(TextSpan span, Token key, Token value)
        : base(span)
    {
        KeyText = key.Text;
        _keySpan = key.Span;
        _value = value.Text;
        _valueSpan = value.Span;
    }

    public string KeyText { get; }

    public Token Key => new(KeyText, _keySpan);

    public Token Value => new(_value, _valueSpan);
}

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
        Entries.FirstOrDefault(e => string.Equals(e.KeyText, key, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<IniEntry> GetAll(string key) =>
        Entries.Where(e => string.Equals(e.KeyText, key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A parsed INI-dialect file.</summary>
public sealed class IniDocument
{
    private readonly Dictionary<string, IniSection> _sections = new(StringComparer.OrdinalIgnoreCase);

    internal IniDocument(IReadOnlyList<IniLine> lines, IReadOnlyList<ParseError> errors)
    {
        Lines = lines;
        Errors = errors;
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

    /// <summary>Sections in order of first appearance.</summary>
    public IReadOnlyList<IniSection> Sections { get; }

    /// <summary>Entries before any section header.</summary>
    public List<IniEntry> GlobalEntries { get; } = [];

    public IniSection? Section(string name) => _sections.GetValueOrDefault(name);

    public IniEntry? Get(string section, string key) => Section(section)?.Get(key);
}

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

/// <summary>
/// All headers and entries of one section name, merged case-insensitively in file order. Built
/// with lists while the document is assembled, then kept as exact-size arrays (most sections have
/// one header): a snapshot holds some 80,000 sections.
/// </summary>
public sealed class IniSection
{
    private List<IniEntry>? _building = [];
    private IniSectionHeader[] _headers;
    private IniEntry[] _entries = [];

    internal IniSection(IniSectionHeader first)
    {
        Name = first.Name.Text;
        _headers = [first];
    }

    public string Name { get; }

    public IReadOnlyList<IniSectionHeader> Headers => _headers;

    public IReadOnlyList<IniEntry> Entries => _building ?? (IReadOnlyList<IniEntry>)_entries;

    internal void Add(IniSectionHeader header) => _headers = [.. _headers, header];

    internal void Add(IniEntry entry) => _building!.Add(entry);

    internal void Seal()
    {
        _entries = [.. _building!];
        _building = null;
    }

    /// <summary>The first entry with this key (Windows' profile API also returns the first).</summary>
    public IniEntry? Get(string key) =>
        Entries.FirstOrDefault(e => string.Equals(e.KeyText, key, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<IniEntry> GetAll(string key) =>
        Entries.Where(e => string.Equals(e.KeyText, key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A parsed INI-dialect file.</summary>
public sealed class IniDocument
{
    /// <summary>By name, only for documents of many sections; a few are searched in order.</summary>
    private readonly Dictionary<string, IniSection>? _sections;

    private const int IndexedFrom = 8;

    internal IniDocument(IReadOnlyList<IniLine> lines, IReadOnlyList<ParseError> errors, IReadOnlyList<CommentLine> comments)
    {
        Lines = lines is List<IniLine> list ? [.. list] : lines;
        Errors = errors.Count == 0 ? [] : errors;
        Comments = comments;
        var ordered = new List<IniSection>();
        var byName = new Dictionary<string, IniSection>(StringComparer.OrdinalIgnoreCase);
        IniSection? current = null;
        List<IniEntry>? global = null;
        foreach (var line in Lines)
        {
            switch (line)
            {
                case IniSectionHeader header:
                    if (byName.TryGetValue(header.Name.Text, out current))
                    {
                        current.Add(header);
                    }
                    else
                    {
                        current = new IniSection(header);
                        byName.Add(header.Name.Text, current);
                        ordered.Add(current);
                    }

                    break;
                case IniEntry entry:
                    if (current is null)
                    {
                        (global ??= []).Add(entry);
                    }
                    else
                    {
                        current.Add(entry);
                    }

                    break;
            }
        }

        foreach (var section in ordered)
        {
            section.Seal();
        }

        Sections = [.. ordered];
        GlobalEntries = global is null ? [] : [.. global];
        _sections = ordered.Count >= IndexedFrom ? byName : null;
    }

    public IReadOnlyList<IniLine> Lines { get; }

    public IReadOnlyList<ParseError> Errors { get; }

    /// <summary>The <c>;</c> comment lines, in line order (those the grammar could not parse included).</summary>
    public IReadOnlyList<CommentLine> Comments { get; }

    /// <summary>Sections in order of first appearance.</summary>
    public IReadOnlyList<IniSection> Sections { get; }

    /// <summary>Entries before any section header.</summary>
    public IReadOnlyList<IniEntry> GlobalEntries { get; }

    public IniSection? Section(string name)
    {
        if (_sections is not null)
        {
            return _sections.GetValueOrDefault(name);
        }

        foreach (var section in Sections)
        {
            if (string.Equals(section.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return section;
            }
        }

        return null;
    }

    public IniEntry? Get(string section, string key) => Section(section)?.Get(key);
}

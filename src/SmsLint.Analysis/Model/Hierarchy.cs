using SmsLint.Parsing.Common;
using SmsLint.Parsing.Ini;
using SmsLint.Text;

namespace SmsLint.Model;

/// <summary>A <c>[Site CODE]</c> section of hierarchy.ini (contract §2).</summary>
public sealed record DeclaredSite(
    string Code,
    LoadedFile File,
    IniSectionHeader Header,
    IniEntry? Version,
    IniEntry? Parent,
    IReadOnlyList<Token> Domains,
    IniEntry? HotfixesEntry,
    IReadOnlyList<Token>? Hotfixes)
{
    /// <summary>True when the Hotfixes key is present (an empty value means "none applied").</summary>
    public bool HotfixesKnown => Hotfixes is not null;
}

/// <summary>A <c>[Domain NAME]</c> section of hierarchy.ini.</summary>
public sealed record DeclaredDomain(string Name, LoadedFile File, IniSectionHeader Header, IniEntry? Pdc, IReadOnlyList<Token> Controllers);

/// <summary>Facts declared in the optional hierarchy.ini at the snapshot root.</summary>
public sealed class HierarchyFacts
{
    public static HierarchyFacts Empty { get; } = new(null);

    public HierarchyFacts(LoadedFile? file)
    {
        File = file;
        var doc = file?.As<IniDocument>();
        if (file is null || doc is null)
        {
            return;
        }

        foreach (var section in doc.Sections)
        {
            var (kind, name) = SplitSectionName(section.Name);
            if (kind.Equals("Site", StringComparison.OrdinalIgnoreCase) && name.Length > 0)
            {
                var code = name.ToUpperInvariant();
                var hotfixes = section.Get("Hotfixes");
                Sites.TryAdd(code, new DeclaredSite(
                    code,
                    file,
                    section.Headers[0],
                    section.Get("Version"),
                    section.Get("Parent"),
                    SplitList(section.Get("Domains")?.Value),
                    hotfixes,
                    hotfixes is null ? null : SplitList(hotfixes.Value)));
            }
            else if (kind.Equals("Domain", StringComparison.OrdinalIgnoreCase) && name.Length > 0)
            {
                Domains.TryAdd(name.ToUpperInvariant(), new DeclaredDomain(
                    name.ToUpperInvariant(),
                    file,
                    section.Headers[0],
                    section.Get("PDC"),
                    SplitList(section.Get("Controllers")?.Value)));
            }
        }
    }

    public LoadedFile? File { get; }

    public SortedDictionary<string, DeclaredSite> Sites { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, DeclaredDomain> Domains { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Every domain hierarchy.ini names, upper case and in ordinal order: the [Domain] sections and
    /// the <c>Domains=</c> lists of the sites. The shared-domain facts (<see cref="SharedLogonPoints"/>,
    /// <see cref="PreSp2Hotfixes"/>) are computed over this one list.
    /// </summary>
    public IReadOnlyList<string> DomainNames => domainNames ??= [.. new SortedSet<string>(
        Domains.Keys.Concat(Sites.Values.SelectMany(s => s.Domains.Select(d => d.Text.ToUpperInvariant()))), StringComparer.Ordinal)];

    private IReadOnlyList<string>? domainNames;

    /// <summary>
    /// The domains whose Controllers (or PDC) list the machine, in <see cref="Domains"/> order. Read
    /// from an index by machine, built on first use: cross-file rules ask this for every logon point
    /// of every shared group, which made it quadratic in the domain controllers (issue 14.2).
    /// </summary>
    public IEnumerable<DeclaredDomain> DomainsOf(string machine) =>
        LazyInitializer.EnsureInitialized(ref _domainsByMachine, IndexDomainsByMachine).GetValueOrDefault(machine) ?? [];

    private Dictionary<string, DeclaredDomain[]>? _domainsByMachine;

    private Dictionary<string, DeclaredDomain[]> IndexDomainsByMachine()
    {
        var index = new Dictionary<string, List<DeclaredDomain>>(StringComparer.OrdinalIgnoreCase);
        foreach (var domain in Domains.Values)
        {
            IEnumerable<string> machines = domain.Controllers.Select(c => c.Text);
            if (domain.Pdc is { } pdc)
            {
                machines = machines.Append(pdc.Value.Text);
            }

            foreach (var machine in machines.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (!index.TryGetValue(machine, out var list))
                {
                    index.Add(machine, list = []);
                }

                list.Add(domain);
            }
        }

        return index.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    private static (string Kind, string Name) SplitSectionName(string section)
    {
        var trimmed = section.Trim();
        var space = trimmed.IndexOfAny([' ', '\t']);
        return space < 0 ? (trimmed, string.Empty) : (trimmed[..space], trimmed[(space + 1)..].Trim());
    }

    /// <summary>Splits "A, B ,C" into tokens with exact spans; empty items are dropped.</summary>
    public static IReadOnlyList<Token> SplitList(Token? value)
    {
        if (value is null || value.Text.Length == 0)
        {
            return [];
        }

        var list = new List<Token>();
        var start = 0;
        var text = value.Text;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == ',')
            {
                var s = start;
                var e = i;
                while (s < e && char.IsWhiteSpace(text[s]))
                {
                    s++;
                }

                while (e > s && char.IsWhiteSpace(text[e - 1]))
                {
                    e--;
                }

                if (e > s)
                {
                    list.Add(new Token(text[s..e], new TextSpan(value.Span.Start + s, e - s)));
                }

                start = i + 1;
            }
        }

        return list;
    }
}

namespace SmsLint.Hierarchy;

/// <summary>
/// The facts a picture of the hierarchy needs, computed once from the snapshot model by the
/// analysis (HierarchyMapBuilder) and handed to writers as plain data: writers never analyse.
/// Every list is sorted (ordinal), so a rendering of it is deterministic.
/// </summary>
public sealed record HierarchyMap(
    IReadOnlyList<MapSite> Sites,
    IReadOnlyList<MapDomain> Domains,
    IReadOnlyList<MapLogonServer> LogonServers,
    IReadOnlyList<MapPlace> Places,
    int Sms20Clients)
{
    /// <summary>Capture start and end from capture.json, when the snapshot has one.</summary>
    public CaptureFacts? Capture { get; init; }

    public static HierarchyMap Empty { get; } = new([], [], [], [], 0);
}

/// <summary>capture.json facts: the tool that captured and when (UTC, as written).</summary>
public sealed record CaptureFacts(string? Tool, string? Started, string? Finished);

/// <summary>A place in the snapshot a claim comes from: path (relative, '/') and 1-based line.</summary>
public sealed record MapEvidence(string Text, string Path, int Line);

/// <summary>
/// A site: its code, the parent hierarchy.ini declares, its version as the evidence shows it
/// (<see cref="Version"/> as written, <see cref="Level"/> such as "SP2" or "SMS 1.2"), every claim
/// about its version (strongest first), and what serves it.
/// </summary>
public sealed record MapSite(
    string Code,
    string? Parent,
    string? Version,
    string Level,
    IReadOnlyList<MapEvidence> Evidence,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> SiteServers,
    IReadOnlyList<string> Caps,
    int Sms12Clients,
    bool IsSms12)
{
    /// <summary>Another version claim disagrees with the effective one (a version difference within the site).</summary>
    public bool ClaimsDisagree { get; init; }
}

/// <summary>A domain and its controllers (PDC first), with the sites that manage it.</summary>
public sealed record MapDomain(string Name, string? Pdc, IReadOnlyList<MapDc> Controllers, IReadOnlyList<string> Sites, bool Declared)
{
    /// <summary>The 2.0 sites of the domain stand at different versions; the text says which.</summary>
    public string? Conflict { get; init; }
}

/// <summary>
/// A domain controller (logon point). <see cref="ClicoreOwner"/> is the site Copylog.tcf names for
/// x86.bin\Clicore.exe; <see cref="LogonPointVersion"/> is what the bootstrap reads for it
/// (Sites\&lt;owner&gt;\Compver.ini on this logon point).
/// </summary>
public sealed record MapDc(
    string Machine,
    bool IsPdc,
    bool Captured,
    string? ClicoreOwner,
    MapEvidence? ClicoreLine,
    string? LogonPointVersion,
    MapEvidence? LogonPointVersionEvidence,
    IReadOnlyList<string> Sites)
{
    /// <summary>Sites at different SMS 2.0 versions share this logon point; the text says which.</summary>
    public string? Conflict { get; init; }
}

/// <summary>An SMS 1.2 logon server (SMS_SHR), the site it serves and how many captured clients use it.</summary>
public sealed record MapLogonServer(string Machine, string Share, string? Site, string? SiteEvidence, int Clients);

/// <summary>
/// Where a snapshot path belongs, for grouping findings: a machine or machine/share prefix, its
/// domain and site (either may be null).
/// </summary>
public sealed record MapPlace(string Prefix, string? Domain, string? Site);

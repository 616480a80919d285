namespace SmsLint.Rules.CopyLog;

/// <summary>
/// A set of sites sharing logon points together with those logon points: a domain declared in
/// hierarchy.ini (its controllers' logon points and every site whose <c>Domains=</c> names it), or a
/// captured logon point no declared domain lists (the sites it knows).
/// </summary>
/// <param name="Description">"domain 'CORP'" or "logon point 'DC01'".</param>
/// <param name="Sites">Member sites with the claim that gives their version (null when none names a build).</param>
/// <param name="LogonPoints">The captured logon points of the set, the PDC first.</param>
public sealed record CopyLogDomain(string Description, IReadOnlyList<(SiteInfo Site, VersionClaim? Claim)> Sites, IReadOnlyList<LogonPoint> LogonPoints)
{
    /// <summary>Version evidence of every member site, for related locations.</summary>
    public IEnumerable<Evidence> SiteEvidence() => Sites
        .Where(s => s.Claim is not null)
        .Select(s => new Evidence(s.Claim!.File, s.Claim.Span, $"Site {s.Site.Code} is at '{s.Claim.Raw}': {s.Claim.Description}."));

    /// <summary>"'AAA' at build 1493 and 'BBB' at build 1493".</summary>
    public string SitesText => PreSp2Hotfixes.JoinAnd(Sites.Select(s => s.Claim?.Version is { } v ? $"'{s.Site.Code}' (build {v.Build})" : $"'{s.Site.Code}'"));

    /// <summary>Groups the logon points and sites of a snapshot (declared domains first, by name).</summary>
    public static List<CopyLogDomain> All(SnapshotModel model)
    {
        var result = new List<CopyLogDomain>();
        var hierarchy = model.Hierarchy;
        var names = new SortedSet<string>(hierarchy.Domains.Keys, StringComparer.Ordinal);
        foreach (var site in hierarchy.Sites.Values)
        {
            names.UnionWith(site.Domains.Select(d => d.Text.ToUpperInvariant()));
        }

        foreach (var name in names)
        {
            var codes = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var site in hierarchy.Sites.Values)
            {
                if (site.Domains.Any(d => d.Text.Equals(name, StringComparison.OrdinalIgnoreCase)))
                {
                    codes.Add(site.Code);
                }
            }

            IReadOnlyList<LogonPoint> lps = hierarchy.Domains.TryGetValue(name, out var declared) ? model.LogonPointsOf(declared) : [];
            foreach (var lp in lps)
            {
                codes.UnionWith(lp.SiteSet);
            }

            result.Add(Make(model, $"domain '{name}'", codes, lps));
        }

        foreach (var lp in model.LogonPoints)
        {
            if (!hierarchy.DomainsOf(lp.Machine).Any())
            {
                result.Add(Make(model, $"logon point '{lp.Machine}'", lp.SiteSet, [lp]));
            }
        }

        return result;
    }

    private static CopyLogDomain Make(SnapshotModel model, string description, IEnumerable<string> codes, IReadOnlyList<LogonPoint> lps) =>
        new(description, [.. codes.Select(model.Sites.Find).Where(s => s is not null).Select(s => (s!, s!.Effective))], lps);
}

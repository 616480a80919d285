using SmsLint.Catalog;

namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// The sites sharing a logon point run different SMS versions (Q262677, Q236596, Q238780,
/// Q261931). A different build is an error below SP2 or while a pre-SP2 hotfix is missing, a warning
/// from SP2 on; a different service pack digit on the same build, or a difference only in the hotfix
/// or ICP digits, a note.
/// </summary>
public sealed class SitesAtDifferentVersionsShareLogonPoint() : Rule(new() { Id = "SMS2001", Title = "Sites at different SMS versions share a logon point", Level = Level.Error, Kb = ["Q262677", "Q236596", "Q238780", "Q261931"], Tags = [RuleTag.SharedLogonPoint, RuleTag.VersionMismatch, RuleTag.Upgrade], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        var catalog = context.Catalog;
        foreach (var group in SharedLogonPoints.Groups(context.Model))
        {
            var sites = group.Versioned;
            if (sites.Count < 2)
            {
                continue;
            }

            // Different builds (or releases): the case Q262677 calls significant.
            var byBuild = sites.GroupBy(s => (s.Version.Major, s.Version.Minor, s.Version.Build)).ToList();
            if (byBuild.Count > 1)
            {
                var newest = SharedLogonPoints.Newest(sites);
                var listed = sites.OrderByDescending(s => s.Version).ThenBy(s => s.Code, StringComparer.Ordinal).Select(s => SharedLogonPoints.Describe(catalog, s)).ToList();
                context.Report(
                    $"Sites at different versions share a logon point: the builds differ on {group.Describe}, {SharedLogonPoints.Join(listed)}.",
                    SharedLogonPoints.Anchor(group, newest),
                    $"{group.Key}:build",
                    Related(group, newest, sites),
                    BuildLevel(context, group, newest),
                    help: $"Upgrade every site that shares the logon point to the service pack of '{newest.Code}' within a few hours of each other (build 1239 and 1380 sites need the hotfixes of Q261931 before any site goes to SP2), or disable logon installation on the older sites until then: the logon point carries the base components of '{newest.Code}', which do not match the older sites' CAPs (Q236596), and from SP2 on new clients go only to '{newest.Code}' (Q262677).");
            }

            // Same build, different service pack digit (SP2, SP3 and SP4 are all build 1493).
            var spSites = byBuild
                .Where(g => g.Select(s => s.Version.ServicePackDigit).Distinct().Count() > 1)
                .SelectMany(g => g)
                .ToList();
            if (spSites.Count > 1)
            {
                var significant = context.Options.Significance.ServicePackDigitIsSignificant;
                var newest = SharedLogonPoints.Newest(spSites);
                var listed = spSites.OrderByDescending(s => s.Version).ThenBy(s => s.Code, StringComparer.Ordinal).Select(s => SharedLogonPoints.Describe(catalog, s)).ToList();
                var consequence = significant
                    ? "SmsLint treats a service pack difference as significant (Q262677 leaves it open; see the rule page), so clients of the older sites are not moved to the newer Clicore.exe by the logon script and new clients are assigned only to the newest site"
                    : "the configuration treats a service pack difference on the same build as not significant, so only the client components differ";
                context.Report(
                    $"Sites at different versions share a logon point: the service packs differ on one build on {group.Describe}, {SharedLogonPoints.Join(listed)}.",
                    SharedLogonPoints.Anchor(group, newest),
                    $"{group.Key}:service-pack",
                    Related(group, newest, spSites),
                    Level.Note,
                    help: $"Upgrade the older sites to the service pack of '{newest.Code}': {consequence}.");
            }

            // Same build and service pack, different hotfix or ICP digits: compared only between like sources.
            var hotfixPairs = new List<(VersionClaim A, VersionClaim B)>();
            foreach (var g in sites.GroupBy(s => (s.Version.Major, s.Version.Minor, s.Version.Build, s.Version.ServicePackDigit)))
            {
                var members = g.ToList();
                for (var i = 0; i < members.Count; i++)
                {
                    for (var j = i + 1; j < members.Count; j++)
                    {
                        if (Comparable(members[i].Site, members[j].Site) is { } pair && pair.A.Version!.Value.HotfixNumber != pair.B.Version!.Value.HotfixNumber)
                        {
                            hotfixPairs.Add(pair);
                        }
                    }
                }
            }

            if (hotfixPairs.Count > 0)
            {
                var claims = hotfixPairs.SelectMany(p => new[] { p.A, p.B }).Distinct().ToList();
                var involved = sites.Where(s => claims.Any(c => c.SiteCode == s.Code)).ToList();
                var newest = SharedLogonPoints.Newest(involved);
                var listed = claims
                    .OrderByDescending(c => c.Version!.Value)
                    .ThenBy(c => c.SiteCode, StringComparer.Ordinal)
                    .Select(c => $"'{c.SiteCode}' at '{c.Raw}'")
                    .Distinct()
                    .ToList();
                context.Report(
                    $"Sites at different versions share a logon point: the hotfix or International Client Pack levels differ on {group.Describe}, {SharedLogonPoints.Join(listed)}.",
                    SharedLogonPoints.Anchor(group, newest),
                    $"{group.Key}:hotfix",
                    claims.Select(c => SharedLogonPoints.Of(c)),
                    Level.Note,
                    help: "Apply the same hotfixes and ICP to every site that shares the logon point: Boot32wn does not treat this difference as significant (Q262677), but the logon point's base files come from whichever site updated them last.");

            }
        }
    }

    /// <summary>
    /// A build difference is an error while the newest site is below SP2 (build 1493): clients of the
    /// older sites get base components that do not match their CAPs and may hang (Q236596, Q238780).
    /// From SP2 on Boot32wn refuses a significantly newer Clicore.exe by design (Q262677), so it is a
    /// warning once every build 1239/1380 site of the group is shown to have its pre-SP2 hotfixes
    /// (Q261931); while one is missing, or its status unknown (SMS6004), the gate that protects its
    /// clients counts as open and it stays an error.
    /// </summary>
    private static Level BuildLevel(RuleContext context, SharedGroup group, VersionedSite newest)
    {
        if (newest.Version.Build < NewClientsOnlyToNewestSite.FirstSp2Build)
        {
            return Level.Error;
        }

        var open = PreSp2Hotfixes.Assess(context.Model, context.Catalog)
            .Any(a => group.Sites.Contains(a.Site) && a.State != HotfixState.Applied);
        return open ? Level.Error : Level.Warning;
    }

    private static List<Evidence> Related(SharedGroup group, VersionedSite newest, IEnumerable<VersionedSite> sites)
    {
        var primary = SharedLogonPoints.Anchor(group, newest);
        var related = new List<Evidence>();
        foreach (var site in sites.OrderBy(s => s.Code, StringComparer.Ordinal))
        {
            var evidence = SharedLogonPoints.Of(site.Claim);
            if (evidence.File != primary.File || evidence.Span != primary.Span)
            {
                related.Add(evidence);
            }
        }

        return related;
    }

    /// <summary>
    /// Two claims, one per site, from the same kind of source (both base Compver.ini files, both the
    /// same server binary, or both hierarchy.ini), strongest first; null when the sites share none.
    /// The fourth field is only comparable between like sources: a site version reads 2.00.1493.2000
    /// while the base components of the same SP2 site read 2.00.1493.2009 (Q266130).
    /// </summary>
    private static (VersionClaim A, VersionClaim B)? Comparable(SiteInfo a, SiteInfo b)
    {
        foreach (var ca in a.Claims.Where(c => c.HasBuild))
        {
            foreach (var cb in b.Claims.Where(c => c.HasBuild && Kind(c) == Kind(ca)))
            {
                if (SmsVersion.Classify(ca.Version!.Value, cb.Version!.Value) is VersionDifference.Same or VersionDifference.HotfixOrIcp)
                {
                    return (ca, cb);
                }
            }
        }

        return null;
    }

    private static string Kind(VersionClaim claim) => claim.Source switch
    {
        VersionSource.SiteServerCompver or VersionSource.CapCompver or VersionSource.LogonPointCompver => "compver",
        VersionSource.SiteServerBinary => "binary:" + claim.File.File.FileName.ToLowerInvariant(),
        _ => "declared",
    };
}

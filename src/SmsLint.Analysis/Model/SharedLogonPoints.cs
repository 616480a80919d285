using SmsLint.Catalog;
using SmsLint.Engine;

namespace SmsLint.Model;

/// <summary>A site of a <see cref="SharedGroup"/> with the claim its version is taken from.</summary>
public sealed record VersionedSite(SiteInfo Site, VersionClaim Claim)
{
    public string Code => Site.Code;

    public SmsVersion Version => Claim.Version!.Value;
}

/// <summary>
/// The sites that share one set of logon points: those of one captured logon point (its
/// <c>Sites\</c> folders and LCFs, plus the sites hierarchy.ini places in the logon point's domain),
/// or, for a domain declared in hierarchy.ini none of whose logon points was captured, the sites
/// declared in that domain.
/// </summary>
public sealed record SharedGroup(LogonPoint? LogonPoint, string? DomainName, IReadOnlyList<SiteInfo> Sites)
{
    /// <summary>A name for subjects: the logon point's machine, or "domain:NAME".</summary>
    public string Key => LogonPoint?.Machine ?? $"domain:{DomainName}";

    /// <summary>For messages: "logon point 'DC01'" or "the logon points of domain 'CORP'".</summary>
    public string Describe => LogonPoint is { } lp ? $"logon point '{lp.Machine}'" : $"the logon points of domain '{DomainName}'";

    /// <summary>
    /// The SMS 2.0 sites of the group whose version the snapshot shows (<see cref="SiteInfo.Effective"/>),
    /// in site-code order. SMS 1.x sites do not use SMSLOGON logon points and are left out.
    /// </summary>
    public IReadOnlyList<VersionedSite> Versioned =>
    [
        .. Sites
            .Where(s => s.Effective is { Version: { Major: 2 } })
            .Select(s => new VersionedSite(s, s.Effective!)),
    ];
}

/// <summary>What the shared-logon-point rules need to know about sites, versions and where they show.</summary>
public static class SharedLogonPoints
{
    /// <summary>Every group of sites that share logon points, captured logon points first.</summary>
    public static IEnumerable<SharedGroup> Groups(SnapshotModel model)
    {
        var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var lp in model.LogonPoints)
        {
            var codes = new SortedSet<string>(lp.SiteSet, StringComparer.Ordinal);
            foreach (var domain in model.DomainsOf(lp))
            {
                covered.Add(domain.Name);
                codes.UnionWith(DeclaredSitesOf(model, domain.Name));
            }

            yield return new SharedGroup(lp, null, Resolve(model, codes));
        }

        // Upper case throughout, so ordinal order is the order a case-insensitive set had here.
        foreach (var domain in model.Hierarchy.DomainNames)
        {
            // A domain whose sites all show on one captured logon point was compared there already
            // (hierarchy.ini may name a site's domains without a [Domain] section for them).
            var codes = DeclaredSitesOf(model, domain).ToList();
            if (!covered.Contains(domain) && !model.LogonPoints.Any(lp => codes.All(lp.SiteSet.Contains)))
            {
                yield return new SharedGroup(null, domain, Resolve(model, codes));
            }
        }
    }

    /// <summary>Codes of the sites whose hierarchy.ini <c>Domains=</c> lists the domain.</summary>
    public static IEnumerable<string> DeclaredSitesOf(SnapshotModel model, string domain) =>
        model.Hierarchy.Sites.Values
            .Where(s => s.Domains.Any(d => d.Text.Equals(domain, StringComparison.OrdinalIgnoreCase)))
            .Select(s => s.Code);

    /// <summary>The newest site of a set: the highest version; ties go to the lowest site code, for a stable result.</summary>
    public static VersionedSite Newest(IEnumerable<VersionedSite> sites) =>
        sites.OrderByDescending(s => s.Version).ThenBy(s => s.Code, StringComparer.Ordinal).First();

    /// <summary>A claim as evidence: its span when it has one, the whole file for a binary.</summary>
    public static Evidence Of(VersionClaim claim, string? note = null) =>
        claim.Span is { } span ? Evidence.At(claim.File, span, note ?? Note(claim)) : Evidence.Whole(claim.File, note ?? Note(claim));

    /// <summary>The claim as a related-location note: "'Sites\AAA\Compver.ini' on logon point 'DC01' gives '…'."</summary>
    public static string Note(VersionClaim claim) => Text(claim) + ".";

    /// <summary>The claim as a phrase for messages, naming where it comes from and the version as written.</summary>
    public static string Text(VersionClaim claim)
    {
        if (claim.Planned)
        {
            return $"the plan upgrades site '{claim.SiteCode}' to '{claim.Raw}'";
        }

        var f = claim.File.File;
        return claim.Source switch
        {
            VersionSource.Declared => $"hierarchy.ini declares site '{claim.SiteCode}' at '{claim.Raw}'",
            VersionSource.SiteServerCompver => $"the base client components on site server '{f.Machine}' are '{claim.Raw}'",
            VersionSource.SiteServerBinary => $"'{f.FileName}' on site server '{f.Machine}' has file version '{claim.Raw}'",
            VersionSource.CapCompver => $"the base client components on CAP '{f.Machine}\\{f.Share}' are '{claim.Raw}'",
            _ => $"'Sites\\{claim.SiteCode}\\Compver.ini' on logon point '{f.Machine}' gives '{claim.Raw}'",
        };
    }

    /// <summary>
    /// Where a site shows on a logon point, best first: the version in its <c>Sites\&lt;code&gt;\Compver.ini</c>,
    /// its <c>Sitescfg\&lt;code&gt;_cfg.lcf</c>, or the first file of its <c>Sites\&lt;code&gt;</c> folder. Null when
    /// the logon point holds none of them.
    /// </summary>
    public static Evidence? OnLogonPoint(LogonPoint lp, string code, string? note = null)
    {
        if (lp.SiteCompver(code) is { } compver && CompverReader.Read(compver) is { } entry)
        {
            return Evidence.At(compver, entry.Value.Span, note);
        }

        if (lp.Lcfs.TryGetValue(code, out var lcf))
        {
            return Evidence.Start(lcf, note);
        }

        if (lp.SiteFolders.TryGetValue(code, out var files) && files.Count > 0)
        {
            return Evidence.Start(files.OrderBy(f => f.Path, StringComparer.Ordinal).First(), note);
        }

        return null;
    }

    /// <summary>
    /// The place a finding about a group points at for one of its sites: the site's evidence on the
    /// logon point, else the logon point's Clicore.exe line or Copylog.tcf, else the site's own version claim.
    /// </summary>
    public static Evidence Anchor(SharedGroup group, VersionedSite site)
    {
        if (group.LogonPoint is { } lp)
        {
            if (OnLogonPoint(lp, site.Code) is { } onLp)
            {
                return TextAnchor.IsOpaque(onLp.File) ? TextAnchor.ForSite(null, lp, site.Code, onLp.File) : onLp;
            }


            if (lp.CopyLogFile is { } copyLogFile && lp.CopyLog is { } copyLog)
            {
                return CopyLogFacts.ClicoreOwner(copyLog) is { } line
                    ? Evidence.At(copyLogFile, line.Span)
                    : Evidence.Start(copyLogFile);
            }
        }

        return Of(site.Claim, null);
    }

    /// <summary>"SP1", "RTM", "RC0" for a known SMS 2.0 build and service pack digit; otherwise "build N".</summary>
    public static string LevelLabel(SmsCatalog catalog, SmsVersion v)
    {
        var entries = v.Major == 2 ? catalog.BuildsFor(v.Build).Where(b => b.Product.Contains("2.0", StringComparison.Ordinal)).ToList() : [];
        var exact = entries.FirstOrDefault(b => b.ServicePack == v.ServicePackDigit) ?? (entries.Count == 1 && entries[0].ServicePack is null ? entries[0] : null);
        if (exact is not null && v.IsSp1BaseAnomaly)
        {
            return $"{exact.Label}; a 2.00.1380.20xx base version is left by an early Q240921 fix, Q246527";
        }

        return exact is not null ? exact.Label
            : entries.Count > 0 ? $"build {v.Build}, service pack digit {v.ServicePackDigit}"
            : $"build {v.Build}";
    }

    /// <summary>"'AAA' at '2.00.1380.1000' (SP1)" for messages.</summary>
    public static string Describe(SmsCatalog catalog, VersionedSite site) =>
        $"'{site.Code}' at '{site.Claim.Raw}' ({LevelLabel(catalog, site.Version)})";

    /// <summary>"a, b and c".</summary>
    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static List<SiteInfo> Resolve(SnapshotModel model, IEnumerable<string> codes) =>
        [.. codes.Select(c => model.Sites.Find(c)).OfType<SiteInfo>().Distinct().OrderBy(s => s.Code, StringComparer.Ordinal)];
}

using SmsLint.Catalog;
using SmsLint.Discover;

namespace SmsLint.Model;

/// <summary>Whether the SMS 2.0 sites of a shared domain run one level or several.</summary>
public enum RolloutPhase
{
    /// <summary>Every SMS 2.0 site on the domain's logon points is at the same build and service pack.</summary>
    Steady,

    /// <summary>The sites differ in build or service pack: an upgrade is under way (or stalled).</summary>
    Rollout,
}

/// <summary>A site the overlay upgrades: from its evidence today to the planned version.</summary>
public sealed record SiteUpgrade(SiteInfo Site, VersionClaim From, PlannedVersion To)
{
    public string Code => Site.Code;
}

/// <summary>An SMS 2.0 site of a domain with the claim its version is read from.</summary>
public sealed record DomainSite(SiteInfo Site, VersionClaim Claim)
{
    public string Code => Site.Code;

    public SmsVersion Version => Claim.Version!.Value;
}

/// <summary>
/// One set of sites sharing NT logon points: a domain of hierarchy.ini (its controllers' logon points
/// and every site whose <c>Domains=</c> names it), or a captured logon point no declared domain lists.
/// </summary>
public sealed class DomainRollout
{
    internal DomainRollout(string? name, string? pdc, IReadOnlyList<string> machines, IReadOnlyList<LogonPoint> logonPoints, IReadOnlyList<SiteInfo> sites, IReadOnlyList<SiteUpgrade> upgrades, IReadOnlyList<string> justUpgraded)
    {
        JustUpgraded = justUpgraded;
        Name = name;
        Pdc = pdc;
        Machines = machines;
        LogonPoints = logonPoints;
        Sites = sites;
        Versioned = [.. sites.Where(s => s.Effective is { Version: { Major: 2 } }).Select(s => new DomainSite(s, s.Effective!))];
        Upgrades = upgrades;
        Phase = Versioned.Select(s => RolloutModel.LevelOf(s.Version)).Distinct().Count() > 1 ? RolloutPhase.Rollout : RolloutPhase.Steady;
    }

    /// <summary>The NT domain's name, or null for a logon point that no declared domain lists.</summary>
    public string? Name { get; }

    /// <summary>The PDC's machine name as hierarchy.ini gives it (the logon point's machine for an undeclared group).</summary>
    public string? Pdc { get; }

    /// <summary>Domain controllers (declared or captured), in name order.</summary>
    public IReadOnlyList<string> Machines { get; }

    /// <summary>Captured logon points of the domain, the PDC first.</summary>
    public IReadOnlyList<LogonPoint> LogonPoints { get; }

    /// <summary>Every site of the domain, in code order.</summary>
    public IReadOnlyList<SiteInfo> Sites { get; }

    /// <summary>The SMS 2.0 sites whose version the snapshot shows.</summary>
    public IReadOnlyList<DomainSite> Versioned { get; }

    /// <summary>Sites of the domain the overlay upgrades (empty when applied or without a plan).</summary>
    public IReadOnlyList<SiteUpgrade> Upgrades { get; }

    public RolloutPhase Phase { get; }

    /// <summary>
    /// In the "after" model of a plan (<see cref="SnapshotModel.WithUpgradesApplied"/>): the sites of the
    /// domain whose upgrade was just applied. Their clients, CAPs and logon points are still catching up,
    /// so the rollout counts as pending until the scripts are turned back on.
    /// </summary>
    public IReadOnlyList<string> JustUpgraded { get; }

    /// <summary>"domain 'CORP'" or "logon point 'DC01'", for messages.</summary>
    public string Description => Name is not null ? $"domain '{Name}'" : $"logon point '{Machines[0]}'";

    /// <summary>A stable key for subjects.</summary>
    public string Key => Name is not null ? $"domain:{Name}" : $"lp:{Machines[0]}";

    /// <summary>A rollout is under way or planned: sites differ today, or the overlay upgrades one of them.</summary>
    public bool Pending => Phase == RolloutPhase.Rollout || Upgrades.Count > 0 || JustUpgraded.Count > 0;

    /// <summary>The version of a site once the overlay's upgrades are done (today's version when not upgraded).</summary>
    public SmsVersion VersionAfter(DomainSite site) => Upgrades.FirstOrDefault(u => u.Code == site.Code)?.To.Site ?? site.Version;

    /// <summary>The sites differ in build or service pack once the plan is carried out.</summary>
    public bool MixedAfter => Versioned.Select(s => RolloutModel.LevelOf(VersionAfter(s))).Distinct().Count() > 1;

    /// <summary>The newest version on the domain today.</summary>
    public SmsVersion? NewestNow => Versioned.Count == 0 ? null : Versioned.Max(s => s.Version);

    /// <summary>The newest version on the domain once the plan is carried out.</summary>
    public SmsVersion? NewestAfter => Versioned.Count == 0 ? null : Versioned.Max(VersionAfter);

    public bool HasMachine(string machine) => Machines.Contains(machine, StringComparer.OrdinalIgnoreCase);

    public bool HasSite(string code) => Sites.Any(s => s.Code.Equals(code, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Description;
}

/// <summary>
/// The rollout view of a snapshot, computed once per model (<see cref="SnapshotModel.Rollout"/>):
/// each shared domain's phase and, under an overlay, which sites the plan upgrades to what.
/// </summary>
public sealed class RolloutModel
{
    public RolloutModel(SnapshotModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Overlay = model.Overlay;
        var upgrades = ResolveUpgrades(model, model.Overlay, out var problems);
        Upgrades = upgrades;
        Problems = problems;
        Domains = BuildDomains(model, upgrades);
    }

    public RolloutOverlay Overlay { get; }

    public IReadOnlyList<DomainRollout> Domains { get; }

    /// <summary>Every site the overlay upgrades, in code order.</summary>
    public IReadOnlyList<SiteUpgrade> Upgrades { get; }

    /// <summary>Requests that name no SMS 2.0 site of the snapshot, or one already at that level (usage errors).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Rollout when any shared domain's sites differ today.</summary>
    public RolloutPhase Phase => Domains.Any(d => d.Phase == RolloutPhase.Rollout) ? RolloutPhase.Rollout : RolloutPhase.Steady;

    /// <summary>The planned version of a site, or null when the overlay leaves it alone.</summary>
    public PlannedVersion? PlannedFor(string code) => Upgrades.FirstOrDefault(u => u.Code.Equals(code, StringComparison.OrdinalIgnoreCase))?.To;

    public IEnumerable<DomainRollout> DomainsOfSite(string code) => Domains.Where(d => d.HasSite(code));

    /// <summary>
    /// The domains a copy of the logon script serves: a NETLOGON or REPL$ copy those of its domain
    /// controller, a site master copy those of its site. Empty when the snapshot does not say.
    /// </summary>
    public IReadOnlyList<DomainRollout> DomainsOfScript(LoadedFile script) => script.File.ShareKind switch
    {
        ShareKind.Netlogon or ShareKind.ReplExport => [.. Domains.Where(d => d.HasMachine(script.File.Machine))],
        ShareKind.SiteServer when script.File.ShareSiteCode is { } code => [.. DomainsOfSite(code)],
        _ => [],
    };

    /// <summary>Major, minor, build and service pack digit: the level two sites must share to be in step.</summary>
    public static (int Major, int Minor, int Build, int ServicePack) LevelOf(SmsVersion v) => (v.Major, v.Minor, v.Build, v.ServicePackDigit);

    private static List<SiteUpgrade> ResolveUpgrades(SnapshotModel model, RolloutOverlay overlay, out List<string> problems)
    {
        problems = [];
        var result = new SortedDictionary<string, SiteUpgrade>(StringComparer.Ordinal);
        foreach (var request in overlay.Upgrades)
        {
            var site = model.Sites.Find(request.Site);
            if (site?.Effective is not { Version: { Major: 2 } current } claim)
            {
                problems.Add($"--upgrade: the snapshot shows no SMS 2.0 site '{request.Site}' with a known version");
                continue;
            }

            if (LevelOf(current).CompareTo(request.To.Level) >= 0)
            {
                problems.Add($"--upgrade: site '{request.Site}' is already at '{claim.Raw}', not below '{request.To.Requested}'");
                continue;
            }

            result[site.Code] = new SiteUpgrade(site, claim, request.To);
        }

        if (overlay.Target is { } target)
        {
            foreach (var site in model.Sites.All)
            {
                if (!result.ContainsKey(site.Code) && site.Effective is { Version: { Major: 2 } v } claim && LevelOf(v).CompareTo(target.Level) < 0)
                {
                    result[site.Code] = new SiteUpgrade(site, claim, target);
                }
            }
        }

        return [.. result.Values];
    }

    private static List<DomainRollout> BuildDomains(SnapshotModel model, List<SiteUpgrade> upgrades)
    {
        var hierarchy = model.Hierarchy;
        var names = new SortedSet<string>(hierarchy.Domains.Keys, StringComparer.Ordinal);
        foreach (var site in hierarchy.Sites.Values)
        {
            names.UnionWith(site.Domains.Select(d => d.Text.ToUpperInvariant()));
        }

        var list = new List<DomainRollout>();
        foreach (var name in names)
        {
            var codes = new SortedSet<string>(StringComparer.Ordinal);
            codes.UnionWith(hierarchy.Sites.Values.Where(s => s.Domains.Any(d => d.Text.Equals(name, StringComparison.OrdinalIgnoreCase))).Select(s => s.Code));
            var machines = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            string? pdc = null;
            IReadOnlyList<LogonPoint> lps = [];
            if (hierarchy.Domains.TryGetValue(name, out var declared))
            {
                pdc = declared.Pdc?.Value.Text is { Length: > 0 } p ? p : null;
                if (pdc is not null)
                {
                    machines.Add(pdc);
                }

                machines.UnionWith(declared.Controllers.Select(c => c.Text));
                lps = model.LogonPointsOf(declared);
                foreach (var lp in lps)
                {
                    codes.UnionWith(lp.SiteSet);
                }
            }

            list.Add(Make(model, name, pdc, [.. machines], lps, codes, upgrades));
        }

        foreach (var lp in model.LogonPoints)
        {
            if (!hierarchy.DomainsOf(lp.Machine).Any())
            {
                list.Add(Make(model, null, lp.Machine, [lp.Machine], [lp], lp.SiteSet, upgrades));
            }
        }

        return list;
    }

    private static DomainRollout Make(SnapshotModel model, string? name, string? pdc, IReadOnlyList<string> machines, IReadOnlyList<LogonPoint> lps, IEnumerable<string> codes, List<SiteUpgrade> upgrades)
    {
        var sites = codes.Select(model.Sites.Find).OfType<SiteInfo>().Distinct().OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var own = upgrades.Where(u => sites.Contains(u.Site)).ToList();
        var applied = sites.Where(s => model.Applied.ContainsKey(s.Code)).Select(s => s.Code).ToList();
        return new DomainRollout(name, pdc, machines, lps, sites, own, applied);
    }
}

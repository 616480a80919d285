using SmsLint.Binaries;
using SmsLint.Catalog;
using SmsLint.Engine;
using SmsLint.Parsing.Common;
using SmsLint.Parsing.Ini;

namespace SmsLint.Model;

/// <summary>
/// A set of sites that share NT logon points: a domain declared in hierarchy.ini (its
/// <c>[Domain X]</c> controllers' logon points and every site whose <c>Domains=</c> names it), or
/// one captured logon point whose machine no declared domain lists.
/// </summary>
/// <param name="Description">"domain 'CORP'" or "logon point 'DC01'", for messages.</param>
/// <param name="Members">Site code → the evidence that the site belongs to the set.</param>
public sealed record SharedDomain(string Description, IReadOnlyDictionary<string, Evidence> Members);

/// <summary>How the evidence for one hotfix on one site turned out.</summary>
public enum HotfixState
{
    /// <summary>A proof file has the minimum version or later, or hierarchy.ini lists the hotfix.</summary>
    Applied,

    /// <summary>A captured proof file has a real file version below the minimum.</summary>
    MissingByBinary,

    /// <summary>No proof file could be read and hierarchy.ini's <c>Hotfixes=</c> does not list the hotfix.</summary>
    MissingByDeclaration,

    /// <summary>No proof file could be read and hierarchy.ini has no <c>Hotfixes=</c> key for the site.</summary>
    Unknown,
}

/// <summary>
/// One catalog proof file of a hotfix as found (or not) on a site server.
/// <see cref="Version"/> is set only for a readable file version that names a build.
/// </summary>
public sealed record ProofFile(HotfixFile Spec, SmsVersion MinVersion, string ExpectedPath, LoadedFile? File, SmsVersion? Version, string? Problem)
{
    public bool IsBelow => Version is { } v && v < MinVersion;

    public bool Proves => Version is { } v && v >= MinVersion;

    /// <summary>The related-location note for this file in a finding that says the hotfix is not proven.</summary>
    public string EvidenceNote => Problem is not null
        ? $"This file proves nothing: it {Problem}."
        : $"File version '{Version?.ToFileVersionString()}' reaches '{MinVersion.ToFileVersionString()}', but this file alone does not prove the hotfix.";

    /// <summary>Why the file proves nothing, as a clause: "'X' is not in the snapshot".</summary>
    public string ProblemClause => $"'{ExpectedPath}' {Problem}";
}

/// <summary>The evidence about one pre-SP2 hotfix on one older site that shares a domain with an SP2-or-later site.</summary>
public sealed record HotfixAssessment(
    SiteInfo Site,
    VersionClaim SiteClaim,
    SharedDomain Domain,
    IReadOnlyList<(SiteInfo Site, VersionClaim Claim)> Newer,
    CatalogHotfix Hotfix,
    IReadOnlyList<ProofFile> Proofs,
    HotfixState State,
    Token? DeclaredId)
{
    public int Build => SiteClaim.Version!.Value.Build;

    /// <summary>The copy-log fixes (Q251070, Q249077) replace Nt_logon.dll, the Logon Server Manager that writes Copylog.tcf.</summary>
    public bool FixesCopyLog => Hotfix.Files.Any(f => f.Name.Equals("Nt_logon.dll", StringComparison.OrdinalIgnoreCase));

    /// <summary>"site 'CEN' at '2.00.1493.2000'" or "sites 'CEN' at '…' and 'XYZ' at '…'".</summary>
    public string NewerText
    {
        get
        {
            var parts = Newer.Select(n => n.Claim.Planned
                ? $"'{n.Site.Code}', which the plan upgrades to build {n.Claim.Version!.Value.Build} ('{n.Claim.Raw}')"
                : $"'{n.Site.Code}' at build {n.Claim.Version!.Value.Build} ('{n.Claim.Raw}')").ToList();
            return (parts.Count == 1 ? "site " : "sites ") + PreSp2Hotfixes.JoinAnd(parts);
        }
    }

    /// <summary>"Q249077 ('SP1: Copylog.tcf does not show …')".</summary>
    public string HotfixText => $"{Hotfix.Id} ('{Hotfix.Title}')";

    /// <summary>The remedy sentence shared by both rules.</summary>
    public string Remedy => RemedyText("Apply");

    /// <summary>The remedy starting with <paramref name="verb"/> ("Apply" or "apply").</summary>
    public string RemedyText(string verb) => FixesCopyLog
        ? $"{verb} {Hotfix.Id} from the Smsqfe folder of the SMS 2.0 SP2 CD (or its separate download) on site '{Site.Code}', then wait until the senior site has rewritten Copylog.tcf on every shared logon point before upgrading any further site to SP2 (Q261931)."
        : $"{verb} {Hotfix.Id} from the Smsqfe folder of the SMS 2.0 SP2 CD (or its separate download) on site '{Site.Code}' before upgrading any further site to SP2 (Q261931).";

    /// <summary>
    /// Evidence every finding about this assessment carries: the newer sites' version evidence,
    /// how each site belongs to the shared domain, and the older site's hierarchy.ini section.
    /// </summary>
    public List<Evidence> CommonRelated()
    {
        var related = new List<Evidence>();
        foreach (var (site, claim) in Newer)
        {
            related.Add(new Evidence(claim.File, claim.Span, claim.Planned
                ? $"{char.ToUpperInvariant(claim.Description[0])}{claim.Description[1..]}."
                : $"Site {site.Code} is at '{claim.Raw}': {claim.Description}."));
            if (Domain.Members.TryGetValue(site.Code, out var member))
            {
                related.Add(member);
            }
        }

        if (Domain.Members.TryGetValue(Site.Code, out var own))
        {
            related.Add(own);
        }

        if (SiteClaim.Source != VersionSource.Declared)
        {
            related.Add(new Evidence(SiteClaim.File, SiteClaim.Span, $"Site {Site.Code} is at '{SiteClaim.Raw}': {SiteClaim.Description}."));
        }

        if (Site.Declared is { } declared)
        {
            related.Add(Evidence.At(declared.File, declared.Header.Span, $"hierarchy.ini section of site {Site.Code}."));
            if (SiteClaim.Source == VersionSource.Declared && declared.Version is { } version)
            {
                related.Add(Evidence.At(declared.File, version.Span, $"Site {Site.Code} is declared at '{version.Value.Text}'."));
            }
        }

        return related;
    }

    /// <summary>
    /// Why the proof files prove nothing, as one clause: one per file, or a single one when the
    /// site's SMS_&lt;CODE&gt; share was not captured at all.
    /// </summary>
    public string ProofProblems
    {
        get
        {
            if (Proofs.Count == 0)
            {
                return "the catalog names no site-server file that proves it";
            }

            if (Site.SiteServers.Count == 0)
            {
                var names = string.Join(", ", Proofs.Select(p => $"'{p.ExpectedPath}'"));
                return $"no 'SMS_{Site.Code}' share of site {Site.Code} was captured, so {names} cannot be read";
            }

            var problems = Proofs.Where(p => p.Problem is not null).Select(p => p.ProblemClause).ToList();
            var proving = Proofs.Where(p => p.Proves).Select(p => p.Spec.IsDistinctive
                ? $"'{p.ExpectedPath}' reaches '{p.MinVersion.ToFileVersionString()}' but cannot prove the hotfix alone"
                : $"'{p.ExpectedPath}' reaches '{p.MinVersion.ToFileVersionString()}' but is also shipped by {PreSp2Hotfixes.JoinAnd(p.Spec.SharedWith ?? [])}, so it proves nothing alone");
            return string.Join("; ", problems.Concat(proving));
        }
    }

    /// <summary>The <c>Hotfixes=</c> line of the older site, when hierarchy.ini has one.</summary>
    public IniEntry? HotfixesEntry => Site.Declared?.HotfixesEntry;

    /// <summary>"'Hotfixes=Q252718'" as written in hierarchy.ini.</summary>
    public string HotfixesEntryText =>
        HotfixesEntry is { } entry && Site.Declared!.File.Text is { } text ? $"'{text.Slice(entry.Span).Trim()}'" : "'Hotfixes='";
}

/// <summary>
/// LP003/LP004 evidence (sms-domain.md §4.1, "Detecting them from a captured tree"): for every
/// build 1239/1380 site that shares a domain with a site at the build that supersedes the pre-SP2
/// hotfixes (1493, SP2 and later), each catalog hotfix required before SP2 and what the site
/// server's binaries and hierarchy.ini say about it.
/// </summary>
public static class PreSp2Hotfixes
{
    /// <summary>The build of SMS 2.0 SP2, used when a catalog hotfix names no superseding build.</summary>
    public const int Sp2Build = 1493;

    private static readonly string[] Platforms = ["i386", "alpha"];

    /// <summary>Assessments by model (and the catalog they were made with): SMS2001 asks once per shared group.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SnapshotModel, Tuple<SmsCatalog, IReadOnlyList<HotfixAssessment>>> Assessed = new();

    /// <summary>
    /// Every assessment of the model, computed once per model and catalog: the rules that need it
    /// (SMS2001 for each shared group, SMS6003-SMS6005, the readiness checklist) share one list.
    /// </summary>
    public static IReadOnlyList<HotfixAssessment> Assess(SnapshotModel model, SmsCatalog catalog)
    {
        if (Assessed.TryGetValue(model, out var known) && ReferenceEquals(known.Item1, catalog))
        {
            return known.Item2;
        }

        var computed = Compute(model, catalog);
        Assessed.AddOrUpdate(model, Tuple.Create(catalog, computed));
        return computed;
    }

    private static IReadOnlyList<HotfixAssessment> Compute(SnapshotModel model, SmsCatalog catalog)
    {
        var result = new List<HotfixAssessment>();
        var assessed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var domain in SharedDomains(model))
        {
            var sites = domain.Members.Keys
                .Select(model.Sites.Find)
                .Where(s => s?.Effective is { Version: { Major: 2 } })
                .Select(s => (Site: s!, Claim: s!.Effective!))
                .OrderBy(s => s.Site.Code, StringComparer.Ordinal)
                .ToList();
            foreach (var (site, claim) in sites)
            {
                var build = claim.Version!.Value.Build;
                if (assessed.Contains(site.Code))
                {
                    continue;
                }

                var any = false;
                foreach (var hotfix in catalog.RequiredBeforeSp2(build).Where(h => !h.IsSupersededAt(build)))
                {
                    var trigger = hotfix.SupersededBy?.Build ?? Sp2Build;
                    var newer = sites.Where(s => s.Claim.Version!.Value.Build >= trigger).ToList();

                    // Q261931: "before upgrading any of your sites to SP2" - a planned upgrade counts too.
                    newer.AddRange(PlannedNewer(model, sites, site, trigger));
                    if (newer.Count == 0)
                    {
                        continue;
                    }

                    any = true;
                    result.Add(AssessOne(site, claim, domain, newer, hotfix));
                }

                if (any)
                {
                    assessed.Add(site.Code);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The other sites of the domain that the upgrade plan (<see cref="SnapshotModel.Rollout"/>) takes to
    /// <paramref name="trigger"/> or later while they are below it today, each with a planned claim.
    /// </summary>
    private static IEnumerable<(SiteInfo Site, VersionClaim Claim)> PlannedNewer(SnapshotModel model, List<(SiteInfo Site, VersionClaim Claim)> sites, SiteInfo self, int trigger)
    {
        foreach (var (other, claim) in sites)
        {
            if (other != self && claim.Version!.Value.Build < trigger && model.Rollout.PlannedFor(other.Code) is { } planned && planned.Site.Build >= trigger)
            {
                yield return (other, claim with
                {
                    Version = planned.Site,
                    Raw = planned.Site.ToString(),
                    Planned = true,
                    Description = $"the plan upgrades site {other.Code} from '{claim.Raw}' to '{planned.Site}'",
                });
            }
        }
    }

    /// <summary>
    /// Declared domains first (by name), then each logon point that no declared domain lists. A
    /// site's membership evidence is its <c>Domains=</c> token in hierarchy.ini, else its LCF (or
    /// first <c>Sites\&lt;code&gt;</c> file) on a logon point of the domain.
    /// </summary>
    public static List<SharedDomain> SharedDomains(SnapshotModel model)
    {
        var hierarchy = model.Hierarchy;
        var list = new List<SharedDomain>();
        foreach (var name in hierarchy.DomainNames)
        {
            var members = new SortedDictionary<string, Evidence>(StringComparer.Ordinal);
            foreach (var site in hierarchy.Sites.Values)
            {
                if (site.Domains.FirstOrDefault(d => d.Text.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } token)
                {
                    members[site.Code] = Evidence.At(site.File, token, $"hierarchy.ini: site {site.Code} manages the logon points of domain '{name}'.");
                }
            }

            if (hierarchy.Domains.TryGetValue(name, out var declared))
            {
                foreach (var lp in model.LogonPointsOf(declared))
                {
                    AddLogonPointSites(members, lp);
                }
            }

            list.Add(new SharedDomain($"domain '{name}'", members));
        }

        foreach (var lp in model.LogonPoints)
        {
            if (!hierarchy.DomainsOf(lp.Machine).Any())
            {
                var members = new SortedDictionary<string, Evidence>(StringComparer.Ordinal);
                AddLogonPointSites(members, lp);
                list.Add(new SharedDomain($"logon point '{lp.Machine}'", members));
            }
        }

        return list;
    }

    private static void AddLogonPointSites(SortedDictionary<string, Evidence> members, LogonPoint lp)
    {
        foreach (var code in lp.SiteSet)
        {
            if (members.ContainsKey(code))
            {
                continue;
            }

            var note = $"Site {code} takes part in logon point '{lp.Machine}'.";
            if (lp.Lcfs.TryGetValue(code, out var lcf))
            {
                members[code] = Evidence.Start(lcf, note);
            }
            else if (lp.SiteFolders.TryGetValue(code, out var files) && files.Count > 0)
            {
                members[code] = Evidence.Start(files[0], note);
            }
        }
    }

    private static HotfixAssessment AssessOne(
        SiteInfo site,
        VersionClaim claim,
        SharedDomain domain,
        List<(SiteInfo Site, VersionClaim Claim)> newer,
        CatalogHotfix hotfix)
    {
        var proofs = new List<ProofFile>();
        if (site.SiteServers.Count == 0)
        {
            foreach (var spec in hotfix.Files.Where(f => f.Platform is "i386" or "any"))
            {
                if (Describe(spec) is { } d)
                {
                    proofs.Add(new ProofFile(spec, d.Min, $"SMS_{site.Code}/{d.Folder}/{spec.Name}", null, null, "is not in the snapshot"));
                }
            }
        }

        foreach (var server in site.SiteServers)
        {
            var platforms = Platforms.Where(p => server.Files.Any(f => f.File.IsUnder("bin", p))).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (platforms.Count == 0)
            {
                platforms.Add("i386");
            }

            foreach (var spec in hotfix.Files.Where(f => f.Platform == "any" || platforms.Contains(f.Platform)))
            {
                if (Describe(spec) is not { } d)
                {
                    continue;
                }

                var expected = $"{server.Root}/{d.Folder}/{spec.Name}";
                var file = server.Find($"{d.Folder}/{spec.Name}");
                proofs.Add(Read(spec, d.Min, expected, file));
            }
        }

        var declaredId = site.Declared?.Hotfixes?.FirstOrDefault(t => SameHotfix(t.Text, hotfix.Id));
        HotfixState state;
        if (proofs.Any(p => p.IsBelow))
        {
            state = HotfixState.MissingByBinary;
        }
        else if (ProvenByBinaries(proofs))
        {
            state = HotfixState.Applied;
        }
        else if (site.Declared is { HotfixesKnown: true })
        {
            state = declaredId is null ? HotfixState.MissingByDeclaration : HotfixState.Applied;
        }
        else
        {
            state = HotfixState.Unknown;
        }

        return new HotfixAssessment(site, claim, domain, newer, hotfix, proofs, state, declaredId);
    }

    /// <summary>
    /// A hotfix is proven by binaries only when every distinctive proof file (one that no other
    /// package ships, see <see cref="HotfixFile.SharedWith"/>) of each captured platform is at its
    /// minimum version or later: Q252717 needs Ccm.dll and Ccmbtldr.exe, because the Baseobj.dll it
    /// also ships comes with Q253151 too.
    /// </summary>
    public static bool ProvenByBinaries(IReadOnlyList<ProofFile> proofs)
    {
        var distinctive = proofs.Where(p => p.Spec.IsDistinctive).ToList();
        return distinctive.Count > 0 && distinctive.All(p => p.Proves);
    }

    /// <summary>The folder inside the SMS_&lt;CODE&gt; share and the minimum version of a version-proven site-server file.</summary>
    private static (string Folder, SmsVersion Min)? Describe(HotfixFile spec)
    {
        if (spec.Proof != ProofKind.Version || spec.MinVersion is not { } min)
        {
            return null;
        }

        foreach (var location in spec.Locations)
        {
            var path = location.Path.Replace('\\', '/');
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            if (location.Role == "site-server" && slash > 0 && path.StartsWith("SMS_<CODE>", StringComparison.OrdinalIgnoreCase))
            {
                return (path[(slash + 1)..], min);
            }
        }

        return null;
    }

    private static ProofFile Read(HotfixFile spec, SmsVersion min, string expected, LoadedFile? file)
    {
        if (file is null)
        {
            return new ProofFile(spec, min, expected, null, null, "is not in the snapshot");
        }

        if (file.IsPlaceholder)
        {
            return new ProofFile(spec, min, expected, file, null, "is a zero-byte placeholder (the file was not captured)");
        }

        if (file.Version is not { Status: PeVersionStatus.Ok, FileVersion: { Length: 4 } fv } result)
        {
            var detail = file.Version?.Detail ?? file.Problem?.Message ?? "no version resource was read";
            detail = detail.Length > 1 ? char.ToLowerInvariant(detail[0]) + detail[1..].TrimEnd('.') : detail;
            return new ProofFile(spec, min, expected, file, null, $"has no readable file version ({detail})");
        }

        var version = new SmsVersion(fv[0], fv[1], fv[2], fv[3]);
        if (version.IsPackagingVersion)
        {
            return new ProofFile(spec, min, expected, file, null, $"has the packaging version '{result.FormatFileVersion()}', which names no SMS build");
        }

        return new ProofFile(spec, min, expected, file, version, null);
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string JoinAnd(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }

    /// <summary>"Q249077", "q249077" and "249077" name the same hotfix.</summary>
    public static bool SameHotfix(string declared, string id) =>
        declared.Trim().TrimStart('Q', 'q').Equals(id.TrimStart('Q', 'q'), StringComparison.Ordinal);
}

using System.Runtime.CompilerServices;
using SmsLint.Catalog;
using SmsLint.Parsing.Batch;
using SmsLint.Rules.LogonScript;

namespace SmsLint.Planning;

/// <summary>How one readiness item of the upgrade checklist stands.</summary>
public enum ReadinessStatus
{
    Ready,
    NotReady,
    CannotTell,
}

/// <summary>A not-ready item that must be fixed before the upgrade (a blocker), or one that only raises the risk.</summary>
public enum ReadinessSeverity
{
    Blocker,
    Risk,
}

/// <summary>
/// One item of the readiness checklist of Q238780, Q237543 and Q261931 (contract §6): what it checks,
/// how it stands, the files that show it, and for <see cref="ReadinessStatus.CannotTell"/> what would
/// prove it. <see cref="RuleId"/> is the SMS7xxx rule that reports it in SARIF.
/// </summary>
public sealed record ReadinessItem(
    string Id,
    string RuleId,
    IReadOnlyList<string> Kb,
    ReadinessStatus Status,
    ReadinessSeverity Severity,
    string Gate,
    IReadOnlyList<Evidence> Evidence,
    string Subject)
{
    /// <summary>The site the item is about, or null for a domain-wide item.</summary>
    public string? Site { get; init; }

    /// <summary>The shared domain the item is about ("domain 'CORP'").</summary>
    public string? Domain { get; init; }

    /// <summary>For cannot-tell: what would settle it.</summary>
    public string? Proof { get; init; }

    /// <summary>What the item checks, its state, the particulars and the remedy.</summary>
    public required ReadinessWording Wording { get; init; }

    /// <summary>The item as one sentence, as the plan prints it: "Head: state, detail; remedy".</summary>
    public string Text => Wording.ToString();

    /// <summary>Not ready and must be fixed before the upgrade.</summary>
    public bool IsBlocker => Status == ReadinessStatus.NotReady && Severity == ReadinessSeverity.Blocker;

    public string StatusName => Status switch
    {
        ReadinessStatus.Ready => "ready",
        ReadinessStatus.NotReady => "not-ready",
        _ => "cannot-tell",
    };
}

/// <summary>
/// The words of a checklist item, kept apart so that each output takes what it needs: the plan
/// prints <see cref="ToString"/> ("Head: state, detail; remedy"), and an SMS7xxx result takes
/// <see cref="Problem"/> as its message and <see cref="Remedy"/> as its help.
/// </summary>
/// <param name="Head">What the item checks ("Copylog.tcf rewritten after the pre-SP2 hotfix on logon point 'DC01' of domain 'CORP'").</param>
/// <param name="State">"ready", "not ready" or "cannot tell".</param>
/// <param name="Detail">The particulars of the state, or null.</param>
/// <param name="Remedy">What to do, as a clause that ends with a full stop, or null.</param>
public sealed record ReadinessWording(string Head, string State, string? Detail, string? Remedy)
{
    public string HeadSeparator { get; init; } = ": ";

    public string DetailSeparator { get; init; } = ", ";

    /// <summary>Head, state and detail: the problem, without a full stop.</summary>
    public string Problem => Head + HeadSeparator + State + (Detail is null ? string.Empty : DetailSeparator + Detail);

    public override string ToString() => Remedy is null ? Problem + "." : Problem + "; " + Remedy;
}

/// <summary>When an item has to be settled.</summary>
public static class Gates
{
    public const string BeforeUpgrade = "before-upgrade";
    public const string BeforeReEnablingScripts = "before-re-enabling-scripts";
    public const string AfterUpgrade = "after-upgrade";
}

/// <summary>
/// Builds the readiness checklist for every shared domain with a rollout under way or planned
/// (<see cref="DomainRollout.Pending"/>). Computed once per model.
/// </summary>
public static class Readiness
{
    private static readonly ConditionalWeakTable<SnapshotModel, IReadOnlyList<ReadinessItem>> Cache = new();

    public static IReadOnlyList<ReadinessItem> For(SnapshotModel model, SmsCatalog catalog) =>
        Cache.GetValue(model, m => Build(m, catalog));

    private static List<ReadinessItem> Build(SnapshotModel model, SmsCatalog catalog)
    {
        var items = new List<ReadinessItem>();
        var hotfixes = PreSp2Hotfixes.Assess(model, catalog);
        foreach (var domain in model.Rollout.Domains.Where(d => d.Pending))
        {
            var anchor = Anchor(model, domain);
            HotfixItems(items, domain, hotfixes.Where(a => domain.HasSite(a.Site.Code)).ToList());
            if (hotfixes.Any(a => domain.HasSite(a.Site.Code)))
            {
                CopyLogRewritten(items, model, catalog, domain);
            }

            CopyLogConsistent(items, domain, anchor);
            ScriptsDisabled(items, model, domain, anchor);
            CapsAndLogonPoints(items, domain);
            SeniorLst(items, domain, anchor);
            RasBypass(items, model, domain, anchor);
            NotCaptured(items, domain, anchor);
            UpgradeTogether(items, model, domain, anchor);
        }

        // Every item points somewhere: a SARIF result needs a location.
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Evidence.Count == 0)
            {
                var domain = model.Rollout.Domains.First(d => d.Description == items[i].Domain);
                items[i] = items[i] with { Evidence = [Anchor(model, domain)] };
            }
        }

        return items;
    }

    /// <summary>Where a domain-wide item points: the domain's hierarchy.ini section, else its first logon point's Copylog.tcf, else any evidence of a site.</summary>
    private static Evidence Anchor(SnapshotModel model, DomainRollout domain)
    {
        if (domain.Name is { } name && model.Hierarchy.Domains.TryGetValue(name, out var declared))
        {
            return Evidence.At(declared.File, declared.Header.Span, $"hierarchy.ini section of {domain.Description}.");
        }

        if (domain.Name is { } n2 && model.Hierarchy.Sites.Values.FirstOrDefault(s => s.Domains.Any(d => d.Text.Equals(n2, StringComparison.OrdinalIgnoreCase))) is { } site)
        {
            var token = site.Domains.First(d => d.Text.Equals(n2, StringComparison.OrdinalIgnoreCase));
            return Evidence.At(site.File, token, $"hierarchy.ini: site {site.Code} manages the logon points of {domain.Description}.");
        }

        if (domain.LogonPoints.FirstOrDefault() is { } lp && (lp.CopyLogFile ?? lp.Files.FirstOrDefault()) is { } file)
        {
            return Evidence.Start(file, $"Logon point '{lp.Machine}'.");
        }

        var claim = domain.Versioned.FirstOrDefault()?.Claim ?? domain.Sites.SelectMany(s => s.Claims).First();
        return SharedLogonPoints.Of(claim);
    }

    private static ReadinessItem Item(string id, string rule, string[] kb, ReadinessStatus status, ReadinessSeverity severity, string gate, ReadinessWording wording, IEnumerable<Evidence> evidence, string subject, DomainRollout domain) =>
        new(id, rule, kb, status, severity, gate, [.. evidence.Distinct()], subject) { Domain = domain.Description, Wording = wording };

    private const string Ready = "ready";
    private const string NotReady = "not ready";
    private const string CannotTell = "cannot tell";

    private const string WaitForRewrite = "wait until the senior site's Logon Server Manager has rewritten it after the hotfix before installing SP2.";

    private static ReadinessWording Say(string head, string state, string? detail = null, string? remedy = null, string headSeparator = ": ", string detailSeparator = ", ") =>
        new(head, state, detail, remedy) { HeadSeparator = headSeparator, DetailSeparator = detailSeparator };

    // SMS7001: Q261931 - both hotfixes on every build 1239/1380 site before any site goes to SP2.
    private static void HotfixItems(List<ReadinessItem> items, DomainRollout domain, List<HotfixAssessment> assessments)
    {
        foreach (var bySite in assessments.GroupBy(a => a.Site.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var list = bySite.ToList();
            var first = list[0];
            var missing = list.Where(a => a.State is HotfixState.MissingByBinary or HotfixState.MissingByDeclaration).ToList();
            var unknown = list.Where(a => a.State == HotfixState.Unknown).ToList();
            var ids = string.Join(", ", list.Select(a => $"'{a.Hotfix.Id}'"));
            var evidence = new List<Evidence>();
            foreach (var a in list)
            {
                evidence.AddRange(a.Proofs.Where(p => p.File is not null).Select(p => Evidence.Whole(p.File!, p.Version is { } v ? $"File version '{v.ToFileVersionString()}' (at least '{p.MinVersion.ToFileVersionString()}' for {a.Hotfix.Id})." : $"This file proves nothing: it {p.Problem}.")));
                if (a.DeclaredId is { } token)
                {
                    evidence.Add(Evidence.At(a.Site.Declared!.File, token, $"hierarchy.ini declares {a.Hotfix.Id} applied on site {a.Site.Code}."));
                }
                else if (a.HotfixesEntry is { } entry)
                {
                    evidence.Add(Evidence.At(a.Site.Declared!.File, entry.Span, $"hierarchy.ini does not list {a.Hotfix.Id} for site {a.Site.Code}."));
                }
            }

            if (evidence.Count == 0)
            {
                evidence.Add(new Evidence(first.SiteClaim.File, first.SiteClaim.Span, $"Site {first.Site.Code} is at '{first.SiteClaim.Raw}'."));
            }

            var head = $"Pre-SP2 hotfixes on site '{first.Site.Code}' (build {first.Build}), which shares {domain.Description} with {first.NewerText}";
            ReadinessItem item;
            if (missing.Count > 0)
            {
                var why = string.Join("; ", missing.Select(a => a.State == HotfixState.MissingByBinary
                    ? $"{a.Hotfix.Id}: " + string.Join(", ", a.Proofs.Where(p => p.IsBelow).Select(p => $"'{p.ExpectedPath}' is '{p.Version!.Value.ToFileVersionString()}', below '{p.MinVersion.ToFileVersionString()}'"))
                    : $"{a.Hotfix.Id}: hierarchy.ini {a.HotfixesEntryText} does not list it"));
                item = Item("hotfixes-before-sp2", "SMS7001", ["Q261931"], ReadinessStatus.NotReady, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                    Say(head, NotReady, $"{string.Join(" and ", missing.Select(a => $"'{a.Hotfix.Id}'"))} missing ({why})", missing[0].RemedyText("apply")),
                    evidence, $"{first.Site.Code}:hotfixes", domain);
            }
            else if (unknown.Count > 0)
            {
                item = Item("hotfixes-before-sp2", "SMS7001", ["Q261931"], ReadinessStatus.CannotTell, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                    Say(head, CannotTell, $"whether {string.Join(" and ", unknown.Select(a => $"'{a.Hotfix.Id}'"))} are applied ({unknown[0].ProofProblems})", detailSeparator: " "),
                    evidence, $"{first.Site.Code}:hotfixes", domain) with
                {
                    Proof = $"Capture the site server's 'SMS_{first.Site.Code}\\bin\\i386' files, or list the applied hotfixes with 'Hotfixes=' under '[Site {first.Site.Code}]' in hierarchy.ini.",
                };
            }
            else
            {
                item = Item("hotfixes-before-sp2", "SMS7001", ["Q261931"], ReadinessStatus.Ready, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                    Say(head, Ready, $"{ids} applied"), evidence, $"{first.Site.Code}:hotfixes", domain);
            }

            items.Add(item with { Site = first.Site.Code });
        }
    }

    // SMS7002: Q261931 NOTE - after Q251070/Q249077 wait until Copylog.tcf is rewritten on each logon point.
    private static void CopyLogRewritten(List<ReadinessItem> items, SnapshotModel model, SmsCatalog catalog, DomainRollout domain)
    {
        foreach (var machine in domain.Machines.Count > 0 ? domain.Machines : [.. domain.LogonPoints.Select(l => l.Machine)])
        {
            var head = $"Copylog.tcf rewritten after the pre-SP2 hotfix on logon point '{machine}' of {domain.Description}";
            var lp = domain.LogonPoints.FirstOrDefault(l => l.Machine.Equals(machine, StringComparison.OrdinalIgnoreCase));
            if (lp?.CopyLogFile is not { } file || lp.CopyLog is not { } doc)
            {
                items.Add(Item("copylog-rewritten", "SMS7002", ["Q261931", "Q251070", "Q249077"], ReadinessStatus.CannotTell, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                    Say(head, CannotTell, $"'{machine}/SMSLOGON/Config/Copylog.tcf' is not in the snapshot"),
                    lp?.Files.Take(1).Select(f => Evidence.Start(f)) ?? Enumerable.Empty<Evidence>(), $"{machine}:copylog-rewritten", domain) with
                {
                    Proof = $"Capture '\\\\{machine}\\SMSLOGON\\Config\\Copylog.tcf'.",
                });
                continue;
            }

            // The newest site on the logon point: after the fix, the site that copied the shared files (Q251070, Q249077).
            var onLp = domain.Versioned.Where(s => lp.SiteSet.Contains(s.Code)).ToList();
            if (onLp.Count == 0)
            {
                items.Add(Item("copylog-rewritten", "SMS7002", ["Q261931", "Q251070", "Q249077"], ReadinessStatus.CannotTell, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                    Say(head, CannotTell, "the snapshot shows no version for the sites on the logon point"), [Evidence.Start(file)], $"{machine}:copylog-rewritten", domain) with
                {
                    Proof = "Capture the sites' Compver.ini files or declare their versions in hierarchy.ini.",
                });
                continue;
            }

            var newestBuild = onLp.Max(s => s.Version.Build);
            var stale = doc.FileSource
                .Where(e => !e.IsSiteSpecific)
                .Select(e => (Entry: e, Site: onLp.FirstOrDefault(s => s.Code.Equals(e.Code.Text, StringComparison.OrdinalIgnoreCase))))
                .Where(p => p.Site is not null && p.Site.Version.Build < newestBuild)
                .ToList();
            if (stale.Count > 0 || CopyLogFacts.ClicoreOwner(doc) is null)
            {
                var text = stale.Count > 0
                    ? $"'{stale[0].Entry.Path.Text}={stale[0].Entry.Code.Text}' credits a build {stale[0].Site!.Version.Build} site although build {newestBuild} files are on the logon point, which is how the unfixed Logon Server Manager writes it"
                    : "it has no 'X86.BIN\\CLICORE.EXE' line";
                items.Add(Item("copylog-rewritten", "SMS7002", ["Q261931", "Q251070", "Q249077"], ReadinessStatus.NotReady, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                    Say(head, NotReady, $"{text} ({stale.Count} shared line(s))", WaitForRewrite),
                    stale.Count > 0 ? stale.Select(p => Evidence.At(file, p.Entry.Span, $"Credits build {p.Site!.Version.Build} site '{p.Site.Code}'.")).ToList() : new List<Evidence> { Evidence.Start(file) },
                    $"{machine}:copylog-rewritten", domain));
                continue;
            }

            var owner = CopyLogFacts.ClicoreOwner(doc)!;
            var times = CopyLogTimes.Judge(model, catalog, file, onLp);
            if (times.Status == ReadinessStatus.NotReady)
            {
                items.Add(Item("copylog-rewritten", "SMS7002", ["Q261931", "Q251070", "Q249077"], ReadinessStatus.NotReady, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                    Say(head, NotReady, $"every shared line credits a build {newestBuild} site ('{owner.Path.Text}={owner.Code.Text}') but {times.Text}", WaitForRewrite),
                    [Evidence.At(file, owner.Span), .. times.Evidence], $"{machine}:copylog-rewritten", domain));
                continue;
            }

            var ready = Item("copylog-rewritten", "SMS7002", ["Q261931", "Q251070", "Q249077"], ReadinessStatus.Ready, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                Say(head, Ready, $"every shared line credits a build {newestBuild} site ('{owner.Path.Text}={owner.Code.Text}'); {times.Text}"),
                [Evidence.At(file, owner.Span), .. times.Evidence], $"{machine}:copylog-rewritten", domain);
            items.Add(times.Status == ReadinessStatus.CannotTell ? ready with { Proof = times.Proof } : ready);
        }
    }

    // SMS7003: all DCs' Copylog.tcf equal to the PDC's and crediting a site that has its files there (Q264976, Q263345).
    private static void CopyLogConsistent(List<ReadinessItem> items, DomainRollout domain, Evidence anchor)
    {
        var withLog = domain.LogonPoints.Where(l => l.CopyLog is not null).ToList();
        var head = $"Copylog.tcf on every logon point of {domain.Description}";
        string[] kb = ["Q264976", "Q263345", "Q261931"];
        if (withLog.Count == 0)
        {
            items.Add(Item("copylog-consistent", "SMS7003", kb, ReadinessStatus.CannotTell, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                Say(head, CannotTell, "no Copylog.tcf of the domain is in the snapshot"), [anchor], $"{domain.Key}:copylog-consistent", domain) with
            {
                Proof = "Capture '\\\\<DC>\\SMSLOGON\\Config\\Copylog.tcf' from every domain controller.",
            });
            return;
        }

        var reference = withLog[0];
        var refMap = Map(reference.CopyLog!);
        var problems = new List<(Evidence Evidence, string Text)>();
        foreach (var lp in withLog)
        {
            var owner = CopyLogFacts.ClicoreOwner(lp.CopyLog!);
            if (owner is not null && !lp.SiteFolders.TryGetValue(owner.Code.Text.ToUpperInvariant(), out _))
            {
                problems.Add((Evidence.At(lp.CopyLogFile!, owner.Span, $"Credits '{owner.Code.Text}', which has no Sites folder here."), $"'{lp.Machine}' credits Clicore.exe to '{owner.Code.Text}', which has no 'Sites\\{owner.Code.Text}' folder there"));
            }

            if (lp != reference && !Map(lp.CopyLog!).SequenceEqual(refMap))
            {
                problems.Add((Evidence.Start(lp.CopyLogFile!, $"Differs from the copy on '{reference.Machine}'."), $"'{lp.Machine}' differs from '{reference.Machine}'"));
            }
        }

        var missing = domain.Machines.Where(m => !withLog.Any(l => l.Machine.Equals(m, StringComparison.OrdinalIgnoreCase))).ToList();
        if (problems.Count > 0)
        {
            items.Add(Item("copylog-consistent", "SMS7003", kb, ReadinessStatus.NotReady, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                Say(head, NotReady, PreSp2Hotfixes.JoinAnd(problems.Select(p => p.Text)), "let the senior site's Logon Server Manager bring every copy in line with the PDC's before the upgrade."),
                problems.Select(p => p.Evidence), $"{domain.Key}:copylog-consistent", domain));
        }
        else if (missing.Count > 0)
        {
            items.Add(Item("copylog-consistent", "SMS7003", kb, ReadinessStatus.CannotTell, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                Say(head, CannotTell, $"the copies of {PreSp2Hotfixes.JoinAnd(missing.Select(m => $"'{m}'"))} are not in the snapshot"),
                [.. withLog.Select(l => Evidence.Start(l.CopyLogFile!)), anchor], $"{domain.Key}:copylog-consistent", domain) with
            {
                Proof = $"Capture Copylog.tcf from {PreSp2Hotfixes.JoinAnd(missing.Select(m => $"'\\\\{m}\\SMSLOGON'"))}.",
            });
        }
        else
        {
            items.Add(Item("copylog-consistent", "SMS7003", kb, ReadinessStatus.Ready, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                Say(head, Ready, $"{withLog.Count} copies agree and credit Clicore.exe to a site with files on the logon point"),
                withLog.Select(l => Evidence.Start(l.CopyLogFile!)), $"{domain.Key}:copylog-consistent", domain));
        }
    }

    private static List<(string, string)> Map(Parsing.CopyLog.CopyLogDocument doc) =>
        [.. doc.FileSource.Select(e => (e.Key, e.Code.Text.ToUpperInvariant())).Distinct().OrderBy(p => p.Key, StringComparer.Ordinal)];

    /// <summary>The copies of the SMS 2.0 logon script that serve a domain: each DC's NETLOGON, REPL$ exports, site masters.</summary>
    public static List<LoadedFile> ScriptsOf(SnapshotModel model, DomainRollout domain) =>
        [.. LogonScripts.All(model).Where(f => model.Rollout.DomainsOfScript(f).Contains(domain) && f.As<BatchDocument>() is { } d && !BatchFacts.IsSms12Script(d))];

    /// <summary>The first effective line of a script (where GOTO END belongs), else its first line.</summary>
    private static Evidence FirstLine(LoadedFile file, string note) =>
        file.As<BatchDocument>() is { } doc && LogonScriptDisabled.FirstEffective(doc) is { } statement ? Evidence.At(file, statement.Span, note) : Evidence.Start(file, note);

    // SMS7004: Q238780 - disable the logon scripts on all sites before the upgrade; every copy.
    private static void ScriptsDisabled(List<ReadinessItem> items, SnapshotModel model, DomainRollout domain, Evidence anchor)
    {
        var scripts = ScriptsOf(model, domain);
        var enabled = scripts.Where(f => !LogonScriptStillEnabled.IsDisabled(f.As<BatchDocument>()!)).ToList();
        var uncaptured = domain.Machines.Where(m => !scripts.Any(f => f.File.ShareKind == Discover.ShareKind.Netlogon && f.File.Machine.Equals(m, StringComparison.OrdinalIgnoreCase))).ToList();
        var head = $"Logon scripts disabled with GOTO END on every copy serving {domain.Description}";
        string[] kb = ["Q238780", "Q237543", "Q236596"];
        if (enabled.Count > 0)
        {
            items.Add(Item("scripts-disabled", "SMS7004", kb, ReadinessStatus.NotReady, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                Say(head, NotReady, $"{enabled.Count} of {scripts.Count} copies do not start with 'GOTO END' ({PreSp2Hotfixes.JoinAnd(enabled.Select(f => $"'{f.Path}'"))})", "add it at the top of each before upgrading any site."),
                enabled.Select(f => FirstLine(f, "This copy still runs the logon script.")), $"{domain.Key}:scripts-disabled", domain));
        }
        else if (scripts.Count == 0 || uncaptured.Count > 0)
        {
            var what = scripts.Count == 0 ? "no copy of Smsls.bat serving the domain is in the snapshot" : $"the NETLOGON copies of {PreSp2Hotfixes.JoinAnd(uncaptured.Select(m => $"'{m}'"))} are not in the snapshot";
            items.Add(Item("scripts-disabled", "SMS7004", kb, ReadinessStatus.CannotTell, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                Say(head, CannotTell, what), [.. scripts.Select(f => Evidence.Start(f)), anchor], $"{domain.Key}:scripts-disabled", domain) with
            {
                Proof = "Capture Smsls.bat from each domain controller's NETLOGON share, the REPL$ export and every site's SMS\\Data\\Nt_logon folder.",
            });
        }
        else
        {
            items.Add(Item("scripts-disabled", "SMS7004", kb, ReadinessStatus.Ready, ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
                Say(head, Ready, $"all {scripts.Count} copies start with 'GOTO END'", "turn them back on for a few clients at a time after all sites, CAP servers, and logon point servers are upgraded."),
                scripts.Select(f => FirstLine(f, "Starts with GOTO END.")), $"{domain.Key}:scripts-disabled", domain));
        }
    }

    // SMS7005: Q238780 - turn scripts back on only after CAPs and logon points are at the site's version.
    private static void CapsAndLogonPoints(List<ReadinessItem> items, DomainRollout domain)
    {
        foreach (var site in domain.Versioned)
        {
            if (domain.Upgrades.Any(u => u.Code == site.Code))
            {
                continue; // judged after its upgrade
            }

            var level = RolloutModel.LevelOf(site.Version);
            var claims = site.Site.Claims.Where(c => c.HasBuild && c.Source is VersionSource.CapCompver or VersionSource.LogonPointCompver).ToList();
            var behind = claims.Where(c => RolloutModel.LevelOf(c.Version!.Value).CompareTo(level) < 0).ToList();
            var head = $"CAPs and logon points of site '{site.Code}' at its version '{site.Claim.Raw}'";
            string[] kb = ["Q238780", "Q236596", "Q264630"];
            if (behind.Count > 0)
            {
                items.Add(Item("caps-and-logon-points-upgraded", "SMS7005", kb, ReadinessStatus.NotReady, ReadinessSeverity.Risk, Gates.BeforeReEnablingScripts,
                    Say(head, NotReady, PreSp2Hotfixes.JoinAnd(behind.Select(c => $"'{c.File.Path}' is '{c.Raw}'")), "keep the logon script disabled until they are upgraded."),
                    behind.Select(c => SharedLogonPoints.Of(c)), $"{site.Code}:caps", domain) with { Site = site.Code });
            }
            else if (!claims.Any(c => c.Source == VersionSource.CapCompver))
            {
                items.Add(Item("caps-and-logon-points-upgraded", "SMS7005", kb, ReadinessStatus.CannotTell, ReadinessSeverity.Risk, Gates.BeforeReEnablingScripts,
                    Say(head, CannotTell, "no CAP of the site is in the snapshot"), [SharedLogonPoints.Of(site.Claim)], $"{site.Code}:caps", domain) with
                {
                    Site = site.Code,
                    Proof = $"Capture 'CAP_{site.Code}\\clicomp.box\\base\\Compver.ini' from every CAP of the site.",
                });
            }
            else
            {
                items.Add(Item("caps-and-logon-points-upgraded", "SMS7005", kb, ReadinessStatus.Ready, ReadinessSeverity.Risk, Gates.BeforeReEnablingScripts,
                    Say(head, Ready, $"{claims.Count} CAP and logon-point Compver.ini file(s) match"), claims.Select(c => SharedLogonPoints.Of(c)), $"{site.Code}:caps", domain) with { Site = site.Code });
            }
        }
    }

    // SMS7006: Q235726, Q263395 - Senior.lst on each domain's PDC names a site of the domain.
    private static void SeniorLst(List<ReadinessItem> items, DomainRollout domain, Evidence anchor)
    {
        if (domain.Versioned.Count < 2)
        {
            return;
        }

        string[] kb = ["Q235726", "Q263395", "Q261931"];
        var head = $"Senior.lst on the PDC of {domain.Description}";
        var lp = domain.Pdc is { } pdc ? domain.LogonPoints.FirstOrDefault(l => l.Machine.Equals(pdc, StringComparison.OrdinalIgnoreCase)) : null;
        if (lp is null)
        {
            items.Add(Item("senior-lst", "SMS7006", kb, ReadinessStatus.CannotTell, ReadinessSeverity.Risk, Gates.BeforeUpgrade,
                Say(head, CannotTell, domain.Pdc is null ? "hierarchy.ini names no PDC for the domain" : $"the PDC '{domain.Pdc}' logon point is not in the snapshot"),
                [anchor], $"{domain.Key}:senior-lst", domain) with
            {
                Proof = domain.Pdc is null ? "Add 'PDC=' to the domain's section of hierarchy.ini and capture its SMSLOGON share." : $"Capture '\\\\{domain.Pdc}\\SMSLOGON\\Sitescfg'.",
            });
            return;
        }

        if (lp.SeniorLst is not { Text: { } text } file || file.File.Length == 0)
        {
            items.Add(Item("senior-lst", "SMS7006", kb, ReadinessStatus.NotReady, ReadinessSeverity.Risk, Gates.BeforeUpgrade,
                Say(head, NotReady, $"'{lp.Machine}' has no 'Sitescfg\\Senior.lst', so the senior site is whichever site has the highest version and moves to the first site upgraded", "create it with the central site's code in upper case (Q235726)."),
                lp.Lcfs.Values.Take(1).Select(f => Evidence.Start(f, "The logon point's site configuration folder.")).DefaultIfEmpty(anchor), $"{domain.Key}:senior-lst", domain));
            return;
        }

        var code = text.Text.Length >= 3 ? text.Text[..3] : text.Text;
        var valid = code.Length == 3 && code.All(char.IsAsciiLetterOrDigit) && code == code.ToUpperInvariant() && domain.HasSite(code);
        items.Add(Item("senior-lst", "SMS7006", kb, valid ? ReadinessStatus.Ready : ReadinessStatus.NotReady, valid ? ReadinessSeverity.Risk : ReadinessSeverity.Blocker, Gates.BeforeUpgrade,
            valid ? Say(head, Ready, $"'{lp.Machine}' names senior site '{code}'") : Say(head, NotReady, $"'{lp.Machine}' names '{code}', which is not an upper-case site code of the domain", "write the senior site's code in upper case (Q235726)."),
            [Evidence.Start(file)], $"{domain.Key}:senior-lst", domain));
    }

    // SMS7007: Q237543 - RAS clients would upgrade over the dial-up link.
    private static void RasBypass(List<ReadinessItem> items, SnapshotModel model, DomainRollout domain, Evidence anchor)
    {
        var scripts = ScriptsOf(model, domain);
        string[] kb = ["Q237543", "Q238780"];
        var head = $"RAS bypass in the logon script of {domain.Description}";
        if (scripts.Count == 0)
        {
            items.Add(Item("ras-bypass", "SMS7007", kb, ReadinessStatus.CannotTell, ReadinessSeverity.Risk, Gates.BeforeReEnablingScripts,
                Say(head, CannotTell, "no copy of Smsls.bat serving the domain is in the snapshot"), [anchor], $"{domain.Key}:ras-bypass", domain) with
            {
                Proof = "Capture Smsls.bat from the domain controllers' NETLOGON shares.",
            });
            return;
        }

        var bypass = scripts.Select(f => (File: f, At: RasTest(f.As<BatchDocument>()!))).Where(p => p.At is not null).ToList();
        if (bypass.Count > 0)
        {
            items.Add(Item("ras-bypass", "SMS7007", kb, ReadinessStatus.Ready, ReadinessSeverity.Risk, Gates.BeforeReEnablingScripts,
                Say(head, Ready, $"'{bypass[0].File.Path}' tests for a dial-up connection before running SMS"),
                bypass.Select(p => Evidence.At(p.File, p.At!.Span, "RAS test.")), $"{domain.Key}:ras-bypass", domain));
        }
        else
        {
            items.Add(Item("ras-bypass", "SMS7007", kb, ReadinessStatus.NotReady, ReadinessSeverity.Risk, Gates.BeforeReEnablingScripts,
                Say(head, NotReady, $"none of the {scripts.Count} copies tests for a dial-up connection, so RAS clients upgrade over the link when the script is turned back on", "skip SMS for RAS logons (for example with Checkras or an 'ipconfig | find' test) or upgrade those clients on the LAN."),
                scripts.Select(f => FirstLine(f, "No RAS test in this copy.")), $"{domain.Key}:ras-bypass", domain));
        }
    }

    /// <summary>A command that tests for a RAS connection: Checkras, or ipconfig piped to find (sms-domain.md §5 item 12).</summary>
    private static BatchStatement? RasTest(BatchDocument doc) =>
        BatchFacts.Commands(doc).FirstOrDefault(at =>
            BatchFacts.ProgramName(at.Command) is "checkras" or "rasphone" or "rasdial"
            || (BatchFacts.ProgramName(at.Command) == "ipconfig" && (BatchFacts.Arguments(at.Command)?.Text.Contains("find", StringComparison.OrdinalIgnoreCase) ?? false)))?.Statement;

    // SMS7008, SMS7009: advertisements expired (Q237543) and remote consoles upgraded (Q238780) - never in a share capture.
    private static void NotCaptured(List<ReadinessItem> items, DomainRollout domain, Evidence anchor)
    {
        items.Add(Item("advertisements-expired", "SMS7008", ["Q237543", "Q238780"], ReadinessStatus.CannotTell, ReadinessSeverity.Risk, Gates.BeforeUpgrade,
            Say($"Active advertisements expired before the upgrade of {domain.Description}", CannotTell, "advertisements live in the site database, which a share capture does not hold"),
            [anchor], $"{domain.Key}:advertisements", domain) with
        {
            Proof = "Check in the SMS Administrator console that every active advertisement of the sites is expired or disabled; re-activate them after the clients are upgraded.",
        });
        items.Add(Item("remote-consoles-upgraded", "SMS7009", ["Q238780"], ReadinessStatus.CannotTell, ReadinessSeverity.Risk, Gates.AfterUpgrade,
            Say($"Remote SMS Administrator consoles upgraded after the upgrade of {domain.Description}", CannotTell, "no console's 'SMS\\Bin\\i386' folder is in the snapshot"),
            [anchor], $"{domain.Key}:consoles", domain) with
        {
            Proof = "Upgrade each remote console by hand as soon as its site is upgraded; capture its SMS\\Bin\\i386 folder to have it checked.",
        });
    }

    // SMS7010: Q238780, Q264630 - upgrade the sites together, central parent site first.
    private static void UpgradeTogether(List<ReadinessItem> items, SnapshotModel model, DomainRollout domain, Evidence anchor)
    {
        if (domain.Versioned.Count < 2)
        {
            return;
        }

        var order = domain.Versioned.OrderBy(s => Depth(model, s.Code)).ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
        var newest = domain.Versioned.Max(domain.VersionAfter);
        var behind = domain.Versioned.Where(s => RolloutModel.LevelOf(domain.VersionAfter(s)).CompareTo(RolloutModel.LevelOf(newest)) < 0).ToList();
        var listed = string.Join(", ", order.Select(s => $"'{s.Code}'" + (Depth(model, s.Code) == 0 ? " (central)" : string.Empty)));
        var head = $"Sites of {domain.Description} to upgrade together, central site first: {listed}";
        var evidence = order.Select(s => SharedLogonPoints.Of(s.Claim)).Append(anchor);
        string[] kb = ["Q238780", "Q264630", "Q262677"];
        if (behind.Count > 0)
        {
            items.Add(Item("upgrade-together", "SMS7010", kb, ReadinessStatus.NotReady, ReadinessSeverity.Risk, Gates.BeforeUpgrade,
                Say(head, NotReady, $"{PreSp2Hotfixes.JoinAnd(behind.Select(s => $"'{s.Code}' stays at '{domain.VersionAfter(s)}'"))} while another site reaches '{newest}', so the domain stays mixed", "plan every site of the domain within a few hours of each other.", headSeparator: "; "),
                evidence, $"{domain.Key}:together", domain));
        }
        else
        {
            items.Add(Item("upgrade-together", "SMS7010", kb, ReadinessStatus.Ready, ReadinessSeverity.Risk, Gates.BeforeUpgrade,
                Say(head, Ready, $"every site reaches '{newest}'", headSeparator: "; "), evidence, $"{domain.Key}:together", domain));
        }
    }

    /// <summary>Distance from the central site through hierarchy.ini's Parent= (0 for the central site; 99 when not declared).</summary>
    private static int Depth(SnapshotModel model, string code)
    {
        var depth = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (model.Hierarchy.Sites.TryGetValue(code, out var site) && seen.Add(code))
        {
            var parent = site.Parent?.Value.Text.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(parent))
            {
                return depth;
            }

            code = parent;
            depth++;
        }

        return 99;
    }
}

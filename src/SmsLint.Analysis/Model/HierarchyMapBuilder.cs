using System.Text.Json;
using SmsLint.Catalog;
using SmsLint.Discover;
using SmsLint.Hierarchy;
using SmsLint.Text;

namespace SmsLint.Model;

/// <summary>
/// Builds the <see cref="HierarchyMap"/> a report draws from the model the rules already used: the
/// same site index, version claims, logon-server sites and shared-logon-point groups, so the
/// picture and the findings never disagree. Runs once per scan, only when a writer asks for it.
/// </summary>
public static class HierarchyMapBuilder
{
    /// <summary>Name of the pseudo-domain holding logon points that hierarchy.ini places in no domain.</summary>
    public const string NoDomain = "(no domain declared)";

    public static HierarchyMap Build(SnapshotModel model, SmsCatalog catalog, ISnapshotSource? source = null)
    {
        var sites = Sites(model, catalog);
        var byCode = sites.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var conflicts = LogonPointConflicts(model, catalog);
        var domains = Domains(model, byCode, conflicts, catalog);
        var servers = LogonServers(model);
        var places = Places(model, domains, byCode, servers);
        return new HierarchyMap(sites, domains, servers, places, model.Clients.Count(c => c.IsSms20))
        {
            Capture = source is null ? null : ReadCapture(source),
        };
    }

    private static List<MapSite> Sites(SnapshotModel model, SmsCatalog catalog)
    {
        var clients12 = model.Clients
            .Where(c => c.IsSms12)
            .Select(c => c.SmsIni?.Get("SMS", "SiteCode")?.Value.Text ?? string.Empty)
            .Where(SiteIndex.IsSiteCode)
            .GroupBy(c => c.ToUpperInvariant(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var sms12Codes = new HashSet<string>(Sms12Sites.LogonServerSites(model).Select(s => s.Code), StringComparer.Ordinal);
        sms12Codes.UnionWith(clients12.Keys);

        var list = new List<MapSite>();
        foreach (var code in Sms12Sites.KnownSiteCodes(model))
        {
            var info = model.Sites.Find(code);
            var effective = info?.Effective;
            var declared = info?.Declared;
            var version = effective?.Raw ?? info?.Claims.FirstOrDefault()?.Raw;
            var is12 = effective?.Version is { Major: 1 }
                || (effective is null && (sms12Codes.Contains(code) || declared?.Version?.Value.Text.StartsWith('1') == true));
            var level = effective?.Version is { Major: 2 } v ? SharedLogonPoints.LevelLabel(catalog, v)
                : is12 ? "SMS 1.2"
                : "unknown";
            var evidence = info is null ? [] : info.Claims.Select(c => new MapEvidence(SharedLogonPoints.Text(c), c.File.Path, LineOf(c.File, c.Span))).ToList();
            var disagree = info is not null && effective?.Version is { } ev
                && info.Claims.Any(c => c.Version is { } cv && !cv.IsPackagingVersion && (cv.Major, cv.Build, cv.ServicePackDigit) != (ev.Major, ev.Build, ev.ServicePackDigit));
            list.Add(new MapSite(
                code,
                declared?.Parent?.Value.Text is { Length: > 0 } parent ? parent.ToUpperInvariant() : null,
                version,
                level,
                evidence,
                declared is null ? [] : [.. declared.Domains.Select(d => d.Text.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                info is null ? [] : [.. info.SiteServers.Select(s => s.Machine).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
                info is null ? [] : [.. info.Caps.Select(c => c.Machine).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
                clients12.GetValueOrDefault(code),
                is12)
            {
                ClaimsDisagree = disagree,
            });
        }

        return list;
    }

    /// <summary>For each captured logon point whose sites stand at different 2.0 versions: a text naming them.</summary>
    private static Dictionary<string, string> LogonPointConflicts(SnapshotModel model, SmsCatalog catalog)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in SharedLogonPoints.Groups(model))
        {
            if (ConflictText(group.Versioned, catalog) is { } text)
            {
                result[group.Key] = text;
            }
        }

        return result;
    }

    private static string? ConflictText(IReadOnlyList<VersionedSite> versioned, SmsCatalog catalog)
    {
        if (versioned.Select(v => v.Version).Distinct().Count() < 2)
        {
            return null;
        }

        return string.Join(", ", versioned.OrderBy(v => v.Code, StringComparer.Ordinal).Select(v => $"{v.Code} {v.Claim.Raw} ({SharedLogonPoints.LevelLabel(catalog, v.Version)})"));
    }

    private static List<MapDomain> Domains(SnapshotModel model, Dictionary<string, MapSite> sites, Dictionary<string, string> conflicts, SmsCatalog catalog)
    {
        var names = new SortedSet<string>(model.Hierarchy.Domains.Keys, StringComparer.Ordinal);
        foreach (var site in sites.Values)
        {
            names.UnionWith(site.Domains);
        }

        var placed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<MapDomain>();
        foreach (var name in names)
        {
            var declared = model.Hierarchy.Domains.GetValueOrDefault(name);
            var pdc = declared?.Pdc?.Value.Text is { Length: > 0 } p ? p : null;
            var machines = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
            if (declared is not null)
            {
                machines.UnionWith(declared.Controllers.Select(c => c.Text));
                if (pdc is not null)
                {
                    machines.Add(pdc);
                }
            }

            var codes = new SortedSet<string>(SharedLogonPoints.DeclaredSitesOf(model, name), StringComparer.Ordinal);
            var dcs = new List<MapDc>();
            foreach (var machine in machines.OrderBy(m => pdc is not null && m.Equals(pdc, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(m => m, StringComparer.Ordinal))
            {
                placed.Add(machine);
                var lp = model.LogonPoints.FirstOrDefault(l => l.Machine.Equals(machine, StringComparison.OrdinalIgnoreCase));
                var dc = Dc(lp, machine, pdc is not null && machine.Equals(pdc, StringComparison.OrdinalIgnoreCase), conflicts);
                codes.UnionWith(dc.Sites);
                dcs.Add(dc);
            }

            result.Add(new MapDomain(name, pdc, dcs, [.. codes], declared is not null) { Conflict = DomainConflict(model, codes, catalog) });
        }

        var loose = model.LogonPoints.Where(lp => !placed.Contains(lp.Machine)).ToList();
        if (loose.Count > 0)
        {
            var dcs = loose.Select(lp => Dc(lp, lp.Machine, false, conflicts)).OrderBy(d => d.Machine, StringComparer.Ordinal).ToList();
            var codes = new SortedSet<string>(dcs.SelectMany(d => d.Sites), StringComparer.Ordinal);
            result.Add(new MapDomain(NoDomain, null, dcs, [.. codes], false));
        }

        return result;
    }

    private static string? DomainConflict(SnapshotModel model, IEnumerable<string> codes, SmsCatalog catalog)
    {
        var versioned = codes
            .Select(c => model.Sites.Find(c))
            .Where(s => s?.Effective is { Version.Major: 2 })
            .Select(s => new VersionedSite(s!, s!.Effective!))
            .ToList();
        return ConflictText(versioned, catalog);
    }

    private static MapDc Dc(LogonPoint? lp, string machine, bool isPdc, Dictionary<string, string> conflicts)
    {
        if (lp is null)
        {
            return new MapDc(machine.ToUpperInvariant(), isPdc, false, null, null, null, null, []);
        }

        string? owner = null;
        MapEvidence? ownerLine = null;
        if (lp.CopyLog is { } copyLog && CopyLogFacts.ClicoreOwner(copyLog) is { } line)
        {
            owner = line.Code.Text.Trim().ToUpperInvariant();
            ownerLine = new MapEvidence($"Copylog.tcf names '{line.Code.Text}' for Clicore.exe", lp.CopyLogFile!.Path, LineOf(lp.CopyLogFile, line.Span));
        }

        string? version = null;
        MapEvidence? versionLine = null;
        if (owner is not null && lp.SiteCompver(owner) is { } compver && CompverReader.Read(compver) is { } entry)
        {
            version = entry.Value.Text;
            versionLine = new MapEvidence($"Sites\\{owner}\\Compver.ini gives '{entry.Value.Text}'", compver.Path, LineOf(compver, entry.Value.Span));
        }

        return new MapDc(lp.Machine.ToUpperInvariant(), isPdc, true, owner, ownerLine, version, versionLine, [.. lp.SiteSet])
        {
            Conflict = conflicts.GetValueOrDefault(lp.Machine),
        };
    }

    private static List<MapLogonServer> LogonServers(SnapshotModel model)
    {
        var sites = Sms12Sites.LogonServerSites(model).ToDictionary(s => s.Server);
        var clients = model.Clients.Where(c => c.LogonServer is not null).GroupBy(c => c.LogonServer!).ToDictionary(g => g.Key, g => g.Count());
        return
        [
            .. model.LogonServers.Select(s => new MapLogonServer(
                s.Machine.ToUpperInvariant(),
                s.Share,
                sites.GetValueOrDefault(s)?.Code,
                sites.GetValueOrDefault(s)?.Describe(),
                clients.GetValueOrDefault(s))),
        ];
    }

    private static List<MapPlace> Places(SnapshotModel model, List<MapDomain> domains, Dictionary<string, MapSite> sites, List<MapLogonServer> servers)
    {
        var places = new SortedDictionary<string, MapPlace>(StringComparer.OrdinalIgnoreCase);
        string? DomainOfSite(string? code) => code is not null && sites.TryGetValue(code, out var s) && s.Domains.Count > 0 ? s.Domains[0] : null;

        foreach (var domain in domains)
        {
            foreach (var dc in domain.Controllers)
            {
                places.TryAdd(dc.Machine, new MapPlace(dc.Machine, domain.Name, null));
            }
        }

        foreach (var server in model.SiteServers)
        {
            places.TryAdd(server.Root, new MapPlace(server.Root, DomainOfSite(server.SiteCode.ToUpperInvariant()), server.SiteCode.ToUpperInvariant()));
        }

        foreach (var cap in model.Caps)
        {
            places.TryAdd(cap.Root, new MapPlace(cap.Root, DomainOfSite(cap.SiteCode.ToUpperInvariant()), cap.SiteCode.ToUpperInvariant()));
        }

        var serverSites = servers.ToDictionary(s => $"{s.Machine}/{s.Share}", s => s.Site, StringComparer.OrdinalIgnoreCase);
        foreach (var server in model.LogonServers)
        {
            var site = serverSites.GetValueOrDefault(server.Root);
            places.TryAdd(server.Root, new MapPlace(server.Root, DomainOfSite(site), site));
        }

        foreach (var client in model.Clients)
        {
            var site = client.SmsIni?.Get("SMS", "SiteCode")?.Value.Text is { } code && SiteIndex.IsSiteCode(code)
                ? code.ToUpperInvariant()
                : client.LogonServer is { } ls ? serverSites.GetValueOrDefault(ls.Root) : null;
            places.TryAdd(client.Machine, new MapPlace(client.Machine, DomainOfSite(site), site));
        }

        return [.. places.Values];
    }

    private static int LineOf(LoadedFile file, TextSpan? span) =>
        span is { } s && file.Text is { } text ? text.GetPosition(s.Start).Line : 1;

    /// <summary>capture.json at the snapshot root (contract §7): its tool, start and end. Null when absent or unreadable.</summary>
    private static CaptureFacts? ReadCapture(ISnapshotSource source)
    {
        var entry = source.Entries.FirstOrDefault(e => e.Path.Equals("capture.json", StringComparison.OrdinalIgnoreCase));
        if (entry is null || entry.Unreadable is not null)
        {
            return null;
        }

        var bytes = source.ReadAll(entry, 512L * 1024 * 1024, out _);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? Get(string name) => doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new CaptureFacts(Get("tool"), Get("started"), Get("finished"));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

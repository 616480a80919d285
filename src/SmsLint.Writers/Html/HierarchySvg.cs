using System.Globalization;
using System.Text;
using SmsLint.Hierarchy;

namespace SmsLint.Writers.Html;

/// <summary>
/// Draws a <see cref="HierarchyMap"/> as inline SVG: the site tree (sites with their version,
/// CAPs, site servers, 1.2 clients and the 1.2 logon servers under their site), and one panel per
/// domain (the sites that manage it above, its DCs below with the PDC marked, each logon point's
/// Clicore owner and logon-point version, a line from the owner to the DC). Colour marks the
/// version level and conflicts; every mark also has a text label and the legend explains both.
/// Every string from the snapshot is escaped; hover text is an SVG &lt;title&gt;.
/// </summary>
public static class HierarchySvg
{
    private const int RowHeight = 28;
    private const int Indent = 24;
    private const int TreeNodeWidth = 760;
    private const int SiteRefWidth = 150;
    private const int SiteRefHeight = 40;
    private const int DcWidth = 214;
    private const int DcHeight = 78;
    private const int PanelWidth = 920;
    private const int Gap = 12;

    private static readonly string[] KnownLevels = ["RTM", "SP1", "SP2", "SP3", "SP4", "SMS 1.2", "unknown"];

    private static readonly Dictionary<string, string> KnownColours = new(StringComparer.Ordinal)
    {
        ["SMS 1.2"] = "#d9d9d9",
        ["RTM"] = "#fdd0a2",
        ["SP1"] = "#c6dbef",
        ["SP2"] = "#c7e9c0",
        ["SP3"] = "#dadaeb",
        ["SP4"] = "#fff2ae",
        ["unknown"] = "#ffffff",
    };

    private static readonly string[] MoreColours = ["#fbb4ae", "#b3e2cd", "#f4cae4", "#e6f5c9", "#fdcdac", "#cbd5e8"];

    /// <summary>Fill colour for each version level present in the map, in legend order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Palette(HierarchyMap map)
    {
        var levels = map.Sites.Select(s => s.Level).Distinct(StringComparer.Ordinal)
            .OrderBy(l => Array.IndexOf(KnownLevels, l) is var i and >= 0 ? i : KnownLevels.Length)
            .ThenBy(l => l, StringComparer.Ordinal)
            .ToList();
        var extra = 0;
        return [.. levels.Select(l => new KeyValuePair<string, string>(l, KnownColours.TryGetValue(l, out var c) ? c : MoreColours[extra++ % MoreColours.Length]))];
    }

    /// <summary>The legend: version colours, then the marks that do not depend on colour.</summary>
    public static void WriteLegend(TextWriter w, HierarchyMap map)
    {
        w.Write("<div class=\"legend\" aria-label=\"Legend\"><span class=\"legend-title\">Version level:</span>");
        foreach (var (level, colour) in Palette(map))
        {
            w.Write($"<span class=\"key\"><span class=\"sw\" style=\"background:{colour}\"></span>{HtmlText.Escape(level)}</span>");
        }

        w.Write("<span class=\"legend-title\">Marks:</span>");
        w.Write("<span class=\"key\"><span class=\"sw sw-pdc\">★</span>PDC</span>");
        w.Write("<span class=\"key\"><span class=\"sw sw-conflict\"></span>⚠ CONFLICT: sites at different 2.0 versions share the logon point</span>");
        w.Write("<span class=\"key\"><span class=\"sw sw-missing\"></span>not captured</span>");
        w.Write("<span class=\"key\"><span class=\"sw\">≠</span>the site's version evidence disagrees on build or service pack (hover for it)</span>");
        w.Write("</div>\n");
    }

    /// <summary>The site tree: one row per site (class "node site"), 1.2 logon servers under their site (class "node ls").</summary>
    public static void WriteSiteTree(TextWriter w, HierarchyMap map)
    {
        var colours = Palette(map).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var byCode = map.Sites.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var children = map.Sites
            .Where(s => s.Parent is not null && byCode.ContainsKey(s.Parent) && s.Parent != s.Code)
            .ToLookup(s => s.Parent!, StringComparer.Ordinal);
        var servers = map.LogonServers.Where(s => s.Site is not null && byCode.ContainsKey(s.Site)).ToLookup(s => s.Site!, StringComparer.Ordinal);
        var rows = new List<(int Depth, int ParentRow, MapSite? Site, MapLogonServer? Server, string? Label)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);

        void Add(MapSite site, int depth, int parentRow)
        {
            if (!visited.Add(site.Code))
            {
                return;
            }

            var row = rows.Count;
            rows.Add((depth, parentRow, site, null, null));
            foreach (var server in servers[site.Code])
            {
                rows.Add((depth + 1, row, null, server, null));
            }

            foreach (var child in children[site.Code].OrderBy(c => c.Code, StringComparer.Ordinal))
            {
                Add(child, depth + 1, row);
            }
        }

        foreach (var root in map.Sites.Where(s => s.Parent is null || !byCode.ContainsKey(s.Parent) || s.Parent == s.Code))
        {
            Add(root, 0, -1);
        }

        // A parent cycle leaves sites no root reaches: draw them at the top level.
        foreach (var site in map.Sites.Where(s => !visited.Contains(s.Code)))
        {
            Add(site, 0, -1);
        }

        var orphans = map.LogonServers.Where(s => s.Site is null || !byCode.ContainsKey(s.Site)).ToList();
        if (orphans.Count > 0)
        {
            var row = rows.Count;
            rows.Add((0, -1, null, null, "SMS 1.2 logon servers whose site the snapshot does not show"));
            rows.AddRange(orphans.Select(s => (1, row, (MapSite?)null, (MapLogonServer?)s, (string?)null)));
        }

        var maxDepth = rows.Count == 0 ? 0 : rows.Max(r => r.Depth);
        var width = (maxDepth * Indent) + TreeNodeWidth + 16;
        var height = Math.Max(1, rows.Count) * RowHeight + 8;
        w.Write($"<svg class=\"map map-tree\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"Site hierarchy\">\n");
        if (rows.Count == 0)
        {
            w.Write("<text x=\"8\" y=\"20\">The snapshot shows no site.</text>\n");
        }

        // Connectors first, so nodes paint over them.
        for (var i = 0; i < rows.Count; i++)
        {
            var (depth, parentRow, _, _, _) = rows[i];
            if (parentRow < 0)
            {
                continue;
            }

            var x = ((depth - 1) * Indent) + 18;
            var y1 = (parentRow * RowHeight) + 26;
            var y2 = (i * RowHeight) + 18;
            w.Write($"<path class=\"edge\" d=\"M{x} {y1}V{y2}H{(depth * Indent) + 8}\"/>\n");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var (depth, _, site, server, label) = rows[i];
            var x = (depth * Indent) + 8;
            var y = (i * RowHeight) + 4;
            if (site is not null)
            {
                WriteTreeSite(w, site, x, y, colours[site.Level]);
            }
            else if (server is not null)
            {
                WriteTreeServer(w, server, x, y);
            }
            else
            {
                w.Write($"<text class=\"group-label\" x=\"{x}\" y=\"{y + 15}\">{HtmlText.Escape(label)}</text>\n");
            }
        }

        w.Write("</svg>\n");
    }

    private static void WriteTreeSite(TextWriter w, MapSite site, int x, int y, string colour)
    {
        var filter = Filter([site.Code, site.Level, site.Version, .. site.Domains, .. site.SiteServers, .. site.Caps]);
        w.Write($"<g class=\"node site\" data-site=\"{HtmlText.Escape(site.Code)}\" data-filter=\"{filter}\" tabindex=\"0\">");
        var title = new StringBuilder();
        title.Append(CultureInfo.InvariantCulture, $"Site {site.Code}: {site.Version ?? "version not shown"} ({site.Level})");
        if (site.Parent is not null)
        {
            title.Append(CultureInfo.InvariantCulture, $"\nParent: {site.Parent}");
        }

        title.Append(site.Evidence.Count == 0 ? "\nNo file shows its version." : "\nEvidence (strongest first):");
        foreach (var e in site.Evidence)
        {
            title.Append(CultureInfo.InvariantCulture, $"\n• {e.Text} ({e.Path}:{e.Line})");
        }

        w.Write($"<title>{HtmlText.Escape(title.ToString())}</title>");
        var dashed = site.Level == "unknown" ? " stroke-dasharray=\"4 3\"" : string.Empty;
        w.Write($"<rect x=\"{x}\" y=\"{y}\" width=\"{TreeNodeWidth}\" height=\"{RowHeight - 6}\" rx=\"4\" fill=\"{colour}\"{dashed}/>");
        var details = new List<string>();
        if (site.Domains.Count > 0)
        {
            details.Add("domains " + string.Join(", ", site.Domains));
        }

        if (site.SiteServers.Count > 0)
        {
            details.Add("site server " + string.Join(", ", site.SiteServers));
        }

        if (site.Caps.Count > 0)
        {
            details.Add($"{Count(site.Caps.Count, "CAP")}: " + string.Join(", ", site.Caps));
        }

        if (site.Sms12Clients > 0)
        {
            details.Add(Count(site.Sms12Clients, "1.2 client"));
        }

        var head = $"{site.Code}  {site.Version ?? "version not shown"}  [{site.Level}]{(site.ClaimsDisagree ? "  ≠" : string.Empty)}";
        w.Write($"<text x=\"{x + 8}\" y=\"{y + 16}\"><tspan class=\"strong\">{HtmlText.Escape(HtmlText.Cut(head, 48))}</tspan>");
        if (details.Count > 0)
        {
            w.Write($"<tspan class=\"detail\" x=\"{x + 330}\">{HtmlText.Escape(HtmlText.Cut(string.Join(" · ", details), 66))}</tspan>");
        }

        w.Write("</text></g>\n");
    }

    private static void WriteTreeServer(TextWriter w, MapLogonServer server, int x, int y)
    {
        var name = $"{server.Machine}\\{server.Share}";
        w.Write($"<g class=\"node ls\" data-ls=\"{HtmlText.Escape(name)}\" data-filter=\"{Filter([server.Machine, server.Site, "1.2 logon server"])}\" tabindex=\"0\">");
        var title = $"SMS 1.2 logon server {name}\nSite: {server.SiteEvidence ?? "not shown"}\n{Count(server.Clients, "captured client")} last used it";
        w.Write($"<title>{HtmlText.Escape(title)}</title>");
        w.Write($"<rect x=\"{x}\" y=\"{y}\" width=\"{TreeNodeWidth - 40}\" height=\"{RowHeight - 6}\" rx=\"11\" fill=\"#f0f0f0\"/>");
        var text = $"1.2 logon server {name} · {Count(server.Clients, "client")}";
        w.Write($"<text x=\"{x + 10}\" y=\"{y + 16}\">{HtmlText.Escape(HtmlText.Cut(text, 100))}</text></g>\n");
    }

    /// <summary>One domain: its sites on top (class "site-ref"), its DCs below (class "node dc"), owner lines between.</summary>
    public static void WriteDomain(TextWriter w, HierarchyMap map, MapDomain domain, IReadOnlyDictionary<string, int>? findingsByMachine = null)
    {
        var colours = Palette(map).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var sites = map.Sites.ToDictionary(s => s.Code, StringComparer.Ordinal);
        const int perSiteRow = (PanelWidth + Gap) / (SiteRefWidth + Gap);
        const int perDcRow = (PanelWidth + Gap) / (DcWidth + Gap);
        var siteRows = (domain.Sites.Count + perSiteRow - 1) / perSiteRow;
        var dcTop = (siteRows * (SiteRefHeight + Gap)) + (siteRows > 0 ? 36 : 8);
        var dcRows = (domain.Controllers.Count + perDcRow - 1) / perDcRow;
        var height = dcTop + (dcRows * (DcHeight + Gap)) + 4;
        w.Write($"<svg class=\"map map-domain\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{PanelWidth + 8}\" height=\"{height}\" viewBox=\"0 0 {PanelWidth + 8} {height}\" role=\"img\" aria-label=\"Domain {HtmlText.Escape(domain.Name)}\">\n");

        var sitePos = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        for (var i = 0; i < domain.Sites.Count; i++)
        {
            sitePos[domain.Sites[i]] = (4 + ((i % perSiteRow) * (SiteRefWidth + Gap)), 4 + ((i / perSiteRow) * (SiteRefHeight + Gap)));
        }

        var dcPos = new List<(int X, int Y)>();
        for (var i = 0; i < domain.Controllers.Count; i++)
        {
            dcPos.Add((4 + ((i % perDcRow) * (DcWidth + Gap)), dcTop + ((i / perDcRow) * (DcHeight + Gap))));
        }

        // Owner lines: from the site whose Clicore.exe the logon point hands out, to the DC.
        for (var i = 0; i < domain.Controllers.Count; i++)
        {
            var dc = domain.Controllers[i];
            if (dc.ClicoreOwner is { } owner && sitePos.TryGetValue(owner, out var s))
            {
                var (x, y) = dcPos[i];
                w.Write($"<path class=\"edge owner\" d=\"M{s.X + (SiteRefWidth / 2)} {s.Y + SiteRefHeight}L{x + (DcWidth / 2)} {y}\"/>\n");
            }
        }

        foreach (var code in domain.Sites)
        {
            var (x, y) = sitePos[code];
            var site = sites.GetValueOrDefault(code);
            var level = site?.Level ?? "unknown";
            var title = site is null ? $"Site {code}" : $"Site {code}: {site.Version ?? "version not shown"} ({site.Level})" + string.Concat(site.Evidence.Select(e => $"\n• {e.Text} ({e.Path}:{e.Line})"));
            w.Write($"<g class=\"site-ref\" data-site=\"{HtmlText.Escape(code)}\"><title>{HtmlText.Escape(title)}</title>");
            w.Write($"<rect x=\"{x}\" y=\"{y}\" width=\"{SiteRefWidth}\" height=\"{SiteRefHeight}\" rx=\"4\" fill=\"{colours.GetValueOrDefault(level, "#ffffff")}\"/>");
            w.Write($"<text x=\"{x + 8}\" y=\"{y + 16}\" class=\"strong\">{HtmlText.Escape(HtmlText.Cut($"Site {code}", 20))}{(site?.ClaimsDisagree == true ? " ≠" : string.Empty)}</text>");
            w.Write($"<text x=\"{x + 8}\" y=\"{y + 32}\">{HtmlText.Escape(HtmlText.Cut($"{level} · {site?.Version ?? "?"}", 22))}</text></g>\n");
        }

        if (domain.Sites.Count > 0)
        {
            w.Write($"<text class=\"group-label\" x=\"4\" y=\"{dcTop - 10}\">Domain controllers (logon points); a line joins each to the site that owns its Clicore.exe</text>\n");
        }

        for (var i = 0; i < domain.Controllers.Count; i++)
        {
            WriteDc(w, domain.Controllers[i], dcPos[i].X, dcPos[i].Y, sites, colours, findingsByMachine);
        }

        w.Write("</svg>\n");
    }

    private static void WriteDc(TextWriter w, MapDc dc, int x, int y, Dictionary<string, MapSite> sites, Dictionary<string, string> colours, IReadOnlyDictionary<string, int>? findingsByMachine)
    {
        var owner = dc.ClicoreOwner is { } o ? sites.GetValueOrDefault(o) : null;
        var classes = "node dc" + (dc.IsPdc ? " pdc" : string.Empty) + (dc.Conflict is not null ? " conflict" : string.Empty) + (dc.Captured ? string.Empty : " missing");
        w.Write($"<g class=\"{classes}\" data-dc=\"{HtmlText.Escape(dc.Machine)}\" data-filter=\"{Filter([dc.Machine, dc.ClicoreOwner, dc.LogonPointVersion, .. dc.Sites, dc.IsPdc ? "pdc" : null, dc.Conflict is null ? null : "conflict"])}\" tabindex=\"0\">");
        var title = new StringBuilder($"{dc.Machine}{(dc.IsPdc ? " (PDC)" : string.Empty)}");
        if (!dc.Captured)
        {
            title.Append("\nThe snapshot holds no SMSLOGON share for this DC.");
        }
        else
        {
            title.Append("\nSites on this logon point: ").Append(dc.Sites.Count == 0 ? "none" : string.Join(", ", dc.Sites));
            title.Append("\nClicore owner: ").Append(dc.ClicoreLine is { } cl ? $"{dc.ClicoreOwner} ({cl.Path}:{cl.Line})" : "no Clicore.exe line in Copylog.tcf");
            title.Append("\nLogon-point version: ").Append(dc.LogonPointVersionEvidence is { } lv ? $"{dc.LogonPointVersion} ({lv.Path}:{lv.Line})" : "no per-site Compver.ini for the owner; the bootstrap assumes 2.00.0000.0000");
        }

        if (dc.Conflict is not null)
        {
            title.Append("\nCONFLICT: sites at different versions share it: ").Append(dc.Conflict);
        }

        var findings = findingsByMachine?.GetValueOrDefault(dc.Machine) ?? 0;
        if (findings > 0)
        {
            title.Append(CultureInfo.InvariantCulture, $"\n{Count(findings, "finding")} on this machine");
        }

        w.Write($"<title>{HtmlText.Escape(title.ToString())}</title>");
        var fill = !dc.Captured ? "#ffffff" : owner is not null ? colours.GetValueOrDefault(owner.Level, "#ffffff") : "#ffffff";
        w.Write($"<rect x=\"{x}\" y=\"{y}\" width=\"{DcWidth}\" height=\"{DcHeight}\" rx=\"6\" fill=\"{fill}\"/>");
        var head = dc.Machine + (dc.IsPdc ? "  ★ PDC" : string.Empty);
        w.Write($"<text x=\"{x + 8}\" y=\"{y + 16}\" class=\"strong\">{HtmlText.Escape(HtmlText.Cut(head, 28))}</text>");
        string line2, line3, line4;
        if (!dc.Captured)
        {
            line2 = "not captured";
            line3 = string.Empty;
            line4 = string.Empty;
        }
        else
        {
            line2 = "Clicore owner: " + (dc.ClicoreOwner ?? "none");
            if (dc.ClicoreOwner is not null && owner is null)
            {
                line2 += " (no such site)";
            }

            line3 = "LP version: " + (dc.LogonPointVersion ?? "none");
            line4 = dc.Conflict is not null ? "⚠ CONFLICT: mixed versions" : findings > 0 ? Count(findings, "finding") : string.Empty;
        }

        w.Write($"<text x=\"{x + 8}\" y=\"{y + 33}\">{HtmlText.Escape(HtmlText.Cut(line2, 32))}</text>");
        if (line3.Length > 0)
        {
            w.Write($"<text x=\"{x + 8}\" y=\"{y + 50}\">{HtmlText.Escape(HtmlText.Cut(line3, 32))}</text>");
        }

        if (line4.Length > 0)
        {
            w.Write($"<text x=\"{x + 8}\" y=\"{y + 67}\" class=\"{(dc.Conflict is not null ? "warn" : "detail")}\">{HtmlText.Escape(line4)}</text>");
        }

        w.Write("</g>\n");
    }

    /// <summary>Lower-case words the filter box matches against, escaped for an attribute.</summary>
    public static string Filter(IEnumerable<string?> words) =>
        HtmlText.Escape(string.Join(' ', words.Where(x => !string.IsNullOrEmpty(x)).Select(x => x!.ToLowerInvariant())));

    public static string Count(int n, string noun) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}

using System.Globalization;
using System.Text;
using SmsLint.Findings;
using SmsLint.Hierarchy;

namespace SmsLint.Writers.Html;

/// <summary>
/// `--format html`: one self-contained page (inline CSS, SVG and a small filter script; a
/// Content-Security-Policy that forbids every fetch) holding the hierarchy map, the findings
/// grouped by domain, site and rule (mass findings of one cause rolled up), the upgrade plan when
/// one is given, and the provenance. Deterministic: the same report gives the same bytes (no clock,
/// ordinal sorts, invariant formatting). Every string from the snapshot is escaped.
/// </summary>
public static class HtmlReportWriter
{
    private const string NoDomain = "No domain";
    private const string NoSite = "No single site";

    public static void Write(ScanReport report, Stream output, HtmlReportOptions? options = null)
    {
        using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        Write(report, w, options);
    }

    public static void Write(ScanReport report, TextWriter w, HtmlReportOptions? options = null)
    {
        options ??= new HtmlReportOptions();
        var map = report.Hierarchy ?? HierarchyMap.Empty;
        var findings = report.Findings.Where(f => !f.IsAbsent).ToList();
        var root = report.SnapshotRoot;

        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write("<meta name=\"generator\" content=\"SmsLint ");
        w.Write(HtmlText.Escape(report.ToolVersion));
        w.Write("\">\n<title>SmsLint report: ");
        w.Write(HtmlText.Escape(Path.GetFileName(root.TrimEnd('/', '\\'))));
        w.Write("</title>\n<style>\n");
        w.Write(HtmlAssets.Css);
        w.Write("\n</style>\n</head>\n<body>\n");

        WriteHeader(w, report, map, findings, options);
        w.Write("<main>\n");
        WriteMap(w, map, findings);
        if (options.Plan is { } plan)
        {
            WritePlan(w, plan, report);
        }

        WriteFindings(w, report, map, findings, options);
        WriteProvenance(w, report, map, options);
        w.Write("</main>\n<script>\n");
        w.Write(HtmlAssets.Script);
        w.Write("\n</script>\n</body>\n</html>\n");
    }

    private static void WriteHeader(TextWriter w, ScanReport report, HierarchyMap map, List<Finding> findings, HtmlReportOptions options)
    {
        var active = findings.Where(f => !f.IsSuppressed).ToList();
        int Count(Level l) => active.Count(f => f.Level == l);
        w.Write("<header>\n<h1>SmsLint report</h1>\n");
        w.Write($"<p class=\"summary\">Snapshot <code>{HtmlText.Escape(report.SnapshotRoot)}</code> · {N(report.FilesScanned)} files · {HierarchySvg.Count(map.Sites.Count, "site")} · {HierarchySvg.Count(map.Domains.Count, "domain")} · {HierarchySvg.Count(map.Domains.Sum(d => d.Controllers.Count), "DC")}</p>\n");
        w.Write($"<p class=\"counts\"><span class=\"c-error\">{HierarchySvg.Count(Count(Level.Error), "error")}</span><span class=\"c-warning\">{HierarchySvg.Count(Count(Level.Warning), "warning")}</span><span class=\"c-note\">{HierarchySvg.Count(Count(Level.Note), "note")}</span>");
        if (findings.Count > active.Count)
        {
            w.Write($"<span>{N(findings.Count - active.Count)} suppressed</span>");
        }

        w.Write("</p>\n<nav><a href=\"#map\">Hierarchy map</a>");
        if (options.Plan is not null)
        {
            w.Write("<a href=\"#plan\">Upgrade plan</a>");
        }

        w.Write("<a href=\"#findings\">Findings</a><a href=\"#provenance\">Provenance</a></nav>\n");
        w.Write("<div class=\"toolbar\"><input id=\"filter\" type=\"search\" placeholder=\"Filter: site, DC, domain, rule id, path, words…\" aria-label=\"Filter the map and the findings\" autocomplete=\"off\"><span id=\"filter-count\"></span></div>\n");
        w.Write("</header>\n");
    }

    private static void WriteMap(TextWriter w, HierarchyMap map, List<Finding> findings, string id = "map", string heading = "Hierarchy map")
    {
        w.Write($"<section id=\"{id}\">\n<h2>{HtmlText.Escape(heading)}</h2>\n");
        HierarchySvg.WriteLegend(w, map);

        w.Write($"<details class=\"tree\" open><summary>Sites ({N(map.Sites.Count)}), their versions and the SMS 1.2 logon servers under their site · hover a site for the evidence of its version</summary>\n<div class=\"scroll\">\n");
        HierarchySvg.WriteSiteTree(w, map);
        if (map.Sms20Clients > 0)
        {
            w.Write($"<p class=\"summary\">{HierarchySvg.Count(map.Sms20Clients, "SMS 2.0 client")} captured (an SMS 2.0 client's Smscfg.ini does not name its site).</p>\n");
        }

        w.Write("</div>\n</details>\n");

        var byMachine = findings.GroupBy(f => Machine(f.Location.Path), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        w.Write($"<h3>Domains and their logon points ({N(map.Domains.Count)})</h3>\n");
        if (map.Domains.Count == 0)
        {
            w.Write("<p>The snapshot shows no domain and no logon point.</p>\n");
        }

        var openAll = map.Domains.Count <= 8;
        foreach (var domain in map.Domains)
        {
            var filter = HierarchySvg.Filter([domain.Name, .. domain.Sites, .. domain.Controllers.Select(c => c.Machine)]);
            var conflicts = domain.Controllers.Count(c => c.Conflict is not null);
            var open = openAll || domain.Conflict is not null || conflicts > 0 ? " open" : string.Empty;
            w.Write($"<details class=\"domain\" data-domain=\"{HtmlText.Escape(domain.Name)}\" data-domain-filter=\"{filter}\"{open}><summary>Domain {HtmlText.Escape(domain.Name)}");
            w.Write($" <span class=\"n\">· {HierarchySvg.Count(domain.Controllers.Count, "DC")}");
            if (domain.Pdc is not null)
            {
                w.Write($" · PDC {HtmlText.Escape(domain.Pdc)}");
            }

            w.Write($" · managed by {(domain.Sites.Count == 0 ? "no site the snapshot shows" : HtmlText.Escape(string.Join(", ", domain.Sites)))}</span>");
            if (domain.Conflict is not null || conflicts > 0)
            {
                w.Write($" <span class=\"conflict-text\">⚠ CONFLICT: {(conflicts > 0 ? HierarchySvg.Count(conflicts, "logon point") + " shared by sites at different versions" : "sites at different versions")}</span>");
            }

            if (!domain.Declared)
            {
                w.Write(" <span class=\"n\">(not declared in hierarchy.ini)</span>");
            }

            w.Write("</summary>\n");
            if (domain.Conflict is not null)
            {
                w.Write($"<p class=\"conflict-text\">Versions: {HtmlText.Escape(domain.Conflict)}</p>\n");
            }

            w.Write("<div class=\"scroll\">\n");
            HierarchySvg.WriteDomain(w, map, domain, byMachine);
            w.Write("</div>\n</details>\n");
        }

        if (map.LogonServers.Count > 0)
        {
            w.Write($"<details class=\"servers\"><summary>SMS 1.2 logon servers ({N(map.LogonServers.Count)})</summary>\n<table><thead><tr><th>Logon server</th><th>Site</th><th>Captured clients</th><th>How the site is known</th></tr></thead><tbody>\n");
            foreach (var s in map.LogonServers)
            {
                w.Write($"<tr><td><code>{HtmlText.Escape(s.Machine)}\\{HtmlText.Escape(s.Share)}</code></td><td>{HtmlText.Escape(s.Site ?? "not shown")}</td><td>{N(s.Clients)}</td><td>{HtmlText.Escape(s.SiteEvidence ?? "neither Domain.ini nor the clients name one site")}</td></tr>\n");
            }

            w.Write("</tbody></table>\n</details>\n");
        }

        w.Write("</section>\n");
    }

    private static void WritePlan(TextWriter w, HtmlPlanSection plan, ScanReport report)
    {
        var blockers = plan.Checklist.Where(i => i.Blocker).ToList();
        int Count(string status) => plan.Checklist.Count(i => i.Status == status);
        w.Write($"<section id=\"plan\">\n<h2>Upgrade plan</h2>\n<p class=\"summary\">Phase: <strong>{HtmlText.Escape(plan.Phase)}</strong> · {HierarchySvg.Count(plan.Upgrades.Count, "upgrade")} · {HierarchySvg.Count(plan.Checklist.Count, "checklist item")}: <span class=\"status-ready\">{N(Count("ready"))} ready</span>, <span class=\"status-not-ready\">{N(Count("not-ready"))} not ready</span>, <span class=\"status-cannot-tell\">{N(Count("cannot-tell"))} cannot tell</span> · <strong>{HierarchySvg.Count(blockers.Count, "blocker")}</strong> · {HierarchySvg.Count(plan.Predicted.Count, "predicted finding")}</p>\n");
        if (plan.Upgrades.Count > 0)
        {
            w.Write("<ul class=\"upgrades\">");
            foreach (var u in plan.Upgrades)
            {
                w.Write($"<li data-upgrade>{HtmlText.Escape(u)}</li>");
            }

            w.Write("</ul>\n");
        }

        w.Write($"<h3 id=\"plan-blockers\">Blockers ({N(blockers.Count)})</h3>\n");
        if (blockers.Count == 0)
        {
            w.Write("<p>No blocker: nothing not-ready must be fixed before the upgrade.</p>\n");
        }
        else
        {
            w.Write("<ul class=\"blockers\">\n");
            foreach (var item in blockers)
            {
                w.Write($"<li data-blocker=\"{HtmlText.Escape(item.Id)}\"><span class=\"status-not-ready\">⛔ BLOCKER</span> {HtmlText.Escape(item.Text)}");
                w.Write(string.Join(string.Empty, item.Evidence.Select(e => $"<br><span class=\"loc\">{HtmlText.Escape(Loc(e))}</span>{(e.Message is { } m ? " " + HtmlText.Escape(m) : string.Empty)}")));
                w.Write("</li>\n");
            }

            w.Write("</ul>\n");
        }

        w.Write($"<h3 id=\"plan-checklist\">Readiness checklist ({N(plan.Checklist.Count)})</h3>\n");
        if (plan.Checklist.Count == 0)
        {
            w.Write("<p>Nothing pending: no domain has a rollout under way or planned.</p>\n");
        }
        else
        {
            w.Write("<table class=\"checklist\"><thead><tr><th>Status</th><th>Check</th><th>Site</th><th>Evidence</th><th>KB</th></tr></thead><tbody>\n");
            foreach (var item in plan.Checklist)
            {
                var status = item.Status is "ready" or "not-ready" or "cannot-tell" ? item.Status : "cannot-tell";
                var label = status switch
                {
                    "ready" => "✓ ready",
                    "not-ready" => item.Blocker ? "✗ not ready (blocker)" : "✗ not ready (risk)",
                    _ => "? cannot tell",
                };
                var meta = string.Join(", ", new[] { item.RuleId, item.Gate }.Where(x => x is not null));
                w.Write($"<tr data-plan-item=\"{HtmlText.Escape(item.Id)}\" data-status=\"{status}\" data-filter=\"{HierarchySvg.Filter([item.Id, item.Site, item.Text])}\"><td class=\"status-{status}\">{HtmlText.Escape(label)}</td><td>{HtmlText.Escape(item.Text)} <code>{HtmlText.Escape(item.Id)}</code>{(meta.Length > 0 ? $" <span class=\"n\">({HtmlText.Escape(meta)})</span>" : string.Empty)}");
                if (item.Proof is { } proof)
                {
                    w.Write($"<br><em>To tell:</em> {HtmlText.Escape(proof)}");
                }

                w.Write($"</td><td>{HtmlText.Escape(item.Site ?? string.Empty)}</td><td>");
                w.Write(string.Join("<br>", item.Evidence.Select(e => $"<span class=\"loc\">{HtmlText.Escape(Loc(e))}</span>{(e.Message is { } m ? " " + HtmlText.Escape(m) : string.Empty)}")));
                w.Write($"</td><td>{KbLinks(item.Kb)}</td></tr>\n");
            }

            w.Write("</tbody></table>\n");
        }

        w.Write($"<h3 id=\"plan-predicted\">Predicted findings ({N(plan.Predicted.Count)})</h3>\n");
        if (plan.Predicted.Count == 0)
        {
            w.Write("<p>None: the plan creates no finding today's scan does not have.</p>\n");
        }
        else
        {
            w.Write("<table class=\"predicted\"><thead><tr><th>Level</th><th>Rule</th><th>Location</th><th>Message</th></tr></thead><tbody>\n");
            foreach (var f in plan.Predicted)
            {
                var level = f.Level.ToSarif();
                w.Write($"<tr data-predicted=\"{HtmlText.Escape(f.Rule.Id)}\" class=\"lvl-{level}\"><td><span class=\"lvl\">{level}</span></td><td><a href=\"{HtmlText.Escape(report.HelpUri(f.Rule.Id))}\">{HtmlText.Escape(f.Rule.Id)}</a></td><td><span class=\"loc\">{HtmlText.Escape(Loc(f.Location))}</span></td><td>{HtmlText.Escape(f.Message)}</td></tr>\n");
            }

            w.Write("</tbody></table>\n");
        }

        w.Write("</section>\n");
        if (plan.MapAfter is { } after)
        {
            WriteMap(w, after, [.. plan.Predicted], "plan-map", "The hierarchy after the upgrade");
        }
    }

    private sealed record Group(string Domain, string Site);

    private static void WriteFindings(TextWriter w, ScanReport report, HierarchyMap map, List<Finding> findings, HtmlReportOptions options)
    {
        w.Write($"<section id=\"findings\">\n<h2>Findings ({N(findings.Count)})</h2>\n");
        if (findings.Count == 0)
        {
            w.Write("<p>No findings.</p>\n</section>\n");
            return;
        }

        var places = new Dictionary<string, MapPlace>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in map.Places)
        {
            places.TryAdd(p.Prefix, p);
        }

        var grouped = findings
            .Select((f, i) => (Finding: f, Index: i, Group: GroupOf(f, places)))
            .GroupBy(x => x.Group.Domain, StringComparer.Ordinal)
            .OrderBy(g => g.Key == NoDomain ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var domain in grouped)
        {
            var items = domain.ToList();
            w.Write($"<details class=\"group g-domain\" open><summary>{(domain.Key == NoDomain ? NoDomain : "Domain " + HtmlText.Escape(domain.Key))} <span class=\"n\">· {HierarchySvg.Count(items.Count, "finding")}</span></summary>\n");
            foreach (var site in items.GroupBy(x => x.Group.Site, StringComparer.Ordinal).OrderBy(g => g.Key == NoSite ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                var siteItems = site.ToList();
                var open = siteItems.Count <= 100 ? " open" : string.Empty;
                w.Write($"<details class=\"group g-site\"{open}><summary>{(site.Key == NoSite ? NoSite : "Site " + HtmlText.Escape(site.Key))} <span class=\"n\">· {HierarchySvg.Count(siteItems.Count, "finding")}</span></summary>\n");
                foreach (var rule in siteItems.GroupBy(x => x.Finding.Rule.Id, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var list = rule.OrderBy(x => x.Index).Select(x => x.Finding).ToList();
                    var descriptor = list[0].Rule;
                    w.Write($"<div class=\"group rule-group\"><div class=\"rule-head\"><a href=\"{HtmlText.Escape(report.HelpUri(descriptor.Id))}\">{HtmlText.Escape(descriptor.Id)}</a> {HtmlText.Escape(descriptor.Name)}: {HtmlText.Escape(descriptor.Title)} <span class=\"n\">· {N(list.Count)}</span></div>\n");
                    foreach (var cause in list.GroupBy(Cause, StringComparer.Ordinal))
                    {
                        var same = cause.ToList();
                        if (same.Count > options.RollUpOver && cause.Key.Length > 0)
                        {
                            WriteMass(w, report, same);
                        }
                        else
                        {
                            foreach (var f in same)
                            {
                                WriteFinding(w, report, f);
                            }
                        }
                    }

                    w.Write("</div>\n");
                }

                w.Write("</details>\n");
            }

            w.Write("</details>\n");
        }

        w.Write("</section>\n");
    }

    // The filter matches a finding's data-filter (rule, level, related paths) and its visible text
    // (message, location, snippet), so the message is not written twice.

    /// <summary>One cause: the same rule pointing at the same related place (every client of one logon server); "" when a finding has no related location.</summary>
    private static string Cause(Finding f) =>
        f.Related.Count == 0 ? string.Empty : $"{f.Rule.Id}|{f.Related[0].Path}|{f.Related[0].Region.StartLine}|{f.Level}";

    private static void WriteMass(TextWriter w, ScanReport report, List<Finding> same)
    {
        var first = same[0];
        var cause = first.Related[0];
        w.Write($"<details class=\"group mass\"><summary><span class=\"badge c-{first.Level.ToSarif()}\">{N(same.Count)} × {first.Level.ToSarif()}</span> {HtmlText.Escape(first.Rule.Id)} with one cause, <span class=\"loc\">{HtmlText.Escape(Loc(cause))}</span>: {HtmlText.Escape(cause.Message ?? "related location")} <span class=\"n\">(the first: {HtmlText.Escape(HtmlText.Cut(first.Message, 240))})</span></summary>\n");
        w.Write($"<p class=\"kb\">{KbLinks(first.Rule.Kb)} · <a href=\"{HtmlText.Escape(report.HelpUri(first.Rule.Id))}\">rule page</a></p>\n<ol>\n");
        foreach (var f in same)
        {
            w.Write($"<li class=\"finding-row{(f.IsSuppressed ? " suppressed" : string.Empty)}\" data-finding data-filter=\"{FilterOf(f)}\"><span class=\"loc\">{HtmlText.Escape(Loc(f.Location))}</span> {HtmlText.Escape(f.Message)}");
            if (f.IsSuppressed)
            {
                w.Write($" <em>(suppressed: {HtmlText.Escape(f.Suppressions[0].Justification)})</em>");
            }

            w.Write("</li>\n");
        }

        w.Write("</ol>\n</details>\n");
    }

    private static void WriteFinding(TextWriter w, ScanReport report, Finding f)
    {
        var level = f.Level.ToSarif();
        w.Write($"<div class=\"finding lvl-{level}{(f.IsSuppressed ? " suppressed" : string.Empty)}\" data-finding data-filter=\"{FilterOf(f)}\">");
        w.Write($"<div class=\"fhead\"><span class=\"lvl\">{level}</span><a class=\"rule\" href=\"{HtmlText.Escape(report.HelpUri(f.Rule.Id))}\">{HtmlText.Escape(f.Rule.Id)}</a><span class=\"loc\">{HtmlText.Escape(Loc(f.Location))}</span>");
        if (f.IsSuppressed)
        {
            w.Write($"<em>suppressed: {HtmlText.Escape(f.Suppressions[0].Justification)}</em>");
        }

        if (f.BaselineState is { } state)
        {
            w.Write($"<span class=\"badge\">{HtmlText.Escape(state)}</span>");
        }

        w.Write($"</div>\n<p class=\"msg\">{HtmlText.Escape(f.Message)}</p>\n");
        if (f.Help is { Length: > 0 } help)
        {
            w.Write($"<p class=\"help\"><b>help:</b> {HtmlText.Escape(help)}</p>\n");
        }

        if (f.Location.Snippet is { Length: > 0 } snippet)
        {
            w.Write($"<pre class=\"snippet\">{HtmlText.Escape(snippet)}</pre>\n");
        }

        if (f.Related.Count > 0)
        {
            w.Write("<ul class=\"related\">");
            foreach (var r in f.Related)
            {
                w.Write($"<li><span class=\"loc\">{HtmlText.Escape(Loc(r))}</span> {HtmlText.Escape(r.Message ?? "related location")}</li>");
            }

            w.Write("</ul>\n");
        }

        w.Write($"<p class=\"kb\">{KbLinks(f.Rule.Kb)}{(f.Rule.Kb.Count > 0 ? " · " : string.Empty)}<a href=\"{HtmlText.Escape(report.HelpUri(f.Rule.Id))}\">rule page</a></p></div>\n");
    }

    private static void WriteProvenance(TextWriter w, ScanReport report, HierarchyMap map, HtmlReportOptions options)
    {
        w.Write("<section id=\"provenance\">\n<h2>Provenance</h2>\n<dl class=\"prov\">\n");
        void Row(string name, string valueHtml) => w.Write($"<dt>{name}</dt><dd>{valueHtml}</dd>\n");
        Row("SmsLint", HtmlText.Escape(report.ToolVersion));
        Row("SMS catalog", HtmlText.Escape($"{report.Catalog.Name} {report.Catalog.Version}") + (report.Catalog.Source is { } src ? $" ({HtmlText.Escape(src)})" : string.Empty));
        Row("Snapshot", $"<code>{HtmlText.Escape(report.SnapshotRoot)}</code>, {N(report.FilesScanned)} files");
        Row("Captured", map.Capture is { } c
            ? HtmlText.Escape($"{c.Started ?? "start not recorded"} to {c.Finished ?? "end not recorded"} (UTC)") + (c.Tool is { } tool ? $" by {HtmlText.Escape(tool)}" : string.Empty) + ", from capture.json"
            : "not recorded (the snapshot has no capture.json)");
        var ran = options.RulesRun ?? [.. report.Rules.Select(r => r.Id)];
        Row("Rules run", $"{N(ran.Count)} of {N(report.Rules.Count)}: <code>{HtmlText.Escape(string.Join(" ", ran))}</code>");
        Row("Run", report.ExecutionSuccessful ? "completed" : "<span class=\"conflict-text\">completed with errors (see the notifications)</span>");
        if (report.Notifications.Count > 0)
        {
            w.Write("<dt>Notifications</dt><dd><ul>");
            foreach (var n in report.Notifications)
            {
                w.Write($"<li>{n.Level.ToSarif()}: {HtmlText.Escape(n.Message)} <code>{HtmlText.Escape(n.Id)}</code></li>");
            }

            w.Write("</ul></dd>\n");
        }

        w.Write("</dl>\n</section>\n");
    }

    private static Group GroupOf(Finding f, Dictionary<string, MapPlace> places)
    {
        var parts = f.Location.Path.Split('/');
        MapPlace? place = null;
        if (parts.Length >= 2)
        {
            places.TryGetValue($"{parts[0]}/{parts[1]}", out place);
        }

        if (place is null)
        {
            places.TryGetValue(parts[0], out place);
        }

        var site = place?.Site;
        if (parts.Length >= 4 && parts[1].Equals("SMSLOGON", StringComparison.OrdinalIgnoreCase))
        {
            if (parts[2].Equals("Sites", StringComparison.OrdinalIgnoreCase) && parts.Length >= 5)
            {
                site = parts[3].ToUpperInvariant();
            }
            else if (parts[2].Equals("Sitescfg", StringComparison.OrdinalIgnoreCase) && parts[3].EndsWith("_cfg.lcf", StringComparison.OrdinalIgnoreCase))
            {
                site = parts[3][..^"_cfg.lcf".Length].ToUpperInvariant();
            }
        }

        return new Group(place?.Domain ?? NoDomain, site ?? NoSite);
    }

    private static string Machine(string path)
    {
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? path : path[..slash];
    }

    private static string FilterOf(Finding f) =>
        HierarchySvg.Filter([f.Rule.Id, f.Level.ToSarif(), .. f.Related.Select(r => r.Path)]);

    private static string Loc(Location l) =>
        l.Region == Region.WholeFile ? l.Path : string.Create(CultureInfo.InvariantCulture, $"{l.Path}:{l.Region.StartLine}:{l.Region.StartColumn}");

    private static string KbLinks(IReadOnlyList<string> kb) =>
        kb.Count == 0 ? string.Empty
            : "KB " + string.Join(", ", kb.Select(k =>
                ProjectLinks.KbUri(k) is { } uri ? $"<a href=\"{HtmlText.Escape(uri)}\">{HtmlText.Escape(k)}</a>" : HtmlText.Escape(k)));

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

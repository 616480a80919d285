namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// Q269615: components of all sites that share a domain must be at the same revision level, and
/// any hotfix applied to one site must be applied to all. Compares the hierarchy.ini
/// <c>Hotfixes=</c> lists of sites that share a domain and stand at the same build and service
/// pack (different service packs need different hotfixes and are SMS2001's finding). A note, with
/// both sites' evidence.
/// </summary>
public sealed class HotfixLevelsDifferAcrossSharedSites() : Rule(new() { Id = "SMS2020", Title = "Sites sharing a domain have applied different hotfixes", Level = Level.Note, Kb = ["Q269615"], Tags = [RuleTag.SharedLogonPoint, RuleTag.MissingHotfix], Precision = Precision.Medium })
{
    public override void Check(RuleContext context)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var domain in PreSp2Hotfixes.SharedDomains(context.Model))
        {
            var sites = domain.Members.Keys
                .Select(context.Model.Sites.Find)
                .OfType<SiteInfo>()
                .Where(s => s.Declared is { HotfixesKnown: true } && s.Effective?.Version is { Major: 2 })
                .OrderBy(s => s.Code, StringComparer.Ordinal)
                .ToList();
            for (var i = 0; i < sites.Count; i++)
            {
                for (var j = i + 1; j < sites.Count; j++)
                {
                    var (a, b) = (sites[i], sites[j]);
                    var va = a.Effective!.Version!.Value;
                    var vb = b.Effective!.Version!.Value;
                    if (va.Build != vb.Build || va.ServicePackDigit != vb.ServicePackDigit)
                    {
                        continue;
                    }

                    var ha = Set(a);
                    var hb = Set(b);
                    if (ha.SetEquals(hb) || !reported.Add($"{a.Code}:{b.Code}"))
                    {
                        continue;
                    }

                    var onlyA = ha.Except(hb).Order(StringComparer.Ordinal).ToList();
                    var onlyB = hb.Except(ha).Order(StringComparer.Ordinal).ToList();
                    var diff = new List<string>();
                    if (onlyA.Count > 0)
                    {
                        diff.Add($"{PreSp2Hotfixes.JoinAnd(onlyA.Select(h => $"'{h}'"))} only on '{a.Code}'");
                    }

                    if (onlyB.Count > 0)
                    {
                        diff.Add($"{PreSp2Hotfixes.JoinAnd(onlyB.Select(h => $"'{h}'"))} only on '{b.Code}'");
                    }

                    context.Report(
                        $"Sites sharing a domain have applied different hotfixes: '{a.Code}' and '{b.Code}' in {domain.Description}, both at build {va.Build} service pack {va.ServicePackDigit}, with {string.Join(" and ", diff)}.",
                        Entry(a),
                        $"hotfix-levels:{a.Code}:{b.Code}",
                        [Entry(b)]);
                }
            }
        }
    }

    private static SortedSet<string> Set(SiteInfo site) =>
        new(site.Declared!.Hotfixes!.Select(t => "Q" + t.Text.Trim().TrimStart('Q', 'q')), StringComparer.Ordinal);

    private static Evidence Entry(SiteInfo site) =>
        Evidence.At(site.Declared!.File, site.Declared.HotfixesEntry!.Span, $"Hotfixes of site {site.Code}.");
}

using SmsLint.Parsing.CopyLog;

namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// The fingerprint of Q242492 on one logon point: a site that still claims it (its
/// <c>Domains=</c> in hierarchy.ini names the logon point's domain, or Copylog.tcf still carries
/// its <c>SITES\&lt;code&gt;\...</c> lines) has neither a <c>Sites\&lt;code&gt;</c> folder nor a
/// <c>Sitescfg\&lt;code&gt;_cfg.lcf</c>. Shared by SMS2016 (which reports it) and SMS1005 (which
/// then leaves the site's Copylog lines alone).
/// </summary>
public sealed record SiteGone(
    LogonPoint LogonPoint,
    string Code,
    DeclaredSite Site,
    Parsing.Common.Token? DomainToken,
    string? DomainName,
    IReadOnlyList<CopyLogEntry> SiteLines);

/// <summary>Finds <see cref="SiteGone"/> cases.</summary>
public static class SiteGoneFromLogonPoint
{
    /// <summary>Every case on one logon point, by site code. Empty unless both Sites\ and Sitescfg\ were captured.</summary>
    public static List<SiteGone> Find(SnapshotModel model, LogonPoint lp)
    {
        var result = new List<SiteGone>();
        if (!lp.TopFolders.Contains("Sites") || !lp.TopFolders.Contains("Sitescfg"))
        {
            return result;
        }

        var lpDomains = model.Hierarchy.DomainsOf(lp.Machine).Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var lines = new SortedDictionary<string, List<CopyLogEntry>>(StringComparer.Ordinal);
        foreach (var entry in lp.CopyLog?.FileSource ?? [])
        {
            if (entry.PathSite is { } site && SiteIndex.IsSiteCode(site.Text))
            {
                var code = site.Text.ToUpperInvariant();
                if (!lines.TryGetValue(code, out var list))
                {
                    list = [];
                    lines.Add(code, list);
                }

                list.Add(entry);
            }
        }

        foreach (var (code, site) in model.Hierarchy.Sites)
        {
            if (lp.SiteFolders.ContainsKey(code) || lp.Lcfs.ContainsKey(code))
            {
                continue;
            }

            var token = site.Domains.FirstOrDefault(d => lpDomains.Contains(d.Text));
            var siteLines = lines.GetValueOrDefault(code) ?? [];
            var claimsByLines = siteLines.Count > 0 && (lpDomains.Count == 0 || site.Domains.Count == 0);
            if (token is null && !claimsByLines)
            {
                continue;
            }

            result.Add(new SiteGone(lp, code, site, token, token?.Text.ToUpperInvariant(), siteLines));
        }

        return result;
    }

    /// <summary>True when site <paramref name="code"/> shows the Q242492 fingerprint on <paramref name="lp"/>.</summary>
    public static bool Applies(SnapshotModel model, LogonPoint lp, string code) =>
        Find(model, lp).Any(g => g.Code.Equals(code, StringComparison.OrdinalIgnoreCase));
}

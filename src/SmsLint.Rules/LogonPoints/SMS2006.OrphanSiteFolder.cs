namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// A <c>Sites\&lt;code&gt;</c> folder with files but no <c>Sitescfg\&lt;code&gt;_cfg.lcf</c>: the
/// folder of a site that left the domain without disabling logon installation (Q259816).
/// </summary>
public sealed class OrphanSiteFolder() : Rule(new() { Id = "SMS2006", Title = "Site folder on a logon point without the site's LCF", Level = Level.Warning, Kb = ["Q259816"], Tags = [RuleTag.SharedLogonPoint, RuleTag.RemovedSite], Precision = Precision.Medium })
{
    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            if (lp.SiteFolders.Count == 0 || LcfsVisibleTo(context.Model, lp) is not { } visible)
            {
                continue;
            }

            var (lcfs, consulted) = visible;
            var lcfPlace = SharedLogonPoints.Join([.. consulted.Select(m => $"'{m}'")]);

            foreach (var (code, files) in lp.SiteFolders)
            {
                if (lcfs.ContainsKey(code))
                {
                    continue;
                }

                var ordered = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
                context.Report(
                    $"Site folder without the site's LCF on the logon point: '{lp.Machine}' holds 'Sites\\{code}' ({ordered.Count} file(s)) and {lcfPlace} no 'Sitescfg\\{code}_cfg.lcf'.",
                    Evidence.Start(ordered[0]),
                    $"orphan:{code}",
                    [.. ordered.Skip(1).Select(f => Evidence.Start(f, $"Also in 'Sites\\{code}'."))],
                    help: $"Site '{code}' no longer manages this domain, yet clients may still try to install to it: if it was removed, delete 'Sites\\{code}' (and its Copylog.tcf lines); if it still uses the domain, check its Logon Server Manager, which rewrites the LCF on every cycle.");

            }
        }
    }

    /// <summary>
    /// The LCFs that count for a logon point: its own, plus those on the PDC of each domain hierarchy.ini
    /// puts it in (LSM keeps the LCFs on the PDC, Q259816), with the machines whose Sitescfg folder was
    /// captured. Null when no such folder was captured: then nothing can be told.
    /// </summary>
    internal static (SortedDictionary<string, LoadedFile> Lcfs, List<string> Consulted)? LcfsVisibleTo(SnapshotModel model, LogonPoint lp)
    {
        var consulted = new List<string>();
        if (lp.TopFolders.Contains("Sitescfg"))
        {
            consulted.Add(lp.Machine);
        }

        var lcfs = new SortedDictionary<string, LoadedFile>(lp.Lcfs, StringComparer.Ordinal);
        foreach (var domain in model.DomainsOf(lp))
        {
            var pdc = model.LogonPointsOf(domain).FirstOrDefault();
            if (pdc is null || pdc == lp || domain.Pdc is null || !pdc.Machine.Equals(domain.Pdc.Value.Text, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (pdc.TopFolders.Contains("Sitescfg") && !consulted.Contains(pdc.Machine))
            {
                consulted.Add(pdc.Machine);
            }

            foreach (var (code, file) in pdc.Lcfs)
            {
                lcfs.TryAdd(code, file);
            }
        }

        return consulted.Count > 0 ? (lcfs, consulted) : null;
    }
}

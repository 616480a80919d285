namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// A site's <c>Sitescfg\&lt;code&gt;_cfg.lcf</c> is on the logon point but its <c>Sites\&lt;code&gt;</c>
/// folder is missing or empty: the dead-site case of Q227028 and Q259816 (before SP2, a site that
/// stops updating its LCF is marked dead and its folders are removed). When the LCF is gone too,
/// that is Q242492's domain deinstallation, which SMS2016 reports.
/// </summary>
public sealed class LcfWithoutSiteFolder() : Rule(new() { Id = "SMS2007", Title = "Site LCF on a logon point without the site's folder", Level = Level.Warning, Kb = ["Q227028", "Q259816", "Q255820"], Tags = [RuleTag.SharedLogonPoint, RuleTag.ClientDeinstallation], Precision = Precision.Medium })
{
    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            foreach (var (code, lcf) in lp.Lcfs)
            {
                if (lp.SiteFolders.ContainsKey(code))
                {
                    continue;
                }

                context.Report(
                    $"Site LCF without a site folder on the logon point: '{lp.Machine}' holds '{lcf.File.FileName}' but no files under 'Sites\\{code}'.",
                    TextAnchor.ForSite(context.Model, lp, code, lcf),
                    $"no-folder:{code}",
                    [Evidence.Whole(lcf, $"'Sitescfg\\{lcf.File.FileName}' is on the logon point.")],
                    help: $"Logon Server Manager marks a dead site this way, removing its folders and leaving its LCF (Q227028, Q259816): if '{code}' was removed, delete '{lcf.File.FileName}', otherwise let the site's Logon Server Manager rebuild 'Sites\\{code}'.");

            }
        }
    }
}

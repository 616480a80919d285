using SmsLint.Engine;
using SmsLint.Findings;

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
                    $"Logon point '{lp.Machine}' holds '{lcf.File.FileName}' but no files under 'Sites\\{code}': this is how a site looks after Logon Server Manager marked it dead and removed its folders while its LCF stayed (Q227028, Q259816), and clients of site '{code}' that run the logon script find none of the site's files here.",
                    Evidence.Start(lcf),
                    $"no-folder:{code}");
            }
        }
    }
}

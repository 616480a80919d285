using SmsLint.Engine;
using SmsLint.Findings;

namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// LP007: a site's <c>Sitescfg\&lt;code&gt;_cfg.lcf</c> is on the logon point but its <c>Sites\&lt;code&gt;</c>
/// folder is missing or empty: the state Q242492 describes, in which the site's clients deinstall.
/// </summary>
public sealed class LcfWithoutSiteFolder : Rule
{
    public static readonly RuleDescriptor Info = new(
        "SMS2007", "LcfWithoutSiteFolder", "Site LCF on a logon point without the site's folder", Level.Warning,
        ["Q242492", "Q255820", "Q227028"], ["shared-logon-point", "client-deinstallation"], "medium", ["LP007"]);

    public override RuleDescriptor Descriptor => Info;

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
                    $"Logon point '{lp.Machine}' holds '{lcf.File.FileName}' but no files under 'Sites\\{code}', so clients of site '{code}' that run the logon script find no 'Netconf.ncf' for the site and begin to deinstall the SMS client (Q242492). Check site '{code}''s Nt_logon.log for lost PDC connectivity or a site marked dead, let its next Logon Server Manager cycle (or the senior site's full domain update) re-create the folder, and apply SP2 or the Q242492 fix to the sites that share this domain.",
                    Evidence.Start(lcf),
                    $"no-folder:{code}");
            }
        }
    }
}

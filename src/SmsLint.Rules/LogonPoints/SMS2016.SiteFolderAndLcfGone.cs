namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// Q242492's fingerprint: a site that still claims a logon point (hierarchy.ini <c>Domains=</c>, or
/// its <c>SITES\&lt;code&gt;\...</c> lines in Copylog.tcf) has neither its <c>Sites\&lt;code&gt;</c>
/// folder nor its <c>Sitescfg\&lt;code&gt;_cfg.lcf</c> there: a site that lost the PDC for a moment
/// took the senior role and deinstalled the domain for the sites whose LCF it could not read.
/// </summary>
public sealed class SiteFolderAndLcfGone() : Rule(new() { Id = "SMS2016", Title = "A site that still claims a logon point has neither its folder nor its LCF there", Level = Level.Warning, Kb = ["Q242492"], Tags = [RuleTag.SharedLogonPoint, RuleTag.ClientDeinstallation], Precision = Precision.Medium })
{
    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            foreach (var gone in SiteGoneFromLogonPoint.Find(context.Model, lp))
            {
                var related = new List<Evidence>();
                Evidence primary;
                string claim;
                if (gone.DomainToken is { } token)
                {
                    primary = Evidence.At(gone.Site.File, token, $"hierarchy.ini: site {gone.Code} manages domain '{gone.DomainName}'.");
                    claim = $"'Domains={token.Text}' in hierarchy.ini";
                    related.AddRange(gone.SiteLines.Select(l => Evidence.At(lp.CopyLogFile!, l.Path, $"Copylog.tcf still lists a file of site {gone.Code}.")));
                }
                else
                {
                    var first = gone.SiteLines[0];
                    primary = Evidence.At(lp.CopyLogFile!, first.Path, $"Copylog.tcf still lists a file of site {gone.Code}.");
                    claim = $"{gone.SiteLines.Count} 'SITES\\{gone.Code}\\...' line(s) in Copylog.tcf";
                    related.AddRange(gone.SiteLines.Skip(1).Select(l => Evidence.At(lp.CopyLogFile!, l.Path, $"Copylog.tcf still lists a file of site {gone.Code}.")));
                    related.Add(Evidence.At(gone.Site.File, gone.Site.Header.Span, $"hierarchy.ini still declares site {gone.Code}."));
                }

                context.Report(
                    $"A site that still claims the logon point has neither its folder nor its LCF there: site '{gone.Code}', logon point '{lp.Machine}', no 'Sites\\{gone.Code}' and no 'Sitescfg\\{gone.Code}_cfg.lcf', claimed by {claim}.",
                    primary,
                    $"site-gone:{gone.Code}",
                    related);
            }
        }
    }
}

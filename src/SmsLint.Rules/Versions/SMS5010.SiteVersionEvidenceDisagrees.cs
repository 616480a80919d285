using SmsLint.Catalog;

namespace SmsLint.Rules.Versions;

/// <summary>
/// SmsLint's own check: two pieces of evidence for one site's version disagree on the build or the
/// service pack digit, for example hierarchy.ini declares 2.00.1380.1000 while the site server's
/// Nt_logon.dll is 2.0.1493.2000. The weaker claim is reported, with the strongest as related evidence.
/// </summary>
public sealed class SiteVersionEvidenceDisagrees() : Rule(new() { Id = "SMS5010", Title = "Two sources disagree about a site's SMS version", Level = Level.Warning, Kb = ["Q262677", "Q266130"], Tags = [RuleTag.VersionMismatch, RuleTag.Evidence], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        foreach (var site in context.Model.Sites.All)
        {
            if (site.Effective is not { Version: { } strong } effective)
            {
                continue;
            }

            foreach (var claim in site.Claims)
            {
                if (claim == effective || !claim.HasBuild || claim.Version is not { } weak
                    || SmsVersion.Classify(weak, strong) is VersionDifference.Same or VersionDifference.HotfixOrIcp)
                {
                    continue;
                }

                var weakLevel = SharedLogonPoints.LevelLabel(context.Catalog, weak);
                var strongLevel = SharedLogonPoints.LevelLabel(context.Catalog, strong);
                var remedy = claim.Source switch
                {
                    VersionSource.Declared => $"correct 'Version=' of '[Site {site.Code}]' in hierarchy.ini to '{new SmsVersion(strong.Major, strong.Minor, strong.Build, strong.ServicePackDigit * 1000)}'",
                    VersionSource.CapCompver => $"the CAP has not caught up with its site: check that the site server's 'inboxes\\clicomp.src' reaches '{claim.File.File.Share}', since until it does the site's clients get components that do not match",
                    VersionSource.LogonPointCompver => $"the logon point has not caught up with the site: check site '{site.Code}''s Logon Server Manager (Nt_logon.log) and its access to '{claim.File.File.Machine}'",
                    _ => "the site server holds files of two builds or service packs, the mark of an incomplete upgrade or restore: reapply the site's service pack",
                };
                context.Report(
                    $"Site version evidence disagrees: {SharedLogonPoints.Text(claim)} ({weakLevel}), but {SharedLogonPoints.Text(effective)} ({strongLevel}).",
                    SharedLogonPoints.Of(claim, null),
                    $"disagree:{site.Code}:{claim.Source}",
                    [SharedLogonPoints.Of(effective)],
                    help: $"SmsLint takes site '{site.Code}' to be at '{effective.Raw}' and compares it with other sites on that basis: {remedy}.");

            }
        }
    }
}

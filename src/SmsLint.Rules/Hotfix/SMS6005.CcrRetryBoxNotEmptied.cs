namespace SmsLint.Rules.Hotfix;

/// <summary>
/// Q264630, Issue 2: a CCM fix applied after Client Configuration Manager had begun trying to
/// install on SP2 clients stops new attempts, but the configuration requests already queued in
/// <c>inboxes\Ccrretry.box</c> are retried every hour for seven days unless the files are deleted.
/// Checked on build 1239/1380 sites that share a domain with an SP2-or-later site and have the
/// CCM fix (Q252718 or Q252717) applied; when the site server was captured without its inboxes,
/// the rule says it cannot tell.
/// </summary>
public sealed class CcrRetryBoxNotEmptied() : Rule(new() { Id = "SMS6005", Title = "Ccrretry.box still holds requests after a late CCM fix", Level = Level.Warning, Kb = ["Q264630", "Q252718", "Q252717"], Tags = [RuleTag.MissingHotfix, RuleTag.SharedLogonPoint, RuleTag.ClientInstallation], Precision = Precision.Medium })
{
    public override void Check(RuleContext context)
    {
        foreach (var a in PreSp2Hotfixes.Assess(context.Model, context.Catalog))
        {
            if (a.State != HotfixState.Applied || !a.Hotfix.Files.Any(f => f.Name.Equals("Ccm.dll", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            foreach (var server in a.Site.SiteServers)
            {
                var queued = server.Under("inboxes", "ccrretry.box").Where(f => !f.File.FileName.Equals("desktop.ini", StringComparison.OrdinalIgnoreCase)).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
                var folder = $"{server.Root}/inboxes/ccrretry.box";
                if (queued.Count > 0)
                {
                    var related = queued.Skip(1).Take(9).Select(f => Evidence.Whole(f, "Another queued configuration request.")).ToList();
                    related.AddRange(a.CommonRelated());
                    context.Report(
                        $"Ccrretry.box must be emptied after a late CCM fix: site '{a.Site.Code}' (build {a.Build}) has {a.HotfixText} applied and shares {a.Domain.Description} with {a.NewerText}, and '{folder}' still holds {queued.Count} file(s).",
                        Evidence.Whole(queued[0], "A configuration request queued for retry."),
                        $"ccrretry:{a.Site.Code}",
                        related,
                        help: $"Stop the SMS Executive service on '{server.Machine}', delete every file in '{folder}', and start the service again, or the installation attempts are retried every hour for seven days (Q264630).");

                    continue;
                }

                if (!server.Files.Any(f => f.File.IsUnder("inboxes")))
                {
                    var anchor = server.Files.OrderBy(f => f.Path, StringComparer.Ordinal).First();
                    var where = TextAnchor.IsOpaque(anchor)
                        ? TextAnchor.ForSiteBinary(context.Model, anchor, a.Site.Code, hotfixes: true, $"'{server.Root}' was captured without 'inboxes'.")
                        : Evidence.Whole(anchor, $"'{server.Root}' was captured without 'inboxes'.");
                    var common = a.CommonRelated().Where(e => !(e.File == where.File && e.Span == where.Span)).ToList();
                    context.Report(
                        $"Ccrretry.box must be emptied after a late CCM fix: cannot tell for site '{a.Site.Code}' (build {a.Build}) with {a.HotfixText} in {a.Domain.Description}, because '{server.Root}' was captured without 'inboxes'.",

                        where,
                        $"ccrretry:{a.Site.Code}",
                        common,
                        Level.Note,
                        help: $"Capture '{server.Root}\\inboxes\\ccrretry.box', or look at it on the site server: if it holds files, stop the SMS Executive service, delete them and start the service again.");

                }
            }
        }
    }
}

namespace SmsLint.Rules.CopyLog;

/// <summary>
/// The site Copylog.tcf names for <c>x86.bin\clicore.exe</c> has no <c>Sites\&lt;code&gt;\Cli_inst.cfg</c>
/// on the logon point, so the client bootstrap cannot go on (Q263345).
/// </summary>
public sealed class CopyLogOwnerLacksCliInst() : Rule(new() { Id = "SMS1008", Title = "The Clicore.exe owner in Copylog.tcf has no Cli_inst.cfg on the logon point", Level = Level.Error, Kb = ["Q263345"], Tags = [RuleTag.SharedLogonPoint, RuleTag.CopyLog, RuleTag.ClientInstallation], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            if (lp.CopyLogFile is not { } file
                || lp.CopyLog is not { HasFileSource: true } doc
                || !CopyLogSites.SitesCaptured(lp))
            {
                continue;
            }

            // Both platforms' Clicore.exe lines name an owner whose Cli_inst.cfg the bootstrap reads.
            var lines = Platforms.Select(p => CopyLogFacts.ClicoreOwner(doc, p)).OfType<Parsing.CopyLog.CopyLogEntry>().ToList();
            foreach (var group in lines.GroupBy(l => CopyLogSites.ValueSite(l)))
            {
                if (group.Key is not { } owner || lp.Find($@"Sites\{owner}\cli_inst.cfg") is not null)
                {
                    continue;
                }

                var line = group.First();
                var related = group.Skip(1).Select(l => Evidence.At(file, l.Code, $"'{l.Path.Text}' names site '{owner}' too.")).ToList();
                var where = $"there is no 'Sites\\{owner}' folder at all";
                if (lp.SiteFolders.TryGetValue(owner, out var folder))
                {
                    related.Add(Evidence.Whole(folder[0], $"'Sites\\{owner}' exists but holds no Cli_inst.cfg."));
                    where = $"'Sites\\{owner}' holds no Cli_inst.cfg";
                }

                var supplier = string.Join(" and ", group.Select(l => $"'{l.Path.Text}'"));
                context.Report(
                    $"Copylog.tcf credits Clicore.exe to a site without Cli_inst.cfg: '{owner}' on '{lp.Machine}' for {supplier}, and {where}.",
                    Evidence.At(file, line.Code),
                    $"clicore-owner-cli-inst:{owner}",
                    related,
                    help: $"Point the line at a site that uses logon point '{lp.Machine}' (upgrading such a site to SP2 rewrites it), or enable site '{owner}' on this domain again.");

            }
        }
    }

    /// <summary>The platform folders whose Clicore.exe line the bootstrap of that platform reads.</summary>
    private static readonly string[] Platforms = ["x86.bin", "alpha.bin"];
}

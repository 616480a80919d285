using SmsLint.Parsing.CopyLog;

namespace SmsLint.Rules.CopyLog;

/// <summary>
/// A [FILE SOURCE] value names a site that has no <c>Sites\&lt;code&gt;\</c> folder on the logon
/// point (Q263345, Q313209). The Clicore.exe lines are left to SMS1008, which reports the missing
/// Cli_inst.cfg once, and a site with the Q242492 fingerprint (neither folder nor LCF while it
/// still claims the domain) to SMS2016.
/// </summary>
public sealed class CopyLogSiteHasNoFiles() : Rule(new() { Id = "SMS1005", Title = "Copylog.tcf names a site with no files on the logon point", Level = Level.Warning, Kb = ["Q263345", "Q313209"], Tags = [RuleTag.SharedLogonPoint, RuleTag.CopyLog, RuleTag.ClientInstallation], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            if (lp.CopyLogFile is not { } file || lp.CopyLog is not { HasFileSource: true } doc || !CopyLogSites.SitesCaptured(lp))
            {
                continue;
            }

            var name = file.File.FileName;
            var others = new SortedDictionary<string, List<CopyLogEntry>>(StringComparer.Ordinal);
            foreach (var entry in doc.FileSource)
            {
                if (CopyLogSites.ValueSite(entry) is not { } code
                    || lp.SiteFolders.ContainsKey(code)
                    || CopyLogSites.IsRemoved(context.Model, lp, code) == true)
                {
                    continue;
                }

                // The bootstrap reads Sites\<owner>\Cli_inst.cfg for the Clicore.exe line: SMS1008's finding.
                if (CopyLogSites.IsClicore(entry) || LogonPoints.SiteGoneFromLogonPoint.Applies(context.Model, lp, code))
                {
                    continue;
                }

                if (!others.TryGetValue(code, out var list))
                {
                    list = [];
                    others.Add(code, list);
                }

                list.Add(entry);
            }

            foreach (var (code, entries) in others)
            {
                var first = entries[0];
                var count = entries.Count == 1
                    ? $"'{first.Path.Text}'"
                    : $"{entries.Count} files, the first '{first.Path.Text}'";
                context.Report(
                    $"Copylog.tcf credits files to a site with no folder on the logon point: '{code}' on '{lp.Machine}' for {count}, and no 'Sites\\{code}'.",
                    Evidence.At(file, first.Code),
                    $"no-site-folder:{code}",
                    Lcf(lp, code),
                    help: $"Point the lines of '{code}' in '{name}' at the participating site that holds the latest version of each file, or let that site's Logon Server Manager rewrite them.");

            }
        }
    }

    private static IEnumerable<Evidence> Lcf(Model.LogonPoint lp, string code) =>
        lp.Lcfs.TryGetValue(code, out var lcf)
            ? [Evidence.Start(lcf, $"'Sitescfg\\{lcf.File.FileName}' is still on the logon point.")]
            : [];
}

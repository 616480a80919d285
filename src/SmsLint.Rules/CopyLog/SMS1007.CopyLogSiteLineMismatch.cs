namespace SmsLint.Rules.CopyLog;

/// <summary>A site-specific line <c>SITES\&lt;A&gt;\file=&lt;B&gt;</c> whose value is not its own site (Q313209).</summary>
public sealed class CopyLogSiteLineMismatch() : Rule(new() { Id = "SMS1007", Title = "Copylog.tcf credits a site's own file to another site", Level = Level.Warning, Kb = ["Q313209"], Tags = [RuleTag.SharedLogonPoint, RuleTag.CopyLog], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            if (lp.CopyLogFile is not { } file || lp.CopyLog is not { HasFileSource: true } doc)
            {
                continue;
            }

            foreach (var entry in doc.FileSource)
            {
                if (entry.PathSite is not { } pathSite
                    || !SiteIndex.IsSiteCode(pathSite.Text)
                    || CopyLogSites.ValueSite(entry) is not { } value
                    || value.Equals(pathSite.Text, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var owner = pathSite.Text.ToUpperInvariant();
                context.Report(
                    $"Copylog.tcf credits a site's own file to another site: '{CopyLogSites.Describe(entry)}' on '{lp.Machine}' gives a file of '{owner}' to '{value}'.",
                    Evidence.At(file, entry.Code),
                    $"site-line:{entry.Key}",
                    [Evidence.At(file, pathSite, $"The path belongs to site '{owner}'.")],
                    help: $"Change the value to '{owner}': only site '{owner}' writes 'SITES\\{owner}\\' lines ('SITES\\<XXX>\\<file>=<XXX>').");

            }
        }
    }
}

namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// A site code equals the name of an NT domain (Q256963). On SMS 2.0 and SP1 the Windows NT
/// Logon Server Manager and Logon Discovery Manager both write account data to Mastercfg.cfg, one
/// keyed by domain name and one by site code, so they overwrite each other and the SMS service and
/// server connection accounts lock out; SP2 fixed it. A site whose version the snapshot cannot
/// show gets a "cannot tell" note.
/// </summary>
public sealed class SiteCodeEqualsDomainName() : Rule(new() { Id = "SMS2018", Title = "A site older than SP2 has a site code equal to an NT domain name", Level = Level.Warning, Kb = ["Q256963"], Tags = [RuleTag.SharedLogonPoint, RuleTag.AccountLockout], Precision = Precision.High })
{
    /// <summary>SMS 2.0 SP2, which fixed Q256963.</summary>
    public const int FixedInBuild = 1493;

    public override void Check(RuleContext context)
    {
        var hierarchy = context.Model.Hierarchy;
        var names = new SortedDictionary<string, Evidence>(StringComparer.OrdinalIgnoreCase);
        foreach (var domain in hierarchy.Domains.Values)
        {
            names.TryAdd(domain.Name, Evidence.At(domain.File, domain.Header.Span, $"hierarchy.ini declares domain '{domain.Name}'."));
        }

        foreach (var site in hierarchy.Sites.Values)
        {
            foreach (var token in site.Domains)
            {
                names.TryAdd(token.Text, Evidence.At(site.File, token, $"hierarchy.ini: site {site.Code} manages domain '{token.Text.ToUpperInvariant()}'."));
            }
        }

        foreach (var (name, where) in names)
        {
            if (context.Model.Sites.Find(name) is not { } site || !name.Equals(site.Code, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var claim = site.Effective;
            if (claim?.Version is { } v && (v.Major != 2 || v.Build >= FixedInBuild))
            {
                continue;
            }

            var related = new List<Evidence>();
            if (site.Declared is { } declared)
            {
                related.Add(Evidence.At(declared.File, declared.Header.Span, $"hierarchy.ini section of site {site.Code}."));
            }

            if (claim is null)
            {
                context.Report(
                    $"A site code equals an NT domain name: site '{site.Code}' and domain '{name.ToUpperInvariant()}', and the snapshot cannot tell whether the site is older than SP2, because no file and no 'Version=' in hierarchy.ini gives its version.",
                    where,
                    $"code-is-domain:{site.Code}",
                    related,
                    Level.Note);
                continue;
            }

            related.Add(new Evidence(claim.File, claim.Span, $"Site {site.Code} is at '{claim.Raw}': {claim.Description}."));
            context.Report(
                $"A site code equals an NT domain name: site '{site.Code}' at '{claim.Raw}' ({SharedLogonPoints.LevelLabel(context.Catalog, claim.Version!.Value)}) and domain '{name.ToUpperInvariant()}'.",
                where,
                $"code-is-domain:{site.Code}",
                related);
        }
    }
}

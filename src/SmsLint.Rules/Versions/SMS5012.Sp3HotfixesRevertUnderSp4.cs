using SmsLint.Catalog;

namespace SmsLint.Rules.Versions;

/// <summary>
/// Q311457: several fixes issued for SMS 2.0 SP3 are not in SP4, and a site that has them reverts
/// to the unfixed behaviour when SP4 is applied, until their SP4 updates are installed. Reported as
/// a note for a site that hierarchy.ini declares at SP4 while its files are still at SP3 (the
/// upgrade is ahead of it) and whose <c>Hotfixes=</c> lists hotfixes applied at SP3.
/// <see cref="Reverts"/> answers the same question for a planned SP4 upgrade.
/// </summary>
public sealed class Sp3HotfixesRevertUnderSp4() : Rule(new() { Id = "SMS5012", Title = "Hotfixes of an SP3 site revert when the site goes to SP4", Level = Level.Note, Kb = ["Q311457"], Tags = [RuleTag.MissingHotfix, RuleTag.Upgrade], Precision = Precision.Medium })
{
    /// <summary>
    /// For upgrade planning: the strongest file claim that shows <paramref name="site"/> at SP3 when
    /// <paramref name="target"/> is SP4 or later and the site declares hotfixes, or null.
    /// </summary>
    public static VersionClaim? Reverts(SiteInfo site, SmsVersion target) =>
        target.Major == 2 && target.Build == ServicePackPrerequisiteMissing.Sp2Build && target.ServicePackDigit >= 4
        && site.Declared is { Hotfixes.Count: > 0 }
        && site.Claims.FirstOrDefault(c => c.Source != VersionSource.Declared && c.HasBuild) is { Version: { } v } claim
        && v.Build == ServicePackPrerequisiteMissing.Sp2Build && v.ServicePackDigit == 3
            ? claim
            : null;

    public override void Check(RuleContext context)
    {
        foreach (var site in context.Model.Sites.All)
        {
            if (site.Declared is not { Version: { } entry } declared
                || !SmsVersion.TryParse(entry.Value.Text, out var target)
                || Reverts(site, target) is not { } sp3)
            {
                continue;
            }

            var hotfixes = PreSp2Hotfixes.JoinAnd(declared.Hotfixes!.Select(t => $"'{t.Text.Trim()}'"));
            context.Report(
                $"Hotfixes of an SP3 site revert when the site goes to SP4: site '{site.Code}' is declared at '{entry.Value.Text}' ({SharedLogonPoints.LevelLabel(context.Catalog, target)}), {SharedLogonPoints.Text(sp3)} (SP3), and hierarchy.ini lists {hotfixes}.",
                Evidence.At(declared.File, declared.HotfixesEntry!.Span, $"Hotfixes of site {site.Code}."),
                $"sp3-hotfixes:{site.Code}",
                [Evidence.At(declared.File, entry.Value, $"hierarchy.ini declares site {site.Code} at '{entry.Value.Text}'."), SharedLogonPoints.Of(sp3)]);
        }
    }
}

using SmsLint.Catalog;

namespace SmsLint.Rules.Versions;

/// <summary>
/// SMS 2.0 SP3 installs only over SP2 (Q281829) and SP4 only over SP2 or SP3 (Q311457): a site
/// that hierarchy.ini declares at SP3 or SP4 while its files show a build or service pack below SP2
/// cannot have been upgraded as declared. Without file evidence the rule says it cannot tell.
/// <see cref="Blocks"/> answers the same question for a planned target version.
/// </summary>
public sealed class ServicePackPrerequisiteMissing() : Rule(new() { Id = "SMS5011", Title = "A site declared at SP3 or SP4 shows a version below SP2", Level = Level.Error, Kb = ["Q281829", "Q311457", "Q266130"], Tags = [RuleTag.VersionMismatch, RuleTag.Upgrade], Precision = Precision.High })
{
    /// <summary>The build of SP2, SP3 and SP4.</summary>
    public const int Sp2Build = 1493;

    /// <summary>True when <paramref name="target"/> is SP3 or later on build 1493.</summary>
    public static bool NeedsSp2First(SmsVersion target) => target.Major == 2 && target.Build == Sp2Build && target.ServicePackDigit >= 3;

    /// <summary>True when <paramref name="current"/> is below SP2 (a build before 1493, or 1493 below service pack 2).</summary>
    public static bool BelowSp2(SmsVersion current) =>
        current.Major == 2 && (current.Build < Sp2Build || (current.Build == Sp2Build && current.ServicePackDigit < 2));

    /// <summary>
    /// For upgrade planning: the strongest file claim that shows <paramref name="site"/> below SP2
    /// when <paramref name="target"/> is SP3 or SP4, or null when nothing blocks it.
    /// </summary>
    public static VersionClaim? Blocks(SiteInfo site, SmsVersion target) =>
        NeedsSp2First(target) ? site.Claims.FirstOrDefault(c => c.Source != VersionSource.Declared && c.HasBuild && BelowSp2(c.Version!.Value)) : null;

    public override void Check(RuleContext context)
    {
        foreach (var site in context.Model.Sites.All)
        {
            if (site.Declared?.Version is not { } entry
                || !SmsVersion.TryParse(entry.Value.Text, out var declared)
                || !NeedsSp2First(declared))
            {
                continue;
            }

            var label = SharedLogonPoints.LevelLabel(context.Catalog, declared);
            var sectionEvidence = Evidence.At(site.Declared.File, entry.Value, $"hierarchy.ini declares site {site.Code} at '{entry.Value.Text}'.");
            if (Blocks(site, declared) is { } below)
            {
                context.Report(
                    $"A site declared at SP3 or SP4 shows a version below SP2: site '{site.Code}' is declared at '{entry.Value.Text}' ({label}), but {SharedLogonPoints.Text(below)} ({SharedLogonPoints.LevelLabel(context.Catalog, below.Version!.Value)}).",
                    sectionEvidence,
                    $"sp-prerequisite:{site.Code}",
                    [SharedLogonPoints.Of(below)],
                    help: $"Upgrade site '{site.Code}' to SP2 and only then to SP3 or SP4 (Q281829), or correct 'Version=' of '[Site {site.Code}]' in hierarchy.ini.");

                continue;
            }

            if (!site.Claims.Any(c => c.Source != VersionSource.Declared && c.HasBuild))
            {
                context.Report(
                    $"A site declared at SP3 or SP4 shows a version below SP2: cannot tell for site '{site.Code}', declared at '{entry.Value.Text}' ({label}), because no captured file shows its version.",
                    sectionEvidence,
                    $"sp-prerequisite:{site.Code}",
                    null,
                    Level.Note,
                    help: $"Capture 'SMS_{site.Code}\\inboxes\\clicomp.src\\base\\Compver.ini' or the site server's 'bin' binaries, which show the version; SP3 and SP4 install only over SP2 or later.");

            }
        }
    }
}

using SmsLint.Catalog;

namespace SmsLint.Rules.CopyLog;

/// <summary>
/// Copylog.tcf credits <c>x86.bin\clicore.exe</c> to a site whose build is older than the client
/// files on the logon point: an unpatched SP1 or release site re-claimed the file, the
/// "mixed installation state" of Q264630 (Issue 1; fixes Q251070, Q249077).
/// </summary>
public sealed class CopyLogClaimedByOlderSite() : Rule(new() { Id = "SMS1010", Title = "Copylog.tcf credits Clicore.exe to a site older than the logon point's client files", Level = Level.Error, Kb = ["Q264630", "Q251070", "Q249077"], Tags = [RuleTag.SharedLogonPoint, RuleTag.CopyLog, RuleTag.VersionMismatch, RuleTag.MixedInstallation], Precision = Precision.Medium })
{
    public override void Check(RuleContext context)
    {
        var newestCompver = NewestLogonPointCompvers(context.Model);
        foreach (var lp in context.Model.LogonPoints)
        {
            if (lp.CopyLogFile is not { } file
                || lp.CopyLog is not { HasFileSource: true } doc
                || CopyLogFacts.ClicoreOwner(doc) is not { } line
                || CopyLogSites.ValueSite(line) is not { } owner
                || context.Model.Sites.Find(owner)?.Effective is not { Version: { } ownerVersion } ownerClaim)
            {
                continue;
            }

            var compver = newestCompver.GetValueOrDefault(lp.Root);
            var clicore = ClicoreVersion(lp);
            var newer = new List<(string Text, SmsVersion Version, Evidence Evidence)>();
            if (compver is { Version: { } cv } && cv.Build > ownerVersion.Build)
            {
                newer.Add(($"'Sites\\{compver.SiteCode}\\Compver.ini' at '{compver.Raw}'", cv,
                    Evidence.At(compver.File, compver.Span!.Value, $"Site {compver.SiteCode}'s base components on this logon point are version '{compver.Raw}'.")));
            }

            if (clicore is { } cc && cc.Version.Build > ownerVersion.Build)
            {
                newer.Add(($"'{cc.File.File.FileName}' at '{cc.Version.ToFileVersionString()}'", cc.Version,
                    Evidence.Whole(cc.File, $"Clicore.exe on this logon point has file version '{cc.Version.ToFileVersionString()}'.")));
            }

            if (newer.Count == 0)
            {
                continue;
            }

            var newestBuild = newer.Max(n => n.Version.Build);
            var heirs = lp.SiteSet
                .Select(code => context.Model.Sites.Find(code))
                .Where(s => s?.Effective?.Version is { } v && v.Build >= newestBuild)
                .Select(s => s!.Code)
                .ToList();
            var target = heirs.Count > 0 ? string.Join(" or ", heirs.Select(h => $"'{h}'")) : $"a site at build {newestBuild}";
            var hotfix = context.Catalog.Hotfixes
                .Where(h => h.AppliesToBuild == ownerVersion.Build
                    && h.RequiredWhen.Tag == RequiredWhenTags.SharedDomainBeforeSp2
                    && h.Files.Any(f => f.Name.Equals("Nt_logon.dll", StringComparison.OrdinalIgnoreCase)))
                .Select(h => h.Id)
                .FirstOrDefault();
            var cure = hotfix is null
                ? $"upgrade site '{owner}' to build {newestBuild}"
                : $"apply {hotfix} to site '{owner}' (or upgrade it to build {newestBuild})";

            var related = new List<Evidence> { OwnerEvidence(ownerClaim, owner) };
            related.AddRange(newer.Select(n => n.Evidence));
            context.Report(
                $"Copylog.tcf credits Clicore.exe to a site older than the logon point's files: '{owner}' (build {ownerVersion.Build}, '{ownerClaim.Raw}' in '{ownerClaim.File.Path}') on '{lp.Machine}', whose files are build {newestBuild} ({string.Join(", ", newer.Select(n => n.Text))}).",
                Evidence.At(file, line.Code),
                $"older-clicore-owner:{owner}",
                related,
                help: $"A site without the Copylog.tcf fix re-claimed Clicore.exe, so new clients are not installed and existing ones end in a mixed installation: {cure}, then set the line to {target} on the PDC's Copylog.tcf.");

        }
    }

    /// <summary>
    /// Per logon point (by <see cref="CapturedShare.Root"/>), the newest version named by any site's
    /// <c>Sites\&lt;code&gt;\Compver.ini</c> there; ties go to the first path.
    /// </summary>
    private static Dictionary<string, VersionClaim> NewestLogonPointCompvers(SnapshotModel model)
    {
        var newest = new Dictionary<string, VersionClaim>(StringComparer.OrdinalIgnoreCase);
        var claims = model.Sites.All
            .SelectMany(s => s.Claims)
            .Where(c => c.Source == VersionSource.LogonPointCompver && c.HasBuild && c.Span is not null)
            .OrderBy(c => c.File.Path, StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            var root = $"{claim.File.File.Machine}/{claim.File.File.Share}";
            if (!newest.TryGetValue(root, out var best) || claim.Version!.Value > best.Version!.Value)
            {
                newest[root] = claim;
            }
        }

        return newest;
    }

    /// <summary>Clicore.exe's own file version, when the capture holds the real file and it names an SMS 2.0 build.</summary>
    private static (LoadedFile File, SmsVersion Version)? ClicoreVersion(LogonPoint lp)
    {
        if (lp.Find(@"x86.bin\clicore.exe") is not { Version: { Status: Binaries.PeVersionStatus.Ok, FileVersion: { Length: 4 } fv } } file)
        {
            return null;
        }

        var version = new SmsVersion(fv[0], fv[1], fv[2], fv[3]);
        return version.Major == 2 && !version.IsPackagingVersion ? (file, version) : null;
    }

    private static Evidence OwnerEvidence(VersionClaim claim, string owner) =>
        claim.Span is { } span
            ? Evidence.At(claim.File, span, $"Site {owner} is at '{claim.Raw}'.")
            : Evidence.Whole(claim.File, $"Site {owner} is at '{claim.Raw}'.");
}

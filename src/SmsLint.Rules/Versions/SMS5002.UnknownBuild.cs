using SmsLint.Binaries;
using SmsLint.Catalog;

namespace SmsLint.Rules.Versions;

/// <summary>
/// An SMS 2.0 version whose build the catalog does not know (Q213410, Q266130). The release
/// candidate build 1196 is a note (Q215129); packaging versions such as Clicore.exe 2.0.91.x (Q246527)
/// and the own numbering of CcmCore.exe and Preinst.exe are not SMS builds and are not reported.
/// </summary>
public sealed class UnknownBuild() : Rule(new() { Id = "SMS5002", Title = "SMS 2.0 version with a build the catalog does not know", Level = Level.Warning, Kb = ["Q213410", "Q215129", "Q266130", "Q246527"], Tags = [RuleTag.VersionMismatch, RuleTag.Catalog], Precision = Precision.Medium })
{
    /// <summary>Files with their own version numbering (sms-domain.md §3.2: CcmCore.exe 2.0.92.9, Preinst.exe builds 1250/1519/1520).</summary>
    public static readonly IReadOnlySet<string> OwnNumbering = new HashSet<string>(["CcmCore.exe", "Preinst.exe"], StringComparer.OrdinalIgnoreCase);

    public override void Check(RuleContext context)
    {
        var seen = new HashSet<(string Path, int Start)>();

        // Text claims: hierarchy.ini and the base Compver.ini files.
        foreach (var site in context.Model.Sites.All)
        {
            foreach (var claim in site.Claims)
            {
                if (claim.Span is not { } span || claim.Version is not { } v || !seen.Add((claim.File.Path, span.Start)))
                {
                    continue;
                }

                Check(context, v, Evidence.At(claim.File, span), $"'{claim.File.Path}' gives site '{claim.SiteCode}' version '{claim.Raw}'");
            }
        }

        // Binaries on SMS shares: logon points, site servers, CAPs and the logon-script shares.
        var shares = context.Model.LogonPoints.Cast<CapturedShare>()
            .Concat(context.Model.SiteServers)
            .Concat(context.Model.Caps)
            .Concat(context.Model.ScriptShares);
        foreach (var file in shares.SelectMany(s => s.Files).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (file.Version is not { Status: PeVersionStatus.Ok, FileVersion: { Length: 4 } fv }
                || OwnNumbering.Contains(file.File.FileName)
                || !seen.Add((file.Path, -1)))
            {
                continue;
            }

            var v = new SmsVersion(fv[0], fv[1], fv[2], fv[3]);
            // The result goes on the text that depends on the binary; the binary itself is related.
            Check(context, v, TextAnchor.ForBinary(context.Model, file), $"'{file.File.FileName}' on '{file.File.Machine}\\{file.File.Share}' has file version '{v.ToFileVersionString()}'",
                Evidence.Whole(file, $"File version '{v.ToFileVersionString()}'."));
        }
    }

    private static void Check(RuleContext context, SmsVersion v, Evidence at, string what, Evidence? binary = null)
    {
        // Only SMS 2.0 versions: 1.x builds and other products' files (MFC42.DLL 6.x ...) are not judged here.
        var catalog = context.Catalog;
        if (v.Major != 2 || v.Minor != 0 || v.IsPackagingVersion)
        {
            return;
        }

        if (catalog.IsPreReleaseBuild(v.Build))
        {
            context.Report(
                $"Version names an unreleased or unknown SMS build: {what}, which is {catalog.DescribeBuild(v.Build)}, not a released build.",
                at,
                $"prerelease:{v.Build}",
                binary is { } b1 ? [b1] : null,
                level: Level.Note,
                help: "Reinstall the site and its clients with a released build: upgrading a beta to the released product is not supported, and components upgraded from it can stay 'Repair Pending' (Q215129).");
            return;
        }

        if (catalog.IsKnownBuild(v.Build))
        {
            return;
        }

        var known = SharedLogonPoints.Join([.. catalog.Builds
            .Where(b => b.Product.Contains("2.0", StringComparison.Ordinal) && !b.Prerelease)
            .Select(b => b.Build)
            .Distinct()
            .Order()
            .Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        context.Report(
            $"Version names an unreleased or unknown SMS build: {what}, and build {v.Build} is no known SMS 2.0 build (the released ones are {known}).",
            at,
            $"build:{v.Build}",
            binary is { } b2 ? [b2] : null,
            help: "Check the value against the site's Compver.ini and the site properties in the SMS Administrator console (Q213410, Q266130), or, if the build is real, add it to the catalog with '--catalog'.");

    }
}

using SmsLint.Binaries;
using SmsLint.Catalog;

namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// The base components on a site's CAP are significantly older (Q262677's rule) than what a
/// logon point gives the same site's clients, so clients upgraded from the logon point find no
/// matching optional components on their CAP (Q236596, Q264630, Q263411).
/// </summary>
public sealed class CapOlderThanLogonPoint() : Rule(new() { Id = "SMS2015", Title = "CAP base components significantly older than the logon point's", Level = Level.Error, Kb = ["Q236596", "Q264630", "Q263411"], Tags = [RuleTag.SharedLogonPoint, RuleTag.VersionMismatch, RuleTag.Cap], Precision = Precision.High })
{
    private sealed record LogonPointBase(LogonPoint LogonPoint, SmsVersion Version, string Raw, Evidence Evidence);

    public override void Check(RuleContext context)
    {
        foreach (var cap in context.Model.Caps)
        {
            if (cap.BaseCompver is not { } capFile
                || CompverReader.Read(capFile) is not { } capEntry
                || !SmsVersion.TryParse(capEntry.Value.Text, out var capVersion)
                || capVersion.Major != 2
                || capVersion.IsPackagingVersion)
            {
                continue;
            }

            var code = cap.SiteCode.ToUpperInvariant();
            var newer = new List<LogonPointBase>();
            foreach (var lp in context.Model.LogonPoints)
            {
                if (lp.SiteSet.Contains(code)
                    && BaseFor(lp, code) is { } lpBase
                    && lpBase.Version > capVersion
                    && SmsVersion.IsSignificant(capVersion, lpBase.Version, context.Options.Significance))
                {
                    newer.Add(lpBase);
                }
            }

            if (newer.Count == 0)
            {
                continue;
            }

            var newest = newer.OrderByDescending(b => b.Version).ThenBy(b => b.LogonPoint.Machine, StringComparer.OrdinalIgnoreCase).First();
            var lps = (newer.Count == 1 ? "logon point " : "logon points ") + SharedLogonPoints.Join([.. newer.Select(b => $"'{b.LogonPoint.Machine}'")]);
            var verb = newer.Count == 1 ? "gives" : "give";
            var capLevel = SharedLogonPoints.LevelLabel(context.Catalog, capVersion);
            var lpLevel = SharedLogonPoints.LevelLabel(context.Catalog, newest.Version);
            context.Report(
                $"CAP is significantly older than the logon point: the base components on '{cap.Machine}\\{cap.Share}' are '{capEntry.Value.Text}' ({capLevel}), and {lps} {verb} clients of site '{code}' '{newest.Raw}' ({lpLevel}).",
                Evidence.At(capFile, capEntry.Value.Span),
                $"cap-older:{code}",
                [.. newer.Select(b => b.Evidence)],
                help: $"Upgrade site '{code}' to the service pack of the sites that share its logon points and check that the site server's 'clicomp.src' has reached '{cap.Share}'; until then disable logon installation for the site and let clients upgrade through their CCIM cycle (Q263411), or they find no matching optional components on the CAP and end with components uninstalled, 'Repair Pending' or hung (Q236596, Q264630).");

        }
    }

    /// <summary>
    /// The base version a logon point offers a site's clients: the site's <c>Sites\&lt;code&gt;\Compver.ini</c>,
    /// else <c>x86.bin\Clicore.exe</c> when its file version names a real build (not 2.0.9x.y).
    /// </summary>
    private static LogonPointBase? BaseFor(LogonPoint lp, string code)
    {
        if (lp.SiteCompver(code) is { } file
            && CompverReader.Read(file) is { } entry
            && SmsVersion.TryParse(entry.Value.Text, out var v)
            && v.Major == 2
            && !v.IsPackagingVersion)
        {
            return new(lp, v, entry.Value.Text, Evidence.At(file, entry.Value.Span, $"'Sites\\{code}\\Compver.ini' on logon point '{lp.Machine}' is version '{entry.Value.Text}'."));
        }

        if (lp.Find("x86.bin/Clicore.exe") is { Version: { Status: PeVersionStatus.Ok, FileVersion: { Length: 4 } fv } } clicore)
        {
            var c = new SmsVersion(fv[0], fv[1], fv[2], fv[3]);
            if (c.Major == 2 && !c.IsPackagingVersion)
            {
                var raw = c.ToFileVersionString();
                return new(lp, c, raw, Evidence.Whole(clicore, $"'x86.bin\\Clicore.exe' on logon point '{lp.Machine}' has file version '{raw}'."));
            }
        }

        return null;
    }
}

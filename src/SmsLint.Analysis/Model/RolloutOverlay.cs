using System.Globalization;
using SmsLint.Catalog;

namespace SmsLint.Model;

/// <summary>
/// A version an overlay asks for: the site version (2.00.1493.2000) and, where the catalog knows it,
/// the base client component version the same service pack ships (2.00.1493.2009, Q266130), so the
/// Compver.ini evidence of an upgraded site reads as it would after the upgrade.
/// </summary>
/// <param name="Site">The site version the upgrade leads to.</param>
/// <param name="Base">The base client components of that level, or null when the catalog does not list them.</param>
/// <param name="Requested">The text given on the command line ("SP2", "2.00.1493.2000").</param>
/// <param name="Inferred">True when the catalog gives no site version for the level and it was built from the scheme (SP3, SP4).</param>
public sealed record PlannedVersion(SmsVersion Site, SmsVersion? Base, string Requested, bool Inferred = false)
{
    /// <summary>Build and service pack digit: what the phase and the overlay compare.</summary>
    public (int Major, int Minor, int Build, int ServicePack) Level => RolloutModel.LevelOf(Site);

    public override string ToString() => Site.ToString();
}

/// <summary>One <c>--upgrade SITE=VERSION</c> request.</summary>
public sealed record UpgradeRequest(string Site, PlannedVersion To);

/// <summary>
/// The overlay of an upgrade plan (contract §6): <c>--upgrade SITE=VERSION</c> for single sites,
/// <c>--target VERSION</c> for every SMS 2.0 site below it. <see cref="Planning"/> is set by
/// <c>smslint plan</c> even without either option (the plan then describes the hierarchy as it is);
/// <c>smslint scan</c> uses <see cref="None"/>.
/// </summary>
public sealed record RolloutOverlay(IReadOnlyList<UpgradeRequest> Upgrades, PlannedVersion? Target, bool Planning)
{
    /// <summary>No plan: the scan command.</summary>
    public static RolloutOverlay None { get; } = new([], null, false);

    /// <summary>The plan command without --upgrade or --target.</summary>
    public static RolloutOverlay AsIs { get; } = new([], null, true);

    public bool HasUpgrades => Upgrades.Count > 0 || Target is not null;

    /// <summary>
    /// Maps a VERSION argument to a version: a service-pack name <c>SP1</c>..<c>SP4</c> through the
    /// catalog's SMS 2.0 builds, or an SMS 2.0 version string whose build the catalog knows.
    /// </summary>
    public static bool TryResolveVersion(string text, SmsCatalog catalog, out PlannedVersion? version, out string? error)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        version = null;
        error = null;
        var t = text.Trim();
        if (t.Length == 3 && t.StartsWith("SP", StringComparison.OrdinalIgnoreCase) && t[2] is >= '1' and <= '4')
        {
            var sp = t[2] - '0';
            var build = catalog.Builds.FirstOrDefault(b => b.Product == "SMS 2.0" && b.ServicePack == sp && !b.Prerelease);
            if (build is null)
            {
                error = $"'{t}' is not an SMS 2.0 service pack the catalog lists";
                return false;
            }

            // SP3 and SP4 have no attested site version (sms-domain.md §3.2): the scheme gives 2.00.1493.S000.
            var site = build.SiteVersion ?? new SmsVersion(2, 0, build.Build, sp * 1000);
            version = new PlannedVersion(site, catalog.ComponentVersion("Base", sp), t.ToUpperInvariant(), build.SiteVersion is null);
            return true;
        }

        if (!SmsVersion.TryParse(t, out var parsed) || parsed.Major != 2 || parsed.IsPackagingVersion)
        {
            error = $"'{t}' is neither a service pack name (SP1 to SP4) nor an SMS 2.0 version such as 2.00.1493.2000";
            return false;
        }

        if (!catalog.BuildsFor(parsed.Build).Any(b => b.Product == "SMS 2.0" && !b.Prerelease))
        {
            error = $"'{t}' names build {parsed.Build.ToString(CultureInfo.InvariantCulture)}, which is not a released SMS 2.0 build the catalog lists";
            return false;
        }

        version = new PlannedVersion(parsed, catalog.ComponentVersion("Base", parsed.ServicePackDigit), t);
        return true;
    }

    /// <summary>
    /// Builds the overlay from the command line: each <paramref name="upgrades"/> item is
    /// <c>SITE=VERSION</c>. Returns null and an error sentence on bad input.
    /// </summary>
    public static RolloutOverlay? Parse(IEnumerable<string> upgrades, string? target, SmsCatalog catalog, out string? error)
    {
        error = null;
        var list = new List<UpgradeRequest>();
        foreach (var item in upgrades)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var code = eq < 0 ? string.Empty : item[..eq].Trim().ToUpperInvariant();
            if (eq < 0 || !SiteIndex.IsSiteCode(code))
            {
                error = $"--upgrade: '{item}' is not SITE=VERSION with a three-character site code";
                return null;
            }

            if (!TryResolveVersion(item[(eq + 1)..], catalog, out var to, out var why))
            {
                error = $"--upgrade: {why}";
                return null;
            }

            if (list.Any(u => u.Site == code))
            {
                error = $"--upgrade: site '{code}' is named twice";
                return null;
            }

            list.Add(new UpgradeRequest(code, to!));
        }

        PlannedVersion? resolvedTarget = null;
        if (target is not null && !TryResolveVersion(target, catalog, out resolvedTarget, out var targetError))
        {
            error = $"--target: {targetError}";
            return null;
        }

        return new RolloutOverlay(list, resolvedTarget, true);
    }
}

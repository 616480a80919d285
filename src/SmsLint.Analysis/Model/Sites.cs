using SmsLint.Catalog;
using SmsLint.Parsing.CopyLog;
using SmsLint.Parsing.Ini;
using SmsLint.Text;

namespace SmsLint.Model;

/// <summary>Where a claim about a site's version comes from, strongest first.</summary>
public enum VersionSource
{
    /// <summary>inboxes\clicomp.src\base\Compver.ini on the site server: the base client version the site distributes.</summary>
    SiteServerCompver,

    /// <summary>The file version of a site-server binary (bin\i386\Nt_logon.dll and friends).</summary>
    SiteServerBinary,

    /// <summary>CAP_&lt;code&gt;\clicomp.box\base\Compver.ini.</summary>
    CapCompver,

    /// <summary>Sites\&lt;code&gt;\Compver.ini on a logon point (location inferred, sms-domain.md §1.2).</summary>
    LogonPointCompver,

    /// <summary>hierarchy.ini <c>[Site CODE] Version=</c>.</summary>
    Declared,
}

/// <summary>
/// One piece of evidence for a site's SMS version, with the file and span it came from.
/// <see cref="Version"/> is null when the text is not a version (VR001 reports that).
/// </summary>
public sealed record VersionClaim(
    string SiteCode,
    VersionSource Source,
    SmsVersion? Version,
    string Raw,
    LoadedFile File,
    TextSpan? Span,
    string Description)
{
    /// <summary>True for a claim that reads as the plan's version (the "after" model of <c>smslint plan</c>).</summary>
    public bool Planned { get; init; }

    /// <summary>A version that names a real build (not a 2.0.9x.y packaging version).</summary>
    public bool HasBuild => Version is { } v && !v.IsPackagingVersion;
}

/// <summary>Everything the snapshot says about one site code.</summary>
public sealed class SiteInfo
{
    internal SiteInfo(string code) => Code = code;

    public string Code { get; }

    public DeclaredSite? Declared { get; internal set; }

    public List<SiteServer> SiteServers { get; } = [];

    public List<CapShare> Caps { get; } = [];

    /// <summary>Logon points whose Sites\ folders, LCFs or Copylog.tcf name this site.</summary>
    public List<LogonPoint> LogonPoints { get; } = [];

    /// <summary>Every version claim, strongest source first, then path order.</summary>
    public List<VersionClaim> Claims { get; } = [];

    /// <summary>
    /// The site's version as the evidence shows it: the strongest claim that names a real build;
    /// the declaration in hierarchy.ini only when no file says anything.
    /// </summary>
    public VersionClaim? Effective => Claims.FirstOrDefault(c => c.HasBuild);

    public override string ToString() => Code;
}

/// <summary>
/// The sites of a snapshot and their version evidence, built once from the model. Site codes are
/// compared in upper case; every claim keeps its file and span.
/// </summary>
public sealed class SiteIndex
{
    /// <summary>Server binaries whose file version tells the site's build (sms-domain.md §4.1).</summary>
    public static readonly string[] ServerBinaries = ["Nt_logon.dll", "Ccm.dll", "Ccmbtldr.exe", "Baseobj.dll"];

    private readonly SortedDictionary<string, SiteInfo> _sites = new(StringComparer.Ordinal);

    public SiteIndex(SnapshotModel model)
    {
        foreach (var declared in model.Hierarchy.Sites.Values)
        {
            var site = Get(declared.Code);
            site.Declared = declared;
            if (declared.Version is { } entry)
            {
                var parsed = SmsVersion.TryParse(entry.Value.Text, out var v) ? v : (SmsVersion?)null;
                site.Claims.Add(new VersionClaim(site.Code, VersionSource.Declared, parsed, entry.Value.Text, declared.File, entry.Value.Span,
                    $"hierarchy.ini declares site {site.Code} at '{entry.Value.Text}'"));
            }
        }

        foreach (var server in model.SiteServers)
        {
            var site = Get(server.SiteCode);
            site.SiteServers.Add(server);
            if (server.BaseCompver is { } compver)
            {
                AddCompverClaim(site, compver, VersionSource.SiteServerCompver, $"the base client components on site server '{server.Machine}'");
            }

            foreach (var name in ServerBinaries)
            {
                if (server.Binary(name) is { Version: { Status: Binaries.PeVersionStatus.Ok } version } binary && version.FileVersion is { Length: 4 } fv)
                {
                    var v = new SmsVersion(fv[0], fv[1], fv[2], fv[3]);
                    site.Claims.Add(new VersionClaim(site.Code, VersionSource.SiteServerBinary, v, v.ToFileVersionString(), binary, null,
                        $"'{binary.File.FileName}' on site server '{server.Machine}' has file version '{v.ToFileVersionString()}'"));
                }
            }
        }

        foreach (var cap in model.Caps)
        {
            var site = Get(cap.SiteCode);
            site.Caps.Add(cap);
            if (cap.BaseCompver is { } compver)
            {
                AddCompverClaim(site, compver, VersionSource.CapCompver, $"the base components on CAP '{cap.Machine}'");
            }
        }

        foreach (var lp in model.LogonPoints)
        {
            var codes = new SortedSet<string>(lp.SiteSet, StringComparer.Ordinal);
            if (lp.CopyLog is { } copyLog)
            {
                foreach (var entry in copyLog.FileSource)
                {
                    if (IsSiteCode(entry.Code.Text))
                    {
                        codes.Add(entry.Code.Text.ToUpperInvariant());
                    }
                }
            }

            foreach (var code in codes)
            {
                var site = Get(code);
                site.LogonPoints.Add(lp);
                if (lp.SiteCompver(code) is { } compver)
                {
                    AddCompverClaim(site, compver, VersionSource.LogonPointCompver, $"Sites\\{code}\\Compver.ini on logon point '{lp.Machine}'");
                }
            }
        }

        foreach (var (code, planned) in model.Applied)
        {
            if (_sites.TryGetValue(code, out var site))
            {
                ApplyUpgrade(site, planned);
            }
        }

        foreach (var site in _sites.Values)
        {
            var ordered = site.Claims.OrderBy(c => c.Source).ThenBy(c => c.File.Path, StringComparer.Ordinal).ToList();
            site.Claims.Clear();
            site.Claims.AddRange(ordered);
        }
    }

    public IReadOnlyCollection<SiteInfo> All => _sites.Values;

    public SiteInfo? Find(string code) => _sites.GetValueOrDefault(code.ToUpperInvariant());

    /// <summary>Site codes are three letters or digits (sms-domain.md §1.1).</summary>
    public static bool IsSiteCode(string text) => text.Length == 3 && text.All(char.IsAsciiLetterOrDigit);

    private SiteInfo Get(string code)
    {
        code = code.ToUpperInvariant();
        if (!_sites.TryGetValue(code, out var site))
        {
            site = new SiteInfo(code);
            _sites.Add(code, site);
        }

        return site;
    }

    /// <summary>
    /// Replaces every claim of an upgraded site with the planned version: Compver.ini claims read as
    /// the service pack's base components (when the catalog lists them), the others as the site version.
    /// </summary>
    private static void ApplyUpgrade(SiteInfo site, PlannedVersion planned)
    {
        var replaced = site.Claims.Select(c =>
        {
            if (c.Version is not { Major: 2 } v || v.IsPackagingVersion)
            {
                return c;
            }

            var compver = c.Source is VersionSource.SiteServerCompver or VersionSource.CapCompver or VersionSource.LogonPointCompver;
            var to = compver && planned.Base is { } b ? b : planned.Site;
            return c with
            {
                Version = to,
                Raw = to.ToString(),
                Planned = true,
                Description = $"the plan upgrades site {site.Code} to '{planned.Site}' (today {c.Description})",
            };
        }).ToList();
        site.Claims.Clear();
        site.Claims.AddRange(replaced);
    }

    private static void AddCompverClaim(SiteInfo site, LoadedFile file, VersionSource source, string what)
    {
        if (CompverReader.Read(file) is not { } entry)
        {
            return;
        }

        var parsed = SmsVersion.TryParse(entry.Value.Text, out var v) ? v : (SmsVersion?)null;
        site.Claims.Add(new VersionClaim(site.Code, source, parsed, entry.Value.Text, file, entry.Value.Span, $"{what} are version '{entry.Value.Text}'"));
    }
}

/// <summary>
/// Reads the component version from a Compver.ini. Its key names are not documented
/// (sms-domain.md §1.2, inferred): the value of a key named "Version" in any section wins;
/// otherwise the first value that reads as an SMS version. Change here if real files show otherwise.
/// </summary>
public static class CompverReader
{
    public static IniEntry? Read(LoadedFile file)
    {
        if (file.As<IniDocument>() is not { } doc)
        {
            return null;
        }

        var entries = doc.GlobalEntries.Concat(doc.Sections.SelectMany(s => s.Entries)).ToList();
        return entries.FirstOrDefault(e => e.Key.Text.Equals("Version", StringComparison.OrdinalIgnoreCase))
            ?? entries.FirstOrDefault(e => SmsVersion.TryParse(e.Value.Text, out var v) && v.Major == 2);
    }
}

/// <summary>Copy-log helpers shared by the Copylog rules.</summary>
public static class CopyLogFacts
{
    /// <summary>The Clicore.exe line of a platform: the one the bootstrap reads to find the owning site (Q263345).</summary>
    public static CopyLogEntry? ClicoreOwner(CopyLogDocument doc, string platform = "x86.bin") => doc.Find($@"{platform}\clicore.exe");
}

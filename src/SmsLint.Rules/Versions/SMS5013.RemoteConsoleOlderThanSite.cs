using SmsLint.Binaries;
using SmsLint.Catalog;
using SmsLint.Discover;
using SmsLint.Parsing.Ini;

namespace SmsLint.Rules.Versions;

/// <summary>
/// "Remote consoles must be manually upgraded" (Q238780). A machine whose drive share holds
/// an SMS Administrator console folder (<c>SMS\bin\i386</c> outside a site server's SMS_&lt;CODE&gt;
/// share and outside a client's <c>MS\SMS</c>) whose binaries are at an older build or service pack
/// than the site it administers. The site comes from hierarchy.ini <c>[Console MACHINE] Site=</c>
/// (an optional key); without it, a console older than every SMS 2.0 site is reported, and one older
/// than only some of them gets a "cannot tell" note.
/// </summary>
public sealed class RemoteConsoleOlderThanSite() : Rule(new() { Id = "SMS5013", Title = "A remote SMS Administrator console is older than its site", Level = Level.Warning, Kb = ["Q238780"], Tags = [RuleTag.VersionMismatch, RuleTag.Upgrade, RuleTag.Console], Precision = Precision.Medium })
{
    /// <summary>The console's newest binary: the level it was last upgraded to.</summary>
    private sealed record Console(string Machine, LoadedFile File, SmsVersion Version);

    public override void Check(RuleContext context)
    {
        var sites = context.Model.Sites.All
            .Where(s => s.Effective?.Version is { Major: 2 } v && !v.IsPackagingVersion)
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .ToList();
        if (sites.Count == 0)
        {
            return;
        }

        var declared = DeclaredSites(context.Model.Hierarchy);
        foreach (var console in Consoles(context.Model))
        {
            var level = SharedLogonPoints.LevelLabel(context.Catalog, console.Version);
            var binary = Evidence.Whole(console.File, $"File version '{console.Version.ToFileVersionString()}' ({level}).");
            var primary = binary;
            if (declared.TryGetValue(console.Machine, out var entry))
            {
                // The declaration is the text about this console; the binary stays a related location.
                if (context.Model.Sites.Find(entry.Value.Text.Trim()) is { Effective.Version: { } sv } site && Older(console.Version, sv))
                {
                    Report(context, console, level, [site], Evidence.At(context.Model.Hierarchy.File!, entry.Value, $"hierarchy.ini: console '{console.Machine}' administers site {site.Code}."), [binary]);
                }

                continue;
            }

            var newer = sites.Where(s => Older(console.Version, s.Effective!.Version!.Value)).ToList();
            if (newer.Count == 0)
            {
                continue;
            }

            // No declaration: the result goes on the text that gives the version of the newer site.
            primary = TextAnchor.ForSiteBinary(context.Model, console.File, newer[0].Code, hotfixes: false);
            if (newer.Count == sites.Count)
            {
                Report(context, console, level, newer, primary, [binary]);
                continue;
            }

            context.Report(
                $"A remote SMS Administrator console is older than its site: cannot tell for console '{console.Machine}' at '{console.Version.ToFileVersionString()}' ({level}), older than {PreSp2HotfixesJoin(newer)} but not every site, because hierarchy.ini has no '[Console {console.Machine}] Site='.",
                primary,
                $"console:{console.Machine.ToUpperInvariant()}",
                [binary, .. newer.Select(s => SharedLogonPoints.Of(s.Effective!))],
                Level.Note,
                help: $"Declare the site the console administers with '[Console {console.Machine}] Site=' in hierarchy.ini, and upgrade the console if that site is newer.");
        }
    }

    private static void Report(RuleContext context, Console console, string level, List<SiteInfo> newer, Evidence primary, List<Evidence> related)
    {
        related.AddRange(newer.Select(s => SharedLogonPoints.Of(s.Effective!)));
        context.Report(
            $"A remote SMS Administrator console is older than its site: console '{console.Machine}' is at '{console.Version.ToFileVersionString()}' ({level}), older than {PreSp2HotfixesJoin(newer)}.",
            primary,
            $"console:{console.Machine.ToUpperInvariant()}",
            related,
            help: $"Run SMS Setup from the site's service pack source on '{console.Machine}' to upgrade the SMS Administrator console, then apply the same hotfixes as on the site.");
    }


    private static string PreSp2HotfixesJoin(List<SiteInfo> sites) =>
        (sites.Count == 1 ? "site " : "sites ") + PreSp2Hotfixes.JoinAnd(sites.Select(s => $"'{s.Code}' at '{s.Effective!.Raw}'"));

    /// <summary>A build or service pack difference with the console behind; hotfix-only differences are not reported.</summary>
    private static bool Older(SmsVersion console, SmsVersion site) =>
        console < site && SmsVersion.Classify(console, site) is VersionDifference.Build or VersionDifference.ServicePack or VersionDifference.Release;

    /// <summary>
    /// Console folders: binaries under <c>SMS\bin\&lt;platform&gt;</c> on a drive share, not under
    /// <c>MS\SMS</c> (the client), with a readable version that names an SMS 2.0 build.
    /// </summary>
    private static List<Console> Consoles(SnapshotModel model)
    {
        var best = new SortedDictionary<string, Console>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in model.Files)
        {
            var f = file.File;
            if (f.ShareKind != ShareKind.ClientDrive || file.Kind != FileKind.Binary || !IsConsolePath(f.Segments)
                || file.Version is not { Status: PeVersionStatus.Ok, FileVersion: { Length: 4 } fv })
            {
                continue;
            }

            var v = new SmsVersion(fv[0], fv[1], fv[2], fv[3]);
            if (v.Major != 2 || v.IsPackagingVersion)
            {
                continue;
            }

            if (!best.TryGetValue(f.Machine, out var current) || v > current.Version
                || (v == current.Version && string.CompareOrdinal(file.Path, current.File.Path) < 0))
            {
                best[f.Machine] = new Console(f.Machine, file, v);
            }
        }

        return [.. best.Values];
    }

    private static bool IsConsolePath(string[] segments)
    {
        for (var i = 0; i + 2 < segments.Length; i++)
        {
            if (segments[i].Equals("SMS", StringComparison.OrdinalIgnoreCase)
                && segments[i + 1].Equals("bin", StringComparison.OrdinalIgnoreCase)
                && (i == 0 || !segments[i - 1].Equals("MS", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>hierarchy.ini <c>[Console MACHINE] Site=CODE</c>, by machine.</summary>
    private static Dictionary<string, IniEntry> DeclaredSites(HierarchyFacts hierarchy)
    {
        var result = new Dictionary<string, IniEntry>(StringComparer.OrdinalIgnoreCase);
        if (hierarchy.File?.As<IniDocument>() is not { } doc)
        {
            return result;
        }

        foreach (var section in doc.Sections)
        {
            var name = section.Name.Trim();
            if (name.StartsWith("Console ", StringComparison.OrdinalIgnoreCase) && section.Get("Site") is { } site && site.Value.Text.Trim().Length > 0)
            {
                result.TryAdd(name["Console ".Length..].Trim(), site);
            }
        }

        return result;
    }
}

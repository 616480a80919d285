using SmsLint.Catalog;
using SmsLint.Rules.Capture;
using SmsLint.Rules.CopyLog;

namespace SmsLint.Planning;

/// <summary>
/// The file-time half of Q261931's NOTE for one logon point: a Copylog.tcf last written before a
/// site's hotfixed Nt_logon.dll was written cannot have been rewritten by the fixed Logon Server
/// Manager. Reads the last-write times capture.json records (contract §7).
/// </summary>
public static class CopyLogTimes
{
    /// <summary>
    /// How the times stand. <see cref="ReadinessStatus.Ready"/>: Copylog.tcf is no older than any
    /// hotfixed Nt_logon.dll of the sites; <see cref="ReadinessStatus.NotReady"/>: it is older than one;
    /// <see cref="ReadinessStatus.CannotTell"/>: no time to compare (no manifest, a file not listed, or
    /// no site server whose Nt_logon.dll proves the fix). <see cref="Verdict.Text"/> is a clause.
    /// </summary>
    public sealed record Verdict(ReadinessStatus Status, string Text, IReadOnlyList<Evidence> Evidence, string? Proof);

    public static Verdict Judge(SnapshotModel model, SmsCatalog catalog, LoadedFile copyLog, IEnumerable<DomainSite> sites)
    {
        var dlls = new List<(SiteInfo Site, CatalogHotfix Hotfix, LoadedFile Dll, SmsVersion Version)>();
        foreach (var site in sites)
        {
            if (site.Version is not { Major: 2 } v)
            {
                continue;
            }

            foreach (var (hotfix, dll, version) in CopyLogOlderThanHotfix.HotfixedNtLogon(site.Site, v.Build, catalog))
            {
                dlls.Add((site.Site, hotfix, dll, version));
            }
        }

        if (dlls.Count == 0)
        {
            return new Verdict(ReadinessStatus.CannotTell,
                "file times are not compared: no site server in the snapshot has a hotfixed 'Nt_logon.dll' to compare with", [],
                "Capture the site servers' 'SMS\\bin\\i386\\Nt_logon.dll' with 'smslint capture', which records file times.");
        }

        var copyTime = model.CaptureFacts(copyLog)?.LastWrite;
        var unknown = dlls.Where(d => model.CaptureFacts(d.Dll)?.LastWrite is null).Select(d => d.Dll).ToList();
        if (copyTime is null || unknown.Count > 0)
        {
            var files = copyTime is null ? unknown.Prepend(copyLog) : unknown;
            return new Verdict(ReadinessStatus.CannotTell,
                $"file times are not compared because {CaptureFacts.Unknown(model, files.Distinct(), "last-write time")}", [],
                "Capture the logon point and the site servers with 'smslint capture', which records the last-write times, or compare the files' modified times.");
        }

        var older = dlls.Where(d => copyTime.Value < model.CaptureFacts(d.Dll)!.LastWrite!.Value).ToList();
        if (older.Count > 0)
        {
            var first = older[0];
            var dllTime = model.CaptureFacts(first.Dll)!.LastWrite!.Value;
            var evidence = new List<Evidence>();
            if (CaptureFacts.ManifestLine(model, copyLog, $"capture.json: Copylog.tcf last written {CaptureFacts.Time(copyTime.Value)}.") is { } line)
            {
                evidence.Add(line);
            }

            foreach (var d in older)
            {
                var t = model.CaptureFacts(d.Dll)!.LastWrite!.Value;
                evidence.Add(Evidence.Whole(d.Dll, $"'Nt_logon.dll' {d.Version.ToFileVersionString()} of hotfix {d.Hotfix.Id} on site '{d.Site.Code}', last written {CaptureFacts.Time(t)}."));
            }

            return new Verdict(ReadinessStatus.NotReady,
                $"the file was last written {CaptureFacts.Time(copyTime.Value)}, before site '{first.Site.Code}''s hotfixed 'Nt_logon.dll' {first.Version.ToFileVersionString()} ({first.Hotfix.Id}, {CaptureFacts.Time(dllTime)})",
                evidence, null);
        }

        var newest = dlls.Max(d => model.CaptureFacts(d.Dll)!.LastWrite!.Value);
        var proof = new List<Evidence>();
        if (CaptureFacts.ManifestLine(model, copyLog, $"capture.json: Copylog.tcf last written {CaptureFacts.Time(copyTime.Value)}.") is { } own)
        {
            proof.Add(own);
        }

        return new Verdict(ReadinessStatus.Ready,
            $"by file times too, it was last written {CaptureFacts.Time(copyTime.Value)}, after the newest hotfixed 'Nt_logon.dll' ({CaptureFacts.Time(newest)})",
            proof, null);
    }
}

using SmsLint.Binaries;
using SmsLint.Catalog;
using SmsLint.Rules.Capture;

namespace SmsLint.Rules.CopyLog;

/// <summary>
/// Q261931 (NOTE): after the pre-SP2 Copylog.tcf fix (Q251070 for build 1239, Q249077 for SP1)
/// replaces Nt_logon.dll on a site, "you must wait until the Copylog.tcf file is updated on each
/// Logon Point before installing SP2". A Copylog.tcf last written before the site's hotfixed
/// Nt_logon.dll was itself written cannot have been rewritten by the fixed Logon Server Manager.
/// </summary>
public sealed class CopyLogOlderThanHotfix() : Rule(new() { Id = "SMS1012", Title = "Copylog.tcf has not been rewritten since a site's hotfixed Nt_logon.dll", Level = Level.Warning, Kb = ["Q261931", "Q251070", "Q249077"], Tags = [RuleTag.CopyLog, RuleTag.SharedLogonPoint, RuleTag.MissingHotfix, RuleTag.Capture], Precision = Precision.Medium })
{
    public override void Check(RuleContext context)
    {
        var model = context.Model;
        var checkedAny = false;
        foreach (var domain in CopyLogDomain.All(model))
        {
            // The wait only matters where sites share the logon points.
            if (domain.Sites.Count < 2)
            {
                continue;
            }

            foreach (var (site, claim) in domain.Sites)
            {
                if (claim?.Version is not { Major: 2 } version)
                {
                    continue;
                }

                foreach (var (hotfix, dll, dllVersion) in HotfixedNtLogon(site, version.Build, context.Catalog))
                {
                    checkedAny = true;
                    CheckSite(context, domain, site, hotfix, dll, dllVersion);
                }
            }
        }

        if (checkedAny)
        {
            CaptureGaps.CannotTell(context, "Copylog.tcf not rewritten since the pre-SP2 hotfix", "SMSLOGON");
        }
    }

    private void CheckSite(RuleContext context, CopyLogDomain domain, SiteInfo site, CatalogHotfix hotfix, LoadedFile dll, SmsVersion dllVersion)
    {
        var model = context.Model;
        var dllTime = model.CaptureFacts(dll)?.LastWrite;
        var unknown = new List<LoadedFile>();
        foreach (var lp in domain.LogonPoints)
        {
            if (lp.CopyLogFile is not { } copyLog)
            {
                continue;
            }

            var copyTime = model.CaptureFacts(copyLog)?.LastWrite;
            if (dllTime is null || copyTime is null)
            {
                unknown.Add(copyLog);
                continue;
            }

            if (copyTime >= dllTime)
            {
                continue;
            }

            var related = new List<Evidence>
            {
                Evidence.Whole(dll, $"'{dll.File.FileName}' {dllVersion.ToFileVersionString()} of hotfix {hotfix.Id}, last written {CaptureFacts.Time(dllTime.Value)}."),
            };
            AddIfAny(related, CaptureFacts.ManifestLine(model, copyLog, $"capture.json: Copylog.tcf last written {CaptureFacts.Time(copyTime.Value)}."));
            AddIfAny(related, CaptureFacts.ManifestLine(model, dll, $"capture.json: Nt_logon.dll last written {CaptureFacts.Time(dllTime.Value)}."));
            context.Report(
                $"Copylog.tcf not rewritten since the pre-SP2 hotfix: '{lp.Machine}' was last written {CaptureFacts.Time(copyTime.Value)}, before '{site.Code}' got 'Nt_logon.dll' {dllVersion.ToFileVersionString()} ({hotfix.Id}) at {CaptureFacts.Time(dllTime.Value)}.",
                Evidence.Start(copyLog, $"Last written {CaptureFacts.Time(copyTime.Value)}."),
                $"older:{lp.Machine.ToUpperInvariant()}:{site.Code}",
                related,
                help: $"Wait until the fixed Logon Server Manager has rewritten Copylog.tcf on '{lp.Machine}' before upgrading any site of {domain.Description} to SP2 (Q261931).");
        }

        if (unknown.Count > 0)
        {
            var names = PreSp2Hotfixes.JoinAnd(unknown.Select(f => $"'{f.File.Machine}'"));
            var files = dllTime is null ? unknown.Prepend(dll) : unknown;
            context.Report(
                $"Copylog.tcf not rewritten since the pre-SP2 hotfix: cannot tell for {names} of {domain.Description} after '{site.Code}' got 'Nt_logon.dll' {dllVersion.ToFileVersionString()} ({hotfix.Id}), because {CaptureFacts.Unknown(model, files, "last-write time")}.",
                Evidence.Start(unknown[0], "The last-write time of this file is not known."),
                $"older-unknown:{domain.Description.ToUpperInvariant()}:{site.Code}",
                [.. unknown.Skip(1).Select(f => Evidence.Start(f, "The last-write time of this file is not known.")), Evidence.Whole(dll, $"'{dll.File.FileName}' {dllVersion.ToFileVersionString()} of hotfix {hotfix.Id}.")],
                Level.Note,
                help: "Capture with 'smslint capture', which records file times, or compare the files' modified times: no site may go to SP2 until Copylog.tcf was rewritten after the hotfix (Q261931).");

        }
    }

    private static void AddIfAny(List<Evidence> list, Evidence? evidence)
    {
        if (evidence is { } e)
        {
            list.Add(e);
        }
    }

    /// <summary>
    /// The site servers' Nt_logon.dll files whose version proves a pre-SP2 Copylog.tcf fix of the
    /// site's build (at least the hotfix version, still within that build).
    /// </summary>
    public static IEnumerable<(CatalogHotfix Hotfix, LoadedFile Dll, SmsVersion Version)> HotfixedNtLogon(SiteInfo site, int build, SmsCatalog catalog)
    {
        foreach (var hotfix in catalog.RequiredBeforeSp2(build).Where(h => !h.IsSupersededAt(build)))
        {
            foreach (var spec in hotfix.Files.Where(f => f.Name.Equals("Nt_logon.dll", StringComparison.OrdinalIgnoreCase) && f.Proof == ProofKind.Version && f.MinVersion is not null))
            {
                foreach (var server in site.SiteServers)
                {
                    var dll = server.Find($"bin/{spec.Platform}/Nt_logon.dll");
                    if (dll is { IsPlaceholder: false, Version: { Status: PeVersionStatus.Ok, FileVersion: { Length: 4 } fv } })
                    {
                        var v = new SmsVersion(fv[0], fv[1], fv[2], fv[3]);
                        if (v.Build == build && v >= spec.MinVersion!.Value)
                        {
                            yield return (hotfix, dll, v);
                        }
                    }
                }
            }
        }
    }
}

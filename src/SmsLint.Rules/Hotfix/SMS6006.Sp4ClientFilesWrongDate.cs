using System.Globalization;
using SmsLint.Binaries;
using SmsLint.Catalog;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Model;
using SmsLint.Rules.Capture;

namespace SmsLint.Rules.Hotfix;

/// <summary>
/// Q323652: the first non-English SMS 2.0 SP4 download shipped CliCore.exe and CcmCore.exe with a
/// modified date a year too early (2001-01-18 instead of 2002-01-18). Version and size cannot tell
/// the faulty files from the re-released ones, only the date can, so the rule reads the last-write
/// times capture.json records; without them it says it cannot tell.
/// </summary>
public sealed class Sp4ClientFilesWrongDate() : Rule(new() { Id = "SMS6006", Title = "An SP4 site distributes the wrongly dated client files of the first non-English SP4 download", Level = Level.Warning, Kb = ["Q323652"], Tags = [RuleTag.MissingHotfix, RuleTag.ClientInstallation, RuleTag.Capture], Precision = Precision.Medium })
{
    /// <summary>The catalog entry whose files carry the date proof.</summary>
    public const string HotfixId = "Q323652";

    public override void Check(RuleContext context)
    {
        if (context.Catalog.FindHotfix(HotfixId) is not { } hotfix)
        {
            return;
        }

        var specs = hotfix.Files.Where(f => f.Proof == ProofKind.Date && f.Date is not null).ToList();
        if (specs.Count == 0)
        {
            return;
        }

        var model = context.Model;
        foreach (var site in model.Sites.All.OrderBy(s => s.Code, StringComparer.Ordinal))
        {
            if (site.Effective?.Version is not { Major: 2 } version
                || hotfix.AppliesToBuild is { } build && version.Build != build
                || hotfix.AppliesToServicePack is { } sp && version.ServicePackDigit != sp)
            {
                continue;
            }

            foreach (var server in site.SiteServers)
            {
                CheckServer(context, model, hotfix, specs, site, server);
            }
        }
    }

    private void CheckServer(RuleContext context, SnapshotModel model, CatalogHotfix hotfix, List<HotfixFile> specs, SiteInfo site, SiteServer server)
    {
        var unknown = new List<LoadedFile>();
        foreach (var spec in specs)
        {
            var file = server.Find($"inboxes/clicomp.src/base/{spec.Platform}/{spec.Name}")
                ?? server.Under("inboxes/clicomp.src/base").FirstOrDefault(f => f.File.FileName.Equals(spec.Name, StringComparison.OrdinalIgnoreCase));
            if (file is null || file.IsPlaceholder || !IsThisFile(file, spec))
            {
                continue;
            }

            if (model.CaptureFacts(file)?.LastWrite is not { } written)
            {
                unknown.Add(file);
                continue;
            }

            var date = DateOnly.FromDateTime(written);
            var tolerance = spec.DateToleranceDays ?? 0;
            if (spec.WrongDate is { } wrong && Math.Abs(date.DayNumber - wrong.DayNumber) <= tolerance)
            {
                var related = new List<Evidence>();
                if (CaptureFacts.ManifestLine(model, file, $"capture.json: '{spec.Name}' last written {CaptureFacts.Time(written)}.") is { } line)
                {
                    related.Add(line);
                }

                context.Report(
                    $"Site '{site.Code}' ({site.Effective!.Raw}) distributes '{spec.Name}' dated {Day(date)}, the date of the faulty first non-English SP4 download, not the re-released file of {Day(spec.Date!.Value)}, so SP3 logon points are not updated with the SP4 client files and new logon-installed clients fail (Q323652).",
                    Evidence.Whole(file, $"Last written {CaptureFacts.Time(written)}."),
                    $"wrong-date:{site.Code}:{spec.Name.ToUpperInvariant()}",
                    related);
            }
        }

        if (unknown.Count > 0)
        {
            var names = PreSp2Hotfixes.JoinAnd(unknown.Select(f => $"'{f.File.FileName}'"));
            context.Report(
                $"Site '{site.Code}' ({site.Effective!.Raw}) distributes {names}, and SmsLint cannot tell whether {(unknown.Count == 1 ? "it is" : "they are")} the faulty files of the first non-English SP4 download (dated {Day(specs[0].WrongDate ?? specs[0].Date!.Value)}) or the re-released ones ({Day(specs[0].Date!.Value)}) because {CaptureFacts.Unknown(model, unknown, "last-write time")}; only the date tells them apart (Q323652). Capture with 'smslint capture', which records file times, or compare the files' modified dates.",
                Evidence.Whole(unknown[0], "The last-write time of this file is not known."),
                $"date-unknown:{site.Code}",
                [.. unknown.Skip(1).Select(f => Evidence.Whole(f, "The last-write time of this file is not known."))],
                Level.Note);
        }
    }

    /// <summary>A readable version that is not the catalog's means another file; an unreadable one is judged by name.</summary>
    private static bool IsThisFile(LoadedFile file, HotfixFile spec)
    {
        if (file.Version is not { Status: PeVersionStatus.Ok, FileVersion: { Length: 4 } fv })
        {
            return true;
        }

        var v = new SmsVersion(fv[0], fv[1], fv[2], fv[3]);
        return spec.ExactVersion is { } exact ? v == exact : spec.MinVersion is not { } min || v >= min;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

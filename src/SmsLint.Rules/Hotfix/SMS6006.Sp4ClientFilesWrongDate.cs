using System.Globalization;
using SmsLint.Binaries;
using SmsLint.Catalog;
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
                // The capture.json line that records the date is the text an editor opens; the binary is related.
                var binary = Evidence.Whole(file, $"The file, last written {CaptureFacts.Time(written)}.");
                var primary = CaptureFacts.ManifestLine(model, file, $"capture.json: '{spec.Name}' last written {CaptureFacts.Time(written)}.")
                    ?? TextAnchor.ForBinary(model, file);
                context.Report(
                    $"SP4 client file carries the faulty download's date: '{spec.Name}' of site '{site.Code}' ({site.Effective!.Raw}) is dated {Day(date)}, the re-released file {Day(spec.Date!.Value)}.",
                    primary,
                    $"wrong-date:{site.Code}:{spec.Name.ToUpperInvariant()}",
                    [binary],
                    help: $"Replace the SP4 client files of site '{site.Code}' with those of the re-released download (dated {Day(spec.Date!.Value)}), so that SP3 logon points get the SP4 client files and logon installation works (Q323652).");
            }
        }

        if (unknown.Count > 0)
        {
            var names = PreSp2Hotfixes.JoinAnd(unknown.Select(f => $"'{f.File.FileName}'"));
            context.Report(
                $"SP4 client file carries the faulty download's date: cannot tell for {names} of site '{site.Code}' ({site.Effective!.Raw}), because {CaptureFacts.Unknown(model, unknown, "last-write time")}.",
                TextAnchor.ForBinary(model, unknown[0]),
                $"date-unknown:{site.Code}",
                [.. unknown.Select(f => Evidence.Whole(f, "The last-write time of this file is not known."))],
                Level.Note,
                help: $"Only the date tells the faulty files of the first non-English SP4 download (dated {Day(specs[0].WrongDate ?? specs[0].Date!.Value)}) from the re-released ones ({Day(specs[0].Date!.Value)}): capture with 'smslint capture', which records file times, or compare the files' modified dates.");
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

using SmsLint.Parsing.CopyLog;

namespace SmsLint.Rules.CopyLog;

/// <summary>
/// The Copylog.tcf of a backup domain controller disagrees with the PDC's, which is the
/// master copy (Q264976). Needs hierarchy.ini's [Domain] PDC and Controllers.
/// </summary>
public sealed class CopyLogDiffersAcrossDcs() : Rule(new() { Id = "SMS1009", Title = "Copylog.tcf on a domain controller differs from the PDC's", Level = Level.Warning, Kb = ["Q264976"], Tags = [RuleTag.SharedLogonPoint, RuleTag.CopyLog, RuleTag.Replication], Precision = Precision.High })
{
    /// <summary>At most this many PDC lines are listed as related locations of one finding.</summary>
    private const int MaxRelatedLines = 10;

    public override void Check(RuleContext context)
    {
        foreach (var domain in context.Model.Hierarchy.Domains.Values)
        {
            var logonPoints = context.Model.LogonPointsOf(domain);
            if (domain.Pdc?.Value.Text is not { Length: > 0 } pdcName
                || logonPoints.Count < 2
                || !logonPoints[0].Machine.Equals(pdcName, StringComparison.OrdinalIgnoreCase)
                || logonPoints[0] is not { CopyLogFile: { } pdcFile, CopyLog: { HasFileSource: true } pdcDoc } pdc)
            {
                continue;
            }

            var master = FirstByKey(pdcDoc);
            foreach (var bdc in logonPoints.Skip(1))
            {
                if (bdc is { CopyLogFile: { } file, CopyLog: { HasFileSource: true } doc })
                {
                    Compare(context, domain.Name, pdc, pdcFile, pdcDoc, master, bdc, file, doc);
                }
            }
        }

        Capture.CaptureGaps.CannotTell(context, "Copylog.tcf differs from the PDC's copy", "SMSLOGON");
    }

    private static void Compare(
        RuleContext context,
        string domain,
        LogonPoint pdc,
        LoadedFile pdcFile,
        CopyLogDocument pdcDoc,
        Dictionary<string, CopyLogEntry> master,
        LogonPoint bdc,
        LoadedFile file,
        CopyLogDocument doc)
    {
        var copy = FirstByKey(doc);
        var remedy = $"Copy the PDC's 'SMSLOGON\\Config\\{pdcFile.File.FileName}' to '{bdc.Machine}', or start the senior site's Logon Server Manager cycle, which updates the PDC first and then every other logon point of the domain.";
        var extra = new List<CopyLogEntry>();
        foreach (var entry in copy.Values.OrderBy(e => e.Span.Start))
        {
            if (!master.TryGetValue(entry.Key, out var pdcEntry))
            {
                extra.Add(entry);
                continue;
            }

            if (!pdcEntry.Code.Text.Equals(entry.Code.Text, StringComparison.OrdinalIgnoreCase))
            {
                context.Report(
                    $"Copylog.tcf differs from the PDC's copy: '{bdc.Machine}' credits '{entry.Path.Text}' to '{entry.Code.Text}', PDC '{pdc.Machine}' of domain '{domain}' to '{pdcEntry.Code.Text}'.",
                    Evidence.At(file, entry.Code),
                    $"differs:{domain}:{entry.Key}",
                    [Evidence.At(pdcFile, pdcEntry.Span, $"The PDC's line for '{pdcEntry.Path.Text}'.")],
                    help: remedy);
            }
        }

        var missing = master.Values.Where(e => !copy.ContainsKey(e.Key)).OrderBy(e => e.Span.Start).ToList();
        if (missing.Count > 0)
        {
            var core = missing.Any(e => CopyLogCoreLinesMissing.CoreFiles.Contains(e.Key, StringComparer.OrdinalIgnoreCase))
                ? "cannot find the site of the bootstrap files"
                : "cannot tell which site supplied those files";
            context.Report(
                $"Copylog.tcf differs from the PDC's copy: '{bdc.Machine}' lacks {Lines(missing)} that PDC '{pdc.Machine}' of domain '{domain}' has ({Names(missing)}), so its clients {core}.",
                Evidence.At(file, doc.FileSourceHeaders[0].Span),
                $"missing-on-bdc:{domain}",
                [.. missing.Take(MaxRelatedLines).Select(e => Evidence.At(pdcFile, e.Span, $"The PDC has '{CopyLogSites.Describe(e)}'."))],
                help: remedy);

        }

        if (extra.Count > 0)
        {
            context.Report(
                $"Copylog.tcf differs from the PDC's copy: '{bdc.Machine}' has {Lines(extra)} that PDC '{pdc.Machine}' of domain '{domain}' lacks ({Names(extra)}).",
                Evidence.At(file, extra[0].Span),
                $"extra-on-bdc:{domain}",
                [Evidence.At(pdcFile, pdcDoc.FileSourceHeaders[0].Span, $"The PDC's [FILE SOURCE] section has no line for '{extra[0].Path.Text}'.")],
                help: "Logon Server Manager copies the PDC's file to every logon point, so either these lines are stale here or the PDC's copy has lost them: check the PDC's copy first and, if it is right, " + char.ToLowerInvariant(remedy[0]) + remedy[1..]);

        }
    }

    private static Dictionary<string, CopyLogEntry> FirstByKey(CopyLogDocument doc)
    {
        var map = new Dictionary<string, CopyLogEntry>(StringComparer.Ordinal);
        foreach (var entry in doc.FileSource)
        {
            map.TryAdd(entry.Key, entry);
        }

        return map;
    }

    private static string Lines(List<CopyLogEntry> entries) => entries.Count == 1 ? "1 [FILE SOURCE] line" : $"{entries.Count} [FILE SOURCE] lines";

    private static string Names(List<CopyLogEntry> entries) =>
        string.Join(", ", entries.Take(3).Select(e => $"'{e.Path.Text}'")) + (entries.Count > 3 ? $" and {entries.Count - 3} more" : string.Empty);
}

using SmsLint.Rules.Capture;

namespace SmsLint.Rules.CopyLog;

/// <summary>
/// Q264630's workaround makes Copylog.tcf on the PDC read-only while sites of a domain are at
/// different versions, and says to restore the permissions once every site is at SP2. A Copylog.tcf
/// that capture.json records as read-only on a logon point whose sites are all at SP2 or later is the
/// workaround left in place: Logon Server Manager can no longer update the file.
/// </summary>
public sealed class CopyLogReadOnlyAfterSp2() : Rule(new() { Id = "SMS1011", Title = "Copylog.tcf is still read-only after every site of the domain reached SP2", Level = Level.Warning, Kb = ["Q264630", "Q264976"], Tags = [RuleTag.CopyLog, RuleTag.SharedLogonPoint, RuleTag.Capture], Precision = Precision.Medium })
{
    /// <summary>The build of SMS 2.0 SP2 (SP3 and SP4 share it).</summary>
    public const int Sp2Build = 1493;

    public override void Check(RuleContext context)
    {
        var model = context.Model;
        var checkedAny = false;
        foreach (var domain in CopyLogDomain.All(model))
        {
            // Every site must name an SMS 2.0 build at SP2 or later; an unknown version leaves the rollout open.
            if (domain.Sites.Count == 0 || domain.Sites.Any(s => s.Claim?.Version is not { Major: 2 } v || v.Build < Sp2Build))
            {
                continue;
            }

            checkedAny = true;

            var unknown = new List<LoadedFile>();
            foreach (var lp in domain.LogonPoints)
            {
                if (lp.CopyLogFile is not { } copyLog)
                {
                    continue;
                }

                var facts = model.CaptureFacts(copyLog);
                if (facts?.ReadOnly is not { } readOnly)
                {
                    unknown.Add(copyLog);
                    continue;
                }

                if (!readOnly)
                {
                    continue;
                }

                var related = new List<Evidence>();
                if (CaptureFacts.ManifestLine(model, copyLog, "capture.json records the file as read-only.") is { } line)
                {
                    related.Add(line);
                }

                related.AddRange(domain.SiteEvidence());
                context.Report(
                    $"Copylog.tcf left read-only after SP2 (Q264630 workaround): '{lp.Machine}' is read-only, and every site of {domain.Description} ({domain.SitesText}) is at SP2 or later.",
                    Evidence.Start(copyLog, "capture.json records this file as read-only."),
                    $"readonly:{lp.Machine.ToUpperInvariant()}",
                    related,
                    help: $"Restore the original permissions of Copylog.tcf on '{lp.Machine}' so that Logon Server Manager can update it again.");
            }

            // The note only where the workaround can have been applied: logon points shared by several sites.
            if (unknown.Count > 0 && domain.Sites.Count >= 2)
            {
                var names = PreSp2Hotfixes.JoinAnd(unknown.Select(f => $"'{f.File.Machine}'"));
                context.Report(
                    $"Copylog.tcf left read-only after SP2 (Q264630 workaround): cannot tell for {names} of {domain.Description}, all of whose sites are at SP2 or later, because {CaptureFacts.Unknown(model, unknown, "read-only attribute")}.",
                    Evidence.Start(unknown[0], "The read-only attribute of this file is not known."),
                    $"readonly-unknown:{domain.Description.ToUpperInvariant()}",
                    [.. unknown.Skip(1).Select(f => Evidence.Start(f, "The read-only attribute of this file is not known.")), .. domain.SiteEvidence()],
                    Level.Note,
                    help: "Capture with 'smslint capture', which records the read-only attribute, or check the file's permissions on each logon point.");

            }
        }

        if (checkedAny)
        {
            CaptureGaps.CannotTell(context, "Copylog.tcf left read-only after SP2 (Q264630 workaround)", "SMSLOGON");
        }
    }
}

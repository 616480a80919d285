using SmsLint.Parsing.Batch;
using SmsLint.Parsing.Ini;

namespace SmsLint.Rules.LogonScript;

/// <summary>
/// An SMS 1.2 Smsls.bat without the SP4 <c>check20</c> test in NETLOGON or REPL$ where
/// the snapshot shows SMS 2.0 on the same machine or in the same domain (Q199987, Q199267).
/// </summary>
public sealed class MissingSms20Interop() : Rule(new() { Id = "SMS3004", Title = "An SMS 1.2 logon script without the check20 test runs where SMS 2.0 clients log on", Level = Level.Error, Kb = ["Q199987", "Q199267"], Tags = [RuleTag.LogonScript, RuleTag.VersionMismatch], Precision = Precision.High })
{
    private const int MaxClients = 3;

    public override void Check(RuleContext context)
    {
        var model = context.Model;
        foreach (var share in model.ScriptShares)
        {
            if (share.SmslsBat is not { } file || file.As<BatchDocument>() is not { } doc)
            {
                continue;
            }

            var markers = BatchFacts.Sms12Markers(doc);
            if (markers.Count == 0 || BatchFacts.Check20Calls(doc).Any())
            {
                continue;
            }

            var (what, evidence) = Sms20Evidence(model, share.Machine);
            if (evidence.Count == 0)
            {
                continue;
            }

            var primary = markers.FirstOrDefault(m => m.What.StartsWith(':')) is { What: not null } label ? label : markers[0];
            var shown = string.Join(" and ", markers.Select(m => m.What).Distinct(StringComparer.OrdinalIgnoreCase).Take(2).Select(m => $"'{m}'"));
            var related = markers.Where(m => m != primary).Take(2).Select(m => Evidence.At(file, m.Span, "SMS 1.2 logon script marker.")).ToList();
            related.AddRange(evidence);
            context.Report(
                $"SMS 1.2 logon script lacks the check20 test for SMS 2.0 clients: '{file.File.FileName}' ({LogonScripts.Role(file)}) has {shown}, and SMS 2.0 is present ({what}).",
                Evidence.At(file, primary.Span, "SMS 1.2 logon script marker."),
                $"sms12-without-check20:{share.Root.ToUpperInvariant()}",
                related,
                help: "Apply SMS 1.2 SP4 to the 1.2 site, or copy Smsls12a.bat (renamed to Smsls.bat), Check20.exe and Checkver.exe from the SMS 2.0 CD to Repl\\Export\\Scripts on the 1.2 site server (a customised script needs the check20 lines added by hand, Q199987), and on the SMS 2.0 site use NT_Logon_Interop.pcf in place of NT_Logon.pcf in SMS\\Data\\Nt_logon (Q199267): otherwise an SMS 2.0 client that runs the script is treated as an SMS 1.2 client and gets its 2.0 software replaced.");

        }
    }

    /// <summary>
    /// SMS 2.0 on the machine or in its domain: an SMSLOGON share on the machine or on another
    /// controller of a hierarchy.ini domain that lists it; a declared 2.0 site managing that domain;
    /// and, for a machine that no domain lists (the snapshot is then taken as one domain),
    /// SMS 2.0 clients whose Smscfg.ini counts at least one Opal installation.
    /// </summary>
    private static (string What, List<Evidence> Evidence) Sms20Evidence(SnapshotModel model, string machine)
    {
        var what = new List<string>();
        var evidence = new List<Evidence>();
        var seen = new HashSet<LogonPoint>();

        void AddLogonPoint(LogonPoint lp, string how)
        {
            if (!seen.Add(lp) || (lp.CopyLogFile ?? lp.Files.FirstOrDefault()) is not { } shown)
            {
                return;
            }

            what.Add($"the SMS 2.0 logon point '{lp.Root}' {how}");
            evidence.Add(Evidence.Start(shown, $"SMS 2.0 logon point '{lp.Root}' {how}."));
        }

        foreach (var lp in model.LogonPoints.Where(l => l.Machine.Equals(machine, StringComparison.OrdinalIgnoreCase)))
        {
            AddLogonPoint(lp, "on the same machine");
        }

        var domains = model.Hierarchy.DomainsOf(machine).ToList();
        foreach (var domain in domains)
        {
            foreach (var lp in model.LogonPointsOf(domain))
            {
                AddLogonPoint(lp, $"in domain '{domain.Name}'");
            }

            foreach (var site in model.Hierarchy.Sites.Values)
            {
                if (site.Domains.FirstOrDefault(d => d.Text.Equals(domain.Name, StringComparison.OrdinalIgnoreCase)) is { } token
                    && site.Version is { } v && Catalog.SmsVersion.TryParse(v.Value.Text, out var version) && version.Major == 2)
                {
                    what.Add($"SMS 2.0 site '{site.Code}' ('{v.Value.Text}') manages domain '{domain.Name}'");
                    evidence.Add(Evidence.At(site.File, token, $"hierarchy.ini: SMS 2.0 site {site.Code} manages domain '{domain.Name}'."));
                }
            }
        }

        if (domains.Count == 0)
        {
            var clients = new List<(ClientMachine Client, IniEntry Entry)>();
            foreach (var client in model.Clients)
            {
                if (client.SmsCfgFile?.As<IniDocument>()?.Get("SMS MultiBoot Configuration", "Number of Opal Installations") is { } entry
                    && int.TryParse(entry.Value.Text.Trim(), out var n) && n > 0)
                {
                    clients.Add((client, entry));
                }
            }

            if (clients.Count > 0)
            {
                var names = string.Join(", ", clients.Take(MaxClients).Select(c => $"'{c.Client.Machine}'")) + (clients.Count > MaxClients ? $" and {clients.Count - MaxClients} more" : string.Empty);
                what.Add($"SMS 2.0 client(s) {names} in the snapshot");
                evidence.AddRange(clients.Take(MaxClients).Select(c => Evidence.At(c.Client.SmsCfgFile!, c.Entry.Span, $"SMS 2.0 client '{c.Client.Machine}' is assigned to an SMS 2.0 site.")));
            }
        }

        return (string.Join("; ", what), evidence);
    }
}

using SmsLint.Parsing.Batch;
using SmsLint.Rules.LogonPoints;

namespace SmsLint.Rules.LogonScript;

/// <summary>
/// The logon script still runs on a domain whose SMS 2.0 sites are mixed below SP2, or that a
/// planned upgrade will make mixed: Q238780 asks for GOTO END on every site first, because clients
/// of a site not yet upgraded get new base components from the logon point and old optional ones
/// from their CAP, and Windows 95/98 clients may hang (Q236596, Q238864).
/// </summary>
public sealed class LogonScriptStillEnabled() : Rule(new() { Id = "SMS3006", Title = "The SMS logon script still runs while the sites of its domain are mixed or about to be", Level = Level.Warning, Kb = ["Q238780", "Q236596", "Q238864", "Q237543"], Tags = [RuleTag.LogonScript, RuleTag.Upgrade, RuleTag.VersionMismatch], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        var rollout = context.Model.Rollout;
        foreach (var file in LogonScripts.All(context.Model))
        {
            if (file.As<BatchDocument>() is not { } doc || BatchFacts.IsSms12Script(doc) || IsDisabled(doc))
            {
                continue;
            }

            foreach (var domain in rollout.DomainsOfScript(file))
            {
                if (Reason(domain) is not { } reason)
                {
                    continue;
                }

                var first = LogonScriptDisabled.FirstEffective(doc) is { } statement ? Evidence.At(file, statement.Span) : Evidence.Start(file);
                var related = domain.Versioned
                    .Select(s => SharedLogonPoints.Of(s.Claim))
                    .ToList();
                context.Report(
                    $"Logon script installs clients in a mixed rollout: '{file.File.FileName}' ({LogonScripts.Role(file)}), while {domain.Description} {reason}.",
                    first,
                    $"enabled:{domain.Key}:{LogonScripts.Role(file)}",
                    related,
                    help: "Add 'GOTO END' at the top of every copy of the script (site masters, REPL$ and each domain controller's NETLOGON) before any site is upgraded, and turn it back on for a few clients at a time after all sites, CAP servers, and logon point servers are upgraded (Q238780).");

                break;
            }
        }
    }

    /// <summary>True when the first effective line is an unconditional GOTO END (SMS3001's test).</summary>
    public static bool IsDisabled(BatchDocument doc) =>
        LogonScriptDisabled.FirstEffective(doc) is { Command: GotoCommand go } && go.Target.Text.Equals("END", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why running the script is risky on the domain, as a clause, or null: sites mixed today with the
    /// newest below SP2 (build 1493), or a planned upgrade of one site while other SMS 2.0 sites share the domain.
    /// </summary>
    public static string? Reason(DomainRollout domain)
    {
        if (domain.Versioned.Count < 2)
        {
            return null;
        }

        if (domain.Upgrades.Count > 0)
        {
            var ups = domain.Upgrades.Select(u => $"'{u.Code}' from '{u.From.Raw}' to '{u.To.Site}'").ToList();
            return $"will run mixed versions during the planned upgrade of {PreSp2Hotfixes.JoinAnd(ups)}";
        }

        if (domain.Phase == RolloutPhase.Rollout && domain.NewestNow is { } newest && newest.Build < NewClientsOnlyToNewestSite.FirstSp2Build)
        {
            var sites = domain.Versioned.Select(s => $"'{s.Code}' at '{s.Claim.Raw}'").ToList();
            return $"has sites at different versions below SP2 ({PreSp2Hotfixes.JoinAnd(sites)})";
        }

        return null;
    }
}

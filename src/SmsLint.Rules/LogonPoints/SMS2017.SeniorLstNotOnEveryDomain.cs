namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// A site whose Logon Server Manager serves several domains, and a domain it shares with
/// other sites whose PDC has no Senior.lst. Q263395: LSM recycles its senior-site cache per domain,
/// so Senior.lst cannot carry the choice to other domains and must be on the PDC of each domain.
/// Reported as a warning when another domain of the site has Senior.lst, as a note when none has,
/// and as a "cannot tell" note when the PDC's Sitescfg was not captured.
/// </summary>
public sealed class SeniorLstNotOnEveryDomain() : Rule(new() { Id = "SMS2017", Title = "A multi-domain site shares a domain whose PDC has no Senior.lst", Level = Level.Warning, Kb = ["Q263395", "Q235726"], Tags = [RuleTag.SharedLogonPoint, RuleTag.SeniorSite], Precision = Precision.Medium })
{
    /// <summary>What the snapshot shows about Senior.lst on one domain's PDC.</summary>
    private sealed record PdcState(string Domain, string? Pdc, LogonPoint? LogonPoint, LoadedFile? SeniorLst)
    {
        public bool Known => LogonPoint is { } lp && lp.TopFolders.Contains("Sitescfg");
    }

    public override void Check(RuleContext context)
    {
        var model = context.Model;
        var shared = PreSp2Hotfixes.SharedDomains(model)
            .Where(d => d.Description.StartsWith("domain ", StringComparison.Ordinal))
            .ToDictionary(d => d.Description[8..^1], d => d, StringComparer.OrdinalIgnoreCase);
        var states = new Dictionary<string, PdcState>(StringComparer.OrdinalIgnoreCase);
        PdcState State(string domain)
        {
            if (!states.TryGetValue(domain, out var state))
            {
                var pdc = model.Hierarchy.Domains.GetValueOrDefault(domain.ToUpperInvariant())?.Pdc?.Value.Text;
                var lp = pdc is { Length: > 0 } ? model.LogonPoints.FirstOrDefault(l => l.Machine.Equals(pdc, StringComparison.OrdinalIgnoreCase)) : null;
                state = new PdcState(domain.ToUpperInvariant(), pdc is { Length: > 0 } ? pdc : null, lp, lp?.SeniorLst);
                states.Add(domain, state);
            }

            return state;
        }

        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var site in model.Hierarchy.Sites.Values)
        {
            var domains = site.Domains.GroupBy(d => d.Text, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
            if (domains.Count < 2)
            {
                continue;
            }

            var withSenior = domains.Where(d => State(d.Text).SeniorLst is not null).ToList();
            foreach (var token in domains)
            {
                var state = State(token.Text);
                if (state.SeniorLst is not null
                    || !shared.TryGetValue(token.Text, out var domain)
                    || domain.Members.Count < 2
                    || !reported.Add(state.Domain))
                {
                    continue;
                }

                var others = PreSp2Hotfixes.JoinAnd(domains.Where(d => d != token).Select(d => $"'{d.Text.ToUpperInvariant()}'"));
                var sharing = PreSp2Hotfixes.JoinAnd(domain.Members.Keys.Where(k => k != site.Code).Select(k => $"'{k}'"));
                var related = domain.Members.Where(m => m.Key != site.Code).Select(m => m.Value).ToList();
                related.AddRange(withSenior.Select(d => Evidence.Start(State(d.Text).SeniorLst!, $"Senior.lst on the PDC of domain '{State(d.Text).Domain}'.")));
                var primary = Evidence.At(site.File, token, $"Site {site.Code} manages domain '{state.Domain}' among others.");
                if (!state.Known)
                {
                    var why = state.Pdc is null
                        ? $"hierarchy.ini names no 'PDC=' for '[Domain {state.Domain}]'"
                        : Capture.CaptureGaps.UnreachableShare(model, state.Pdc, "SMSLOGON") is { } gap
                            ? Capture.CaptureGaps.Why(gap)
                            : $"the 'Sitescfg' folder of '{state.Pdc}/SMSLOGON' was not captured";
                    context.Report(
                        $"Senior.lst is not shown on every domain of a multi-domain site: cannot tell for domain '{state.Domain}', which site '{site.Code}' shares with {sharing} besides managing {others}, because {why}.",
                        primary,
                        $"senior-lst:{state.Domain}",
                        related,
                        Level.Note);
                    continue;
                }

                var lcf = state.LogonPoint!.Lcfs.Values.FirstOrDefault() ?? state.LogonPoint.Files.FirstOrDefault(f => f.File.IsUnder("Sitescfg"));
                if (lcf is not null)
                {
                    related.Insert(0, Evidence.Start(lcf, $"'{state.Pdc}' is the PDC of domain '{state.Domain}'; its Sitescfg folder has no Senior.lst."));
                }

                var elsewhere = withSenior.Count > 0
                    ? $", while {PreSp2Hotfixes.JoinAnd(withSenior.Select(d => $"'{d.Text.ToUpperInvariant()}'"))} has one"
                    : string.Empty;
                context.Report(
                    $"Senior.lst is not shown on every domain of a multi-domain site: domain '{state.Domain}' (PDC '{state.Pdc}') has none{elsewhere}, and site '{site.Code}' shares it with {sharing} besides managing {others}.",
                    primary,
                    $"senior-lst:{state.Domain}",
                    related,
                    withSenior.Count > 0 ? Level.Warning : Level.Note);
            }
        }
    }
}

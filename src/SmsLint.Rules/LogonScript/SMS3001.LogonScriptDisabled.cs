using SmsLint.Parsing.Batch;

namespace SmsLint.Rules.LogonScript;

/// <summary>Smsls.bat starts with an unconditional GOTO END (Q237543, Q238780).</summary>
public sealed class LogonScriptDisabled() : Rule(new() { Id = "SMS3001", Title = "The SMS logon script is disabled by GOTO END", Level = Level.Warning, Kb = ["Q237543", "Q238780"], Tags = [RuleTag.LogonScript, RuleTag.Upgrade], Precision = Precision.VeryHigh })
{
    public override void Check(RuleContext context)
    {
        foreach (var file in LogonScripts.All(context.Model))
        {
            if (file.As<BatchDocument>() is not { } doc || FirstEffective(doc) is not { } statement)
            {
                continue;
            }

            if (statement.Command is not GotoCommand { } go || !go.Target.Text.Equals("END", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var related = new List<Evidence>();
            if (doc.Labels.TryGetValue(go.Target.Text, out var label))
            {
                related.Add(Evidence.At(file, label.Span, "The script jumps straight to this label."));
            }

            var lineSpan = file.Text!.GetLineSpan(file.Text.GetLineNumber(statement.Span.Start));

            // While a rollout is under way or planned on the script's domain, GOTO END is what Q238780
            // asks for: a note that says when to take it out, and no fix.
            if (context.Model.Rollout.DomainsOfScript(file).FirstOrDefault(d => d.Pending) is { } pending)
            {
                context.Report(
                    $"Logon script is disabled with GOTO END: '{file.File.FileName}' ({LogonScripts.Role(file)}) jumps to ':{go.Target.Text}' first, as Q238780 advises while {pending.Description} {PendingClause(pending)}.",
                    Evidence.At(file, statement.Span),
                    $"goto-end:{LogonScripts.Role(file)}",
                    related,
                    Level.Note,
                    help: "Turn the logon script back on for a few clients at a time after all sites, CAP servers, and logon point servers are upgraded.");
                continue;
            }

            var fullLine = LineEdits.DeleteLine(file, lineSpan);
            context.Report(
                $"Logon script is disabled with GOTO END: '{file.File.FileName}' ({LogonScripts.Role(file)}) jumps to ':{go.Target.Text}' first, so logon-script installation and upgrade of SMS clients is off.",
                Evidence.At(file, statement.Span),
                $"goto-end:{LogonScripts.Role(file)}",
                related,
                fix: new Fix("Delete the GOTO END line", [fullLine]),
                help: $"Remove '{context.Model.FindFile(file.Path)!.Text!.Slice(lineSpan).Trim()}' once the service-pack rollout or RAS exception it was added for is over.");

        }
    }

    /// <summary>"has sites at different versions ('AAA' at '…' and 'BBB' at '…')" or "has a planned upgrade of 'AAA' to '…'".</summary>
    private static string PendingClause(Model.DomainRollout domain)
    {
        if (domain.Upgrades.Count > 0)
        {
            var ups = domain.Upgrades.Select(u => $"'{u.Code}' to '{u.To.Site}'").ToList();
            return $"has a planned upgrade of {PreSp2Hotfixes.JoinAnd(ups)}";
        }

        if (domain.Phase == Model.RolloutPhase.Steady && domain.JustUpgraded.Count > 0)
        {
            var done = domain.JustUpgraded.Select(c => $"'{c}'").ToList();
            return $"has just had {PreSp2Hotfixes.JoinAnd(done)} upgraded by the plan";
        }

        var sites = domain.Versioned.Select(s => $"'{s.Code}' at '{s.Claim.Raw}'").ToList();
        return $"has sites at different versions ({PreSp2Hotfixes.JoinAnd(sites)})";
    }

    /// <summary>The first line that does something: not blank, not REM or '::', not a label, not 'echo off'.</summary>
    public static BatchStatement? FirstEffective(BatchDocument doc)
    {
        foreach (var line in doc.Lines)
        {
            switch (line)
            {
                case BatchComment or BatchLabel:
                    continue;
                case BatchStatement { Command: EchoCommand { TurnsEchoOff: true } }:
                    continue;
                case BatchStatement statement:
                    return statement;
                default:
                    return null;
            }
        }

        return null;
    }
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Model;
using SmsLint.Planning;
using SmsLint.Writers.Html;

namespace SmsLint.Cli.Commands;

/// <summary>The text, JSON (contract §6) and Markdown forms of a plan; SARIF goes through the SARIF writer.</summary>
public static class PlanWriters
{
    /// <summary>One line for standard error: phase, upgrades, blockers, open items, predicted findings.</summary>
    public static string Summary(PlanResult result)
    {
        var open = result.Checklist.Count(i => i.Status != ReadinessStatus.Ready);
        return string.Create(CultureInfo.InvariantCulture,
            $"smslint plan: phase {Phase(result.Rollout.Phase)}; {result.Rollout.Upgrades.Count} upgrade(s), {result.Checklist.Count} checklist item(s), {open} not ready or unknown, {result.Blockers.Count} blocker(s), {result.Predicted.Count} predicted finding(s){(result.Input.Count > 0 ? $", {result.Input.Count} input problem(s)" : string.Empty)}.");
    }

    /// <summary>The plan part of the HTML report: checklist, blockers, predicted findings and the map after the overlay.</summary>
    public static HtmlReportOptions HtmlOptions(PlanResult result) => new()
    {
        RulesRun = [.. result.Report.Rules.Select(r => r.Id)],
        Plan = new HtmlPlanSection(
            Phase(result.Rollout.Phase),
            [.. result.Checklist.Select(i => new HtmlPlanItem(i.Id, i.StatusName, i.Text, i.Kb, [.. i.Evidence.Select(e => e.ToLocation())], i.Site)
            {
                Blocker = i.IsBlocker,
                RuleId = i.RuleId,
                Gate = i.Gate,
                Proof = i.Proof,
            })])
        {
            Upgrades = [.. result.Rollout.Upgrades.Select(u => $"{u.Code} {u.From.Raw} → {u.To.Site}")],
            MapAfter = result.MapAfter,
            Predicted = result.Predicted,
        },
    };

    public static string Phase(RolloutPhase phase) => phase == RolloutPhase.Rollout ? "rollout" : "steady";

    public static void Json(PlanResult result, Stream output)
    {
        using (var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("version", result.Report.ToolVersion);
            w.WriteString("phase", Phase(result.Rollout.Phase));
            w.WriteStartArray("domains");
            foreach (var d in result.Rollout.Domains)
            {
                w.WriteStartObject();
                if (d.Name is null)
                {
                    w.WriteNull("domain");
                }
                else
                {
                    w.WriteString("domain", d.Name);
                }

                w.WriteString("description", d.Description);
                w.WriteString("phase", Phase(d.Phase));
                w.WriteBoolean("pending", d.Pending);
                w.WriteStartArray("sites");
                foreach (var s in d.Versioned)
                {
                    w.WriteStartObject();
                    w.WriteString("site", s.Code);
                    w.WriteString("version", s.Claim.Raw);
                    w.WriteString("after", d.VersionAfter(s).ToString());
                    var location = SharedEvidence(s.Claim).ToLocation();
                    w.WriteString("uri", location.Path);
                    w.WriteNumber("line", location.Region.StartLine);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("upgrades");
            foreach (var u in result.Rollout.Upgrades)
            {
                w.WriteStartObject();
                w.WriteString("site", u.Code);
                w.WriteString("from", u.From.Raw);
                w.WriteString("to", u.To.Site.ToString());
                w.WriteString("requested", u.To.Requested);
                w.WriteBoolean("inferredVersion", u.To.Inferred);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteItems(w, "checklist", result.Checklist);
            WriteItems(w, "blockers", result.Blockers);
            WriteFindings(w, "predicted", result.Predicted);
            WriteFindings(w, "input", result.Input);
            w.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    private static void WriteFindings(Utf8JsonWriter w, string name, IReadOnlyList<Finding> findings)
    {
        w.WriteStartArray(name);
        foreach (var f in findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.Rule.Id);
            w.WriteString("level", f.Level.ToSarif());
            w.WriteString("uri", f.Location.Path);
            w.WriteNumber("line", f.Location.Region.StartLine);
            w.WriteString("message", f.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static Evidence SharedEvidence(VersionClaim claim) =>
        claim.Span is { } span ? Evidence.At(claim.File, span) : Evidence.Whole(claim.File);

    private static void WriteItems(Utf8JsonWriter w, string name, IReadOnlyList<ReadinessItem> items)
    {
        w.WriteStartArray(name);
        foreach (var i in items)
        {
            w.WriteStartObject();
            w.WriteString("id", i.Id);
            w.WriteString("ruleId", i.RuleId);
            w.WriteStartArray("kb");
            foreach (var kb in i.Kb)
            {
                w.WriteStringValue(kb);
            }

            w.WriteEndArray();
            w.WriteString("status", i.StatusName);
            w.WriteString("severity", i.Severity == ReadinessSeverity.Blocker ? "blocker" : "risk");
            w.WriteString("gate", i.Gate);
            w.WriteString("text", i.Text);
            w.WriteStartArray("evidence");
            foreach (var e in i.Evidence)
            {
                var l = e.ToLocation();
                w.WriteStartObject();
                w.WriteString("uri", l.Path);
                w.WriteNumber("line", l.Region.StartLine);
                if (l.Message is { } note)
                {
                    w.WriteString("note", note);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (i.Site is { } site)
            {
                w.WriteString("site", site);
            }

            if (i.Domain is { } domain)
            {
                w.WriteString("domain", domain);
            }

            if (i.Proof is { } proof)
            {
                w.WriteString("proof", proof);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void Text(PlanResult result, TextWriter w)
    {
        w.WriteLine(Summary(result));
        w.WriteLine();
        w.WriteLine("Domains:");
        foreach (var d in result.Rollout.Domains)
        {
            var sites = string.Join(", ", d.Versioned.Select(s => d.VersionAfter(s) == s.Version ? $"{s.Code} {s.Claim.Raw}" : $"{s.Code} {s.Claim.Raw} -> {d.VersionAfter(s)}"));
            w.WriteLine($"  {d.Description}: {Phase(d.Phase)}{(d.Pending ? ", rollout pending" : string.Empty)} ({(sites.Length == 0 ? "no SMS 2.0 site version known" : sites)})");
        }

        w.WriteLine();
        w.WriteLine("Checklist:");
        if (result.Checklist.Count == 0)
        {
            w.WriteLine("  (nothing pending: no domain has a rollout under way or planned)");
        }

        foreach (var i in result.Checklist)
        {
            var tag = i.Status != ReadinessStatus.NotReady ? string.Empty : i.IsBlocker ? ", BLOCKER" : ", risk";
            w.WriteLine($"  [{i.StatusName}] {i.Id} ({i.RuleId}, {i.Gate}{tag})");
            w.WriteLine($"      {i.Text}");
            foreach (var e in i.Evidence)
            {
                var l = e.ToLocation();
                w.WriteLine($"      at {l.Path}:{l.Region.StartLine}{(l.Message is { } m ? " - " + m : string.Empty)}");
            }

            if (i.Proof is { } proof)
            {
                w.WriteLine($"      to tell: {proof}");
            }
        }

        if (result.Input.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Input problems (the plan rests on what SmsLint could read):");
            foreach (var f in result.Input)
            {
                w.WriteLine($"  {f.Location.Path}:{f.Location.Region.StartLine}:{f.Location.Region.StartColumn}: {f.Level.ToSarif()}: {f.Message} [{f.Rule.Id}]");
            }
        }

        w.WriteLine();
        w.WriteLine("Predicted findings (after the plan, not in today's scan):");
        if (result.Predicted.Count == 0)
        {
            w.WriteLine("  (none)");
        }

        foreach (var f in result.Predicted)
        {
            w.WriteLine($"  {f.Location.Path}:{f.Location.Region.StartLine}:{f.Location.Region.StartColumn}: {f.Level.ToSarif()}: {f.Message} [{f.Rule.Id}]");
        }
    }

    /// <summary>GitHub-flavoured Markdown, for $GITHUB_STEP_SUMMARY or a pull-request comment.</summary>
    public static void Markdown(PlanResult result, TextWriter w)
    {
        w.WriteLine("## SmsLint upgrade plan");
        w.WriteLine();
        w.WriteLine($"Phase **{Phase(result.Rollout.Phase)}**; {result.Rollout.Upgrades.Count} upgrade(s), **{result.Blockers.Count} blocker(s)**, {result.Predicted.Count} predicted finding(s).");
        w.WriteLine();
        if (result.Rollout.Upgrades.Count > 0)
        {
            w.WriteLine("| Site | From | To |");
            w.WriteLine("| --- | --- | --- |");
            foreach (var u in result.Rollout.Upgrades)
            {
                w.WriteLine($"| {u.Code} | {u.From.Raw} | {u.To.Site} |");
            }

            w.WriteLine();
        }

        w.WriteLine("### Checklist");
        w.WriteLine();
        if (result.Checklist.Count == 0)
        {
            w.WriteLine("Nothing pending: no domain has a rollout under way or planned.");
        }
        else
        {
            w.WriteLine("| Status | Item | Rule | Gate | Detail | Evidence |");
            w.WriteLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var i in result.Checklist)
            {
                var icon = i.Status switch
                {
                    ReadinessStatus.Ready => "✅ ready",
                    ReadinessStatus.NotReady => i.IsBlocker ? "⛔ not ready (blocker)" : "⚠️ not ready",
                    _ => "❔ cannot tell",
                };
                var evidence = string.Join("<br>", i.Evidence.Select(e => e.ToLocation()).Select(l => $"`{l.Path}:{l.Region.StartLine}`"));
                var detail = i.Text + (i.Proof is { } p ? "<br>*To tell:* " + p : string.Empty);
                w.WriteLine($"| {icon} | {i.Id} | {i.RuleId} | {i.Gate} | {Cell(detail)} | {evidence} |");
            }
        }

        if (result.Input.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("### Input problems");
            w.WriteLine();
            foreach (var f in result.Input)
            {
                w.WriteLine($"- {f.Level.ToSarif()} {f.Rule.Id} `{f.Location.Path}:{f.Location.Region.StartLine}`: {Cell(f.Message)}");
            }
        }

        w.WriteLine();
        w.WriteLine("### Predicted findings");
        w.WriteLine();
        if (result.Predicted.Count == 0)
        {
            w.WriteLine("None: the plan creates no finding today's scan does not have.");
        }
        else
        {
            w.WriteLine("| Level | Rule | Location | Message |");
            w.WriteLine("| --- | --- | --- | --- |");
            foreach (var f in result.Predicted)
            {
                w.WriteLine($"| {f.Level.ToSarif()} | {f.Rule.Id} | `{f.Location.Path}:{f.Location.Region.StartLine}` | {Cell(f.Message)} |");
            }
        }

        w.WriteLine();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

using System.Globalization;
using SmsLint.Config;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Model;

namespace SmsLint.Suppressions;

/// <summary>
/// Runs after every rule: applies per-rule level overrides, then inline and declared
/// suppressions, and reports the suppressions that are malformed (SMS0007), unused (SMS0008) or
/// expired (SMS0009).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A suppressed finding stays in the list with its <see cref="Finding.Suppressions"/>
/// (inSource for a comment, external for the configuration); writers decide whether to show it.</item>
/// <item>An expired suppression (its date is before <see cref="AnalysisOptions.Today"/>) suppresses
/// nothing and is reported; it is not also reported as unused.</item>
/// <item>A suppression naming a rule that is turned off (select/ignore) is never "unused".</item>
/// <item>With <see cref="AnalysisOptions.InlineSuppressions"/> off, every comment is reported by SMS0007 and suppresses nothing.</item>
/// <item>Findings about suppressions cannot be suppressed (only turned off with rules.ignore).</item>
/// </list>
/// </remarks>
public static class SuppressionPass
{
    /// <param name="model">The snapshot.</param>
    /// <param name="findings">Every rule's findings.</param>
    /// <param name="options">Level overrides, suppressions, the date and the rule selection.</param>
    /// <param name="reports">Whether a rule's findings are reported in this run (it ran and is selected).</param>
    /// <param name="notifications">Where problems with declared suppressions go when the configuration file is outside the snapshot.</param>
    /// <param name="rules">The rules of the scan: the ids a suppression may name, and the descriptors of SMS0007-SMS0009.</param>
    public static List<Finding> Apply(
        SnapshotModel model,
        IEnumerable<Finding> findings,
        AnalysisOptions options,
        Func<string, bool> reports,
        List<Notification> notifications,
        RuleSet rules)
    {
        bool Selected(string id) => options.RunsRule(id);

        var extra = new List<Finding>();
        void Report(string ruleId, string message, Location where, string subject, string? help = null)
        {
            if (reports(ruleId) && rules.Find(ruleId)?.Descriptor is { } rule)
            {
                extra.Add(new Finding(rule, options.LevelOverrides.GetValueOrDefault(rule.Id, rule.DefaultLevel), message, where, [], subject) { Help = help });
            }
        }

        // Inline comments.
        var active = new List<InlineDirective>();
        foreach (var d in InlineDirectives.Find(model, rules))
        {
            var where = Location.FromSpan(d.File.Path, d.File.Text!, d.Span);
            var name = d.File.File.FileName;
            if (!options.InlineSuppressions)
            {
                Report(InlineDirectives.InvalidSuppressionId, $"Suppression comment has no effect: '{name}' has one, and inline suppressions are turned off.", where, $"forbidden:{d.LineText}", "Declare the suppression in the configuration file instead (inline suppressions are off through --no-inline-suppressions or inlineSuppressions: false).");
            }
            else if (d.Problem is { } problem)
            {
                Report(InlineDirectives.InvalidSuppressionId, $"Suppression comment has no effect: the one in '{name}' is malformed, {problem}.", where, $"invalid:{d.LineText}", d.ProblemHelp);
            }
            else if (d.Until is { } until && until < options.Today)
            {
                Report(InlineDirectives.ExpiredSuppressionId, $"Suppression has expired: {string.Join(", ", d.RuleIds)} in '{name}' on {Date(until)}, so it suppresses nothing.", where, $"expired:{d.LineText}", "Fix the finding, or renew the date with a reason that still holds.");
            }
            else
            {
                active.Add(d);
            }
        }

        // Declared suppressions.
        var declared = new List<(DeclaredSuppression Entry, PathGlobs Glob)>();
        foreach (var s in options.DeclaredSuppressions)
        {
            if (s.Expires is { } expires && expires < options.Today)
            {
                ReportDeclared(InlineDirectives.ExpiredSuppressionId, s, $"Suppression has expired: {s.RuleId} declared for '{s.PathGlob}' on {Date(expires)}, so it suppresses nothing.", "expired", "Fix the findings, or renew the date with a reason that still holds.");
            }
            else
            {
                declared.Add((s, new PathGlobs([s.PathGlob])));
            }
        }

        // Apply.
        var usedInline = new HashSet<(InlineDirective, string)>();
        var usedDeclared = new HashSet<DeclaredSuppression>();
        var result = new List<Finding>();
        foreach (var original in findings)
        {
            var f = options.LevelOverrides.TryGetValue(original.Rule.Id, out var level) ? original with { Level = level } : original;
            if (InlineDirectives.MetaRules.Contains(f.Rule.Id))
            {
                result.Add(f);
                continue;
            }

            var suppressions = new List<Suppression>(f.Suppressions);
            foreach (var d in active)
            {
                if (d.RuleIds.Contains(f.Rule.Id)
                    && string.Equals(d.File.Path, f.Location.Path, StringComparison.Ordinal)
                    && (d.Scope == DirectiveScope.File || d.TargetLine == f.Location.Region.StartLine))
                {
                    usedInline.Add((d, f.Rule.Id));
                    suppressions.Add(new Suppression("inSource", d.Reason!, Location.FromSpan(d.File.Path, d.File.Text!, d.Span)));
                }
            }

            foreach (var (entry, glob) in declared)
            {
                if (entry.RuleId.Equals(f.Rule.Id, StringComparison.OrdinalIgnoreCase) && glob.IsMatch(f.Location.Path))
                {
                    usedDeclared.Add(entry);
                    suppressions.Add(new Suppression("external", entry.Reason));
                }
            }

            result.Add(suppressions.Count == f.Suppressions.Count ? f : f with { Suppressions = suppressions });
        }

        // Unused.
        foreach (var d in active)
        {
            foreach (var id in d.RuleIds)
            {
                if (Selected(id) && !usedInline.Contains((d, id)))
                {
                    var scope = d.Scope == DirectiveScope.File ? "in this file" : $"on line {d.TargetLine.ToString(CultureInfo.InvariantCulture)}";
                    Report(InlineDirectives.UnusedSuppressionId, $"Suppression is unused: {id} in '{d.File.File.FileName}' reports nothing {scope}.", Location.FromSpan(d.File.Path, d.File.Text!, d.Span), $"unused:{id}:{d.LineText}", "Remove the comment.");
                }
            }
        }

        foreach (var (entry, _) in declared)
        {
            if (Selected(entry.RuleId) && !usedDeclared.Contains(entry))
            {
                ReportDeclared(InlineDirectives.UnusedSuppressionId, entry, $"Suppression is unused: {entry.RuleId} declared for '{entry.PathGlob}' reports nothing there.", "unused", "Remove it from the configuration.");
            }
        }

        result.AddRange(extra);
        return result;

        void ReportDeclared(string ruleId, DeclaredSuppression s, string message, string what, string? help = null)
        {
            if (options.Config is not { } config)
            {
                return;
            }

            if (options.ConfigPathInSnapshot is { } path && model.FindFile(path) is { } file)
            {
                // The configuration file is part of the snapshot: report at its line, like any finding.
                file.Text ??= config.Text;
                Report(ruleId, message, Location.FromSpan(file.Path, config.Text, s.Span), $"declared-{what}:{s.RuleId}:{s.PathGlob}", help);
            }
            else if (reports(ruleId))
            {
                var line = config.Text.GetLineNumber(s.Span.Start);
                notifications.Add(new Notification(
                    $"SMS-CONFIG-{what.ToUpperInvariant()}-SUPPRESSION",
                    Level.Warning,
                    $"{config.FilePath}:{line.ToString(CultureInfo.InvariantCulture)}: {message} {help} ({ruleId})"));
            }
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

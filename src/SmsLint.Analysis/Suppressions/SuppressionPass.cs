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
        void Report(string ruleId, string message, Location where, string subject)
        {
            if (reports(ruleId) && rules.Find(ruleId)?.Descriptor is { } rule)
            {
                extra.Add(new Finding(rule, options.LevelOverrides.GetValueOrDefault(rule.Id, rule.DefaultLevel), message, where, [], subject));
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
                Report(InlineDirectives.InvalidSuppressionId, $"The suppression comment in '{name}' has no effect: inline suppressions are turned off (--no-inline-suppressions or inlineSuppressions: false); declare the suppression in the configuration file instead.", where, $"forbidden:{d.LineText}");
            }
            else if (d.Problem is { } problem)
            {
                Report(InlineDirectives.InvalidSuppressionId, $"The suppression comment in '{name}' suppresses nothing: {problem}.", where, $"invalid:{d.LineText}");
            }
            else if (d.Until is { } until && until < options.Today)
            {
                Report(InlineDirectives.ExpiredSuppressionId, $"The suppression of {string.Join(", ", d.RuleIds)} in '{name}' expired on {Date(until)} and no longer suppresses anything; fix the finding, or renew the date with a reason that still holds.", where, $"expired:{d.LineText}");
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
                ReportDeclared(InlineDirectives.ExpiredSuppressionId, s, $"The declared suppression of {s.RuleId} for '{s.PathGlob}' expired on {Date(expires)} and no longer suppresses anything; fix the findings, or renew the date with a reason that still holds.", "expired");
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
                    Report(InlineDirectives.UnusedSuppressionId, $"The suppression of {id} in '{d.File.File.FileName}' is unused: {id} reports nothing {scope}; remove the comment.", Location.FromSpan(d.File.Path, d.File.Text!, d.Span), $"unused:{id}:{d.LineText}");
                }
            }
        }

        foreach (var (entry, _) in declared)
        {
            if (Selected(entry.RuleId) && !usedDeclared.Contains(entry))
            {
                ReportDeclared(InlineDirectives.UnusedSuppressionId, entry, $"The declared suppression of {entry.RuleId} for '{entry.PathGlob}' is unused: {entry.RuleId} reports nothing there; remove it from the configuration.", "unused");
            }
        }

        result.AddRange(extra);
        return result;

        void ReportDeclared(string ruleId, DeclaredSuppression s, string message, string what)
        {
            if (options.Config is not { } config)
            {
                return;
            }

            if (options.ConfigPathInSnapshot is { } path && model.FindFile(path) is { } file)
            {
                // The configuration file is part of the snapshot: report at its line, like any finding.
                file.Text ??= config.Text;
                Report(ruleId, message, Location.FromSpan(file.Path, config.Text, s.Span), $"declared-{what}:{s.RuleId}:{s.PathGlob}");
            }
            else if (reports(ruleId))
            {
                var line = config.Text.GetLineNumber(s.Span.Start);
                notifications.Add(new Notification(
                    $"SMS-CONFIG-{what.ToUpperInvariant()}-SUPPRESSION",
                    Level.Warning,
                    $"{config.FilePath}:{line.ToString(CultureInfo.InvariantCulture)}: {message} ({ruleId})"));
            }
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

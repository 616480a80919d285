using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Planning;

namespace SmsLint.Rules.Readiness;

/// <summary>
/// An SMS7xxx rule: reports the upgrade-readiness items of its kind (<see cref="Planning.Readiness"/>)
/// that are not ready (error for a blocker, warning for a risk) or cannot be told (note). It runs only
/// under <c>smslint plan</c>, where the model carries a plan (<see cref="Model.RolloutOverlay.Planning"/>);
/// a plain scan never reports it.
/// </summary>
public abstract class ReadinessRule : Rule
{
    public override void Check(RuleContext context)
    {
        if (!context.Model.Overlay.Planning)
        {
            return;
        }

        foreach (var item in Planning.Readiness.For(context.Model, context.Catalog))
        {
            if (item.RuleId != Descriptor.Id || item.Status == ReadinessStatus.Ready)
            {
                continue;
            }

            var level = item.Status == ReadinessStatus.CannotTell ? Level.Note
                : item.Severity == ReadinessSeverity.Blocker ? Level.Error
                : Level.Warning;
            // The checklist text is "item: status, detail; what to do": the message is the problem, the help the remedy.
            var (message, help) = Split(item.Text);

            // A binary or an LCF is kept as related evidence, never the primary location (issue 17 item 3).
            var evidence = item.Evidence.ToList();
            var primary = evidence.FindIndex(e => !TextAnchor.IsOpaque(e.File));
            if (primary > 0)
            {
                (evidence[0], evidence[primary]) = (evidence[primary], evidence[0]);
            }

            context.Report(message, evidence[0], item.Subject, evidence.Skip(1), level, help: help);
        }
    }

    /// <summary>
    /// Splits a checklist text at its last "; " outside quotes and parentheses: before it the problem
    /// (one sentence, with any "; " inside parentheses made ", "), after it the remedy.
    /// </summary>
    internal static (string Message, string? Help) Split(string text)
    {
        var depth = 0;
        var quoted = false;
        var cut = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'' && (quoted || i == 0 || !char.IsLetterOrDigit(text[i - 1])))
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (!quoted && depth == 0 && c == ';' && i + 1 < text.Length && text[i + 1] == ' ')
            {
                cut = i;
            }
        }

        if (cut < 0)
        {
            return (text, null);
        }

        var message = text[..cut].Replace("; ", ", ", StringComparison.Ordinal) + ".";
        var rest = text[(cut + 2)..].Trim();
        return (message, rest.Length == 0 ? null : char.ToUpperInvariant(rest[0]) + rest[1..]);
    }

}

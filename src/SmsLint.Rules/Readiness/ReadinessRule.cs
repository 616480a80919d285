using SmsLint.Planning;

namespace SmsLint.Rules.Readiness;

/// <summary>
/// An SMS7xxx rule: reports the upgrade-readiness items of its kind (<see cref="Planning.Readiness"/>)
/// that are not ready (error for a blocker, warning for a risk) or cannot be told (note). It runs only
/// under <c>smslint plan</c>, where the model carries a plan (<see cref="Model.RolloutOverlay.Planning"/>);
/// a plain scan never reports it.
/// </summary>
public abstract class ReadinessRule(RuleDeclaration declaration) : Rule(declaration)
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
            else if (primary < 0)
            {
                var opaque = evidence[0].File;
                var lcfSite = opaque.File.FileName.Length > 3 && opaque.File.FileName.EndsWith("_cfg.lcf", StringComparison.OrdinalIgnoreCase) ? opaque.File.FileName[..3] : null;
                var anchor = lcfSite is not null ? TextAnchor.ForFile(context.Model, opaque, lcfSite) : TextAnchor.ForBinary(context.Model, opaque);
                if (!TextAnchor.IsOpaque(anchor.File))
                {
                    evidence.Insert(0, anchor);
                }
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

        var message = (cut < 0 ? text.TrimEnd().TrimEnd('.') : text[..cut]).Replace("; ", ", ", StringComparison.Ordinal);
        var rest = cut < 0 ? string.Empty : text[(cut + 2)..].Trim();
        string? help = rest.Length == 0 ? null : char.ToUpperInvariant(rest[0]) + rest[1..];


        // A long detail ("not ready, 'x' credits ... (3 lines)") moves into the help, before the remedy,
        // so that the message stays within the bound of docs/writing-rules.md; the status stays.
        var status = message.IndexOf(": not ready, ", StringComparison.Ordinal) is var n and >= 0 ? n + ": not ready".Length
            : message.IndexOf(": cannot tell", StringComparison.Ordinal) is var t and >= 0 ? t + ": cannot tell".Length
            : -1;
        if (status > 0 && status + 2 < message.Length && Unquoted(message).Length > MaxMessage)
        {
            var detail = message[(status + (message[status] == ',' ? 2 : 1))..];

            help = char.ToUpperInvariant(detail[0]) + detail[1..] + (help is null ? "." : ": " + char.ToLowerInvariant(help[0]) + help[1..]);
            message = message[..status];
        }

        return (message + ".", help);
    }

    /// <summary>The bound on a message without its quoted data (see docs/writing-rules.md).</summary>
    private const int MaxMessage = 200;

    private static string Unquoted(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])", "'…'");
}

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
            // The message is the item's problem, the help its remedy.
            var (message, help) = Words(item.Wording);

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
    /// The result's message and help from the item's words: the problem (any "; " in it made ", ")
    /// and the remedy. A problem longer than the bound of docs/writing-rules.md keeps its head and
    /// state, and its detail moves into the help, before the remedy.
    /// </summary>
    public static (string Message, string? Help) Words(ReadinessWording words)
    {
        static string Sentence(string s) => s.Replace("; ", ", ", StringComparison.Ordinal);
        var message = Sentence(words.Problem);
        string? help = words.Remedy?.Trim() is { Length: > 0 } remedy ? char.ToUpperInvariant(remedy[0]) + remedy[1..] : null;
        if (words.HeadSeparator == ": " && words.State is "not ready" or "cannot tell" && words.Detail is { Length: > 0 } detail && Unquoted(message).Length > MaxMessage)
        {
            var moved = Sentence(detail);
            help = char.ToUpperInvariant(moved[0]) + moved[1..] + (help is null ? "." : ": " + char.ToLowerInvariant(help[0]) + help[1..]);
            message = Sentence(words.Head) + words.HeadSeparator + words.State;
        }

        return (message + ".", help);
    }

    /// <summary>The bound on a message without its quoted data (see docs/writing-rules.md).</summary>
    private const int MaxMessage = 200;

    private static string Unquoted(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])", "'…'");
}

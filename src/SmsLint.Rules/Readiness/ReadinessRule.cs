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
            context.Report(item.Text, item.Evidence[0], item.Subject, item.Evidence.Skip(1), level);
        }
    }
}

namespace SmsLint.Rules.Input;

/// <summary>
/// Shared shape of the rules about suppressions (SMS0007–SMS0009). They judge the suppressions
/// against the findings of every other rule, so <see cref="Suppressions.SuppressionPass"/>
/// reports them after all rules ran; their <see cref="Check"/> does nothing. Selecting or
/// ignoring them, and level overrides, work as for any rule.
/// </summary>
public abstract class SuppressionRule(RuleDeclaration declaration) : Rule(declaration)
{
    public sealed override void Check(RuleContext context)
    {
    }
}

namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): the logon script has no RAS bypass for the rollout; see rules/SMS7007.md.</summary>
public sealed class NoRasBypassForRollout() : ReadinessRule(new() { Id = "SMS7007", Title = "The logon script has no RAS bypass for the rollout", Level = Level.Warning, Kb = ["Q237543", "Q238780"], Tags = [RuleTag.LogonScript, RuleTag.UpgradeReadiness], Precision = Precision.High })
{
}

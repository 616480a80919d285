namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): the PDC has no valid Senior.lst for the rollout; see rules/SMS7006.md.</summary>
public sealed class SeniorLstNotReadyForRollout() : ReadinessRule(new() { Id = "SMS7006", Title = "The PDC has no valid Senior.lst for the rollout", Level = Level.Warning, Kb = ["Q235726", "Q263395", "Q261931"], Tags = [RuleTag.SharedLogonPoint, RuleTag.UpgradeReadiness], Precision = Precision.High })
{
}

namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): the sites of a shared domain are not all upgraded together; see rules/SMS7010.md.</summary>
public sealed class SitesNotUpgradedTogether() : ReadinessRule(new() { Id = "SMS7010", Title = "The sites of a shared domain are not all upgraded together", Level = Level.Warning, Kb = ["Q238780", "Q264630", "Q262677"], Tags = [RuleTag.VersionMismatch, RuleTag.SharedLogonPoint, RuleTag.UpgradeReadiness], Precision = Precision.High })
{
}

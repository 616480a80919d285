namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): a site sharing a domain is not known to have the hotfixes required before SP2; see rules/SMS7001.md.</summary>
public sealed class HotfixesBeforeSp2NotReady() : ReadinessRule(new() { Id = "SMS7001", Title = "A site sharing a domain is not known to have the hotfixes required before SP2", Level = Level.Error, Kb = ["Q261931", "Q251070", "Q249077", "Q252717", "Q252718"], Tags = [RuleTag.MissingHotfix, RuleTag.SharedLogonPoint, RuleTag.UpgradeReadiness], Precision = Precision.High })
{
}

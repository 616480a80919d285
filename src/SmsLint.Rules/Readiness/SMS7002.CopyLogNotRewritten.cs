namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): copylog.tcf has not been rewritten since the pre-SP2 hotfix; see rules/SMS7002.md.</summary>
public sealed class CopyLogNotRewritten() : ReadinessRule(new() { Id = "SMS7002", Title = "Copylog.tcf has not been rewritten since the pre-SP2 hotfix", Level = Level.Error, Kb = ["Q261931", "Q251070", "Q249077"], Tags = [RuleTag.CopyLog, RuleTag.SharedLogonPoint, RuleTag.UpgradeReadiness], Precision = Precision.High })
{
}

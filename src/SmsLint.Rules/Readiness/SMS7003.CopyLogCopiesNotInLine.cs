namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): the Copylog.tcf copies of a domain are not in line before the upgrade; see rules/SMS7003.md.</summary>
public sealed class CopyLogCopiesNotInLine() : ReadinessRule(new() { Id = "SMS7003", Title = "The Copylog.tcf copies of a domain are not in line before the upgrade", Level = Level.Error, Kb = ["Q264976", "Q263345", "Q261931"], Tags = [RuleTag.CopyLog, RuleTag.SharedLogonPoint, RuleTag.UpgradeReadiness], Precision = Precision.High })
{
}

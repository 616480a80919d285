namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): cAPs or logon points lag behind their site before the scripts are turned back on; see rules/SMS7005.md.</summary>
public sealed class CapsOrLogonPointsBehindSite() : ReadinessRule(new() { Id = "SMS7005", Title = "CAPs or logon points lag behind their site before the scripts are turned back on", Level = Level.Warning, Kb = ["Q238780", "Q236596", "Q264630"], Tags = [RuleTag.VersionMismatch, RuleTag.SharedLogonPoint, RuleTag.UpgradeReadiness], Precision = Precision.High })
{
}

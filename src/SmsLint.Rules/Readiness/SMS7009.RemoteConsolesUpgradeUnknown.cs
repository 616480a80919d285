namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): cannot tell whether remote Administrator consoles are upgraded with their site; see rules/SMS7009.md.</summary>
public sealed class RemoteConsolesUpgradeUnknown() : ReadinessRule(new() { Id = "SMS7009", Title = "Cannot tell whether remote Administrator consoles are upgraded with their site", Level = Level.Warning, Kb = ["Q238780"], Tags = [RuleTag.VersionMismatch, RuleTag.UpgradeReadiness], Precision = Precision.High })
{
}

namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): not every copy of the logon script is disabled before the upgrade; see rules/SMS7004.md.</summary>
public sealed class LogonScriptsNotDisabledForUpgrade() : ReadinessRule(new() { Id = "SMS7004", Title = "Not every copy of the logon script is disabled before the upgrade", Level = Level.Error, Kb = ["Q238780", "Q237543", "Q236596"], Tags = [RuleTag.LogonScript, RuleTag.UpgradeReadiness], Precision = Precision.High })
{
}

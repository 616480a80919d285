namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): cannot tell whether active advertisements are expired before the upgrade; see rules/SMS7008.md.</summary>
public sealed class AdvertisementsExpiryUnknown() : ReadinessRule(new() { Id = "SMS7008", Title = "Cannot tell whether active advertisements are expired before the upgrade", Level = Level.Warning, Kb = ["Q237543", "Q238780"], Tags = [RuleTag.VersionMismatch, RuleTag.UpgradeReadiness], Precision = Precision.High })
{
}

using SmsLint.Findings;

namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): cannot tell whether active advertisements are expired before the upgrade; see rules/SMS7008.md.</summary>
public sealed class AdvertisementsExpiryUnknown : ReadinessRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS7008", "AdvertisementsExpiryUnknown", "Cannot tell whether active advertisements are expired before the upgrade", Level.Warning,
        ["Q237543", "Q238780"], ["version-mismatch", "upgrade-readiness"], "high");

    public override RuleDescriptor Descriptor => Info;
}

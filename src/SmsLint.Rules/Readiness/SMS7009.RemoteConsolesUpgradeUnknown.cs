using SmsLint.Findings;

namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): cannot tell whether remote Administrator consoles are upgraded with their site; see rules/SMS7009.md.</summary>
public sealed class RemoteConsolesUpgradeUnknown : ReadinessRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS7009", "RemoteConsolesUpgradeUnknown", "Cannot tell whether remote Administrator consoles are upgraded with their site", Level.Warning,
        ["Q238780"], ["version-mismatch", "upgrade-readiness"], "high");

    public override RuleDescriptor Descriptor => Info;
}

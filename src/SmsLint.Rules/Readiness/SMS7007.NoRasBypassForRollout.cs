using SmsLint.Findings;

namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): the logon script has no RAS bypass for the rollout; see rules/SMS7007.md.</summary>
public sealed class NoRasBypassForRollout : ReadinessRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS7007", "NoRasBypassForRollout", "The logon script has no RAS bypass for the rollout", Level.Warning,
        ["Q237543", "Q238780"], ["logon-script", "upgrade-readiness"], "high");

    public override RuleDescriptor Descriptor => Info;
}

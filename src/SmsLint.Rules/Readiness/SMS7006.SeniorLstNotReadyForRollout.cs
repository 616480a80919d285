using SmsLint.Findings;

namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): the PDC has no valid Senior.lst for the rollout; see rules/SMS7006.md.</summary>
public sealed class SeniorLstNotReadyForRollout : ReadinessRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS7006", "SeniorLstNotReadyForRollout", "The PDC has no valid Senior.lst for the rollout", Level.Warning,
        ["Q235726", "Q263395", "Q261931"], ["shared-logon-point", "upgrade-readiness"], "high");

    public override RuleDescriptor Descriptor => Info;
}

using SmsLint.Findings;

namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): the sites of a shared domain are not all upgraded together; see rules/SMS7010.md.</summary>
public sealed class SitesNotUpgradedTogether : ReadinessRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS7010", "SitesNotUpgradedTogether", "The sites of a shared domain are not all upgraded together", Level.Warning,
        ["Q238780", "Q264630", "Q262677"], ["version-mismatch", "shared-logon-point", "upgrade-readiness"], "high");

    public override RuleDescriptor Descriptor => Info;
}

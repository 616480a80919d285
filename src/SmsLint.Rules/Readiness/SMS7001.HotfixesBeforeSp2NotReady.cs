using SmsLint.Findings;

namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): a site sharing a domain is not known to have the hotfixes required before SP2; see rules/SMS7001.md.</summary>
public sealed class HotfixesBeforeSp2NotReady : ReadinessRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS7001", "HotfixesBeforeSp2NotReady", "A site sharing a domain is not known to have the hotfixes required before SP2", Level.Error,
        ["Q261931", "Q251070", "Q249077", "Q252717", "Q252718"], ["missing-hotfix", "shared-logon-point", "upgrade-readiness"], "high");

    public override RuleDescriptor Descriptor => Info;
}

using SmsLint.Findings;

namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): copylog.tcf has not been rewritten since the pre-SP2 hotfix; see rules/SMS7002.md.</summary>
public sealed class CopyLogNotRewritten : ReadinessRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS7002", "CopyLogNotRewritten", "Copylog.tcf has not been rewritten since the pre-SP2 hotfix", Level.Error,
        ["Q261931", "Q251070", "Q249077"], ["copy-log", "shared-logon-point", "upgrade-readiness"], "high");

    public override RuleDescriptor Descriptor => Info;
}

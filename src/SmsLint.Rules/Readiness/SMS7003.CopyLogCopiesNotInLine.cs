using SmsLint.Findings;

namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): the Copylog.tcf copies of a domain are not in line before the upgrade; see rules/SMS7003.md.</summary>
public sealed class CopyLogCopiesNotInLine : ReadinessRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS7003", "CopyLogCopiesNotInLine", "The Copylog.tcf copies of a domain are not in line before the upgrade", Level.Error,
        ["Q264976", "Q263345", "Q261931"], ["copy-log", "shared-logon-point", "upgrade-readiness"], "high");

    public override RuleDescriptor Descriptor => Info;
}

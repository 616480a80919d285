using SmsLint.Findings;

namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): cAPs or logon points lag behind their site before the scripts are turned back on; see rules/SMS7005.md.</summary>
public sealed class CapsOrLogonPointsBehindSite : ReadinessRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS7005", "CapsOrLogonPointsBehindSite", "CAPs or logon points lag behind their site before the scripts are turned back on", Level.Warning,
        ["Q238780", "Q236596", "Q264630"], ["version-mismatch", "shared-logon-point", "upgrade-readiness"], "high");

    public override RuleDescriptor Descriptor => Info;
}

using SmsLint.Findings;

namespace SmsLint.Rules.Readiness;

/// <summary>Upgrade readiness (smslint plan): not every copy of the logon script is disabled before the upgrade; see rules/SMS7004.md.</summary>
public sealed class LogonScriptsNotDisabledForUpgrade : ReadinessRule
{
    public static readonly RuleDescriptor Info = new(
        "SMS7004", "LogonScriptsNotDisabledForUpgrade", "Not every copy of the logon script is disabled before the upgrade", Level.Error,
        ["Q238780", "Q237543", "Q236596"], ["logon-script", "upgrade-readiness"], "high");

    public override RuleDescriptor Descriptor => Info;
}

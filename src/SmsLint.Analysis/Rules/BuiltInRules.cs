using SmsLint.Engine;
using SmsLint.Findings;

namespace SmsLint.Rules;

/// <summary>
/// The single, explicit registry of rules, in catalogue order. A rule that is not listed here does
/// not run (a meta-test fails when a rule class is missing). Retired ids are never reused.
/// </summary>
public static class BuiltInRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        // SMS0xxx — input: what SmsLint could not read
        new Input.ParseError(),
        new Input.NotATextFile(),
        new Input.UndecodableFile(),
        new Input.InputLimitExceeded(),
        new Input.UnreadableFile(),

        // SMS10nn — Copylog.tcf (candidate CL0nn)
        new CopyLog.CopyLogNoFileSource(),
        new CopyLog.CopyLogCoreLinesMissing(),

        // SMS20nn — shared logon points (candidate LP0nn)

        // SMS30nn — logon scripts (candidate LS0nn)
        new LogonScript.LogonScriptDisabled(),

        // SMS40nn — copy lists (candidate CV0nn); SMS41nn — SMS 1.2 clients (candidate SI0nn)
        new CopyList.CopyListVersionMismatch(),

        // SMS50nn — versions (candidate VR0nn; SMS5010 up: SmsLint's own)

        // SMS60nn — hotfixes (candidate LP0nn of the hotfix checks)
    ];

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [.. All.Select(r => r.Descriptor)];

    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Descriptor.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
}

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

        // SMS1xxx — Copylog.tcf
        new CopyLog.CopyLogNoFileSource(),
        new CopyLog.CopyLogCoreLinesMissing(),

        // SMS3xxx — logon scripts
        new LogonScript.LogonScriptDisabled(),

        // SMS4xxx — copy lists and SMS 1.2 clients
        new CopyList.CopyListVersionMismatch(),
    ];

    public static IReadOnlyList<RuleDescriptor> Descriptors { get; } = [.. All.Select(r => r.Descriptor)];

    public static Rule? Find(string id) => All.FirstOrDefault(r => r.Descriptor.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
}

using SmsLint.Findings;

namespace SmsLint.Engine;

/// <summary>
/// A check over the snapshot model. Each rule lives in its own file, &lt;Area&gt;/&lt;ID&gt;.&lt;Name&gt;.cs
/// of SmsLint.Rules, declares what it is once, in its base-constructor call, and is listed once in
/// that project's <c>BuiltInRules</c>; its prose is rules/&lt;ID&gt;.md.
/// </summary>
/// <example>
/// <code>
/// public sealed class CopyLogCoreLinesMissing() : Rule(new() { Id = "SMS1003", Title = "Copylog.tcf lacks the shared core lines", Level = Level.Error, Kb = ["Q264976"], Tags = [RuleTag.SharedLogonPoint, RuleTag.CopyLog, RuleTag.Corruption], Precision = Precision.High })
/// {
///     public override void Check(RuleContext context) { ... }
/// }
/// </code>
/// </example>
public abstract class Rule
{
    /// <param name="declaration">What the rule is; its name is the class name.</param>
    protected Rule(RuleDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        Descriptor = declaration.Describe(GetType().Name);
    }

    /// <summary>The rule's id, name, title, level, KB articles, tags and precision.</summary>
    public RuleDescriptor Descriptor { get; }

    public abstract void Check(RuleContext context);

    public override string ToString() => $"{Descriptor.Id} {Descriptor.Name}";
}

/// <summary>What a rule declares about itself; the name is not part of it (it is the rule's class name).</summary>
public sealed record RuleDeclaration
{
    /// <summary>SMS + four digits; never reused.</summary>
    public required string Id { get; init; }

    /// <summary>A phrase without a final period.</summary>
    public required string Title { get; init; }

    /// <summary>The level a finding has unless the configuration overrides it.</summary>
    public required Level Level { get; init; }

    /// <summary>The Knowledge Base articles the rule rests on, as "Q264976".</summary>
    public IReadOnlyList<string> Kb { get; init; } = [];

    /// <summary>At least one mission tag (<see cref="RuleTags.Mission"/>), at most 10.</summary>
    public required IReadOnlyList<RuleTag> Tags { get; init; }

    public Precision Precision { get; init; } = Precision.High;

    /// <summary>The descriptor of the rule class <paramref name="name"/>.</summary>
    public RuleDescriptor Describe(string name) =>
        new(Id, name, Title, Level, Kb, [.. Tags.Select(RuleTags.Name)], RuleTags.Name(Precision));
}

/// <summary>How often a finding of the rule is right (SARIF <c>precision</c>).</summary>
public enum Precision
{
    VeryHigh,
    High,
    Medium,
    Low,
}

/// <summary>A rule's tags (SARIF <c>tags</c>), written in kebab case: <see cref="SharedLogonPoint"/> is "shared-logon-point".</summary>
public enum RuleTag
{
    // The mission tags: every rule has at least one.
    VersionMismatch,
    SharedLogonPoint,
    MissingHotfix,
    LogonScript,
    CopyList,
    Input,

    // The others.
    AccountLockout,
    Cap,
    Capture,
    Catalog,
    ClientDeinstallation,
    ClientInstallation,
    Console,
    CopyLog,
    Corruption,
    DuplicateId,
    Evidence,
    Language,
    Layout,
    Limits,
    MixedInstallation,
    Parse,
    RemovedSite,
    Replication,
    Security,
    SeniorSite,
    SiteCode,
    SiteRemoval,
    Sms12Client,
    Sms12LogonServer,
    Suppression,
    Syntax,
    Upgrade,
    UpgradeReadiness,
}

/// <summary>The written names of <see cref="RuleTag"/> and <see cref="Precision"/> values.</summary>
public static class RuleTags
{
    /// <summary>The tags of which every rule carries at least one.</summary>
    public static IReadOnlySet<RuleTag> Mission { get; } = new HashSet<RuleTag>
    {
        RuleTag.VersionMismatch, RuleTag.SharedLogonPoint, RuleTag.MissingHotfix, RuleTag.LogonScript, RuleTag.CopyList, RuleTag.Input,
    };

    public static string Name(RuleTag tag) => Kebab(tag.ToString());

    public static string Name(Precision precision) => Kebab(precision.ToString());

    /// <summary>"SharedLogonPoint" to "shared-logon-point", "Sms12Client" to "sms12-client".</summary>
    private static string Kebab(string pascal)
    {
        var sb = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsAsciiLetterUpper(c) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}

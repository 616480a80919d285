using SmsLint.Hierarchy;

namespace SmsLint.Findings;

/// <summary>Something that went wrong in the run itself rather than in the snapshot (SARIF toolExecutionNotifications).</summary>
public sealed record Notification(string Id, Level Level, string Message, string? Path = null);

/// <summary>Identity of the SMS knowledge catalog a run used.</summary>
public sealed record CatalogInfo(string Name, string Version, string? Source);

/// <summary>Everything a writer needs: the rules that ran, the sorted findings and how the run went.</summary>
public sealed record ScanReport(
    string ToolVersion,
    string SnapshotRoot,
    IReadOnlyList<RuleDescriptor> Rules,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Notification> Notifications,
    CatalogInfo Catalog)
{
    public bool ExecutionSuccessful => !Notifications.Any(n => n.Level == Level.Error);

    /// <summary>Absolute file URI of the snapshot root (ending in '/') for originalUriBaseIds, when asked for.</summary>
    public string? RootUri { get; init; }

    /// <summary>
    /// Where the snapshot folder sits in the repository that holds it (e.g. "snapshots/site1", '/'
    /// separated), when it sits in a subfolder of one; null otherwise. SARIF writes it as a relative
    /// %SRCROOT% chained to the repository root, so a viewer whose workspace is the repository finds the files.
    /// </summary>
    public string? SnapshotInRepository { get; init; }

    /// <summary>Automation id category, e.g. "smslint/".</summary>
    public string Category { get; init; } = "smslint";

    /// <summary>Each rule's documentation page (Markdown), by id.</summary>
    public IReadOnlyDictionary<string, string>? RuleDocs { get; init; }

    /// <summary>Each rule's "What it does" paragraph (plain text, at most 1,024 characters), by id.</summary>
    public IReadOnlyDictionary<string, string>? RuleSummaries { get; init; }

    /// <summary>
    /// Absolute base of the rule pages (ending in '/'); a rule's page is HelpUriBase + id + ".md".
    /// Defaults to the rules folder of the repository the package was built from (--help-uri-base changes it).
    /// </summary>
    public string HelpUriBase { get; init; } = ProjectLinks.DefaultHelpUriBase;

    public string HelpUri(string ruleId) => $"{HelpUriBase}{ruleId}.md";

    /// <summary>Files scanned, for summaries.</summary>
    public int FilesScanned { get; init; }

    /// <summary>Ids of the rules that ran (selection and ignore lists applied); null when every rule of <see cref="Rules"/> ran.</summary>
    public IReadOnlySet<string>? RulesRun { get; init; }

    public bool Ran(string ruleId) => RulesRun?.Contains(ruleId) ?? true;

    /// <summary>When and where the scan ran, for reports that record it (JUnit); null when unknown.</summary>
    public ScanTiming? Timing { get; init; }
    /// <summary>The hierarchy's facts for a map (HTML report), when the scan was asked to collect them.</summary>
    public HierarchyMap? Hierarchy { get; init; }
}

/// <summary>When the scan started (UTC), how long it took, and the machine it ran on.</summary>
public sealed record ScanTiming(DateTimeOffset Started, TimeSpan Duration, string Host);

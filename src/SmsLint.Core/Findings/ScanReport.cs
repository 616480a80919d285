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

    /// <summary>Automation id category, e.g. "smslint/".</summary>
    public string Category { get; init; } = "smslint";

    /// <summary>Files scanned, for summaries.</summary>
    public int FilesScanned { get; init; }
}

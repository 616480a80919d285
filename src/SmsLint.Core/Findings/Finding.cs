namespace SmsLint.Findings;

/// <summary>Suppression of a finding: in the scanned file (inSource) or by configuration (external).</summary>
public sealed record Suppression(string Kind, string Justification, Location? Where = null);

/// <summary>A replacement of one region of one file; <see cref="Inserted"/> may be empty (a deletion).</summary>
public sealed record FixEdit(Location Deleted, string Inserted);

/// <summary>A safe, mechanical fix for a finding.</summary>
public sealed record Fix(string Description, IReadOnlyList<FixEdit> Edits);

/// <summary>
/// One result of one rule. <see cref="Subject"/> names what the finding is about (a site code, a
/// file entry, a key) independently of line numbers; it feeds the line-independent fingerprint.
/// </summary>
public sealed record Finding(
    RuleDescriptor Rule,
    Level Level,
    string Message,
    Location Location,
    IReadOnlyList<Location> Related,
    string Subject)
{
    public Fix? Fix { get; init; }

    /// <summary>
    /// What to do about this instance, in one or two sentences (which line to delete, which file to
    /// copy where), or null when the rule page's Remedy says it all. The message states the problem;
    /// this carries the instance-specific remedy, printed as <c>= help:</c> under the finding.
    /// </summary>
    public string? Help { get; init; }

    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    /// <summary>Fingerprints keyed by name (primaryLocationLineHash, smslint/v1), filled by the engine.</summary>
    public IReadOnlyDictionary<string, string> Fingerprints { get; init; } = new Dictionary<string, string>();

    /// <summary>SARIF baselineState when a baseline was given: new, unchanged, updated or absent.</summary>
    public string? BaselineState { get; init; }

    public bool IsSuppressed => Suppressions.Count > 0;

    /// <summary>A baseline result this scan did not find again: kept in SARIF, never shown as a problem or gated.</summary>
    public bool IsAbsent => BaselineState == "absent";
}

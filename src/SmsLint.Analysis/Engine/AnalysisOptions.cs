namespace SmsLint.Engine;

/// <summary>Limits and switches of one scan. Defaults are documented in the README (Robustness).</summary>
public sealed record AnalysisOptions
{
    /// <summary>Text files larger than this are not read (an input finding says so). SMS config files are kilobytes.</summary>
    public long MaxTextFileBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>
    /// Lines longer than this stop the file from being parsed. 8,191 characters is the longest
    /// command line cmd.exe accepts on Windows NT 4.0 and later; nothing SMS writes comes close.
    /// </summary>
    public int MaxLineLength { get; init; } = 8191;

    /// <summary>
    /// Wall-clock time one file may take to parse (10 s; a 4 MiB file parses in well under a
    /// second). Over it, parsing stops, the file counts as not parsed and an input finding says so.
    /// </summary>
    public TimeSpan MaxParseTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Limits on listing the snapshot and on reading zip archives.</summary>
    public Discover.SourceLimits Source { get; init; } = Discover.SourceLimits.Default;

    /// <summary>Stops the scan (Ctrl-C, SIGTERM): the loader and the rule loop then throw <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// Called once the snapshot is listed and before any file is read, with the scan's cancellation
    /// token: a fixed point in the middle of a scan. The CLI sets it only for its signal tests
    /// (<c>SMSLINT_TEST_PAUSE_AFTER_LISTING</c>, docs/robustness.md).
    /// </summary>
    public Action<CancellationToken>? AfterListing { get; init; }

    /// <summary>Parallel degree for reading and parsing; output does not depend on it.</summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Rule ids to run (empty: all).</summary>
    public IReadOnlySet<string> Select { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rule ids not to run.</summary>
    public IReadOnlySet<string> Ignore { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the rule runs: selected (or nothing selected) and not ignored.</summary>
    public bool RunsRule(string id) => (Select.Count == 0 || Select.Contains(id)) && !Ignore.Contains(id);

    /// <summary>Files not to scan at all (configuration <c>exclude</c>); null: none.</summary>
    public Config.PathGlobs? Exclude { get; init; }

    /// <summary>Per-rule levels replacing the level a rule reports (configuration <c>rules.levels</c>), by rule id.</summary>
    public IReadOnlyDictionary<string, Findings.Level> LevelOverrides { get; init; } = new Dictionary<string, Findings.Level>();

    /// <summary>
    /// Whether <c>smslint-disable-…</c> comments in the scanned files suppress findings. When false
    /// they suppress nothing and each is reported (SMS0007), so a forbidden comment is not mistaken
    /// for a working one.
    /// </summary>
    public bool InlineSuppressions { get; init; } = true;

    /// <summary>Suppressions declared in the configuration file (SARIF kind "external").</summary>
    public IReadOnlyList<Config.DeclaredSuppression> DeclaredSuppressions { get; init; } = [];

    /// <summary>The configuration file the declared suppressions come from, for their locations.</summary>
    public Config.SmsLintConfig? Config { get; init; }

    /// <summary>
    /// The configuration file's path relative to the snapshot root when it lies inside the snapshot
    /// (the usual smslint.yml at the root): problems with declared suppressions are then findings at
    /// its lines; otherwise they are run notifications.
    /// </summary>
    public string? ConfigPathInSnapshot { get; init; }

    /// <summary>The date expiry dates of suppressions are compared with (a suppression is valid through its date).</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// How version differences are weighed by the Q262677 "significant version" rule (SMS2001, SMS2002,
    /// SMS2015). Default: a service-pack-digit difference is significant (see rules/SMS2001.md).
    /// </summary>
    public Catalog.SignificanceOptions Significance { get; init; } = Catalog.SignificanceOptions.Default;
}

using SmsLint.Engine;
using SmsLint.Writers.Sarif;

namespace SmsLint.Scanning;

/// <summary>
/// Everything one scan needs, as a caller states it: the snapshot, the rules, and the files and
/// switches that shape the run. <see cref="Scanner.Scan(ScanSettings)"/> merges them with the
/// configuration file, loads the catalog and the baseline, and runs the scan.
/// </summary>
/// <param name="Snapshot">The snapshot folder or .zip file.</param>
/// <param name="Rules">The rules the scan knows (SmsLint.Rules' <c>BuiltInRules.All</c> for the real thing).</param>
public sealed record ScanSettings(string Snapshot, RuleSet Rules)
{
    /// <summary>Rule ids to run; empty: the configuration's selection, or every rule.</summary>
    public IReadOnlyList<string> Select { get; init; } = [];

    /// <summary>Rule ids not to run, added to the configuration's.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Parallel degree for reading and parsing; null: one per processor.</summary>
    public int? Threads { get; init; }

    /// <summary>The configuration file; null looks for smslint.yml at the snapshot root.</summary>
    public string? Config { get; init; }

    /// <summary>An SMS catalog file replacing the embedded one (wins over the configuration's catalog).</summary>
    public string? Catalog { get; init; }

    /// <summary>An earlier SmsLint SARIF log: results get a baselineState and absent ones are added.</summary>
    public string? Baseline { get; init; }

    /// <summary>smslint-disable comments suppress nothing and are reported.</summary>
    public bool NoInlineSuppressions { get; init; }

    /// <summary>The analysis category (SARIF automationDetails).</summary>
    public string Category { get; init; } = "smslint";

    /// <summary>Record the snapshot folder's absolute file URI (SARIF originalUriBaseIds).</summary>
    public bool SrcRoot { get; init; }

    /// <summary>
    /// Also record where the snapshot sits in the git work tree holding it (a %SRCROOT% chained to a
    /// repository base), so a log from CI resolves in a checkout of the same repository.
    /// </summary>
    public bool SrcRootInRepository { get; init; }

    /// <summary>Where rule help pages live (rule id + ".md" is appended); null for the package's own repository.</summary>
    public string? HelpUriBase { get; init; }

    /// <summary>Also build the hierarchy's facts for a map (the HTML report).</summary>
    public bool CollectHierarchy { get; init; }

    /// <summary>Stops the scan; it then throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>See <see cref="AnalysisOptions.AfterListing"/>.</summary>
    public Action<CancellationToken>? AfterListing { get; init; }

    /// <summary>Where the scan reports how far it has got; null: nowhere.</summary>
    public ScanProgress? Progress { get; init; }

    /// <summary>An upgrade plan to read the snapshot under (as <c>smslint plan</c> does); null: as captured.</summary>
    public SmsLint.Model.RolloutOverlay? Overlay { get; init; }

    /// <summary>
    /// Only these rules of <see cref="Rules"/> are run; the others stay known (suppressions may name
    /// them, the report lists them) and count as having found nothing. Unlike <see cref="Select"/>,
    /// this turns nothing off: an unused suppression of a rule that was not run is still reported.
    /// The fixture tests use it to run the rule under test alone; null: every selected rule runs.
    /// </summary>
    public IReadOnlySet<string>? RunOnly { get; init; }

    /// <summary>Last changes to the options built from the settings and the configuration (tests: a fixed date, one thread).</summary>
    public Func<AnalysisOptions, AnalysisOptions>? Adjust { get; init; }
}

/// <summary>
/// A scan prepared from its settings: options, catalog and baseline, all read and validated. A
/// catalog given by the user is read and checked by <see cref="Scanner.Prepare"/>; the embedded one
/// is read on a pool thread while the snapshot is listed, and <see cref="Catalog"/> waits for it.
/// </summary>
public sealed record PreparedScan(
    string Root,
    AnalysisOptions Options,
    Lazy<SmsLint.Catalog.SmsCatalog> CatalogSource,
    string CatalogOrigin,
    IReadOnlyList<BaselineEntry>? Baseline,
    ScanSettings Settings)
{
    public RuleSet Rules => Settings.Rules;

    public SmsLint.Catalog.SmsCatalog Catalog => CatalogSource.Value;

    public SmsLint.Findings.CatalogInfo CatalogInfo => new(Catalog.Name, Catalog.CatalogVersion, CatalogOrigin);
}

/// <summary>Which input of a scan was wrong.</summary>
public enum ScanSetupProblem
{
    Configuration,
    Catalog,
    Baseline,
}

/// <summary>One reason a scan could not start.</summary>
public sealed record ScanSetupError(ScanSetupProblem Problem, string Message);

/// <summary>The configuration, catalog or baseline of a scan cannot be used; nothing was scanned.</summary>
public sealed class ScanSetupException(IReadOnlyList<ScanSetupError> errors)
    : Exception(errors.Count > 0 ? errors[0].Message : "the scan could not be set up")
{
    public IReadOnlyList<ScanSetupError> Errors { get; } = errors;
}

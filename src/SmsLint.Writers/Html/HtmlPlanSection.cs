using SmsLint.Findings;
using SmsLint.Hierarchy;

namespace SmsLint.Writers.Html;

/// <summary>
/// The extension point for `smslint plan --format html` (contract §6): the plan command builds this
/// from its own result and passes it in <see cref="HtmlReportOptions.Plan"/>; the writer renders the
/// checklist and, when <see cref="MapAfter"/> is given, the map as it would be after the overlay.
/// The scan never sets it.
/// </summary>
public sealed record HtmlPlanSection(string Phase, IReadOnlyList<HtmlPlanItem> Checklist)
{
    /// <summary>The upgrades the plan overlays, e.g. "AAA 2.00.1380.1000 → 2.00.1493.2000".</summary>
    public IReadOnlyList<string> Upgrades { get; init; } = [];

    /// <summary>The hierarchy with the overlay applied; null draws no second map.</summary>
    public HierarchyMap? MapAfter { get; init; }

    /// <summary>Findings the overlay creates and today's scan does not have (contract §6 "predicted").</summary>
    public IReadOnlyList<Finding> Predicted { get; init; } = [];
}

/// <summary>One checklist line: <see cref="Status"/> is "ready", "not-ready" or "cannot-tell".</summary>
public sealed record HtmlPlanItem(string Id, string Status, string Text, IReadOnlyList<string> Kb, IReadOnlyList<Location> Evidence, string? Site)
{
    /// <summary>Not ready and must be fixed before the upgrade: listed again under "Blockers".</summary>
    public bool Blocker { get; init; }

    /// <summary>The SMS7xxx rule that reports the item in SARIF.</summary>
    public string? RuleId { get; init; }

    /// <summary>When the item has to be settled (before-upgrade, before-re-enabling-scripts, after-upgrade).</summary>
    public string? Gate { get; init; }

    /// <summary>For cannot-tell: what would settle it.</summary>
    public string? Proof { get; init; }
}

/// <summary>What the HTML report shows besides the scan report itself.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>The ids of the rules that ran (provenance); null lists every registered rule.</summary>
    public IReadOnlyList<string>? RulesRun { get; init; }

    /// <summary>Only for `smslint plan --format html`.</summary>
    public HtmlPlanSection? Plan { get; init; }

    /// <summary>More than this many findings of one rule with one cause in one group are rolled up into one row.</summary>
    public int RollUpOver { get; init; } = 20;
}

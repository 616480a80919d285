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
}

/// <summary>One checklist line: <see cref="Status"/> is "ready", "not-ready" or "cannot-tell".</summary>
public sealed record HtmlPlanItem(string Id, string Status, string Text, IReadOnlyList<string> Kb, IReadOnlyList<Location> Evidence, string? Site);

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

using SmsLint.Findings;
using SmsLint.Writers.Sarif.Model;
using Fix = SmsLint.Writers.Sarif.Model.Fix;
using Location = SmsLint.Writers.Sarif.Model.Location;
using Notification = SmsLint.Writers.Sarif.Model.Notification;
using Region = SmsLint.Writers.Sarif.Model.Region;
using Suppression = SmsLint.Writers.Sarif.Model.Suppression;
using F = SmsLint.Findings;

namespace SmsLint.Writers.Sarif;

/// <summary>
/// Who reads the log (contract §4). GitHub ignores SARIF suppressions and has no baselines, so the
/// upload profiles leave out suppressed and absent results; only the Azure DevOps profile writes
/// the Azure DevOps (GHAzDO) form of <c>automationDetails</c>.
/// </summary>
public enum SarifProfile
{
    /// <summary>For IDEs and audits: every result stays, suppressed ones with their justification.</summary>
    Ide,

    /// <summary>For GitHub code scanning upload: suppressed and absent results are left out.</summary>
    Github,

    /// <summary>For GitHub Advanced Security for Azure DevOps: the github profile's results, with the pipeline form of automationDetails.</summary>
    AzureDevOps,
}

/// <summary>Renders a <see cref="ScanReport"/> as SARIF 2.1.0 (contract §4).</summary>
public static class SarifWriter
{
    public const string SrcRoot = "%SRCROOT%";
    public const string InformationUri = "https://github.com/smslint/smslint";

    /// <param name="report">The scan report.</param>
    /// <param name="output">Where the UTF-8 JSON goes.</param>
    /// <param name="profile">Whether suppressed results are kept (IDE, audit) or left out (GitHub upload).</param>
    /// <param name="pathPrefix">
    /// Where the snapshot root lies in the repository (e.g. <c>snapshots/site1</c>); prepended to
    /// every artifact URI so that GitHub code scanning finds the files, and recorded in
    /// <c>run.properties.pathPrefix</c> so that a log used as a baseline can be read back. Null: none.
    /// </param>
    public static void Write(ScanReport report, Stream output, SarifProfile profile = SarifProfile.Ide, string? pathPrefix = null)
    {
        JsonOutput.Write(output, Build(report, profile, pathPrefix), SarifJsonContext.Default.SarifLog);
    }

    public static string WriteToString(ScanReport report, SarifProfile profile = SarifProfile.Ide, string? pathPrefix = null)
    {
        using var ms = new MemoryStream();
        Write(report, ms, profile, pathPrefix);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    public static SarifLog Build(ScanReport report, SarifProfile profile, string? pathPrefix = null)
    {
        var prefix = NormalisePrefix(pathPrefix);
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rules = new List<ReportingDescriptor>();
        foreach (var rule in report.Rules)
        {
            ruleIndex[rule.Id] = rules.Count;
            rules.Add(Describe(rule, report));
        }

        var results = report.Findings
            .Where(f => profile == SarifProfile.Ide || !(f.IsSuppressed || f.IsAbsent))
            .Select(f => ToResult(f, ruleIndex[f.Rule.Id], prefix))
            .ToList();

        var driver = new ToolComponent("SmsLint", "SmsLint analyzer for SMS 1.2 and 2.0 share snapshots", report.ToolVersion, report.ToolVersion, InformationUri, rules);
        var catalog = new ToolComponent(report.Catalog.Name, null, report.Catalog.Version, null, null, null);
        var notifications = report.Notifications.Select(n => ToNotification(n, prefix)).ToList();
        var run = new Run(
            new Tool(driver, [catalog]),
            [new Invocation(report.ExecutionSuccessful, notifications.Count > 0 ? notifications : null)],
            report.RootUri is null ? null : new Dictionary<string, ArtifactLocation> { [SrcRoot] = new(report.RootUri, null) },
            profile == SarifProfile.AzureDevOps ? AzureDevOpsAutomationDetails(report.Category) : AutomationDetails(report.Category),
            "utf16CodeUnits",
            results,
            new PropertyBag(new CatalogProperty(report.Catalog.Name, report.Catalog.Version, report.Catalog.Source), prefix.Length > 0 ? prefix : null));
        return new SarifLog("https://json.schemastore.org/sarif-2.1.0.json", "2.1.0", [run]);
    }

    private static ReportingDescriptor Describe(RuleDescriptor rule, ScanReport report)
    {
        var markdown = report.RuleDocs?.GetValueOrDefault(rule.Id);
        var full = report.RuleSummaries?.GetValueOrDefault(rule.Id) ?? rule.Title + ".";
        var helpText = markdown ?? $"{rule.Id}: {rule.Title}. See {report.HelpUri(rule.Id)}";
        return new ReportingDescriptor(
            rule.Id,
            rule.Name,
            new Message(Sentence(rule.Title)),
            new Message(full),
            new MultiformatMessage(helpText, markdown),
            report.HelpUri(rule.Id),
            new ReportingConfiguration(rule.DefaultLevel.ToSarif()),
            new RuleProperties(rule.Tags, rule.Kb, rule.Precision, rule.ProblemSeverity, rule.CandidateIds.Count > 0 ? rule.CandidateIds : null));
    }

    public const string AdoPrefix = "azuredevops/pipeline/build/";

    /// <summary>
    /// The run's automationDetails in the ide and github profiles: <c>&lt;category&gt;/</c>, the
    /// form GitHub code scanning writes itself. upload-sarif takes the category from this id when
    /// present (it overrides the action's <c>category</c> input), so the category the user names
    /// with <c>--category</c> is the one GitHub shows, and two categories are two analyses.
    /// </summary>
    public static RunAutomationDetails AutomationDetails(string category) => new($"{category.Trim('/')}/", null);

    /// <summary>
    /// The run's automationDetails in the azure-devops profile. The Multitool's GHAzDO rules require, whenever
    /// automationDetails is present, an id under "azuredevops/pipeline/build/" and four pipeline
    /// properties (GHAzDO1019/1020), and GHAzDO1014 requires automationDetails itself; so the id
    /// is "azuredevops/pipeline/build/&lt;category&gt;/" and the properties carry the documented
    /// "-1" build-definition sentinel and a phase GUID derived from the category. GitHub code
    /// scanning takes everything before the last '/' as the category, which stays stable.
    /// </summary>
    public static RunAutomationDetails AzureDevOpsAutomationDetails(string category)
    {
        var name = category.Trim('/');
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("smslint:" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var phase = new Guid(hash.AsSpan(0, 16), bigEndian: true);
        var properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [AdoPrefix + "buildDefinitionId"] = "-1",
            [AdoPrefix + "buildDefinitionName"] = name,
            [AdoPrefix + "phaseId"] = phase.ToString("D"),
            [AdoPrefix + "phaseName"] = name,
        };
        return new RunAutomationDetails($"{AdoPrefix}{name}/", properties);
    }

    internal static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";

    /// <summary>"a/b/" for "a/b", "./a/b/" or "a\\b"; empty for null, "" or ".".</summary>
    public static string NormalisePrefix(string? prefix)
    {
        var p = (prefix ?? string.Empty).Replace('\\', '/').Trim('/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p is "" or "." ? string.Empty : p + "/";
    }

    private static Result ToResult(Finding f, int ruleIndex, string prefix)
    {
        var related = f.Related.Select((l, i) => ToLocation(l, i + 1, prefix)).ToList();
        return new Result(
            f.Rule.Id,
            ruleIndex,
            f.Level.ToSarif(),
            new Message(Sentence(f.Message)),
            [ToLocation(f.Location, null, prefix)],
            related.Count > 0 ? related : null,
            f.Fingerprints,
            f.BaselineState,
            f.Suppressions.Count > 0 ? [.. f.Suppressions.Select(s => new Suppression(s.Kind, s.Justification, "accepted", s.Where is { } w ? ToLocation(w, null, prefix) : null))] : null,
            f.Fix is { } fix ? [ToFix(fix, prefix)] : null,
            f.Help is { Length: > 0 } help ? new ResultProperties(Sentence(help)) : null);
    }

    private static Location ToLocation(F.Location l, int? id, string prefix) => new(
        id,
        new PhysicalLocation(new ArtifactLocation(SarifUri.FromRelativePath(prefix + l.Path), SrcRoot), ToRegion(l)),
        l.Message is null ? null : new Message(Sentence(l.Message)));

    private static Region ToRegion(F.Location l)
    {
        var r = l.Region;
        return new Region(r.StartLine, r.StartColumn, r.EndLine, r.EndColumn, r.CharOffset, r.CharLength, l.Snippet is null ? null : new ArtifactContent(l.Snippet));
    }

    private static Fix ToFix(F.Fix fix, string prefix) => new(
        new Message(Sentence(fix.Description)),
        [.. fix.Edits.GroupBy(e => e.Deleted.Path).Select(g => new ArtifactChange(
            new ArtifactLocation(SarifUri.FromRelativePath(prefix + g.Key), SrcRoot),
            [.. g.Select(e => new Replacement(ToRegion(e.Deleted) with { Snippet = null }, new ArtifactContent(e.Inserted)))]))]);

    private static Notification ToNotification(F.Notification n, string prefix) => new(
        new Message(Sentence(n.Message)),
        n.Level.ToSarif(),
        new NotificationDescriptorReference(n.Id),
        n.Path is null ? null : [new Location(null, new PhysicalLocation(new ArtifactLocation(SarifUri.FromRelativePath(prefix + n.Path), SrcRoot), new Region(1, 1, 1, 1, null, null, null)), null)]);
}

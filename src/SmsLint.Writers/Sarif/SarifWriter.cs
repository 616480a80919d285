using System.Text.Json;
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

/// <summary>
/// Renders a <see cref="ScanReport"/> as SARIF 2.1.0 (contract §4). The log is written straight to
/// the output stream: the run's frame by hand, each piece (tool, taxonomies, each result) serialized
/// on its own, so the cost of a log grows with its results without a whole-log object in memory.
/// </summary>
public static class SarifWriter
{
    public const string SrcRoot = "%SRCROOT%";

    /// <summary>The base id a relative %SRCROOT% is chained to when the snapshot sits in a repository; the viewer supplies it (its workspace).</summary>
    public const string RepoRoot = "REPOROOT";

    /// <summary>The driver's informationUri: the repository the package was built from.</summary>
    public static string InformationUri => ProjectLinks.RepositoryUrl;

    /// <summary>The Knowledge Base taxonomy's name and fixed GUID (rules reference it by both).</summary>
    public const string KbTaxonomyName = "MicrosoftKnowledgeBase";

    public const string KbTaxonomyGuid = "5b7e3c1d-8f0a-4a52-9a41-2f6d0c8e7b13";

    /// <summary>Starts the list of links to the related locations that follows a result's message.</summary>
    public const string RelatedLinksLead = " Related locations: ";

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
        var prefix = NormalisePrefix(pathPrefix);
        var ctx = SarifJsonContext.Default;
        var (taxonomy, taxonIndex) = KbTaxonomy(report);
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rules = new List<ReportingDescriptor>();
        foreach (var rule in report.Rules)
        {
            ruleIndex[rule.Id] = rules.Count;
            rules.Add(Describe(rule, report, taxonIndex));
        }

        using (var w = new Utf8JsonWriter(output, JsonOutput.Options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            var kbReference = new ToolComponentReference(KbTaxonomyName, 0, KbTaxonomyGuid);
            var driver = new ToolComponent("SmsLint", "SmsLint analyzer for SMS 1.2 and 2.0 share snapshots", report.ToolVersion, report.ToolVersion, InformationUri, rules, taxonomy.Taxa.Count > 0 ? [kbReference] : null);
            var catalog = new ToolComponent(report.Catalog.Name, null, report.Catalog.Version, null, null, null);
            w.WritePropertyName("tool");
            JsonSerializer.Serialize(w, new Tool(driver, [catalog]), ctx.Tool);

            if (taxonomy.Taxa.Count > 0)
            {
                w.WritePropertyName("taxonomies");
                JsonSerializer.Serialize<IReadOnlyList<Taxonomy>>(w, [taxonomy], ctx.IReadOnlyListTaxonomy);
            }

            var notifications = report.Notifications.Select(n => ToNotification(n, prefix)).ToList();
            w.WritePropertyName("invocations");
            JsonSerializer.Serialize<IReadOnlyList<Invocation>>(w, [new Invocation(report.ExecutionSuccessful, notifications.Count > 0 ? notifications : null)], ctx.IReadOnlyListInvocation);

            if (OriginalUriBaseIds(report, profile, prefix) is { } bases)
            {
                w.WritePropertyName("originalUriBaseIds");
                JsonSerializer.Serialize(w, bases, ctx.IReadOnlyDictionaryStringArtifactLocation);
            }

            w.WritePropertyName("automationDetails");
            JsonSerializer.Serialize(w, profile == SarifProfile.AzureDevOps ? AzureDevOpsAutomationDetails(report.Category) : AutomationDetails(report.Category), ctx.RunAutomationDetails);
            w.WriteString("columnKind", "utf16CodeUnits");

            w.WriteStartArray("results");
            foreach (var f in report.Findings)
            {
                if (profile == SarifProfile.Ide || !(f.IsSuppressed || f.IsAbsent))
                {
                    // Serialize flushes the writer, so each result reaches the stream as it is written.
                    JsonSerializer.Serialize(w, ToResult(f, ruleIndex[f.Rule.Id], prefix), ctx.Result);
                }
            }

            w.WriteEndArray();
            w.WritePropertyName("properties");
            JsonSerializer.Serialize(w, new PropertyBag(new CatalogProperty(report.Catalog.Name, report.Catalog.Version, report.Catalog.Source), prefix.Length > 0 ? prefix : null), ctx.PropertyBag);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    public static string WriteToString(ScanReport report, SarifProfile profile = SarifProfile.Ide, string? pathPrefix = null)
    {
        using var ms = new MemoryStream();
        Write(report, ms, profile, pathPrefix);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>
    /// %SRCROOT%: the snapshot's absolute folder URI when asked for (--srcroot); otherwise, in the ide
    /// profile, when the snapshot sits in a subfolder of a repository, the folder
    /// relative to <see cref="RepoRoot"/>, which has no URI of its own (a viewer takes its workspace).
    /// </summary>
    private static Dictionary<string, ArtifactLocation>? OriginalUriBaseIds(ScanReport report, SarifProfile profile, string prefix)
    {
        if (report.RootUri is { } root)
        {
            return new Dictionary<string, ArtifactLocation> { [SrcRoot] = new(root, null) };
        }

        if (profile == SarifProfile.Ide && prefix.Length == 0 && NormalisePrefix(report.SnapshotInRepository) is { Length: > 0 } inRepo)
        {
            return new Dictionary<string, ArtifactLocation>
            {
                [RepoRoot] = new(null, null, new Message("The root of the repository that holds the snapshot; a viewer opened on the repository uses its workspace folder.")),
                [SrcRoot] = new(SarifUri.FromRelativePath(inRepo), RepoRoot, new Message($"The snapshot folder '{inRepo}' in the repository.")),
            };
        }

        return null;
    }

    /// <summary>
    /// One taxon per KB article any rule rests on, sorted by id, each with its article's address and
    /// the title the rule pages' References give it.
    /// </summary>
    private static (Taxonomy Taxonomy, Dictionary<string, int> Index) KbTaxonomy(ScanReport report)
    {
        var titles = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in report.Rules)
        {
            foreach (var kb in rule.Kb)
            {
                if (ProjectLinks.KbUri(kb) is null)
                {
                    continue;
                }

                var title = report.RuleDocs?.GetValueOrDefault(rule.Id) is { } page ? ReferenceTitle(page, kb) : null;
                if (!titles.TryGetValue(kb, out var known) || (known.Length == 0 && title is not null))
                {
                    titles[kb] = title ?? string.Empty;
                }
            }
        }

        var taxa = titles.Select(t => new Taxon(
            t.Key,
            new Message(t.Value.Length > 0 ? Sentence($"{t.Key}: {t.Value}") : $"Microsoft Knowledge Base article {t.Key}."),
            ProjectLinks.KbUri(t.Key)!)).ToList();
        var index = taxa.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var taxonomy = new Taxonomy(
            KbTaxonomyName,
            KbTaxonomyGuid,
            "Microsoft",
            new MultiformatMessage("The Microsoft Knowledge Base articles on SMS 1.2 and 2.0 that SmsLint's rules rest on.", null),
            ProjectLinks.KbUriBase,
            false,
            taxa);
        return (taxonomy, index);
    }

    /// <summary>The text after "- Qnnnnnn:" in a rule page's References section, first sentence-ish, or null.</summary>
    private static string? ReferenceTitle(string page, string kb)
    {
        foreach (var line in page.Split('\n'))
        {
            var t = line.Trim();
            var lead = $"- {kb}:";
            if (t.StartsWith(lead, StringComparison.Ordinal))
            {
                var title = t[lead.Length..].Trim().Replace("`", string.Empty, StringComparison.Ordinal).Replace("**", string.Empty, StringComparison.Ordinal);
                if (title.Length > 300)
                {
                    title = string.Concat(title.AsSpan(0, 296), " ...");
                }

                return title.Length > 0 ? title : null;
            }
        }

        return null;
    }

    private static ReportingDescriptor Describe(RuleDescriptor rule, ScanReport report, Dictionary<string, int> taxonIndex)
    {
        var markdown = report.RuleDocs?.GetValueOrDefault(rule.Id) is { } page ? ProjectLinks.LinkKbIds(page) : null;
        var full = report.RuleSummaries?.GetValueOrDefault(rule.Id) ?? rule.Title + ".";
        var helpText = report.RuleDocs?.GetValueOrDefault(rule.Id) ?? $"{rule.Id}: {rule.Title}. See {report.HelpUri(rule.Id)}";
        var relationships = rule.Kb
            .Where(taxonIndex.ContainsKey)
            .Select(kb => new ReportingDescriptorRelationship(
                new ReportingDescriptorReference(kb, taxonIndex[kb], new ToolComponentReference(KbTaxonomyName, 0, KbTaxonomyGuid)),
                ["relevant"]))
            .ToList();
        return new ReportingDescriptor(
            rule.Id,
            rule.Name,
            new Message(Sentence(rule.Title)),
            new Message(full),
            new MultiformatMessage(helpText, markdown),
            report.HelpUri(rule.Id),
            new ReportingConfiguration(rule.DefaultLevel.ToSarif()),
            new RuleProperties(rule.Tags, rule.Kb, rule.Precision, rule.ProblemSeverity),
            relationships.Count > 0 ? relationships : null);
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

    /// <summary>
    /// A result's message: the finding's sentence and, when it has related locations, a link to each
    /// (<c>[label](id)</c>, SARIF's embedded links), since VS Code shows related locations only
    /// through links in the message.
    /// </summary>
    public static string MessageText(string message, IReadOnlyList<F.Location> related)
    {
        var text = Sentence(message);
        if (related.Count == 0)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text).Append(RelatedLinksLead);
        for (var i = 0; i < related.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : ", ").Append('[').Append(LinkLabel(related[i])).Append("](").Append(i + 1).Append(')');
        }

        return sb.Append('.').ToString();
    }

    /// <summary>The finding's own message, with the related-location links <see cref="MessageText"/> adds taken off.</summary>
    public static string WithoutRelatedLinks(string text)
    {
        var at = text.LastIndexOf(RelatedLinksLead + "[", StringComparison.Ordinal);
        return at >= 0 && text.EndsWith(").", StringComparison.Ordinal) ? text[..at] : text;
    }

    /// <summary>"path:line" (the whole path, since file names repeat across machines); the path alone for a whole-file location.</summary>
    private static string LinkLabel(F.Location l)
    {
        var label = l.Region == F.Region.WholeFile && l.Snippet is null ? l.Path : $"{l.Path}:{l.Region.StartLine}";
        // Brackets would end the link text early in every viewer's link syntax.
        return label.Replace('[', '(').Replace(']', ')');
    }

    private static Result ToResult(Finding f, int ruleIndex, string prefix)
    {
        var related = f.Related.Select((l, i) => ToLocation(l, i + 1, prefix)).ToList();
        return new Result(
            f.Rule.Id,
            ruleIndex,
            f.Level.ToSarif(),
            new Message(MessageText(f.Message, f.Related)),
            [ToLocation(f.Location, null, prefix)],
            related.Count > 0 ? related : null,
            f.Fingerprints,
            f.BaselineState,
            f.Suppressions.Count > 0 ? [.. f.Suppressions.Select(s => new Suppression(s.Kind, s.Justification, "accepted", s.Where is { } w ? ToLocation(w, null, prefix) : null))] : null,
            f.Fix is { } fix ? [ToFix(fix, prefix)] : null,
            f.Help is { Length: > 0 } help ? new ResultProperties(Sentence(help)) : null);
    }

    /// <summary>
    /// A snapshot path as an artifact location under %SRCROOT%. When the URI had to percent-encode
    /// the path (a space, '#', non-ASCII), the path as written goes in <c>description</c>, since
    /// viewers show the URI raw.
    /// </summary>
    public static ArtifactLocation Artifact(string path, string prefix = "")
    {
        var uri = SarifUri.FromRelativePath(prefix + path);
        return new ArtifactLocation(uri, SrcRoot, uri == prefix + path ? null : new Message(prefix + path));
    }

    private static Location ToLocation(F.Location l, int? id, string prefix) => new(
        id,
        new PhysicalLocation(Artifact(l.Path, prefix), ToRegion(l)),
        l.Message is null ? null : new Message(Sentence(l.Message)));

    private static Region ToRegion(F.Location l)
    {
        var r = l.Region;
        return new Region(r.StartLine, r.StartColumn, r.EndLine, r.EndColumn, r.CharOffset, r.CharLength, l.Snippet is null ? null : new ArtifactContent(l.Snippet));
    }

    private static Fix ToFix(F.Fix fix, string prefix) => new(
        new Message(Sentence(fix.Description)),
        [.. fix.Edits.GroupBy(e => e.Deleted.Path).Select(g => new ArtifactChange(
            Artifact(g.Key, prefix),
            [.. g.Select(e => new Replacement(ToRegion(e.Deleted) with { Snippet = null }, new ArtifactContent(e.Inserted)))]))]);

    private static Notification ToNotification(F.Notification n, string prefix) => new(
        new Message(Sentence(n.Message)),
        n.Level.ToSarif(),
        new NotificationDescriptorReference(n.Id),
        n.Path is null ? null : [new Location(null, new PhysicalLocation(Artifact(n.Path, prefix), new Region(1, 1, 1, 1, null, null, null)), null)]);
}

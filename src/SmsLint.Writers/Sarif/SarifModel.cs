using System.Text.Json.Serialization;

namespace SmsLint.Writers.Sarif.Model;

// The subset of the SARIF 2.1.0 object model SmsLint writes. Property order is declaration order,
// which keeps logs byte-stable; null members are omitted. SarifWriter writes the log and run
// objects itself and serializes these pieces one at a time (results one by one), so no whole-log
// object is ever built.
#pragma warning disable SA1402, CA1056, CA1054

public sealed record Tool(ToolComponent Driver, IReadOnlyList<ToolComponent>? Extensions);

public sealed record ToolComponent(
    string Name,
    string? FullName,
    string? Version,
    string? SemanticVersion,
    string? InformationUri,
    IReadOnlyList<ReportingDescriptor>? Rules,
    IReadOnlyList<ToolComponentReference>? SupportedTaxonomies = null);

/// <summary>A taxonomy in <c>run.taxonomies</c>: here the Microsoft Knowledge Base articles the rules rest on.</summary>
public sealed record Taxonomy(
    string Name,
    string Guid,
    string Organization,
    MultiformatMessage ShortDescription,
    string InformationUri,
    bool IsComprehensive,
    IReadOnlyList<Taxon> Taxa);

public sealed record Taxon(string Id, Message ShortDescription, string HelpUri);

public sealed record ToolComponentReference(string Name, int Index, string Guid);

public sealed record ReportingDescriptorReference(string Id, int Index, ToolComponentReference ToolComponent);

public sealed record ReportingDescriptorRelationship(ReportingDescriptorReference Target, IReadOnlyList<string> Kinds);

public sealed record ReportingDescriptor(
    string Id,
    string Name,
    Message ShortDescription,
    Message FullDescription,
    MultiformatMessage Help,
    string HelpUri,
    ReportingConfiguration DefaultConfiguration,
    RuleProperties Properties,
    IReadOnlyList<ReportingDescriptorRelationship>? Relationships);

public sealed record ReportingConfiguration(string Level);

public sealed record RuleProperties(
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Kb,
    string Precision,
    [property: JsonPropertyName("problem.severity")] string ProblemSeverity);

public sealed record Message(string Text);

public sealed record MultiformatMessage(string Text, string? Markdown);

public sealed record Invocation(bool ExecutionSuccessful, IReadOnlyList<Notification>? ToolExecutionNotifications);

public sealed record Notification(
    Message Message,
    string Level,
    NotificationDescriptorReference? Descriptor,
    IReadOnlyList<Location>? Locations);

public sealed record NotificationDescriptorReference(string Id);

public sealed record RunAutomationDetails(string Id, IReadOnlyDictionary<string, string>? Properties);

public sealed record Result(
    string RuleId,
    int RuleIndex,
    string Level,
    Message Message,
    IReadOnlyList<Location> Locations,
    IReadOnlyList<Location>? RelatedLocations,
    IReadOnlyDictionary<string, string> PartialFingerprints,
    string? BaselineState,
    IReadOnlyList<Suppression>? Suppressions,
    IReadOnlyList<Fix>? Fixes,
    ResultProperties? Properties = null);

/// <summary>A result's property bag: <c>help</c> is the instance's remedy (helper M; the message stays one sentence).</summary>
public sealed record ResultProperties(string? Help);

public sealed record Location(int? Id, PhysicalLocation PhysicalLocation, Message? Message);

public sealed record PhysicalLocation(ArtifactLocation ArtifactLocation, Region Region);

/// <summary>An artifact's URI; <see cref="Description"/> carries the path as written when the URI had to percent-encode it.</summary>
public sealed record ArtifactLocation(string? Uri, string? UriBaseId, Message? Description = null);

public sealed record Region(
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn,
    int? CharOffset,
    int? CharLength,
    ArtifactContent? Snippet);

public sealed record ArtifactContent(string Text);

public sealed record Suppression(string Kind, string? Justification, string? Status, Location? Location = null);

public sealed record Fix(Message Description, IReadOnlyList<ArtifactChange> ArtifactChanges);

public sealed record ArtifactChange(ArtifactLocation ArtifactLocation, IReadOnlyList<Replacement> Replacements);

public sealed record Replacement(Region DeletedRegion, ArtifactContent? InsertedContent);

public sealed record PropertyBag(CatalogProperty? Catalog, string? PathPrefix = null);

public sealed record CatalogProperty(string Name, string Version, string? Source);

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Tool))]
[JsonSerializable(typeof(IReadOnlyList<Taxonomy>))]
[JsonSerializable(typeof(IReadOnlyList<Invocation>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, ArtifactLocation>))]
[JsonSerializable(typeof(RunAutomationDetails))]
[JsonSerializable(typeof(Result))]
[JsonSerializable(typeof(PropertyBag))]
internal sealed partial class SarifJsonContext : JsonSerializerContext;

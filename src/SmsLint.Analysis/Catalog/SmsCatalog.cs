using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using SmsLint.Findings;

namespace SmsLint.Catalog;

/// <summary>Outcome of <see cref="SmsCatalog.Load"/>: a catalog when the data is valid, otherwise the errors.</summary>
/// <param name="Catalog">The loaded catalog, or null when any error was found.</param>
/// <param name="Errors">Messages of the form <c>source(line,column): $.path: text</c>; empty on success.</param>
public sealed record CatalogLoadResult(SmsCatalog? Catalog, IReadOnlyList<string> Errors)
{
    /// <summary>True when a catalog was produced and no error was found.</summary>
    public bool Success => Catalog is not null && Errors.Count == 0;
}

/// <summary>How a <see cref="HotfixFile"/> proves that its hotfix is installed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProofKind>))]
public enum ProofKind
{
    /// <summary>File version at least <see cref="HotfixFile.MinVersion"/> (within the same build; a later build supersedes).</summary>
    [JsonStringEnumMemberName("version")]
    Version,

    /// <summary>File version equal to <see cref="HotfixFile.ExactVersion"/>; used for packaging versions such as 2.0.91.7.</summary>
    [JsonStringEnumMemberName("exact-version")]
    ExactVersion,

    /// <summary>File size equal to <see cref="HotfixFile.SizeBytes"/> (no version published).</summary>
    [JsonStringEnumMemberName("size")]
    Size,

    /// <summary>File modified date equal to <see cref="HotfixFile.Date"/>; <see cref="HotfixFile.WrongDate"/> marks the faulty file.</summary>
    [JsonStringEnumMemberName("date")]
    Date,
}

/// <summary>Values of <see cref="HotfixRequirement.Tag"/>.</summary>
public static class RequiredWhenTags
{
    /// <summary>Needed on every build 1239/1380 site sharing a domain with other sites before any site goes to SP2 (Q261931).</summary>
    public const string SharedDomainBeforeSp2 = "shared-domain-before-sp2";

    /// <summary>Optional fix: only for sites that have the problem it describes.</summary>
    public const string IfAffected = "if-affected";

    /// <summary>Non-English SP4 from the original download installed over SP3 (Q323652).</summary>
    public const string IntlSp4FromSp3 = "intl-sp4-from-sp3";

    /// <summary>SMS 1.2 SP4 logon script calling Check20 for Windows NT clients (Q195702, Q200791).</summary>
    public const string Sms12Sp4Check20 = "sms12-sp4-check20";

    /// <summary>All tags the loader accepts.</summary>
    public static IReadOnlyList<string> All { get; } = [SharedDomainBeforeSp2, IfAffected, IntlSp4FromSp3, Sms12Sp4Check20];
}

/// <summary>A document the catalog data was taken from.</summary>
public sealed record CatalogSource
{
    public required string Name { get; init; }
    public string? Url { get; init; }
    public string? Note { get; init; }
}

/// <summary>A known SMS build (one entry per release level; SP2–SP4 share build 1493).</summary>
public sealed record CatalogBuild
{
    public required string Id { get; init; }
    public required string Product { get; init; }
    public required string Label { get; init; }
    public required int Build { get; init; }

    /// <summary>Service pack level of this entry (0 = release), when the product has one in its version.</summary>
    public int? ServicePack { get; init; }

    public required bool Prerelease { get; init; }

    /// <summary>Version string as files of this release report it (e.g. 1.2(build 786)), when attested.</summary>
    public SmsVersion? Version { get; init; }

    /// <summary>Site/CD version (e.g. 2.00.1380.1000), when attested.</summary>
    public SmsVersion? SiteVersion { get; init; }

    public required IReadOnlyList<string> Kb { get; init; }
    public required bool Inferred { get; init; }
    public string? Notes { get; init; }
}

/// <summary>The SMS 2.0 version numbering scheme, as text.</summary>
public sealed record VersionSchemeInfo
{
    public required string Format { get; init; }
    public required IReadOnlyList<VersionSchemePart> Parts { get; init; }
}

/// <summary>One part of the version scheme (build, service pack digit, ICP digit, ...).</summary>
public sealed record VersionSchemePart
{
    public required string Name { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<string> Kb { get; init; }
    public required bool Inferred { get; init; }
}

/// <summary>A client component and its Compver.ini version at each service pack level.</summary>
public sealed record ClientComponent
{
    /// <summary>Short name (Base, HINV, LicMtr, RemCtrl, SINV, APM, SNMP, SWDist).</summary>
    public required string Name { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>Folder under Clicomp.src / Clicomp.box that holds the component's Compver.ini.</summary>
    public required string CompverFolder { get; init; }

    public required ComponentVersions Versions { get; init; }
    public required IReadOnlyList<string> Kb { get; init; }

    /// <summary>Version at a service pack level (0 = release … 4 = SP4), or null outside that range.</summary>
    public SmsVersion? VersionAt(int spLevel) => spLevel switch
    {
        0 => Versions.Rtm,
        1 => Versions.Sp1,
        2 => Versions.Sp2,
        3 => Versions.Sp3,
        4 => Versions.Sp4,
        _ => null,
    };
}

/// <summary>Compver.ini versions of one component at release and SP1–SP4.</summary>
public sealed record ComponentVersions
{
    public required SmsVersion Rtm { get; init; }
    public required SmsVersion Sp1 { get; init; }
    public required SmsVersion Sp2 { get; init; }
    public required SmsVersion Sp3 { get; init; }
    public required SmsVersion Sp4 { get; init; }
}

/// <summary>WBEM/WMI version shipped at a level; WBEM has its own two-field numbering (698.0012).</summary>
public sealed record WbemVersion
{
    /// <summary>rtm, sp1, sp2, sp3 or sp4.</summary>
    public required string Level { get; init; }

    public required string Version { get; init; }
    public required string Clients { get; init; }

    /// <summary><see cref="Level"/> as a number (rtm = 0).</summary>
    [JsonIgnore]
    public int ServicePackLevel => Level == "rtm" ? 0 : Level[^1] - '0';
}

/// <summary>A hotfix (or hotfix bundle) with the files that prove it.</summary>
public sealed record CatalogHotfix
{
    /// <summary>KB id, Q followed by six digits.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }
    public required string Product { get; init; }
    public required int AppliesToBuild { get; init; }
    public int? AppliesToServicePack { get; init; }
    public required string Fixes { get; init; }
    public required IReadOnlyList<HotfixFile> Files { get; init; }
    public HotfixSupersession? SupersededBy { get; init; }
    public required HotfixRequirement RequiredWhen { get; init; }
    public required IReadOnlyList<string> Kb { get; init; }
    public required bool Inferred { get; init; }
    public string? Notes { get; init; }

    /// <summary>True when a site at <paramref name="build"/> no longer needs this fix because a later build carries it.</summary>
    public bool IsSupersededAt(int build) => SupersededBy?.Build is int b && build >= b;

    /// <summary>Files for one platform (files marked "any" are included for every platform).</summary>
    public IEnumerable<HotfixFile> FilesFor(string platform)
        => Files.Where(f => f.Platform == "any" || string.Equals(f.Platform, platform, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A file whose version, size or date shows the hotfix is installed.</summary>
public sealed record HotfixFile
{
    public required string Name { get; init; }

    /// <summary>i386, alpha or any.</summary>
    public required string Platform { get; init; }

    public required ProofKind Proof { get; init; }
    public SmsVersion? MinVersion { get; init; }
    public SmsVersion? ExactVersion { get; init; }
    public long? SizeBytes { get; init; }
    public DateOnly? Date { get; init; }
    public DateOnly? WrongDate { get; init; }

    /// <summary>
    /// How many days a file's local modified date may differ from <see cref="Date"/>: the KB tables
    /// give dates in UTC, while a captured file shows local time (Q323652). Null means exact.
    /// </summary>
    public int? DateToleranceDays { get; init; }

    /// <summary>
    /// The facts of the file a proof compares ("version", "size", "date"); empty means only the one
    /// <see cref="Proof"/> names (null when the catalog does not say). Times of day and platforms are never compared.
    /// </summary>
    public IReadOnlyList<string>? MatchOn { get; init; }

    /// <summary>
    /// Other KB packages that ship this very file at a version that meets the minimum, so the file
    /// alone proves nothing about this hotfix (Baseobj.dll of Q252717 is also in Q253151).
    /// </summary>
    public IReadOnlyList<string>? SharedWith { get; init; }

    /// <summary>True when the file, at the minimum version, can only have come from this hotfix.</summary>
    public bool IsDistinctive => SharedWith is not { Count: > 0 };

    /// <summary>
    /// Whether a local modified date matches <see cref="Date"/> within <see cref="DateToleranceDays"/>.
    /// False when the catalog has no date.
    /// </summary>
    public bool DateMatches(DateOnly local) =>
        Date is { } d && Math.Abs(local.DayNumber - d.DayNumber) <= (DateToleranceDays ?? 0);
    public required IReadOnlyList<FileLocation> Locations { get; init; }
    public required bool Inferred { get; init; }
    public string? Note { get; init; }

    /// <summary>First (primary) location hint, e.g. SMS_&lt;CODE&gt;/bin/i386.</summary>
    [JsonIgnore]
    public string Location => Locations.Count > 0 ? Locations[0].Path : string.Empty;
}

/// <summary>Where a hotfix file is expected. &lt;CODE&gt; stands for a site code, &lt;X&gt; for a drive letter.</summary>
public sealed record FileLocation
{
    public required string Path { get; init; }

    /// <summary>site-server, logon-point, logon-server or cap.</summary>
    public required string Role { get; init; }

    public required bool Inferred { get; init; }
}

/// <summary>What replaces a hotfix; <see cref="Build"/> is set when a later build includes it.</summary>
public sealed record HotfixSupersession
{
    public int? Build { get; init; }
    public required string Text { get; init; }
    public required bool Inferred { get; init; }
}

/// <summary>When a hotfix is needed: a machine-readable tag (see <see cref="RequiredWhenTags"/>) and text.</summary>
public sealed record HotfixRequirement
{
    public required string Tag { get; init; }
    public required string Text { get; init; }
}

/// <summary>Properties the loader accepts for one kind of object in the catalog (the schema's <c>$defs</c> name; "catalog" is the root).</summary>
public sealed record CatalogObjectShape(string Name, IReadOnlyList<string> Properties, IReadOnlyList<string> Required);

/// <summary>
/// SMS knowledge catalog: builds, version scheme, client component versions and provable hotfixes.
/// The data lives in sms-catalog.json (embedded; see <see cref="LoadEmbedded"/>) and is validated in
/// code by <see cref="Load"/>.
/// </summary>
public sealed record SmsCatalog
{
    /// <summary>Value required in the catalog's "name" property.</summary>
    public const string ExpectedName = "smslint-sms-catalog";

    /// <summary>Name of the embedded resource holding the shipped catalog.</summary>
    public const string EmbeddedResourceName = "sms-catalog.json";

    /// <summary>Largest catalog file accepted.</summary>
    public const int MaxCatalogBytes = 16 * 1024 * 1024;

    /// <summary>The longest error message (characters): a message quotes at most a short excerpt of the file.</summary>
    private const int MaxErrorLength = 400;

    private static readonly Lazy<SmsCatalog> Embedded = new(LoadEmbeddedCore);

    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public required string Name { get; init; }
    public required string CatalogVersion { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<CatalogSource> Sources { get; init; } = [];
    public required IReadOnlyList<CatalogBuild> Builds { get; init; }
    public required VersionSchemeInfo VersionScheme { get; init; }
    public required IReadOnlyList<ClientComponent> ClientComponents { get; init; }
    public IReadOnlyList<WbemVersion> WbemVersions { get; init; } = [];
    public required IReadOnlyList<CatalogHotfix> Hotfixes { get; init; }

    /// <summary>Where the catalog was loaded from (file path, or "embedded:sms-catalog.json").</summary>
    [JsonIgnore]
    public string SourceName { get; init; } = string.Empty;

    /// <summary>The accepted properties of every object kind, as the schema file must also list them.</summary>
    public static IReadOnlyList<CatalogObjectShape> Shapes => CatalogValidator.PublicShapes;

    /// <summary>The catalog shipped inside the assembly (loaded once). Throws if the embedded data is invalid.</summary>
    public static SmsCatalog LoadEmbedded() => Embedded.Value;

    private static SmsCatalog LoadEmbeddedCore()
    {
        using var stream = typeof(SmsCatalog).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{EmbeddedResourceName}' is missing.");
        var result = Load(stream, "embedded:" + EmbeddedResourceName);
        return result.Catalog
            ?? throw new InvalidOperationException("The embedded SMS catalog is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors));
    }

    /// <summary>
    /// Reads and validates a catalog. Every problem found is reported with its line and column;
    /// the catalog is returned only when there are none.
    /// </summary>
    public static CatalogLoadResult Load(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        sourceName ??= "catalog";

        byte[] bytes;
        try
        {
            bytes = ReadAll(json);
        }
        catch (IOException ex)
        {
            return new CatalogLoadResult(null, [$"{sourceName}(1,1): cannot read the catalog: {ex.Message}"]);
        }
        catch (InvalidDataException ex)
        {
            return new CatalogLoadResult(null, [$"{sourceName}(1,1): {ex.Message}"]);
        }

        IReadOnlyList<string> errors;
        try
        {
            errors = CatalogValidator.Validate(bytes, sourceName);
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json refuses to turn invalid UTF-8 in a string into text.
            return new CatalogLoadResult(null, [$"{sourceName}(1,1): $: the catalog is not valid UTF-8 text: {IO.SafeFile.Excerpt(ex.Message, 120)}"]);
        }

        if (errors.Count > 0)
        {
            // Messages quote the file; keep each to a short excerpt.
            return new CatalogLoadResult(null, [.. errors.Select(e => IO.SafeFile.Excerpt(e, MaxErrorLength))]);
        }

        try
        {
            var catalog = JsonSerializer.Deserialize(CatalogValidator.WithoutBom(bytes), CatalogJsonContext.Default.SmsCatalog);
            if (catalog is null)
            {
                return new CatalogLoadResult(null, [$"{sourceName}(1,1): $: the catalog is null"]);
            }

            return new CatalogLoadResult(catalog with { SourceName = sourceName }, []);
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            return new CatalogLoadResult(null, [IO.SafeFile.Excerpt($"{sourceName}({line},{column}): {ex.Path ?? "$"}: {CatalogValidator.TrimPosition(ex.Message)}", MaxErrorLength)]);
        }
        catch (InvalidOperationException ex)
        {
            return new CatalogLoadResult(null, [$"{sourceName}(1,1): $: the catalog is not valid UTF-8 text: {IO.SafeFile.Excerpt(ex.Message, 120)}"]);
        }
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxCatalogBytes)
            {
                throw new InvalidDataException($"the catalog is larger than {MaxCatalogBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Identity of this catalog for reports (SARIF tool extension, run properties).</summary>
    public CatalogInfo ToCatalogInfo() => new(Name, CatalogVersion, SourceName);

    /// <summary>True when the catalog lists <paramref name="build"/> (release or pre-release, any product).</summary>
    public bool IsKnownBuild(int build) => Builds.Any(b => b.Build == build);

    /// <summary>True when every catalog entry for <paramref name="build"/> is a pre-release (e.g. RC0 = 1196).</summary>
    public bool IsPreReleaseBuild(int build)
    {
        var entries = BuildsFor(build);
        return entries.Count > 0 && entries.All(b => b.Prerelease);
    }

    /// <summary>All entries with this build number (SP2, SP3 and SP4 for 1493).</summary>
    public IReadOnlyList<CatalogBuild> BuildsFor(int build) => Builds.Where(b => b.Build == build).ToList();

    /// <summary>
    /// Human-readable name of a build, e.g. "SMS 2.0 SP2/SP3/SP4 (build 1493)" or
    /// "SMS 2.0 RC0, pre-release (build 1196)"; null when the build is not in the catalog.
    /// </summary>
    public string? DescribeBuild(int build)
    {
        var entries = BuildsFor(build);
        if (entries.Count == 0)
        {
            return null;
        }

        var parts = entries
            .GroupBy(b => b.Product, StringComparer.Ordinal)
            .Select(g => g.Key + " " + string.Join("/", g.Select(b => b.Label)) + (g.All(b => b.Prerelease) ? ", pre-release" : string.Empty));
        return string.Join("; ", parts) + string.Create(CultureInfo.InvariantCulture, $" (build {build})");
    }

    /// <summary>Hotfixes written for sites at <paramref name="build"/>.</summary>
    public IReadOnlyList<CatalogHotfix> HotfixesFor(int build) => Hotfixes.Where(h => h.AppliesToBuild == build).ToList();

    /// <summary>
    /// The hotfixes a site at <paramref name="build"/> must have before any site sharing its domain goes to
    /// SP2 (tag <see cref="RequiredWhenTags.SharedDomainBeforeSp2"/>): Q251070 and Q252718 for 1239,
    /// Q249077 and Q252717 for 1380, none for other builds.
    /// </summary>
    public IReadOnlyList<CatalogHotfix> RequiredBeforeSp2(int build)
        => Hotfixes.Where(h => h.AppliesToBuild == build && h.RequiredWhen.Tag == RequiredWhenTags.SharedDomainBeforeSp2).ToList();

    /// <summary>The hotfix with this id (case-insensitive), or null.</summary>
    public CatalogHotfix? FindHotfix(string id) => Hotfixes.FirstOrDefault(h => string.Equals(h.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The client component matching a short name, display name or Compver folder (case-insensitive), or null.</summary>
    public ClientComponent? FindComponent(string component)
        => ClientComponents.FirstOrDefault(c =>
            string.Equals(c.Name, component, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.DisplayName, component, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.CompverFolder, component, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Compver.ini version of a client component at a service pack level (0 = release … 4 = SP4), e.g.
    /// ("Base", 2) → 2.00.1493.2009. Null for an unknown component or level. WBEM is not covered (see <see cref="WbemVersionsAt"/>).
    /// </summary>
    public SmsVersion? ComponentVersion(string component, int spLevel) => FindComponent(component)?.VersionAt(spLevel);

    /// <summary>WBEM versions shipped at a service pack level (two entries from SP2 on: NT 4.0 and Windows 2000).</summary>
    public IReadOnlyList<WbemVersion> WbemVersionsAt(int spLevel) => WbemVersions.Where(w => w.ServicePackLevel == spLevel).ToList();
}

/// <summary>Reads <see cref="SmsVersion"/> values written as strings.</summary>
internal sealed class SmsVersionJsonConverter : JsonConverter<SmsVersion>
{
    public override SmsVersion Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("expected an SMS version string");
        }

        var text = reader.GetString();
        return SmsVersion.TryParse(text, out var version)
            ? version
            : throw new JsonException($"'{text}' is not a valid SMS version");
    }

    public override void Write(Utf8JsonWriter writer, SmsVersion value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString());
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    Converters = [typeof(SmsVersionJsonConverter)])]
[JsonSerializable(typeof(SmsCatalog))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext;

/// <summary>
/// Checks catalog JSON against the catalog's rules with exact positions: it parses the bytes into a small
/// tree that remembers byte offsets, then walks it against the shape table below.
/// </summary>
internal static partial class CatalogValidator
{
    private enum Kind
    {
        String,
        Integer,
        Boolean,
        Object,
        Array,
    }

    private sealed record Field(
        string Name,
        Kind Kind,
        bool Required,
        string? Def = null,
        Field? Item = null,
        Func<string, string?>? Check = null,
        long Min = int.MinValue,
        long Max = int.MaxValue,
        int MinItems = 0);

    private static readonly string[] Levels = ["rtm", "sp1", "sp2", "sp3", "sp4"];
    private static readonly string[] Platforms = ["i386", "alpha", "any"];
    private static readonly string[] Proofs = ["version", "exact-version", "size", "date"];
    private static readonly string[] Roles = ["site-server", "logon-point", "logon-server", "cap"];
    private static readonly string[] MatchFacts = ["version", "size", "date"];

    private static readonly Func<string, string?> NonEmpty = s => s.Length == 0 ? "must not be empty" : null;
    private static readonly Func<string, string?> VersionCheck = s => SmsVersion.TryParse(s, out _) ? null : $"'{s}' is not a valid SMS version (expected e.g. 2.00.1493.2000, 2.0.1239.62 or 1.2(build 786))";
    private static readonly Func<string, string?> KbId = s => KbIdPattern().IsMatch(s) ? null : $"'{s}' is not a KB id (expected Q followed by six digits, e.g. Q251070)";
    private static readonly Func<string, string?> IsoDate = s => DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : $"'{s}' is not a date in the form yyyy-MM-dd";

    private static readonly Field KbList = new("kb", Kind.Array, true, Item: new Field("kb[]", Kind.String, true, Check: KbId));

    private static readonly Dictionary<string, Field[]> ShapeTable = new(StringComparer.Ordinal)
    {
        ["catalog"] =
        [
            new("$schema", Kind.String, false),
            new("name", Kind.String, true, Check: s => s == SmsCatalog.ExpectedName ? null : $"expected \"{SmsCatalog.ExpectedName}\", found \"{s}\""),
            new("catalogVersion", Kind.String, true, Check: s => CatalogVersionPattern().IsMatch(s) ? null : $"'{s}' is not a catalog version (expected year.month.sequence, e.g. 2026.11.1)"),
            new("description", Kind.String, false),
            new("sources", Kind.Array, false, Item: new Field("sources[]", Kind.Object, true, Def: "source")),
            new("builds", Kind.Array, true, Item: new Field("builds[]", Kind.Object, true, Def: "build"), MinItems: 1),
            new("versionScheme", Kind.Object, true, Def: "versionScheme"),
            new("clientComponents", Kind.Array, true, Item: new Field("clientComponents[]", Kind.Object, true, Def: "clientComponent")),
            new("wbemVersions", Kind.Array, false, Item: new Field("wbemVersions[]", Kind.Object, true, Def: "wbemVersion")),
            new("hotfixes", Kind.Array, true, Item: new Field("hotfixes[]", Kind.Object, true, Def: "hotfix")),
        ],
        ["source"] =
        [
            new("name", Kind.String, true, Check: NonEmpty),
            new("url", Kind.String, false),
            new("note", Kind.String, false),
        ],
        ["build"] =
        [
            new("id", Kind.String, true, Check: s => BuildIdPattern().IsMatch(s) ? null : $"'{s}' is not a build id (lower-case letters, digits and '-')"),
            new("product", Kind.String, true, Check: NonEmpty),
            new("label", Kind.String, true, Check: NonEmpty),
            new("build", Kind.Integer, true, Min: 1, Max: 99999),
            new("servicePack", Kind.Integer, false, Min: 0, Max: 9),
            new("prerelease", Kind.Boolean, true),
            new("version", Kind.String, false, Check: VersionCheck),
            new("siteVersion", Kind.String, false, Check: VersionCheck),
            KbList,
            new("inferred", Kind.Boolean, true),
            new("notes", Kind.String, false),
        ],
        ["versionScheme"] =
        [
            new("format", Kind.String, true, Check: NonEmpty),
            new("parts", Kind.Array, true, Item: new Field("parts[]", Kind.Object, true, Def: "schemePart"), MinItems: 1),
        ],
        ["schemePart"] =
        [
            new("name", Kind.String, true, Check: NonEmpty),
            new("text", Kind.String, true, Check: NonEmpty),
            KbList,
            new("inferred", Kind.Boolean, true),
        ],
        ["clientComponent"] =
        [
            new("name", Kind.String, true, Check: NonEmpty),
            new("displayName", Kind.String, true, Check: NonEmpty),
            new("compverFolder", Kind.String, true, Check: NonEmpty),
            new("versions", Kind.Object, true, Def: "componentVersions"),
            KbList,
        ],
        ["componentVersions"] =
        [
            new("rtm", Kind.String, true, Check: VersionCheck),
            new("sp1", Kind.String, true, Check: VersionCheck),
            new("sp2", Kind.String, true, Check: VersionCheck),
            new("sp3", Kind.String, true, Check: VersionCheck),
            new("sp4", Kind.String, true, Check: VersionCheck),
        ],
        ["wbemVersion"] =
        [
            new("level", Kind.String, true, Check: OneOf(Levels)),
            new("version", Kind.String, true, Check: s => WbemVersionPattern().IsMatch(s) ? null : $"'{s}' is not a WBEM version (expected e.g. 698.0012)"),
            new("clients", Kind.String, true, Check: NonEmpty),
        ],
        ["hotfix"] =
        [
            new("id", Kind.String, true, Check: KbId),
            new("title", Kind.String, true, Check: NonEmpty),
            new("product", Kind.String, true, Check: NonEmpty),
            new("appliesToBuild", Kind.Integer, true, Min: 1, Max: 99999),
            new("appliesToServicePack", Kind.Integer, false, Min: 0, Max: 9),
            new("fixes", Kind.String, true, Check: NonEmpty),
            new("files", Kind.Array, true, Item: new Field("files[]", Kind.Object, true, Def: "hotfixFile"), MinItems: 1),
            new("supersededBy", Kind.Object, false, Def: "supersededBy"),
            new("requiredWhen", Kind.Object, true, Def: "requiredWhen"),
            KbList,
            new("inferred", Kind.Boolean, true),
            new("notes", Kind.String, false),
        ],
        ["hotfixFile"] =
        [
            new("name", Kind.String, true, Check: NonEmpty),
            new("platform", Kind.String, true, Check: OneOf(Platforms)),
            new("proof", Kind.String, true, Check: OneOf(Proofs)),
            new("minVersion", Kind.String, false, Check: VersionCheck),
            new("exactVersion", Kind.String, false, Check: VersionCheck),
            new("sizeBytes", Kind.Integer, false, Min: 1, Max: long.MaxValue),
            new("date", Kind.String, false, Check: IsoDate),
            new("wrongDate", Kind.String, false, Check: IsoDate),
            new("dateToleranceDays", Kind.Integer, false, Min: 0, Max: 7),
            new("matchOn", Kind.Array, false, Item: new Field("matchOn[]", Kind.String, true, Check: OneOf(MatchFacts))),
            new("sharedWith", Kind.Array, false, Item: new Field("sharedWith[]", Kind.String, true, Check: KbId)),
            new("locations", Kind.Array, true, Item: new Field("locations[]", Kind.Object, true, Def: "fileLocation"), MinItems: 1),
            new("inferred", Kind.Boolean, true),
            new("note", Kind.String, false),
        ],
        ["fileLocation"] =
        [
            new("path", Kind.String, true, Check: NonEmpty),
            new("role", Kind.String, true, Check: OneOf(Roles)),
            new("inferred", Kind.Boolean, true),
        ],
        ["supersededBy"] =
        [
            new("build", Kind.Integer, false, Min: 1, Max: 99999),
            new("text", Kind.String, true, Check: NonEmpty),
            new("inferred", Kind.Boolean, true),
        ],
        ["requiredWhen"] =
        [
            new("tag", Kind.String, true, Check: OneOf([.. RequiredWhenTags.All])),
            new("text", Kind.String, true, Check: NonEmpty),
        ],
    };

    internal static readonly IReadOnlyList<CatalogObjectShape> PublicShapes = ShapeTable
        .Select(kv => new CatalogObjectShape(
            kv.Key,
            kv.Value.Select(f => f.Name).ToArray(),
            kv.Value.Where(f => f.Required).Select(f => f.Name).ToArray()))
        .ToArray();

    [GeneratedRegex("^Q[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex KbIdPattern();

    [GeneratedRegex("^[0-9]{4}\\.[0-9]{1,2}\\.[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex CatalogVersionPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BuildIdPattern();

    [GeneratedRegex("^[0-9]+\\.[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex WbemVersionPattern();

    private static Func<string, string?> OneOf(string[] allowed)
        => s => Array.IndexOf(allowed, s) >= 0 ? null : $"'{s}' is not one of: {string.Join(", ", allowed)}";

    internal static ReadOnlySpan<byte> WithoutBom(byte[] bytes)
        => bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes.AsSpan();

    /// <summary>Drops the " LineNumber: … | BytePositionInLine: …" tail System.Text.Json appends; the position is reported separately.</summary>
    internal static string TrimPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd();
    }

    /// <summary>All rule violations in <paramref name="bytes"/>, each as "source(line,column): path: message".</summary>
    public static IReadOnlyList<string> Validate(byte[] bytes, string sourceName)
    {
        var bomLength = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var lines = new LineMap(bytes);
        var context = new Context(sourceName, lines, bomLength);

        Node root;
        try
        {
            root = TreeReader.Read(bytes.AsSpan(bomLength));
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            return [$"{sourceName}({line},{column}): $: invalid JSON: {TrimPosition(ex.Message)}"];
        }
        catch (TruncatedJsonException ex)
        {
            context.Error(ex.Offset, "$", "invalid JSON: the text ends before the value is complete");
            return context.Errors;
        }

        CheckObject(context, root, "catalog", "$");
        if (root is ObjectNode catalog)
        {
            CheckCrossFields(context, catalog);
        }

        return context.Errors;
    }

    private static void CheckObject(Context context, Node node, string def, string path)
    {
        if (node is not ObjectNode obj)
        {
            context.Error(node.Offset, path, $"expected an object, found {node.Describe()}");
            return;
        }

        var fields = ShapeTable[def];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in obj.Properties)
        {
            var propertyPath = path + "." + property.Name;
            if (!seen.Add(property.Name))
            {
                var first = obj.Properties.First(p => p.Name == property.Name);
                context.Error(property.NameOffset, propertyPath, $"duplicate property '{property.Name}' (first given at {context.Position(first.NameOffset)})");
                continue;
            }

            var field = Array.Find(fields, f => f.Name == property.Name);
            if (field is null)
            {
                context.Error(property.NameOffset, propertyPath, $"unknown property '{property.Name}'; allowed here: {string.Join(", ", fields.Select(f => f.Name))}");
                continue;
            }

            CheckValue(context, property.Value, field, propertyPath);
        }

        foreach (var field in fields)
        {
            if (field.Required && !seen.Contains(field.Name))
            {
                context.Error(obj.Offset, path, $"missing required property '{field.Name}'");
            }
        }
    }

    private static void CheckValue(Context context, Node node, Field field, string path)
    {
        switch (field.Kind)
        {
            case Kind.String:
                if (node is StringNode s)
                {
                    if (field.Check?.Invoke(s.Value) is { } problem)
                    {
                        context.Error(node.Offset, path, problem);
                    }
                }
                else
                {
                    context.Error(node.Offset, path, $"expected a string, found {node.Describe()}");
                }

                break;

            case Kind.Integer:
                if (node is NumberNode { Integer: long n })
                {
                    if (n < field.Min || n > field.Max)
                    {
                        context.Error(node.Offset, path, string.Create(CultureInfo.InvariantCulture, $"{n} is outside the range {field.Min}..{field.Max}"));
                    }
                }
                else
                {
                    context.Error(node.Offset, path, $"expected an integer, found {node.Describe()}");
                }

                break;

            case Kind.Boolean:
                if (node is not BooleanNode)
                {
                    context.Error(node.Offset, path, $"expected true or false, found {node.Describe()}");
                }

                break;

            case Kind.Object:
                CheckObject(context, node, field.Def!, path);
                break;

            case Kind.Array:
                if (node is not ArrayNode array)
                {
                    context.Error(node.Offset, path, $"expected an array, found {node.Describe()}");
                    break;
                }

                if (array.Items.Count < field.MinItems)
                {
                    context.Error(node.Offset, path, $"needs at least {field.MinItems} item(s)");
                }

                for (var i = 0; i < array.Items.Count; i++)
                {
                    CheckValue(context, array.Items[i], field.Item!, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
                }

                break;
        }
    }

    /// <summary>Rules that span several properties: unique ids, proof/property agreement, build consistency.</summary>
    private static void CheckCrossFields(Context context, ObjectNode catalog)
    {
        var builds = Items(catalog, "builds");
        var knownBuilds = new HashSet<long>();
        CheckUnique(context, builds, "$.builds", "id", "build id", StringComparer.Ordinal);
        for (var i = 0; i < builds.Count; i++)
        {
            if (builds[i] is not ObjectNode build)
            {
                continue;
            }

            var path = string.Create(CultureInfo.InvariantCulture, $"$.builds[{i}]");
            var number = IntegerOf(build, "build");
            if (number is long n)
            {
                knownBuilds.Add(n);
            }

            foreach (var key in new[] { "version", "siteVersion" })
            {
                if (build.Get(key) is StringNode text && SmsVersion.TryParse(text.Value, out var v) && number is long b && v.Build != b)
                {
                    context.Error(text.Offset, $"{path}.{key}", string.Create(CultureInfo.InvariantCulture, $"build field {v.Build} of '{text.Value}' does not match build {b}"));
                }
            }

            if (build.Get("siteVersion") is StringNode site && SmsVersion.TryParse(site.Value, out var sv)
                && IntegerOf(build, "servicePack") is long sp && sv.ServicePackDigit != sp)
            {
                context.Error(site.Offset, path + ".siteVersion", string.Create(CultureInfo.InvariantCulture, $"service pack digit {sv.ServicePackDigit} of '{site.Value}' does not match servicePack {sp}"));
            }
        }

        CheckUnique(context, Items(catalog, "clientComponents"), "$.clientComponents", "name", "component name", StringComparer.OrdinalIgnoreCase);

        var hotfixes = Items(catalog, "hotfixes");
        CheckUnique(context, hotfixes, "$.hotfixes", "id", "hotfix id", StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < hotfixes.Count; i++)
        {
            if (hotfixes[i] is not ObjectNode hotfix)
            {
                continue;
            }

            var path = string.Create(CultureInfo.InvariantCulture, $"$.hotfixes[{i}]");
            var applies = IntegerOf(hotfix, "appliesToBuild");
            if (applies is long a && !knownBuilds.Contains(a))
            {
                context.Error(hotfix.Get("appliesToBuild")!.Offset, path + ".appliesToBuild", string.Create(CultureInfo.InvariantCulture, $"build {a} is not listed under builds"));
            }

            if (hotfix.Get("supersededBy") is ObjectNode superseded && IntegerOf(superseded, "build") is long by && applies is long a2 && by <= a2)
            {
                context.Error(superseded.Get("build")!.Offset, path + ".supersededBy.build", string.Create(CultureInfo.InvariantCulture, $"superseding build {by} must be later than appliesToBuild {a2}"));
            }

            var files = Items(hotfix, "files");
            for (var j = 0; j < files.Count; j++)
            {
                if (files[j] is ObjectNode file)
                {
                    CheckFileProof(context, file, string.Create(CultureInfo.InvariantCulture, $"{path}.files[{j}]"), applies);
                }
            }
        }
    }

    private static void CheckFileProof(Context context, ObjectNode file, string path, long? appliesToBuild)
    {
        var proof = (file.Get("proof") as StringNode)?.Value;
        var needed = proof switch
        {
            "version" => "minVersion",
            "exact-version" => "exactVersion",
            "size" => "sizeBytes",
            "date" => "date",
            _ => null,
        };
        if (needed is not null && file.Get(needed) is null)
        {
            context.Error(file.Get("proof")!.Offset, path + ".proof", $"proof \"{proof}\" needs property '{needed}'");
        }

        if (file.Get("minVersion") is not null && file.Get("exactVersion") is { } exact)
        {
            context.Error(exact.Offset, path + ".exactVersion", "give either minVersion or exactVersion, not both");
        }

        if (file.Get("wrongDate") is { } wrong && file.Get("date") is null)
        {
            context.Error(wrong.Offset, path + ".wrongDate", "wrongDate needs date (the corrected file's date)");
        }

        if (proof == "version" && file.Get("minVersion") is StringNode min && SmsVersion.TryParse(min.Value, out var v)
            && !v.IsPackagingVersion && appliesToBuild is long b && v.Build != b)
        {
            context.Error(min.Offset, path + ".minVersion", string.Create(CultureInfo.InvariantCulture, $"build field {v.Build} of '{min.Value}' does not match appliesToBuild {b}"));
        }
    }

    private static void CheckUnique(Context context, IReadOnlyList<Node> items, string path, string key, string what, StringComparer comparer)
    {
        var firstSeen = new Dictionary<string, long>(comparer);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is ObjectNode o && o.Get(key) is StringNode value)
            {
                if (firstSeen.TryGetValue(value.Value, out var firstOffset))
                {
                    context.Error(value.Offset, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}].{key}"), $"duplicate {what} '{value.Value}' (first used at {context.Position(firstOffset)})");
                }
                else
                {
                    firstSeen.Add(value.Value, value.Offset);
                }
            }
        }
    }

    private static IReadOnlyList<Node> Items(ObjectNode obj, string key) => obj.Get(key) is ArrayNode a ? a.Items : [];

    private static long? IntegerOf(ObjectNode obj, string key) => obj.Get(key) is NumberNode n ? n.Integer : null;

    private sealed class Context(string sourceName, LineMap lines, int bomLength)
    {
        public List<string> Errors { get; } = [];

        public string Position(long offset)
        {
            var (line, column) = lines.Locate(offset + bomLength);
            return string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}");
        }

        public void Error(long offset, string path, string message)
        {
            var (line, column) = lines.Locate(offset + bomLength);
            Errors.Add(string.Create(CultureInfo.InvariantCulture, $"{sourceName}({line},{column}): {path}: {message}"));
        }
    }

    /// <summary>Maps byte offsets to 1-based line and column (columns count characters, not bytes).</summary>
    private sealed class LineMap
    {
        private readonly byte[] bytes;
        private readonly List<long> lineStarts = [0];

        public LineMap(byte[] bytes)
        {
            this.bytes = bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    lineStarts.Add(i + 1);
                }
            }
        }

        public (long Line, long Column) Locate(long offset)
        {
            offset = Math.Clamp(offset, 0, bytes.Length);
            var index = lineStarts.BinarySearch(offset);
            if (index < 0)
            {
                index = ~index - 1;
            }

            var column = 1L;
            for (var i = lineStarts[index]; i < offset; i++)
            {
                // Count UTF-8 lead bytes only, so a multi-byte character is one column.
                if ((bytes[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }

            return (index + 1, column);
        }
    }

    private abstract class Node(long offset)
    {
        public long Offset { get; } = offset;

        public abstract string Describe();
    }

    private sealed class ObjectNode(long offset) : Node(offset)
    {
        public List<PropertyNode> Properties { get; } = [];

        public Node? Get(string name) => Properties.FirstOrDefault(p => p.Name == name)?.Value;

        public override string Describe() => "an object";
    }

    private sealed record PropertyNode(string Name, long NameOffset, Node Value);

    private sealed class ArrayNode(long offset) : Node(offset)
    {
        public List<Node> Items { get; } = [];

        public override string Describe() => "an array";
    }

    private sealed class StringNode(long offset, string value) : Node(offset)
    {
        public string Value { get; } = value;

        public override string Describe() => "a string";
    }

    private sealed class NumberNode(long offset, long? integer) : Node(offset)
    {
        public long? Integer { get; } = integer;

        public override string Describe() => Integer is null ? "a non-integer number" : "a number";
    }

    private sealed class BooleanNode(long offset) : Node(offset)
    {
        public override string Describe() => "a boolean";
    }

    private sealed class NullNode(long offset) : Node(offset)
    {
        public override string Describe() => "null";
    }

    /// <summary>Builds the offset-aware tree with <see cref="Utf8JsonReader"/>; malformed JSON surfaces as <see cref="JsonException"/>.</summary>
    private sealed class TruncatedJsonException(long offset) : Exception("the JSON text ends early")
    {
        public long Offset { get; } = offset;
    }

    private static class TreeReader
    {
        public static Node Read(ReadOnlySpan<byte> json)
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Disallow,
                AllowTrailingCommas = false,
                MaxDepth = 64,
            });
            if (!reader.Read())
            {
                throw new TruncatedJsonException(0);
            }

            var root = ReadValue(ref reader);

            // Lets the reader reject anything after the root value.
            while (reader.Read())
            {
            }

            return root;
        }

        private static Node ReadValue(ref Utf8JsonReader reader)
        {
            var offset = reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    var obj = new ObjectNode(offset);
                    while (Next(ref reader) != JsonTokenType.EndObject)
                    {
                        var name = reader.GetString()!;
                        var nameOffset = reader.TokenStartIndex;
                        Next(ref reader);
                        obj.Properties.Add(new PropertyNode(name, nameOffset, ReadValue(ref reader)));
                    }

                    return obj;

                case JsonTokenType.StartArray:
                    var array = new ArrayNode(offset);
                    while (Next(ref reader) != JsonTokenType.EndArray)
                    {
                        array.Items.Add(ReadValue(ref reader));
                    }

                    return array;

                case JsonTokenType.String:
                    return new StringNode(offset, reader.GetString()!);

                case JsonTokenType.Number:
                    return new NumberNode(offset, reader.TryGetInt64(out var n) ? n : null);

                case JsonTokenType.True:
                case JsonTokenType.False:
                    return new BooleanNode(offset);

                case JsonTokenType.Null:
                    return new NullNode(offset);

                default:
                    throw new JsonException($"unexpected token {reader.TokenType}");
            }
        }

        private static JsonTokenType Next(ref Utf8JsonReader reader)
        {
            if (!reader.Read())
            {
                throw new TruncatedJsonException(reader.BytesConsumed);
            }

            return reader.TokenType;
        }
    }
}

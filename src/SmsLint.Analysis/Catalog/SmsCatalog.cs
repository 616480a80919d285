using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
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
/// The data lives in sms-catalog.json (embedded; see <see cref="LoadEmbedded"/>); <see cref="Load"/>
/// validates it against sms-catalog.schema.json (embedded too) plus a few cross-field checks.
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

    /// <summary>The accepted properties of every object kind, as the schema file lists them.</summary>
    public static IReadOnlyList<CatalogObjectShape> Shapes => CatalogValidator.PublicShapes;

    /// <summary>
    /// The catalog shipped inside the assembly (loaded once). It is read without the schema check:
    /// the same bytes are validated by <see cref="LoadEmbeddedValidated"/> in the test suite
    /// (CatalogTests), which also checks that both reads give the same catalog, so a scan does not
    /// pay for JsonSchema.Net at start-up (about 300 ms of the demo scan's 540 ms, issue 14.7).
    /// </summary>
    public static SmsCatalog LoadEmbedded() => Embedded.Value;

    /// <summary>
    /// Starts reading the embedded catalog on a pool thread, so that the snapshot can be listed and
    /// read meanwhile; <see cref="LoadEmbedded"/> then waits for it (or reads it, if it has not started).
    /// </summary>
    public static void PreloadEmbedded()
    {
        if (!Embedded.IsValueCreated)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static _ =>
            {
                try
                {
                    _ = Embedded.Value;
                }
                catch (Exception)
                {
                    // Any failure: an exception escaping a pool thread would end the process. The
                    // Lazy keeps it, and LoadEmbedded throws it to the caller that needs the catalog.
                }
            }, null);
        }
    }

    /// <summary>The embedded catalog read the way a user's --catalog file is: schema and cross-field checks first.</summary>
    public static CatalogLoadResult LoadEmbeddedValidated()
    {
        using var stream = OpenEmbedded();
        return Load(stream, EmbeddedSourceName);
    }

    private const string EmbeddedSourceName = "embedded:" + EmbeddedResourceName;

    private static Stream OpenEmbedded() =>
        typeof(SmsCatalog).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{EmbeddedResourceName}' is missing.");

    private static SmsCatalog LoadEmbeddedCore()
    {
        using var stream = OpenEmbedded();
        var catalog = JsonSerializer.Deserialize(stream, CatalogJsonContext.Default.SmsCatalog)
            ?? throw new InvalidOperationException("The embedded SMS catalog is null.");
        return catalog with { SourceName = EmbeddedSourceName };
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

        try
        {
            var (catalog, errors) = CatalogValidator.Load(bytes, sourceName);

            // Messages quote the file; keep each to a short excerpt.
            return new CatalogLoadResult(catalog, [.. errors.Select(e => IO.SafeFile.Excerpt(e, MaxErrorLength))]);
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json refuses to turn invalid UTF-8 in a string into text.
            return new CatalogLoadResult(null, [$"{sourceName}(1,1): $: the catalog is not valid UTF-8 text: {IO.SafeFile.Excerpt(ex.Message, 120)}"]);
        }
        catch (ArgumentException ex)
        {
            // JsonDocument refuses invalid UTF-8 with this one.
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

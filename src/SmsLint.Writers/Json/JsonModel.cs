using System.Text.Json.Serialization;
using SmsLint.Findings;

namespace SmsLint.Writers.Json;

/// <summary>SmsLint's own flat JSON: one object per finding, for scripts that do not want SARIF.</summary>
public static class JsonFindingWriter
{
    public static void Write(ScanReport report, Stream output)
    {
        var doc = new JsonReport(
            report.ToolVersion,
            new JsonCatalog(report.Catalog.Name, report.Catalog.Version),
            report.FilesScanned,
            [.. report.Findings.Select(f => new JsonFinding(
                f.Rule.Id,
                f.Rule.Name,
                f.Level.ToSarif(),
                f.Message,
                ToLocation(f.Location),
                [.. f.Related.Select(ToLocation)],
                f.Rule.Kb,
                f.Fingerprints.GetValueOrDefault("smslint/v1"),
                f.IsSuppressed,
                f.BaselineState,
                f.Help))],
            [.. report.Notifications.Select(n => new JsonNotification(n.Id, n.Level.ToSarif(), n.Message, n.Path))]);
        JsonOutput.Write(output, doc, JsonReportContext.Default.JsonReport);
    }

    private static JsonLocation ToLocation(Location l) =>
        new(l.Path, l.Region.StartLine, l.Region.StartColumn, l.Region.EndLine, l.Region.EndColumn, l.Message);
}

public sealed record JsonReport(string Version, JsonCatalog Catalog, int FilesScanned, IReadOnlyList<JsonFinding> Findings, IReadOnlyList<JsonNotification> Notifications);

public sealed record JsonCatalog(string Name, string Version);

public sealed record JsonFinding(
    string RuleId,
    string Rule,
    string Level,
    string Message,
    JsonLocation Location,
    IReadOnlyList<JsonLocation> Related,
    IReadOnlyList<string> Kb,
    string? Fingerprint,
    bool Suppressed,
    string? BaselineState,
    string? Help = null);

public sealed record JsonLocation(string Path, int Line, int Column, int EndLine, int EndColumn, string? Note);

public sealed record JsonNotification(string Id, string Level, string Message, string? Path);

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonReport))]
internal sealed partial class JsonReportContext : JsonSerializerContext;

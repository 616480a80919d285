using System.Text;
using SmsLint.Catalog;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Rules;
using SmsLint.Writers.Github;
using SmsLint.Writers.Json;
using SmsLint.Writers.JUnit;
using SmsLint.Writers.Sarif;
using SmsLint.Writers.Text;

namespace SmsLint.Cli.Commands;

/// <summary>Everything `smslint scan` was asked to do, after argument parsing.</summary>
public sealed record ScanRequest(
    string Snapshot,
    string Format,
    string? Output,
    Level FailLevel,
    IReadOnlyList<string> Select,
    IReadOnlyList<string> Ignore,
    int? Threads);

/// <summary>The scan command's work, free of System.CommandLine so tests can call it directly.</summary>
public static class ScanRunner
{
    public static int Run(ScanRequest request, TextWriter stdout, TextWriter stderr)
    {
        if (!ValidateIds(request.Select, "--select", stderr) || !ValidateIds(request.Ignore, "--ignore", stderr))
        {
            return ExitCodes.UsageError;
        }

        var root = request.Snapshot;
        if (!Directory.Exists(root))
        {
            stderr.WriteLine(File.Exists(root)
                ? $"smslint: '{root}' is a file; give the snapshot folder."
                : $"smslint: snapshot '{root}' does not exist.");
            return ExitCodes.UsageError;
        }

        if (request.Output is { } output && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(output))))
        {
            stderr.WriteLine($"smslint: --output: the output folder of '{output}' does not exist.");
            return ExitCodes.UsageError;
        }

        var options = new AnalysisOptions
        {
            Select = new HashSet<string>(request.Select, StringComparer.OrdinalIgnoreCase),
            Ignore = new HashSet<string>(request.Ignore, StringComparer.OrdinalIgnoreCase),
            Threads = request.Threads ?? Math.Max(1, Environment.ProcessorCount),
        };

        var catalog = SmsCatalog.LoadEmbedded();
        ScanReport report;
        using (var source = new DirectorySource(root))
        {
            report = Linter.Scan(source, options, catalog, new CatalogInfo(catalog.Name, catalog.CatalogVersion, "embedded"));
        }

        report = report with
        {
            RuleDocs = RuleDocumentation.Pages,
            RuleSummaries = RuleDocumentation.Summaries,
        };

        Render(report, request, stdout);
        if (request.Format == "text" || request.Output is not null)
        {
            stderr.WriteLine(CompilerTextWriter.Summary(report));
        }

        foreach (var n in report.Notifications)
        {
            stderr.WriteLine($"smslint: {n.Level.ToSarif()}: {n.Message}");
        }

        if (!report.ExecutionSuccessful)
        {
            return ExitCodes.InternalError;
        }

        return Gate(report, request.FailLevel);
    }

    /// <summary>1 when an unsuppressed finding is at or above the fail level ("none" never fails).</summary>
    public static int Gate(ScanReport report, Level failLevel) =>
        failLevel != Level.None && report.Findings.Any(f => !f.IsSuppressed && f.Level >= failLevel)
            ? ExitCodes.Findings
            : ExitCodes.Clean;

    private static bool ValidateIds(IReadOnlyList<string> ids, string option, TextWriter stderr)
    {
        foreach (var id in ids)
        {
            if (BuiltInRules.Find(id) is null)
            {
                stderr.WriteLine($"smslint: {option}: unknown rule id '{id}' (see 'smslint rules').");
                return false;
            }
        }

        return true;
    }

    private static void Render(ScanReport report, ScanRequest request, TextWriter stdout)
    {
        void WriteTo(Stream s)
        {
            switch (request.Format)
            {
                case "sarif":
                    SarifWriter.Write(report, s);
                    break;
                case "json":
                    JsonFindingWriter.Write(report, s);
                    break;
                case "junit":
                    JUnitWriter.Write(report, s);
                    break;
                default:
                    using (var w = new StreamWriter(s, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
                    {
                        if (request.Format == "github")
                        {
                            GithubAnnotationWriter.Write(report, w);
                        }
                        else
                        {
                            CompilerTextWriter.Write(report, w);
                        }
                    }

                    break;
            }
        }

        if (request.Output is { } path)
        {
            AtomicFile.Write(path, WriteTo);
            return;
        }

        using var buffer = new MemoryStream();
        WriteTo(buffer);
        stdout.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        stdout.Flush();
    }
}

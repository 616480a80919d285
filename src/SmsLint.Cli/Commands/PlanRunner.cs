using System.Text;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Hierarchy;
using SmsLint.Model;
using SmsLint.Planning;
using SmsLint.Rules;
using SmsLint.Rules.Readiness;
using SmsLint.Scanning;
using SmsLint.Writers.Html;
using SmsLint.Writers.Sarif;

namespace SmsLint.Cli.Commands;

/// <summary>What `smslint plan` was asked to do (contract §6).</summary>
/// <param name="Scan">The scan part: snapshot, format, output, configuration and rule selection.</param>
/// <param name="Upgrades">--upgrade SITE=VERSION items.</param>
/// <param name="Target">--target VERSION.</param>
/// <param name="FailOn">blocker, risk or none.</param>
public sealed record PlanRequest(ScanRequest Scan, IReadOnlyList<string> Upgrades, string? Target, string FailOn);

/// <summary>The outcome of a plan: the models' rollout view, the checklist and the predicted findings.</summary>
public sealed record PlanResult(
    RolloutModel Rollout,
    IReadOnlyList<ReadinessItem> Checklist,
    IReadOnlyList<Finding> Predicted,
    ScanReport Report)
{
    /// <summary>Today's input findings (SMS00xx): what SmsLint could not read, which the plan's answers rest on.</summary>
    public IReadOnlyList<Finding> Input { get; init; } = [];

    /// <summary>For --format html: the hierarchy map with the plan carried out (today's is in <see cref="ScanReport.Hierarchy"/>).</summary>
    public HierarchyMap? MapAfter { get; init; }

    /// <summary>An error-level input finding: the plan cannot be trusted, so it fails like a blocker.</summary>
    public bool InputBlocks => Input.Any(f => f.Level == Level.Error);

    public IReadOnlyList<ReadinessItem> Blockers => [.. Checklist.Where(i => i.IsBlocker)];

    /// <summary>Risks: not-ready or cannot-tell items, and predicted findings at warning or above.</summary>
    public bool HasRisk => Checklist.Any(i => i.Status != ReadinessStatus.Ready) || Predicted.Any(f => f.Level >= Level.Warning);
}

/// <summary>The plan command's work, free of System.CommandLine so tests can call it directly.</summary>
public static class PlanRunner
{
    public static readonly string[] Formats = ["text", "json", "markdown", "sarif", "html"];

    public static int Run(PlanRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        var scan = request.Scan;
        if (scan.Output is { } output && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(output))))
        {
            stderr.WriteLine($"smslint: --output: the output folder of '{output}' does not exist.");
            return ExitCodes.UsageError;
        }

        if (scan.Summary is { } summary && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(summary))))
        {
            stderr.WriteLine($"smslint: --summary: the folder of '{summary}' does not exist.");
            return ExitCodes.UsageError;
        }

        var exit = ScanRunner.Prepare(scan, stderr, out var prepared);
        if (prepared is null)
        {
            return exit;
        }

        var overlay = RolloutOverlay.Parse(request.Upgrades, request.Target, prepared.Catalog, out var error);
        if (overlay is null)
        {
            stderr.WriteLine($"smslint: {error}.");
            return ExitCodes.UsageError;
        }

        prepared = prepared with { Options = prepared.Options with { Cancellation = cancellation } };
        PlanResult result;
        try
        {
            result = Plan(prepared, overlay, scan.Category, collectMaps: scan.Format == "html");
            if (result.Rollout.Problems.Count > 0)
            {
                foreach (var problem in result.Rollout.Problems)
                {
                    stderr.WriteLine($"smslint: {problem}.");
                }

                return ExitCodes.UsageError;
            }

            Render(result, scan, stdout, cancellation);
        }
        catch (SnapshotSourceException ex)
        {
            stderr.WriteLine($"smslint: cannot read the snapshot '{scan.Snapshot}': {ex.Message.TrimEnd('.')}.");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stderr.WriteLine("smslint: interrupted; no report was written.");
            return ExitCodes.Interrupted;
        }

        foreach (var n in result.Report.Notifications)
        {
            stderr.WriteLine($"smslint: {n.Level.ToSarif()}: {n.Message}");
        }

        if (scan.Format != "text" || scan.Output is not null)
        {
            stderr.WriteLine(PlanWriters.Summary(result));
        }

        var code = !result.Report.ExecutionSuccessful ? ExitCodes.InternalError : Gate(result, request.FailOn);
        if (scan.Summary is { } summaryPath)
        {
            using var writer = new StreamWriter(summaryPath, append: true, new UTF8Encoding(false)) { NewLine = "\n" };
            PlanWriters.Markdown(result, writer);
        }

        return code;
    }

    /// <summary>Exit code by --fail-on: blocker (default) fails on a not-ready blocker; risk also on any open item or predicted warning; none never.</summary>
    public static int Gate(PlanResult result, string failOn) => failOn switch
    {
        "none" => ExitCodes.Clean,
        "risk" => result.Blockers.Count > 0 || result.InputBlocks || result.HasRisk || result.Input.Count > 0 ? ExitCodes.Findings : ExitCodes.Clean,
        _ => result.Blockers.Count > 0 || result.InputBlocks ? ExitCodes.Findings : ExitCodes.Clean,
    };

    /// <summary>
    /// Loads the snapshot once and reads it three ways: as it is (today's scan), under the plan (the
    /// rollout phase, the checklist and its SMS7xxx results) and with the plan carried out (the rules
    /// again; findings today's scan does not have, or has at a lower level, are the predicted ones).
    /// </summary>
    public static PlanResult Plan(PreparedScan prepared, RolloutOverlay overlay, string category = "smslint-plan", bool collectMaps = false)
    {
        var options = prepared.Options;
        using var source = SnapshotSources.Open(prepared.Root, options.Source);
        var today = SnapshotLoader.Load(source, options);
        var planned = today.WithOverlay(overlay);
        var after = planned.WithUpgradesApplied();

        var notifications = new List<Notification>();
        foreach (var problem in source.Problems)
        {
            notifications.Add(new Notification("SMS-SOURCE-" + problem.Kind.ToUpperInvariant(), Level.Warning, $"'{problem.Path}' {problem.Message}", problem.Path));
        }

        RuleSet scanRules = BuiltInRules.All.Where(r => r is not ReadinessRule).ToList();
        RuleSet readinessRules = BuiltInRules.All.Where(r => r is ReadinessRule).ToList();
        var now = Scanner.Run(today, scanRules, options, prepared.Catalog, notifications, source.Problems, source);
        var then = Scanner.Run(after, scanRules, options, prepared.Catalog, [], source.Problems, source);
        var readiness = Scanner.Run(planned, readinessRules, options, prepared.Catalog, notifications, source.Problems, source);

        var known = new Dictionary<string, Level>(StringComparer.Ordinal);
        foreach (var f in now)
        {
            var key = Key(f);
            known[key] = known.TryGetValue(key, out var l) && l > f.Level ? l : f.Level;
        }

        var predicted = then
            .Where(f => !f.IsSuppressed && (!known.TryGetValue(Key(f), out var level) || level < f.Level))
            .ToList();

        var input = now.Where(f => !f.IsSuppressed && f.Rule.Id.StartsWith("SMS00", StringComparison.Ordinal)).ToList();
        var report = new ScanReport(Linter.ToolVersion, source.RootPath, BuiltInRules.Descriptors, Linter.Sort(input.Concat(readiness)), notifications, prepared.CatalogInfo)
        {
            FilesScanned = today.Files.Count,
            RuleDocs = RuleDocumentation.Pages,
            RuleSummaries = RuleDocumentation.Summaries,
            Category = category,
            Hierarchy = collectMaps ? HierarchyMapBuilder.Build(today, prepared.Catalog, source) : null,
        };
        return new PlanResult(planned.Rollout, Readiness.For(planned, prepared.Catalog), predicted, report)
        {
            Input = input,
            MapAfter = collectMaps ? HierarchyMapBuilder.Build(after, prepared.Catalog, source) : null,
        };
    }

    private static string Key(Finding f) => f.Rule.Id + "|" + f.Fingerprints.GetValueOrDefault(Linter.OwnFingerprint, f.Subject);

    private static void Render(PlanResult result, ScanRequest request, TextWriter stdout, CancellationToken cancellation)
    {
        void WriteTo(Stream s)
        {
            if (request.Format == "sarif")
            {
                SarifWriter.Write(result.Report, s, request.SarifProfile, request.SarifProfile == SarifProfile.Github ? request.GithubPathPrefix : null);
                return;
            }

            if (request.Format == "json")
            {
                PlanWriters.Json(result, s);
                return;
            }

            if (request.Format == "html")
            {
                HtmlReportWriter.Write(result.Report, s, PlanWriters.HtmlOptions(result));
                return;
            }

            using var w = new StreamWriter(s, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            if (request.Format == "markdown")
            {
                PlanWriters.Markdown(result, w);
            }
            else
            {
                PlanWriters.Text(result, w);
            }
        }

        if (request.Output is { } path)
        {
            AtomicFile.Write(path, WriteTo, cancellation);
            return;
        }

        using var buffer = new MemoryStream();
        WriteTo(buffer);
        cancellation.ThrowIfCancellationRequested();
        stdout.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        stdout.Flush();
    }
}

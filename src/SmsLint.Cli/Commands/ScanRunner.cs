using System.Text;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Rules;
using SmsLint.Scanning;
using SmsLint.Cli.Terminal;
using SmsLint.Writers.Github;
using SmsLint.Writers.Html;
using SmsLint.Writers.Json;
using SmsLint.Writers.JUnit;
using SmsLint.Writers.Markdown;
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
    int? Threads)
{
    /// <summary>--config: the configuration file; null looks for smslint.yml at the snapshot root.</summary>
    public string? Config { get; init; }

    /// <summary>--catalog: an SMS catalog file replacing the embedded one (wins over the configuration's catalog).</summary>
    public string? Catalog { get; init; }

    /// <summary>--baseline: an earlier SmsLint SARIF log; results get a baselineState and only new ones gate.</summary>
    public string? Baseline { get; init; }

    /// <summary>--no-inline-suppressions: smslint-disable comments suppress nothing and are reported.</summary>
    public bool NoInlineSuppressions { get; init; }

    /// <summary>--sarif-profile: ide keeps every result; github and azure-devops leave out suppressed and absent ones.</summary>
    public SarifProfile SarifProfile { get; init; } = SarifProfile.Ide;

    /// <summary>--srcroot: write originalUriBaseIds["%SRCROOT%"] as the snapshot's absolute file URI.</summary>
    public bool SrcRoot { get; init; }

    /// <summary>--srcroot-in-repository: write %SRCROOT% as the snapshot's folder relative to the repository that holds it (REPOROOT).</summary>
    public bool SrcRootInRepository { get; init; }

    /// <summary>--help-uri-base: the absolute base of the rule pages (helpUri = base + id + ".md"); null: the repository the package was built from.</summary>
    public string? HelpUriBase { get; init; }

    /// <summary>--github-path-prefix: the snapshot's folder in the repository, for annotations and github-profile SARIF.</summary>
    public string? GithubPathPrefix { get; init; }

    /// <summary>--category: the analysis category (SARIF automationDetails).</summary>
    public string Category { get; init; } = "smslint";

    /// <summary>--summary: a file to append a Markdown summary to (e.g. $GITHUB_STEP_SUMMARY).</summary>
    public string? Summary { get; init; }

    /// <summary>--show-suppressed: list suppressed findings in the text output too.</summary>
    public bool ShowSuppressed { get; init; }

    /// <summary>Colour the text output (--color, resolved against the terminal and NO_COLOR).</summary>
    public bool Color { get; init; }

    /// <summary>Standard error is a terminal: show a progress line when the scan takes over a second.</summary>
    public bool ProgressOnStderr { get; init; }
}

/// <summary>The scan command's work, free of System.CommandLine so tests can call it directly.</summary>
public static class ScanRunner
{
    /// <summary>
    /// Runs the scan. When <paramref name="cancellation"/> fires (Ctrl-C, SIGTERM) the scan stops,
    /// nothing is written (an --output file is left as it was) and the exit code is 130.
    /// </summary>
    public static int Run(ScanRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        if (request.Output is { } output && OutputPaths.Problem(output, request.Snapshot) is { } outputProblem)
        {
            stderr.WriteLine($"smslint: --output: {outputProblem}.");
            return ExitCodes.UsageError;
        }

        if (request.Summary is { } summary && OutputPaths.Problem(summary, request.Snapshot) is { } summaryProblem)
        {
            stderr.WriteLine($"smslint: --summary: {summaryProblem}.");
            return ExitCodes.UsageError;
        }

        if (request.Output is { } dash && OutputPaths.IsStdout(dash))
        {
            request = request with { Output = null };
        }

        if (request.HelpUriBase is { } helpBase && ProjectLinks.NormaliseHelpUriBase(helpBase) is null)
        {
            stderr.WriteLine($"smslint: --help-uri-base: '{helpBase}' is not an absolute http or https URI without query or fragment (e.g. https://github.com/me/smslint/blob/main/rules/).");
            return ExitCodes.UsageError;
        }

        var phasesVariable = Environment.GetEnvironmentVariable("SMSLINT_PHASES");
        var phases = phasesVariable is "1" or "live";
        var progress = request.ProgressOnStderr || phases ? new ScanProgress { MeasureLiveHeap = phasesVariable == "live" } : null;
        var exit = Prepare(request, stderr, out var prepared, settings => settings with
        {
            Cancellation = cancellation,
            AfterListing = TestPause.FromEnvironment(),
            Progress = progress,
            CollectHierarchy = request.Format == "html",
        });
        if (prepared is null)
        {
            return exit;
        }

        ScanReport report;
        try
        {
            var started = DateTimeOffset.UtcNow;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using (var line = request.ProgressOnStderr ? ProgressLine.Start(progress, stderr) : null)
            {
                report = Scanner.Scan(prepared);
                report = report with { Timing = new ScanTiming(started, clock.Elapsed, Environment.MachineName) };
                progress?.Start("writing the report", 0);
                Render(report, request, stdout, () => line?.Dispose(), cancellation);
            }

            if (phases && progress is not null)
            {
                // Diagnostics for bench/run.sh (issue 14): where the scan's time went.
                foreach (var (phase, duration, heap) in progress.Durations())
                {
                    stderr.WriteLine(FormattableString.Invariant($"smslint: phase: {duration.TotalMilliseconds,8:0} ms  heap at start {heap / 1048576.0,7:0.0} MB  {phase}"));
                }

                foreach (var (rule, duration) in progress.SlowestRules(8))
                {
                    stderr.WriteLine(FormattableString.Invariant($"smslint: rule:  {duration.TotalMilliseconds,8:0} ms  {rule}"));
                }

                var gc = GC.GetGCMemoryInfo();
                stderr.WriteLine(FormattableString.Invariant(
                    $"smslint: gc: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen 0/1/2), heap {gc.HeapSizeBytes / 1048576.0:0.0} MB, committed {gc.TotalCommittedBytes / 1048576.0:0.0} MB, pause {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, {GC.GetTotalAllocatedBytes() / 1048576.0:0} MB allocated in all"));
            }
        }
        catch (IOException ex) when (!cancellation.IsCancellationRequested)
        {
            // A full disk, a closed pipe, a quota: the report could not be written (and no partial file was left).
            stderr.WriteLine($"smslint: {(request.Output is null ? "standard output" : "--output")}: the report could not be written: {ex.Message.TrimEnd('.')}.");
            return ExitCodes.UsageError;
        }
        catch (SnapshotSourceException ex)
        {
            stderr.WriteLine($"smslint: cannot read the snapshot '{request.Snapshot}': {ex.Message.TrimEnd('.')}.");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stderr.WriteLine("smslint: interrupted; no report was written.");
            return ExitCodes.Interrupted;
        }
        if (request.Format == "text" || request.Output is not null)
        {
            stderr.WriteLine(CompilerTextWriter.Summary(report));
        }

        foreach (var n in report.Notifications.Where(n => !ReportedAsFinding(n, report)))
        {
            stderr.WriteLine($"smslint: {n.Level.ToSarif()}: {SmsLint.IO.SafeFile.Printable(n.Message)}");
        }

        var result = report.ExecutionSuccessful ? Gate(report, request.FailLevel, prepared.Baseline is not null) : ExitCodes.InternalError;
        if (request.Summary is { } summaryPath)
        {
            try
            {
                if (OutputPaths.IsStdout(summaryPath))
                {
                    using var text = new StringWriter { NewLine = "\n" };
                    MarkdownSummaryWriter.Write(report, text, new GateOutcome(request.FailLevel, result, prepared.Baseline is not null), request.Snapshot.Replace('\\', '/'));
                    stdout.Write(text.ToString());
                    stdout.Flush();
                }
                else
                {
                    using var writer = new StreamWriter(summaryPath, append: true, new UTF8Encoding(false)) { NewLine = "\n" };
                    MarkdownSummaryWriter.Write(report, writer, new GateOutcome(request.FailLevel, result, prepared.Baseline is not null), request.Snapshot.Replace('\\', '/'));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"smslint: --summary: the summary could not be written: {ex.Message.TrimEnd('.')}.");
                return ExitCodes.UsageError;
            }
        }

        return result;
    }

    /// <summary>
    /// A snapshot part skipped while listing or a file that could not be read is a finding as well
    /// (SMS0006, SMS0005) when those rules ran: standard error does not repeat it.
    /// </summary>
    private static bool ReportedAsFinding(Notification n, ScanReport report) =>
        n.Id.StartsWith("SMS-SOURCE-", StringComparison.Ordinal) && report.Ran("SMS0005") && report.Ran("SMS0006");

    /// <summary>
    /// 1 when an unsuppressed finding is at or above the fail level ("none" never fails). With a
    /// baseline only new findings count; absent ones never do.
    /// </summary>
    public static int Gate(ScanReport report, Level failLevel, bool onlyNew = false) =>
        failLevel != Level.None && report.Findings.Any(f =>
            !f.IsSuppressed && !f.IsAbsent && f.Level >= failLevel && (!onlyNew || f.BaselineState is null or "new"))
            ? ExitCodes.Findings
            : ExitCodes.Clean;

    /// <summary>
    /// Checks the snapshot, reads the configuration, catalog and baseline, and builds the options.
    /// On a usage or configuration problem writes it to <paramref name="stderr"/>, sets
    /// <paramref name="prepared"/> to null and returns the exit code.
    /// </summary>
    public static int Prepare(ScanRequest request, TextWriter stderr, out PreparedScan? prepared, Func<ScanSettings, ScanSettings>? configure = null)
    {
        prepared = null;
        if (!ValidateIds(request.Select, "--select", stderr) || !ValidateIds(request.Ignore, "--ignore", stderr))
        {
            return ExitCodes.UsageError;
        }

        var root = request.Snapshot;
        var rootKind = SmsLint.IO.SafeFile.KindOf(root, out _);
        if (rootKind == SmsLint.IO.SafeFile.PathKind.Missing)
        {
            stderr.WriteLine($"smslint: snapshot '{root}' does not exist.");
            return ExitCodes.UsageError;
        }

        if (rootKind == SmsLint.IO.SafeFile.PathKind.Other)
        {
            stderr.WriteLine($"smslint: snapshot '{root}' is not a folder or a regular file (a pipe or device); give the snapshot folder or a .zip file of it.");
            return ExitCodes.UsageError;
        }

        if (!ValidCategory(request.Category))
        {
            stderr.WriteLine($"smslint: --category: '{request.Category}' must be letters, digits, '.', '_', '-' and '/' only.");
            return ExitCodes.UsageError;
        }

        try
        {
            var settings = Settings(request, BuiltInRules.All);
            prepared = Scanner.Prepare(configure is null ? settings : configure(settings));
        }
        catch (ScanSetupException ex)
        {
            foreach (var error in ex.Errors)
            {
                stderr.WriteLine(error.Problem switch
                {
                    ScanSetupProblem.Configuration => $"smslint: configuration error: {error.Message}",
                    ScanSetupProblem.Catalog => $"smslint: catalog error: {error.Message}",
                    _ => $"smslint: --baseline: {error.Message}.",
                });
            }

            return ExitCodes.UsageError;
        }

        return ExitCodes.Clean;
    }

    /// <summary>The library's scan settings for a request.</summary>
    public static ScanSettings Settings(ScanRequest request, RuleSet rules) => new(request.Snapshot, rules)
    {
        Select = request.Select,
        Ignore = request.Ignore,
        Threads = request.Threads,
        Config = request.Config,
        Catalog = request.Catalog,
        Baseline = request.Baseline,
        NoInlineSuppressions = request.NoInlineSuppressions,
        Category = request.Category,
        SrcRoot = request.SrcRoot,
        SrcRootInRepository = request.SrcRootInRepository,
        HelpUriBase = request.HelpUriBase,
    };

    /// <summary>The path of <paramref name="file"/> relative to <paramref name="root"/> with '/', or null when it is outside.</summary>
    public static string? PathInside(string root, string file) => Scanner.PathInside(root, file);

    private static bool ValidCategory(string category) =>
        category.Length is > 0 and <= 200 && category.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/') && category.Trim('/').Length > 0;

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

    private static void Render(ScanReport report, ScanRequest request, TextWriter stdout, Action beforeStdout, CancellationToken cancellation)
    {
        void WriteTo(Stream s)
        {
            switch (request.Format)
            {
                case "html":
                    HtmlReportWriter.Write(report, s, new HtmlReportOptions
                    {
                        RulesRun = [.. report.Rules.Select(r => r.Id).Where(report.Ran)],
                    });
                    break;
                case "sarif":
                    SarifWriter.Write(report, s, request.SarifProfile, request.SarifProfile == SarifProfile.Ide ? null : request.GithubPathPrefix);
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
                            GithubAnnotationWriter.Write(report, w, request.GithubPathPrefix);
                        }
                        else
                        {
                            CompilerTextWriter.Write(report, w, request.ShowSuppressed, request.Color && request.Output is null);
                        }
                    }

                    break;
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
        beforeStdout();
        stdout.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        stdout.Flush();
    }
}

using SmsLint.Findings;
using SmsLint.Scanning;
using SmsLint.Writers.Sarif;

namespace SmsLint.Cli.Commands;

/// <summary>
/// `smslint baseline`: scans and writes the unsuppressed findings as a SARIF log (the GitHub
/// profile), which `scan --baseline` reads back. Suppressed findings stay out, so removing a
/// suppression later brings its finding back as new.
/// </summary>
public static class BaselineRunner
{
    public static int Run(ScanRequest request, TextWriter stderr, CancellationToken cancellation = default) =>
        Run(request, TextWriter.Null, stderr, cancellation);

    /// <summary>Writes the baseline to --output, or to <paramref name="stdout"/> for '-' and /dev/stdout.</summary>
    public static int Run(ScanRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        if (OutputPaths.Problem(request.Output!, request.Snapshot) is { } problem)
        {
            stderr.WriteLine($"smslint: --output: {problem}.");
            return ExitCodes.UsageError;
        }

        var exit = ScanRunner.Prepare(request, stderr, out var prepared, settings => settings with { Cancellation = cancellation });
        if (prepared is null)
        {
            return exit;
        }

        ScanReport report;
        try
        {
            report = Scanner.Scan(prepared);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stderr.WriteLine("smslint: interrupted; no baseline was written.");
            return ExitCodes.Interrupted;
        }
        catch (Discover.SnapshotSourceException ex)
        {
            stderr.WriteLine($"smslint: cannot read the snapshot '{request.Snapshot}': {ex.Message.TrimEnd('.')}.");
            return ExitCodes.UsageError;
        }

        foreach (var n in report.Notifications)
        {
            stderr.WriteLine($"smslint: {n.Level.ToSarif()}: {n.Message}");
        }

        if (!report.ExecutionSuccessful)
        {
            return ExitCodes.InternalError;
        }

        try
        {
            if (OutputPaths.IsStdout(request.Output!))
            {
                stdout.Write(SarifWriter.WriteToString(report, SarifProfile.Github));
                stdout.Flush();
            }
            else
            {
                AtomicFile.Write(request.Output!, s => SarifWriter.Write(report, s, SarifProfile.Github), cancellation);
            }
        }
        catch (IOException ex) when (!cancellation.IsCancellationRequested)
        {
            stderr.WriteLine($"smslint: --output: the baseline could not be written: {ex.Message.TrimEnd('.')}.");
            return ExitCodes.UsageError;
        }

        var count = report.Findings.Count(f => !f.IsSuppressed);
        stderr.WriteLine($"smslint: baseline of {count} finding{(count == 1 ? string.Empty : "s")} written to '{request.Output}'.");
        return ExitCodes.Clean;
    }
}

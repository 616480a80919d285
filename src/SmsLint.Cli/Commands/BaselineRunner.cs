using SmsLint.Findings;
using SmsLint.Writers.Sarif;

namespace SmsLint.Cli.Commands;

/// <summary>
/// `smslint baseline`: scans and writes the unsuppressed findings as a SARIF log (the GitHub
/// profile), which `scan --baseline` reads back. Suppressed findings stay out, so removing a
/// suppression later brings its finding back as new.
/// </summary>
public static class BaselineRunner
{
    public static int Run(ScanRequest request, TextWriter stderr, CancellationToken cancellation = default)
    {
        if (!Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(request.Output!))))
        {
            stderr.WriteLine($"smslint: --output: the output folder of '{request.Output}' does not exist.");
            return ExitCodes.UsageError;
        }

        var exit = ScanRunner.Prepare(request, stderr, out var prepared);
        if (prepared is null)
        {
            return exit;
        }

        ScanReport report;
        try
        {
            report = ScanRunner.Analyze(prepared with { Options = prepared.Options with { Cancellation = cancellation } });
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stderr.WriteLine("smslint: interrupted; no baseline was written.");
            return ExitCodes.Interrupted;
        }

        foreach (var n in report.Notifications)
        {
            stderr.WriteLine($"smslint: {n.Level.ToSarif()}: {n.Message}");
        }

        if (!report.ExecutionSuccessful)
        {
            return ExitCodes.InternalError;
        }

        AtomicFile.Write(request.Output!, s => SarifWriter.Write(report, s, SarifProfile.Github), cancellation);
        var count = report.Findings.Count(f => !f.IsSuppressed);
        stderr.WriteLine($"smslint: baseline of {count} finding{(count == 1 ? string.Empty : "s")} written to '{request.Output}'.");
        return ExitCodes.Clean;
    }
}

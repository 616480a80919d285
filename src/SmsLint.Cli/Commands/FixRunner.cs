using System.Globalization;
using SmsLint.Discover;
using SmsLint.Findings;
using SmsLint.Fixes;
using SmsLint.Scanning;

namespace SmsLint.Cli.Commands;

/// <summary>What `smslint fix` was asked to do.</summary>
public sealed record FixRequest(ScanRequest Scan, string? OutputDirectory, bool InPlace);

/// <summary>
/// `smslint fix`: applies the safe fixes that rules attach to their findings (the SARIF
/// <c>fixes</c>) to a copy of the snapshot, or to the snapshot itself only with --in-place.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Suppressed findings are not fixed; --select/--ignore and the configuration choose the rules.</item>
/// <item>Each file is decoded as the scan decoded it and written back in the same encoding (BOM
/// and line breaks kept); a file whose bytes would not round-trip, or whose text no longer
/// matches what the fix expects, is left alone and reported.</item>
/// <item>Overlapping edits in one file: the first (in report order) wins, the others are reported.</item>
/// <item>Files are written through a temporary file and a rename.</item>
/// </list>
/// </remarks>
public static class FixRunner
{
    public static int Run(FixRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        if (request.InPlace == (request.OutputDirectory is not null))
        {
            stderr.WriteLine("smslint: fix: give --output DIR (a fixed copy) or --in-place (rewrite the snapshot), not both and not neither.");
            return ExitCodes.UsageError;
        }

        if (File.Exists(request.Scan.Snapshot))
        {
            stderr.WriteLine($"smslint: fix: '{request.Scan.Snapshot}' is a file; fix works on snapshot folders (extract the archive first).");
            return ExitCodes.UsageError;
        }

        var exit = ScanRunner.Prepare(request.Scan, stderr, out var prepared, settings => settings with { Cancellation = cancellation });
        if (prepared is null)
        {
            return exit;
        }

        var root = Path.GetFullPath(prepared.Root);
        var target = root;
        if (request.OutputDirectory is { } output)
        {
            target = Path.GetFullPath(output);
            if (ScanRunner.PathInside(root, target) is not null || target == root || ScanRunner.PathInside(target, root) is not null)
            {
                stderr.WriteLine($"smslint: fix: --output '{output}' must be outside the snapshot, and the snapshot outside it.");
                return ExitCodes.UsageError;
            }

            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            {
                stderr.WriteLine($"smslint: fix: --output '{output}' exists and is not empty; give a new or empty folder.");
                return ExitCodes.UsageError;
            }

            if (File.Exists(target))
            {
                stderr.WriteLine($"smslint: fix: --output '{output}' is a file; give a folder.");
                return ExitCodes.UsageError;
            }
        }

        ScanReport report;
        try
        {
            report = Scanner.Scan(prepared);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stderr.WriteLine("smslint: interrupted; nothing was changed.");
            return ExitCodes.Interrupted;
        }

        if (!report.ExecutionSuccessful)
        {
            foreach (var n in report.Notifications)
            {
                stderr.WriteLine($"smslint: {n.Level.ToSarif()}: {n.Message}");
            }

            return ExitCodes.InternalError;
        }

        if (request.OutputDirectory is not null)
        {
            CopySnapshot(root, target, stderr);
        }

        var outcome = FixEngine.Apply(report.Findings, target, (path, bytes) => AtomicFile.Write(path, s => s.Write(bytes)));
        foreach (var (path, problem) in outcome.FilesLeftAlone)
        {
            stderr.WriteLine($"smslint: fix: {path}: left unchanged: {problem}.");
        }

        foreach (var f in outcome.Applied)
        {
            stdout.WriteLine($"{f.Location.Path}:{f.Location.Region.StartLine.ToString(CultureInfo.InvariantCulture)}: fixed: {f.Fix!.Description} [{f.Rule.Id}]");
        }

        foreach (var f in outcome.NotApplied)
        {
            stderr.WriteLine($"smslint: fix: {f.Location.Path}:{f.Location.Region.StartLine.ToString(CultureInfo.InvariantCulture)}: not fixed: {f.Fix!.Description} [{f.Rule.Id}].");
        }

        var where = request.InPlace ? $"the snapshot '{prepared.Root}' (in place)" : $"'{request.OutputDirectory}'";
        stderr.WriteLine($"smslint: fix: {Plural(outcome.Applied.Count, "fix", "fixes")} applied to {Plural(outcome.FilesChanged, "file", "files")} in {where}.");
        return ExitCodes.Clean;
    }

    private static string Plural(int n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

    /// <summary>Copies every regular file of the snapshot (as the scan lists them) into <paramref name="target"/>.</summary>
    private static void CopySnapshot(string root, string target, TextWriter stderr)
    {
        Directory.CreateDirectory(target);
        using var source = new DirectorySource(root);
        foreach (var entry in source.Entries)
        {
            if (entry.Unreadable is not null)
            {
                stderr.WriteLine($"smslint: fix: {entry.Path}: not copied: {entry.Unreadable}.");
                continue;
            }

            // Opened as the scan opens files: a FIFO, device or link out of the snapshot swapped
            // in since the listing is refused, never read (and nothing blocks).
            using var from = SmsLint.IO.SafeFile.OpenRegular(Path.Combine(root, entry.Path), source.RealRoot, out var refusal, out _);
            if (from is null)
            {
                stderr.WriteLine($"smslint: fix: {entry.Path}: not copied: it {refusal!.Message}.");
                continue;
            }

            var to = Path.Combine(target, entry.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            using var input = new FileStream(from, FileAccess.Read, 64 * 1024);
            using var output = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            input.CopyTo(output);
        }
    }
}

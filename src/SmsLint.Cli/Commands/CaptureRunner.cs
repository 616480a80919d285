using System.Globalization;
using System.Text;
using SmsLint.Capture;
using SmsLint.Engine;

namespace SmsLint.Cli.Commands;

/// <summary>Everything `smslint capture` was asked to do, after argument parsing.</summary>
public sealed record CaptureRequest
{
    public IReadOnlyList<string> From { get; init; } = [];

    public string? Plan { get; init; }

    public string? DraftPlan { get; init; }

    public string? Output { get; init; }

    public string? Hierarchy { get; init; }

    public bool All { get; init; }

    public long? MaxFileBytes { get; init; }

    public long? MaxTotalBytes { get; init; }

    public string? AuthenticationFile { get; init; }

    /// <summary>--smb-min-protocol: passed to smbclient as "client min protocol" (NT1 for NT 4.0 domain controllers).</summary>
    public string? SmbMinProtocol { get; init; }

    /// <summary>--draft-unc: draft \\MACHINE\SHARE sources instead of smb:// URLs.</summary>
    public bool DraftUnc { get; init; }

    /// <summary>The smbclient program (tests point it elsewhere).</summary>
    public string SmbClient { get; init; } = "smbclient";
}

/// <summary>The capture command's work, free of System.CommandLine so tests can call it directly.</summary>
public static class CaptureRunner
{
    /// <summary>Exit code when the snapshot was written but a share or file could not be captured.</summary>
    public const int Incomplete = 1;

    public static int Run(CaptureRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        try
        {
            return RunChecked(request, stdout, stderr, cancellation);
        }
        catch (CapturePlanException ex)
        {
            stderr.WriteLine($"smslint: capture: {ex.Message}.");
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine("smslint: capture: interrupted; no snapshot was written.");
            return ExitCodes.Interrupted;
        }
    }

    private static int RunChecked(CaptureRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation)
    {
        if (request.DraftPlan is { } draftFrom)
        {
            if (request.From.Count > 0 || request.Plan is not null)
            {
                throw new CapturePlanException("--draft-plan writes a plan and captures nothing, so it cannot be combined with --from or --plan");
            }

            var draft = CapturePlans.Draft(draftFrom, request.DraftUnc || OperatingSystem.IsWindows());
            if (request.Output is { } planOut)
            {
                AtomicFile.Write(planOut, s => s.Write(new UTF8Encoding(false).GetBytes(draft)), cancellation);
                stderr.WriteLine($"smslint: capture: plan drafted to '{planOut}'.");
            }
            else
            {
                stdout.Write(draft);
            }

            return ExitCodes.Clean;
        }

        var shares = new List<PlannedShare>();
        string? hierarchy = request.Hierarchy is { } h ? Path.GetFullPath(h) : null;
        if (request.Plan is { } planPath)
        {
            var plan = CapturePlans.Read(planPath);
            shares.AddRange(plan.Shares);
            hierarchy ??= plan.HierarchyFile;
        }

        shares.AddRange(request.From.Select(CapturePlans.ParseFrom));
        if (shares.Count == 0)
        {
            throw new CapturePlanException("nothing to capture: give --from MACHINE/SHARE=SOURCE (repeatable) or --plan capture.ini");
        }

        if (shares.GroupBy(s => s.Path, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } dup)
        {
            throw new CapturePlanException($"share '{dup.Key}' is planned more than once");
        }

        if (hierarchy is not null && !File.Exists(hierarchy))
        {
            throw new CapturePlanException($"the hierarchy file '{hierarchy}' does not exist");
        }

        if (request.Output is not { Length: > 0 } output)
        {
            throw new CapturePlanException("--output DIR or --output FILE.zip is required");
        }

        var full = Path.GetFullPath(output);
        var zip = full.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        CheckOutput(full, zip, shares);

        var options = new CaptureOptions
        {
            All = request.All,
            MaxFileBytes = request.MaxFileBytes ?? new CaptureOptions().MaxFileBytes,
            MaxTotalBytes = request.MaxTotalBytes ?? new CaptureOptions().MaxTotalBytes,
            Tool = $"smslint {Linter.ToolVersion}",
            Smb = SmbOptions.FromEnvironment(new SmbOptions
            {
                Program = request.SmbClient,
                AuthenticationFile = request.AuthenticationFile is { } a ? Path.GetFullPath(a) : null,
                MinProtocol = request.SmbMinProtocol,
            }),
        };
        if (options.Smb.AuthenticationFile is { } authFile && !File.Exists(authFile))
        {
            throw new CapturePlanException($"the authentication file '{authFile}' does not exist");
        }

        stderr.WriteLine($"smslint: capture: {shares.Count} {(shares.Count == 1 ? "share" : "shares")} planned, writing '{output}'.");
        CaptureResult result;
        using (ISnapshotSink sink = zip ? new ZipSink(full) : new FolderSink(full))
        {
            result = SnapshotCapture.Run(new CapturePlan(shares, hierarchy), sink, options, line => stderr.WriteLine($"smslint: capture: {line}"), cancellation);
            sink.Commit();
        }

        var elapsed = (result.Manifest.Finished - result.Manifest.Started) ?? TimeSpan.Zero;
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"smslint: capture: {result.SharesCaptured} of {shares.Count} shares captured, {result.SharesUnreachable} unreachable; {result.FilesCopied:N0} files, {result.BytesCopied:N0} bytes copied, {result.FilesNotCopied:N0} not copied; {elapsed.TotalSeconds:0.0} s."));
        return result.SharesUnreachable > 0 || result.FilesNotCopied > 0 ? Incomplete : ExitCodes.Clean;
    }

    /// <summary>
    /// The output must not lie inside a local source (the capture would read its own output and write
    /// to a source), nor a source inside the output; a folder output must be new or empty.
    /// </summary>
    private static void CheckOutput(string full, bool zip, IEnumerable<PlannedShare> shares)
    {
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent))
        {
            throw new CapturePlanException($"the output folder of '{full}' does not exist");
        }

        foreach (var share in shares)
        {
            if (SourceLocations.LocalFolder(share.Source) is not { } folder)
            {
                continue;
            }

            if (IsSameOrUnder(full, folder))
            {
                throw new CapturePlanException($"the output '{full}' lies inside the source of '{share.Path}' ('{folder}'), and the capture never writes to a source");
            }

            if (IsSameOrUnder(folder, full))
            {
                throw new CapturePlanException($"the source of '{share.Path}' ('{folder}') lies inside the output '{full}'");
            }
        }

        if (zip)
        {
            if (Directory.Exists(full))
            {
                throw new CapturePlanException($"the output '{full}' is a folder, not a zip file");
            }
        }
        else if (File.Exists(full))
        {
            throw new CapturePlanException($"the output '{full}' is a file; give a new or empty folder, or a name ending in .zip");
        }
        else if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new CapturePlanException($"the output folder '{full}' is not empty");
        }
    }

    private static bool IsSameOrUnder(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var p = Path.TrimEndingDirectorySeparator(path);
        var f = Path.TrimEndingDirectorySeparator(folder);
        return p.Equals(f, comparison) || p.StartsWith(f + Path.DirectorySeparatorChar, comparison);
    }
}

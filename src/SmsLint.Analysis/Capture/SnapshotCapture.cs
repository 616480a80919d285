using System.Globalization;
using System.IO.Compression;
using SmsLint.Discover;

namespace SmsLint.Capture;

/// <summary>Bounds and switches of one capture.</summary>
public sealed record CaptureOptions
{
    /// <summary>Copy every file, not only the SMS files SmsLint reads.</summary>
    public bool All { get; init; }

    /// <summary>Bytes of one file (64 MiB, as the scanner's zip limit); a larger file is recorded and not copied.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Bytes of all copied files together (2 GiB); files after the budget is spent are recorded and not copied.</summary>
    public long MaxTotalBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    public SmbOptions Smb { get; init; } = new();

    /// <summary>The tool name and version written to capture.json.</summary>
    public string Tool { get; init; } = "smslint";

    /// <summary>Clock for capture.json's start and end (tests fix it).</summary>
    public Func<DateTime> UtcNow { get; init; } = () => DateTime.UtcNow;
}

/// <summary>What a capture did, for the exit code and the final progress line.</summary>
public sealed record CaptureResult(CaptureManifest Manifest, int SharesCaptured, int SharesUnreachable, int FilesCopied, int FilesNotCopied, long BytesCopied);

/// <summary>
/// Captures shares into the snapshot layout of contract §1 (a folder or a zip) with capture.json at
/// the root. Sources are only read; a share that cannot be reached, or a file that cannot be read, is
/// recorded with its reason and the capture goes on.
/// </summary>
public static class SnapshotCapture
{
    /// <summary>Site-server binaries the scanner reads; other programs under SMS_&lt;CODE&gt; are not copied unless --all.</summary>
    private static readonly HashSet<string> SiteServerBinaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "Nt_logon.dll", "Ccm.dll", "Ccmbtldr.exe", "Baseobj.dll", "Clicore.exe", "Ccmcore.exe", "Boot32wn.exe", "Smsboot1.exe", "Check20.exe", "Checkver.exe",
    };

    /// <summary>True when SmsLint reads a file of this share at this path (the known layouts and file names).</summary>
    public static bool IsKnown(string machine, string share, string pathInShare)
    {
        var file = FileClassifier.Classify(new SnapshotEntry($"{machine}/{share}/{pathInShare}", 0));
        if (file.Kind == FileKind.Unknown)
        {
            return false;
        }

        return file.ShareKind != ShareKind.SiteServer || file.Kind != FileKind.Binary || SiteServerBinaries.Contains(file.FileName);
    }

    /// <summary>Opens the reader for a source.</summary>
    public static IShareReader Reader(string source, SmbOptions smb) =>
        SourceLocations.IsSmbUrl(source) ? new SmbShareReader(source, smb) : new FolderShareReader(source);

    /// <summary>
    /// Runs the capture into <paramref name="sink"/>. <paramref name="progress"/> receives one line per
    /// share ("[done/planned] path: n files, b bytes").
    /// </summary>
    public static CaptureResult Run(CapturePlan plan, ISnapshotSink sink, CaptureOptions options, Action<string>? progress = null, CancellationToken cancellation = default)
    {
        var started = options.UtcNow();
        var shares = new List<CaptureShare>();
        var files = new List<CaptureFile>();
        var budget = options.MaxTotalBytes;
        int captured = 0, unreachable = 0, copied = 0, notCopied = 0;
        long bytes = 0;
        var done = 0;
        if (plan.HierarchyFile is { } hierarchy)
        {
            sink.Add("hierarchy.ini", File.ReadAllBytes(hierarchy), File.GetLastWriteTimeUtc(hierarchy));
        }

        foreach (var planned in plan.Shares)
        {
            cancellation.ThrowIfCancellationRequested();
            done++;
            using var reader = Reader(planned.Source, options.Smb);
            IReadOnlyList<SourceFile> listed;
            try
            {
                listed = reader.List();
            }
            catch (ShareUnreachableException ex)
            {
                unreachable++;
                shares.Add(new CaptureShare(planned.Path, planned.Source, ShareOutcomes.Unreachable, ex.Message));
                progress?.Invoke($"[{done}/{plan.Shares.Count}] {planned.Path}: unreachable ({ex.Message})");
                continue;
            }

            var chosen = new List<SourceFile>();
            var shareFiles = 0;
            long shareBytes = 0;
            foreach (var file in listed.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                if (!options.All && !IsKnown(planned.Machine, planned.Share, file.Path))
                {
                    continue;
                }

                var path = $"{planned.Path}/{file.Path}";
                string? reason = null;
                if (file.Size > options.MaxFileBytes)
                {
                    reason = $"is {file.Size:N0} bytes, over the per-file limit of {options.MaxFileBytes:N0} bytes";
                }
                else if (file.Size > budget)
                {
                    reason = $"would take the capture over its total limit of {options.MaxTotalBytes:N0} bytes";
                }

                if (reason is not null)
                {
                    notCopied++;
                    files.Add(new CaptureFile(path, file.Size, file.LastWrite, file.ReadOnly, file.Hidden, reason));
                    continue;
                }

                budget -= file.Size;
                chosen.Add(file);
            }

            foreach (var (file, content, problem) in reader.Read(chosen, options.MaxFileBytes))
            {
                cancellation.ThrowIfCancellationRequested();
                var path = $"{planned.Path}/{file.Path}";
                if (content is null)
                {
                    notCopied++;
                    files.Add(new CaptureFile(path, file.Size, file.LastWrite, file.ReadOnly, file.Hidden, problem ?? "could not be read"));
                    continue;
                }

                sink.Add(path, content, file.LastWrite);
                files.Add(new CaptureFile(path, content.LongLength, file.LastWrite, file.ReadOnly, file.Hidden));
                copied++;
                shareFiles++;
                shareBytes += content.LongLength;
                bytes += content.LongLength;
            }

            captured++;
            shares.Add(new CaptureShare(planned.Path, planned.Source, ShareOutcomes.Captured));
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"[{done}/{plan.Shares.Count}] {planned.Path}: {shareFiles:N0} {(shareFiles == 1 ? "file" : "files")}, {shareBytes:N0} bytes (so far {copied:N0} {(copied == 1 ? "file" : "files")}, {bytes:N0} bytes)"));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        var manifest = new CaptureManifest(CaptureManifest.CurrentVersion, options.Tool, started, options.UtcNow(), shares, files);
        sink.Add(CaptureManifest.FileName, manifest.ToJson(), manifest.Finished);
        return new CaptureResult(manifest, captured, unreachable, copied, notCopied, bytes);
    }
}

/// <summary>Where captured files go: a new folder or a zip archive.</summary>
public interface ISnapshotSink : IDisposable
{
    /// <summary>Adds one file at its snapshot path ('/'), with its last-write time (UTC) when known.</summary>
    void Add(string path, byte[] content, DateTime? lastWriteUtc);

    /// <summary>Makes the snapshot final (the zip is renamed into place); without it nothing is left behind.</summary>
    void Commit();
}

/// <summary>A snapshot folder: files are written with their last-write times.</summary>
public sealed class FolderSink : ISnapshotSink
{
    private readonly string _root;

    public FolderSink(string root)
    {
        _root = Path.GetFullPath(root);
        Directory.CreateDirectory(_root);
    }

    public void Add(string path, byte[] content, DateTime? lastWriteUtc)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new IOException($"'{path}' would land outside the snapshot folder");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        if (lastWriteUtc is { } t)
        {
            File.SetLastWriteTimeUtc(full, t);
        }
    }

    public void Commit()
    {
    }

    public void Dispose()
    {
    }
}

/// <summary>A zip snapshot, written to a temporary file beside the target and renamed into place on commit.</summary>
public sealed class ZipSink : ISnapshotSink
{
    private readonly string _target;
    private readonly string _temp;
    private readonly FileStream _stream;
    private readonly ZipArchive _archive;
    private bool _closed;

    public ZipSink(string target)
    {
        _target = Path.GetFullPath(target);
        _temp = Path.Combine(Path.GetDirectoryName(_target)!, $".{Path.GetFileName(_target)}.{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(_temp, FileMode.CreateNew, FileAccess.ReadWrite);
        _archive = new ZipArchive(_stream, ZipArchiveMode.Create, leaveOpen: true);
    }

    public void Add(string path, byte[] content, DateTime? lastWriteUtc)
    {
        var entry = _archive.CreateEntry(path, CompressionLevel.Optimal);
        if (lastWriteUtc is { } t && t.Year is >= 1980 and < 2108)
        {
            // Zip stores a local date and time without a zone; UTC is written so every reader agrees (capture.json has the exact time).
            entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), TimeSpan.Zero);
        }

        using var s = entry.Open();
        s.Write(content);
    }

    public void Commit()
    {
        _archive.Dispose();
        _stream.Flush(true);
        _stream.Dispose();
        _closed = true;
        File.Move(_temp, _target, overwrite: true);
    }

    public void Dispose()
    {
        if (!_closed)
        {
            _archive.Dispose();
            _stream.Dispose();
            File.Delete(_temp);
        }
    }
}

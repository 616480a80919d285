namespace SmsLint.Discover;

/// <summary>
/// Bounds on reading a zip snapshot, so a hostile archive (a decompression bomb, a central
/// directory with millions of entries) cannot exhaust memory or time. Only entries that SmsLint
/// reads (SMS file names and binaries) count against the size limits; other entries are listed
/// and never decompressed.
/// </summary>
public sealed record ZipLimits
{
    /// <summary>Entries in the archive's central directory (200,000). Over it, the archive is not opened at all.</summary>
    public long MaxEntries { get; init; } = 200_000;

    /// <summary>Uncompressed bytes of one entry (64 MiB); a larger entry is reported and not read.</summary>
    public long MaxEntryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Uncompressed bytes of all read entries together (2 GiB), spent in path order; entries after
    /// the budget is used up are reported and not read.
    /// </summary>
    public long MaxTotalBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Read entries together may expand to at most this many times the archive's size (10), so a
    /// small archive of many small, highly compressible entries cannot cost more than its size
    /// justifies. Real captures (text compresses 3 to 8 times, binaries 2 to 3 times) stay below it.
    /// </summary>
    public long MaxTotalExpansion { get; init; } = 10;

    /// <summary>The proportional total never falls below this (16 MiB), so small archives of real files are read whole.</summary>
    public long MinTotalBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Uncompressed to compressed size (200:1); a higher ratio is reported as a likely bomb and not read.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>
    /// Entries up to this uncompressed size (64 KiB) are exempt from the ratio check: a small file
    /// (a zero-filled placeholder, a tiny INI) can compress very well without being a bomb, and
    /// many of them together are bounded by the proportional total.
    /// </summary>
    public long RatioExemptBytes { get; init; } = 64 * 1024;
}

/// <summary>Limits that apply while a snapshot is listed and its files are read.</summary>
public sealed record SourceLimits
{
    public static SourceLimits Default { get; } = new();

    /// <summary>Folder nesting below the root that is walked (64); deeper folders are reported and skipped.</summary>
    public int MaxDepth { get; init; } = DirectorySource.MaxDepth;

    /// <summary>Bounds on zip snapshots.</summary>
    public ZipLimits Zip { get; init; } = new();

    /// <summary>How many folders of a snapshot folder are listed at once (the scan's <c>--threads</c>; default: one per core).</summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);
}

/// <summary>The snapshot cannot be opened at all (not a zip, a corrupt central directory, too many entries).</summary>
public sealed class SnapshotSourceException : Exception
{
    public SnapshotSourceException()
    {
    }

    public SnapshotSourceException(string message)
        : base(message)
    {
    }

    public SnapshotSourceException(string message, Exception inner)
        : base(message, inner)
    {
    }
}


namespace SmsLint.Discover;

/// <summary>
/// One file in a snapshot: its path relative to the root (forward slashes, as captured) and size.
/// <see cref="Unreadable"/> says why a listed file cannot be read (a dangling link, a link out of
/// the snapshot, an encrypted, corrupt, oversized or unsafe archive entry); such a file is
/// reported, never read. <see cref="ProblemKind"/> says which kind of reason it is.
/// </summary>
public sealed record SnapshotEntry(string Path, long Length, string? Unreadable = null)
{
    /// <summary>What kind of reason <see cref="Unreadable"/> holds (ignored when it is null).</summary>
    public EntryProblemKind ProblemKind { get; init; } = EntryProblemKind.Unreadable;
}

/// <summary>Why a listed entry is not read.</summary>
public enum EntryProblemKind
{
    /// <summary>It cannot be read: a dangling link, a link out of the root, an encrypted or corrupt archive entry.</summary>
    Unreadable,

    /// <summary>An archive entry whose stored name would escape the snapshot (zip slip); it is listed under a sanitised path.</summary>
    Unsafe,

    /// <summary>An archive entry over a decompression limit (entry size, compression ratio, total size).</summary>
    LimitExceeded,
}

/// <summary>A problem met while walking or reading the snapshot, tied to a path.</summary>
public sealed record SourceProblem(string Path, string Kind, string Message);

/// <summary>
/// Where snapshot files come from: a directory or a zip archive. Implementations never write,
/// never follow links out of the root, and report what they could not read as problems.
/// </summary>
public interface ISnapshotSource : IDisposable
{
    /// <summary>Absolute path of the directory or archive, for messages and the SARIF root URI.</summary>
    string RootPath { get; }

    /// <summary>Every regular file, in ordinal path order.</summary>
    IReadOnlyList<SnapshotEntry> Entries { get; }

    /// <summary>Problems found while listing (unreadable folders, link loops, unsafe archive entries).</summary>
    IReadOnlyList<SourceProblem> Problems { get; }

    /// <summary>Reads at most <paramref name="maxBytes"/> bytes of a file; null when it cannot be read (the problem is in <paramref name="problem"/>).</summary>
    byte[]? ReadAll(SnapshotEntry entry, long maxBytes, out SourceProblem? problem);

    /// <summary>Opens a file for random access (PE headers); null when it cannot be read.</summary>
    Stream? OpenRead(SnapshotEntry entry, out SourceProblem? problem);
}

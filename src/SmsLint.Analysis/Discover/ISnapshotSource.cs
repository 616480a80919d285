
namespace SmsLint.Discover;

/// <summary>
/// One file in a snapshot: its path relative to the root (forward slashes, as captured) and size.
/// <see cref="Unreadable"/> says why a listed file cannot be read (a dangling link, a link out of
/// the snapshot, an encrypted or unsafe archive entry); such a file is reported, never read.
/// </summary>
public sealed record SnapshotEntry(string Path, long Length, string? Unreadable = null);

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

namespace SmsLint.Discover;

/// <summary>
/// A snapshot captured as a folder. A link to a file inside the snapshot is read as that file; a
/// link to a file outside it, or to nothing, is listed as unreadable (never read). Links to
/// folders are never followed, so no walk can leave the root or loop. Folders that cannot be
/// listed are reported and the walk goes on.
/// </summary>
public sealed class DirectorySource : ISnapshotSource
{
    private readonly List<SourceProblem> _problems = [];

    public DirectorySource(string root)
    {
        RootPath = Path.GetFullPath(root);
        var entries = new List<SnapshotEntry>();
        Walk(new DirectoryInfo(RootPath), string.Empty, entries, 0);
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        Entries = entries;
    }

    public string RootPath { get; }

    public IReadOnlyList<SnapshotEntry> Entries { get; }

    public IReadOnlyList<SourceProblem> Problems => _problems;

    /// <summary>Deeper than any real share tree; guards against pathological captures.</summary>
    public const int MaxDepth = 64;

    private void Walk(DirectoryInfo dir, string prefix, List<SnapshotEntry> entries, int depth)
    {
        if (depth > MaxDepth)
        {
            _problems.Add(new SourceProblem(prefix.TrimEnd('/'), "too-deep", $"folder nesting exceeds {MaxDepth} levels; its contents were not scanned"));
            return;
        }

        FileSystemInfo[] children;
        try
        {
            children = dir.GetFileSystemInfos();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or System.Security.SecurityException)
        {
            _problems.Add(new SourceProblem(prefix.TrimEnd('/'), "unreadable", $"folder could not be listed: {ex.Message}"));
            return;
        }

        foreach (var child in children)
        {
            var rel = prefix + child.Name;
            if (child.LinkTarget is not null)
            {
                if (child is DirectoryInfo)
                {
                    _problems.Add(new SourceProblem(rel, "link", $"is a link to the folder '{child.LinkTarget}'; folder links are not followed"));
                }
                else
                {
                    entries.Add(LinkedFile(child, rel));
                }

                continue;
            }

            switch (child)
            {
                case DirectoryInfo sub:
                    Walk(sub, rel + "/", entries, depth + 1);
                    break;
                case FileInfo file:
                    long length;
                    try
                    {
                        length = file.Length;
                    }
                    catch (IOException ex)
                    {
                        _problems.Add(new SourceProblem(rel, "unreadable", $"file vanished or could not be read: {ex.Message}"));
                        continue;
                    }

                    entries.Add(new SnapshotEntry(rel, length));
                    break;
            }
        }
    }

    private SnapshotEntry LinkedFile(FileSystemInfo link, string rel)
    {
        FileSystemInfo? target;
        try
        {
            target = link.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            target = null;
        }

        if (target is null || !target.Exists)
        {
            return new SnapshotEntry(rel, 0, $"is a link to '{link.LinkTarget}', which does not exist");
        }

        var inside = target.FullName.StartsWith(RootPath.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        if (!inside)
        {
            return new SnapshotEntry(rel, 0, $"is a link to '{link.LinkTarget}' outside the snapshot; it was not followed");
        }

        return target is FileInfo f
            ? new SnapshotEntry(rel, f.Length)
            : new SnapshotEntry(rel, 0, $"is a link to '{link.LinkTarget}', which is not a file");
    }

    private string FullPath(SnapshotEntry entry) => Path.Combine(RootPath, entry.Path);

    public byte[]? ReadAll(SnapshotEntry entry, long maxBytes, out SourceProblem? problem)
    {
        problem = null;
        try
        {
            using var stream = new FileStream(FullPath(entry), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            var length = stream.Length;
            var toRead = (int)Math.Min(length, maxBytes);
            var buffer = new byte[toRead];
            stream.ReadExactly(buffer, 0, toRead);
            return buffer;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problem = new SourceProblem(entry.Path, "unreadable", $"could not be read: {ex.Message}");
            return null;
        }
    }

    public Stream? OpenRead(SnapshotEntry entry, out SourceProblem? problem)
    {
        problem = null;
        try
        {
            return new FileStream(FullPath(entry), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.RandomAccess);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            problem = new SourceProblem(entry.Path, "unreadable", $"could not be opened: {ex.Message}");
            return null;
        }
    }

    public void Dispose()
    {
    }
}

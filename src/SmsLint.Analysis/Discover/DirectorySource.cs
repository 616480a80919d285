using SmsLint.IO;

namespace SmsLint.Discover;

/// <summary>
/// A snapshot captured as a folder. A link to a file inside the snapshot is read as that file; a
/// link to a file outside it, or to nothing, is listed as unreadable (never read). Links to
/// folders are never followed, so no walk can leave the root or loop. Folders that cannot be
/// listed are reported and the walk goes on. Zero-length files are never opened: a FIFO or a
/// device node under an SMS file name lists as zero bytes, and opening it could block forever.
/// </summary>
public sealed class DirectorySource : ISnapshotSource
{
    private readonly List<SourceProblem> _problems = [];
    private readonly int _maxDepth;
    private readonly int _threads;

    /// <summary>Lists <paramref name="root"/>; its machine folders are listed <paramref name="threads"/> at a time (0: one per core).</summary>
    public DirectorySource(string root, int maxDepth = MaxDepth, int threads = 0)
    {
        _threads = threads > 0 ? threads : Math.Max(1, Environment.ProcessorCount);
        RootPath = Path.GetFullPath(root);
        RealRoot = SafeFile.RealPath(RootPath);
        _maxDepth = maxDepth;
        var entries = new List<SnapshotEntry>();
        Walk(RootPath, string.Empty, entries, _problems, 0);
        entries.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        Entries = CaseTwins.Resolve(entries, _problems, static _ => false);
    }

    public string RootPath { get; }

    /// <summary>The root with every link resolved: what a file's real location must lie under to be read.</summary>
    public string RealRoot { get; }

    public IReadOnlyList<SnapshotEntry> Entries { get; }

    public IReadOnlyList<SourceProblem> Problems => _problems;

    /// <summary>Deeper than any real share tree; guards against pathological captures.</summary>
    public const int MaxDepth = 64;

    /// <summary>One directory entry as the listing gives it; only links get a FileSystemInfo.</summary>
    private readonly record struct Child(string Name, bool IsDirectory, bool IsLink, long Length);

    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>
    /// Lists one folder with a single lstat per entry (for its attributes and length), instead of
    /// a FileSystemInfo object and a readlink call per entry.
    /// </summary>
    private static List<Child> List(string path)
    {
        var children = new List<Child>();
        var listing = new System.IO.Enumeration.FileSystemEnumerable<Child>(
            path,
            static (ref System.IO.Enumeration.FileSystemEntry e) =>
            {
                var isLink = (e.Attributes & FileAttributes.ReparsePoint) != 0;
                var isDirectory = e.IsDirectory;
                return new Child(e.FileName.ToString(), isDirectory, isLink, isDirectory || isLink ? 0 : e.Length);
            },
            ListOptions);
        foreach (var child in listing)
        {
            children.Add(child);
        }

        return children;
    }

    /// <summary>
    /// Walks one folder. The machine folders under the root are walked in parallel (each into its
    /// own lists, joined in listing order), so the result is the same as a sequential walk.
    /// </summary>
    private void Walk(string dir, string prefix, List<SnapshotEntry> entries, List<SourceProblem> problems, int depth)
    {
        if (depth > _maxDepth)
        {
            problems.Add(new SourceProblem(prefix.TrimEnd('/'), "too-deep", $"folder nesting exceeds {_maxDepth} levels; its contents were not scanned"));
            return;
        }

        List<Child> children;
        try
        {
            children = List(dir);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException or System.Security.SecurityException)
        {
            problems.Add(new SourceProblem(prefix.TrimEnd('/'), "unreadable", $"folder could not be listed: {ex.Message}"));
            return;
        }

        List<(string Path, string Prefix, List<SnapshotEntry> Entries, List<SourceProblem> Problems)>? parallel = depth == 0 ? [] : null;
        foreach (var child in children)
        {
            var rel = prefix + child.Name;
            var full = Path.Join(dir, child.Name);
            if (child.Name.Contains('\uFFFD', StringComparison.Ordinal))
            {
                // The listing decoded a name that is not valid UTF-8 with replacement characters;
                // that name no longer leads to the file, so it cannot be opened or walked.
                if (child.IsDirectory && !child.IsLink)
                {
                    problems.Add(new SourceProblem(rel, "unreadable", "is a folder whose name is not valid UTF-8, so it cannot be opened by name; nothing in it was scanned"));
                }
                else
                {
                    entries.Add(new SnapshotEntry(rel, 0, "has a name that is not valid UTF-8, so it cannot be opened by name; it was not read"));
                }

                continue;
            }

            if (child.IsLink)
            {
                FileSystemInfo link = child.IsDirectory ? new DirectoryInfo(full) : new FileInfo(full);
                if (link is DirectoryInfo)
                {
                    problems.Add(new SourceProblem(rel, "link", $"is a link to the folder '{link.LinkTarget}'{FolderLinkKind(link)}; folder links are not followed, so nothing was scanned through it"));
                }
                else
                {
                    entries.Add(LinkedFile(link, rel));
                }

                continue;
            }

            if (child.IsDirectory)
            {
                if (parallel is not null)
                {
                    parallel.Add((full, rel + "/", [], []));
                }
                else
                {
                    Walk(full, rel + "/", entries, problems, depth + 1);
                }
            }
            else
            {
                entries.Add(new SnapshotEntry(rel, child.Length));
            }
        }

        if (parallel is { Count: > 0 })
        {
            Parallel.ForEach(
                parallel,
                new ParallelOptions { MaxDegreeOfParallelism = _threads },
                sub => Walk(sub.Path, sub.Prefix, sub.Entries, sub.Problems, depth + 1));
            foreach (var sub in parallel)
            {
                entries.AddRange(sub.Entries);
                problems.AddRange(sub.Problems);
            }
        }
    }

    /// <summary>Where a folder link leads, for the message: back up its own path (a loop), out of the root, or elsewhere inside.</summary>
    private string FolderLinkKind(FileSystemInfo link)
    {
        FileSystemInfo? target;
        try
        {
            target = link.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            // ResolveLinkTarget fails on a chain of links that never ends (ELOOP).
            return ", which is a chain of links that loops back on itself";
        }

        if (target is null || !target.Exists)
        {
            return ", which does not exist";
        }

        var sep = Path.DirectorySeparatorChar;
        var full = target.FullName.TrimEnd(sep) + sep;
        var parent = Path.GetDirectoryName(link.FullName)!.TrimEnd(sep) + sep;
        if (parent.StartsWith(full, StringComparison.Ordinal))
        {
            return ", a folder that contains the link (a loop)";
        }

        return full.StartsWith(RootPath.TrimEnd(sep) + sep, StringComparison.Ordinal) ? string.Empty : " outside the snapshot";
    }

    /// <summary>
    /// A link to a file, checked as it will be read: its real location (every link on the way
    /// resolved, folder links included) must lie inside the real root, and it must be a regular file.
    /// </summary>
    private SnapshotEntry LinkedFile(FileSystemInfo link, string rel)
    {
        using var handle = SafeFile.OpenRegular(link.FullName, RealRoot, out var refusal, out _);
        if (handle is null)
        {
            var message = refusal switch
            {
                { Missing: true } => $"is a link to '{link.LinkTarget}', which does not exist",
                { Outside: true } => $"is a link to '{link.LinkTarget}' outside the snapshot; it was not followed",
                { NotRegular: true } => $"is a link to '{link.LinkTarget}', which is not a file",
                _ => $"is a link to '{link.LinkTarget}' that {refusal!.Message.Replace("is a link that ", string.Empty, StringComparison.Ordinal)}",
            };
            return new SnapshotEntry(rel, 0, message);
        }

        return new SnapshotEntry(rel, RandomAccess.GetLength(handle));
    }

    private string FullPath(SnapshotEntry entry) => Path.Combine(RootPath, entry.Path);

    /// <summary>
    /// Opens a listed file for reading, checked at this moment rather than at listing time: a link
    /// (or a folder link on the way) swapped in since must still lead inside the snapshot, and a
    /// FIFO or device swapped in is refused without being opened.
    /// </summary>
    private Microsoft.Win32.SafeHandles.SafeFileHandle? Open(SnapshotEntry entry, out SourceProblem? problem)
    {
        var handle = SafeFile.OpenRegular(FullPath(entry), RealRoot, out var refusal, out _);
        problem = handle is null
            ? new SourceProblem(entry.Path, "unreadable", refusal!.Missing ? "could not be read: it no longer exists" : refusal.Message)
            : null;
        return handle;
    }

    public byte[]? ReadAll(SnapshotEntry entry, long maxBytes, out SourceProblem? problem)
    {
        problem = null;
        if (entry.Length == 0)
        {
            return [];
        }

        try
        {
            using var handle = Open(entry, out problem);
            if (handle is null)
            {
                return null;
            }

            // Never more than the limit, however much the file has grown since it was listed.
            return SafeFile.Read(handle, maxBytes, out _);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
        {
            problem = new SourceProblem(entry.Path, "unreadable", $"could not be read: {ex.Message}");
            return null;
        }
    }

    public Stream? OpenRead(SnapshotEntry entry, out SourceProblem? problem)
    {
        problem = null;
        if (entry.Length == 0)
        {
            return new MemoryStream([], writable: false);
        }

        try
        {
            var handle = Open(entry, out problem);
            return handle is null ? null : new FileStream(handle, FileAccess.Read, 4096);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
        {
            problem = new SourceProblem(entry.Path, "unreadable", $"could not be opened: {ex.Message}");
            return null;
        }
    }

    public void Dispose()
    {
    }
}

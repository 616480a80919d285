using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace SmsLint.Discover;

/// <summary>
/// A snapshot captured as a zip archive, read in place with System.IO.Compression: nothing is
/// extracted to disk, and each entry is decompressed into memory only when it is read, within
/// <see cref="ZipLimits"/>.
/// <para>
/// Entry names become snapshot paths as stored ('\' read as '/', empty and '.' segments dropped),
/// with one exception: when every entry sits under the same top-level folder and that folder is
/// the snapshot root rather than a machine — it holds <c>hierarchy.ini</c> directly, or share names
/// (SMSLOGON, NETLOGON, C$, ...) occur more often one level deeper than directly below it — the
/// folder is stripped. So a zip of the snapshot folder and a zip of its contents read the same,
/// and a zip of a one-machine snapshot keeps its machine.
/// </para>
/// <para>
/// Names with a '..' segment, an absolute path, a drive letter or control characters would land
/// outside the snapshot if extracted (zip slip); they are never read, and are listed under a
/// sanitised path with <see cref="EntryProblemKind.Unsafe"/>. Duplicate names (compared
/// case-insensitively, as Windows would) keep the first entry and report the others. Encrypted
/// entries are listed as unreadable; entries over a limit as <see cref="EntryProblemKind.LimitExceeded"/>;
/// a CRC mismatch or truncated data is reported when the entry is read.
/// </para>
/// </summary>
public sealed class ZipSource : ISnapshotSource
{
    private readonly Stream _file;
    private readonly ZipArchive _archive;
    private readonly ZipLimits _limits;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ZipArchiveEntry> _byPath = new(StringComparer.Ordinal);
    private readonly List<SourceProblem> _problems = [];
    private readonly long _archiveLength;

    public ZipSource(string path, ZipLimits? limits = null)
        : this(new FileStream(Path.GetFullPath(path), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.RandomAccess), Path.GetFullPath(path), limits)
    {
    }

    /// <summary>An archive already open as a seekable stream (the source owns and disposes it); <paramref name="rootPath"/> names it in messages.</summary>
    public ZipSource(Stream archive, string rootPath, ZipLimits? limits = null)
    {
        RootPath = rootPath;
        _limits = limits ?? new ZipLimits();
        _file = archive;
        try
        {
            _archiveLength = archive.Length;
            var declared = DeclaredEntryCount(_file);
            if (declared > _limits.MaxEntries)
            {
                throw new SnapshotSourceException(
                    $"the archive declares {declared:N0} entries, over the limit of {_limits.MaxEntries:N0}; it was not opened");
            }

            IReadOnlyList<ZipArchiveEntry> stored;
            try
            {
                _archive = new ZipArchive(_file, ZipArchiveMode.Read, leaveOpen: true);
                stored = _archive.Entries;
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException or ArgumentException)
            {
                throw new SnapshotSourceException($"it is not a readable zip archive: {ex.Message}", ex);
            }

            if (stored.Count == 0 && StartsWithLocalHeader(_file))
            {
                // An end record that lists nothing in front of entry data: a damaged directory,
                // or a forged end record (in the comment) hiding the real one.
                throw new SnapshotSourceException(
                    "it is not a readable zip archive: its end record lists no entries, but the file holds entry data (a damaged archive, or a forged end record)");
            }

            if (stored.Count > _limits.MaxEntries)
            {
                throw new SnapshotSourceException(
                    $"the archive holds {stored.Count:N0} entries, over the limit of {_limits.MaxEntries:N0}; it was not opened");
            }

            Entries = List(stored);
        }
        catch
        {
            _archive?.Dispose();
            _file.Dispose();
            throw;
        }
    }

    public string RootPath { get; }

    public IReadOnlyList<SnapshotEntry> Entries { get; }

    public IReadOnlyList<SourceProblem> Problems => _problems;

    private sealed record Candidate(int Index, ZipArchiveEntry Entry, string[] Segments, string? UnsafeReason);

    private List<SnapshotEntry> List(IReadOnlyList<ZipArchiveEntry> stored)
    {
        var candidates = new List<Candidate>();
        for (var i = 0; i < stored.Count; i++)
        {
            var e = stored[i];
            var name = e.FullName;
            var isFolder = name.EndsWith('/') || name.EndsWith('\\');
            if (isFolder && e.Length == 0)
            {
                continue;
            }

            var (segments, reason) = Normalise(name);
            if (segments.Length == 0)
            {
                if (e.Length == 0 && reason is null)
                {
                    continue;
                }

                segments = ["_"];
                reason ??= "has an empty name";
            }

            candidates.Add(new Candidate(i, e, segments, reason));
        }

        if (CommonRootFolder(candidates) is { } top)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                var c = candidates[i];
                if (c.Segments.Length > 1 && c.Segments[0].Equals(top, StringComparison.OrdinalIgnoreCase))
                {
                    candidates[i] = c with { Segments = c.Segments[1..] };
                }
            }
        }

        // Safe entries claim their names first, in archive order; then the unsafe ones. A name
        // stored twice exactly keeps its first entry; names that differ only in case are resolved
        // below exactly as a folder resolves them.
        var kept = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        foreach (var c in candidates.Where(c => c.UnsafeReason is null).Concat(candidates.Where(c => c.UnsafeReason is not null)))
        {
            var path = string.Join('/', c.Segments);
            if (kept.TryGetValue(path, out var first))
            {
                _problems.Add(new SourceProblem(path, "duplicate",
                    $"is stored more than once in the archive (entry {Quote(c.Entry.FullName)}, number {c.Index + 1}, repeats entry {Quote(first.Entry.FullName)}, number {first.Index + 1}); only the first was scanned"));
                continue;
            }

            kept.Add(path, c);
        }

        var listed = new List<SnapshotEntry>(kept.Count);
        foreach (var (path, c) in kept.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var e = c.Entry;
            var entry = new SnapshotEntry(path, e.Length);
            if (c.UnsafeReason is { } reason)
            {
                entry = entry with
                {
                    Unreadable = $"is the archive entry {Quote(e.FullName)}, whose name {reason}; a name like that is unsafe to extract (zip slip: it can land outside the snapshot), so it was not read",
                    ProblemKind = EntryProblemKind.Unsafe,
                };
            }

            listed.Add(entry);
        }

        listed = CaseTwins.Resolve(listed, _problems, static e => e.ProblemKind == EntryProblemKind.Unsafe && e.Unreadable is not null);

        var entries = new List<SnapshotEntry>(listed.Count);
        var budget = TotalBudget;
        foreach (var listedEntry in listed)
        {
            var entry = listedEntry;
            var e = kept[entry.Path].Entry;
            if (entry.Unreadable is null && FileClassifier.Classify(entry).Kind != FileKind.Unknown)
            {
                entry = CheckLimits(entry, e, ref budget);
            }

            _byPath.Add(entry.Path, e);
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>
    /// Uncompressed bytes all read entries may take together: the configured total, but never more
    /// than <see cref="ZipLimits.MaxTotalExpansion"/> times the archive's own size (at least
    /// <see cref="ZipLimits.MinTotalBytes"/>), so the work and memory a scan spends grow with the
    /// input, not with what it claims to hold.
    /// </summary>
    private long TotalBudget
    {
        get
        {
            var proportional = _archiveLength > long.MaxValue / Math.Max(1, _limits.MaxTotalExpansion)
                ? long.MaxValue
                : _archiveLength * _limits.MaxTotalExpansion;
            return Math.Min(_limits.MaxTotalBytes, Math.Max(_limits.MinTotalBytes, proportional));
        }
    }

    private SnapshotEntry CheckLimits(SnapshotEntry entry, ZipArchiveEntry e, ref long budget)
    {
        if (e.IsEncrypted)
        {
            return entry with { Unreadable = "is encrypted in the archive; SmsLint does not decrypt entries, so it was not read" };
        }

        string? limit = null;
        if (e.Length > _limits.MaxEntryBytes)
        {
            limit = $"is {e.Length:N0} bytes uncompressed, over the per-entry limit of {_limits.MaxEntryBytes:N0} bytes for an archive entry";
        }
        else if (e.Length > _limits.RatioExemptBytes && (e.CompressedLength <= 0 || (double)e.Length / e.CompressedLength > _limits.MaxCompressionRatio))
        {
            var ratio = e.CompressedLength <= 0 ? "without limit" : ((double)e.Length / e.CompressedLength).ToString("N0", CultureInfo.InvariantCulture) + ":1";
            limit = $"expands {e.CompressedLength:N0} compressed bytes to {e.Length:N0} ({ratio}), over the compression ratio limit of {_limits.MaxCompressionRatio.ToString("N0", CultureInfo.InvariantCulture)}:1 (a likely decompression bomb)";
        }
        else if (e.Length > budget)
        {
            limit = $"would take the archive over its total limit of {TotalBudget:N0} uncompressed bytes (entries are counted in path order)";
        }

        if (limit is not null)
        {
            return entry with { Unreadable = limit + "; it was not read", ProblemKind = EntryProblemKind.LimitExceeded };
        }

        budget -= e.Length;
        return entry;
    }

    private static string Quote(string name) => "'" + Printable(name) + "'";

    /// <summary>The name with control characters shown as \xNN, so a message never carries raw control bytes.</summary>
    private static string Printable(string name)
    {
        if (!name.Any(char.IsControl))
        {
            return name;
        }

        var sb = new StringBuilder(name.Length + 8);
        foreach (var ch in name)
        {
            if (char.IsControl(ch))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)ch:X2}");
            }
            else
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Splits a stored name into path segments. Returns the reason when the name would escape the
    /// root; the segments are then a sanitised path (what is left without the escaping parts).
    /// </summary>
    public static (string[] Segments, string? UnsafeReason) Normalise(string name)
    {
        var path = name.Replace('\\', '/');
        string? reason = null;
        if (path.StartsWith('/'))
        {
            reason = "is an absolute path";
        }
        else if (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':')
        {
            reason = "starts with a drive letter";
            path = path[2..];
        }

        var segments = new List<string>();
        foreach (var raw in path.Split('/'))
        {
            if (raw.Length == 0 || raw == ".")
            {
                continue;
            }

            if (raw == "..")
            {
                reason ??= "climbs out of its folder with '..'";
                continue;
            }

            var segment = raw;
            if (raw.Any(char.IsControl))
            {
                reason ??= "holds control characters";
                segment = new string([.. raw.Select(ch => char.IsControl(ch) ? '_' : ch)]);
            }

            segments.Add(segment);
        }

        return ([.. segments], reason);
    }

    /// <summary>The single top-level folder to strip, or null (see the class summary).</summary>
    private static string? CommonRootFolder(List<Candidate> candidates)
    {
        var safe = candidates.Where(c => c.UnsafeReason is null).ToList();
        if (safe.Count == 0 || safe.Any(c => c.Segments.Length < 2))
        {
            return null;
        }

        var top = safe[0].Segments[0];
        if (safe.Any(c => !c.Segments[0].Equals(top, StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (safe.Any(c => c.Segments.Length == 2 && c.Segments[1].Equals("hierarchy.ini", StringComparison.OrdinalIgnoreCase)))
        {
            return top;
        }

        // A share is a folder: it needs at least one more segment below it.
        var sharesBelowTop = safe.Count(c => c.Segments.Length > 2 && FileClassifier.ClassifyShare(c.Segments[1]) != ShareKind.Other);
        var sharesDeeper = safe.Count(c => c.Segments.Length > 3 && FileClassifier.ClassifyShare(c.Segments[2]) != ShareKind.Other);
        return sharesDeeper > sharesBelowTop ? top : null;
    }

    public byte[]? ReadAll(SnapshotEntry entry, long maxBytes, out SourceProblem? problem)
    {
        problem = null;
        if (!_byPath.TryGetValue(entry.Path, out var e) || entry.Unreadable is not null)
        {
            problem = new SourceProblem(entry.Path, "unreadable", entry.Unreadable ?? "is not an entry of the archive");
            return null;
        }

        var declared = e.Length;
        var whole = declared <= maxBytes;
        var toRead = (int)Math.Min(Math.Min(declared, maxBytes), Math.Min(_limits.MaxEntryBytes, Array.MaxLength));
        var buffer = new byte[toRead];
        var got = 0;
        try
        {
            lock (_gate)
            {
                using var stream = e.Open();
                while (got < toRead)
                {
                    var n = stream.Read(buffer, got, toRead - got);
                    if (n == 0)
                    {
                        break;
                    }

                    got += n;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            problem = new SourceProblem(entry.Path, "corrupt", $"could not be decompressed from the archive: {ex.Message}");
            return null;
        }

        if (got < toRead)
        {
            problem = new SourceProblem(entry.Path, "corrupt",
                $"is truncated or corrupt in the archive: only {got:N0} of its {declared:N0} bytes could be decompressed");
            return null;
        }

        if (whole && toRead == declared)
        {
            // CRC-32 (IEEE 802.3, reflected), as zip records it.
            var crc = System.IO.Hashing.Crc32.HashToUInt32(buffer);
            if (crc != e.Crc32)
            {
                problem = new SourceProblem(entry.Path, "corrupt",
                    $"is corrupt in the archive: its data has CRC-32 {crc:X8}, the archive records {e.Crc32:X8}");
                return null;
            }
        }

        return buffer;
    }

    public Stream? OpenRead(SnapshotEntry entry, out SourceProblem? problem)
    {
        var bytes = ReadAll(entry, _limits.MaxEntryBytes, out problem);
        return bytes is null ? null : new MemoryStream(bytes, writable: false);
    }

    public void Dispose()
    {
        _archive.Dispose();
        _file.Dispose();
    }

    private static bool StartsWithLocalHeader(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 4 && BinaryPrimitives.ReadUInt32LittleEndian(head) == 0x04034b50;
    }

    /// <summary>
    /// The entry count the end-of-central-directory record declares (ZIP64 aware), read before
    /// <see cref="ZipArchive"/> loads the whole directory into memory; null when not found.
    /// </summary>
    public static long? DeclaredEntryCount(Stream stream)
    {
        const uint eocd = 0x06054b50, locator = 0x07064b50, eocd64 = 0x06064b50;
        var length = stream.Length;
        if (length < 22)
        {
            return null;
        }

        var tailLength = (int)Math.Min(length, 22 + ushort.MaxValue + 20);
        var tail = new byte[tailLength];
        stream.Position = length - tailLength;
        stream.ReadExactly(tail);
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != eocd)
            {
                continue;
            }

            long total = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
            if (total == ushort.MaxValue && i >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i - 20)) == locator)
            {
                var offset = BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(i - 20 + 8));
                if (offset <= (ulong)(length - 56))
                {
                    var record = new byte[56];
                    stream.Position = (long)offset;
                    stream.ReadExactly(record);
                    if (BinaryPrimitives.ReadUInt32LittleEndian(record) == eocd64)
                    {
                        var total64 = BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32));
                        total = total64 > long.MaxValue ? long.MaxValue : (long)total64;
                    }
                }
            }

            stream.Position = 0;
            return total;
        }

        stream.Position = 0;
        return null;
    }
}

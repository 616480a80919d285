using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace SmsLint.Binaries;

/// <summary>What <see cref="PeVersionReader.Read"/> found in a file.</summary>
public enum PeVersionStatus
{
    /// <summary>The VS_VERSIONINFO resource was read; <see cref="PeVersionResult.FileVersion"/> is set.</summary>
    Ok,

    /// <summary>The file has zero bytes (a placeholder left by a copy or an install).</summary>
    Empty,

    /// <summary>The file is not a PE image (no <c>MZ</c> signature, or an <c>MZ</c> DOS program without a PE header).</summary>
    NotPe,

    /// <summary>The file is a well-formed PE image without an RT_VERSION resource.</summary>
    NoVersionResource,

    /// <summary>The file looks like a PE image but its headers or resources are truncated or inconsistent.</summary>
    Corrupt,
}

/// <summary>
/// The outcome of reading the version resource of one PE file.
/// </summary>
/// <param name="Status">What was found.</param>
/// <param name="FileVersion">
/// The four fields (major, minor, build, revision) of <c>VS_FIXEDFILEINFO.dwFileVersionMS/LS</c>;
/// set only when <paramref name="Status"/> is <see cref="PeVersionStatus.Ok"/>.
/// </param>
/// <param name="ProductVersion">The four fields of <c>VS_FIXEDFILEINFO.dwProductVersionMS/LS</c>, as for <paramref name="FileVersion"/>.</param>
/// <param name="FileVersionString">The "FileVersion" value of the first StringFileInfo string table, when present.</param>
/// <param name="Detail">A short English sentence about what was found or what is wrong.</param>
public sealed record PeVersionResult(
    PeVersionStatus Status,
    int[]? FileVersion,
    int[]? ProductVersion,
    string? FileVersionString,
    string Detail)
{
    /// <summary>
    /// The number of bytes read from the stream: the DOS, COFF and optional headers, the section
    /// table, the resource directory entries walked and the version resource itself.
    /// </summary>
    public long BytesRead { get; init; }

    /// <summary>The fixed file version as "major.minor.build.revision" (e.g. "2.0.1239.62"), or null when none was read.</summary>
    public string? FormatFileVersion() => Format(FileVersion);

    /// <summary>The fixed product version as "major.minor.build.revision", or null when none was read.</summary>
    public string? FormatProductVersion() => Format(ProductVersion);

    private static string? Format(int[]? version) =>
        version is { Length: 4 }
            ? string.Create(CultureInfo.InvariantCulture, $"{version[0]}.{version[1]}.{version[2]}.{version[3]}")
            : null;
}

/// <summary>
/// Reads the VS_VERSIONINFO resource of a PE image (PE32 or PE32+) with no Windows API.
/// </summary>
/// <remarks>
/// Only the headers, the section table, the resource directory entries on the path
/// RT_VERSION → first name → first language, and the version resource itself are read; every
/// read is bounded, the walk is three levels deep with bounded entry counts, and any input,
/// however malformed, yields a <see cref="PeVersionResult"/> rather than an exception.
/// </remarks>
public static class PeVersionReader
{
    /// <summary>The largest version resource read; VS_VERSIONINFO.wLength is 16-bit, so this is never limiting for a valid file.</summary>
    public const int MaxVersionResourceBytes = 64 * 1024;

    private const int DosHeaderSize = 64;
    private const int CoffHeaderSize = 20;
    private const int SectionHeaderSize = 40;
    private const int SectionBatch = 16;
    private const int MaxDirectoryEntriesScanned = 4096;
    private const ushort Pe32Magic = 0x10b;
    private const ushort Pe32PlusMagic = 0x20b;
    private const uint RtVersion = 16;
    private const uint FixedFileInfoSignature = 0xFEEF04BD;
    private const int FixedFileInfoSize = 52;
    private const int MaxChildren = 1024;

    /// <summary>
    /// Reads the version resource from <paramref name="stream"/>, which must be readable and seekable
    /// (the stream's position is changed). Never throws for any file content or I/O failure.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public static PeVersionResult Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new BoundedReader(stream);
        PeVersionResult result;
        try
        {
            result = ReadCore(reader);
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or ObjectDisposedException or UnauthorizedAccessException)
        {
            // The stream itself failed (a share that went away, a locked file): report, don't throw.
            result = Fail(PeVersionStatus.Corrupt, $"The file could not be read: {ex.Message}");
        }

        return result with { BytesRead = reader.BytesRead };
    }

    private static PeVersionResult ReadCore(BoundedReader reader)
    {
        if (!reader.Stream.CanSeek || !reader.Stream.CanRead)
        {
            return Fail(PeVersionStatus.Corrupt, "The stream is not readable and seekable.");
        }

        long length = reader.Length;
        if (length == 0)
        {
            return Fail(PeVersionStatus.Empty, "The file is empty (zero bytes): a placeholder, not a binary.");
        }

        // DOS header.
        var dos = reader.ReadAt(0, (int)Math.Min(DosHeaderSize, length));
        if (dos.Length < 2 || dos[0] != (byte)'M' || dos[1] != (byte)'Z')
        {
            return Fail(PeVersionStatus.NotPe, $"The file does not start with the 'MZ' signature ({length} bytes); it is not a PE binary.");
        }

        if (dos.Length < DosHeaderSize)
        {
            return Fail(PeVersionStatus.Corrupt, $"The file starts with 'MZ' but is only {length} bytes long, too short for a DOS header (64 bytes).");
        }

        uint lfanew = BinaryPrimitives.ReadUInt32LittleEndian(dos.AsSpan(0x3C));
        if (lfanew > length - 4)
        {
            return Fail(PeVersionStatus.Corrupt, $"PE header offset 0x{lfanew:X8} lies beyond the end of the file ({length} bytes).");
        }

        // PE signature + COFF header.
        var coff = reader.ReadAt(lfanew, 4 + CoffHeaderSize);
        if (coff.Length < 4 || coff[0] != (byte)'P' || coff[1] != (byte)'E' || coff[2] != 0 || coff[3] != 0)
        {
            return Fail(PeVersionStatus.NotPe, $"The file has an 'MZ' header but no 'PE' signature at offset 0x{lfanew:X8}; it is a DOS or other non-PE executable.");
        }

        if (coff.Length < 4 + CoffHeaderSize)
        {
            return Fail(PeVersionStatus.Corrupt, $"The COFF header at offset 0x{lfanew + 4:X8} is cut off by the end of the file ({length} bytes).");
        }

        int sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(coff.AsSpan(4 + 2));
        int optionalSize = BinaryPrimitives.ReadUInt16LittleEndian(coff.AsSpan(4 + 16));
        long optionalOffset = lfanew + 4L + CoffHeaderSize;

        // Optional header: only the magic, NumberOfRvaAndSizes and data directories 0..2 are needed.
        if (optionalSize < 2)
        {
            return Fail(PeVersionStatus.Corrupt, $"The optional header is {optionalSize} bytes long; a PE image needs one to locate its resources.");
        }

        var optional = reader.ReadAt(optionalOffset, Math.Min(optionalSize, 112 + 3 * 8));
        if (optional.Length < 2)
        {
            return Fail(PeVersionStatus.Corrupt, $"The optional header at offset 0x{optionalOffset:X8} is cut off by the end of the file ({length} bytes).");
        }

        ushort magic = BinaryPrimitives.ReadUInt16LittleEndian(optional);
        int rvaCountOffset;
        string kind;
        switch (magic)
        {
            case Pe32Magic:
                rvaCountOffset = 92;
                kind = "PE32";
                break;
            case Pe32PlusMagic:
                rvaCountOffset = 108;
                kind = "PE32+";
                break;
            default:
                return Fail(PeVersionStatus.Corrupt, $"The optional header magic 0x{magic:X4} is neither PE32 (0x010B) nor PE32+ (0x020B).");
        }

        int resourceEntryOffset = rvaCountOffset + 4 + (2 * 8);
        if (optional.Length < rvaCountOffset + 4)
        {
            return Fail(PeVersionStatus.Corrupt, optional.Length < optionalSize
                ? $"The {kind} optional header at offset 0x{optionalOffset:X8} is cut off by the end of the file ({length} bytes)."
                : $"The {kind} optional header is only {optionalSize} bytes long, too short for its data directories.");
        }

        uint rvaCount = BinaryPrimitives.ReadUInt32LittleEndian(optional.AsSpan(rvaCountOffset));
        if (rvaCount <= 2 || optionalSize < resourceEntryOffset + 8)
        {
            return Fail(PeVersionStatus.NoVersionResource, $"The {kind} image has no resource data directory.");
        }

        if (optional.Length < resourceEntryOffset + 8)
        {
            return Fail(PeVersionStatus.Corrupt, $"The {kind} optional header at offset 0x{optionalOffset:X8} is cut off by the end of the file ({length} bytes).");
        }

        uint resourceRva = BinaryPrimitives.ReadUInt32LittleEndian(optional.AsSpan(resourceEntryOffset));
        uint resourceSize = BinaryPrimitives.ReadUInt32LittleEndian(optional.AsSpan(resourceEntryOffset + 4));
        if (resourceRva == 0 || resourceSize == 0)
        {
            return Fail(PeVersionStatus.NoVersionResource, $"The {kind} image has no resources, so no version resource.");
        }

        var sections = new SectionTable(reader, optionalOffset + optionalSize, sectionCount);
        var root = sections.Map(resourceRva, out string? mapError);
        if (root is null)
        {
            return Fail(PeVersionStatus.Corrupt, $"The resource table (RVA 0x{resourceRva:X8}) {mapError}");
        }

        var resources = root.Value;

        // Level 1: type RT_VERSION; level 2: first name; level 3: first language.
        var visited = new HashSet<uint>();
        uint directory = 0;
        uint entry = 0;
        string[] levels = ["type", "name", "language"];
        for (int level = 0; level < levels.Length; level++)
        {
            if (!visited.Add(directory))
            {
                return Fail(PeVersionStatus.Corrupt, $"The resource {levels[level]} directory at offset 0x{directory:X} refers back to a directory already walked.");
            }

            var found = FindEntry(reader, resources, directory, level == 0 ? RtVersion : null, levels[level], out string? error);
            if (error is not null)
            {
                return Fail(PeVersionStatus.Corrupt, error);
            }

            if (found is null)
            {
                return Fail(PeVersionStatus.NoVersionResource, level == 0
                    ? $"The {kind} image has resources but no version resource (RT_VERSION)."
                    : $"The version resource {levels[level]} directory is empty.");
            }

            entry = found.Value;
            bool isDirectory = (entry & 0x8000_0000u) != 0;
            uint target = entry & 0x7FFF_FFFFu;
            if (level < levels.Length - 1)
            {
                if (!isDirectory)
                {
                    return Fail(PeVersionStatus.Corrupt, $"The version resource {levels[level]} entry points to data where a directory is expected.");
                }

                directory = target;
            }
            else if (isDirectory)
            {
                return Fail(PeVersionStatus.Corrupt, "The version resource language entry points to another directory where data is expected; the directory tree is deeper than three levels or loops.");
            }
            else
            {
                entry = target;
            }
        }

        // Data entry: OffsetToData (an RVA), Size, CodePage, Reserved.
        var dataEntry = resources.Read(reader, entry, 16);
        if (dataEntry is null)
        {
            return Fail(PeVersionStatus.Corrupt, $"The version resource data entry at resource offset 0x{entry:X} lies beyond {resources.EndName}.");
        }

        uint dataRva = BinaryPrimitives.ReadUInt32LittleEndian(dataEntry);
        uint dataSize = BinaryPrimitives.ReadUInt32LittleEndian(dataEntry.AsSpan(4));
        var data = sections.Map(dataRva, out mapError);
        if (data is null)
        {
            return Fail(PeVersionStatus.Corrupt, $"The version resource data (RVA 0x{dataRva:X8}) {mapError}");
        }

        int toRead = (int)Math.Min(dataSize, MaxVersionResourceBytes);
        if (toRead < 6)
        {
            return Fail(PeVersionStatus.Corrupt, $"The version resource is {dataSize} bytes long, too short for a VS_VERSIONINFO block.");
        }

        var block = data.Value.Read(reader, 0, toRead);
        if (block is null)
        {
            return Fail(PeVersionStatus.Corrupt, $"The version resource ({dataSize} bytes at file offset 0x{data.Value.FileOffset:X8}) extends beyond {data.Value.EndName}.");
        }

        return ParseVersionInfo(block, kind);
    }

    /// <summary>
    /// Reads one resource directory and returns the OffsetToData of the entry with <paramref name="id"/>
    /// (or of the first entry when <paramref name="id"/> is null); null with no error when there is none.
    /// </summary>
    private static uint? FindEntry(BoundedReader reader, Region resources, uint directory, uint? id, string what, out string? error)
    {
        error = null;
        var header = resources.Read(reader, directory, 16);
        if (header is null)
        {
            error = $"The resource {what} directory at resource offset 0x{directory:X} lies beyond {resources.EndName}.";
            return null;
        }

        int named = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(12));
        int ids = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(14));
        int total = named + ids;
        if (total == 0)
        {
            return null;
        }

        // The first entry suffices for the name and language levels; for the type level the ID
        // entries follow the named ones (sorted, but a crafted file may not be), so scan them.
        int first = id is null ? 0 : named;
        int count = id is null ? 1 : Math.Min(ids, MaxDirectoryEntriesScanned);
        if (count == 0)
        {
            return null;
        }

        var entries = resources.Read(reader, directory + 16L + (first * 8L), count * 8);
        if (entries is null)
        {
            error = $"The resource {what} directory at resource offset 0x{directory:X} declares {total} entries that run past {resources.EndName}.";
            return null;
        }

        for (int i = 0; i < count; i++)
        {
            uint name = BinaryPrimitives.ReadUInt32LittleEndian(entries.AsSpan(i * 8));
            if (id is null || name == id)
            {
                return BinaryPrimitives.ReadUInt32LittleEndian(entries.AsSpan((i * 8) + 4));
            }
        }

        return null;
    }

    private static PeVersionResult ParseVersionInfo(byte[] block, string kind)
    {
        int declared = BinaryPrimitives.ReadUInt16LittleEndian(block);
        if (declared < 6 || declared > block.Length)
        {
            return Fail(PeVersionStatus.Corrupt, $"The VS_VERSIONINFO block declares {declared} bytes but the resource holds {block.Length}.");
        }

        var span = block.AsSpan(0, declared);
        var node = Node.Parse(span, 0);
        if (node is null || node.Value.Key != "VS_VERSION_INFO")
        {
            return Fail(PeVersionStatus.Corrupt, "The version resource does not start with a \"VS_VERSION_INFO\" block.");
        }

        var root = node.Value;
        if (root.ValueLength < FixedFileInfoSize || root.ValueOffset + FixedFileInfoSize > root.End)
        {
            return Fail(PeVersionStatus.Corrupt, "The VS_VERSIONINFO block has no VS_FIXEDFILEINFO value.");
        }

        var fixedInfo = span.Slice(root.ValueOffset, FixedFileInfoSize);
        uint signature = BinaryPrimitives.ReadUInt32LittleEndian(fixedInfo);
        if (signature != FixedFileInfoSignature)
        {
            return Fail(PeVersionStatus.Corrupt, $"The VS_FIXEDFILEINFO signature is 0x{signature:X8}, not 0xFEEF04BD.");
        }

        int[] fileVersion = Split(
            BinaryPrimitives.ReadUInt32LittleEndian(fixedInfo[8..]),
            BinaryPrimitives.ReadUInt32LittleEndian(fixedInfo[12..]));
        int[] productVersion = Split(
            BinaryPrimitives.ReadUInt32LittleEndian(fixedInfo[16..]),
            BinaryPrimitives.ReadUInt32LittleEndian(fixedInfo[20..]));

        string? fileVersionString = FindFileVersionString(span, root);

        var result = new PeVersionResult(PeVersionStatus.Ok, fileVersion, productVersion, fileVersionString, string.Empty);
        string text = result.FormatFileVersion()!;
        string product = result.FormatProductVersion()!;
        var detail = new StringBuilder();
        detail.Append(CultureInfo.InvariantCulture, $"{kind} image with file version {text}");
        if (product != text)
        {
            detail.Append(CultureInfo.InvariantCulture, $", product version {product}");
        }

        if (fileVersionString is not null && fileVersionString != text)
        {
            detail.Append(CultureInfo.InvariantCulture, $" (FileVersion string \"{fileVersionString}\")");
        }

        detail.Append('.');
        return result with { Detail = detail.ToString() };
    }

    /// <summary>StringFileInfo → first string table → "FileVersion"; null when any part is missing or malformed.</summary>
    private static string? FindFileVersionString(ReadOnlySpan<byte> span, Node root)
    {
        foreach (var child in Children(span, root))
        {
            if (child.Key != "StringFileInfo")
            {
                continue;
            }

            foreach (var table in Children(span, child))
            {
                foreach (var entry in Children(span, table))
                {
                    if (entry.Key == "FileVersion")
                    {
                        return ReadString(span, entry.ValueOffset, entry.End, MaxVersionResourceBytes / 2);
                    }
                }

                return null; // only the first string table
            }

            return null;
        }

        return null;
    }

    private static List<Node> Children(ReadOnlySpan<byte> span, Node parent)
    {
        var list = new List<Node>();
        int offset = Align4(parent.ValueEnd);
        while (offset + 6 <= parent.End && list.Count < MaxChildren)
        {
            var child = Node.Parse(span[..parent.End], offset);
            if (child is null)
            {
                break;
            }

            list.Add(child.Value);
            offset = Align4(child.Value.End); // End > offset, so the walk always advances
        }

        return list;
    }

    private static int[] Split(uint ms, uint ls) => [(int)(ms >> 16), (int)(ms & 0xFFFF), (int)(ls >> 16), (int)(ls & 0xFFFF)];

    private static int Align4(int offset) => (offset + 3) & ~3;

    /// <summary>Reads a NUL-terminated UTF-16LE string from [start, end), at most <paramref name="maxChars"/> characters.</summary>
    private static string? ReadString(ReadOnlySpan<byte> span, int start, int end, int maxChars)
    {
        if (start < 0 || start > end || end > span.Length)
        {
            return null;
        }

        var builder = new StringBuilder();
        for (int i = start; i + 1 < end && builder.Length < maxChars; i += 2)
        {
            char c = (char)BinaryPrimitives.ReadUInt16LittleEndian(span[i..]);
            if (c == '\0')
            {
                return builder.ToString();
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static PeVersionResult Fail(PeVersionStatus status, string detail) => new(status, null, null, null, detail);

    /// <summary>One VS_VERSIONINFO-style block: wLength, wValueLength, wType, szKey, padding, Value, padding, Children.</summary>
    private readonly record struct Node(int Start, int End, int ValueLength, int Type, string Key, int ValueOffset, int ValueEnd)
    {
        public static Node? Parse(ReadOnlySpan<byte> span, int start)
        {
            if (start < 0 || start + 6 > span.Length)
            {
                return null;
            }

            int length = BinaryPrimitives.ReadUInt16LittleEndian(span[start..]);
            int valueLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(start + 2)..]);
            int type = BinaryPrimitives.ReadUInt16LittleEndian(span[(start + 4)..]);
            int end = start + length;
            if (length < 6 || end > span.Length)
            {
                return null;
            }

            // szKey: NUL-terminated UTF-16 within the block (keys are short: cap at 64 characters).
            var key = new StringBuilder();
            int i = start + 6;
            bool terminated = false;
            for (; i + 1 < end && key.Length <= 64; i += 2)
            {
                char c = (char)BinaryPrimitives.ReadUInt16LittleEndian(span[i..]);
                if (c == '\0')
                {
                    terminated = true;
                    i += 2;
                    break;
                }

                key.Append(c);
            }

            if (!terminated)
            {
                return null;
            }

            int valueOffset = Math.Min(Align4(i), end);

            // wValueLength counts bytes for binary values (wType 0) and, per the documentation,
            // UTF-16 words for text values (wType 1), though some linkers wrote bytes there too.
            int valueBytes = type == 1 ? valueLength * 2 : valueLength;
            int valueEnd = Math.Min(valueOffset + valueBytes, end);
            return new Node(start, end, valueLength, type, key.ToString(), valueOffset, valueEnd);
        }
    }

    /// <summary>A window of the file: the part of one section from a given RVA on.</summary>
    private readonly record struct Region(long FileOffset, long Length, bool CutByEndOfFile, long FileLength)
    {
        /// <summary>Names what ends the region, for details: the section or a truncated file.</summary>
        public string EndName => CutByEndOfFile
            ? $"the end of the file ({FileLength} bytes)"
            : "the end of the resource section";

        /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/> within the region; null when they do not all lie in it.</summary>
        public byte[]? Read(BoundedReader reader, long offset, int count)
        {
            if (offset < 0 || count < 0 || offset > Length || count > Length - offset)
            {
                return null;
            }

            var bytes = reader.ReadAt(FileOffset + offset, count);
            return bytes.Length == count ? bytes : null;
        }
    }

    /// <summary>The section table, read lazily in small batches as RVAs need mapping.</summary>
    private sealed class SectionTable(BoundedReader reader, long tableOffset, int count)
    {
        private readonly List<(uint VirtualAddress, uint VirtualSize, uint RawSize, uint RawPointer)> loaded = [];
        private bool truncated;

        public Region? Map(uint rva, out string? error)
        {
            error = null;
            for (int i = 0; ; i++)
            {
                if (i == loaded.Count && !LoadMore())
                {
                    error = truncated
                        ? $"cannot be mapped: the section table at offset 0x{tableOffset:X8} ({count} sections) is cut off by the end of the file ({reader.Length} bytes)."
                        : $"lies in none of the {count} sections.";
                    return null;
                }

                var (va, virtualSize, rawSize, rawPointer) = loaded[i];
                long span = Math.Max(virtualSize, rawSize);
                if (rva < va || rva - va >= span)
                {
                    continue;
                }

                long delta = rva - va;
                if (delta >= rawSize)
                {
                    error = $"lies in the uninitialized part of section {i + 1}, which has no bytes in the file.";
                    return null;
                }

                long fileOffset = rawPointer + delta;
                long available = Math.Min(rawSize - delta, reader.Length - fileOffset);
                if (available <= 0)
                {
                    error = $"maps to file offset 0x{fileOffset:X8}, beyond the end of the file ({reader.Length} bytes).";
                    return null;
                }

                return new Region(fileOffset, available, reader.Length - fileOffset < rawSize - delta, reader.Length);
            }
        }

        private bool LoadMore()
        {
            int remaining = count - loaded.Count;
            if (remaining <= 0 || truncated)
            {
                return false;
            }

            int batch = Math.Min(remaining, SectionBatch);
            var bytes = reader.ReadAt(tableOffset + ((long)loaded.Count * SectionHeaderSize), batch * SectionHeaderSize);
            int whole = bytes.Length / SectionHeaderSize;
            if (whole < batch)
            {
                truncated = true;
            }

            for (int i = 0; i < whole; i++)
            {
                var header = bytes.AsSpan(i * SectionHeaderSize, SectionHeaderSize);
                loaded.Add((
                    BinaryPrimitives.ReadUInt32LittleEndian(header[12..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(header[8..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(header[16..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(header[20..])));
            }

            return whole > 0;
        }
    }

    /// <summary>Positioned reads that never run past the end of the stream, counting the bytes read.</summary>
    private sealed class BoundedReader(Stream stream)
    {
        private long? length;

        public Stream Stream { get; } = stream;

        public long BytesRead { get; private set; }

        public long Length => length ??= Stream.Length;

        /// <summary>Reads up to <paramref name="count"/> bytes at <paramref name="offset"/>; fewer at the end of the file.</summary>
        public byte[] ReadAt(long offset, int count)
        {
            if (offset < 0 || offset >= Length || count <= 0)
            {
                return [];
            }

            int n = (int)Math.Min(Math.Min(count, MaxVersionResourceBytes), Length - offset);
            var buffer = new byte[n];
            Stream.Position = offset;
            int got = Stream.ReadAtLeast(buffer, n, throwOnEndOfStream: false);
            BytesRead += got;
            return got == n ? buffer : buffer[..got];
        }
    }
}

using System.Buffers.Binary;
using System.IO.Compression;

namespace SmsLint.Tests;

/// <summary>Builds zip snapshots in memory for tests, and damages them on purpose (encryption flag, CRC, data).</summary>
internal static class ZipFixtures
{
    private const uint CentralHeader = 0x02014b50;

    /// <summary>A zip holding <paramref name="entries"/> with their names exactly as given (no normalisation).</summary>
    public static byte[] Build(IEnumerable<(string Name, byte[] Data)> entries, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                var entry = zip.CreateEntry(name, level);
                entry.LastWriteTime = new DateTimeOffset(2001, 6, 1, 12, 0, 0, TimeSpan.Zero);
                using var s = entry.Open();
                s.Write(data);
            }
        }

        return ms.ToArray();
    }

    /// <summary>
    /// Every regular file under <paramref name="dir"/> (links are not followed), named by its path
    /// relative to <paramref name="dir"/> with '/', under <paramref name="topFolder"/> when given.
    /// </summary>
    public static byte[] FromDirectory(string dir, string? topFolder = null)
    {
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => ((topFolder is null ? string.Empty : topFolder + "/") + Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes(f)));
        return Build(files);
    }

    /// <summary>True when the tree holds a symbolic link (a zip of it could not mirror it).</summary>
    public static bool HasLinks(string dir) =>
        new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Any(i => i.LinkTarget is not null);

    /// <summary>Sets general purpose bit 0 (encrypted) of an entry in both its local and central headers.</summary>
    public static void MarkEncrypted(byte[] zip, string name)
    {
        var (central, local) = Find(zip, name);
        zip[central + 8] |= 1;
        zip[local + 6] |= 1;
    }

    /// <summary>Changes the CRC-32 the central directory records for an entry (the data stays intact).</summary>
    public static void CorruptCrc(byte[] zip, string name)
    {
        var (central, _) = Find(zip, name);
        zip[central + 16] ^= 0x5A;
    }

    /// <summary>Overwrites the start of an entry's compressed data with <paramref name="fill"/>.</summary>
    public static void CorruptData(byte[] zip, string name, int count, byte fill)
    {
        var (_, local) = Find(zip, name);
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(local + 26));
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(local + 28));
        var data = local + 30 + nameLength + extraLength;
        zip.AsSpan(data, count).Fill(fill);
    }

    /// <summary>Offsets of an entry's central directory header and local header.</summary>
    private static (int Central, int Local) Find(byte[] zip, string name)
    {
        for (var i = 0; i + 46 <= zip.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i)) != CentralHeader)
            {
                continue;
            }

            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(i + 28));
            var stored = System.Text.Encoding.UTF8.GetString(zip, i + 46, nameLength);
            if (stored == name)
            {
                return (i, (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(i + 42)));
            }
        }

        throw new InvalidOperationException($"entry '{name}' not found in the zip");
    }
}

namespace SmsLint.Discover;

/// <summary>Opens a snapshot given on the command line: a folder, or a zip archive of one.</summary>
public static class SnapshotSources
{
    /// <summary>
    /// A folder opens as a <see cref="DirectorySource"/>; a file opens as a <see cref="ZipSource"/>
    /// when its first bytes are a zip signature (<c>PK\x03\x04</c>, or <c>PK\x05\x06</c> for an
    /// empty archive, or <c>PK\x07\x08</c> for a spanned one), whatever its extension.
    /// </summary>
    /// <exception cref="SnapshotSourceException">The path is neither a folder nor a readable zip archive, or the folder cannot be listed.</exception>
    public static ISnapshotSource Open(string path, SourceLimits limits)
    {
        if (Directory.Exists(path))
        {
            var source = new DirectorySource(path, limits.MaxDepth, limits.Threads);
            if (source.Problems.FirstOrDefault(p => p.Path.Length == 0) is { } root)
            {
                source.Dispose();
                throw new SnapshotSourceException(root.Message);
            }

            return source;
        }

        if (!File.Exists(path))
        {
            throw new SnapshotSourceException("it does not exist");
        }

        try
        {
            if (!IsZip(path))
            {
                throw new SnapshotSourceException("it is a file but not a zip archive; give the snapshot folder or a .zip of it");
            }

            return new ZipSource(path, limits.Zip);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SnapshotSourceException($"it could not be read: {ex.Message}", ex);
        }
    }

    /// <summary>True when the file starts with a local file header, an empty-archive record or a spanning marker.</summary>
    public static bool IsZip(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
        if (stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) < 4 || head[0] != 'P' || head[1] != 'K')
        {
            return false;
        }

        return (head[2], head[3]) is (3, 4) or (5, 6) or (7, 8);
    }
}

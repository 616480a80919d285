namespace SmsLint.Cli;

/// <summary>
/// Writes a file through a temporary sibling and a rename, so a reader never sees a half-written
/// file and a failed or interrupted run leaves the previous content (or nothing) behind. A
/// cancellation that arrives while the file is written stops the rename.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write, CancellationToken cancellation = default)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            cancellation.ThrowIfCancellationRequested();
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}

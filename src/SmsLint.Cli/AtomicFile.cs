using System.Collections.Concurrent;
using System.Globalization;

namespace SmsLint.Cli;

/// <summary>
/// Writes a file through a temporary sibling and a rename, so a reader never sees a half-written
/// file and a failed or interrupted run leaves the previous content (or nothing) behind. A
/// cancellation that arrives while the file is written stops the rename. Temporary files are named
/// <c>.NAME.PID.GUID.tmp</c>; one left by a process that no longer runs (killed with SIGKILL, a
/// power cut) is removed the next time the same file is written.
/// </summary>
public static class AtomicFile
{
    private static readonly ConcurrentDictionary<string, byte> InFlight = new(StringComparer.Ordinal);

    public static void Write(string path, Action<Stream> write, CancellationToken cancellation = default)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        RemoveStale(dir, Path.GetFileName(full));
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        InFlight.TryAdd(temp, 0);
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

            InFlight.TryRemove(temp, out _);
        }
    }

    /// <summary>Deletes the temporary files this process is writing (a signal ends the process before their writes can finish).</summary>
    public static void DeleteInFlight()
    {
        foreach (var temp in InFlight.Keys)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: the next write of the same file removes it.
            }
        }
    }

    /// <summary>Removes temporary files of <paramref name="name"/> whose writing process has ended.</summary>
    private static void RemoveStale(string dir, string name)
    {
        var prefix = "." + name + ".";
        try
        {
            foreach (var candidate in Directory.EnumerateFiles(dir, prefix + "*.tmp"))
            {
                var rest = Path.GetFileName(candidate)[prefix.Length..^".tmp".Length];
                var dot = rest.IndexOf('.', StringComparison.Ordinal);
                if (dot <= 0 || rest.Length - dot - 1 != 32
                    || !int.TryParse(rest.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                    || !rest[(dot + 1)..].All(char.IsAsciiHexDigit) || IsRunning(pid))
                {
                    continue;
                }

                File.Delete(candidate);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Cleaning up is best effort; the write itself goes on.
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}

using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SmsLint.IO;

/// <summary>
/// Opens files that may be hostile: a FIFO or device swapped in for a file, a link that leads out
/// of the folder it was found in, a file that keeps growing. On Linux the path is first opened
/// with <c>O_PATH</c> (which never opens the file's contents, so nothing can block), its type and
/// real location are checked on that descriptor, and only then is the same inode reopened for
/// reading through <c>/proc/self/fd</c>. So what is checked is exactly what is read, however the
/// tree changes meanwhile. Elsewhere the checks are made on the path just before it is opened.
/// </summary>
public static class SafeFile
{
    /// <summary>Why a file was not opened: the sentence completes "'path' ...".</summary>
    public sealed record Refusal(string Message, bool NotRegular = false, bool Outside = false, bool Missing = false);

    private const int ORdOnly = 0;
    private const int ONonBlock = 0x800;
    private const int ONoCtty = 0x100;
    private const int OCloExec = 0x80000;
    private const int OPath = 0x200000;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasic = 0x7ff;
    private const int ENoEnt = 2;
    private const int ELoop = 40;
    private const int ENotDir = 20;
    private const int EAcces = 13;

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SysOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SysClose(int fd);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SysStatx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);

    private static bool Native => OperatingSystem.IsLinux();

    /// <summary>The real, link-free absolute path of an existing folder or file (the path itself when it cannot be resolved).</summary>
    public static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        if (Native)
        {
            var fd = SysOpen(full, OPath | OCloExec);
            if (fd >= 0)
            {
                try
                {
                    if (ProcLink(fd) is { } real)
                    {
                        return real;
                    }
                }
                finally
                {
                    SysClose(fd);
                }
            }
        }

        try
        {
            var info = Directory.Exists(full) ? (FileSystemInfo)new DirectoryInfo(full) : new FileInfo(full);
            return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    /// <summary>What a path is, following links.</summary>
    public enum PathKind
    {
        Missing,
        RegularFile,
        Folder,
        Other,
    }

    /// <summary>What <paramref name="path"/> is (links followed), and its (device, inode) identity when known.</summary>
    public static PathKind KindOf(string path, out (ulong Device, ulong Inode)? identity)
    {
        identity = null;
        var full = Path.GetFullPath(path);
        if (Native)
        {
            try
            {
                var stat = new byte[256];
                if (SysStatx(-100, full, 0, StatxBasic, stat) != 0)
                {
                    return PathKind.Missing;
                }

                var mode = BitConverter.ToUInt16(stat, 28);
                identity = (((ulong)BitConverter.ToUInt32(stat, 136) << 32) | BitConverter.ToUInt32(stat, 140), BitConverter.ToUInt64(stat, 32));
                return (mode & 0xF000) switch
                {
                    0x8000 => PathKind.RegularFile,
                    0x4000 => PathKind.Folder,
                    _ => PathKind.Other,
                };
            }
            catch (EntryPointNotFoundException)
            {
                // Fall through to the managed checks.
            }
        }

        return Directory.Exists(full) ? PathKind.Folder : File.Exists(full) ? PathKind.RegularFile : PathKind.Missing;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or lies below it (both real paths).</summary>
    public static bool IsUnder(string path, string root)
    {
        var sep = Path.DirectorySeparatorChar;
        var r = root.TrimEnd(sep);
        return path == r || path.StartsWith(r + sep, StringComparison.Ordinal) || r.Length == 0;
    }

    /// <summary>
    /// Opens a regular file for reading, following links. Refuses (returns null with a reason)
    /// anything that is not a regular file, and, when <paramref name="realRoot"/> is given, a file
    /// whose real location is not under that folder. Never blocks on a FIFO or device.
    /// </summary>
    public static SafeFileHandle? OpenRegular(string path, string? realRoot, out Refusal? refusal, out string realPath)
    {
        refusal = null;
        realPath = Path.GetFullPath(path);
        return Native ? OpenLinux(realPath, realRoot, out refusal, out realPath) : OpenManaged(realPath, realRoot, out refusal, out realPath);
    }

    private static SafeFileHandle? OpenLinux(string full, string? realRoot, out Refusal? refusal, out string realPath)
    {
        refusal = null;
        realPath = full;
        var pathFd = SysOpen(full, OPath | OCloExec);
        if (pathFd < 0)
        {
            refusal = FromErrno(Marshal.GetLastPInvokeError());
            return null;
        }

        try
        {
            var stat = new byte[256];
            if (SysStatx(pathFd, string.Empty, AtEmptyPath, StatxBasic, stat) != 0)
            {
                refusal = FromErrno(Marshal.GetLastPInvokeError());
                return null;
            }

            var mode = BitConverter.ToUInt16(stat, 28);
            if (ProcLink(pathFd) is not { } real)
            {
                // No /proc (an unusual sandbox): the type is known, the rest is checked on the path.
                if ((mode & 0xF000) != 0x8000)
                {
                    refusal = new Refusal($"is {TypeName(mode)}, not a regular file; it was not opened", NotRegular: true);
                    return null;
                }

                return OpenManaged(full, realRoot, out refusal, out realPath);
            }

            realPath = real;
            if (realRoot is not null && !IsUnder(realPath, realRoot))
            {
                refusal = new Refusal($"leads to '{realPath}', outside the snapshot, through a link; it was not read", Outside: true);
                return null;
            }

            if ((mode & 0xF000) != 0x8000)
            {
                refusal = new Refusal($"is {TypeName(mode)}, not a regular file; it was not opened", NotRegular: true);
                return null;
            }

            // The same inode, reopened for reading: no path lookup happens again.
            var fd = SysOpen($"/proc/self/fd/{pathFd}", ORdOnly | ONonBlock | ONoCtty | OCloExec);
            if (fd < 0)
            {
                refusal = FromErrno(Marshal.GetLastPInvokeError());
                return null;
            }

            return new SafeFileHandle(fd, ownsHandle: true);
        }
        catch (EntryPointNotFoundException)
        {
            return OpenManaged(full, realRoot, out refusal, out realPath);
        }
        finally
        {
            SysClose(pathFd);
        }
    }

    private static string? ProcLink(int fd)
    {
        try
        {
            var target = new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
            return target is not null && Path.IsPathRooted(target) ? target : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string TypeName(int mode) => (mode & 0xF000) switch
    {
        0x1000 => "a FIFO",
        0x2000 => "a character device",
        0x4000 => "a folder",
        0x6000 => "a block device",
        0xC000 => "a socket",
        _ => "a special file",
    };

    private static Refusal FromErrno(int errno) => errno switch
    {
        ENoEnt or ENotDir => new Refusal("does not exist (or is a link to nothing)", Missing: true),
        ELoop => new Refusal("is a link that loops back on itself; it was not read"),
        EAcces => new Refusal("could not be read: permission denied"),
        _ => new Refusal($"could not be read: {Marshal.GetPInvokeErrorMessage(errno)}"),
    };

    private static SafeFileHandle? OpenManaged(string full, string? realRoot, out Refusal? refusal, out string realPath)
    {
        refusal = null;
        realPath = full;
        try
        {
            var info = new FileInfo(full);
            if (info.LinkTarget is not null)
            {
                realPath = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
            }

            if (realRoot is not null && !IsUnder(RealPath(realPath), realRoot))
            {
                refusal = new Refusal($"leads to '{realPath}', outside the snapshot, through a link; it was not read", Outside: true);
                return null;
            }

            if (!File.Exists(realPath))
            {
                refusal = Directory.Exists(realPath) ? new Refusal("is a folder, not a regular file; it was not opened", NotRegular: true) : new Refusal("does not exist (or is a link to nothing)", Missing: true);
                return null;
            }

            return File.OpenHandle(realPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            refusal = new Refusal($"could not be read: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> bytes from the start of an open file, whatever length
    /// it claims (a file that grows is cut at the limit); <paramref name="truncated"/> says whether more was there.
    /// </summary>
    public static byte[] Read(SafeFileHandle handle, long maxBytes, out bool truncated)
    {
        var length = RandomAccess.GetLength(handle);
        var cap = (int)Math.Min(maxBytes, Array.MaxLength - 1);
        var buffer = new byte[(int)Math.Min(Math.Max(length, 0) + 1, (long)cap + 1)];
        var done = 0;
        while (true)
        {
            if (done == buffer.Length)
            {
                if (done > cap)
                {
                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)cap + 1));
            }

            var n = RandomAccess.Read(handle, buffer.AsSpan(done), done);
            if (n <= 0)
            {
                break;
            }

            done += n;
        }

        truncated = done > cap;
        if (truncated)
        {
            done = cap;
        }

        if (done != buffer.Length)
        {
            Array.Resize(ref buffer, done);
        }

        return buffer;
    }

    /// <summary>
    /// Reads a whole file given by the user (configuration, catalog, baseline): a regular file, at most
    /// <paramref name="maxBytes"/> bytes. Returns null with a reason ("'path' ..." completes it) otherwise.
    /// </summary>
    public static byte[]? ReadUserFile(string path, long maxBytes, string? realRoot, out string? problem)
    {
        using var handle = OpenRegular(path, realRoot, out var refusal, out _);
        if (handle is null)
        {
            problem = refusal!.Message;
            return null;
        }

        try
        {
            var bytes = Read(handle, maxBytes, out var truncated);
            if (truncated)
            {
                problem = $"is larger than the limit of {maxBytes:N0} bytes; it was not read";
                return null;
            }

            problem = null;
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = $"could not be read: {ex.Message}";
            return null;
        }
    }

    /// <summary>At most <paramref name="max"/> characters of untrusted text, control characters escaped, for an error message.</summary>
    public static string Excerpt(string text, int max = 40)
    {
        var printable = Printable(text.Length > max ? text[..max] : text);
        return printable.Length > max ? printable[..max] + "…" : text.Length > max ? printable + "…" : printable;
    }

    /// <summary>
    /// The text with every control character (ESC, CR, LF, ...) written as <c>\xNN</c>, so a file
    /// name or message cannot move the cursor, recolour a terminal or start a new output line.
    /// </summary>
    public static string Printable(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            if (char.IsControl(ch))
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{(int)ch:X2}");
            }
            else
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }
}

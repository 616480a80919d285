using SmsLint.IO;

namespace SmsLint.Cli;

/// <summary>
/// Checks a file the user asked SmsLint to write (--output, --summary) before the scan starts, so
/// that a report never lands inside the snapshot, over the scanned archive, or over anything that
/// is not a regular file (a device node, a FIFO, a folder). <c>-</c> and <c>/dev/stdout</c> mean
/// standard output.
/// </summary>
public static class OutputPaths
{
    /// <summary>True for the names that mean standard output.</summary>
    public static bool IsStdout(string path) => path is "-" or "/dev/stdout";

    /// <summary>
    /// Null when <paramref name="path"/> may be written; otherwise the one-line reason, which
    /// completes "smslint: OPTION: ".
    /// </summary>
    public static string? Problem(string path, string snapshot)
    {
        if (path.Length == 0 || path.Trim().Length == 0)
        {
            return "the path is empty; give a file name, or '-' for standard output";
        }

        if (IsStdout(path))
        {
            return null;
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"'{path}' is not a valid path";
        }

        var kind = SafeFile.KindOf(full, out var identity);
        if (kind == SafeFile.PathKind.Folder || full.EndsWith(Path.DirectorySeparatorChar))
        {
            return $"'{path}' is a folder; give the path of a file to write";
        }

        if (kind == SafeFile.PathKind.Other)
        {
            return $"'{path}' exists and is not a regular file (a device, FIFO or socket); it is never replaced, use '-' for standard output";
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is null || SafeFile.KindOf(folder, out _) != SafeFile.PathKind.Folder)
        {
            return $"the output folder of '{path}' does not exist";
        }

        // Where the file really lands: an existing file (or link) resolved, else its resolved folder.
        var real = kind == SafeFile.PathKind.RegularFile ? SafeFile.RealPath(full) : Path.Join(SafeFile.RealPath(folder), Path.GetFileName(full));
        var snapshotKind = SafeFile.KindOf(snapshot, out var snapshotIdentity);
        if (snapshotKind == SafeFile.PathKind.Folder && SafeFile.IsUnder(real, SafeFile.RealPath(snapshot)))
        {
            return $"'{path}' is inside the snapshot '{snapshot}'; SmsLint never writes into a snapshot, write it elsewhere";
        }

        if (snapshotKind == SafeFile.PathKind.RegularFile
            && (real == SafeFile.RealPath(snapshot) || (identity is not null && identity == snapshotIdentity)))
        {
            return $"'{path}' is the scanned archive '{snapshot}'; SmsLint never writes over a snapshot, write it elsewhere";
        }

        return null;
    }
}

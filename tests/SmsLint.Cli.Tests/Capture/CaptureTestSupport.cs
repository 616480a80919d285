using System.Security.Cryptography;

namespace SmsLint.Tests.Cli.Capture;

/// <summary>Helpers shared by the capture tests: a scratch folder, tree fingerprints and finding blocks.</summary>
internal static class CaptureTestSupport
{
    /// <summary>A new scratch folder under the system temp folder (the caller deletes it).</summary>
    public static string Scratch(string name) => Directory.CreateTempSubdirectory($"smslint-{name}-").FullName;

    public static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(file));
        }
    }

    /// <summary>Every file and folder of a tree: content hash, last-write time and (Unix) mode.</summary>
    public static SortedDictionary<string, string> Fingerprint(string root)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var rel = Path.GetRelativePath(root, entry.FullName);
            var mode = OperatingSystem.IsWindows() ? entry.Attributes.ToString() : File.GetUnixFileMode(entry.FullName).ToString();
            var hash = entry is FileInfo f ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f.FullName))) : "dir";
            map[rel] = $"{hash} {entry.LastWriteTimeUtc.Ticks} {mode}";
        }

        return map;
    }

    /// <summary>The text report split into findings (a finding line and its indented related lines).</summary>
    public static List<string> Findings(string text)
    {
        var blocks = new List<string>();
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith(' ') && blocks.Count > 0)
            {
                blocks[^1] += "\n" + line;
            }
            else
            {
                blocks.Add(line);
            }
        }

        return blocks;
    }

    /// <summary>Every MACHINE/SHARE folder of a snapshot.</summary>
    public static List<(string Machine, string Share, string Folder)> Shares(string snapshot) =>
    [
        .. Directory.GetDirectories(snapshot).Order(StringComparer.Ordinal)
            .SelectMany(m => Directory.GetDirectories(m).Order(StringComparer.Ordinal).Select(s => (Path.GetFileName(m), Path.GetFileName(s), s))),
    ];
}

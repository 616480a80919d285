using SmsLint.Discover;

namespace SmsLint.Fuzz;

/// <summary>
/// The seeds: every file of every snapshot under testdata (the demo, the rule fixtures, the e2e
/// scenarios) grouped by the parser that reads it, the PE fixtures, and the snapshots themselves
/// for the whole-scan targets.
/// </summary>
internal sealed class Corpus
{
    public List<byte[]> Ini { get; } = [];

    public List<byte[]> CopyLog { get; } = [];

    public List<byte[]> CopyList { get; } = [];

    public List<byte[]> Batch { get; } = [];

    public List<byte[]> Binary { get; } = [];

    public List<byte[]> Text { get; } = [];

    public List<byte[]> All { get; } = [];

    /// <summary>Each snapshot as path → bytes, paths relative to its root with '/'.</summary>
    public List<SortedDictionary<string, byte[]>> Snapshots { get; } = [];

    /// <summary>Paths of SMS files seen in the snapshots: where the whole-scan targets put new files.</summary>
    public List<string> Paths { get; } = [];

    private const long MaxSeedBytes = 1024 * 1024;

    public static Corpus Load(string testdata)
    {
        var corpus = new Corpus();
        var roots = new List<string>();
        if (Directory.Exists(Path.Combine(testdata, "demo")))
        {
            roots.Add(Path.Combine(testdata, "demo"));
        }

        roots.AddRange(Directory.EnumerateDirectories(testdata, "snapshot", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            var snapshot = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var info in new DirectoryInfo(root).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
            {
                if (info.LinkTarget is not null || info.Length > MaxSeedBytes)
                {
                    continue;
                }

                var rel = Path.GetRelativePath(root, info.FullName).Replace('\\', '/');
                var bytes = File.ReadAllBytes(info.FullName);
                snapshot[rel] = bytes;
                var kind = FileClassifier.Classify(new SnapshotEntry(rel, bytes.Length)).Kind;
                if (kind != FileKind.Unknown)
                {
                    paths.Add(rel);
                }

                corpus.Add(kind, bytes);
            }

            if (snapshot.Count > 0)
            {
                corpus.Snapshots.Add(snapshot);
            }
        }

        var binaries = Path.Combine(testdata, "binaries");
        if (Directory.Exists(binaries))
        {
            foreach (var file in Directory.EnumerateFiles(binaries, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (FileClassifier.ClassifyName(Path.GetFileName(file)) == FileKind.Binary && new FileInfo(file).Length <= MaxSeedBytes)
                {
                    corpus.Add(FileKind.Binary, File.ReadAllBytes(file));
                }
            }
        }

        corpus.Paths.AddRange(paths);
        corpus.FillEmpty();
        return corpus;
    }

    private void Add(FileKind kind, byte[] bytes)
    {
        All.Add(bytes);
        switch (kind)
        {
            case FileKind.CopyLog:
                CopyLog.Add(bytes);
                break;
            case FileKind.CopyList:
                CopyList.Add(bytes);
                break;
            case FileKind.BatchScript:
                Batch.Add(bytes);
                break;
            case FileKind.Binary:
                Binary.Add(bytes);
                return;
            case FileKind.Unknown:
                return;
            default:
                Ini.Add(bytes);
                break;
        }

        Text.Add(bytes);
    }

    /// <summary>Without testdata (a stripped checkout) each target still gets a seed.</summary>
    private void FillEmpty()
    {
        static byte[] B(string s) => System.Text.Encoding.ASCII.GetBytes(s);
        if (Ini.Count == 0)
        {
            Ini.Add(B("[SMS]\r\nSiteCode=AAA\r\n"));
        }

        if (CopyLog.Count == 0)
        {
            CopyLog.Add(B("[FILE SOURCE]\r\nx86.bin\\clicore.exe=AAA\r\n"));
        }

        if (CopyList.Count == 0)
        {
            CopyList.Add(B("CopyListVersion=1.2.0.2\r\nx86.bin\\snboot.exe\r\n"));
        }

        if (Batch.Count == 0)
        {
            Batch.Add(B("@echo off\r\nGOTO END\r\n:END\r\n"));
        }

        if (Binary.Count == 0)
        {
            Binary.Add(B("MZ"));
        }

        foreach (var list in new[] { Ini, CopyLog, CopyList, Batch })
        {
            Text.AddRange(list.Where(b => !Text.Contains(b)));
        }

        if (All.Count == 0)
        {
            All.AddRange(Text);
        }

        if (Snapshots.Count == 0)
        {
            Snapshots.Add(new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
            {
                ["DC01/SMSLOGON/Config/Copylog.tcf"] = CopyLog[0],
                ["DC01/NETLOGON/Smsls.bat"] = Batch[0],
                ["WKS001/C$/SMS.INI"] = Ini[0],
            });
        }

        if (Paths.Count == 0)
        {
            Paths.AddRange(Snapshots[0].Keys);
        }
    }
}

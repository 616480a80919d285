using System.Diagnostics;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Model;
using SmsLint.Parsing.Batch;
using SmsLint.Parsing.CopyList;
using SmsLint.Parsing.CopyLog;
using SmsLint.Parsing.Ini;
using SmsLint.Rules;
using SmsLint.Suppressions;

namespace SmsLint.Benchmarks;

/// <summary>
/// Stopwatch profile of what inline suppressions cost (issue 14, item 2): the time and the bytes
/// <see cref="InlineDirectives.Find(SnapshotModel, RuleSet)"/> allocates over a loaded snapshot, and the
/// single-thread parse of every text file (which now collects the comment lines). Median of
/// <c>RUNS</c> warm runs. Run with
/// <c>dotnet run -c Release --project bench/SmsLint.Benchmarks -- suppressions SNAPSHOT [RUNS]</c>.
/// </summary>
public static class SuppressionScan
{
    public static int Run(string root, int runs)
    {
        var options = new AnalysisOptions { Threads = 1 };
        using var source = new DirectorySource(root);
        var model = SnapshotLoader.Load(source, options);
        var texts = model.Files.Where(f => f.Text is not null).ToList();
        Console.WriteLine($"snapshot {root}: {model.Files.Count:N0} files, {texts.Count:N0} with text, {texts.Sum(f => (long)f.Text!.LineCount):N0} lines, {texts.Sum(f => (long)f.Text!.Length) / 1e6:F1} M chars");

        Console.WriteLine($"  comment lines listed by the documents: {Comments(model):N0}");
        var found = 0;
        var find = Median(runs, () => found = InlineDirectives.Find(model, BuiltInRules.All).Count);
        Console.WriteLine($"  InlineDirectives.Find   median {find.Ms,8:F1} ms  allocated {find.Bytes / 1e3,10:F1} kB   ({found} directives)");

        foreach (var group in texts.GroupBy(f => f.Kind switch
        {
            FileKind.CopyLog => "copy log",
            FileKind.CopyList => "copy list",
            FileKind.BatchScript => "batch",
            FileKind.SeniorLst or FileKind.CaptureManifest => "",
            _ => "INI",
        }).Where(g => g.Key.Length > 0).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var files = group.ToList();
            var parse = Median(runs, () =>
            {
                foreach (var file in files)
                {
                    object parsed = file.Kind switch
                    {
                        FileKind.CopyLog => CopyLogGrammar.Parse(file.Text!, options.MaxLineLength),
                        FileKind.CopyList => CopyListGrammar.Parse(file.Text!, options.MaxLineLength),
                        FileKind.BatchScript => BatchGrammar.Parse(file.Text!, options.MaxLineLength),
                        _ => IniGrammar.Parse(file.Text!, options.MaxLineLength),
                    };
                    GC.KeepAlive(parsed);
                }

                return 0;
            });
            Console.WriteLine($"  parse {group.Key,-10} {files.Count,6:N0} files  median {parse.Ms,8:F1} ms  allocated {parse.Bytes / 1e6,10:F2} MB");
        }

        GC.KeepAlive(model);
        return 0;
    }

    /// <summary>How many comment lines the documents list (read through reflection, so the harness also builds against a tree without them).</summary>
    private static long Comments(SnapshotModel model) =>
        model.Files.Sum(f => f.Document?.GetType().GetProperty("Comments")?.GetValue(f.Document) is System.Collections.ICollection c ? (long)c.Count : 0);

    private static (double Ms, long Bytes) Median(int runs, Func<int> work)
    {
        work(); // warm-up
        var times = new List<double>();
        var bytes = new List<long>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            work();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            bytes.Add(GC.GetAllocatedBytesForCurrentThread() - allocated);
        }

        times.Sort();
        bytes.Sort();
        return (times[runs / 2], bytes[runs / 2]);
    }
}

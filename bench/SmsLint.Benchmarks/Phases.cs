using System.Diagnostics;
using SmsLint.Binaries;
using SmsLint.Catalog;
using SmsLint.Decode;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Model;
using SmsLint.Parsing.Batch;
using SmsLint.Parsing.CopyList;
using SmsLint.Parsing.CopyLog;
using SmsLint.Parsing.Ini;
using SmsLint.Rules;
using SmsLint.Scanning;

namespace SmsLint.Benchmarks;

/// <summary>
/// Stopwatch instrumentation of one scan, phase by phase, with the bytes each phase allocates:
/// what the published CLI does, taken apart. Run with
/// <c>dotnet run -c Release --project bench/SmsLint.Benchmarks -- phases SNAPSHOT</c>.
/// </summary>
public static class Phases
{
    public static int Run(string root, int threads)
    {
        var options = new AnalysisOptions { Threads = threads };
        var catalog = SmsCatalog.LoadEmbedded();
        Console.WriteLine($"snapshot {root}, {threads} thread(s), server GC {System.Runtime.GCSettings.IsServerGC}");

        // 1. The parallel pipeline as the CLI runs it.
        var total = Stopwatch.StartNew();
        var (source, walk) = Measure(() => new DirectorySource(root));
        Report("walk (DirectorySource)", walk);
        var (model, load) = Measure(() => SnapshotLoader.Load(source, options));
        Report($"load ({threads} threads: read, decode, parse, model)", load);
        var (_, rebuild) = Measure(() => new SnapshotModel(model.Files));
        Report("  of which: model (SnapshotModel), built again", rebuild);
        Console.WriteLine($"  GC so far: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms");
        var (findings, rules) = Measure(() => Scanner.Run(model, BuiltInRules.All, options, catalog, [], source.Problems, source));
        Report("rules and fingerprints", rules);
        Console.WriteLine($"  total {total.Elapsed.TotalMilliseconds,8:F0} ms   {source.Entries.Count:N0} files, {findings.Count} findings");
        var perRule = new List<(string Id, double Ms, int Findings)>();
        foreach (var rule in BuiltInRules.All)
        {
            var clock = Stopwatch.StartNew();
            var found = Scanner.Run(model, [rule], options, catalog, [], source.Problems, source);
            perRule.Add((rule.Descriptor.Id, clock.Elapsed.TotalMilliseconds, found.Count));
        }

        Console.WriteLine("  slowest rules (each run alone, with its fingerprints): " + string.Join(", ",
            perRule.OrderByDescending(r => r.Ms).Take(6).Select(r => $"{r.Id} {r.Ms:F0} ms ({r.Findings})")));
        var retained = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"  managed heap retained after the scan: {retained / 1e6:F0} MB");
        GC.KeepAlive(model);
        model = null;
        findings = null;
        Console.WriteLine($"  managed heap without the model: {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB");

        // 2. The same work on one thread, stage by stage.
        Console.WriteLine("single thread, per stage:");
        var stages = new SortedDictionary<string, Stage>(StringComparer.Ordinal);
        foreach (var entry in source.Entries)
        {
            var file = FileClassifier.Classify(entry);
            if (file.Kind == FileKind.Binary)
            {
                if (entry.Length == 0)
                {
                    continue;
                }

                Time(stages, "read+PE version", entry.Length, () =>
                {
                    using var stream = source.OpenRead(entry, out _);
                    return stream is null ? null : PeVersionReader.Read(stream);
                });
                continue;
            }

            if (!SnapshotLoader.IsTextKind(file.Kind))
            {
                continue;
            }

            var bytes = Time(stages, "read text", entry.Length, () => source.ReadAll(entry, options.MaxTextFileBytes, out var _));
            if (bytes is null)
            {
                continue;
            }

            var decoded = Time(stages, "decode+line map", bytes.Length, () => TextDecoder.Decode(bytes));
            if (decoded.Text is not { } text)
            {
                continue;
            }

            object parsed = file.Kind switch
            {
                FileKind.CopyLog => Time(stages, "parse copy log", bytes.Length, () => CopyLogGrammar.Parse(text, options.MaxLineLength)),
                FileKind.CopyList => Time(stages, "parse copy list", bytes.Length, () => CopyListGrammar.Parse(text, options.MaxLineLength)),
                FileKind.BatchScript => Time(stages, "parse batch", bytes.Length, () => BatchGrammar.Parse(text, options.MaxLineLength)),
                FileKind.SeniorLst => text,
                _ => Time(stages, "parse INI", bytes.Length, () => IniGrammar.Parse(text, options.MaxLineLength)),
            };
            GC.KeepAlive(parsed);
        }

        foreach (var (name, s) in stages)
        {
            Console.WriteLine($"  {name,-18} {s.Files,7:N0} files {s.Bytes / 1e6,8:F1} MB {s.Ticks / (double)Stopwatch.Frequency * 1000,8:F0} ms {s.Bytes / 1e6 / Math.Max(1e-9, s.Ticks / (double)Stopwatch.Frequency),8:F1} MB/s {s.Allocated / Math.Max(1.0, s.Bytes / 1e6) / 1e6,8:F2} MB alloc/MB");
        }

        source.Dispose();
        return 0;
    }

    private sealed class Stage
    {
        public int Files;
        public long Bytes;
        public long Ticks;
        public long Allocated;
    }

    private static T Time<T>(SortedDictionary<string, Stage> stages, string name, long bytes, Func<T> work)
    {
        if (!stages.TryGetValue(name, out var stage))
        {
            stage = new Stage();
            stages.Add(name, stage);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        var result = work();
        stage.Ticks += Stopwatch.GetTimestamp() - start;
        stage.Allocated += GC.GetAllocatedBytesForCurrentThread() - allocated;
        stage.Files++;
        stage.Bytes += bytes;
        return result;
    }

    private static (T Result, (TimeSpan Wall, TimeSpan Cpu, long Allocated)) Measure<T>(Func<T> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        var result = work();
        var wall = clock.Elapsed;
        return (result, (wall, Process.GetCurrentProcess().TotalProcessorTime - cpu, GC.GetTotalAllocatedBytes(precise: false) - allocated));
    }

    private static void Report(string name, (TimeSpan Wall, TimeSpan Cpu, long Allocated) m) =>
        Console.WriteLine($"  {name,-46} wall {m.Wall.TotalMilliseconds,7:F0} ms  cpu {m.Cpu.TotalMilliseconds,7:F0} ms  allocated {m.Allocated / 1e6,8:F0} MB");
}

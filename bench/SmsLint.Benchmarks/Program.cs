using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SmsLint.Benchmarks;

// phases SNAPSHOT [THREADS]: Stopwatch profile of one scan.
if (args.Length >= 2 && args[0] == "phases")
{
    return Phases.Run(args[1], args.Length >= 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount);
}

// suppressions SNAPSHOT [RUNS]: time and allocation of InlineDirectives.Find and of the parse.
if (args.Length >= 2 && args[0] == "suppressions")
{
    return SuppressionScan.Run(args[1], args.Length >= 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 7);
}

// readlist SNAPSHOT: the files a scan reads (text kinds, and binaries that are not zero-byte
// placeholders), NUL-separated, relative to the snapshot; the I/O floor of bench/run.sh cats them.
if (args.Length >= 2 && args[0] == "readlist")
{
    using var source = new SmsLint.Discover.DirectorySource(args[1]);
    using var stdout = Console.OpenStandardOutput();
    foreach (var entry in source.Entries)
    {
        var kind = SmsLint.Discover.FileClassifier.Classify(entry).Kind;
        if (entry.Unreadable is null && (SmsLint.Engine.SnapshotLoader.IsTextKind(kind) || (kind == SmsLint.Discover.FileKind.Binary && entry.Length > 0)))
        {
            stdout.Write(System.Text.Encoding.UTF8.GetBytes(entry.Path));
            stdout.WriteByte(0);
        }
    }

    return 0;
}

// corpus: what the parser benchmarks read.
if (args.Length >= 1 && args[0] == "corpus")
{
    var c = Corpus.Instance;
    foreach (var g in new[] { c.Inis, c.CopyLogs, c.CopyLists, c.Scripts, c.Binaries, c.AllText })
    {
        Console.WriteLine($"{g.Name,-10} {g.Raw.Count,6:N0} files {g.Bytes / 1e6,6:F2} MB");
    }

    return 0;
}

// Otherwise BenchmarkDotNet: in-process (no child project to build), short but stable job.
var config = DefaultConfig.Instance
    .AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithWarmupCount(3)
        .WithIterationCount(10))
    .AddColumn(new ThroughputColumn(allocation: false), new ThroughputColumn(allocation: true))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(ParserBenchmarks).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
return 0;

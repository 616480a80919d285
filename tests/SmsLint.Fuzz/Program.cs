using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using SmsLint.Fuzz;

// SmsLint's fuzz harness. Every target gets an equal share of the time (or stops at
// --max-inputs); the seed makes the sequence of inputs reproducible. A crash (an exception, a
// broken invariant, an input slower than --max-input-ms) is saved under --out and makes the exit
// code 1. See docs/robustness.md.
var options = FuzzOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: SmsLint.Fuzz [--seconds N] [--seed N] [--targets a,b] [--max-inputs N] [--max-input-ms N]
                            [--out DIR] [--testdata DIR] [--reproduce FILE --targets NAME]
        targets: ini, copylog, copylist, batch, pe, decoder, scan, zip, config, baseline, catalog
        """);
    return 2;
}

var corpus = Corpus.Load(options.TestData);
var sampler = new SarifSampler(Environment.GetEnvironmentVariable("SMSLINT_SARIF_OUT"), 3);
var all = new Target[]
{
    new ParserTarget("ini", corpus.Ini, corpus, Parsers.Ini),
    new ParserTarget("copylog", corpus.CopyLog, corpus, Parsers.CopyLog),
    new ParserTarget("copylist", corpus.CopyList, corpus, Parsers.CopyList),
    new ParserTarget("batch", corpus.Batch, corpus, Parsers.Batch),
    new PeTarget(corpus),
    new DecoderTarget(corpus),
    new ScanTarget(corpus, sampler),
    new ZipTarget(corpus, sampler),
    new ConfigTarget(corpus),
    new BaselineTarget(corpus, ReaderSeeds.Baselines(options.TestData)),
    new CatalogTarget(corpus, ReaderSeeds.Catalogs(options.TestData)),
};
var targets = options.Targets.Count == 0 ? all : [.. all.Where(t => options.Targets.Contains(t.Name))];
if (targets.Length == 0)
{
    Console.Error.WriteLine("SmsLint.Fuzz: no such target.");
    return 2;
}

if (options.Reproduce is { } reproduce)
{
    var replay = targets[0].Replay(File.ReadAllBytes(reproduce));
    var fastest = TimeSpan.MaxValue;
    for (var i = 0; i < 3; i++)
    {
        var started = Stopwatch.GetTimestamp();
        replay.Execute();
        var took = Stopwatch.GetElapsedTime(started);
        fastest = took < fastest ? took : fastest;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{targets[0].Name}: {reproduce} ran without a failure (fastest of 3 runs: {fastest.TotalMilliseconds:N1} ms)."));
    return 0;
}

Console.WriteLine($"SmsLint fuzz: seed {options.Seed}, {options.Seconds} s, corpus of {corpus.All.Count} files in {corpus.Snapshots.Count} snapshots and {corpus.Binary.Count} binaries");
var watchdog = new Watchdog(options);
var reports = new List<TargetReport>();
var perTarget = TimeSpan.FromSeconds(options.Seconds / targets.Length);
for (var t = 0; t < targets.Length; t++)
{
    var target = targets[t];
    var report = new TargetReport(target.Name);
    var random = new Random(HashCode.Combine(options.Seed, t) ^ options.Seed);
    var clock = Stopwatch.StartNew();
    var crashes = new HashSet<string>(StringComparer.Ordinal);
    var progress = TimeSpan.FromMinutes(1);
    while (clock.Elapsed < perTarget && report.Inputs < options.MaxInputs)
    {
        if (clock.Elapsed > progress)
        {
            // Long runs say how far they got.
            progress += TimeSpan.FromMinutes(1);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {target.Name}: {report.Inputs:N0} inputs in {clock.Elapsed.TotalMinutes:N0} min, {report.Crashes:N0} crashes"));
        }

        var input = target.Next(random);
        watchdog.Begin(target.Name, input.Bytes);
        var started = Stopwatch.GetTimestamp();
        Exception? failure = null;
        try
        {
            input.Execute();
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        watchdog.End();
        report.Inputs++;
        if (elapsed > report.Slowest)
        {
            report.Slowest = elapsed;
            report.SlowestBytes = input.Bytes.Length;
        }

        if (failure is null && elapsed.TotalMilliseconds > options.MaxInputMs)
        {
            failure = new TimeoutException($"one input took {elapsed.TotalMilliseconds:N0} ms, over the limit of {options.MaxInputMs:N0} ms");
        }

        if (failure is not null)
        {
            report.Crashes++;

            // One artifact per distinct failure (type and innermost frame), so a bug found a thousand times is saved once.
            var signature = failure.GetType().FullName + "|" + (failure.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? failure.Message);
            if (crashes.Add(signature))
            {
                report.Distinct.Add(Save(options.Out, target.Name, input.Bytes, failure, options.Seed, report.Inputs));
            }
        }
    }

    report.Elapsed = clock.Elapsed;
    reports.Add(report);
    Console.WriteLine(report + target.Notes);
}

var total = reports.Sum(r => r.Crashes);
Console.WriteLine($"inputs: {reports.Sum(r => r.Inputs):N0}; crashes: {total:N0}");
foreach (var file in reports.SelectMany(r => r.Distinct))
{
    Console.WriteLine($"  saved {file}");
}

return total == 0 ? 0 : 1;

static string Save(string folder, string target, byte[] input, Exception failure, int seed, long index)
{
    Directory.CreateDirectory(folder);
    var hash = Convert.ToHexStringLower(SHA256.HashData(input))[..12];
    var path = Path.Combine(folder, $"{target}-{hash}.bin");
    File.WriteAllBytes(path, input);
    File.WriteAllText(Path.ChangeExtension(path, ".txt"), string.Create(CultureInfo.InvariantCulture,
        $"target {target}, seed {seed}, input {index}\nreplay: dotnet run --project tests/SmsLint.Fuzz -c Release -- --targets {target} --reproduce {path}\n\n{failure}\n"));
    return path;
}

internal sealed class TargetReport(string name)
{
    public string Name { get; } = name;

    public long Inputs { get; set; }

    public long Crashes { get; set; }

    public TimeSpan Slowest { get; set; }

    public TimeSpan Elapsed { get; set; }

    public int SlowestBytes { get; set; }

    public List<string> Distinct { get; } = [];

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-9} inputs {Inputs,12:N0} in {Elapsed.TotalSeconds,6:N0} s   crashes {Crashes,4:N0}   slowest {Slowest.TotalMilliseconds,8:N1} ms ({SlowestBytes:N0} bytes)");
}

internal sealed record FuzzOptions(double Seconds, int Seed, IReadOnlySet<string> Targets, long MaxInputs, double MaxInputMs, string Out, string TestData, string? Reproduce)
{
    public static FuzzOptions? Parse(string[] args)
    {
        var root = FindRoot();
        var o = new FuzzOptions(60, 1, new HashSet<string>(), long.MaxValue, 10_000, Path.Combine(root, "artifacts", "fuzz"), Path.Combine(root, "testdata"), null);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException(args[i] + " needs a value");
            try
            {
                o = args[i] switch
                {
                    "--seconds" => o with { Seconds = double.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--seed" => o with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--targets" or "--target" => o with { Targets = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet() },
                    "--max-inputs" => o with { MaxInputs = long.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--max-input-ms" => o with { MaxInputMs = double.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--out" => o with { Out = Path.GetFullPath(Value()) },
                    "--testdata" => o with { TestData = Path.GetFullPath(Value()) },
                    "--reproduce" => o with { Reproduce = Path.GetFullPath(Value()) },
                    _ => throw new FormatException("unknown option " + args[i]),
                };
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine("SmsLint.Fuzz: " + ex.Message);
                return null;
            }
        }

        return o;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SmsLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}

/// <summary>
/// An input that never returns cannot be stopped in .NET: the watchdog saves it as a hang and
/// ends the process (exit code 1) after six times the per-input limit.
/// </summary>
internal sealed class Watchdog
{
    private readonly Lock _gate = new();
    private readonly FuzzOptions _options;
    private string? _target;
    private byte[]? _input;
    private long _started;

    public Watchdog(FuzzOptions options)
    {
        _options = options;
        var thread = new Thread(Watch) { IsBackground = true, Name = "fuzz watchdog" };
        thread.Start();
    }

    public void Begin(string target, byte[] input)
    {
        lock (_gate)
        {
            _target = target;
            _input = input;
            _started = Stopwatch.GetTimestamp();
        }
    }

    public void End()
    {
        lock (_gate)
        {
            _input = null;
        }
    }

    private void Watch()
    {
        var limit = TimeSpan.FromMilliseconds(_options.MaxInputMs * 6);
        while (true)
        {
            Thread.Sleep(1000);
            lock (_gate)
            {
                if (_input is null || Stopwatch.GetElapsedTime(_started) < limit)
                {
                    continue;
                }

                Directory.CreateDirectory(_options.Out);
                var path = Path.Combine(_options.Out, $"{_target}-hang-{Convert.ToHexStringLower(SHA256.HashData(_input))[..12]}.bin");
                File.WriteAllBytes(path, _input);
                Console.WriteLine($"{_target}: an input ran for over {limit.TotalSeconds:N0} s; saved {path}");
                Environment.Exit(1);
            }
        }
    }
}

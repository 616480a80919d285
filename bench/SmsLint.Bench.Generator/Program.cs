using System.Diagnostics;
using System.Globalization;
using SmsLint.Bench.Generator;

const string Usage = """
    smslint-bench-gen: writes a deterministic synthetic SMS 1.2/2.0 share snapshot.

      --out DIR          snapshot folder to create (must be new or empty; required)
      --seed N           random seed (default 1); the same seed and knobs give byte-identical output
      --files N          approximate file count (default 100000); clients fill up to it
      --sites N          sites (default files/1000, 3..200); about a fifth are SMS 1.2
      --domains N        NT domains (default 30% of the sites)
      --dcs N            domain controllers (default files/300)
      --clients N        exact client count (overrides --files)
      --sms12-percent P  share of SMS 1.2 clients (default 45)
      --expected FILE    where to write the expected findings (default DIR/../expected-findings.json)
      --force            delete DIR first when it exists
      --unique           no duplicated content: each text file ends with a comment naming its path
      --stale-clients P  P% of the SMS 1.2 clients get a stale CopyListVersion (SMS4001; many findings)
      --threads N        writer threads (default: processor count; output does not depend on it)
      --defects          print the injection table and exit
    """;

string? outDir = null, expected = null;
var options = new GeneratorOptions();
var force = false;
var threads = Environment.ProcessorCount;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    int Int() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--out": outDir = Value(); break;
        case "--seed": options = options with { Seed = ulong.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) }; break;
        case "--files": options = options with { Files = Int() }; break;
        case "--sites": options = options with { Sites = Int() }; break;
        case "--domains": options = options with { Domains = Int() }; break;
        case "--dcs": options = options with { DomainControllers = Int() }; break;
        case "--clients": options = options with { Clients = Int() }; break;
        case "--sms12-percent": options = options with { Sms12ClientPercent = Int() }; break;
        case "--expected": expected = Value(); break;
        case "--threads": threads = Int(); break;
        case "--unique": options = options with { Unique = true }; break;
        case "--stale-clients": options = options with { StaleClientPercent = Int() }; break;
        case "--force": force = true; break;
        case "--defects":
            foreach (var d in Defects.Table)
            {
                Console.WriteLine($"{d.RuleId}  {d.Name,-32} slot {d.Slot,-22} {d.PerHundredThousandFiles,3} per 100k files");
            }

            return 0;
        case "-h" or "--help": Console.WriteLine(Usage); return 0;
        default: Console.Error.WriteLine($"unknown argument '{args[i]}'\n{Usage}"); return 2;
    }
}

if (outDir is null)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

outDir = Path.GetFullPath(outDir);
if (force && Directory.Exists(outDir))
{
    Directory.Delete(outDir, recursive: true);
}

var clock = Stopwatch.StartNew();
var plan = SnapshotPlanner.Plan(options);
var summary = SnapshotWriter.Write(plan, outDir, threads);
expected ??= Path.Combine(Path.GetDirectoryName(outDir.TrimEnd(Path.DirectorySeparatorChar))!, "expected-findings.json");
File.WriteAllText(expected, SnapshotWriter.ExpectedJson(plan, summary));

var t = plan.Topology;
Console.WriteLine($"wrote {summary.Files:N0} files, {summary.Bytes / 1e6:F1} MB ({summary.TextBytes / 1e6:F1} MB text, {summary.EmptyFiles:N0} zero-byte) to {outDir} in {clock.Elapsed.TotalSeconds:F1} s");
Console.WriteLine($"  seed {options.Seed}: {t.Sites20.Count()} SMS 2.0 sites, {t.Sites12.Count()} SMS 1.2 sites, {t.Domains.Count} domains, {t.Domains.Sum(d => d.Controllers.Count)} DCs, {t.Clients.Count(c => c.Is12):N0} 1.2 clients, {t.Clients.Count(c => !c.Is12):N0} 2.0 clients");
Console.WriteLine($"  injected defects ({expected}): " + string.Join(", ", plan.ExpectedFindings.Select(p => $"{p.Key}={p.Value}")) + $", total {plan.ExpectedFindings.Values.Sum()}");
return 0;

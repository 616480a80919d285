using System.IO.Compression;
using System.Text;
using SmsLint.Binaries;
using SmsLint.Catalog;
using SmsLint.Decode;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Parsing.Batch;
using SmsLint.Parsing.CopyList;
using SmsLint.Parsing.CopyLog;
using SmsLint.Parsing.Ini;
using SmsLint.Rules;
using SmsLint.Scanning;
using SmsLint.Text;

namespace SmsLint.Fuzz;

/// <summary>One generated input: the bytes saved when it fails, and the run that checks it.</summary>
internal sealed record FuzzCase(byte[] Bytes, Action Execute);

/// <summary>Something fuzzed: makes inputs from seeds, and replays a saved input.</summary>
internal abstract class Target(string name)
{
    public string Name { get; } = name;

    public abstract FuzzCase Next(Random random);

    public abstract FuzzCase Replay(byte[] saved);

    /// <summary>Target-specific counts for the report.</summary>
    public virtual string Notes => string.Empty;
}

/// <summary>One of the Sprache grammars over decoded text; saved inputs are the text as UTF-16LE.</summary>
internal sealed class ParserTarget(string name, List<byte[]> seeds, Corpus corpus, Func<SourceText, object> parse) : Target(name)
{
    public override FuzzCase Next(Random random)
    {
        var mutator = new Mutator(random, corpus.All);
        var seed = seeds[random.Next(seeds.Count)];
        var text = mutator.ToText(random.Next(50) == 0 ? seed : mutator.Mutate(seed));
        return Make(text);
    }

    public override FuzzCase Replay(byte[] saved) => Make(Encoding.Unicode.GetString(saved));

    private FuzzCase Make(string text) => new(Encoding.Unicode.GetBytes(text), () =>
    {
        var source = new SourceText(text);
        var document = parse(source);
        Invariants.SpansInside(document, text.Length);
        Invariants.CommentsComplete(document, source);
    });
}

/// <summary>Bytes to text (BOMs, UTF-16 sniffing, UTF-8, Windows-1252, binary detection).</summary>
internal sealed class DecoderTarget(Corpus corpus) : Target("decoder")
{
    public override FuzzCase Next(Random random)
    {
        var mutator = new Mutator(random, corpus.All);
        return Replay(mutator.Mutate(corpus.All[random.Next(corpus.All.Count)]));
    }

    public override FuzzCase Replay(byte[] saved) => new(saved, () =>
    {
        var result = TextDecoder.Decode(saved);
        if (result.Status == DecodeStatus.Text)
        {
            if (result.Text is null || result.ByteOffset != -1)
            {
                throw new InvariantException("text without text, or with an offending offset");
            }

            foreach (var (number, span) in result.Text.Lines())
            {
                if (span.Start < 0 || span.End > result.Text.Length || result.Text.GetLineNumber(span.Start) != number)
                {
                    throw new InvariantException($"line {number} span {span} is inconsistent");
                }
            }
        }
        else if (result.Text is not null || result.ByteOffset < 0 || result.ByteOffset > saved.Length)
        {
            throw new InvariantException($"{result.Status} with offset {result.ByteOffset} for {saved.Length} bytes");
        }
    });
}

/// <summary>The version resource reader over mutated PE images.</summary>
internal sealed class PeTarget(Corpus corpus) : Target("pe")
{
    public override FuzzCase Next(Random random)
    {
        var mutator = new Mutator(random, corpus.Binary);
        var seed = corpus.Binary[random.Next(corpus.Binary.Count)];

        // Byte-level damage mostly: PE images are not text.
        var bytes = (byte[])seed.Clone();
        var flips = 1 + random.Next(16);
        for (var i = 0; i < flips && bytes.Length > 0; i++)
        {
            var at = random.Next(bytes.Length);
            bytes[at] = random.Next(3) == 0 ? (byte)random.Next(256) : (byte)(bytes[at] ^ (1 << random.Next(8)));
        }

        if (random.Next(4) == 0)
        {
            bytes = mutator.Mutate(bytes);
        }

        return Replay(bytes);
    }

    public override FuzzCase Replay(byte[] saved) => new(saved, () =>
    {
        using var stream = new MemoryStream(saved, writable: false);
        var result = PeVersionReader.Read(stream);
        if (result.Status == PeVersionStatus.Ok && result.FileVersion is not { Length: 4 })
        {
            throw new InvariantException("Ok without a four-part file version");
        }

        // Overlapping headers may be read twice, but the reads stay bounded whatever the file says.
        if (result.BytesRead < 0 || result.BytesRead > 256 * 1024)
        {
            throw new InvariantException($"read {result.BytesRead:N0} bytes of a {saved.Length:N0}-byte file");
        }

        _ = result.FormatFileVersion();
        _ = result.FormatProductVersion();
    });
}

/// <summary>
/// The whole scan (discover, decode, parse, model, every rule, SARIF) of a snapshot from testdata
/// with files mutated, added, moved or dropped; saved inputs are the snapshot as a zip.
/// </summary>
internal sealed class ScanTarget(Corpus corpus, SarifSampler sampler) : Target("scan")
{
    private static readonly SmsCatalog Catalog = SmsCatalog.LoadEmbedded();

    public override FuzzCase Next(Random random)
    {
        var mutator = new Mutator(random, corpus.All);
        var files = new SortedDictionary<string, byte[]>(corpus.Snapshots[random.Next(corpus.Snapshots.Count)], StringComparer.Ordinal);
        var changes = 1 + random.Next(3);
        for (var i = 0; i < changes; i++)
        {
            var keys = files.Keys.ToList();
            switch (random.Next(8))
            {
                case 0:
                    // A file from another snapshot at a path SMS uses (a binary under a text name, ...).
                    files[corpus.Paths[random.Next(corpus.Paths.Count)]] = mutator.Mutate(corpus.All[random.Next(corpus.All.Count)]);
                    break;
                case 1 when keys.Count > 1:
                    files.Remove(keys[random.Next(keys.Count)]);
                    break;
                case 2 when keys.Count > 0:
                    var from = keys[random.Next(keys.Count)];
                    var bytes = files[from];
                    files.Remove(from);
                    files[corpus.Paths[random.Next(corpus.Paths.Count)]] = bytes;
                    break;
                default:
                    if (keys.Count > 0)
                    {
                        var key = keys[random.Next(keys.Count)];
                        files[key] = mutator.Mutate(files[key]);
                    }

                    break;
            }
        }

        return Make(files);
    }

    public override FuzzCase Replay(byte[] saved)
    {
        using var zip = new ZipArchive(new MemoryStream(saved), ZipArchiveMode.Read);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var s = entry.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            files[entry.FullName] = ms.ToArray();
        }

        return Make(files);
    }

    private FuzzCase Make(SortedDictionary<string, byte[]> files) => new(Zip.Of(files), () =>
    {
        using var source = new MemorySource(files);
        var sarif = Invariants.Scan(Run(source), source);
        sampler.Offer("scan", sarif);
    });

    public static ScanReport Run(ISnapshotSource source) =>
        Scanner.Scan(source, new AnalysisOptions { Threads = 1 }, Catalog, new CatalogInfo(Catalog.Name, Catalog.CatalogVersion, "embedded"), BuiltInRules.All);
}

/// <summary>Zip snapshots with damaged bytes: the archive either opens (and the scan keeps every invariant) or is refused cleanly.</summary>
internal sealed class ZipTarget(Corpus corpus, SarifSampler sampler) : Target("zip")
{
    private static readonly ZipLimits Limits = new() { MaxEntries = 5_000, MaxTotalBytes = 64L * 1024 * 1024, MaxEntryBytes = 8L * 1024 * 1024 };

    private long _opened;
    private long _refused;

    public override string Notes => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"   opened {_opened:N0}, refused {_refused:N0}");

    public override FuzzCase Next(Random random)
    {
        var snapshot = corpus.Snapshots[random.Next(corpus.Snapshots.Count)];
        var names = snapshot.ToDictionary(p => p.Key, p => p.Key, StringComparer.Ordinal);
        if (random.Next(3) == 0 && names.Count > 0)
        {
            // Hostile names: escapes, absolute paths, drive letters, case duplicates, a wrapping folder.
            string[] prefixes = ["../", "../../", "/", "\\", "C:\\", "c:", "./", "a/../../", "x/", "\u0001", "//srv/share/"];
            var key = names.Keys.ElementAt(random.Next(names.Count));
            names[key] = prefixes[random.Next(prefixes.Length)] + (random.Next(2) == 0 ? key : key.ToUpperInvariant().Replace('/', '\\'));
        }

        var entries = snapshot.Select(p => (names[p.Key], p.Value)).ToList();
        if (random.Next(4) == 0 && entries.Count > 0)
        {
            entries.Add((entries[0].Item1.ToLowerInvariant(), entries[0].Value));
        }

        var level = random.Next(3) == 0 ? CompressionLevel.NoCompression : CompressionLevel.Fastest;
        var zip = Zip.Of(entries, random.Next(3) == 0 ? "capture/" : string.Empty, level);

        // Damage the archive itself: headers, sizes, CRCs, compressed data.
        var bytes = (byte[])zip.Clone();
        var flips = random.Next(10);
        for (var i = 0; i < flips && bytes.Length > 0; i++)
        {
            bytes[random.Next(bytes.Length)] = random.Next(2) == 0 ? (byte)random.Next(256) : (byte)(bytes[random.Next(bytes.Length)] ^ 0xFF);
        }

        if (random.Next(10) == 0)
        {
            bytes = new Mutator(random, corpus.All).Mutate(bytes);
        }

        return Replay(bytes);
    }

    public override FuzzCase Replay(byte[] saved) => new(saved, () =>
    {
        ZipSource source;
        try
        {
            source = new ZipSource(new MemoryStream(saved, writable: false), "/fuzz/capture.zip", Limits);
        }
        catch (SnapshotSourceException)
        {
            _refused++;
            return;
        }

        _opened++;

        using (source)
        {
            var sarif = Invariants.Scan(ScanTarget.Run(source), source);
            sampler.Offer("zip", sarif);
        }
    });
}

internal static class Zip
{
    public static byte[] Of(IReadOnlyDictionary<string, byte[]> files) =>
        Of(files.Select(f => (f.Key, f.Value)), string.Empty, CompressionLevel.Fastest);

    public static byte[] Of(IEnumerable<(string Name, byte[] Data)> entries, string prefix, CompressionLevel level)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                var entry = zip.CreateEntry(prefix + name, level);
                entry.LastWriteTime = new DateTimeOffset(2001, 6, 1, 0, 0, 0, TimeSpan.Zero);
                using var s = entry.Open();
                s.Write(data);
            }
        }

        return ms.ToArray();
    }
}

/// <summary>
/// Keeps a few whole-scan SARIF logs per target (those with findings, at growing intervals) and
/// writes them to $SMSLINT_SARIF_OUT for CI's Multitool step.
/// </summary>
internal sealed class SarifSampler(string? folder, int max)
{
    private readonly Dictionary<string, int> _offers = [];
    private readonly Dictionary<string, int> _written = [];

    public void Offer(string target, string sarif)
    {
        if (folder is null || _written.GetValueOrDefault(target) >= max)
        {
            return;
        }

        var n = _offers[target] = _offers.GetValueOrDefault(target) + 1;
        if ((n & (n - 1)) != 0 || !sarif.Contains("\"ruleId\"", StringComparison.Ordinal))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"fuzz-{target}-{n}.sarif"), sarif, new UTF8Encoding(false));
        _written[target] = _written.GetValueOrDefault(target) + 1;
    }
}

/// <summary>The grammars as the loader calls them (lines over 8,191 characters are not parsed), plus what rules ask of each document.</summary>
internal static class Parsers
{
    public static Func<SourceText, object> Ini => t => Touch(IniGrammar.Parse(t, 8191));

    private static IniDocument Touch(IniDocument d)
    {
        // What the rules ask of a document, so lazily built members run too.
        foreach (var section in d.Sections)
        {
            _ = section.Get("SiteCode");
            _ = section.GetAll("x").Count();
        }

        _ = d.Get("SMS", "LastLogonServerPath");
        return d;
    }

    public static Func<SourceText, object> CopyLog => t =>
    {
        var d = CopyLogGrammar.Parse(t, 8191);
        _ = d.Find("x86.bin\\clicore.exe");
        return d;
    };

    public static Func<SourceText, object> CopyList => t => CopyListGrammar.Parse(t, 8191);

    public static Func<SourceText, object> Batch => t => BatchGrammar.Parse(t, 8191);
}

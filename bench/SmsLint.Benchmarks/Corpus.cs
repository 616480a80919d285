using SmsLint.Bench.Generator;
using SmsLint.Decode;
using SmsLint.Discover;
using SmsLint.Text;

namespace SmsLint.Benchmarks;

/// <summary>
/// The benchmark corpus: files of one synthetic snapshot (generator seed 1, 20,000 files),
/// rendered in memory and grouped by what SmsLint parses them as. Deterministic, so every run
/// and every benchmark process sees the same bytes.
/// </summary>
public sealed class Corpus
{
    /// <summary>Each group is capped so one benchmark operation stays in the tens of milliseconds.</summary>
    private const long MaxBytesPerGroup = 4_000_000;

    private static readonly Lazy<Corpus> Shared = new(() => new Corpus(new GeneratorOptions { Seed = 1, Files = 20_000 }));

    public static Corpus Instance => Shared.Value;

    private Corpus(GeneratorOptions options)
    {
        var plan = SnapshotPlanner.Plan(options);
        foreach (var planned in plan.Files)
        {
            var file = FileClassifier.Classify(new SnapshotEntry(planned.Path, 0));
            var group = file.Kind switch
            {
                FileKind.CopyLog => CopyLogs,
                FileKind.CopyList => CopyLists,
                FileKind.BatchScript => Scripts,
                FileKind.Binary => Binaries,
                FileKind.HierarchyIni or FileKind.ClientSmsIni or FileKind.DomainIni or FileKind.SmsCfgIni or FileKind.CompverIni
                    or FileKind.CaplistIni or FileKind.SmslsIni => Inis,
                _ => null,
            };
            if (group is null || group.Bytes >= MaxBytesPerGroup)
            {
                continue;
            }

            var bytes = plan.Render(planned);
            if (group == Binaries && bytes.Length == 0)
            {
                continue;
            }

            group.Add(bytes);
            if (group != Binaries && AllText.Bytes < MaxBytesPerGroup)
            {
                AllText.Add(bytes);
            }
        }
    }

    public Group Inis { get; } = new("INI");

    public Group CopyLogs { get; } = new("copy log");

    public Group CopyLists { get; } = new("copy list");

    public Group Scripts { get; } = new("batch");

    public Group Binaries { get; } = new("PE");

    /// <summary>Every text file (all kinds) for the decoder.</summary>
    public Group AllText { get; } = new("text");

    /// <summary>Files of one kind, raw and decoded.</summary>
    public sealed class Group(string name)
    {
        private readonly List<byte[]> _raw = [];
        private List<SourceText>? _texts;

        public string Name { get; } = name;

        public long Bytes { get; private set; }

        public IReadOnlyList<byte[]> Raw => _raw;

        /// <summary>Decoded once, outside the measured code, for the parser benchmarks.</summary>
        public IReadOnlyList<SourceText> Texts => _texts ??= [.. _raw.Select(b => TextDecoder.Decode(b).Text).OfType<SourceText>()];

        internal void Add(byte[] bytes)
        {
            _raw.Add(bytes);
            Bytes += bytes.Length;
        }
    }
}

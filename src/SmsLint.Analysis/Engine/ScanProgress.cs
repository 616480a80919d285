namespace SmsLint.Engine;

/// <summary>
/// How far a scan has got, for a progress line: the phase and its done/total counts. The scan
/// updates it (cheaply, from any thread); a reader polls it. Nothing in the results depends on it.
/// </summary>
public sealed class ScanProgress
{
    private readonly List<(string Phase, long Timestamp, long Heap)> _phases = [("preparing (configuration, catalog)", System.Diagnostics.Stopwatch.GetTimestamp(), GC.GetTotalMemory(false))];
    private string _phase = "listing files";
    private int _done;
    private int _total;

    public string Phase => Volatile.Read(ref _phase);

    /// <summary>
    /// Whether each phase start measures the live heap (a full collection first, which costs time:
    /// only for <c>SMSLINT_PHASES=live</c>) rather than the heap with its garbage.
    /// </summary>
    public bool MeasureLiveHeap { get; init; }

    public int Done => Volatile.Read(ref _done);

    public int Total => Volatile.Read(ref _total);

    /// <summary>Starts a phase of <paramref name="total"/> steps (0: no count).</summary>
    public void Start(string phase, int total)
    {
        Volatile.Write(ref _done, 0);
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _phase, phase);
        lock (_phases)
        {
            _phases.Add((phase, System.Diagnostics.Stopwatch.GetTimestamp(), GC.GetTotalMemory(MeasureLiveHeap)));
        }
    }

    /// <summary>
    /// How long each phase took so far, in order (the last one up to now), and the managed heap
    /// (bytes, garbage included) when it started, for <c>SMSLINT_PHASES=1</c> and the benchmark:
    /// where a scan's time and memory go, without a profiler.
    /// </summary>
    public IReadOnlyList<(string Phase, TimeSpan Duration, long HeapAtStart)> Durations()
    {
        lock (_phases)
        {
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            return [.. _phases.Select((p, i) => (p.Phase, System.Diagnostics.Stopwatch.GetElapsedTime(p.Timestamp, i + 1 < _phases.Count ? _phases[i + 1].Timestamp : now), p.Heap))];
        }
    }

    public void Step() => Interlocked.Increment(ref _done);

    private readonly List<(string Rule, TimeSpan Duration)> _rules = [];

    /// <summary>Records how long one rule's check took (rules run one after another).</summary>
    public void RuleTook(string rule, TimeSpan duration)
    {
        lock (_rules)
        {
            _rules.Add((rule, duration));
        }
    }

    /// <summary>The rules that took longest, slowest first.</summary>
    public IReadOnlyList<(string Rule, TimeSpan Duration)> SlowestRules(int count)
    {
        lock (_rules)
        {
            return [.. _rules.OrderByDescending(r => r.Duration).ThenBy(r => r.Rule, StringComparer.Ordinal).Take(count)];
        }
    }
}

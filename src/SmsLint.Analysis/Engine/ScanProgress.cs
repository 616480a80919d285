namespace SmsLint.Engine;

/// <summary>
/// How far a scan has got, for a progress line: the phase and its done/total counts. The scan
/// updates it (cheaply, from any thread); a reader polls it. Nothing in the results depends on it.
/// </summary>
public sealed class ScanProgress
{
    private string _phase = "listing files";
    private int _done;
    private int _total;

    public string Phase => Volatile.Read(ref _phase);

    public int Done => Volatile.Read(ref _done);

    public int Total => Volatile.Read(ref _total);

    /// <summary>Starts a phase of <paramref name="total"/> steps (0: no count).</summary>
    public void Start(string phase, int total)
    {
        Volatile.Write(ref _done, 0);
        Volatile.Write(ref _total, total);
        Volatile.Write(ref _phase, phase);
    }

    public void Step() => Interlocked.Increment(ref _done);
}

namespace SmsLint.Bench.Generator;

/// <summary>
/// SplitMix64: a tiny generator whose every step is specified here, so a seed yields the same
/// stream on every runtime and platform (System.Random's seeded algorithm is an implementation
/// detail). Not for cryptography.
/// </summary>
public sealed class Rng
{
    private ulong _state;

    public Rng(ulong seed) => _state = seed;

    /// <summary>An independent stream for one named purpose (a file path, a defect kind).</summary>
    public static Rng For(ulong seed, string key) => new(Mix(seed ^ Fnv1a(key)));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>0 ≤ result &lt; <paramref name="maxExclusive"/> (a negligible modulo bias is fine here).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary><paramref name="min"/> ≤ result &lt; <paramref name="maxExclusive"/>.</summary>
    public int Next(int min, int maxExclusive) => min + Next(maxExclusive - min);

    /// <summary>True with probability <paramref name="percent"/>/100 (integer arithmetic only).</summary>
    public bool Percent(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable, unlike string.GetHashCode.</summary>
    public static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}

namespace SmsLint.Parsing.Common;

/// <summary>
/// Reuses the string of a recent equal token instead of allocating a new one. SMS files repeat
/// the same keys and values thousands of times over a snapshot (every client's Sms.ini has
/// "InventoryCollectionPoint=inventry.box"), and the syntax trees of all files stay in memory
/// for the cross-file rules. One small table per thread, so no locking; a collision just
/// replaces the slot. Only the memory changes: the strings are equal either way.
/// </summary>
internal static class StringPool
{
    private const int Slots = 8192; // a power of two
    private const int MaxLength = 64;

    [ThreadStatic]
    private static string?[]? t_table;

    public static string Get(string source, int start, int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        if (length > MaxLength)
        {
            return source.Substring(start, length);
        }

        var span = source.AsSpan(start, length);
        var table = t_table ??= new string?[Slots];
        var slot = string.GetHashCode(span) & (Slots - 1);
        if (table[slot] is { } known && span.SequenceEqual(known))
        {
            return known;
        }

        var created = span.ToString();
        table[slot] = created;
        return created;
    }
}

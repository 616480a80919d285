namespace SmsLint.Discover;

/// <summary>
/// Paths that differ only in case (<c>Copylog.tcf</c>, <c>COPYLOG.TCF</c>) name one file on the
/// Windows servers a snapshot comes from (contract §1). A folder on Linux and a zip can hold
/// several; both sources keep the same one by the same rule and report every other as not scanned,
/// with the same message, so a folder and a zip of one tree give identical results.
/// </summary>
public static class CaseTwins
{
    /// <summary>
    /// Keeps, of each group of paths equal when case is ignored, the first in ordinal order (entries
    /// for which <paramref name="lessPreferred"/> is true, such as unsafe archive names, only when
    /// the group has no other), and adds a problem for each of the others. The result stays in
    /// ordinal path order.
    /// </summary>
    public static List<SnapshotEntry> Resolve(List<SnapshotEntry> sorted, List<SourceProblem> problems, Func<SnapshotEntry, bool> lessPreferred)
    {
        var groups = new Dictionary<string, List<SnapshotEntry>>(StringComparer.OrdinalIgnoreCase);
        var twins = false;
        foreach (var entry in sorted)
        {
            if (groups.TryGetValue(entry.Path, out var group))
            {
                group.Add(entry);
                twins = true;
            }
            else
            {
                groups.Add(entry.Path, [entry]);
            }
        }

        if (!twins)
        {
            return sorted;
        }

        var dropped = new HashSet<SnapshotEntry>(ReferenceEqualityComparer.Instance);
        foreach (var group in groups.Values.Where(g => g.Count > 1))
        {
            var kept = group.OrderBy(e => lessPreferred(e) ? 1 : 0).ThenBy(e => e.Path, StringComparer.Ordinal).First();
            foreach (var twin in group.Where(e => !ReferenceEquals(e, kept)))
            {
                dropped.Add(twin);
                problems.Add(new SourceProblem(twin.Path, "duplicate",
                    $"has the same name as '{kept.Path}' when case is ignored, as Windows compares names; only '{kept.Path}' was scanned"));
            }
        }

        return [.. sorted.Where(e => !dropped.Contains(e))];
    }
}

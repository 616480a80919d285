namespace SmsLint.Discover;

/// <summary>
/// A classified snapshot file: <c>&lt;Machine&gt;/&lt;Share&gt;/&lt;PathInShare&gt;</c>. Names keep the case
/// they were captured with; comparisons are case-insensitive.
/// </summary>
public sealed record SnapshotFile(
    SnapshotEntry Entry,
    string Machine,
    string Share,
    ShareKind ShareKind,
    string PathInShare,
    FileKind Kind)
{
    public string Path => Entry.Path;

    public long Length => Entry.Length;

    public string FileName => System.IO.Path.GetFileName(Entry.Path);

    /// <summary>The site code in a SMS_&lt;CODE&gt; or CAP_&lt;CODE&gt; share name (upper case).</summary>
    public string? ShareSiteCode => ShareKind is ShareKind.SiteServer or ShareKind.Cap
        ? Share[(Share.IndexOf('_', StringComparison.Ordinal) + 1)..].ToUpperInvariant()
        : null;

    /// <summary>Path segments inside the share.</summary>
    public string[] Segments => PathInShare.Length == 0 ? [] : PathInShare.Split('/');

    /// <summary>True when the path inside the share starts with the given segments (case-insensitive).</summary>
    public bool IsUnder(params string[] folders)
    {
        var segments = Segments;
        if (segments.Length <= folders.Length)
        {
            return false;
        }

        for (var i = 0; i < folders.Length; i++)
        {
            if (!segments[i].Equals(folders[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}

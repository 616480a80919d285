using SmsLint.Parsing.CopyLog;

namespace SmsLint.Rules.CopyLog;

/// <summary>What the Copylog.tcf rules need to know about the sites a logon point serves.</summary>
internal static class CopyLogSites
{
    /// <summary>True when the capture holds the logon point's <c>Sites\</c> folder (at least one file under it).</summary>
    public static bool SitesCaptured(LogonPoint lp) => lp.TopFolders.Contains("Sites");

    /// <summary>True when the capture holds the logon point's <c>Sitescfg\</c> folder.</summary>
    public static bool SitescfgCaptured(LogonPoint lp) => lp.TopFolders.Contains("Sitescfg");

    /// <summary>
    /// Whether site <paramref name="code"/> is gone from the hierarchy as far as the snapshot can
    /// tell (CL006, Q313209): no <c>Sitescfg\&lt;code&gt;_cfg.lcf</c> on the logon point, and not declared
    /// in hierarchy.ini when hierarchy.ini declares sites. Null when there is nothing to judge by
    /// (neither the Sitescfg folder nor any site declaration was captured).
    /// </summary>
    public static bool? IsRemoved(SnapshotModel model, LogonPoint lp, string code)
    {
        var declaresSites = model.Hierarchy.Sites.Count > 0;
        var hasLcfEvidence = SitescfgCaptured(lp);
        if (!declaresSites && !hasLcfEvidence)
        {
            return null;
        }

        code = code.ToUpperInvariant();
        if (hasLcfEvidence && lp.Lcfs.ContainsKey(code))
        {
            return false;
        }

        return !(declaresSites && model.Hierarchy.Sites.ContainsKey(code));
    }

    /// <summary>The upper-case site code of an entry's value, or null when it is not three letters or digits.</summary>
    public static string? ValueSite(CopyLogEntry entry) =>
        SiteIndex.IsSiteCode(entry.Code.Text) ? entry.Code.Text.ToUpperInvariant() : null;

    /// <summary>True for the Clicore.exe line of any platform (<c>*\clicore.exe</c>).</summary>
    public static bool IsClicore(CopyLogEntry entry) =>
        entry.Segments.Count >= 2 && entry.Segments[^1].Text.Equals("clicore.exe", StringComparison.OrdinalIgnoreCase);

    /// <summary>The entry as written, <c>path=CODE</c>, for messages.</summary>
    public static string Describe(CopyLogEntry entry) => $"{entry.Path.Text}={entry.Code.Text}";
}

using SmsLint.Discover;

namespace SmsLint.Model;

/// <summary>Where SMS logon scripts live and what each copy is for.</summary>
public static class LogonScripts
{
    public static bool IsSmsLogonScript(LoadedFile file) =>
        file.Kind == FileKind.BatchScript && Path.GetFileNameWithoutExtension(file.File.FileName).Equals("Smsls", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every captured Smsls.bat/.cmd, in path order.</summary>
    public static IEnumerable<LoadedFile> All(SnapshotModel model) => model.Files.Where(IsSmsLogonScript);

    /// <summary>The copy's role: site master, replication export, a DC's NETLOGON, or another copy.</summary>
    public static string Role(LoadedFile file) => file.File.ShareKind switch
    {
        ShareKind.Netlogon => $"NETLOGON copy on '{file.File.Machine}'",
        ShareKind.ReplExport => $"REPL$ export copy on '{file.File.Machine}'",
        ShareKind.SiteServer => $"site {file.File.ShareSiteCode} master copy",
        _ => $"copy at '{file.Path}'",
    };
}

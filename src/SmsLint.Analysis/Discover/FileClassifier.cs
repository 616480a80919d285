namespace SmsLint.Discover;

/// <summary>
/// Recognises machines, shares and SMS files by name (contract §1), case-insensitively. Anything
/// unrecognised is <see cref="FileKind.Unknown"/>, never an error.
/// </summary>
public static class FileClassifier
{
    private static readonly Dictionary<string, FileKind> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["copylog.tcf"] = FileKind.CopyLog,
        ["cl_nt.txt"] = FileKind.CopyList,
        ["cl_dos.txt"] = FileKind.CopyList,
        ["cl_os2.txt"] = FileKind.CopyList,
        ["cl_win95.txt"] = FileKind.CopyList,
        ["cl_w95.txt"] = FileKind.CopyList,
        ["cl_win.txt"] = FileKind.CopyList,
        ["sms.ini"] = FileKind.ClientSmsIni,
        ["sms1x.ini"] = FileKind.ClientSmsIni,
        ["domain.ini"] = FileKind.DomainIni,
        ["smscfg.ini"] = FileKind.SmsCfgIni,
        ["compver.ini"] = FileKind.CompverIni,
        ["caplist.ini"] = FileKind.CaplistIni,
        ["smsls.ini"] = FileKind.SmslsIni,
        ["senior.lst"] = FileKind.SeniorLst,
        ["cli_inst.cfg"] = FileKind.CliInstCfg,
        ["netconf.ncf"] = FileKind.NetconfFile,
        ["netconf.tcf"] = FileKind.NetconfFile,
        ["nt_logon.tok"] = FileKind.LsmLockFile,
    };

    public static ShareKind ClassifyShare(string share)
    {
        var s = share.ToUpperInvariant();
        return s switch
        {
            "SMSLOGON" => ShareKind.SmsLogon,
            "NETLOGON" => ShareKind.Netlogon,
            "REPL$" => ShareKind.ReplExport,
            "SMS_SHR" => ShareKind.SmsShr,
            "ADMIN$" => ShareKind.ClientAdmin,
            _ when s.Length == 2 && s[1] == '$' && char.IsAsciiLetterUpper(s[0]) => ShareKind.ClientDrive,
            _ when IsCodedShare(s, "SMS_") => ShareKind.SiteServer,
            _ when IsCodedShare(s, "CAP_") => ShareKind.Cap,
            _ => ShareKind.Other,
        };
    }

    private static bool IsCodedShare(string upper, string prefix) =>
        upper.StartsWith(prefix, StringComparison.Ordinal) && upper.Length == prefix.Length + 3 && upper[prefix.Length..].All(char.IsAsciiLetterOrDigit);

    public static FileKind ClassifyName(string fileName)
    {
        if (ByName.TryGetValue(fileName, out var kind))
        {
            return kind;
        }

        var ext = Path.GetExtension(fileName);
        if (ext.Equals(".bat", StringComparison.OrdinalIgnoreCase) || ext.Equals(".cmd", StringComparison.OrdinalIgnoreCase))
        {
            return FileKind.BatchScript;
        }

        if (ext.Equals(".exe", StringComparison.OrdinalIgnoreCase) || ext.Equals(".dll", StringComparison.OrdinalIgnoreCase))
        {
            return FileKind.Binary;
        }

        if (ext.Equals(".lcf", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith("_cfg.lcf", StringComparison.OrdinalIgnoreCase))
        {
            return FileKind.Lcf;
        }

        return FileKind.Unknown;
    }

    public static SnapshotFile Classify(SnapshotEntry entry)
    {
        var parts = entry.Path.Split('/');
        if (parts.Length == 1)
        {
            var rootKind = parts[0].Equals("hierarchy.ini", StringComparison.OrdinalIgnoreCase) ? FileKind.HierarchyIni
                : parts[0].Equals(Capture.CaptureManifest.FileName, StringComparison.OrdinalIgnoreCase) ? FileKind.CaptureManifest
                : FileKind.Unknown;
            return new SnapshotFile(entry, string.Empty, string.Empty, ShareKind.Root, parts[0], rootKind);
        }

        var machine = parts[0];
        if (parts.Length == 2)
        {
            return new SnapshotFile(entry, machine, string.Empty, ShareKind.Other, parts[1], ClassifyName(parts[1]));
        }

        var share = parts[1];
        var inShare = string.Join('/', parts, 2, parts.Length - 2);
        return new SnapshotFile(entry, machine, share, ClassifyShare(share), inShare, ClassifyName(parts[^1]));
    }
}

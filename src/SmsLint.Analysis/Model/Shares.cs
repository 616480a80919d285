using SmsLint.Parsing.CopyList;
using SmsLint.Parsing.CopyLog;
using SmsLint.Parsing.Ini;

namespace SmsLint.Model;

/// <summary>Files of one captured share, keyed by their path inside the share (lower case, '/').</summary>
public abstract class CapturedShare
{
    private readonly Dictionary<string, LoadedFile> _byPath = new(StringComparer.OrdinalIgnoreCase);

    protected CapturedShare(string machine, string share)
    {
        Machine = machine;
        Share = share;
    }

    public string Machine { get; }

    public string Share { get; }

    /// <summary>"DC01/SMSLOGON": the share's folder relative to the snapshot root.</summary>
    public string Root => $"{Machine}/{Share}";

    public List<LoadedFile> Files { get; } = [];

    internal void Add(LoadedFile file)
    {
        Files.Add(file);
        _byPath.TryAdd(file.File.PathInShare, file);
    }

    /// <summary>A file by its path inside the share; '\' and '/' alike, any case.</summary>
    public LoadedFile? Find(string pathInShare) => _byPath.GetValueOrDefault(pathInShare.Replace('\\', '/'));

    /// <summary>Files under the given folder path inside the share.</summary>
    public IEnumerable<LoadedFile> Under(params string[] folders) => Files.Where(f => f.File.IsUnder(folders));

    public override string ToString() => Root;
}

/// <summary>An SMS 2.0 logon point: a domain controller's SMSLOGON share.</summary>
public sealed class LogonPoint : CapturedShare
{
    public LogonPoint(string machine, string share)
        : base(machine, share)
    {
    }

    /// <summary>Config\Copylog.tcf, when captured.</summary>
    public LoadedFile? CopyLogFile => Find("Config/Copylog.tcf");

    public CopyLogDocument? CopyLog => CopyLogFile?.As<CopyLogDocument>();

    /// <summary>Site codes with a <c>Sites\&lt;code&gt;</c> folder holding at least one file, upper case.</summary>
    public SortedDictionary<string, List<LoadedFile>> SiteFolders { get; } = new(StringComparer.Ordinal);

    /// <summary>Site codes with a <c>Sitescfg\&lt;code&gt;_cfg.lcf</c>, upper case.</summary>
    public SortedDictionary<string, LoadedFile> Lcfs { get; } = new(StringComparer.Ordinal);

    public LoadedFile? SeniorLst => Find("Sitescfg/Senior.lst");

    /// <summary>Top-level folders present (by the files they hold).</summary>
    public SortedSet<string> TopFolders { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The per-site Compver.ini on the logon point (Sites\&lt;code&gt;\Compver.ini).</summary>
    public LoadedFile? SiteCompver(string code) => Find($"Sites/{code}/Compver.ini");

    /// <summary>Every site code the logon point knows: folders, LCFs and copy-log values.</summary>
    public SortedSet<string> SiteSet
    {
        get
        {
            var set = new SortedSet<string>(SiteFolders.Keys, StringComparer.Ordinal);
            set.UnionWith(Lcfs.Keys);
            return set;
        }
    }
}

/// <summary>An SMS 1.2 logon server: the SMS_SHR share (LOGON.SRV).</summary>
public sealed class LogonServer : CapturedShare
{
    public LogonServer(string machine, string share)
        : base(machine, share)
    {
    }

    public LoadedFile? DomainIniFile => Find("Domain.ini");

    public IniDocument? DomainIni => DomainIniFile?.As<IniDocument>();

    /// <summary>Copy lists at the share root (Cl_nt.txt and siblings), by file name.</summary>
    public IEnumerable<LoadedFile> CopyLists => Files.Where(f => f.Kind == Discover.FileKind.CopyList && !f.File.PathInShare.Contains('/', StringComparison.Ordinal));

    public LoadedFile? CopyList(string fileName) => Find(fileName);

    public CopyListDocument? NtCopyList => CopyList("Cl_nt.txt")?.As<CopyListDocument>();
}

/// <summary>A site server's SMS_&lt;CODE&gt; share.</summary>
public sealed class SiteServer : CapturedShare
{
    public SiteServer(string machine, string share, string siteCode)
        : base(machine, share) => SiteCode = siteCode;

    public string SiteCode { get; }

    /// <summary>A server binary under bin\&lt;platform&gt; (i386 first).</summary>
    public LoadedFile? Binary(string name) => Find($"bin/i386/{name}") ?? Files.FirstOrDefault(f => f.File.IsUnder("bin") && f.File.FileName.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>inboxes\clicomp.src\base\Compver.ini: the base client component version the site distributes.</summary>
    public LoadedFile? BaseCompver => Find("inboxes/clicomp.src/base/Compver.ini");

    /// <summary>data\nt_logon\Smsls.bat: the site master copy of the 2.0 logon script.</summary>
    public LoadedFile? MasterLogonScript => Find("data/nt_logon/Smsls.bat");
}

/// <summary>A client access point: CAP_&lt;CODE&gt;.</summary>
public sealed class CapShare : CapturedShare
{
    public CapShare(string machine, string share, string siteCode)
        : base(machine, share) => SiteCode = siteCode;

    public string SiteCode { get; }

    public LoadedFile? BaseCompver => Find("clicomp.box/base/Compver.ini");
}

/// <summary>The logon scripts of one domain controller's NETLOGON or REPL$ share.</summary>
public sealed class ScriptShare : CapturedShare
{
    public ScriptShare(string machine, string share, bool isExport)
        : base(machine, share) => IsExport = isExport;

    /// <summary>REPL$ (Export\Scripts) rather than NETLOGON (Import\Scripts).</summary>
    public bool IsExport { get; }

    public LoadedFile? SmslsBat => Find("Smsls.bat");
}

/// <summary>A captured client machine: its drive and admin shares.</summary>
public sealed class ClientMachine
{
    public ClientMachine(string machine) => Machine = machine;

    public string Machine { get; }

    /// <summary>C$\SMS.INI (SMS 1.x client ini), when captured.</summary>
    public LoadedFile? SmsIniFile { get; set; }

    public IniDocument? SmsIni => SmsIniFile?.As<IniDocument>();

    /// <summary>Sms1x.ini, left by an upgrade from 1.x.</summary>
    public LoadedFile? Sms1xIniFile { get; set; }

    /// <summary>ADMIN$\Smscfg.ini (SMS 2.0 client), when captured.</summary>
    public LoadedFile? SmsCfgFile { get; set; }

    /// <summary>Client-side copy lists (MS\SMS\DATA\CL_*.TXT).</summary>
    public List<LoadedFile> CopyLists { get; } = [];

    public bool IsSms20 => SmsCfgFile is not null;

    public bool IsSms12 => SmsIniFile is not null && SmsCfgFile is null;

    /// <summary>The 1.2 logon server this client last used, resolved in the snapshot (see SnapshotModel).</summary>
    public LogonServer? LogonServer { get; set; }

    /// <summary>The Sms.ini entry the link to <see cref="LogonServer"/> came from.</summary>
    public IniEntry? LogonServerEntry { get; set; }

    public override string ToString() => Machine;
}

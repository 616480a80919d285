namespace SmsLint.Discover;

/// <summary>What a snapshot file is, decided from its share and name.</summary>
public enum FileKind
{
    Unknown,
    HierarchyIni,
    CopyLog,
    BatchScript,
    CopyList,
    ClientSmsIni,
    DomainIni,
    SmsCfgIni,
    CompverIni,
    CaplistIni,
    SmslsIni,
    SeniorLst,
    Lcf,
    CliInstCfg,
    NetconfFile,
    LsmLockFile,
    Binary,

    /// <summary>capture.json at the snapshot root: file times and attributes recorded by <c>smslint capture</c>.</summary>
    CaptureManifest,
}

/// <summary>The role of a captured share, recognised by its name.</summary>
public enum ShareKind
{
    /// <summary>Files directly under the snapshot root (hierarchy.ini).</summary>
    Root,

    /// <summary>Files directly under a machine folder, or under a share with an unknown name.</summary>
    Other,

    /// <summary>SMSLOGON: SMS 2.0 logon point.</summary>
    SmsLogon,

    /// <summary>NETLOGON: logon scripts as a domain controller serves them (Repl\Import\Scripts).</summary>
    Netlogon,

    /// <summary>REPL$: export copy of the scripts on the replication master (Repl\Export\Scripts).</summary>
    ReplExport,

    /// <summary>SMS_SHR: SMS 1.2 logon server (LOGON.SRV).</summary>
    SmsShr,

    /// <summary>SMS_&lt;CODE&gt;: a site server's SMS folder.</summary>
    SiteServer,

    /// <summary>CAP_&lt;CODE&gt;: an SMS 2.0 client access point.</summary>
    Cap,

    /// <summary>C$ (or another drive share) of a client.</summary>
    ClientDrive,

    /// <summary>ADMIN$ (%windir%) of a client.</summary>
    ClientAdmin,
}

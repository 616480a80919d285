namespace SmsLint.Bench.Generator;

/// <summary>
/// Text of the captured SMS files. Shapes follow sms-domain.md §1–2 (sections, keys, labels,
/// sizes); where the sources do not show a format (copy-list entries, Smscfg.ini keys other than
/// the multiboot count, Compver.ini key names) the text is plausible, not documented.
/// </summary>
public static class Content
{
    /// <summary>Comment lines with Windows-1252 letters, as administrators left them.</summary>
    private static readonly string[] LocalComments =
    [
        "Modifié par l'équipe réseau – ne pas toucher sans accord",
        "Geändert für die Zweigstelle München, Büro 3",
        "Añadido por el administrador de Sevilla: comprobación de versión",
        "Ändrad av nätverksgruppen i Göteborg",
        "Aggiornato per la filiale di Forlì – già verificato",
        "Mise à jour après l'incident du 12/03 (réplication bloquée)",
        "Überarbeitet: Anmeldeskript für Außenstellen",
        "Revisão feita pela equipe de São Paulo",
        "Vérifié par J. Lefèvre – “ne pas désactiver”",
        "Kopiert von \\\\ZENTRALE – Prüfung folgt…",
    ];

    private static readonly string[] Initials = ["JD", "MK", "AL", "RS", "TB", "PV", "CH", "EW", "NG", "OF", "LS", "DM"];

    public static string Comment(Rng rng) => rng.Pick(LocalComments);

    public static string Date(Rng rng) => $"{rng.Next(1, 13):00}/{rng.Next(1, 29):00}/{rng.Next(1998, 2002)}";

    // ---- hierarchy.ini -------------------------------------------------------------------------

    public static string HierarchyIni(Topology t, ulong seed)
    {
        var w = new CrLfText()
            .Line("; hierarchy.ini - what the captured files cannot show (SmsLint contract section 2)")
            .Line($"; synthetic enterprise capture, generator seed {seed}")
            .Line("; Données fournies par l'équipe d'exploitation – à vérifier")
            .Line();
        foreach (var site in t.Sites20)
        {
            w.Line($"[Site {site.Code}]")
             .Line($"Version={site.Version}" + (site.Parent is null ? "        ; central site" : string.Empty))
             .Line($"Parent={site.Parent}")
             .Line($"Domains={string.Join(", ", site.Domains.Select(d => d.Name))}");
            if (site.HotfixesDeclared)
            {
                w.Line($"Hotfixes={string.Join(", ", Hotfixes(site))}");
            }

            w.Line();
        }

        foreach (var domain in t.Domains)
        {
            w.Line($"[Domain {domain.Name}]")
             .Line($"PDC={domain.Controllers[0]}")
             .Line($"Controllers={string.Join(", ", domain.Controllers)}")
             .Line();
        }

        return w.ToString();
    }

    public static IEnumerable<string> Hotfixes(Site site)
    {
        if (site.NtLogonHotfix)
        {
            yield return site.Level == SiteLevel.Rtm ? "Q251070" : "Q249077";
        }

        if (site.CcmHotfix)
        {
            yield return site.Level == SiteLevel.Rtm ? "Q252718" : "Q252717";
        }
    }

    // ---- SMS 2.0 logon point ---------------------------------------------------------------------

    /// <summary>One [FILE SOURCE] line: the path as LSM writes it and the owning site.</summary>
    public sealed record CopyLogLine(string Path, string Site);

    public static string CopyLog(IEnumerable<CopyLogLine> lines)
    {
        var w = new CrLfText().Line("[FILE SOURCE]");
        foreach (var line in lines)
        {
            w.Line($"{line.Path}={line.Site}");
        }

        return w.ToString();
    }

    /// <summary>Compver.ini: about 60 bytes, one version (the key name is inferred).</summary>
    public static string Compver(string version) => new CrLfText().Line("[Version]").Line($"Version={version}").ToString();

    public static string CapList(Site site)
    {
        var w = new CrLfText().Line("[CAPs]");
        for (var i = 0; i < site.CapMachines.Count; i++)
        {
            w.Line($"CAP{i + 1}=\\\\{site.CapMachines[i]}\\CAP_{site.Code}");
        }

        return w.ToString();
    }

    public static string SeniorLst(Site site) => $"{site.Code}\r\n";

    /// <summary>Client component folders under clicomp.src / clicomp.box (Q266130).</summary>
    public static readonly string[] Components = ["base", "hinv", "licmtr", "remctrl", "sinv", "smsapm32", "snmpelea", "swdist", "wbem"];

    /// <summary>Compver.ini version of a component at the site's level (sms-domain.md §3.2).</summary>
    public static string ComponentVersion(Site site, string component)
    {
        if (component == "wbem")
        {
            return site.Level switch
            {
                SiteLevel.Rtm => "698.0000",
                SiteLevel.Sp1 => "698.0001",
                SiteLevel.Sp4 => "698.0021",
                _ => "698.0012",
            };
        }

        var last = (site.Level, component) switch
        {
            (SiteLevel.Rtm, _) => 0,
            (SiteLevel.Sp1, _) => 1000,
            (SiteLevel.Sp2, "base") => 2009,
            (SiteLevel.Sp2, "remctrl") => 2001,
            (SiteLevel.Sp2, "sinv") => 2006,
            (SiteLevel.Sp2, "smsapm32" or "swdist") => 2011,
            (SiteLevel.Sp2, _) => 2000,
            (SiteLevel.Sp3, "base") => 3004,
            (SiteLevel.Sp3, "remctrl") => 3008,
            (SiteLevel.Sp3, "sinv") => 3006,
            (SiteLevel.Sp3, "smsapm32") => 3002,
            (SiteLevel.Sp3, _) => 3000,
            (SiteLevel.Sp4, "base") => 4009,
            (SiteLevel.Sp4, "hinv" or "remctrl" or "sinv") => 4008,
            (SiteLevel.Sp4, "smsapm32") => 4012,
            (SiteLevel.Sp4, "swdist") => 4006,
            (SiteLevel.Sp4, _) => 4000,
            _ => 0,
        };
        return $"2.00.{site.Build}.{last:0000}";
    }

    /// <summary>Opaque data (encrypted CRCs, boundaries, LCF state): bytes the scan never decodes.</summary>
    public static byte[] OpaqueData(Rng rng, int min, int max)
    {
        var bytes = new byte[rng.Next(min, max)];
        for (var i = 0; i < bytes.Length; i += 8)
        {
            var v = rng.NextUInt64();
            for (var k = 0; k < 8 && i + k < bytes.Length; k++)
            {
                bytes[i + k] = (byte)(v >> (8 * k));
            }
        }

        return bytes;
    }

    // ---- logon scripts ---------------------------------------------------------------------------

    private static void History(CrLfText w, Rng rng, int min, int max)
    {
        var n = rng.Next(min, max);
        for (var i = 0; i < n; i++)
        {
            w.Line(rng.Percent(40)
                ? $"REM   {Date(rng)} {rng.Pick(Initials)}  {Comment(rng)}"
                : $"REM   {Date(rng)} {rng.Pick(Initials)}  {rng.Pick(ChangeNotes)}");
        }
    }

    private static readonly string[] ChangeNotes =
    [
        "raised the slow-link threshold after the WAN upgrade",
        "copied from the site master after the SP rollout",
        "RAS users excluded from client installation",
        "KeepIt12 check added for the 1.2 pilot group",
        "SMS_LOCAL_DIR forced to an 8.3 path",
        "removed the old inventory call",
        "restored after the replication problem on the BDCs",
        "logging to %TEMP% for the help desk",
        "checked against the site server copy, no change",
        "added the Win95 branch for the branch offices",
    ];

    /// <summary>
    /// The SMS 2.0 Smsls.bat: one corporate script (a few KB with its change history), kept
    /// identical in every site master and every DC copy, as LSM expects.
    /// </summary>
    public static string Smsls20(ulong seed)
    {
        var rng = Rng.For(seed, "script:sms20");
        var w = new CrLfText()
            .Line("@echo off")
            .Line("REM ========================================================================")
            .Line("REM  Microsoft Systems Management Server 2.0 - logon script (SMSLS.BAT)")
            .Line($"REM  {rng.Pick(Companies)} standard script, maintained by the central site")
            .Line("REM  Change history:");
        History(w, rng, 6, 24);
        w.Line("REM ========================================================================")
         .Line("if exist c:\\KeepIt12.txt goto end")
         .Line("if \"%OS%\" == \"Windows_NT\" goto SET_NT")
         .Line("if not \"%SMS_LOCAL_DIR%\" == \"\" goto OK_TO_PROCEED")
         .Line("set SMS_LOCAL_DIR=%windir%")
         .Line("goto OK_TO_PROCEED")
         .Line(":SET_NT")
         .Line("if \"%SMS_LOCAL_DIR%\" == \"\" set SMS_LOCAL_DIR=%SystemRoot%")
         .Line(":OK_TO_PROCEED")
         .Line("REM Try the copy of Slownet left by an earlier logon first.")
         .Line("if not exist %SMS_LOCAL_DIR%\\MS\\SMS\\CORE\\BIN\\Slownet.exe goto SLOWNETUSER")
         .Line("%SMS_LOCAL_DIR%\\MS\\SMS\\CORE\\BIN\\Slownet.exe %0")
         .Line("if errorlevel 1 goto SLOWLINK")
         .Line("goto SLOWNETSERVER")
         .Line(":SLOWNETUSER")
         .Line("if \"%SMS_LOCAL_DIR_USER%\" == \"\" goto SLOWNETTEMP")
         .Line("if not exist %SMS_LOCAL_DIR_USER%\\MS\\SMS\\CORE\\BIN\\Slownet.exe goto SLOWNETTEMP")
         .Line("%SMS_LOCAL_DIR_USER%\\MS\\SMS\\CORE\\BIN\\Slownet.exe %0")
         .Line("if errorlevel 1 goto SLOWLINK")
         .Line("goto SLOWNETSERVER")
         .Line(":SLOWNETTEMP")
         .Line("REM No local copy yet: run Slownet from the temporary folder.")
         .Line("if \"%OS%\" == \"Windows_NT\" copy %0\\..\\Slwnt32.exe %TEMP%\\Slownet.exe > nul")
         .Line("if not \"%OS%\" == \"Windows_NT\" copy %0\\..\\Slwnt16.exe %TEMP%\\Slownet.exe > nul")
         .Line("%TEMP%\\Slownet.exe %0")
         .Line("if errorlevel 1 goto SLOWLINK")
         .Line(":SLOWNETSERVER")
         .Line("REM Link is fast enough: hand over to the bootstrap on the logon point.")
         .Line("%0\\..\\SNBOOT.exe")
         .Line("goto END")
         .Line(":SLOWLINK");
        if (rng.Percent(50))
        {
            w.Line($"REM {Comment(rng)}");
        }

        w.Line("echo Slow network link detected: SMS client installation skipped for this logon.")
         .Line("echo Contact the help desk if this message appears on a LAN connection.")
         .Line(":END")
         .Line("set SMS_LOCAL_DIR_USER=");
        return w.ToString();
    }

    /// <summary>An SMS 1.2 Smsls.bat (SP4 interop flavour when the domain also has 2.0 sites).</summary>
    public static string Smsls12(Rng rng, Site site, string domain, bool interop)
    {
        var w = new CrLfText()
            .Line("@echo off")
            .Line("REM Microsoft Systems Management Server (start)")
            .Line("REM SMS Build 786")
            .Line($"REM Logon script for site {site.Code}, domain {domain}, SMS 1.2 SP{site.Sms12ServicePack}");
        History(w, rng, 4, 16);
        w.Line(":START")
         .Line("REM Keep the path and reserve environment space before going on.")
         .Line("set SMS_P=%PATH%")
         .Line("set SMS_VERBOSE=")
         .Line("if \"%1\" == \"/v\" set SMS_VERBOSE=/v")
         .Line("REM SNET_DOS")
         .Line("%0\\..\\netspeed")
         .Line("if not errorlevel 1 goto NET_DOS")
         .Line("if not errorlevel 2 goto END")
         .Line("goto END")
         .Line(":NET_DOS")
         .Line("if \"%OS%\" == \"Windows_NT\" goto RUN_NT")
         .Line(":FIND_OS")
         .Line("%0\\..\\dosver")
         .Line("if errorlevel 3 goto LOW_ENV")
         .Line("set SMS_OS=16")
         .Line("set SMS_BIN=x86.bin")
         .Line(":RUN_FROM")
         .Line("if not \"%OS%\" == \"Windows_NT\" set PATH=%0\\..;%0\\..\\%SMS_BIN%;%PATH%");
        if (interop)
        {
            w.Line("REM call checkver to see whether SMS 2.0 supports this OS")
             .Line("%0\\..\\checkver")
             .Line("if errorlevel 1 goto RUN_DOS_2")
             .Line("REM call check20 to see whether this is an SMS 2.0 client")
             .Line("%0\\..\\check20")
             .Line("if errorlevel 1 goto RUN_DOS_2")
             .Line("REM An SMS 2.0 client: nothing to do for 1.2")
             .Line("goto RESTORE")
             .Line(":RUN_DOS_2");
        }

        w.Line(":RUN_DOS")
         .Line("if not exist %0\\..\\%SMS_BIN%\\setls%SMS_OS%.exe goto NOPATHARG0")
         .Line("setls%SMS_OS% -m:E -i -p:%SMS_BIN%\\CLI_DOS.EXE -pa:/p:%%SMS_UNC%%\\ -pa:%SMS_VERBOSE% %SMS_VERBOSE%")
         .Line("goto RESTORE")
         .Line(":RUN_NT")
         .Line("set SMS_OS=32")
         .Line("set SMS_BIN=x86.bin");
        if (interop)
        {
            w.Line("%0\\..\\check20 /v")
             .Line("if errorlevel 1 goto RUN_NT_2")
             .Line("goto RESTORE")
             .Line(":RUN_NT_2");
        }

        w.Line("%0\\..\\%SMS_BIN%\\setls%SMS_OS% -m:E -i -p:%SMS_BIN%\\CLI_NT.EXE -pa:/p:%%SMS_UNC%%\\ %SMS_VERBOSE%")
         .Line("goto RESTORE")
         .Line(":NOPATHARG0")
         .Line("echo The SMS logon script could not find its programs; ask the help desk.")
         .Line("goto RESTORE")
         .Line(":LOW_ENV")
         .Line("echo Not enough environment space to run the SMS logon script.")
         .Line(":RESTORE")
         .Line("REM Put the old path back.")
         .Line("PATH=%SMS_P%")
         .Line(":END")
         .Line("set SMS_OS=")
         .Line("set SMS_BIN=")
         .Line("set SMS_P=")
         .Line("set SMS_VERBOSE=")
         .Line("if errorlevel 1 if \"%OS%\"==\"Windows_NT\" clrlevel")
         .Line("if errorlevel 1 if not \"%OS%\"==\"Windows_NT\" %0\\..\\clrlevel")
         .Line("REM Microsoft Systems Management Server (end)");
        return w.ToString();
    }

    /// <summary>Smsls.ini (SMS 1.x domain mapping) on NETLOGON of a domain with 1.2 sites.</summary>
    public static string SmslsIni(Rng rng, Domain domain, IReadOnlyList<Site> sites12)
    {
        var w = new CrLfText().Line("; SMS logon server mapping for SETLS").Line("[WIN.INI]").Line("[DOMAIN]");
        foreach (var site in sites12)
        {
            w.Line($"{domain.Name}=\\\\{site.LogonServers[0]}");
        }

        w.Line("[MACHINE]");
        var n = rng.Next(3, 20);
        for (var i = 0; i < n; i++)
        {
            w.Line($"{rng.Pick(sites12).Code}W{rng.Next(100000):00000}={domain.Name}");
        }

        return w.ToString();
    }

    /// <summary>NT_Logon.pcf: the files LSM copies to logon points (format undocumented; not read by the scan).</summary>
    public static string NtLogonPcf(Rng rng)
    {
        var w = new CrLfText().Line("[Files]");
        foreach (var f in LogonPointFiles)
        {
            w.Line($"{f}={rng.Next(1, 4)}");
        }

        return w.ToString();
    }

    public static readonly string[] LogonPointFiles =
    [
        "x86.bin\\smsboot1.exe", "x86.bin\\boot32wn.exe", "x86.bin\\clicore.exe", "x86.bin\\boot16wn.exe", "x86.bin\\clicor16.exe",
        "x86.bin\\bootdwn.exe", "x86.bin\\Slwnt16.exe", "x86.bin\\Slwnt32.exe", "x86.bin\\00000409\\SMSMan.exe",
        "x86.bin\\00000409\\SMSMan16.exe", "x86.bin\\00000409\\Manboot.exe", "x86.bin\\00000409\\RegNec98.exe",
    ];

    // ---- SMS 1.2 logon server and clients ------------------------------------------------------

    public static string DomainIni(Rng rng, Site site, string server, Domain domain)
    {
        var w = new CrLfText()
            .Line("; DOMAIN.INI - entries Client Setup copies into SMS.INI")
            .Line("[SMS]")
            .Line("BuildNo=786")
            .Line("SPNumber=0")
            .Line("INIFileVersion=66302")
            .Line($"SiteCode={site.Code}")
            .Line($"CompanyName={rng.Pick(Companies)}")
            .Line("InventoryCollectionPoint=inventry.box")
            .Line("InventoryConfigurationPath=invencfg.box")
            .Line("ConfigurationRequestPath=ccr.box")
            .Line("ISVMIFCollectionPoint=isvmif.box")
            .Line("InvAgtServiceWakeupInterval=1440")
            .Line("NetworkType=2")
            .Line()
            .Line("[Servers]")
            .Line($"Domain={domain.Name}");
        for (var i = 0; i < site.LogonServers.Count; i++)
        {
            w.Line($"Server{i + 1}={site.LogonServers[i]}");
        }

        w.Line().Line("[Share]");
        for (var i = 0; i < site.LogonServers.Count; i++)
        {
            w.Line($"Server{i + 1}=SMS_SHR");
        }

        w.Line()
         .Line("[Package Command Manager]")
         .Line("InstructionSharePoint=pcmins.box")
         .Line("ResultSharePoint=despoolr.box")
         .Line("PollingInterval=60")
         .Line()
         .Line("[Program Group Control]")
         .Line("directory=appctl.box\\database")
         .Line()
         .Line("[Sight]")
         .Line($"ValidatingServer=\\\\{server}");
        return w.ToString();
    }

    private static readonly string[] Companies = ["Contoso", "Fabrikam", "Northwind Traders", "Tailspin Toys", "Litware", "Adventure Works", "Wingtip", "Proseware"];

    /// <summary>The copy list a 1.2 client reads, by Sms.ini [SMS] OS.</summary>
    public static string CopyListName(int os) => os switch
    {
        1 => "Cl_dos.txt",
        2 => "Cl_win.txt",
        3 => "Cl_os2.txt",
        5 => "Cl_win95.txt",
        _ => "Cl_nt.txt",
    };

    public static readonly (int Os, string Name, string Platform)[] CopyLists =
    [
        (4, "Cl_nt.txt", "x86.bin"), (1, "Cl_dos.txt", "dos.bin"), (2, "Cl_win.txt", "win.bin"), (3, "Cl_os2.txt", "os2.bin"), (5, "Cl_win95.txt", "w95.bin"),
    ];

    private static readonly string[] ClientFileStems =
    [
        "cli_nt", "invwin32", "smsrun32", "smsrun16", "pcmwin32", "pcm32", "pcmsvc32", "smsapm32", "wuser32", "wslave32", "climonnt",
        "mifedit", "mifentry", "msapps", "smsmon", "appctl", "apprun", "helpdesk", "remotec", "smsinv", "smssvc", "invdos", "snmpsms",
    ];

    private static readonly string[] Extensions = [".exe", ".dll", ".hlp", ".ini", ".cnt", ".dat", ".cfg", ".mif"];

    /// <summary>
    /// A 1.x copy list: a CopyListVersion line and 50–200 file entries. The entry syntax is not
    /// documented (sms-domain.md §1.4); these lines are plausible and opaque to the parser.
    /// </summary>
    public static string CopyList(ulong seed, Site site, int os)
    {
        var rng = Rng.For(seed, $"copylist:{site.Code}:{os}");
        var (_, name, platform) = Array.Find(CopyLists, c => c.Os == os);
        var w = new CrLfText()
            .Line($"; {name.ToUpperInvariant()} - SMS client copy list generated by Maintenance Manager")
            .Line($"CopyListVersion={site.CopyListVersion}");
        var n = rng.Next(50, 201);
        for (var i = 0; i < n; i++)
        {
            var stem = rng.Pick(ClientFileStems);
            var file = i < ClientFileStems.Length ? stem : $"{stem[..Math.Min(stem.Length, 5)]}{i:000}";
            var ext = rng.Pick(Extensions);
            var sub = rng.Percent(20) ? "\\00000409" : string.Empty;
            w.Line($"{platform}{sub}\\{file}{ext},MS\\SMS\\BIN{sub},{rng.Next(1, 4)}");
        }

        return w.ToString();
    }

    public static string ClientSmsIni(Rng rng, Client client)
    {
        var site = client.Site;
        var server = client.LogonServer!;
        var domain = site.Domains[0].Name;
        var w = new CrLfText()
            .Line("[Package Command Manager]")
            .Line("InstructionSharePoint=pcmins.box")
            .Line("ResultSharePoint=despoolr.box")
            .Line("LocalRegistryLocation=C:\\MS\\SMS\\DATA\\pcmhist.reg")
            .Line("PollingInterval=60")
            .Line()
            .Line("[Servers]")
            .Line($"Domain={domain}")
            .Line($"CurrentLogonServer={server}");
        for (var i = 0; i < site.LogonServers.Count; i++)
        {
            w.Line($"Server{i + 1}={site.LogonServers[i]}");
        }

        w.Line().Line("[Share]").Line("CurrentLogonServer=SMS_SHR");
        for (var i = 0; i < site.LogonServers.Count; i++)
        {
            w.Line($"Server{i + 1}=SMS_SHR");
        }

        w.Line()
         .Line("[Program Group Control]")
         .Line("directory=appctl.box\\database")
         .Line()
         .Line("[WorkstationStatus]")
         .Line("SysFilesNotModified=")
         .Line("FilesNotDownloaded=")
         .Line("InstalledComponents=PCM, MIFENTRY, APPCONTROL, REMOTE_CONTROL")
         .Line("AutoStartComponents=PCM, MIFENTRY, APPCONTROL")
         .Line("FailedHardwareChecks=")
         .Line("StandaloneWorkstation=No")
         .Line()
         .Line("[SMS]")
         .Line("BuildNo=786")
         .Line("SPNumber=0")
         .Line("INIFileVersion=66302")
         .Line($"CopyListVersion={site.CopyListVersion}")
         .Line($"SiteCode={site.Code}")
         .Line($"SMS Unique ID={site.Code}{client.Number % 100000:00000}")
         .Line("SMSPath=C:\\MS\\SMS")
         .Line("SMSBinPath=C:\\MS\\SMS\\BIN")
         .Line($"LastLogonServerPath=\\\\{server}\\SMS_SHR")
         .Line($"UniqueIdPath=\\\\{server}\\SMS_SHR\\SMSID\\")
         .Line("InventoryCollectionPoint=inventry.box")
         .Line($"SlowNetFlag={(rng.Percent(10) ? "yes" : "no")}")
         .Line($"OS={client.Os}")
         .Line("InventoryConfigurationPath=invencfg.box")
         .Line("ConfigurationRequestPath=ccr.box")
         .Line("ISVMIFCollectionPoint=isvmif.box")
         .Line("InvAgtServiceWakeupInterval=1440")
         .Line($"InvAgtFalseLogonCount={rng.Next(0, 4)}")
         .Line($"CompanyName={rng.Pick(Companies)}")
         .Line("NetworkType=2")
         .Line()
         .Line("[Local]")
         .Line("SetupPhase=installed")
         .Line("LanguageCode=00000409")
         .Line($"MachineName={client.Machine}")
         .Line($"NetCardID={rng.NextUInt64() & 0xFFFFFFFFFFFFUL:X12}")
         .Line()
         .Line("[SMSLSIni]")
         .Line($"ValidatingServer=\\\\{site.Domains[0].Controllers[0].ToLowerInvariant()}")
         .Line($"FileName=\\\\{site.Domains[0].Controllers[0]}\\NETLOGON\\smsls.ini")
         .Line($"FileTime={rng.NextUInt64() & 0xFFFFFFFFUL:x8}")
         .Line("SectionMatch=WIN.INI")
         .Line($"KeyMatch={domain}")
         .Line($"Domain={domain}")
         .Line()
         .Line("[LogonHistory]");
        var logons = rng.Next(2, 9);
        for (var i = 0; i < logons; i++)
        {
            w.Line($"Logon{i + 1}={Date(rng)} {rng.Next(7, 19):00}:{rng.Next(60):00}");
        }

        return w.ToString();
    }

    // ---- SMS 2.0 clients ---------------------------------------------------------------------------

    public static string Smscfg(Rng rng, Client client)
    {
        var site = client.Site;
        var guid = $"{rng.NextUInt64() & 0xFFFFFFFF:X8}-{rng.Next(0x10000):X4}-{rng.Next(0x10000):X4}-{rng.Next(0x10000):X4}-{rng.NextUInt64() & 0xFFFFFFFFFFFFUL:X12}";
        var w = new CrLfText()
            .Line("[Configuration - Client Properties]")
            .Line($"SMS Unique Identifier=GUID:{guid}")
            .Line($"Client Version={ComponentVersion(site, "base")}")
            .Line($"Site Code={site.Code}")
            .Line($"Installation Date={Date(rng)}")
            .Line($"Installation Method={(rng.Percent(70) ? "Logon" : "Manual")}")
            .Line()
            .Line("[SMS MultiBoot Configuration]")
            .Line("Number of Opal Installations = 1")
            .Line()
            .Line("[Site Assignment]")
            .Line($"Assigned Sites={site.Code}")
            .Line($"Last Assignment Evaluation={Date(rng)}")
            .Line()
            .Line("[Client Access Points]");
        for (var i = 0; i < site.CapMachines.Count; i++)
        {
            w.Line($"CAP{i + 1}=\\\\{site.CapMachines[i]}\\CAP_{site.Code}");
        }

        w.Line().Line("[Installed Components]");
        foreach (var c in Components)
        {
            if (c != "wbem" && (c == "base" || rng.Percent(80)))
            {
                w.Line($"{c}={ComponentVersion(site, c)}");
            }
        }

        return w.ToString();
    }

    /// <summary>MS\SMS\Core\Data\temp.tcf: an INI-style file the scan does not read.</summary>
    public static string TempTcf(Rng rng, Client client) => new CrLfText()
        .Line("[SMS Client Base Components]")
        .Line($"Client Version={ComponentVersion(client.Site, "base")}")
        .Line($"Logon Point=\\\\{client.Site.Domains[0].Controllers[rng.Next(client.Site.Domains[0].Controllers.Count)]}\\SMSLOGON")
        .Line($"Site Code={client.Site.Code}")
        .ToString();
}

namespace SmsLint.Bench.Generator;

/// <summary>Size and shape of the synthetic snapshot. Null knobs are derived from <see cref="Files"/>.</summary>
public sealed record GeneratorOptions
{
    public ulong Seed { get; init; } = 1;

    /// <summary>Approximate number of files; clients are added until it is reached. Ignored when <see cref="Clients"/> is set.</summary>
    public int Files { get; init; } = 100_000;

    public int? Sites { get; init; }

    public int? Domains { get; init; }

    public int? DomainControllers { get; init; }

    /// <summary>Exact number of clients (1.2 and 2.0 together).</summary>
    public int? Clients { get; init; }

    /// <summary>Share of clients that are SMS 1.2 clients (when 1.2 sites exist).</summary>
    public int Sms12ClientPercent { get; init; } = 45;

    /// <summary>
    /// No duplicated content: every text file that carries no injected defect ends with a comment
    /// naming its own path, so no two files have the same bytes and the scan's content cache
    /// cannot share a parse (the "unique" shape of bench/run.sh).
    /// </summary>
    public bool Unique { get; init; }

    /// <summary>
    /// Share (0-100) of the SMS 1.2 clients' Sms.ini files whose CopyListVersion is behind their
    /// logon server's copy list (SMS4001), instead of the table's 25 per 100,000 files: the
    /// "many findings" shape of bench/run.sh.
    /// </summary>
    public int? StaleClientPercent { get; init; }
}

/// <summary>One file of the plan: its path (forward slashes) and how its bytes are made.</summary>
public sealed class PlannedFile
{
    public required string Path { get; init; }

    /// <summary>The injection slot (see <see cref="Slots"/>), or null.</summary>
    public string? Slot { get; init; }

    /// <summary>Text content (CRLF, written as Windows-1252), from the file's own random stream.</summary>
    public Func<Rng, string>? Text { get; init; }

    /// <summary>Binary content (PE fixtures, placeholders, opaque data).</summary>
    public Func<Rng, byte[]>? Bytes { get; init; }

    public Injection? Injection { get; internal set; }
}

/// <summary>A defect placed into one planned file.</summary>
public sealed record Injection(Defect Defect, PlannedFile File, DefectResult Result);

/// <summary>The full plan of a snapshot: topology, files and injected defects. Nothing is written yet.</summary>
public sealed class SnapshotPlan
{
    internal SnapshotPlan(GeneratorOptions options, Topology topology, List<PlannedFile> files, List<Injection> injections)
    {
        Options = options;
        Topology = topology;
        Files = files;
        Injections = injections;
    }

    public GeneratorOptions Options { get; }

    public Topology Topology { get; }

    public IReadOnlyList<PlannedFile> Files { get; }

    public IReadOnlyList<Injection> Injections { get; }

    /// <summary>Findings each rule of the injection table must report (every rule of the table is listed, zero included).</summary>
    public SortedDictionary<string, int> ExpectedFindings
    {
        get
        {
            var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var d in Defects.Table)
            {
                counts.TryAdd(d.RuleId, 0);
            }

            foreach (var i in Injections)
            {
                counts[i.Defect.RuleId] += i.Defect.FindingsEach;
            }

            return counts;
        }
    }

    /// <summary>The bytes of one file, defect included. Deterministic: depends on the seed and the path only.</summary>
    public byte[] Render(PlannedFile file)
    {
        if (file.Injection is { } injection)
        {
            return injection.Result.Content;
        }

        var rng = Rng.For(Options.Seed, file.Path);
        if (file.Text is not { } text)
        {
            return file.Bytes!(rng);
        }

        var rendered = text(rng);
        if (Options.Unique)
        {
            var marker = file.Path.EndsWith(".bat", StringComparison.OrdinalIgnoreCase) ? "REM" : ";";
            rendered = $"{rendered}{(rendered.Length == 0 || rendered.EndsWith('\n') ? "" : "\r\n")}{marker} unique {file.Path}\r\n";
        }

        return Cp1252.GetBytes(rendered);
    }

    internal string RenderText(PlannedFile file) => file.Text!(Rng.For(Options.Seed, file.Path));
}

/// <summary>Turns options into a <see cref="SnapshotPlan"/>: the machines, shares and files of contract §1.</summary>
public static class SnapshotPlanner
{
    public static SnapshotPlan Plan(GeneratorOptions options)
    {
        var seed = options.Seed;
        var rng = Rng.For(seed, "topology");
        var sites = options.Sites ?? Math.Clamp(options.Files / 1000, 3, 200);
        var domains = Math.Min(options.Domains ?? Math.Clamp(((sites * 3) + 9) / 10, 2, 200), sites);
        var dcs = Math.Max(domains, options.DomainControllers ?? options.Files / 300);
        var topology = Topology.Build(rng, sites, domains, dcs);

        var files = new List<PlannedFile>();
        files.Add(new PlannedFile { Path = "hierarchy.ini", Text = _ => Content.HierarchyIni(topology, seed) });
        foreach (var domain in topology.Domains)
        {
            PlanDomain(files, rng, domain, seed);
        }

        foreach (var site in topology.Sites)
        {
            if (site.Is20)
            {
                PlanSiteServer(files, rng, site, seed);
                foreach (var cap in site.CapMachines)
                {
                    PlanCap(files, site, cap);
                }
            }
            else
            {
                foreach (var server in site.LogonServers)
                {
                    PlanLogonServer(files, site, server, seed);
                }
            }
        }

        PlanClients(files, topology, options, Rng.For(seed, "clients"));
        var injections = Inject(files, options);
        var plan = new SnapshotPlan(options, topology, files, injections);
        return plan;
    }

    private static void Text(List<PlannedFile> files, string path, Func<Rng, string> text, string? slot = null) =>
        files.Add(new PlannedFile { Path = path, Text = text, Slot = slot });

    private static void Bytes(List<PlannedFile> files, string path, Func<Rng, byte[]> bytes) =>
        files.Add(new PlannedFile { Path = path, Bytes = bytes });

    /// <summary>A PE fixture when one exists for the version, else a zero-byte placeholder.</summary>
    private static void Binary(List<PlannedFile> files, string path, string fileName, string? version) =>
        Bytes(files, path, _ => version is not null && Binaries.Find(fileName, version) is { } pe ? pe : []);

    private static void PlanDomain(List<PlannedFile> files, Rng rng, Domain domain, ulong seed)
    {
        var senior = domain.Senior;
        var sites20 = domain.Sites.Where(s => s.Is20).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var sites12 = domain.Sites.Where(s => !s.Is20).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        for (var k = 0; k < domain.Controllers.Count; k++)
        {
            var dc = domain.Controllers[k];
            var isPdc = k == 0;
            if (senior is not null)
            {
                PlanLogonPoint(files, rng, domain, dc, isPdc, senior, sites20, seed);
            }

            foreach (var share in isPdc && domain.ReplExport ? new[] { "NETLOGON", "REPL$" } : ["NETLOGON"])
            {
                var root = $"{dc}/{share}";
                if (sites12.Count > 0)
                {
                    var site12 = sites12[0];
                    Text(files, $"{root}/Smsls.bat", _ => Content.Smsls12(Rng.For(seed, $"script:{domain.Name}"), site12, domain.Name, senior is not null), Slots.LogonScript);
                    Text(files, $"{root}/Smsls.ini", _ => Content.SmslsIni(Rng.For(seed, $"smslsini:{domain.Name}"), domain, sites12));
                    foreach (var tool in new[] { "Netspeed.com", "Dosver.com", "Clrlevel.com", "Checkver.exe", "Check20.exe", "x86.bin/Setls32.exe", "x86.bin/Setls16.exe", "x86.bin/Nlsmsg32.exe", "x86.bin/00000409/Nls_ls.dll" })
                    {
                        Bytes(files, $"{root}/{tool}", _ => []);
                    }
                }
                else
                {
                    Text(files, $"{root}/Smsls.bat", _ => Content.Smsls20(seed), Slots.LogonScript);
                }

                if (senior is not null)
                {
                    foreach (var tool in new[] { "Snboot.exe", "Smsboot1.exe", "Slwnt16.exe", "Slwnt32.exe", "Slwnt32a.exe" })
                    {
                        Bytes(files, $"{root}/{tool}", _ => []);
                    }
                }
            }
        }
    }

    private static void PlanLogonPoint(List<PlannedFile> files, Rng rng, Domain domain, string dc, bool isPdc, Site senior, List<Site> sites20, ulong seed)
    {
        var root = $"{dc}/SMSLOGON";
        var copied = rng.Percent(75); // else every binary is a zero-byte placeholder

        // LSM writes the same Copylog.tcf on every logon point of the domain: its owners and
        // spelling come from the domain's own stream, not the DC's.
        var domainRng = Rng.For(seed, $"copylog:{domain.Name}");
        var upper = domainRng.Percent(30);
        var lines = new List<Content.CopyLogLine>();
        string Owner() => sites20.Count > 1 && domainRng.Percent(10) ? domainRng.Pick(sites20).Code : senior.Code;

        foreach (var rel in Content.LogonPointFiles)
        {
            var name = rel[(rel.LastIndexOf('\\') + 1)..];
            var onDisk = NameOnDisk(name);
            var folder = rel[..rel.LastIndexOf('\\')].Replace('\\', '/');
            Binary(files, $"{root}/{folder}/{onDisk}", onDisk, copied ? Binaries.LogonPointVersion(senior, onDisk, domainRng) : null);
            lines.Add(new(upper && domainRng.Percent(50) ? rel.ToUpperInvariant() : rel, Owner()));
        }

        foreach (var name in new[] { "NTLGDSCA.EXE", "BASEUTIL.DLL", "BASEOBJ.DLL", "SMSPERF.DLL", "MFC42.DLL", "MSVCRT.DLL" })
        {
            Binary(files, $"{root}/i386/{name}", "Baseobj.dll", copied && name == "BASEOBJ.DLL" && senior.Level is not (SiteLevel.Sp3 or SiteLevel.Sp4) ? Binaries.ServerVersion(senior, name) : null);
            lines.Add(new($"i386\\{name}", Owner()));
        }

        if (domain.Alpha)
        {
            foreach (var rel in new[] { "alpha.bin\\smsboot1.exe", "alpha.bin\\boot32wn.exe", "alpha.BIN\\CLICORE.EXE", "alpha.bin\\00000409\\SMSMan.exe", "alpha.bin\\Slwnt32.exe" })
            {
                Bytes(files, $"{root}/{rel.Replace('\\', '/')}", _ => []);
                lines.Add(new(rel, Owner()));
            }

            foreach (var name in new[] { "NTLGDSCA.EXE", "BASEUTIL.DLL", "BASEOBJ.DLL" })
            {
                Bytes(files, $"{root}/ALPHA/{name}", _ => []);
                lines.Add(new($"ALPHA\\{name}", Owner()));
            }
        }

        foreach (var site in sites20)
        {
            var code = site.Code;
            var sites = $"{root}/Sites/{code}";
            Bytes(files, $"{sites}/Cli_inst.cfg", r => Content.OpaqueData(r, 900, 2400));
            Bytes(files, $"{sites}/Netconf.ncf", r => Content.OpaqueData(r, 200, 900));
            Text(files, $"{sites}/Caplist.ini", _ => Content.CapList(site), Slots.LogonPointCaplist);
            Text(files, $"{sites}/Compver.ini", _ => Content.Compver(Content.ComponentVersion(site, "base")));
            Bytes(files, $"{root}/Sitescfg/{code}_cfg.lcf", r => Content.OpaqueData(r, 150, 700));
            lines.Add(new($"SITES\\{code}\\cli_inst.cfg", code));
            lines.Add(new($"SITES\\{code}\\NETCONF.NCF", code));
            lines.Add(new($"SITES\\{code}\\caplist.ini", code));
        }

        if (isPdc && domain.SeniorLst)
        {
            Text(files, $"{root}/Sitescfg/Senior.lst", _ => Content.SeniorLst(senior));
        }

        if (rng.Percent(20))
        {
            Bytes(files, $"{root}/Sitescfg/Nt_logon.tok", _ => []);
        }

        // LSM writes the shared lines first, then the site lines, in the order it checked them.
        var ordered = lines.Where(l => !l.Path.StartsWith("SITES", StringComparison.Ordinal)).Concat(lines.Where(l => l.Path.StartsWith("SITES", StringComparison.Ordinal))).ToList();
        Text(files, $"{root}/Config/Copylog.tcf", _ => Content.CopyLog(ordered), Slots.CopyLog);
    }

    /// <summary>How the capture spells a logon-point binary on disk.</summary>
    private static string NameOnDisk(string name) => name.ToLowerInvariant() switch
    {
        "clicore.exe" => "Clicore.exe",
        "boot32wn.exe" => "Boot32wn.exe",
        "smsboot1.exe" => "Smsboot1.exe",
        "smsman.exe" => "Smsman.exe",
        _ => name,
    };

    private static void PlanSiteServer(List<PlannedFile> files, Rng rng, Site site, ulong seed)
    {
        var root = $"{site.ServerMachine}/SMS_{site.Code}";
        var copied = rng.Percent(90) && site.Level is not (SiteLevel.Sp3 or SiteLevel.Sp4); // no SP3/SP4 server fixtures
        foreach (var name in new[] { "Nt_logon.dll", "Ntlg_rem.exe", "Ccm.dll", "Ccmbtldr.exe", "Baseobj.dll", "Smsexec.exe", "Sitecomp.exe" })
        {
            Binary(files, $"{root}/bin/i386/{name}", name, copied ? Binaries.ServerVersion(site, name) : null);
        }

        Binary(files, $"{root}/bin/i386/00000409/Smsman.exe", "Smsman.exe", copied && site.Build == 1493 ? "2.0.1493.2000" : null);
        Text(files, $"{root}/data/nt_logon/Smsls.bat", _ => Content.Smsls20(seed), Slots.LogonScript);
        Text(files, $"{root}/data/nt_logon/NT_Logon.pcf", Content.NtLogonPcf);
        foreach (var component in Content.Components)
        {
            var c = component;
            Text(files, $"{root}/inboxes/clicomp.src/{c}/Compver.ini", _ => Content.Compver(Content.ComponentVersion(site, c)));
        }

        Bytes(files, $"{root}/inboxes/clidata.src/cli_inst.cfg", r => Content.OpaqueData(r, 900, 2400));
        Text(files, $"{root}/inboxes/clidata.src/caplist.ini", _ => Content.CapList(site));
    }

    private static void PlanCap(List<PlannedFile> files, Site site, string machine)
    {
        var root = $"{machine}/CAP_{site.Code}";
        foreach (var component in Content.Components)
        {
            var c = component;
            Text(files, $"{root}/clicomp.box/{c}/Compver.ini", _ => Content.Compver(Content.ComponentVersion(site, c)), c == "base" ? null : Slots.CapCompver);
        }

        Bytes(files, $"{root}/clidata.box/Cli_inst.cfg", r => Content.OpaqueData(r, 900, 2400));
        Bytes(files, $"{root}/clidata.box/Clibase.cfg", r => Content.OpaqueData(r, 400, 1200));
        Text(files, $"{root}/clidata.box/Caplist.ini", _ => Content.CapList(site));
    }

    private static void PlanLogonServer(List<PlannedFile> files, Site site, string server, ulong seed)
    {
        var root = $"{server}/SMS_SHR";
        Text(files, $"{root}/Domain.ini", r => Content.DomainIni(r, site, server, site.Domains[0]));
        foreach (var (os, name, _) in Content.CopyLists)
        {
            var o = os;
            Text(files, $"{root}/{name}", _ => Content.CopyList(seed, site, o));
        }

        foreach (var name in new[] { "cli_nt.exe", "invwin32.exe", "Initmain.exe", "Smsrun16.exe", "Smsrun32.exe", "Climonnt.exe" })
        {
            Bytes(files, $"{root}/x86.bin/{name}", _ => []);
        }
    }

    private static void PlanClients(List<PlannedFile> files, Topology topology, GeneratorOptions options, Rng rng)
    {
        var sites20 = topology.Sites20.ToList();
        var sites12 = topology.Sites12.ToList();
        var seed = options.Seed;
        var target = options.Clients;
        for (var n = 0; target is { } t ? n < t : files.Count < options.Files; n++)
        {
            var is12 = sites12.Count > 0 && (sites20.Count == 0 || rng.Percent(options.Sms12ClientPercent));
            var site = is12 ? rng.Pick(sites12) : rng.Pick(sites20);
            site.ClientCount++;
            var roll = rng.Next(100);
            var client = new Client
            {
                Machine = $"{site.Code}{(rng.Percent(20) ? 'L' : 'W')}{site.ClientCount:00000}",
                Site = site,
                LogonServer = is12 ? rng.Pick(site.LogonServers) : null,
                Os = is12 ? (roll < 65 ? 4 : roll < 90 ? 5 : roll < 95 ? 1 : 2) : 4,
                Number = site.ClientCount,
            };
            topology.Clients.Add(client);
            if (is12)
            {
                var c = client;
                Text(files, $"{c.Machine}/C$/SMS.INI", r => Content.ClientSmsIni(r, c), Slots.Client12SmsIni);
                Text(files, $"{c.Machine}/C$/MS/SMS/DATA/{Content.CopyListName(c.Os).ToUpperInvariant()}", _ => Content.CopyList(seed, c.Site, c.Os));
                if (rng.Percent(60))
                {
                    Text(files, $"{c.Machine}/C$/MS/SMS/BIN/Csdver.sms", _ => $"Service Pack {c.Site.Sms12ServicePack}\r\n");
                }
            }
            else
            {
                var c = client;
                Text(files, $"{c.Machine}/ADMIN$/Smscfg.ini", r => Content.Smscfg(r, c));
                if (rng.Percent(50))
                {
                    Text(files, $"{c.Machine}/ADMIN$/MS/SMS/Core/Data/temp.tcf", r => Content.TempTcf(r, c));
                }
            }
        }
    }

    /// <summary>Places each table row's defects on distinct files of its slot, chosen by the seed.</summary>
    private static List<Injection> Inject(List<PlannedFile> files, GeneratorOptions options)
    {
        var plan = new SnapshotPlan(options, new Topology(), files, []);
        var bySlot = files.Where(f => f.Slot is not null).GroupBy(f => f.Slot!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var injections = new List<Injection>();
        foreach (var defect in Defects.Table)
        {
            if (!bySlot.TryGetValue(defect.Slot, out var candidates))
            {
                continue;
            }

            var rng = Rng.For(options.Seed, $"defect:{defect.Name}");
            var free = candidates.Where(f => f.Injection is null).ToList();
            var wanted = defect.RuleId == "SMS4001" && options.StaleClientPercent is { } percent
                ? (int)((long)candidates.Count * Math.Clamp(percent, 0, 100) / 100)
                : Math.Max(1, (int)((long)defect.PerHundredThousandFiles * files.Count / 100_000));
            for (var i = 0; i < wanted && free.Count > 0; i++)
            {
                var index = rng.Next(free.Count);
                var file = free[index];
                free.RemoveAt(index);
                var result = defect.Apply(plan.RenderText(file), Rng.For(options.Seed, $"defect:{defect.Name}:{file.Path}"));
                var injection = new Injection(defect, file, result);
                file.Injection = injection;
                injections.Add(injection);
            }
        }

        injections.Sort((a, b) => string.CompareOrdinal(a.File.Path, b.File.Path));
        return injections;
    }
}

namespace SmsLint.Bench.Generator;

/// <summary>SMS release of a site: 1.2 (build 786) or a 2.0 service-pack level.</summary>
public enum SiteLevel
{
    Sms12,
    Rtm,
    Sp1,
    Sp2,
    Sp3,
    Sp4,
}

/// <summary>One SMS site of the synthetic hierarchy.</summary>
public sealed class Site
{
    public required string Code { get; init; }

    public required SiteLevel Level { get; init; }

    /// <summary>For 1.2 sites: the service pack (1–4), which shapes the logon script.</summary>
    public int Sms12ServicePack { get; init; }

    /// <summary>Parent site code (2.0 sites only); null for a central site.</summary>
    public string? Parent { get; set; }

    /// <summary>Q251070/Q249077 (Nt_logon.dll) applied.</summary>
    public bool NtLogonHotfix { get; init; }

    /// <summary>Q252718/Q252717 (Ccm.dll, Ccmbtldr.exe, Baseobj.dll) applied.</summary>
    public bool CcmHotfix { get; init; }

    /// <summary>Whether hierarchy.ini carries a Hotfixes key for the site (absent means "unknown").</summary>
    public bool HotfixesDeclared { get; init; }

    /// <summary>The machine of the site server (SMS_&lt;CODE&gt; for 2.0, SMS_SHR for 1.2).</summary>
    public required string ServerMachine { get; init; }

    /// <summary>CAP machines (2.0); the first may be the site server itself.</summary>
    public List<string> CapMachines { get; } = [];

    /// <summary>1.2 logon servers (machines with an SMS_SHR share).</summary>
    public List<string> LogonServers { get; } = [];

    /// <summary>1.2: the CopyListVersion (a time_t) Maintenance Manager wrote into every copy list.</summary>
    public long CopyListVersion { get; init; }

    public List<Domain> Domains { get; } = [];

    public int ClientCount { get; set; }

    public bool Is20 => Level != SiteLevel.Sms12;

    /// <summary>The SP digit of a 2.0 version (0 at release).</summary>
    public int SpDigit => Level switch
    {
        SiteLevel.Sp1 => 1,
        SiteLevel.Sp2 => 2,
        SiteLevel.Sp3 => 3,
        SiteLevel.Sp4 => 4,
        _ => 0,
    };

    public int Build => Level switch
    {
        SiteLevel.Sms12 => 786,
        SiteLevel.Rtm => 1239,
        SiteLevel.Sp1 => 1380,
        _ => 1493,
    };

    /// <summary>The site version as Compver.ini and hierarchy.ini spell it ("2.00.1493.2000").</summary>
    public string Version => Is20 ? $"2.00.{Build}.{SpDigit}000" : "1.2";

    /// <summary>Ordering for "senior": higher version, then lower site code (Q263395).</summary>
    public int Rank => (Build * 10) + SpDigit;

    public override string ToString() => Code;
}

/// <summary>An NT domain: its controllers and the sites that manage it.</summary>
public sealed class Domain
{
    public required string Name { get; init; }

    /// <summary>Domain controllers; the first is the PDC.</summary>
    public List<string> Controllers { get; } = [];

    public List<Site> Sites { get; } = [];

    public bool HasSms20 => Sites.Exists(s => s.Is20);

    public bool HasSms12 => Sites.Exists(s => !s.Is20);

    /// <summary>The 2.0 site that owns the shared logon-point files: highest version, then lowest code.</summary>
    public Site? Senior => Sites.Where(s => s.Is20).OrderByDescending(s => s.Rank).ThenBy(s => s.Code, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>An administrator created Sitescfg\Senior.lst on the PDC.</summary>
    public bool SeniorLst { get; set; }

    /// <summary>The PDC's REPL$ (export scripts) share was captured.</summary>
    public bool ReplExport { get; set; }

    /// <summary>The logon points also carry Alpha binaries.</summary>
    public bool Alpha { get; set; }

    public override string ToString() => Name;
}

/// <summary>A captured client machine.</summary>
public sealed class Client
{
    public required string Machine { get; init; }

    public required Site Site { get; init; }

    /// <summary>1.2 client: the logon server it last used.</summary>
    public string? LogonServer { get; init; }

    /// <summary>Sms.ini [SMS] OS: 1 DOS, 2 Win3.x, 4 NT, 5 Win95.</summary>
    public int Os { get; init; }

    public int Number { get; init; }

    public bool Is12 => !Site.Is20;
}

/// <summary>The whole synthetic hierarchy, before any file is planned.</summary>
public sealed class Topology
{
    public List<Site> Sites { get; } = [];

    public List<Domain> Domains { get; } = [];

    public List<Client> Clients { get; } = [];

    public IEnumerable<Site> Sites20 => Sites.Where(s => s.Is20);

    public IEnumerable<Site> Sites12 => Sites.Where(s => !s.Is20);

    private static readonly string[] DomainNames =
    [
        "CORP", "SALES", "MKTG", "FINANCE", "HR", "RESEARCH", "MFG", "LEGAL", "NAEAST", "NAWEST", "EUROPE", "ASIAPAC",
        "LATAM", "UKLON", "DEFRA", "FRPAR", "JPTYO", "AUSYD", "CATOR", "ITMIL", "ESMAD", "NLAMS", "SESTO", "CHZRH",
        "BRSAO", "MXMEX", "SGSIN", "HKHKG", "INBLR", "ZAJNB", "USCHI", "USDAL", "USATL", "USSEA", "USBOS", "USDEN",
        "PLANT1", "PLANT2", "LABS", "ENG", "SUPPORT", "FIELD", "RETAIL", "STORES", "BRANCH", "WAREHSE", "LOGIST", "PURCH",
    ];

    private static readonly string[] SiteCodes =
    [
        "NYC", "LON", "CHI", "PAR", "FRA", "TYO", "SYD", "TOR", "MIL", "MAD", "AMS", "STO", "ZRH", "SAO", "MEX", "SIN",
        "HKG", "BLR", "JNB", "DAL", "ATL", "SEA", "BOS", "DEN", "LAX", "SFO", "PHX", "MIA", "DET", "MSP", "STL", "PIT",
        "CLE", "CIN", "IND", "KCY", "OMA", "SLC", "POR", "SAN", "AUS", "HOU", "NOR", "RAL", "CLT", "BNA", "MEM", "BHM",
    ];

    /// <summary>Builds sites, domains and infrastructure; clients are added by the planner.</summary>
    public static Topology Build(Rng rng, int siteCount, int domainCount, int dcCount)
    {
        var t = new Topology();
        var codes = new List<string>(SiteCodes);
        for (var i = 0; codes.Count < siteCount; i++)
        {
            codes.Add($"{(char)('A' + (i / 100 % 26))}{i % 100:00}");
        }

        // About a fifth of the sites are still SMS 1.2 (at least one when there are three sites or more).
        var sms12 = siteCount >= 3 ? Math.Max(1, siteCount / 5) : 0;
        for (var i = 0; i < siteCount; i++)
        {
            var code = codes[i];
            SiteLevel level;
            if (i >= siteCount - sms12)
            {
                level = SiteLevel.Sms12;
            }
            else if (i == 0)
            {
                level = rng.Percent(50) ? SiteLevel.Sp2 : SiteLevel.Sp3; // the central site went first
            }
            else
            {
                var roll = rng.Next(100);
                level = roll < 15 ? SiteLevel.Rtm : roll < 45 ? SiteLevel.Sp1 : roll < 75 ? SiteLevel.Sp2 : roll < 90 ? SiteLevel.Sp3 : SiteLevel.Sp4;
            }

            var site = new Site
            {
                Code = code,
                Level = level,
                Sms12ServicePack = level == SiteLevel.Sms12 ? rng.Next(2, 5) : 0,
                NtLogonHotfix = level is SiteLevel.Rtm or SiteLevel.Sp1 && rng.Percent(60),
                CcmHotfix = level is SiteLevel.Rtm or SiteLevel.Sp1 && rng.Percent(55),
                HotfixesDeclared = rng.Percent(80),
                ServerMachine = $"{code}SMS01",
                CopyListVersion = level == SiteLevel.Sms12 ? 820_000_000L + rng.Next(0, 120_000_000) : 0,
            };

            if (site.Is20)
            {
                var caps = rng.Percent(40) ? 2 : 1;
                if (rng.Percent(50))
                {
                    site.CapMachines.Add(site.ServerMachine);
                }

                for (var c = site.CapMachines.Count; c < caps; c++)
                {
                    site.CapMachines.Add($"{code}CAP{c + 1:00}");
                }
            }
            else
            {
                site.LogonServers.Add(site.ServerMachine);
                var extra = rng.Next(1, 3);
                for (var l = 0; l < extra; l++)
                {
                    site.LogonServers.Add($"{code}LS{l + 1:00}");
                }
            }

            t.Sites.Add(site);
        }

        // Parents: each 2.0 site below the central one reports to an earlier 2.0 site.
        var twenty = t.Sites20.ToList();
        for (var i = 1; i < twenty.Count; i++)
        {
            twenty[i].Parent = twenty[rng.Next(Math.Min(i, 1 + (i / 4)))].Code;
        }

        for (var d = 0; d < domainCount; d++)
        {
            var name = d < DomainNames.Length ? DomainNames[d] : $"DOM{d:000}";
            t.Domains.Add(new Domain
            {
                Name = name,
                SeniorLst = rng.Percent(40),
                ReplExport = rng.Percent(50),
                Alpha = rng.Percent(30),
            });
        }

        // Every site manages one domain (round robin), a quarter of them a second one: shared logon points.
        for (var i = 0; i < t.Sites.Count; i++)
        {
            var site = t.Sites[i];
            var first = t.Domains[i % domainCount];
            Link(site, first);
            if (domainCount > 1 && rng.Percent(25))
            {
                Link(site, t.Domains[(i + 1 + rng.Next(domainCount - 1)) % domainCount]);
            }
        }

        // Domain controllers: at least one per domain, the rest spread at random.
        var perDomain = new int[domainCount];
        for (var i = 0; i < dcCount; i++)
        {
            perDomain[i < domainCount ? i : rng.Next(domainCount)]++;
        }

        for (var d = 0; d < domainCount; d++)
        {
            var domain = t.Domains[d];
            for (var k = 0; k < perDomain[d]; k++)
            {
                domain.Controllers.Add(k == 0 ? $"{domain.Name}PDC" : $"{domain.Name}BDC{k:00}");
            }
        }

        return t;
    }

    private static void Link(Site site, Domain domain)
    {
        if (!domain.Sites.Contains(site))
        {
            domain.Sites.Add(site);
            site.Domains.Add(domain);
        }
    }
}

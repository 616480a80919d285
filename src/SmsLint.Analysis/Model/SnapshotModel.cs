using SmsLint.Discover;
using SmsLint.Parsing.Ini;

namespace SmsLint.Model;

/// <summary>
/// The typed view of a snapshot that rules read: every file after parsing, grouped into the SMS
/// roles of contract §1, with the cross references resolved (a 1.2 client to its logon server).
/// </summary>
public sealed class SnapshotModel
{
    private readonly Dictionary<string, LoadedFile> _byPath = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The name of the scanned folder or zip (its last path segment), for messages about the root itself.</summary>
    public string RootName { get; init; } = string.Empty;

    public SnapshotModel(IReadOnlyList<LoadedFile> files)
        : this(files, null, null)
    {
    }

    /// <summary>
    /// A model of the same files under an upgrade plan (<see cref="RolloutOverlay"/>), or, with
    /// <paramref name="applied"/>, as the hierarchy would look once those upgrades are done.
    /// </summary>
    public SnapshotModel(IReadOnlyList<LoadedFile> files, RolloutOverlay? overlay, IReadOnlyDictionary<string, PlannedVersion>? applied)
    {
        Files = files;
        Overlay = overlay ?? RolloutOverlay.None;
        Applied = applied ?? new Dictionary<string, PlannedVersion>();
        var logonPoints = new SortedDictionary<string, LogonPoint>(StringComparer.OrdinalIgnoreCase);
        var logonServers = new SortedDictionary<string, LogonServer>(StringComparer.OrdinalIgnoreCase);
        var siteServers = new SortedDictionary<string, SiteServer>(StringComparer.OrdinalIgnoreCase);
        var caps = new SortedDictionary<string, CapShare>(StringComparer.OrdinalIgnoreCase);
        var scripts = new SortedDictionary<string, ScriptShare>(StringComparer.OrdinalIgnoreCase);
        var clients = new SortedDictionary<string, ClientMachine>(StringComparer.OrdinalIgnoreCase);
        LoadedFile? hierarchy = null;

        foreach (var file in files)
        {
            _byPath.TryAdd(file.Path, file);
            var f = file.File;
            var key = $"{f.Machine}/{f.Share}";
            switch (f.ShareKind)
            {
                case ShareKind.Root when f.Kind == FileKind.HierarchyIni:
                    hierarchy ??= file;
                    break;
                case ShareKind.Root when f.Kind == FileKind.CaptureManifest:
                    CaptureFile ??= file;
                    break;
                case ShareKind.SmsLogon:
                    AddLogonPointFile(Get(logonPoints, key, () => new LogonPoint(f.Machine, f.Share)), file);
                    break;
                case ShareKind.SmsShr:
                    Get(logonServers, key, () => new LogonServer(f.Machine, f.Share)).Add(file);
                    break;
                case ShareKind.SiteServer:
                    Get(siteServers, key, () => new SiteServer(f.Machine, f.Share, f.ShareSiteCode!)).Add(file);
                    break;
                case ShareKind.Cap:
                    Get(caps, key, () => new CapShare(f.Machine, f.Share, f.ShareSiteCode!)).Add(file);
                    break;
                case ShareKind.Netlogon or ShareKind.ReplExport:
                    Get(scripts, key, () => new ScriptShare(f.Machine, f.Share, f.ShareKind == ShareKind.ReplExport)).Add(file);
                    break;
                case ShareKind.ClientDrive or ShareKind.ClientAdmin:
                    AddClientFile(Get(clients, f.Machine, () => new ClientMachine(f.Machine)), file);
                    break;
            }
        }

        LogonPoints = [.. logonPoints.Values];
        LogonServers = [.. logonServers.Values];
        SiteServers = [.. siteServers.Values];
        Caps = [.. caps.Values];
        ScriptShares = [.. scripts.Values];
        Clients = [.. clients.Values.Where(c => c.SmsIniFile is not null || c.SmsCfgFile is not null || c.CopyLists.Count > 0)];
        Hierarchy = new HierarchyFacts(hierarchy);
        foreach (var client in Clients)
        {
            LinkLogonServer(client);
        }
    }

    public IReadOnlyList<LoadedFile> Files { get; }

    public IReadOnlyList<LogonPoint> LogonPoints { get; }

    public IReadOnlyList<LogonServer> LogonServers { get; }

    public IReadOnlyList<SiteServer> SiteServers { get; }

    public IReadOnlyList<CapShare> Caps { get; }

    public IReadOnlyList<ScriptShare> ScriptShares { get; }

    public IReadOnlyList<ClientMachine> Clients { get; }

    /// <summary>The SMS 1.2 clients whose Sms.ini was captured, with that Sms.ini, in client order.</summary>
    public IEnumerable<(ClientMachine Client, IniDocument Ini)> Sms12ClientsWithSmsIni()
    {
        foreach (var client in Clients)
        {
            if (client.IsSms12 && client.SmsIni is { } ini)
            {
                yield return (client, ini);
            }
        }
    }

    public HierarchyFacts Hierarchy { get; }

    /// <summary>capture.json at the root, when the snapshot has one (read or not).</summary>
    public LoadedFile? CaptureFile { get; }

    /// <summary>The capture manifest: file times, attributes and share outcomes; null without a readable capture.json.</summary>
    public SmsLint.Capture.CaptureManifest? Capture => CaptureFile?.As<SmsLint.Capture.CaptureManifest>();

    /// <summary>What capture.json records about a file (size, last-write time, attributes); null when unknown.</summary>
    public SmsLint.Capture.CaptureFile? CaptureFacts(LoadedFile file) => Capture?.File(file.Path);

    /// <summary>Sites and their version evidence, built on first use.</summary>
    public SiteIndex Sites => _sites ??= new SiteIndex(this);

    private SiteIndex? _sites;

    /// <summary>The upgrade plan the model is read under (<see cref="RolloutOverlay.None"/> for a scan).</summary>
    public RolloutOverlay Overlay { get; }

    /// <summary>Site code → the planned version already applied to its evidence (the "after" model of a plan).</summary>
    public IReadOnlyDictionary<string, PlannedVersion> Applied { get; }

    /// <summary>Each shared domain's phase and the overlay's upgrades, built once on first use.</summary>
    public RolloutModel Rollout => _rollout ??= new RolloutModel(this);

    private RolloutModel? _rollout;

    /// <summary>The same files read under <paramref name="overlay"/>.</summary>
    public SnapshotModel WithOverlay(RolloutOverlay overlay) => new(Files, overlay, null);

    /// <summary>
    /// The hierarchy as it would be once the overlay's upgrades are done: each upgraded site's
    /// version evidence (site server, CAPs, its logon-point folders) reads as the planned version,
    /// since a service pack upgrades a site's CAPs and logon points with it (Q237543).
    /// </summary>
    public SnapshotModel WithUpgradesApplied()
    {
        var applied = new Dictionary<string, PlannedVersion>(StringComparer.Ordinal);
        foreach (var u in Rollout.Upgrades)
        {
            applied[u.Code] = u.To;
        }

        return new SnapshotModel(Files, RolloutOverlay.None with { Planning = Overlay.Planning }, applied);
    }

    /// <summary>
    /// The NT domains a logon point serves, from hierarchy.ini ([Domain X] PDC/Controllers). Empty
    /// when hierarchy.ini does not say; then the logon point stands alone.
    /// </summary>
    public IReadOnlyList<DeclaredDomain> DomainsOf(LogonPoint lp) => [.. Hierarchy.DomainsOf(lp.Machine)];

    /// <summary>Logon points of the same domain (the PDC first), per hierarchy.ini.</summary>
    public IReadOnlyList<LogonPoint> LogonPointsOf(DeclaredDomain domain)
    {
        var list = LogonPoints.Where(lp => Hierarchy.DomainsOf(lp.Machine).Contains(domain)).ToList();
        var pdc = domain.Pdc?.Value.Text;
        return [.. list.OrderBy(lp => pdc is not null && lp.Machine.Equals(pdc, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(lp => lp.Machine, StringComparer.OrdinalIgnoreCase)];
    }

    public LoadedFile? FindFile(string path) => _byPath.GetValueOrDefault(path);

    public IEnumerable<LoadedFile> OfKind(FileKind kind) => Files.Where(f => f.Kind == kind);

    private static T Get<T>(SortedDictionary<string, T> map, string key, Func<T> create)
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = create();
            map.Add(key, value);
        }

        return value;
    }

    private static void AddLogonPointFile(LogonPoint lp, LoadedFile file)
    {
        lp.Add(file);
        var segments = file.File.Segments;
        if (segments.Length > 1)
        {
            lp.TopFolders.Add(segments[0]);
        }

        if (segments.Length >= 3 && segments[0].Equals("Sites", StringComparison.OrdinalIgnoreCase))
        {
            var code = segments[1].ToUpperInvariant();
            if (!lp.SiteFolders.TryGetValue(code, out var list))
            {
                list = [];
                lp.SiteFolders.Add(code, list);
            }

            list.Add(file);
        }

        if (segments.Length == 2 && segments[0].Equals("Sitescfg", StringComparison.OrdinalIgnoreCase) && file.Kind == FileKind.Lcf)
        {
            var code = segments[1][..^"_cfg.lcf".Length].ToUpperInvariant();
            lp.Lcfs.TryAdd(code, file);
        }
    }

    private static void AddClientFile(ClientMachine client, LoadedFile file)
    {
        var name = file.File.FileName;
        switch (file.Kind)
        {
            case FileKind.ClientSmsIni when name.Equals("Sms1x.ini", StringComparison.OrdinalIgnoreCase):
                client.Sms1xIniFile ??= file;
                break;
            case FileKind.ClientSmsIni:
                // The client ini lives at the root of the first local drive; prefer that copy.
                if (client.SmsIniFile is null || (file.File.Segments.Length == 1 && client.SmsIniFile.File.Segments.Length > 1))
                {
                    client.SmsIniFile = file;
                }

                break;
            case FileKind.SmsCfgIni:
                client.SmsCfgFile ??= file;
                break;
            case FileKind.CopyList:
                client.CopyLists.Add(file);
                break;
        }
    }

    /// <summary>
    /// Links a 1.x client to its logon server: <c>[SMS] LastLogonServerPath=\\SRV\SMS_SHR</c>, else
    /// <c>[Servers] CurrentLogonServer</c> with the share from <c>[Share] CurrentLogonServer</c>.
    /// </summary>
    private void LinkLogonServer(ClientMachine client)
    {
        var ini = client.SmsIni;
        if (ini is null)
        {
            return;
        }

        var last = ini.Get("SMS", "LastLogonServerPath");
        if (last is not null && TryParseUnc(last.Value.Text, out var server, out var share))
        {
            client.LogonServer = FindLogonServer(server, share);
            client.LogonServerEntry = last;
            if (client.LogonServer is not null)
            {
                return;
            }
        }

        var current = ini.Get("Servers", "CurrentLogonServer");
        if (current is not null && current.Value.Text.Length > 0)
        {
            var shareName = ini.Get("Share", "CurrentLogonServer")?.Value.Text;
            var found = FindLogonServer(current.Value.Text.TrimStart('\\'), string.IsNullOrEmpty(shareName) ? "SMS_SHR" : shareName);
            if (found is not null || client.LogonServerEntry is null)
            {
                client.LogonServer = found;
                client.LogonServerEntry = current;
            }
        }
    }

    private LogonServer? FindLogonServer(string machine, string share) =>
        LogonServers.FirstOrDefault(s => s.Machine.Equals(machine, StringComparison.OrdinalIgnoreCase) && s.Share.Equals(share, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses <c>\\SERVER\SHARE[\...]</c>.</summary>
    public static bool TryParseUnc(string text, out string server, out string share)
    {
        server = share = string.Empty;
        var t = text.Trim().Replace('/', '\\');
        if (!t.StartsWith(@"\\", StringComparison.Ordinal))
        {
            return false;
        }

        var parts = t[2..].Split('\\', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            return false;
        }

        server = parts[0];
        share = parts[1];
        return true;
    }

    /// <summary>Every INI-dialect document of a kind, with its file.</summary>
    public IEnumerable<(LoadedFile File, IniDocument Doc)> Inis(FileKind kind) =>
        OfKind(kind).Select(f => (f, f.As<IniDocument>())).Where(p => p.Item2 is not null).Select(p => (p.f, p.Item2!));
}

using SmsLint.Parsing.Ini;

namespace SmsLint.Model;

/// <summary>How SmsLint decided which SMS 1.x site a logon server belongs to.</summary>
public enum LogonServerSiteSource
{
    /// <summary><c>[SMS] SiteCode</c> in the server's own Domain.ini (SMS_SHR\Domain.ini).</summary>
    DomainIni,

    /// <summary>Every captured 1.2 client that last ran client setup from the server reports the same <c>[SMS] SiteCode</c>.</summary>
    Clients,
}

/// <summary>The site of one 1.x logon server, with the entry that shows it.</summary>
public sealed record LogonServerSite(LogonServer Server, string Code, LogonServerSiteSource Source, LoadedFile File, IniEntry Entry)
{
    public string Describe() => Source == LogonServerSiteSource.DomainIni
        ? $"Domain.ini on '{Server.Machine}' names site '{Code}'"
        : $"the clients of '{Server.Machine}' report site '{Code}'";
}

/// <summary>
/// SMS 1.x site facts read from the 1.2 side of a snapshot: which site each SMS_SHR logon server
/// serves, which logon servers and site codes the snapshot knows. Domain.ini is the template of
/// every client's Sms.ini (SMS 1.2 Resource Guide, SMS.INI; Q279752 says it holds the site and
/// domain), so its <c>[SMS] SiteCode</c> is read first; the key name is inferred from Sms.ini.
/// </summary>
public static class Sms12Sites
{
    /// <summary>
    /// The site a logon server belongs to: Domain.ini <c>[SMS] SiteCode</c> when it is a site code;
    /// otherwise the one <c>[SMS] SiteCode</c> every linked 1.2 client reports; otherwise null.
    /// </summary>
    public static LogonServerSite? SiteOf(SnapshotModel model, LogonServer server) =>
        SiteOf(server, model.Clients.Where(c => ReferenceEquals(c.LogonServer, server)));

    /// <summary>Every captured logon server whose site is known, in model order.</summary>
    public static IReadOnlyList<LogonServerSite> LogonServerSites(SnapshotModel model)
    {
        var clientsByServer = model.Clients
            .Where(c => c.IsSms12 && c.LogonServer is not null)
            .ToLookup(c => c.LogonServer!);
        return [.. model.LogonServers.Select(s => SiteOf(s, clientsByServer[s])).OfType<LogonServerSite>()];
    }

    private static LogonServerSite? SiteOf(LogonServer server, IEnumerable<ClientMachine> linkedClients)
    {
        if (server.DomainIni?.Get("SMS", "SiteCode") is { } declared && SiteIndex.IsSiteCode(declared.Value.Text))
        {
            return new LogonServerSite(server, declared.Value.Text.ToUpperInvariant(), LogonServerSiteSource.DomainIni, server.DomainIniFile!, declared);
        }

        LogonServerSite? found = null;
        foreach (var client in linkedClients)
        {
            if (!client.IsSms12 || client.SmsIni?.Get("SMS", "SiteCode") is not { } entry || !SiteIndex.IsSiteCode(entry.Value.Text))
            {
                continue;
            }

            var code = entry.Value.Text.ToUpperInvariant();
            if (found is null)
            {
                found = new LogonServerSite(server, code, LogonServerSiteSource.Clients, client.SmsIniFile!, entry);
            }
            else if (!found.Code.Equals(code, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return found;
    }

    /// <summary>
    /// Machine names known to be SMS 1.x logon servers: every captured SMS_SHR share and every
    /// <c>[Servers] Server&lt;n&gt;</c> / <c>CurrentLogonServer</c> of a captured Domain.ini (upper case).
    /// </summary>
    public static SortedSet<string> KnownLogonServers(SnapshotModel model)
    {
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var server in model.LogonServers)
        {
            set.Add(server.Machine.ToUpperInvariant());
            if (server.DomainIni?.Section("Servers") is not { } section)
            {
                continue;
            }

            foreach (var entry in section.Entries)
            {
                if (IsServerKey(entry.Key.Text) && ServerName(entry.Value.Text) is { } name)
                {
                    set.Add(name);
                }
            }
        }

        return set;
    }

    /// <summary>
    /// Site codes the snapshot knows: hierarchy.ini sites, SMS 2.0 site evidence, Domain.ini
    /// <c>[SMS] SiteCode</c> and the <c>[SMS] SiteCode</c> captured 1.2 clients report (upper case).
    /// </summary>
    public static SortedSet<string> KnownSiteCodes(SnapshotModel model)
    {
        var set = new SortedSet<string>(model.Sites.All.Select(s => s.Code), StringComparer.Ordinal);
        foreach (var site in LogonServerSites(model))
        {
            set.Add(site.Code);
        }

        foreach (var client in model.Clients)
        {
            if (client.IsSms12 && client.SmsIni?.Get("SMS", "SiteCode") is { } entry && SiteIndex.IsSiteCode(entry.Value.Text))
            {
                set.Add(entry.Value.Text.ToUpperInvariant());
            }
        }

        return set;
    }

    /// <summary><c>Server1</c>, <c>Server12</c>, <c>CurrentLogonServer</c>.</summary>
    public static bool IsServerKey(string key) =>
        key.Equals("CurrentLogonServer", StringComparison.OrdinalIgnoreCase)
        || (key.Length > "Server".Length && key.StartsWith("Server", StringComparison.OrdinalIgnoreCase) && key["Server".Length..].All(char.IsAsciiDigit));

    /// <summary>"SRV12", "\\SRV12" or "\\SRV12\SMS_SHR" → "SRV12"; null when blank.</summary>
    public static string? ServerName(string value)
    {
        var t = value.Trim().Replace('/', '\\').TrimStart('\\');
        var end = t.IndexOf('\\', StringComparison.Ordinal);
        if (end >= 0)
        {
            t = t[..end];
        }

        return t.Length == 0 ? null : t.ToUpperInvariant();
    }

    /// <summary>A blank value: the key is there but nothing follows the '='.</summary>
    public static bool IsBlank(IniEntry entry) => entry.Value.Text.Trim().Length == 0;
}

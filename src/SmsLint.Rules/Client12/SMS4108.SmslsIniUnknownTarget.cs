using SmsLint.Discover;
using SmsLint.Parsing.Ini;

namespace SmsLint.Rules.Client12;

/// <summary>An Smsls.ini mapping names a site or a logon server the snapshot does not know (Q156540).</summary>
public sealed class SmslsIniUnknownTarget() : Rule(new() { Id = "SMS4108", Title = "Smsls.ini maps clients to an unknown site or logon server", Level = Level.Warning, Kb = ["Q156540"], Tags = [RuleTag.CopyList, RuleTag.LogonScript, RuleTag.Sms12Client], Precision = Precision.Medium })
{
    public override void Check(RuleContext context)
    {
        var model = context.Model;
        var files = model.Inis(FileKind.SmslsIni).ToList();
        if (files.Count == 0 || model.LogonServers.Count == 0)
        {
            // Nothing of the 1.2 side was captured: no logon server to compare with.
            return;
        }

        var servers = Sms12Sites.KnownLogonServers(model);
        var serverSites = Sms12Sites.LogonServerSites(model);
        // Site codes are judged only when the snapshot shows which site at least one logon server serves.
        var sites = serverSites.Count > 0 ? Sms12Sites.KnownSiteCodes(model) : null;
        foreach (var (file, doc) in files)
        {
            foreach (var section in doc.Sections)
            {
                if (section.Name.Trim().Equals("WIN.INI", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var entry in section.Entries)
                {
                    var value = entry.Value.Text.Trim();
                    if (value.StartsWith(@"\\", StringComparison.Ordinal) || value.StartsWith("//", StringComparison.Ordinal))
                    {
                        CheckServer(context, file, section, entry, servers);
                    }
                    else if (sites is not null && value.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
                    {
                        CheckSite(context, file, section, entry, value[..colon].Trim(), value[(colon + 1)..].Trim(), sites, serverSites);
                    }
                }
            }
        }
    }

    private static void CheckServer(RuleContext context, LoadedFile file, IniSection section, IniEntry entry, SortedSet<string> known)
    {
        if (Sms12Sites.ServerName(entry.Value.Text) is not { } server || known.Contains(server))
        {
            return;
        }

        var related = context.Model.LogonServers
            .Where(s => s.DomainIni?.Section("Servers") is not null)
            .Select(s => Evidence.At(s.DomainIniFile!, s.DomainIni!.Section("Servers")!.Headers[0].Span, $"Domain.ini on '{s.Machine}' lists the logon servers of its domain."))
            .ToList();
        context.Report(
            $"Smsls.ini maps clients to an unknown target: '{entry.Key.Text}' in [{section.Name}] on '{file.File.Machine}/{file.File.Share}' goes to '{entry.Value.Text}', which is no known logon server ({List(known)}).",
            Evidence.At(file, entry.Value),
            $"{file.File.Machine.ToUpperInvariant()}/{file.File.Share.ToUpperInvariant()}:{section.Name.ToUpperInvariant()}:{entry.Key.Text.ToUpperInvariant()}:server",
            related,
            help: $"Point the entry at one of the site's logon servers, or remove it: SETLS takes the first mapping that yields a server, so the matching clients are sent to '{server}', where client setup and inventory do not run for them.");
    }

    private static void CheckSite(
        RuleContext context, LoadedFile file, IniSection section, IniEntry entry, string domain, string site, SortedSet<string> known, IReadOnlyList<LogonServerSite> evidence)
    {
        if (site.Length > 0 && known.Contains(site.ToUpperInvariant()))
        {
            return;
        }

        var related = evidence.Select(s => Evidence.At(s.File, s.Entry.Span, $"A known site: {s.Describe()}.")).ToList();
        context.Report(
            $"Smsls.ini maps clients to an unknown target: '{entry.Key.Text}' in [{section.Name}] on '{file.File.Machine}/{file.File.Share}' goes to site '{site}' of domain '{domain}', which is no known site ({List(known)}).",
            Evidence.At(file, entry.Value),
            $"{file.File.Machine.ToUpperInvariant()}/{file.File.Share.ToUpperInvariant()}:{section.Name.ToUpperInvariant()}:{entry.Key.Text.ToUpperInvariant()}:site",
            related,
            help: "Correct the site code (DOMAIN:SITE), or remove the entry: SETLS finds no logon server of that site for the matching clients, so they are not installed or inventoried where intended.");

    }

    private static string List(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}

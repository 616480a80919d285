using SmsLint.Parsing.Ini;

namespace SmsLint.Rules.Client12;

/// <summary>A 1.2 client's Sms.ini has a blank SiteCode, Domain, CurrentLogonServer or Server1 (Q279752).</summary>
public sealed class ClientSiteEntriesBlank() : Rule(new() { Id = "SMS4104", Title = "A 1.2 client's Sms.ini has blank site, domain or logon server entries", Level = Level.Warning, Kb = ["Q279752"], Tags = [RuleTag.CopyList, RuleTag.Sms12Client], Precision = Precision.High })
{
    private static readonly (string Section, string Key)[] Checked =
        [("SMS", "SiteCode"), ("Servers", "Domain"), ("Servers", "CurrentLogonServer"), ("Servers", "Server1")];

    public override void Check(RuleContext context)
    {
        foreach (var (client, ini) in context.Model.Sms12ClientsWithSmsIni())
        {
            // Only entries that are present and empty: a key that is absent altogether may simply not have been captured.
            var blank = new List<(string Section, IniEntry Entry)>();
            foreach (var (section, key) in Checked)
            {
                if (ini.Get(section, key) is { } entry && Sms12Sites.IsBlank(entry))
                {
                    blank.Add((section, entry));
                }
            }

            if (blank.Count == 0)
            {
                continue;
            }

            blank.Sort((a, b) => a.Entry.Span.Start.CompareTo(b.Entry.Span.Start));

            var file = client.SmsIniFile!;
            var names = string.Join(", ", blank.Select(b => $"'[{b.Section}] {b.Entry.Key.Text}'"));
            var related = blank.Skip(1).Select(b => Evidence.At(file, b.Entry.Span, $"'[{b.Section}] {b.Entry.Key.Text}' is blank too.")).ToList();
            if (client.LogonServer?.DomainIniFile is { } domainIni)
            {
                related.Add(Evidence.Start(domainIni, $"Domain.ini on the client's logon server '{client.LogonServer.Machine}', the template client setup fills Sms.ini from."));
            }

            var smsNew = context.Model.FindFile(SiblingPath(file.Path, "Sms.new"));
            if (smsNew is not null)
            {
                related.Add(Evidence.Start(smsNew, "Sms.new beside Sms.ini, written by client setup."));
            }

            context.Report(
                $"Client site entries are blank in Sms.ini: '{client.Machine}' has {names} empty.",
                Evidence.At(file, blank[0].Entry.Span),
                $"{client.Machine.ToUpperInvariant()}:blank-site-entries",
                related,
                help: $"When the site is a secondary site created with SMS 1.2 SP3 or SP4, restart the SMS_INVENTORY_AGENT_NT service on the secondary site server (or run Upgrade.bat there from a drive mapped to a logon server); then run the SMS logon script on '{client.Machine}' so client setup fills the entries from Domain.ini, which audit packages and the client components' site and domain checks need.");

        }
    }

    private static string SiblingPath(string path, string name)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? name : path[..(slash + 1)] + name;
    }
}

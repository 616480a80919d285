namespace SmsLint.Rules.Client12;

/// <summary>A 1.2 client's SMS Unique ID was allocated by another site than the SiteCode it reports to (Q121386).</summary>
public sealed class SiteCodeUniqueIdMismatch() : Rule(new() { Id = "SMS4103", Title = "A 1.2 client's SMS Unique ID does not start with its SiteCode", Level = Level.Note, Kb = ["Q121386"], Tags = [RuleTag.CopyList, RuleTag.Sms12Client], Precision = Precision.Medium })
{
    public override void Check(RuleContext context)
    {
        foreach (var (client, ini) in context.Model.Sms12ClientsWithSmsIni())
        {
            var siteCode = ini.Get("SMS", "SiteCode");
            var uniqueId = ini.Get("SMS", "SMS Unique ID");
            if (siteCode is null || uniqueId is null)
            {
                continue;
            }

            var site = siteCode.Value.Text.Trim();
            var id = uniqueId.Value.Text.Trim();
            // Blank entries are SMS4104's; an id too short to carry a site code is not judged.
            if (site.Length == 0 || id.Length < 3 || id[..3].Equals(site, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var prefix = id[..3];
            context.Report(
                $"Client reports to another site than the one that allocated its ID: '{client.Machine}' has SMS Unique ID '{id}' of site '{prefix.ToUpperInvariant()}' and reports to '{site}'.",
                Evidence.At(client.SmsIniFile!, uniqueId.Value),
                $"{client.Machine.ToUpperInvariant()}:unique-id-site",
                [Evidence.At(client.SmsIniFile!, siteCode.Value, $"The client reports to site '{site}'.")],
                help: $"The client was moved between sites, typically after logging on through another site's logon server more often than InvAgtFalseLogonCount allows, or its Sms.ini was copied from another machine: if '{site}' should not own '{client.Machine}', map the client to its site in Smsls.ini (DOMAIN:SITE or \\\\SERVER) and turn off automatic logon-server detection for sites that share the domain.");

        }
    }
}

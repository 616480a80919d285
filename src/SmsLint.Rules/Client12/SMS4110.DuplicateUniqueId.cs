using SmsLint.Parsing.Ini;

namespace SmsLint.Rules.Client12;

/// <summary>Several captured SMS 1.2 clients carry the same SMS Unique ID (sms-domain.md §5 item 24; Q254735).</summary>
public sealed class DuplicateUniqueId() : Rule(new() { Id = "SMS4110", Title = "Several 1.2 clients share one SMS Unique ID", Level = Level.Warning, Kb = ["Q254735", "Q257808"], Tags = [RuleTag.CopyList, RuleTag.Sms12Client, RuleTag.DuplicateId], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        var byId = new SortedDictionary<string, List<(ClientMachine Client, IniEntry Entry)>>(StringComparer.Ordinal);
        foreach (var client in context.Model.Clients)
        {
            if (!client.IsSms12 || client.SmsIni?.Get("SMS", "SMS Unique ID") is not { } entry || entry.Value.Text.Trim().Length == 0)
            {
                continue;
            }

            var key = entry.Value.Text.Trim().ToUpperInvariant();
            if (!byId.TryGetValue(key, out var list))
            {
                list = [];
                byId.Add(key, list);
            }

            list.Add((client, entry));
        }

        foreach (var (id, holders) in byId)
        {
            if (holders.Count < 2)
            {
                continue;
            }

            foreach (var (client, entry) in holders)
            {
                var others = holders.Where(h => !ReferenceEquals(h.Client, client)).ToList();
                context.Report(
                    $"Clients share one SMS Unique ID: '{client.Machine}' has '{entry.Value.Text}', as {string.Join(", ", others.Select(o => $"'{o.Client.Machine}'"))} do.",
                    Evidence.At(client.SmsIniFile!, entry.Value),
                    $"{client.Machine.ToUpperInvariant()}:unique-id:{id}",
                    others.Select(o => Evidence.At(o.Client.SmsIniFile!, o.Entry.Value, $"'{o.Client.Machine}' has the same SMS Unique ID.")),
                    help: "Keep the ID on one machine; on the others remove the SMS client, delete Sms.ini and run the SMS logon script so client setup allocates a new ID, or their inventories stay mixed up and packages can reach the wrong computer.");

            }
        }
    }
}

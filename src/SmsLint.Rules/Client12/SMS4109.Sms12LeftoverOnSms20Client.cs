namespace SmsLint.Rules.Client12;

/// <summary>An SMS 2.0 client (Smscfg.ini) still carries an SMS 1.x Sms.ini or Sms1x.ini (Q254735, Q257808).</summary>
public sealed class Sms12LeftoverOnSms20Client() : Rule(new() { Id = "SMS4109", Title = "An SMS 2.0 client still carries an SMS 1.x Sms.ini or Sms1x.ini", Level = Level.Note, Kb = ["Q254735", "Q257808"], Tags = [RuleTag.CopyList, RuleTag.Sms12Client, RuleTag.DuplicateId], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        foreach (var client in context.Model.Clients)
        {
            if (!client.IsSms20)
            {
                continue;
            }

            foreach (var leftover in new[] { client.SmsIniFile, client.Sms1xIniFile }.OfType<LoadedFile>())
            {
                var related = new List<Evidence> { Evidence.Start(client.SmsCfgFile!, "The SMS 2.0 client configuration on the same machine.") };
                var isSms1x = leftover.File.FileName.Equals("Sms1x.ini", StringComparison.OrdinalIgnoreCase);
                var what = isSms1x ? "the SMS 1.x client ini that the upgrade to SMS 2.0 left behind" : "the SMS 1.x client ini";
                var id = leftover.As<Parsing.Ini.IniDocument>()?.Get("SMS", "SMS Unique ID");
                var idText = id is not null && id.Value.Text.Length > 0 ? $", which holds the SMS 1.x Unique ID '{id.Value.Text}'" : string.Empty;
                var scrub = isSms1x ? string.Empty : " (20CliCln.bat /scrub does not remove it)";
                context.Report(
                    $"SMS 2.0 client still has an SMS 1.x client ini: '{client.Machine}' runs '{client.SmsCfgFile!.File.FileName}' and has '{leftover.File.FileName}' ({what}){idText}.",
                    id is not null && id.Value.Text.Length > 0 ? Evidence.At(leftover, id.Value) : Evidence.Start(leftover),
                    $"{client.Machine.ToUpperInvariant()}:{leftover.File.FileName.ToLowerInvariant()}",
                    related,
                    help: $"Delete every copy of '{leftover.File.FileName}' from '{client.Machine}'{scrub}, and before imaging a master computer also remove Smscfg.ini and the SMS Unique Identifier: such remnants are a known cause of duplicate SMS IDs.");

            }
        }
    }
}

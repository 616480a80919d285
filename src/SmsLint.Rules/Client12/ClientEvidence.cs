namespace SmsLint.Rules.Client12;

/// <summary>Related locations the 1.2 client rules share.</summary>
internal static class ClientEvidence
{
    /// <summary><paramref name="first"/>, then the client's LogonServer line in its Sms.ini when it has one.</summary>
    public static List<Evidence> WithLogonServer(ClientMachine client, Evidence first)
    {
        var related = new List<Evidence> { first };
        if (client.LogonServerEntry is { } link && client.SmsIniFile is { } smsIni)
        {
            related.Add(Evidence.At(smsIni, link.Span, "The client's logon server."));
        }

        return related;
    }
}

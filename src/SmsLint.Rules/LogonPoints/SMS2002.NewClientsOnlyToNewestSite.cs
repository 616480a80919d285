using SmsLint.Catalog;

namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// From SP2 on, new clients that install through a shared logon point are assigned only to the
/// newest site; the significantly older sites get none (Q262677).
/// </summary>
public sealed class NewClientsOnlyToNewestSite() : Rule(new() { Id = "SMS2002", Title = "Older sites on a shared logon point get no new logon-installed clients", Level = Level.Warning, Kb = ["Q262677", "Q264630"], Tags = [RuleTag.SharedLogonPoint, RuleTag.VersionMismatch, RuleTag.ClientInstallation], Precision = Precision.High })
{
    /// <summary>SP2, SP3 and SP4 are build 1493: the first build whose Boot32wn applies the significance test.</summary>
    public const int FirstSp2Build = 1493;

    public override void Check(RuleContext context)
    {
        var options = context.Options.Significance;
        foreach (var group in SharedLogonPoints.Groups(context.Model))
        {
            var sites = group.Versioned;
            if (sites.Count < 2)
            {
                continue;
            }

            var newest = SharedLogonPoints.Newest(sites);
            if (newest.Version.Build < FirstSp2Build)
            {
                continue;
            }

            foreach (var older in sites)
            {
                if (older.Version >= newest.Version || !SmsVersion.IsSignificant(older.Version, newest.Version, options))
                {
                    continue;
                }

                var primary = SharedLogonPoints.Anchor(group, older);
                var related = new List<Evidence>
                {
                    SharedLogonPoints.Of(newest.Claim),
                    SharedLogonPoints.Of(older.Claim),
                };
                related.RemoveAll(e => e.File == primary.File && e.Span == primary.Span);
                context.Report(
                    $"New clients go only to the newest site of a shared logon point: {SharedLogonPoints.Describe(context.Catalog, older)} is significantly older than {SharedLogonPoints.Describe(context.Catalog, newest)} on {group.Describe}.",
                    primary,
                    $"{group.Key}:older:{older.Code}",
                    related,
                    help: $"Upgrade '{older.Code}' to the service pack of '{newest.Code}': until then Boot32wn assigns every new client to '{newest.Code}', and a client only inside the boundaries of '{older.Code}' is not installed at all, so install those another way, such as Windows NT Remote Client Installation (Q262677, Q264630).");

            }
        }
    }
}

using SmsLint.Parsing.CopyList;

namespace SmsLint.Rules.CopyList;

/// <summary>Logon servers of one SMS 1.2 site hold different CopyListVersion values for the same copy list (Q166771).</summary>
public sealed class LogonServersDisagree() : Rule(new() { Id = "SMS4002", Title = "Logon servers of one SMS 1.2 site disagree on a copy list's CopyListVersion", Level = Level.Warning, Kb = ["Q166771", "Q174961"], Tags = [RuleTag.CopyList, RuleTag.VersionMismatch, RuleTag.Sms12LogonServer], Precision = Precision.Medium })
{
    public override void Check(RuleContext context)
    {
        var bySite = Sms12Sites.LogonServerSites(context.Model)
            .GroupBy(s => s.Code, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var site in bySite)
        {
            var lists = new SortedDictionary<string, List<Copy>>(StringComparer.Ordinal);
            foreach (var member in site)
            {
                foreach (var file in member.Server.CopyLists)
                {
                    if (file.As<CopyListDocument>()?.Version is not { } line)
                    {
                        continue;
                    }

                    var name = CanonicalName(file.File.FileName);
                    if (!lists.TryGetValue(name, out var copies))
                    {
                        copies = [];
                        lists.Add(name, copies);
                    }

                    copies.Add(new Copy(member, file, line));
                }
            }

            foreach (var (name, copies) in lists)
            {
                Judge(context, site.Key, name, copies);
            }
        }
    }

    private static void Judge(RuleContext context, string site, string listName, List<Copy> copies)
    {
        var groups = copies.GroupBy(c => Canonical(c.Line.Value.Text), StringComparer.Ordinal).ToList();
        if (groups.Count < 2)
        {
            return;
        }

        // The value most servers hold is taken as the site's current one; on a tie, the larger number
        // (the copy lists are regenerated with a new, larger value: sms-domain.md §1.4, inferred).
        var reference = groups
            .OrderByDescending(g => g.Count())
            .ThenByDescending(g => long.TryParse(g.Key, out var n) ? n : long.MinValue)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .First();
        var current = reference.First();
        foreach (var copy in copies.Where(c => !reference.Contains(c)))
        {
            var related = new List<Evidence>();
            foreach (var other in reference)
            {
                related.Add(Evidence.At(other.File, other.Line.Span, $"'{other.File.File.FileName}' on '{other.Site.Server.Machine}' has CopyListVersion '{other.Line.Value.Text}'."));
            }

            related.Add(Evidence.At(copy.Site.File, copy.Site.Entry.Span, $"Why '{copy.Site.Server.Machine}' counts as site '{site}': {copy.Site.Describe()}."));
            related.Add(Evidence.At(current.Site.File, current.Site.Entry.Span, $"Why '{current.Site.Server.Machine}' counts as site '{site}': {current.Site.Describe()}."));

            var server = copy.Site.Server.Machine;
            context.Report(
                $"Logon servers of one site have different copy lists: '{copy.File.File.FileName}' on '{server}' of site '{site}' has CopyListVersion '{copy.Line.Value.Text}', '{current.Site.Server.Machine}' has '{current.Line.Value.Text}'.",
                Evidence.At(copy.File, copy.Line.Value),
                $"{site}:{server.ToUpperInvariant()}:{listName}",
                related,
                help: $"Let Maintenance Manager copy the current copy lists and client files to '{server}' again (check that the site can reach it; re-saving SMS\\System.map makes the site regenerate the lists): clients that run client setup from '{server}' miss or repeat client updates.");

        }
    }

    /// <summary>Lower case; Cl_w95.txt (Q153287's spelling) is the same list as Cl_win95.txt.</summary>
    private static string CanonicalName(string fileName)
    {
        var lower = fileName.ToLowerInvariant();
        return lower == "cl_w95.txt" ? "cl_win95.txt" : lower;
    }

    /// <summary>Numbers without leading zeros, anything else in upper case (as <see cref="CopyListVersionMismatch.SameVersion"/> compares).</summary>
    private static string Canonical(string value) =>
        long.TryParse(value.Trim(), out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : value.Trim().ToUpperInvariant();

    private sealed record Copy(LogonServerSite Site, LoadedFile File, CopyListVersionLine Line);
}

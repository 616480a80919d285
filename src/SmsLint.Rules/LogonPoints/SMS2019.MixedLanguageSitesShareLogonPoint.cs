using SmsLint.Parsing.CopyLog;
using SmsLint.Parsing.Ini;

namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// Sites of different languages share logon points (Q275591, Q269615). Logon Server Manager
/// removes the language folders under <c>x86.bin</c> and <c>alpha.bin</c> that its own site does not
/// have, and the other site writes them back on its next cycle, so client files are now and then
/// missing; and new clients are installed in the senior site's language. Evidence: Copylog.tcf
/// credits language folders (<c>x86.bin\&lt;LCID&gt;\...</c>) to different sites with no site credited
/// for all of them, or hierarchy.ini declares different <c>Language=</c> values for sites of one domain.
/// </summary>
public sealed class MixedLanguageSitesShareLogonPoint() : Rule(new() { Id = "SMS2019", Title = "Sites of different languages share a logon point", Level = Level.Warning, Kb = ["Q275591", "Q269615"], Tags = [RuleTag.SharedLogonPoint, RuleTag.Language], Precision = Precision.Medium })
{
    private static readonly string[] PlatformFolders = ["x86.bin", "alpha.bin"];

    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            CheckCopyLog(context, lp);
        }

        CheckDeclared(context);
    }

    /// <summary>An LCID folder name: eight hexadecimal digits, such as 00000409 or 0000040C.</summary>
    public static bool IsLcid(string text) => text.Length == 8 && text.All(char.IsAsciiHexDigit);

    private static void CheckCopyLog(RuleContext context, LogonPoint lp)
    {
        if (lp.CopyLog is not { HasFileSource: true } doc || lp.CopyLogFile is not { } file)
        {
            return;
        }

        var byLcid = new SortedDictionary<string, List<(string Site, CopyLogEntry Entry)>>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in doc.FileSource)
        {
            if (entry.Segments.Count >= 3
                && PlatformFolders.Contains(entry.Segments[0].Text, StringComparer.OrdinalIgnoreCase)
                && IsLcid(entry.Segments[1].Text)
                && SiteIndex.IsSiteCode(entry.Code.Text))
            {
                var lcid = entry.Segments[1].Text.ToUpperInvariant();
                if (!byLcid.TryGetValue(lcid, out var list))
                {
                    list = [];
                    byLcid.Add(lcid, list);
                }

                list.Add((entry.Code.Text.ToUpperInvariant(), entry));
            }
        }

        var sites = byLcid.Values.SelectMany(l => l.Select(x => x.Site)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (byLcid.Count < 2 || sites.Count < 2
            || sites.Any(s => byLcid.Values.All(l => l.Any(x => x.Site == s))))
        {
            return;
        }

        var parts = byLcid.Select(kv => $"'{kv.Key}' by {PreSp2Hotfixes.JoinAnd(kv.Value.Select(x => $"'{x.Site}'").Distinct())}").ToList();
        var firsts = byLcid.Values.Select(l => l[0].Entry).ToList();
        context.Report(
            $"Sites of different languages share a logon point: logon point '{lp.Machine}', where 'Copylog.tcf' credits the language folders {PreSp2Hotfixes.JoinAnd(parts)}, and no site is credited with all of them.",
            Evidence.At(file, firsts[0].Path, $"Language folder '{firsts[0].Segments[1].Text}', credited to site '{firsts[0].Code.Text}'."),
            $"languages:{lp.Machine.ToUpperInvariant()}",
            firsts.Skip(1).Select(e => Evidence.At(file, e.Path, $"Language folder '{e.Segments[1].Text}', credited to site '{e.Code.Text}'.")));
    }

    /// <summary>
    /// hierarchy.ini <c>[Site X] Language=</c> (an LCID such as 00000409, or a name): an optional key,
    /// read here only, for a fact the files show only indirectly.
    /// </summary>
    private static void CheckDeclared(RuleContext context)
    {
        var hierarchy = context.Model.Hierarchy;
        if (hierarchy.File?.As<IniDocument>() is not { } doc)
        {
            return;
        }

        var languages = new Dictionary<string, IniEntry>(StringComparer.Ordinal);
        foreach (var site in hierarchy.Sites.Values)
        {
            var section = doc.Sections.FirstOrDefault(s => s.Headers.Contains(site.Header));
            if (section?.Get("Language") is { } entry && entry.Value.Text.Length > 0)
            {
                languages[site.Code] = entry;
            }
        }

        foreach (var domain in PreSp2Hotfixes.SharedDomains(context.Model))
        {
            var declared = domain.Members.Keys.Where(languages.ContainsKey).Order(StringComparer.Ordinal).ToList();
            var distinct = declared.Select(c => languages[c].Value.Text.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
            if (distinct.Count < 2)
            {
                continue;
            }

            var parts = declared.Select(c => $"'{c}' '{languages[c].Value.Text.Trim()}'").ToList();
            var first = languages[declared[0]];
            context.Report(
                $"Sites of different languages share a logon point: {domain.Description}, where hierarchy.ini declares the languages {PreSp2Hotfixes.JoinAnd(parts)}.",
                Evidence.At(hierarchy.File!, first.Value, $"Site {declared[0]} is declared in language '{first.Value.Text.Trim()}'."),
                $"languages:{domain.Description}",
                declared.Skip(1).Select(c => Evidence.At(hierarchy.File!, languages[c].Value, $"Site {c} is declared in language '{languages[c].Value.Text.Trim()}'.")));
        }
    }
}

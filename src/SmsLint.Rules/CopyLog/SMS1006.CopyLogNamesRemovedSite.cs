using SmsLint.Parsing.CopyLog;

namespace SmsLint.Rules.CopyLog;

/// <summary>
/// Copylog.tcf still names a site that was removed from the hierarchy (Q313209). The fix
/// deletes only the removed site's own <c>SITES\&lt;code&gt;\...</c> lines; shared lines must stay.
/// </summary>
public sealed class CopyLogNamesRemovedSite() : Rule(new() { Id = "SMS1006", Title = "Copylog.tcf names a site that was removed", Level = Level.Error, Kb = ["Q313209"], Tags = [RuleTag.SharedLogonPoint, RuleTag.CopyLog, RuleTag.SiteRemoval], Precision = Precision.Medium })
{
    /// <summary>At most this many other lines are listed as related locations.</summary>
    private const int MaxRelatedLines = 10;

    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            if (lp.CopyLogFile is not { } file || lp.CopyLog is not { HasFileSource: true } doc)
            {
                continue;
            }

            // Every line naming a site, by value or by its SITES\<code>\ path, in file order.
            var bySite = new SortedDictionary<string, List<CopyLogEntry>>(StringComparer.Ordinal);
            foreach (var entry in doc.FileSource)
            {
                var codes = new SortedSet<string>(StringComparer.Ordinal);
                if (CopyLogSites.ValueSite(entry) is { } value)
                {
                    codes.Add(value);
                }

                if (entry.PathSite is { } pathSite && SiteIndex.IsSiteCode(pathSite.Text))
                {
                    codes.Add(pathSite.Text.ToUpperInvariant());
                }

                foreach (var code in codes)
                {
                    if (!bySite.TryGetValue(code, out var list))
                    {
                        list = [];
                        bySite.Add(code, list);
                    }

                    list.Add(entry);
                }
            }

            foreach (var (code, entries) in bySite)
            {
                if (CopyLogSites.IsRemoved(context.Model, lp, code) != true)
                {
                    continue;
                }

                Report(context, lp, file, code, entries);
            }
        }
    }

    private static void Report(RuleContext context, LogonPoint lp, LoadedFile file, string code, List<CopyLogEntry> entries)
    {
        var own = entries.Where(e => e.PathSite is { } p && p.Text.Equals(code, StringComparison.OrdinalIgnoreCase)).ToList();
        var shared = entries.Where(e => !e.IsSiteSpecific).ToList();
        var primary = shared.FirstOrDefault() ?? entries[0];

        var noLcf = $"the logon point has no 'Sitescfg\\{code}_cfg.lcf'";
        var why = context.Model.Hierarchy.Sites.Count > 0
            ? CopyLogSites.SitescfgCaptured(lp) ? $"{noLcf} and hierarchy.ini does not declare the site" : "hierarchy.ini does not declare the site"
            : noLcf;

        var todo = new List<string>();
        if (own.Count > 0)
        {
            todo.Add($"delete the {Plural(own.Count, "site-specific line")} of '{code}' ('SITES\\{code}\\...')");
        }

        if (shared.Count > 0)
        {
            var names = string.Join(", ", shared.Take(3).Select(e => $"'{e.Path.Text}'")) + (shared.Count > 3 ? ", ..." : string.Empty);
            todo.Add($"point the {Plural(shared.Count, "shared line")} ({names}) at the site that holds the latest version of each file; shared lines must be kept, never deleted");
        }

        var mismatched = entries.Count - own.Count - shared.Count;
        if (mismatched > 0)
        {
            todo.Add($"correct the {Plural(mismatched, "line")} of other sites' folders that name '{code}'");
        }

        var related = new List<Evidence>();
        foreach (var other in entries.Where(e => e != primary).Take(MaxRelatedLines))
        {
            related.Add(Evidence.At(file, other.Span, $"This line also names site '{code}'."));
        }

        if (lp.SiteFolders.TryGetValue(code, out var leftovers))
        {
            related.Add(Evidence.Whole(leftovers[0], $"'Sites\\{code}' is still on the logon point."));
        }

        if (context.Model.Hierarchy is { File: { } hierarchy, Sites.Count: > 0 } facts)
        {
            var declared = string.Join(", ", facts.Sites.Keys.Take(MaxRelatedLines).Select(k => $"'{k}'")) + (facts.Sites.Count > MaxRelatedLines ? ", ..." : string.Empty);
            related.Add(Evidence.Start(hierarchy, $"hierarchy.ini declares the sites {declared}, not '{code}'."));
        }

        Fix? fix = own.Count == 0
            ? null
            : new Fix(
                $"Delete the {Plural(own.Count, "site-specific line")} of removed site '{code}' (shared lines are left alone)",
                DeleteOwnLines(file, own));

        context.Report(
            $"Copylog.tcf names a removed site: '{code}' on {Plural(entries.Count, "line")} of '{lp.Machine}', and {why}.",
            Evidence.At(file, primary.PathSite is { } p && p.Text.Equals(code, StringComparison.OrdinalIgnoreCase) && !primary.Code.Text.Equals(code, StringComparison.OrdinalIgnoreCase) ? p : primary.Code),
            $"removed-site:{code}",
            related,
            fix: fix,
            help: string.Concat(char.ToUpperInvariant(todo[0][0]).ToString(), string.Join("; ", todo)[1..], "."));
    }

    /// <summary>
    /// Deletes the site's own lines with their line breaks. When the last deleted line is the
    /// file's last line and has no line break of its own, the break before it goes instead, so the
    /// file keeps ending without one and no empty last line is left behind.
    /// </summary>
    private static IReadOnlyList<FixEdit> DeleteOwnLines(LoadedFile file, List<CopyLogEntry> own)
    {
        var edits = LineEdits.DeleteLines(file, own.Select(e => e.Span));
        var text = file.Text!;
        var last = edits[^1].Deleted.Region;
        var end = last.CharOffset + last.CharLength;
        if (end != text.Length || text[text.Length - 1] is '\n' or '\r' || last.CharOffset == 0)
        {
            return edits;
        }

        var start = last.CharOffset;
        if (text[start - 1] == '\n')
        {
            start--;
        }

        if (start > 0 && text[start - 1] == '\r')
        {
            start--;
        }

        var previousEnd = edits.Count > 1 ? edits[^2].Deleted.Region.CharOffset + edits[^2].Deleted.Region.CharLength : 0;
        if (start < previousEnd)
        {
            return edits;
        }

        return [.. edits.Take(edits.Count - 1), new FixEdit(Location.FromSpan(file.Path, text, SmsLint.Text.TextSpan.FromBounds(start, end)), string.Empty)];
    }

    private static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}

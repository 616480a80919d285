using SmsLint.Discover;
using SmsLint.Parsing.Ini;
using SmsLint.Text;

namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// A site code that is a reserved Windows NT device name. Windows NT cannot create a folder
/// with that name, so <c>SMSLOGON\Sites\&lt;code&gt;</c> (and 1.x <c>Files.col\&lt;code&gt;</c>) fail (Q182420).
/// </summary>
public sealed class ReservedSiteCode() : Rule(new() { Id = "SMS2011", Title = "Site code is a reserved Windows NT device name", Level = Level.Error, Kb = ["Q182420"], Tags = [RuleTag.SharedLogonPoint, RuleTag.SiteCode], Precision = Precision.VeryHigh })
{
    /// <summary>
    /// The reserved names Q182420 lists. The other device names (COM1–COM9, LPT1–LPT9, CLOCK$) have more
    /// than three characters and cannot be site codes.
    /// </summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(["CON", "PRN", "AUX", "NUL"], StringComparer.OrdinalIgnoreCase);

    private sealed record Occurrence(LoadedFile File, TextSpan? Span, string Code, string What);

    public override void Check(RuleContext context)
    {
        var model = context.Model;
        var found = new List<Occurrence>();

        foreach (var site in model.Hierarchy.Sites.Values)
        {
            if (Reserved.Contains(site.Code))
            {
                var name = site.Header.Name;
                var at = name.Text.LastIndexOf(site.Code, StringComparison.OrdinalIgnoreCase);
                var span = at >= 0 ? new TextSpan(name.Span.Start + at, site.Code.Length) : name.Span;
                found.Add(new(site.File, span, site.Code, $"the section '[{name.Text}]'"));
            }

            if (site.Parent is { } parent && Reserved.Contains(parent.Value.Text))
            {
                found.Add(new(site.File, parent.Value.Span, parent.Value.Text, $"the parent of site '{site.Code}'"));
            }
        }

        foreach (var share in model.SiteServers.Cast<CapturedShare>().Concat(model.Caps))
        {
            var code = share is SiteServer server ? server.SiteCode : ((CapShare)share).SiteCode;
            if (Reserved.Contains(code) && share.Files.OrderBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault() is { } first)
            {
                found.Add(new(first, null, code, $"the share name '{share.Share}' on '{share.Machine}'"));
            }
        }

        foreach (var lp in model.LogonPoints)
        {
            foreach (var (code, files) in lp.SiteFolders)
            {
                if (Reserved.Contains(code))
                {
                    found.Add(new(files.OrderBy(f => f.Path, StringComparer.Ordinal).First(), null, code, $"the folder 'Sites\\{code}'"));
                }
            }

            foreach (var (code, lcf) in lp.Lcfs)
            {
                if (Reserved.Contains(code))
                {
                    found.Add(new(lcf, null, code, $"the file name '{lcf.File.FileName}'"));
                }
            }

            if (lp.CopyLogFile is { } copyLogFile && lp.CopyLog is { } copyLog)
            {
                foreach (var entry in copyLog.FileSource)
                {
                    if (entry.PathSite is { } pathSite && Reserved.Contains(pathSite.Text))
                    {
                        found.Add(new(copyLogFile, pathSite.Span, pathSite.Text, $"the path '{entry.Path.Text}'"));
                    }

                    if (Reserved.Contains(entry.Code.Text))
                    {
                        found.Add(new(copyLogFile, entry.Code.Span, entry.Code.Text, $"the site recorded for '{entry.Path.Text}'"));
                    }
                }
            }

            if (lp.SeniorLst is { Text: { } senior } seniorFile && senior.Length >= 3 && Reserved.Contains(senior.Text[..3]))
            {
                found.Add(new(seniorFile, new TextSpan(0, 3), senior.Text[..3], "the senior site"));
            }
        }

        foreach (var kind in new[] { FileKind.ClientSmsIni, FileKind.DomainIni })
        {
            foreach (var (file, doc) in model.Inis(kind))
            {
                if (doc.Get("SMS", "SiteCode") is IniEntry entry && Reserved.Contains(entry.Value.Text))
                {
                    found.Add(new(file, entry.Value.Span, entry.Value.Text, "'[SMS] SiteCode'"));
                }
            }
        }

        foreach (var group in found.GroupBy(o => (o.File.Path, Code: o.Code.ToUpperInvariant())).OrderBy(g => g.Key.Path, StringComparer.Ordinal).ThenBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            var list = group.OrderBy(o => o.Span?.Start ?? -1).ToList();
            var first = list[0];
            var code = group.Key.Code;
            var evidence = first.Span is { } span ? Evidence.At(first.File, span) : Evidence.Start(first.File);
            var related = list.Skip(1).Select(o => o.Span is { } s ? Evidence.At(o.File, s, $"'{code}' as {o.What}.") : Evidence.Start(o.File, $"'{code}' as {o.What}.")).ToList();
            if (TextAnchor.IsOpaque(first.File))
            {
                // An LCF or a binary is no place for a result: point at the text that names the site.
                related.Insert(0, Evidence.Whole(first.File, $"'{code}' as {first.What}."));
                evidence = TextAnchor.ForFile(model, first.File, code);
            }

            var more = list.Count > 1 ? $", and {list.Count - 1} more place(s) in this file" : string.Empty;
            context.Report(
                $"Site code is a reserved Windows NT device name: '{code}' in '{first.File.File.FileName}' ({first.What}{more}).",
                evidence,
                $"reserved:{code}",
                related,
                help: $"The site code cannot be changed: remove the site and reinstall it with a different code, because Windows NT cannot create a folder named '{code}', so Logon Server Manager fails to create 'SMSLOGON\\Sites\\{code}' on every logon point (and SMS 1.x cannot create 'Files.col\\{code}') (Q182420).");

        }
    }
}

using SmsLint.Parsing.Batch;

namespace SmsLint.Rules.LogonScript;

/// <summary>
/// The copies of Smsls.bat that one domain's clients can run (site master, REPL$ export,
/// each DC's NETLOGON) differ in content (Q224388). A KeepIt12-style exit line, which Q199237 has
/// administrators add by hand on each logon server, is not a difference.
/// </summary>
public sealed class LogonScriptCopiesDiffer() : Rule(new() { Id = "SMS3002", Title = "Copies of Smsls.bat in one domain differ", Level = Level.Warning, Kb = ["Q224388", "Q199237", "Q225514"], Tags = [RuleTag.LogonScript], Precision = Precision.High })
{
    private const int MaxQuoted = 80;

    /// <summary>The copies that belong together: one declared domain, or every machine no domain lists.</summary>
    private sealed record Group(
        string Description,
        List<(string Site, LoadedFile File)> Masters,
        List<(ScriptShare Share, LoadedFile File)> Copies,
        string? Pdc,
        bool CompareMasters);

    public override void Check(RuleContext context)
    {
        var model = context.Model;
        var masters = model.SiteServers
            .Where(s => s.MasterLogonScript is { Text: not null, Document: not null })
            .Select(s => (Site: s.SiteCode, File: s.MasterLogonScript!))
            .OrderBy(m => m.Site, StringComparer.Ordinal)
            .ThenBy(m => m.File.Path, StringComparer.Ordinal)
            .ToList();
        var copies = model.ScriptShares
            .Where(s => s.SmslsBat is { Text: not null, Document: not null })
            .Select(s => (Share: s, File: s.SmslsBat!))
            .ToList();

        var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lines = new Dictionary<LoadedFile, List<(string Text, Text.TextSpan Span)>>();
        List<(string Text, Text.TextSpan Span)> Lines(LoadedFile f)
        {
            if (!lines.TryGetValue(f, out var l))
            {
                l = BatchFacts.NormalisedLines(f.Text!).Where(x => !BatchFacts.IsKeepIt12Line(x.Text)).ToList();
                lines.Add(f, l);
            }

            return l;
        }

        foreach (var group in Groups(model, masters, copies))
        {
            CheckGroup(context, group, reported, Lines);
        }

        Capture.CaptureGaps.CannotTell(context, "Logon script copy differs from its reference", "NETLOGON", "REPL$");
    }

    /// <summary>
    /// Each hierarchy.ini <c>[Domain X]</c>: the NETLOGON and REPL$ copies on its PDC and
    /// controllers, and the masters of the sites whose <c>Domains=</c> names X. Then one group of
    /// everything else: the copies on machines no domain lists and the masters of sites that
    /// manage no declared domain (without hierarchy.ini the snapshot is taken as one domain).
    /// </summary>
    private static List<Group> Groups(SnapshotModel model, List<(string Site, LoadedFile File)> masters, List<(ScriptShare Share, LoadedFile File)> copies)
    {
        var hierarchy = model.Hierarchy;
        var groups = new List<Group>();
        var declaredMachines = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var groupedSites = new HashSet<string>(StringComparer.Ordinal);
        foreach (var domain in hierarchy.Domains.Values)
        {
            var machines = domain.Controllers.Select(c => c.Text).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (domain.Pdc is { } pdc && pdc.Value.Text.Length > 0)
            {
                machines.Add(pdc.Value.Text);
            }

            declaredMachines.UnionWith(machines);
            var sites = hierarchy.Sites.Values
                .Where(s => s.Domains.Any(d => d.Text.Equals(domain.Name, StringComparison.OrdinalIgnoreCase)))
                .Select(s => s.Code)
                .ToHashSet(StringComparer.Ordinal);
            groupedSites.UnionWith(sites);
            groups.Add(new Group(
                $"domain '{domain.Name}'",
                [.. masters.Where(m => sites.Contains(m.Site))],
                [.. copies.Where(c => machines.Contains(c.Share.Machine))],
                domain.Pdc?.Value.Text,
                CompareMasters: true));
        }

        groups.Add(new Group(
            "the domain of the machines that no hierarchy.ini [Domain] section lists",
            [.. masters.Where(m => !groupedSites.Contains(m.Site))],
            [.. copies.Where(c => !declaredMachines.Contains(c.Share.Machine))],
            null,
            CompareMasters: false));
        return groups;
    }

    private static void CheckGroup(RuleContext context, Group group, HashSet<string> reported, Func<LoadedFile, List<(string Text, Text.TextSpan Span)>> lines)
    {
        var style = new Dictionary<LoadedFile, bool>();
        bool Is12(LoadedFile f)
        {
            if (!style.TryGetValue(f, out var is12))
            {
                is12 = f.As<BatchDocument>() is { } doc && BatchFacts.IsSms12Script(doc);
                style.Add(f, is12);
            }

            return is12;
        }

        // Several sites of one domain each write their master to the domain's export: they must agree.
        if (group.CompareMasters && group.Masters.Count > 1)
        {
            var first = group.Masters[0];
            foreach (var other in group.Masters.Skip(1))
            {
                if (Is12(other.File) == Is12(first.File))
                {
                    Compare(context, other.File, $"site {other.Site} master copy", first.File, $"the site {first.Site} master copy", group, reported, lines);
                }
            }
        }

        var export = ExportReference(group);
        foreach (var (share, file) in group.Copies)
        {
            var role = LogonScripts.Role(file);
            var candidates = group.Masters.Where(m => Is12(m.File) == Is12(file)).ToList();
            if (candidates.Count > 0)
            {
                if (candidates.Any(m => lines(m.File).Select(l => l.Text).SequenceEqual(lines(file).Select(l => l.Text))))
                {
                    continue;
                }

                // Prefer the master of a site whose logon point is on the same machine.
                var lp = context.Model.LogonPoints.FirstOrDefault(l => l.Machine.Equals(share.Machine, StringComparison.OrdinalIgnoreCase));
                var preferred = candidates.FirstOrDefault(m => lp?.SiteSet.Contains(m.Site) ?? false);
                if (preferred.File is null)
                {
                    preferred = candidates[0];
                }

                Compare(context, file, role, preferred.File, $"the site {preferred.Site} master copy", group, reported, lines);
            }
            else if (export is not null && export != file && Is12(export) == Is12(file))
            {
                Compare(context, file, role, export, $"the {LogonScripts.Role(export)}", group, reported, lines);
            }
        }
    }

    /// <summary>
    /// The export copy that NETLOGON copies replicate from, when no master is captured: the PDC's
    /// REPL$ copy, else the only REPL$ copy of the group (several without a declared PDC: none).
    /// </summary>
    private static LoadedFile? ExportReference(Group group)
    {
        var exports = group.Copies.Where(c => c.Share.IsExport).ToList();
        if (group.Pdc is { } pdc && exports.FirstOrDefault(e => e.Share.Machine.Equals(pdc, StringComparison.OrdinalIgnoreCase)) is { File: not null } onPdc)
        {
            return onPdc.File;
        }

        return exports.Count == 1 ? exports[0].File : null;
    }

    private static void Compare(
        RuleContext context,
        LoadedFile copy,
        string copyRole,
        LoadedFile reference,
        string referenceRole,
        Group group,
        HashSet<string> reported,
        Func<LoadedFile, List<(string Text, Text.TextSpan Span)>> lines)
    {
        var a = lines(copy);
        var b = lines(reference);
        var i = 0;
        while (i < a.Count && i < b.Count && a[i].Text == b[i].Text)
        {
            i++;
        }

        if (i == a.Count && i == b.Count)
        {
            return;
        }

        if (!reported.Add(copy.Path))
        {
            return;
        }

        var line = i + 1;
        string what;
        Evidence primary;
        Evidence related;
        if (i < a.Count && i < b.Count)
        {
            what = $"line {line} reads '{Quote(a[i].Text)}', the reference '{Quote(b[i].Text)}'";
            primary = Evidence.At(copy, a[i].Span, "First line that differs from the reference.");
            related = Evidence.At(reference, b[i].Span, $"The same line in {referenceRole}.");
        }
        else if (i < a.Count)
        {
            what = $"the copy has {a.Count - b.Count} line(s) more, from line {line} '{Quote(a[i].Text)}' on";
            primary = Evidence.At(copy, a[i].Span, "The reference ends before this line.");
            related = b.Count > 0 ? Evidence.At(reference, b[^1].Span, $"Last line of {referenceRole}.") : Evidence.Start(reference, $"{referenceRole} is empty.");
        }
        else
        {
            what = $"the copy ends after line {a.Count}, the reference goes on with line {line} '{Quote(b[i].Text)}'";
            primary = a.Count > 0 ? Evidence.At(copy, a[^1].Span, "The copy ends here.") : Evidence.Start(copy, "The copy is empty.");
            related = Evidence.At(reference, b[i].Span, $"The reference goes on here ({referenceRole}).");
        }

        var relatedList = new List<Evidence> { related };
        var remedy = copy.File.ShareKind == Discover.ShareKind.SiteServer
            ? "Make the masters in SMS\\Data\\Nt_logon identical: each site's Logon Server Manager copies its own master to the domain's logon points, so clients get whichever copy was written last."
            : "Decide which version is right, put it in the site master (SMS\\Data\\Nt_logon), copy it to Repl\\Export\\Scripts on the export server and Repl\\Import\\Scripts on every domain controller (Q224388), and check that directory replication works: until then clients that log on through this copy run a different script from the rest of the domain.";
        context.Report(
            $"Logon script copy differs from its reference: '{copy.Path}' from {referenceRole} in {group.Description}: {what}.",
            primary,
            $"differs-from:{reference.Path.ToLowerInvariant()}",
            relatedList,
            help: remedy);

    }

    private static string Quote(string line)
    {
        var t = line.Trim();
        return t.Length <= MaxQuoted ? t : string.Concat(t.AsSpan(0, MaxQuoted - 3), "...");
    }
}

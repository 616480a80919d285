namespace SmsLint.Rules.Hotfix;

/// <summary>
/// A build 1239/1380 site shares a domain with an SP2-or-later site, and its site-server
/// binaries (or, when they are not captured, hierarchy.ini's <c>Hotfixes=</c>) show that a hotfix
/// required before SP2 is missing (Q261931).
/// </summary>
public sealed class PreSp2HotfixMissing() : Rule(new() { Id = "SMS6003", Title = "A site sharing a domain with an SP2 site lacks a hotfix required before SP2", Level = Level.Error, Kb = ["Q261931", "Q251070", "Q252718", "Q249077", "Q252717", "Q264630", "Q253151"], Tags = [RuleTag.MissingHotfix, RuleTag.SharedLogonPoint], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        foreach (var a in PreSp2Hotfixes.Assess(context.Model, context.Catalog))
        {
            switch (a.State)
            {
                case HotfixState.MissingByBinary:
                    ReportBinary(context, a);
                    break;
                case HotfixState.MissingByDeclaration:
                    ReportDeclared(context, a);
                    break;
            }
        }
    }

    private static void ReportBinary(RuleContext context, HotfixAssessment a)
    {
        var below = a.Proofs.Where(p => p.IsBelow).ToList();
        var files = PreSp2Hotfixes.JoinAnd(below.Select(p => $"'{p.ExpectedPath}' has file version '{p.Version!.Value.ToFileVersionString()}', below '{p.MinVersion.ToFileVersionString()}'"));
        var related = below.Skip(1).Select(p => Evidence.Whole(p.File!, $"File version '{p.Version!.Value.ToFileVersionString()}', below '{p.MinVersion.ToFileVersionString()}' ({a.Hotfix.Id}).")).ToList();
        related.AddRange(a.CommonRelated());

        string declared;
        if (a.DeclaredId is { } id)
        {
            declared = $" This contradicts hierarchy.ini, which lists {a.Hotfix.Id} in {a.HotfixesEntryText} for the site: the declaration is wrong, or the hotfix was removed or overwritten since.";
            related.Add(Evidence.At(a.Site.Declared!.File, id, $"hierarchy.ini declares {a.Hotfix.Id} applied on site {a.Site.Code}; the binary says otherwise."));
        }
        else if (a.HotfixesEntry is { } entry)
        {
            declared = $" hierarchy.ini agrees: {a.HotfixesEntryText} does not list it.";
            related.Add(Evidence.At(a.Site.Declared!.File, entry.Span, $"hierarchy.ini does not list {a.Hotfix.Id} for site {a.Site.Code}."));
        }
        else
        {
            declared = string.Empty;
        }

        // The binary proves it, but the result goes on the text that declares the site's hotfixes or version.
        var binary = Evidence.Whole(below[0].File!, $"File version '{below[0].Version!.Value.ToFileVersionString()}', below '{below[0].MinVersion.ToFileVersionString()}'.");
        var primary = TextAnchor.ForSiteBinary(context.Model, below[0].File!, a.Site.Code, hotfixes: true);
        related.RemoveAll(e => e.File == primary.File && e.Span == primary.Span);
        related.Insert(0, binary);
        context.Report(
            $"Pre-SP2 hotfix missing where a newer site shares the domain: {a.HotfixText} on '{a.Site.Code}' in {a.Domain.Description} with {a.NewerText}.",
            primary,
            $"{a.Site.Code}:{a.Hotfix.Id}",
            related,
            help: $"{char.ToUpperInvariant(files[0])}{files[1..]}.{declared} {a.Remedy}");
    }

    private static void ReportDeclared(RuleContext context, HotfixAssessment a)
    {
        var declared = a.Site.Declared!;
        var entry = a.HotfixesEntry!;
        var related = a.Proofs.Where(p => p.File is not null).Select(p => Evidence.Whole(p.File!, p.EvidenceNote)).ToList();
        related.AddRange(a.CommonRelated());

        var files = "no site-server file proves otherwise: " + a.ProofProblems;
        var listed = declared.Hotfixes!.Count == 0 ? "declares no hotfix at all for the site" : $"declares {a.HotfixesEntryText} for the site, without {a.Hotfix.Id}";
        context.Report(
            $"Pre-SP2 hotfix missing where a newer site shares the domain: {a.HotfixText} on '{a.Site.Code}' in {a.Domain.Description} with {a.NewerText}, by hierarchy.ini's declaration.",
            Evidence.At(declared.File, entry.Span, $"Hotfixes of site {a.Site.Code}."),
            $"{a.Site.Code}:{a.Hotfix.Id}",
            related,
            help: $"hierarchy.ini {listed}, and {files}. {a.Remedy} Then add {a.Hotfix.Id} to 'Hotfixes=' in hierarchy.ini.");

    }
}

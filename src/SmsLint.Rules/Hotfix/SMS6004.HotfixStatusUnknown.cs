namespace SmsLint.Rules.Hotfix;

/// <summary>
/// The situation of SMS6003 (a build 1239/1380 site sharing a domain with an SP2-or-later
/// site), but nothing in the snapshot tells whether a required pre-SP2 hotfix is applied. Said
/// explicitly rather than left silent (Q261931).
/// </summary>
public sealed class HotfixStatusUnknown() : Rule(new() { Id = "SMS6004", Title = "Cannot tell whether a site sharing a domain with an SP2 site has a hotfix required before SP2", Level = Level.Note, Kb = ["Q261931", "Q251070", "Q252718", "Q249077", "Q252717"], Tags = [RuleTag.MissingHotfix, RuleTag.SharedLogonPoint], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        foreach (var a in PreSp2Hotfixes.Assess(context.Model, context.Catalog))
        {
            if (a.State != HotfixState.Unknown)
            {
                continue;
            }

            var withFile = a.Proofs.Where(p => p.File is not null).OrderBy(p => p.Problem is null ? 1 : 0).ToList();
            var related = withFile.Skip(1).Select(p => Evidence.Whole(p.File!, p.EvidenceNote)).ToList();
            related.AddRange(a.CommonRelated());

            Evidence primary;
            if (withFile.Count > 0)
            {
                // The unreadable binary is related evidence; the result goes on the text naming the site.
                primary = TextAnchor.ForSiteBinary(context.Model, withFile[0].File!, a.Site.Code, hotfixes: true);
                if (TextAnchor.IsOpaque(primary.File))
                {
                    primary = Evidence.Whole(withFile[0].File!, withFile[0].EvidenceNote);
                }
                else
                {
                    related.RemoveAll(e => e.File == primary.File && e.Span == primary.Span);
                    related.Insert(0, Evidence.Whole(withFile[0].File!, withFile[0].EvidenceNote));
                }
            }
            else if (a.Site.Declared is { } declared)
            {
                primary = Evidence.At(declared.File, declared.Header.Span, $"Site {a.Site.Code} has no 'Hotfixes=' key.");
            }
            else
            {
                primary = new Evidence(a.SiteClaim.File, a.SiteClaim.Span, $"Site {a.Site.Code} is at '{a.SiteClaim.Raw}'.");
            }

            var files = a.ProofProblems;
            var declaration = a.Site.Declared is null
                ? $"hierarchy.ini has no '[Site {a.Site.Code}]' section with a 'Hotfixes=' key"
                : $"hierarchy.ini has no 'Hotfixes=' key under '[Site {a.Site.Code}]'";
            context.Report(
                $"Pre-SP2 hotfix status unknown where a newer site shares the domain: cannot tell whether {a.HotfixText} is on '{a.Site.Code}' (build {a.Build}) in {a.Domain.Description} with {a.NewerText}.",
                primary,
                $"{a.Site.Code}:{a.Hotfix.Id}",
                related,
                help: $"{char.ToUpperInvariant(files[0])}{files[1..]}, and {declaration}: capture the site server's 'SMS_{a.Site.Code}\\bin' files, or record the applied hotfixes with 'Hotfixes=' in hierarchy.ini (an empty value means none). If the hotfix is missing, {a.RemedyText("apply")}");

        }
    }
}

using SmsLint.Parsing.CopyList;

namespace SmsLint.Rules.CopyList;

/// <summary>A copy list at the root of a logon server's SMS_SHR has no CopyListVersion line (Q174961).</summary>
public sealed class CopyListVersionMissing() : Rule(new() { Id = "SMS4003", Title = "A logon server's copy list has no CopyListVersion line", Level = Level.Warning, Kb = ["Q174961", "Q166771"], Tags = [RuleTag.CopyList, RuleTag.Sms12LogonServer], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        foreach (var server in context.Model.LogonServers)
        {
            foreach (var file in server.CopyLists)
            {
                // A zero-byte file stands for a file that was not captured; an unparsed file is SMS0xxx's business.
                if (file.File.Length == 0 || file.As<CopyListDocument>() is not { } doc || doc.Versions.Count > 0 || HasBrokenVersionLine(file, doc))
                {
                    continue;
                }

                var related = new List<Evidence>();
                var sibling = server.CopyLists.FirstOrDefault(f => f.As<CopyListDocument>()?.Version is not null);
                if (sibling?.As<CopyListDocument>()?.Version is { } line)
                {
                    related.Add(Evidence.At(sibling, line.Span, $"'{sibling.File.FileName}' on the same server has a CopyListVersion line."));
                }

                context.Report(
                    $"Copy list has no CopyListVersion line: '{file.File.FileName}' on logon server '{server.Machine}', so client setup never detects that the client files changed.",
                    Evidence.Start(file),
                    $"{server.Machine.ToUpperInvariant()}:{file.File.FileName.ToLowerInvariant()}",
                    related,
                    help: $"Re-save SMS\\System.map on the site server so Maintenance Manager regenerates the copy lists and copies them to '{server.Machine}'; do not edit the list by hand, which Microsoft does not support.");

            }
        }
    }

    /// <summary>A CopyListVersion keyword without a value is a parse error (SMS0001), not a missing line.</summary>
    private static bool HasBrokenVersionLine(Model.LoadedFile file, CopyListDocument doc) =>
        file.Text is { } text && doc.Lines.OfType<CopyListErrorLine>().Any(e =>
            text.Slice(e.Span).AsSpan().TrimStart().StartsWith("CopyListVersion", StringComparison.OrdinalIgnoreCase));
}

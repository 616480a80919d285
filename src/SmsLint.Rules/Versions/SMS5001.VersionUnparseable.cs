using SmsLint.Discover;
using SmsLint.Parsing.Ini;

namespace SmsLint.Rules.Versions;

/// <summary>
/// A version field SmsLint reads is not an SMS version: hierarchy.ini <c>Version=</c>, the base
/// Compver.ini files (site server, CAP, logon point), and the 1.x <c>[SMS] BuildNo</c> of Domain.ini and
/// Sms.ini (Q213410).
/// </summary>
public sealed class VersionUnparseable() : Rule(new() { Id = "SMS5001", Title = "Version field is not an SMS version number", Level = Level.Warning, Kb = ["Q213410"], Tags = [RuleTag.VersionMismatch, RuleTag.Input], Precision = Precision.VeryHigh })
{
    public override void Check(RuleContext context)
    {
        var model = context.Model;
        var compvers = new SortedDictionary<string, (LoadedFile File, string What)>(StringComparer.Ordinal);

        foreach (var site in model.Sites.All)
        {
            foreach (var claim in site.Claims)
            {
                if (claim.Version is not null || claim.Span is not { } span || claim.Raw.Trim().Length == 0)
                {
                    continue;
                }

                var where = claim.Source == VersionSource.Declared
                    ? $"hierarchy.ini declares site '{site.Code}' at '{claim.Raw}'"
                    : $"'{claim.File.Path}' gives the base client components as '{claim.Raw}'";
                context.Report(
                    $"Version value is not an SMS version: {where}, so site '{site.Code}' cannot be compared with other sites.",
                    Evidence.At(claim.File, span),
                    $"version:{site.Code}",
                    help: "Write four numeric fields such as '2.00.1493.2000' (major, minor, build, then service pack digit and hotfix number, Q213410) or the SMS 1.x form '1.2(build 786)'.");
            }
        }

        foreach (var server in model.SiteServers)
        {
            Add(compvers, server.BaseCompver, $"the base client components of site server '{server.Machine}'");
        }

        foreach (var cap in model.Caps)
        {
            Add(compvers, cap.BaseCompver, $"the base client components on CAP '{cap.Machine}'");
        }

        foreach (var lp in model.LogonPoints)
        {
            foreach (var code in lp.SiteFolders.Keys)
            {
                Add(compvers, lp.SiteCompver(code), $"site '{code}' on logon point '{lp.Machine}'");
            }
        }

        foreach (var (file, what) in compvers.Values)
        {
            // Zero-byte: not captured. Undecoded or unparsed: the input rules report it.
            if (file.File.Length == 0 || file.Text is not { } text || text.Text.Trim().Length == 0 || file.As<IniDocument>() is null)
            {
                continue;
            }

            if (CompverReader.Read(file) is null)
            {
                context.Report(
                    $"Version value is not an SMS version: '{file.File.FileName}' of {what} holds none, so its base components are unknown.",
                    Evidence.Start(file),
                    "compver:no-version",
                    help: "The file should hold one version of four numeric fields, such as 'Version=2.00.1493.2009' (Q213410).");
            }
        }

        foreach (var kind in new[] { FileKind.DomainIni, FileKind.ClientSmsIni })
        {
            foreach (var (file, doc) in model.Inis(kind))
            {
                if (doc.Get("SMS", "BuildNo") is not { } entry)
                {
                    continue;
                }

                var value = entry.Value.Text;
                if (value.Length == 0 || (value.All(char.IsAsciiDigit) && int.TryParse(value, out _)))
                {
                    continue;
                }

                var remedy = kind == FileKind.DomainIni
                    ? "restore the site's build number"
                    : "restore the build number of the logon server's Domain.ini";
                context.Report(
                    $"Version value is not an SMS version: '[SMS] BuildNo' in '{file.Path}' is '{value}', not a build number.",
                    Evidence.At(file, entry.Value.Span),
                    "buildno",
                    help: $"SMS 1.x writes the bare build here (for example 'BuildNo=786' for SMS 1.2) and upgrades the client whenever Sms.ini and the logon server's Domain.ini differ, so {remedy}.");

            }
        }
    }

    private static void Add(SortedDictionary<string, (LoadedFile File, string What)> map, LoadedFile? file, string what)
    {
        if (file is not null)
        {
            map.TryAdd(file.Path, (file, what));
        }
    }
}

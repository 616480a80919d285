using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Model;
using SmsLint.Text;

namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// <c>Sitescfg\Senior.lst</c> does not name a participating site in its first three characters,
/// in upper case (Q235726).
/// </summary>
public sealed class SeniorLstInvalid() : Rule(new() { Id = "SMS2008", Title = "Senior.lst does not name a participating site in upper case", Level = Level.Error, Kb = ["Q235726"], Tags = [RuleTag.SharedLogonPoint, RuleTag.SeniorSite], Precision = Precision.High })
{
    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            // A zero-byte file is a placeholder for a file that was not captured.
            if (lp.SeniorLst is not { Text: { } text } file || file.File.Length == 0)
            {
                continue;
            }

            var raw = text.Text;
            var length = Math.Min(3, raw.Length);
            var first = raw[..length];
            var lineBreak = raw.IndexOfAny(['\r', '\n']);
            var span = new TextSpan(0, lineBreak >= 0 ? Math.Min(length, lineBreak) : length);
            var at = span.Length > 0 ? Evidence.At(file, span) : Evidence.Start(file);
            var name = file.File.FileName;
            if (length < 3 || !first.All(char.IsAsciiLetterOrDigit))
            {
                context.Report(
                    $"The first three characters of '{name}' on logon point '{lp.Machine}' are '{Printable(first)}', which is not a site code, so Logon Server Manager cannot match any site and the senior site falls back to the one with the highest SMS version (Q235726); write the senior site's three-character code, in upper case, at the very start of the file.",
                    at,
                    "not-a-code");
                continue;
            }

            var upper = first.ToUpperInvariant();
            var participates = lp.SiteSet.Contains(upper);
            var participation = lp.SiteSet.Count == 0
                ? string.Empty
                : participates ? string.Empty : $" '{upper}' has no 'Sites\\{upper}' folder or '{upper}_cfg.lcf' on this logon point either, so it does not take part in logon point management.";
            if (!first.Equals(upper, StringComparison.Ordinal))
            {
                context.Report(
                    $"'{name}' on logon point '{lp.Machine}' names the senior site as '{first}', with lower-case letters; Logon Server Manager compares site codes case-sensitively, so no site matches and the senior site falls back to the one with the highest SMS version (Q235726).{participation} Replace '{first}' with '{upper}'.",
                    at,
                    "lower-case",
                    Related(lp, upper));
                continue;
            }

            if (lp.SiteSet.Count > 0 && !participates)
            {
                var sites = SharedLogonPoints.Join([.. lp.SiteSet.Select(c => $"'{c}'")]);
                context.Report(
                    $"'{name}' on logon point '{lp.Machine}' names '{upper}' as the senior site, but '{upper}' has no 'Sites\\{upper}' folder or '{upper}_cfg.lcf' here, so it does not take part in logon point management and cannot act as senior site (Q235726); name one of the sites that use this logon point ({sites}) and has logon discovery or installation enabled.",
                    at,
                    $"not-participating:{upper}");
            }
        }
    }

    private static List<Evidence> Related(Model.LogonPoint lp, string code) =>
        lp.Lcfs.TryGetValue(code, out var lcf) ? [Evidence.Start(lcf, $"Site '{code}' takes part in logon point management.")] : [];

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c == '\'' ? $"\\x{(int)c:X2}" : c.ToString()));
}

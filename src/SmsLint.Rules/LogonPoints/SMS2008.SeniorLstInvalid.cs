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
                    $"Senior.lst names no usable senior site: '{lp.Machine}' starts it with '{Printable(first)}', which is not a site code.",
                    at,
                    "not-a-code",
                    help: $"Write the senior site's three-character code, in upper case, at the very start of '{name}': until then the senior site is the one with the highest SMS version (Q235726).");
                continue;
            }

            var upper = first.ToUpperInvariant();
            var participates = lp.SiteSet.Contains(upper);
            var participation = lp.SiteSet.Count == 0
                ? string.Empty
                : participates ? string.Empty : $" '{upper}' has no 'Sites\\{upper}' folder or '{upper}_cfg.lcf' on this logon point either, so it does not take part in logon point management; name a site that does.";
            if (!first.Equals(upper, StringComparison.Ordinal))
            {
                context.Report(
                    $"Senior.lst names no usable senior site: '{lp.Machine}' names '{first}', in lower case, which Logon Server Manager matches to no site.",
                    at,
                    "lower-case",
                    Related(lp, upper),
                    help: $"Replace '{first}' with '{upper}': site codes are compared case-sensitively, and with no match the senior site is the one with the highest SMS version (Q235726).{participation}");
                continue;
            }

            if (lp.SiteSet.Count > 0 && !participates)
            {
                var sites = SharedLogonPoints.Join([.. lp.SiteSet.Select(c => $"'{c}'")]);
                context.Report(
                    $"Senior.lst names no usable senior site: '{lp.Machine}' names '{upper}', which has no 'Sites\\{upper}' folder or '{upper}_cfg.lcf' there.",
                    at,
                    $"not-participating:{upper}",
                    help: $"Name one of the sites that use this logon point ({sites}) and have logon discovery or installation enabled: a site that does not take part in logon point management cannot act as senior site (Q235726).");

            }
        }
    }

    private static List<Evidence> Related(Model.LogonPoint lp, string code) =>
        lp.Lcfs.TryGetValue(code, out var lcf) ? [Evidence.Start(lcf, $"Site '{code}' takes part in logon point management.")] : [];

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || c == '\'' ? $"\\x{(int)c:X2}" : c.ToString()));
}

using System.Text;
using SmsLint.Catalog;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Rules;
using SmsLint.Scanning;
using SmsLint.Writers.Sarif;
using SmsLint.Writers.Text;

namespace SmsLint.Tests.Rules;

/// <summary>Runs rules over a fixture snapshot folder the way the CLI does, minus the CLI.</summary>
internal static class FixtureRunner
{
    public static readonly SmsCatalog Catalog = SmsCatalog.LoadEmbedded();

    /// <summary>
    /// Scans a fixture snapshot through the library's entry point, exactly as `smslint scan` does:
    /// every built-in rule is known (for suppressions and the SARIF rule list), only <paramref name="rules"/>
    /// run (the others count as having found nothing), and the report carries the rule documentation.
    /// </summary>
    public static ScanReport Scan(string snapshot, IEnumerable<Rule>? rules = null, AnalysisOptions? options = null, Model.RolloutOverlay? overlay = null)
    {
        var settings = new ScanSettings(snapshot, BuiltInRules.All)
        {
            RunOnly = rules?.Select(r => r.Descriptor.Id).ToHashSet(StringComparer.OrdinalIgnoreCase),
            Overlay = overlay,
            Adjust = options is null ? null : _ => options,
        };
        return Scanner.Scan(settings);
    }

    /// <summary>
    /// The upgrade plan of a fixture case: plan.args beside its snapshot folder holds the arguments of
    /// 'smslint plan' (--target VERSION, --upgrade SITE=VERSION; an empty file plans nothing but still
    /// reads the snapshot as the plan command does). Null when the case has no plan.args.
    /// </summary>
    public static Model.RolloutOverlay? Overlay(string caseDir)
    {
        var path = Path.Combine(caseDir, "plan.args");
        if (!File.Exists(path))
        {
            return null;
        }

        var words = File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var upgrades = new List<string>();
        string? target = null;
        for (var i = 0; i + 1 < words.Length; i += 2)
        {
            if (words[i] == "--target")
            {
                target = words[i + 1];
            }
            else if (words[i] == "--upgrade")
            {
                upgrades.Add(words[i + 1]);
            }
            else
            {
                throw new InvalidDataException($"{path}: unknown argument '{words[i]}'");
            }
        }

        return Model.RolloutOverlay.Parse(upgrades, target, Catalog, out var error) ?? throw new InvalidDataException($"{path}: {error}");
    }

    public static string Text(ScanReport report)
    {
        using var w = new StringWriter { NewLine = "\n" };
        CompilerTextWriter.Write(report, w, includeSuppressed: true);
        return w.ToString();
    }

    /// <summary>Writes the SARIF of a run where the Multitool step of .ci/run validates it.</summary>
    public static string SaveSarif(ScanReport report, string name)
    {
        var path = Path.Combine(Repo.SarifOut, name + ".sarif");
        File.WriteAllText(path, SarifWriter.WriteToString(report), new UTF8Encoding(false));
        return path;
    }
}

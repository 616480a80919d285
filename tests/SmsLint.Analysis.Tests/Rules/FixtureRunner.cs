using System.Text;
using SmsLint.Catalog;
using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Rules;
using SmsLint.Writers.Sarif;
using SmsLint.Writers.Text;

namespace SmsLint.Tests.Rules;

/// <summary>Runs rules over a fixture snapshot folder the way the CLI does, minus the CLI.</summary>
internal static class FixtureRunner
{
    public static readonly SmsCatalog Catalog = SmsCatalog.LoadEmbedded();

    public static ScanReport Scan(string snapshot, IEnumerable<Rule>? rules = null, AnalysisOptions? options = null)
    {
        options ??= new AnalysisOptions();
        using var source = new DirectorySource(snapshot);
        var model = SnapshotLoader.Load(source, options);
        var notifications = new List<Notification>();
        var findings = Linter.Run(model, rules ?? BuiltInRules.All, options, Catalog, notifications, source.Problems, source);
        return new ScanReport(
            "0.0.0-test",
            source.RootPath,
            BuiltInRules.Descriptors,
            findings,
            notifications,
            new CatalogInfo(Catalog.Name, Catalog.CatalogVersion, "embedded"))
        {
            FilesScanned = model.Files.Count,
        };
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

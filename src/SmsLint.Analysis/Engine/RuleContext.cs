using SmsLint.Catalog;
using SmsLint.Findings;
using SmsLint.Model;

namespace SmsLint.Engine;

/// <summary>What a rule sees while it runs, and where it reports.</summary>
public sealed class RuleContext
{
    private readonly List<Finding> _findings;

    internal RuleContext(Rule rule, SnapshotModel model, SmsCatalog catalog, AnalysisOptions options, List<Finding> findings)
    {
        Rule = rule;
        Model = model;
        Catalog = catalog;
        Options = options;
        _findings = findings;
    }

    public Rule Rule { get; }

    public SnapshotModel Model { get; }

    public SmsCatalog Catalog { get; }

    public AnalysisOptions Options { get; }

    /// <summary>Problems the snapshot source met while listing files (links, unsafe archive entries).</summary>
    public IReadOnlyList<Discover.SourceProblem> SourceProblems { get; init; } = [];

    /// <summary>
    /// Reports a finding at <paramref name="primary"/>. <paramref name="subject"/> names what it is
    /// about without line numbers (a site code, a file entry); it keys the line-independent
    /// fingerprint. Every other file that is evidence goes in <paramref name="related"/>.
    /// <paramref name="message"/> states the problem in one sentence that opens with the same words
    /// for every finding of the rule; the instance-specific remedy goes in <paramref name="help"/>.
    /// </summary>
    public Finding Report(
        string message,
        Evidence primary,
        string subject,
        IEnumerable<Evidence>? related = null,
        Level? level = null,
        Fix? fix = null,
        string? help = null)
    {
        var finding = new Finding(
            Rule.Descriptor,
            level ?? Rule.Descriptor.DefaultLevel,
            message,
            primary.ToLocation(),
            related?.Select(e => e.ToLocation()).Distinct().ToList() ?? [],
            subject)
        {
            Fix = fix,
            Help = help,
        };
        _findings.Add(finding);
        return finding;
    }
}

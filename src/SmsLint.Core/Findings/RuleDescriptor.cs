namespace SmsLint.Findings;

/// <summary>
/// What a rule is, independent of any run: its stable opaque id (SMSnnnn), its PascalCase name,
/// a one-line title, its default level, the Knowledge Base articles it rests on and its tags.
/// The prose lives in rules/&lt;Id&gt;.md.
/// </summary>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    string Title,
    Level DefaultLevel,
    IReadOnlyList<string> Kb,
    IReadOnlyList<string> Tags,
    string Precision = "high",
    IReadOnlyList<string>? Candidates = null)
{
    /// <summary>Ids from the domain reference's candidate table (CL003, LS001, ...) this rule implements.</summary>
    public IReadOnlyList<string> CandidateIds => Candidates ?? [];

    /// <summary>GitHub's problem.severity: error, warning or recommendation.</summary>
    public string ProblemSeverity => DefaultLevel switch
    {
        Level.Error => "error",
        Level.Warning => "warning",
        _ => "recommendation",
    };
}

namespace SmsLint.Findings;

/// <summary>
/// What a rule is, independent of any run: its stable opaque id (SMSnnnn), its PascalCase name,
/// a one-line title, its default level, the Knowledge Base articles it rests on, its tags and its
/// precision (tags and precision in their written, kebab-case form).
/// The prose lives in rules/&lt;Id&gt;.md.
/// </summary>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    string Title,
    Level DefaultLevel,
    IReadOnlyList<string> Kb,
    IReadOnlyList<string> Tags,
    string Precision = "high")
{
    /// <summary>GitHub's problem.severity: error, warning or recommendation.</summary>
    public string ProblemSeverity => DefaultLevel switch
    {
        Level.Error => "error",
        Level.Warning => "warning",
        _ => "recommendation",
    };
}

using SmsLint.Findings;
using SmsLint.Text;

namespace SmsLint.Config;

/// <summary>
/// A suppression declared in the configuration file: findings of <see cref="RuleId"/> whose
/// primary location matches <see cref="PathGlob"/> are suppressed (SARIF kind "external") until
/// <see cref="Expires"/> has passed. <see cref="Span"/> is the entry in the configuration text.
/// </summary>
public sealed record DeclaredSuppression(string RuleId, string PathGlob, string Reason, DateOnly? Expires, TextSpan Span);

/// <summary>A problem in a configuration file, with its 1-based line and column.</summary>
public sealed record ConfigError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>
/// The contents of an <c>smslint.yml</c> file (docs/ci-and-ide.md, schema in
/// schemas/smslint.config.schema.json). Every member is optional; null means "not set", so the
/// built-in default or the command line decides.
/// </summary>
public sealed class SmsLintConfig
{
    /// <summary>Absolute path of the file the configuration was read from.</summary>
    public required string FilePath { get; init; }

    /// <summary>The file's text, for locations of findings about declared suppressions.</summary>
    public required SourceText Text { get; init; }

    public IReadOnlyList<string> Select { get; init; } = [];

    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>Per-rule level overrides, by upper-case rule id.</summary>
    public IReadOnlyDictionary<string, Level> Levels { get; init; } = new Dictionary<string, Level>();

    /// <summary>Path globs (relative to the snapshot root, '/' separated, case-insensitive) of files not to scan.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    public long? MaxTextFileBytes { get; init; }

    public int? MaxLineLength { get; init; }

    /// <summary>Folder nesting walked below the snapshot root (limits.maxFolderDepth).</summary>
    public int? MaxFolderDepth { get; init; }

    /// <summary>Bounds on zip snapshots (limits.zip); unset keys keep their defaults.</summary>
    public Discover.ZipLimits? ZipLimits { get; init; }

    /// <summary>Absolute path of a catalog JSON file to use instead of the embedded one.</summary>
    public string? CatalogPath { get; init; }

    /// <summary>False forbids inline suppression comments, like <c>--no-inline-suppressions</c>.</summary>
    public bool? InlineSuppressions { get; init; }

    public IReadOnlyList<DeclaredSuppression> Suppressions { get; init; } = [];
}

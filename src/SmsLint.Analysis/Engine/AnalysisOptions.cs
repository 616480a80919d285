namespace SmsLint.Engine;

/// <summary>Limits and switches of one scan. Defaults are documented in the README (Robustness).</summary>
public sealed record AnalysisOptions
{
    /// <summary>Text files larger than this are not read (an input finding says so). SMS config files are kilobytes.</summary>
    public long MaxTextFileBytes { get; init; } = 4L * 1024 * 1024;

    /// <summary>
    /// Lines longer than this stop the file from being parsed. 8,191 characters is the longest
    /// command line cmd.exe accepts on Windows NT 4.0 and later; nothing SMS writes comes close.
    /// </summary>
    public int MaxLineLength { get; init; } = 8191;

    /// <summary>Parallel degree for reading and parsing; output does not depend on it.</summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Rule ids to run (empty: all).</summary>
    public IReadOnlySet<string> Select { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rule ids not to run.</summary>
    public IReadOnlySet<string> Ignore { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}

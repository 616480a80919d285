namespace SmsLint.Cli.Terminal;

/// <summary>--color auto|always|never.</summary>
public enum ColorMode
{
    Auto,
    Always,
    Never,
}

/// <summary>
/// What the process writes to: whether standard output and standard error are terminals, and the
/// environment that turns colour off. Tests build one; the CLI reads the real console.
/// </summary>
public sealed record TerminalInfo(bool StdoutIsTerminal, bool StderrIsTerminal, bool NoColor, bool DumbTerminal)
{
    /// <summary>Nothing is a terminal: what in-process callers (tests, libraries) get.</summary>
    public static TerminalInfo None { get; } = new(false, false, false, false);

    /// <summary>
    /// The real console, for the writers <paramref name="stdout"/> and <paramref name="stderr"/>:
    /// a writer other than Console.Out/Console.Error is never a terminal.
    /// </summary>
    public static TerminalInfo Detect(TextWriter stdout, TextWriter stderr)
    {
        var noColor = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };
        var dumb = string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        return new TerminalInfo(
            ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected,
            ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected,
            noColor,
            dumb);
    }

    /// <summary>
    /// always colours, never does not; auto colours a terminal unless NO_COLOR is set (any
    /// non-empty value, no-color.org) or TERM is dumb. An explicit --color always wins over NO_COLOR.
    /// </summary>
    public bool ColorStdout(ColorMode mode) => mode switch
    {
        ColorMode.Always => true,
        ColorMode.Never => false,
        _ => StdoutIsTerminal && !NoColor && !DumbTerminal,
    };
}

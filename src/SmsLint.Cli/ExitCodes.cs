namespace SmsLint.Cli;

/// <summary>Contract §3.</summary>
public static class ExitCodes
{
    /// <summary>No finding at or above the fail level.</summary>
    public const int Clean = 0;

    /// <summary>Findings at or above the fail level.</summary>
    public const int Findings = 1;

    /// <summary>Usage or configuration error.</summary>
    public const int UsageError = 2;

    /// <summary>Internal error.</summary>
    public const int InternalError = 3;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT).</summary>
    public const int Interrupted = 130;

    /// <summary>Terminated by SIGTERM (128 + SIGTERM).</summary>
    public const int Terminated = 143;
}

namespace SmsLint.Cli.Commands;

/// <summary>
/// A deterministic "mid-scan" for the signal tests: with <c>SMSLINT_TEST_PAUSE_AFTER_LISTING</c>
/// set to a file path, the scan, once it has listed the snapshot, creates that file and waits
/// until it is cancelled (SIGINT, SIGTERM). A test waits for the file, then sends the signal, so
/// the signal always lands while the scan runs, however fast or slow the machine is.
/// </summary>
internal static class TestPause
{
    public const string Variable = "SMSLINT_TEST_PAUSE_AFTER_LISTING";

    public static Action<CancellationToken>? FromEnvironment()
    {
        var marker = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(marker))
        {
            return null;
        }

        return cancellation =>
        {
            File.WriteAllText(marker, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            cancellation.WaitHandle.WaitOne();
        };
    }
}

using System.Runtime.InteropServices;
using SmsLint.Cli;

// Ctrl-C (SIGINT) and SIGTERM cancel the scan instead of killing the process: the scan stops at
// the next line, file or rule, nothing partial is written, and the exit code is 128 + the signal
// number (130, 143). Should the process be stuck where no cancellation reaches (a write to a pipe
// nobody reads, a system call that does not return), a watchdog ends it shortly after the
// signal anyway, removing any temporary file it was writing.
using var cancellation = new CancellationTokenSource();
var signalled = 0;

PosixSignalRegistration? Register(PosixSignal signal, int exitCode)
{
    try
    {
        return PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            if (Interlocked.CompareExchange(ref signalled, exitCode, 0) == 0)
            {
                new Thread(() => Watchdog.EndAfterGrace(exitCode)) { IsBackground = true, Name = "smslint-signal-watchdog" }.Start();
            }

            cancellation.Cancel();
        });
    }
    catch (PlatformNotSupportedException)
    {
        return null;
    }
}

using var sigint = Register(PosixSignal.SIGINT, ExitCodes.Interrupted);
using var sigterm = Register(PosixSignal.SIGTERM, ExitCodes.Terminated);

var exit = SmsLintCli.Run(args, Console.Out, Console.Error, cancellation.Token);
if (Environment.GetEnvironmentVariable("SMSLINT_JIT_REPORT") == "1")
{
    // For bench/run.sh (issue 14.7): how much of the start-up ReadyToRun did not cover.
    Console.Error.WriteLine(FormattableString.Invariant(
        $"smslint: jit: {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled at run time in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms"));
}

var signal = Volatile.Read(ref signalled);
return signal != 0 ? signal : exit;

/// <summary>Ends the process a moment after a signal if the cancelled scan has not ended it by then.</summary>
internal static partial class Watchdog
{
    /// <summary>How long a cancelled scan may take to stop by itself (the whole exit stays under a second).</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(600);

    public static void EndAfterGrace(int exitCode)
    {
        Thread.Sleep(Grace);
        AtomicFile.DeleteInFlight();
        try
        {
            // Straight to descriptor 2: on Unix, Console.Error waits for a lock that a write to
            // Console.Out blocked in the kernel holds.
            using var stderr = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(2, ownsHandle: false), FileAccess.Write, 1);
            stderr.Write("smslint: interrupted; no report was written.\n"u8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Standard error may be gone too; the exit code still says what happened.
        }

        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            // _exit: no handler, finaliser or stream flush can block it.
            SysExit(exitCode);
        }

        Environment.Exit(exitCode);
    }

    [DllImport("libc", EntryPoint = "_exit")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern void SysExit(int status);
}

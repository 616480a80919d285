using System.Runtime.InteropServices;
using SmsLint.Cli;

// Ctrl-C (SIGINT) and SIGTERM cancel the scan instead of killing the process: the scan stops at
// the next line, file or rule, nothing partial is written, and the exit code is 128 + the signal
// number (130, 143).
using var cancellation = new CancellationTokenSource();
var signalled = 0;

PosixSignalRegistration? Register(PosixSignal signal, int exitCode)
{
    try
    {
        return PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            Interlocked.CompareExchange(ref signalled, exitCode, 0);
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
var signal = Volatile.Read(ref signalled);
return signal != 0 ? signal : exit;

using System.Globalization;
using SmsLint.Engine;

namespace SmsLint.Cli.Terminal;

/// <summary>
/// A one-line progress display on standard error for scans that take longer than a second: the
/// phase and its count, redrawn in place four times a second and erased when the scan ends. Only
/// started when standard error is a terminal, so redirected output never sees it.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    private readonly ScanProgress _progress;
    private readonly TextWriter _stderr;
    private readonly Timer _timer;
    private readonly Lock _lock = new();
    private bool _drawn;
    private string? _last;
    private bool _disposed;

    private ProgressLine(ScanProgress progress, TextWriter stderr)
    {
        _progress = progress;
        _stderr = stderr;
        _timer = new Timer(_ => Draw(), null, Delay, Period);
    }

    /// <summary>A progress line for <paramref name="progress"/>, or nothing when it is null.</summary>
    public static IDisposable? Start(ScanProgress? progress, TextWriter stderr) => progress is null ? null : new ProgressLine(progress, stderr);

    /// <summary>The text of the line, e.g. "smslint: reading and parsing files 12,000/100,002".</summary>
    public static string Text(ScanProgress progress)
    {
        var total = progress.Total;
        return total > 0
            ? string.Create(CultureInfo.InvariantCulture, $"smslint: {progress.Phase} {Math.Min(progress.Done, total):N0}/{total:N0}")
            : $"smslint: {progress.Phase}…";
    }

    private void Draw()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            var text = Text(_progress);
            if (text == _last)
            {
                return;
            }

            _stderr.Write("\r\u001b[2K" + text);
            _stderr.Flush();
            _last = text;
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer.Dispose();
            if (_drawn)
            {
                _stderr.Write("\r\u001b[2K");
                _stderr.Flush();
            }
        }
    }
}

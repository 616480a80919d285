namespace SmsLint.Tests;

/// <summary>
/// A fact that needs Linux (FIFOs, /proc, symbolic links, file names that are not UTF-8): on any
/// other platform it is reported as skipped, with the reason, instead of passing without running.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux (FIFOs, /proc, symbolic links or non-UTF-8 file names)";
        }
    }
}

using System.Diagnostics;

namespace SmsLint.Tests.Rules;

/// <summary>
/// Every fixture file must reach a clean clone: a .gitignore pattern such as "bin/" once hid the
/// site servers' SMS_&lt;CODE&gt;/bin/i386 binaries, and CI saw different snapshots from developers.
/// </summary>
public sealed class TestDataTrackedTests
{
    [Fact]
    public async Task No_testdata_file_is_ignored_by_git()
    {
        var files = Directory.EnumerateFiles(Repo.TestData, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => !f.EndsWith(".actual", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .ToList();
        Assert.NotEmpty(files);

        var start = new ProcessStartInfo("git", "check-ignore --no-index --stdin")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEndAsync();
        foreach (var f in files)
        {
            git.StandardInput.WriteLine(f);
        }

        git.StandardInput.Close();
        await git.WaitForExitAsync();
        var ignored = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(git.ExitCode is 0 or 1, "git check-ignore failed: " + await git.StandardError.ReadToEndAsync());
        Assert.True(ignored.Length == 0, "git would ignore fixture files: " + string.Join(", ", ignored.Take(10)));
    }
}

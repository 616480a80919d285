using System.Diagnostics;

namespace SmsLint.Tests.Rules;

/// <summary>
/// Every fixture file must reach a clean clone: a .gitignore pattern such as "bin/" once hid the
/// site servers' SMS_&lt;CODE&gt;/bin/i386 binaries, and CI saw different snapshots from developers.
/// </summary>
public sealed class TestDataTrackedTests
{
    [SkippableFact]
    public async Task No_testdata_file_is_ignored_by_git()
    {
        // Outside a git checkout (a source archive, a copied tree) there is no .gitignore to obey.
        Skip.IfNot(Directory.Exists(Path.Combine(Repo.Root, ".git")) || File.Exists(Path.Combine(Repo.Root, ".git")), "the repository is not a git checkout, so nothing can be ignored by git.");
        Skip.If(!GitAvailable(), "git is not installed.");

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

    private static bool GitAvailable()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            git.WaitForExit();
            return git.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

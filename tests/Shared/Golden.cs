using System.Text;

namespace SmsLint.Tests;

/// <summary>
/// Golden-file comparison. On a mismatch the actual output is written next to the golden as
/// "&lt;name&gt;.actual" (git-ignored) and the assertion shows a diff command. With
/// SMSLINT_UPDATE_GOLDEN=1 (and not on CI) the golden is rewritten instead.
/// </summary>
internal static class Golden
{
    public static void Match(string goldenPath, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var update = Environment.GetEnvironmentVariable("SMSLINT_UPDATE_GOLDEN") == "1"
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
        var actualPath = goldenPath + ".actual";
        if (update)
        {
            File.WriteAllText(goldenPath, actual, new UTF8Encoding(false));
            if (File.Exists(actualPath))
            {
                File.Delete(actualPath);
            }

            return;
        }

        var expected = File.Exists(goldenPath) ? File.ReadAllText(goldenPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            if (File.Exists(actualPath))
            {
                File.Delete(actualPath);
            }

            return;
        }

        File.WriteAllText(actualPath, actual, new UTF8Encoding(false));
        var rel = Path.GetRelativePath(Repo.Root, goldenPath);
        Assert.Fail(expected is null
            ? $"Golden file {rel} does not exist. Actual output written to {rel}.actual; review it and rename, or run with SMSLINT_UPDATE_GOLDEN=1."
            : $"Output differs from {rel}. See: diff {rel} {rel}.actual  (accept with SMSLINT_UPDATE_GOLDEN=1)");
    }
}

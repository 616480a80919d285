namespace SmsLint.Tests;

/// <summary>Paths inside the repository, found by walking up to SmsLint.sln.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string TestData => Path.Combine(Root, "testdata");

    public static string Rules => Path.Combine(Root, "rules");

    /// <summary>Where tests drop every SARIF log they produce, for the Multitool step of .ci/run.</summary>
    public static string SarifOut
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("SMSLINT_SARIF_OUT") ?? Path.Combine(Root, "artifacts", "sarif");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SmsLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("SmsLint.sln not found above " + AppContext.BaseDirectory);
    }
}

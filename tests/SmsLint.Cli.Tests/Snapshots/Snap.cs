using Newtonsoft.Json.Linq;
using Snapshooter;

namespace SmsLint.Tests.Cli.Snapshots;

/// <summary>
/// Structured snapshots with Snapshooter: JSON documents compared as JSON, stored under
/// tests/SmsLint.Cli.Tests/Snapshots/__snapshots__/&lt;name&gt;.snap, with volatile fields masked.
/// Snapshooter on its own writes a missing snapshot and passes; here a missing snapshot fails
/// whenever CI is set, and SMSLINT_UPDATE_SNAPSHOTS=1 rewrites every snapshot a run reaches
/// (never under CI). A mismatch always fails; Snapshooter writes the actual document to
/// __snapshots__/__mismatch__/ (git-ignored) for a diff.
/// </summary>
internal static class Snap
{
    /// <summary>Where the snapshots of this project live (Snapshooter adds the __snapshots__ folder).</summary>
    public static string Folder { get; } = Path.Combine(Repo.Root, "tests", "SmsLint.Cli.Tests", "Snapshots");

    /// <summary>True when the CI environment variable is set to anything but empty, as on every CI runner.</summary>
    public static bool OnCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>True when SMSLINT_UPDATE_SNAPSHOTS=1 asks for the snapshots to be rewritten.</summary>
    public static bool UpdateRequested => Environment.GetEnvironmentVariable("SMSLINT_UPDATE_SNAPSHOTS") == "1";

    /// <summary>Matches a JSON document against the snapshot <paramref name="name"/>.</summary>
    public static void MatchJson(string json, string name, Func<MatchOptions, MatchOptions>? mask = null) =>
        Match(JToken.Parse(json), name, mask);

    /// <summary>Matches a JSON tree against the snapshot <paramref name="name"/>.</summary>
    public static void Match(JToken value, string name, Func<MatchOptions, MatchOptions>? mask = null) =>
        Match(value, name, mask, Folder, OnCi, UpdateRequested);

    /// <summary>
    /// The whole policy, with CI and update given explicitly so that tests can check it without
    /// changing the process environment.
    /// </summary>
    public static void Match(JToken value, string name, Func<MatchOptions, MatchOptions>? mask, string folder, bool ci, bool update)
    {
        var fileName = Safe(name) + ".snap";
        var path = Path.Combine(folder, "__snapshots__", fileName);
        if (update && !ci && File.Exists(path))
        {
            File.Delete(path);
        }

        if (ci && !File.Exists(path))
        {
            Assert.Fail($"Snapshot {Path.GetRelativePath(Repo.Root, path)} does not exist, and CI never writes snapshots. "
                + "Create it locally with SMSLINT_UPDATE_SNAPSHOTS=1 dotnet test tests/SmsLint.Cli.Tests -c Release, review it, and commit it.");
        }

        Snapshooter.Xunit.Snapshot.Match(value, new SnapshotFullName(fileName, folder), mask ?? (o => o));
    }

    /// <summary>A snapshot name usable as a file name on every system.</summary>
    private static string Safe(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-'));
}

using System.Security.Cryptography;
using SmsLint.Cli;
using SmsLint.Cli.Commands;
using SmsLint.Findings;

namespace SmsLint.Tests.Cli.Robustness;

/// <summary>The scan never changes the snapshot, never leaves a partial report, and can run twice at once.</summary>
public sealed class NoHarmTests : IDisposable
{
    private static readonly string[] Formats = ["text", "sarif", "json", "github", "junit", "html"];

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("smslint-noharm-");

    public void Dispose() => _work.Delete(true);

    /// <summary>Path → SHA-256 of every file and link of a tree, plus every folder (a new folder counts too).</summary>
    private static SortedDictionary<string, string> Fingerprint(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        foreach (var item in new DirectoryInfo(root).EnumerateFileSystemInfos("*", options))
        {
            var rel = Path.GetRelativePath(root, item.FullName);
            result[rel] = item switch
            {
                _ when item.LinkTarget is { } target => "link:" + target,
                DirectoryInfo => "folder",
                FileInfo f when f.Length == 0 => "empty",
                _ => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(item.FullName))),
            };
        }

        return result;
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    private string CopyOfDemo()
    {
        var copy = Path.Combine(_work.FullName, "snapshot");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.TestData, "demo"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Path.Combine(Repo.TestData, "demo"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // Hazards too: a link loop and a dangling link must not provoke a write either.
        Directory.CreateSymbolicLink(Path.Combine(copy, "Loop"), ".");
        File.CreateSymbolicLink(Path.Combine(copy, "dangling.ini"), "nowhere.ini");
        return copy;
    }

    [Fact]
    public void Scanning_a_folder_leaves_every_byte_of_it_unchanged()
    {
        var snapshot = CopyOfDemo();
        var before = Fingerprint(snapshot);
        var times = Directory.EnumerateFiles(snapshot, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        foreach (var format in Formats)
        {
            CliRunner.Run("scan", snapshot, "--format", format, "--fail-level", "none");
            CliRunner.Run("scan", snapshot, "--format", format, "--output", Path.Combine(_work.FullName, "report." + format), "--fail-level", "none");
        }

        Assert.Equal(before, Fingerprint(snapshot));
        Assert.All(times, t => Assert.Equal(t.Value, File.GetLastWriteTimeUtc(t.Key)));
    }

    [Fact]
    public void Scanning_a_zip_leaves_it_unchanged_and_extracts_nothing()
    {
        var zip = Path.Combine(_work.FullName, "capture.zip");
        File.WriteAllBytes(zip, ZipFixtures.FromDirectory(Path.Combine(Repo.TestData, "demo"), "capture"));
        var hash = Hash(zip);
        var written = File.GetLastWriteTimeUtc(zip);
        var before = Fingerprint(_work.FullName);

        foreach (var format in Formats)
        {
            CliRunner.Run("scan", zip, "--format", format, "--fail-level", "none");
        }

        Assert.Equal(hash, Hash(zip));
        Assert.Equal(written, File.GetLastWriteTimeUtc(zip));
        Assert.Equal(before, Fingerprint(_work.FullName));
    }

    [Fact]
    public void A_run_that_fails_to_write_its_report_leaves_no_partial_file()
    {
        // The output path is taken by a folder: the report is written to a temporary file, the
        // rename over the folder fails, and the temporary file is removed.
        var outDir = Directory.CreateDirectory(Path.Combine(_work.FullName, "out"));
        var target = Directory.CreateDirectory(Path.Combine(outDir.FullName, "report.sarif"));
        File.WriteAllText(Path.Combine(target.FullName, "keep.txt"), "keep");

        // The CLI refuses a folder as --output before it scans (issue 10, item 8: exit 2, one line).
        var (exit, output, err) = CliRunner.Run("scan", Path.Combine(Repo.TestData, "demo"), "--format", "sarif", "--output", target.FullName);
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Empty(output);
        Assert.Contains("is a folder", err, StringComparison.Ordinal);
        Assert.Equal(["report.sarif"], outDir.EnumerateFileSystemInfos().Select(i => i.Name));
        Assert.Equal(["keep.txt"], target.EnumerateFileSystemInfos().Select(i => i.Name));

        // The atomic write itself, when the rename fails: it throws and removes its temporary file.
        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(target.FullName, s => s.Write("report"u8)));
        Assert.Equal(["report.sarif"], outDir.EnumerateFileSystemInfos().Select(i => i.Name));
        Assert.Equal(["keep.txt"], target.EnumerateFileSystemInfos().Select(i => i.Name));
    }

    [Fact]
    public void An_interrupted_run_keeps_the_previous_report_and_exits_130()
    {
        var outDir = Directory.CreateDirectory(Path.Combine(_work.FullName, "out"));
        var report = Path.Combine(outDir.FullName, "report.sarif");
        File.WriteAllText(report, "previous report");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var request = new ScanRequest(Path.Combine(Repo.TestData, "demo"), "sarif", report, Level.Error, [], [], null);
        var exit = ScanRunner.Run(request, stdout, stderr, cancelled.Token);

        Assert.Equal(ExitCodes.Interrupted, exit);
        Assert.Empty(stdout.ToString());
        Assert.Contains("interrupted", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("previous report", File.ReadAllText(report));
        Assert.Single(outDir.EnumerateFileSystemInfos());
    }

    [Fact]
    public void Scans_of_one_snapshot_at_the_same_time_give_identical_reports()
    {
        var demo = Path.Combine(Repo.TestData, "demo");
        var zip = Path.Combine(_work.FullName, "capture.zip");
        File.WriteAllBytes(zip, ZipFixtures.FromDirectory(demo));
        var expected = CliRunner.Run("scan", demo, "--format", "sarif", "--fail-level", "none").Out;

        var outputs = new string[16];
        Parallel.For(0, outputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var file = Path.Combine(_work.FullName, $"report-{i % 2}.sarif");
            var args = new List<string> { "scan", i % 3 == 0 ? zip : demo, "--format", "sarif", "--fail-level", "none", "--threads", "2" };
            outputs[i] = CliRunner.Run([.. args]).Out;

            // Two writers racing for the same --output file: each rename is atomic, so the file is always whole.
            CliRunner.Run([.. args, "--output", file]);
            Assert.Equal(expected, File.ReadAllText(file));
        });

        Assert.All(outputs, o => Assert.Equal(expected, o));
        Assert.Equal(["capture.zip", "report-0.sarif", "report-1.sarif"], _work.EnumerateFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
    }
}

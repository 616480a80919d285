using SmsLint.Cli.Commands;
using SmsLint.Findings;
using SmsLint.Scanning;

namespace SmsLint.Tests.Cli;

/// <summary>`scan --format html` end to end: deterministic, self-contained, every finding in it.</summary>
public sealed class HtmlReportTests
{
    private static readonly string Demo = Path.Combine(Repo.TestData, "demo");

    [Fact]
    public void DemoReportIsDeterministicAndHoldsEveryFinding()
    {
        var dir = Directory.CreateTempSubdirectory("smslint-html-").FullName;
        try
        {
            var a = Path.Combine(dir, "a.html");
            var b = Path.Combine(dir, "b.html");
            Assert.Equal(1, CliRunner.Run("scan", Demo, "--format", "html", "--output", a, "--threads", "1").Exit);
            Assert.Equal(1, CliRunner.Run("scan", Demo, "--format", "html", "--output", b, "--threads", "4").Exit);
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));

            var html = File.ReadAllText(a);
            var (_, stdout, _) = CliRunner.Run("scan", Demo, "--format", "html");
            Assert.Equal(html, stdout);

            var request = new ScanRequest(Demo, "html", null, Level.None, [], [], 1);
            Assert.Equal(0, ScanRunner.Prepare(request, TextWriter.Null, out var prepared));
            var report = Scanner.Scan(prepared!);
            foreach (var f in report.Findings)
            {
                Assert.Contains(SmsLint.Writers.Html.HtmlText.Escape(f.Message), html, StringComparison.Ordinal);
            }

            Assert.Contains("data-dc=\"DC01\"", html, StringComparison.Ordinal);
            Assert.Contains("data-dc=\"DC02\"", html, StringComparison.Ordinal);
            Assert.Contains("class=\"node site\" data-site=\"AAA\"", html, StringComparison.Ordinal);
            Assert.Contains("Clicore owner: AAA", html, StringComparison.Ordinal);
            Assert.Contains("not recorded (the snapshot has no capture.json)", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void CaptureTimeComesFromCaptureJson()
    {
        var dir = Directory.CreateTempSubdirectory("smslint-html-").FullName;
        try
        {
            CopyTree(Demo, Path.Combine(dir, "snap"));
            File.WriteAllText(Path.Combine(dir, "snap", "capture.json"), """{ "version": 1, "tool": "smslint 0.3.0", "started": "2026-12-01T10:00:00Z", "finished": "2026-12-01T10:04:12Z", "shares": [], "files": [] }""");
            var (_, html, _) = CliRunner.Run("scan", Path.Combine(dir, "snap"), "--format", "html");
            Assert.Contains("2026-12-01T10:00:00Z to 2026-12-01T10:04:12Z (UTC) by smslint 0.3.0, from capture.json", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

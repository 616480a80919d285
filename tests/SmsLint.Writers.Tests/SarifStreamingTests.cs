using System.Text.Json;
using SmsLint.Findings;
using SmsLint.Writers.Sarif;

namespace SmsLint.Tests.Writers;

/// <summary>
/// The SARIF writer streams (issue 14.4): it writes each result to the output as it goes, so
/// 20,000 results never sit in memory as one log object or one buffer.
/// </summary>
public sealed class SarifStreamingTests
{
    private static readonly RuleDescriptor Rule = new("SMS1006", "CopyLogNamesRemovedSite", "Copylog.tcf names a site that was removed", Level.Error, ["Q313209"], ["copy-log"]);

    /// <summary>Counts what is written and remembers the largest single write.</summary>
    private sealed class RecordingStream : Stream
    {
        public long Written { get; private set; }

        public int LargestWrite { get; private set; }

        public int Writes { get; private set; }

        public MemoryStream Copy { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Written += buffer.Length;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            Writes++;
            Copy.Write(buffer);
        }
    }

    private static Finding Make(int i)
    {
        var path = $"DC{i % 50:D2}/SMSLOGON/Config/Copylog.tcf";
        var line = 1 + (i % 400);
        return new Finding(
            Rule,
            Level.Error,
            $"'Copylog.tcf' names site 'R{i:D5}' on 2 lines, but hierarchy.ini does not declare the site",
            new Location(path, new Region(line, 1, line, 25, 30 * line, 24), $"SITES\\R{i:D5}\\caplist.ini=R{i:D5}"),
            [new Location(path, new Region(line + 1, 1, line + 1, 25, 30 * (line + 1), 24), "other", "This line also names the site."), Location.ForFile("hierarchy.ini", "hierarchy.ini declares other sites.")],
            $"removed-site:R{i:D5}")
        {
            Fingerprints = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["primaryLocationLineHash"] = $"{i:x16}:1", ["smslint/v1"] = $"k{i}" },
        };
    }

    [Fact]
    public void Twenty_thousand_results_are_written_result_by_result()
    {
        const int count = 20_000;
        var report = new ScanReport("1.2.3", "/snap", [Rule], [.. Enumerable.Range(0, count).Select(Make)], [], new CatalogInfo("catalog", "2026.1.1", "embedded"));
        var stream = new RecordingStream();
        SarifWriter.Write(report, stream);

        // The writer hands the stream one result (a couple of kilobytes) at a time, never the log.
        Assert.True(stream.Written > count * 500L, $"{stream.Written} bytes");
        Assert.True(stream.Writes >= count, $"{stream.Writes} writes for {count} results");
        Assert.True(stream.LargestWrite < 64 * 1024, $"largest write {stream.LargestWrite} bytes of {stream.Written}");

        stream.Copy.Position = 0;
        using var doc = JsonDocument.Parse(stream.Copy);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal(count, results.GetArrayLength());
        Assert.EndsWith("Related locations: [DC19/SMSLOGON/Config/Copylog.tcf:371](1), [hierarchy.ini](2).", results[19_969].GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);

        // The same bytes as the string form.
        Assert.Equal(SarifWriter.WriteToString(report), System.Text.Encoding.UTF8.GetString(stream.Copy.ToArray()));
    }
}

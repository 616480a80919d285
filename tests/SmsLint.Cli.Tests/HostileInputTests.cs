using System.Text;
using System.Text.Json;
using SmsLint.Findings;

namespace SmsLint.Tests.Cli;

/// <summary>The core-pipeline acceptance cases: broken files give input findings and valid SARIF, never a crash.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("smslint-hostile-");

    public void Dispose() => _root.Delete(true);

    private string Put(string relative, byte[] bytes)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private JsonElement ScanSarif(string name, out string text)
    {
        var (exit, sarif, err) = CliRunner.Run("scan", _root.FullName, "--format", "sarif", "--fail-level", "none");
        Assert.True(exit == 0, err);
        File.WriteAllText(Path.Combine(Repo.SarifOut, $"hostile-{name}.sarif"), sarif);
        text = sarif;
        return JsonDocument.Parse(sarif).RootElement;
    }

    private static JsonElement SingleResult(JsonElement log, string ruleId)
    {
        var results = log.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Where(r => r.GetProperty("ruleId").GetString() == ruleId).ToList();
        Assert.Single(results);
        return results[0];
    }

    [Fact]
    public void Binary_named_copylog_is_an_input_finding()
    {
        var pe = File.ReadAllBytes(Path.Combine(Repo.TestData, "binaries", "2.0.1493.2000", "Clicore.exe"));
        Put("DC01/SMSLOGON/Config/Copylog.tcf", pe);
        var log = ScanSarif("binary-copylog", out _);
        var result = SingleResult(log, "SMS0002");
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal("DC01/SMSLOGON/Config/Copylog.tcf", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.True(log.GetProperty("runs")[0].GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public void Two_megabyte_single_line_script_is_an_input_finding()
    {
        var line = new byte[2 * 1024 * 1024];
        Array.Fill(line, (byte)'a');
        Put("DC01/NETLOGON/Smsls.bat", [.. Encoding.ASCII.GetBytes("echo "), .. line]);
        var log = ScanSarif("two-megabyte-line", out var sarif);
        var result = SingleResult(log, "SMS0004");
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(1, region.GetProperty("startLine").GetInt32());
        // The long line must not be copied into the log (the snippet is capped).
        Assert.DoesNotContain(new string('a', Location.MaxSnippetLength + 1), sarif, StringComparison.Ordinal);
        Assert.True(result.GetRawText().Length < 20_000, "the result carries the long line");
    }

    [Fact]
    public void Bytes_invalid_in_every_encoding_are_an_input_finding()
    {
        Put("WKS001/C$/SMS.INI", [.. Encoding.ASCII.GetBytes("[SMS]\r\nSiteCode="), 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xC3, 0x28, 0xFF]);
        var log = ScanSarif("undecodable", out _);
        var result = SingleResult(log, "SMS0003");
        Assert.Contains("offset 16", result.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_hierarchy_ini_is_an_input_finding_and_the_rest_is_analysed()
    {
        Put("DC01/NETLOGON/Smsls.bat", Encoding.ASCII.GetBytes("@echo off\r\nGOTO END\r\n:END\r\n"));
        Put("hierarchy.ini", Encoding.Latin1.GetBytes("[Site AAA\r\nVersion=banana\r\n=\r\n[Domain]\r\nPDC=\u00ff\u00fe\r\n"));
        var log = ScanSarif("garbage-hierarchy-text", out _);
        var lines = log.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString() == "SMS0001")
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation"))
            .Select(p => (p.GetProperty("artifactLocation").GetProperty("uri").GetString(), p.GetProperty("region").GetProperty("startLine").GetInt32()))
            .ToList();
        Assert.Equal([("hierarchy.ini", 1), ("hierarchy.ini", 3)], lines);
        SingleResult(log, "SMS3001");

        var noise = new byte[3000];
        new Random(6).NextBytes(noise);
        noise[100] = 0;
        Put("hierarchy.ini", noise);
        log = ScanSarif("garbage-hierarchy-bytes", out _);
        var binary = SingleResult(log, "SMS0002");
        Assert.Equal("hierarchy.ini", binary.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        SingleResult(log, "SMS3001");
    }

    [Fact]
    public void Unknown_and_zero_byte_files_never_fail_the_scan()
    {
        Put("DC01/SMSLOGON/x86.bin/Clicore.exe", []);
        Put("DC01/random/thing.xyz", [0, 1, 2, 3]);
        Put("loose.txt", Encoding.ASCII.GetBytes("hello"));
        var log = ScanSarif("unknown-files", out _);
        Assert.Empty(log.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }
}

using System.Text;
using System.Text.Json;

namespace SmsLint.Tests.Cli.CiAndIde;

/// <summary>A temporary folder holding a copy of a testdata snapshot (or files written by a test), deleted afterwards.</summary>
internal sealed class Workspace : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("smslint-ci-");

    public Workspace(string? copyOf = null)
    {
        Snapshot = Path.Combine(_dir.FullName, "snapshot");
        Directory.CreateDirectory(Snapshot);
        if (copyOf is not null)
        {
            Copy(copyOf, Snapshot);
        }
    }

    /// <summary>The snapshot root.</summary>
    public string Snapshot { get; }

    /// <summary>A path beside the snapshot (outside it).</summary>
    public string Outside(string name) => Path.Combine(_dir.FullName, name);

    public string PathOf(string relative) => Path.Combine(Snapshot, relative);

    /// <summary>Writes a file with CRLF line ends, the way SMS files are captured.</summary>
    public void WriteCrlf(string relative, params string[] lines) =>
        Write(relative, Encoding.Latin1.GetBytes(string.Concat(lines.Select(l => l + "\r\n"))));

    public void Write(string relative, byte[] bytes)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void WriteText(string relative, string text) => Write(relative, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Inserts lines (CRLF) before line <paramref name="beforeLine"/> (1-based) of a captured file.</summary>
    public void InsertLines(string relative, int beforeLine, params string[] lines)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(PathOf(relative)));
        var offset = 0;
        for (var i = 1; i < beforeLine; i++)
        {
            offset = text.IndexOf('\n', offset) + 1;
        }

        text = text.Insert(offset, string.Concat(lines.Select(l => l + "\r\n")));
        File.WriteAllBytes(PathOf(relative), Encoding.Latin1.GetBytes(text));
    }

    /// <summary>Replaces text in a captured file, byte for byte (Latin-1), so legacy bytes elsewhere stay as they were.</summary>
    public void Replace(string relative, string oldText, string newText)
    {
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(PathOf(relative)));
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllBytes(PathOf(relative), Encoding.Latin1.GetBytes(text.Replace(oldText, newText, StringComparison.Ordinal)));
    }

    public void Dispose() => _dir.Delete(true);

    public static void Copy(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }

    /// <summary>Every file of a folder with its bytes, for before/after comparisons.</summary>
    public static SortedDictionary<string, string> Hashes(string root) => new(
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f).Replace('\\', '/'),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);
}

/// <summary>Reading SARIF logs the CLI wrote, and keeping them for the Multitool step of .ci/run.</summary>
internal static class Sarif
{
    /// <summary>Saves the log under Repo.SarifOut as "ci-&lt;name&gt;.sarif" and returns its run.</summary>
    public static JsonElement Keep(string sarif, string name)
    {
        File.WriteAllText(Path.Combine(Repo.SarifOut, $"ci-{name}.sarif"), sarif, new UTF8Encoding(false));
        return JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];
    }

    public static List<JsonElement> Results(JsonElement run, string? ruleId = null) =>
        [.. run.GetProperty("results").EnumerateArray().Where(r => ruleId is null || r.GetProperty("ruleId").GetString() == ruleId)];

    public static string Uri(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;

    public static int StartLine(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32();

    public static string Fingerprint(JsonElement result, string name) =>
        result.GetProperty("partialFingerprints").GetProperty(name).GetString()!;

    public static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

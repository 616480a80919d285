using System.Text;

namespace SmsLint.Tests.Parsing;

/// <summary>What the equivalence tests share: the real files and lines under testdata, and how a text is shown in a failure.</summary>
internal static class EquivalenceCorpus
{
    /// <summary>Every file under testdata matching <paramref name="pattern"/> (any case), in path order, read as Latin-1.</summary>
    public static IEnumerable<string> RealFiles(string pattern) =>
        Directory.EnumerateFiles(Repo.TestData, pattern, new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive })
            .Order(StringComparer.Ordinal)
            .Select(TryRead)
            .OfType<string>();

    /// <summary>The distinct lines of those files, in ordinal order.</summary>
    public static List<string> RealLines(string pattern) =>
        RealFiles(pattern)
            .SelectMany(text => text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A text quoted with its control and non-ASCII characters escaped; over <paramref name="max"/> characters, its two ends.</summary>
    public static string Escape(string s, int max = int.MaxValue)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s.Length > max ? s[..(max / 2)] + "…" + s[^(max / 2)..] : s)
        {
            sb.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                '"' => "\\\"",
                _ when c < ' ' || c > '~' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    /// <summary>The file as Latin-1 text, or null for the dangling links and loops testdata holds on purpose.</summary>
    private static string? TryRead(string path)
    {
        try
        {
            return Encoding.Latin1.GetString(File.ReadAllBytes(path));
        }
        catch (IOException)
        {
            return null;
        }
    }
}

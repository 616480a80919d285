using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using SmsLint.Decode;
using SmsLint.Discover;
using SmsLint.Findings;
using SmsLint.Parsing.Batch;
using SmsLint.Parsing.Common;
using SmsLint.Parsing.CopyList;
using SmsLint.Parsing.CopyLog;
using SmsLint.Parsing.Ini;
using SmsLint.Text;
using SmsLint.Writers.Sarif;

namespace SmsLint.Fuzz;

/// <summary>An invariant that did not hold: a bug as much as an exception is.</summary>
internal sealed class InvariantException : Exception
{
    public InvariantException()
    {
    }

    public InvariantException(string message)
        : base(message)
    {
    }

    public InvariantException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>A snapshot held in memory, listed in path order like <see cref="DirectorySource"/>.</summary>
internal sealed class MemorySource(IReadOnlyDictionary<string, byte[]> files) : ISnapshotSource
{
    public string RootPath => "/fuzz/snapshot";

    public IReadOnlyList<SnapshotEntry> Entries { get; } =
        [.. files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new SnapshotEntry(f.Key, f.Value.Length))];

    public IReadOnlyList<SourceProblem> Problems => [];

    public byte[]? ReadAll(SnapshotEntry entry, long maxBytes, out SourceProblem? problem)
    {
        problem = null;
        var bytes = files[entry.Path];
        return bytes.Length <= maxBytes ? (byte[])bytes.Clone() : bytes[..(int)maxBytes];
    }

    public Stream? OpenRead(SnapshotEntry entry, out SourceProblem? problem)
    {
        problem = null;
        return new MemoryStream(files[entry.Path], writable: false);
    }

    public void Dispose()
    {
    }
}

internal static class Invariants
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>Every <see cref="TextSpan"/> and <see cref="Token"/> reachable from a parsed document lies inside the text.</summary>
    public static void SpansInside(object document, int length)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Walk(document, length, "document", seen, 0);
    }

    /// <summary>
    /// The comment lines a grammar lists (which inline suppressions read) are exactly those
    /// <see cref="CommentLines"/> reads from every line of the text: none missed, none extra.
    /// </summary>
    public static void CommentsComplete(object document, SourceText text)
    {
        var (listed, syntax) = document switch
        {
            IniDocument d => (d.Comments, CommentSyntax.Semicolon),
            CopyLogDocument d => (d.Comments, CommentSyntax.Semicolon),
            CopyListDocument d => (d.Comments, CommentSyntax.Semicolon),
            BatchDocument d => (d.Comments, CommentSyntax.Batch),
            _ => throw new InvariantException($"{document.GetType().Name} is not a document with comment lines"),
        };
        var read = CommentLines.Scan(text, syntax);
        if (!listed.SequenceEqual(read))
        {
            throw new InvariantException($"the grammar lists {listed.Count} comment lines ({string.Join(", ", listed.Select(c => c.Line))}), the text has {read.Count} ({string.Join(", ", read.Select(c => c.Line))})");
        }
    }

    private static void Walk(object? value, int length, string path, HashSet<object> seen, int depth)
    {
        switch (value)
        {
            case null or string:
                return;
            case TextSpan span:
                if (span.Start < 0 || span.Length < 0 || span.End > length)
                {
                    throw new InvariantException($"{path} = {span} lies outside the text of length {length}");
                }

                return;
            case Token token:
                Walk(token.Span, length, path + ".Span", seen, depth + 1);
                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || depth > 12 || !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                Walk(item, length, $"{path}[{i++}]", seen, depth + 1);
            }

            return;
        }

        if (type.Namespace?.StartsWith("SmsLint.Parsing", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(type, t => [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0)]))
        {
            // Computed members (Tokens, Variables, Key, ...) run here too: rules read them.
            Walk(property.GetValue(value), length, path + "." + property.Name, seen, depth + 1);
        }
    }

    /// <summary>
    /// What must hold for a whole scan: the run itself succeeded (a parser or rule that throws is
    /// reported as an error notification), every finding points at a file of the snapshot with a
    /// region inside its decoded text, and the SARIF log is JSON with one result per finding.
    /// </summary>
    public static string Scan(ScanReport report, ISnapshotSource source)
    {
        foreach (var n in report.Notifications.Where(n => n.Level == Level.Error))
        {
            throw new InvariantException($"error notification {n.Id}: {n.Message}");
        }

        var files = source.Entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
        var problems = source.Problems.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        var texts = new Dictionary<string, SourceText?>(StringComparer.Ordinal);
        foreach (var f in report.Findings)
        {
            if (!f.Message.TrimEnd().EndsWith('.'))
            {
                throw new InvariantException($"{f.Rule.Id}: message is not a sentence: {f.Message}");
            }

            // A readable file always has GitHub's line hash; the root itself (SMS0010), a folder or a
            // file that could not be read has none, as upload-sarif computes none for them.
            var hashable = files.TryGetValue(f.Location.Path, out var hashed) && hashed.Unreadable is null && f.Rule.Id is not ("SMS0005" or "SMS0006")
                && source.ReadAll(hashed, long.MaxValue, out _) is not null;
            if (hashable && !f.Fingerprints.ContainsKey("primaryLocationLineHash"))
            {
                throw new InvariantException($"{f.Rule.Id}: no primaryLocationLineHash");
            }

            foreach (var location in f.Related.Prepend(f.Location))
            {
                CheckLocation(f, location, files, problems, texts, source);
            }
        }

        var sarif = SarifWriter.WriteToString(report);
        using var json = JsonDocument.Parse(sarif);
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength();
        if (results != report.Findings.Count)
        {
            throw new InvariantException($"SARIF has {results} results for {report.Findings.Count} findings");
        }

        // The other output formats take the same findings: they must not throw, and JSON and XML must parse.
        _ = SarifWriter.WriteToString(report, SarifProfile.Github, "captures/site");
        using (var text = new StringWriter())
        {
            Writers.Text.CompilerTextWriter.Write(report, text, includeSuppressed: true);
            Writers.Github.GithubAnnotationWriter.Write(report, text, "captures/site");
        }

        using (var stream = new MemoryStream())
        {
            Writers.Json.JsonFindingWriter.Write(report, stream);
            using var _ = JsonDocument.Parse(stream.ToArray());
        }

        using (var stream = new MemoryStream())
        {
            Writers.JUnit.JUnitWriter.Write(report, stream);
            stream.Position = 0;
            _ = System.Xml.Linq.XDocument.Load(stream);
        }

        return sarif;
    }

    private static void CheckLocation(Finding f, Location location, Dictionary<string, SnapshotEntry> files, HashSet<string> problems, Dictionary<string, SourceText?> texts, ISnapshotSource source)
    {
        var r = location.Region;
        if (r.StartLine < 1 || r.StartColumn < 1 || r.EndLine < r.StartLine || (r.EndLine == r.StartLine && r.EndColumn < r.StartColumn) || r.CharOffset < 0 || r.CharLength < 0)
        {
            throw new InvariantException($"{f.Rule.Id}: malformed region {r} in '{location.Path}'");
        }

        if (!files.TryGetValue(location.Path, out var entry))
        {
            if ((problems.Contains(location.Path) || (f.Rule.Id == "SMS0010" && location.Path == ".")) && r == Region.WholeFile)
            {
                return;
            }

            throw new InvariantException($"{f.Rule.Id}: location '{location.Path}' is not a file of the snapshot");
        }

        if (!texts.TryGetValue(location.Path, out var text))
        {
            var bytes = entry.Unreadable is null ? source.ReadAll(entry, long.MaxValue, out _) : null;
            text = bytes is null ? null : TextDecoder.Decode(bytes).Text;
            texts[location.Path] = text;
        }

        var length = text?.Length ?? 0;
        // A region that ends at the end of a text ending in a line break ends at the start of the
        // line after the last one (LineCount + 1, column 1), as SARIF and editors count it.
        var endsAfterBreak = text is { Length: > 0 } && text.Text[^1] is '\n' or '\r' && r.EndLine == text.LineCount + 1 && r.EndColumn == 1;
        if (r.CharOffset + r.CharLength > length || (text is not null && r.EndLine > text.LineCount && !endsAfterBreak))
        {
            throw new InvariantException($"{f.Rule.Id}: region {r} lies outside '{location.Path}' ({length} characters)");
        }
    }
}

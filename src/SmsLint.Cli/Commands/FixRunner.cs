using System.Globalization;
using System.Text;
using SmsLint.Decode;
using SmsLint.Discover;
using SmsLint.Findings;
using SmsLint.Scanning;

namespace SmsLint.Cli.Commands;

/// <summary>What `smslint fix` was asked to do.</summary>
public sealed record FixRequest(ScanRequest Scan, string? OutputDirectory, bool InPlace);

/// <summary>
/// `smslint fix`: applies the safe fixes that rules attach to their findings (the SARIF
/// <c>fixes</c>) to a copy of the snapshot, or to the snapshot itself only with --in-place.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Suppressed findings are not fixed; --select/--ignore and the configuration choose the rules.</item>
/// <item>Each file is decoded as the scan decoded it and written back in the same encoding (BOM
/// and line breaks kept); a file whose bytes would not round-trip, or whose text no longer
/// matches what the fix expects, is left alone and reported.</item>
/// <item>Overlapping edits in one file: the first (in report order) wins, the others are reported.</item>
/// <item>Files are written through a temporary file and a rename.</item>
/// </list>
/// </remarks>
public static class FixRunner
{
    public static int Run(FixRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        if (request.InPlace == (request.OutputDirectory is not null))
        {
            stderr.WriteLine("smslint: fix: give --output DIR (a fixed copy) or --in-place (rewrite the snapshot), not both and not neither.");
            return ExitCodes.UsageError;
        }

        if (File.Exists(request.Scan.Snapshot))
        {
            stderr.WriteLine($"smslint: fix: '{request.Scan.Snapshot}' is a file; fix works on snapshot folders (extract the archive first).");
            return ExitCodes.UsageError;
        }

        var exit = ScanRunner.Prepare(request.Scan, stderr, out var prepared, settings => settings with { Cancellation = cancellation });
        if (prepared is null)
        {
            return exit;
        }

        var root = Path.GetFullPath(prepared.Root);
        var target = root;
        if (request.OutputDirectory is { } output)
        {
            target = Path.GetFullPath(output);
            if (ScanRunner.PathInside(root, target) is not null || target == root || ScanRunner.PathInside(target, root) is not null)
            {
                stderr.WriteLine($"smslint: fix: --output '{output}' must be outside the snapshot, and the snapshot outside it.");
                return ExitCodes.UsageError;
            }

            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            {
                stderr.WriteLine($"smslint: fix: --output '{output}' exists and is not empty; give a new or empty folder.");
                return ExitCodes.UsageError;
            }

            if (File.Exists(target))
            {
                stderr.WriteLine($"smslint: fix: --output '{output}' is a file; give a folder.");
                return ExitCodes.UsageError;
            }
        }

        ScanReport report;
        try
        {
            report = Scanner.Scan(prepared);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stderr.WriteLine("smslint: interrupted; nothing was changed.");
            return ExitCodes.Interrupted;
        }

        if (!report.ExecutionSuccessful)
        {
            foreach (var n in report.Notifications)
            {
                stderr.WriteLine($"smslint: {n.Level.ToSarif()}: {n.Message}");
            }

            return ExitCodes.InternalError;
        }

        if (request.OutputDirectory is not null)
        {
            CopySnapshot(root, target, stderr);
        }

        var fixable = report.Findings.Where(f => f.Fix is not null && !f.IsSuppressed && !f.IsAbsent).ToList();
        var byFile = fixable
            .SelectMany(f => f.Fix!.Edits.Select(e => (Finding: f, Edit: e)))
            .GroupBy(x => x.Edit.Deleted.Path, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);

        var applied = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        var skipped = new HashSet<Finding>(ReferenceEqualityComparer.Instance);
        var files = 0;
        foreach (var group in byFile)
        {
            var findings = group.Select(x => x.Finding).Distinct(ReferenceEqualityComparer.Instance).Cast<Finding>().ToList();
            var problem = FixFile(Path.Combine(target, group.Key), SmsLint.IO.SafeFile.RealPath(target), findings, group.Key, applied, skipped);
            if (problem is not null)
            {
                stderr.WriteLine($"smslint: fix: {group.Key}: left unchanged: {problem}.");
                skipped.UnionWith(findings);
                applied.ExceptWith(findings);
                continue;
            }

            if (findings.Any(applied.Contains))
            {
                files++;
            }
        }

        foreach (var f in fixable.Where(applied.Contains))
        {
            stdout.WriteLine($"{f.Location.Path}:{f.Location.Region.StartLine.ToString(CultureInfo.InvariantCulture)}: fixed: {f.Fix!.Description} [{f.Rule.Id}]");
        }

        foreach (var f in fixable.Where(f => skipped.Contains(f) && !applied.Contains(f)))
        {
            stderr.WriteLine($"smslint: fix: {f.Location.Path}:{f.Location.Region.StartLine.ToString(CultureInfo.InvariantCulture)}: not fixed: {f.Fix!.Description} [{f.Rule.Id}].");
        }

        var where = request.InPlace ? $"the snapshot '{prepared.Root}' (in place)" : $"'{request.OutputDirectory}'";
        stderr.WriteLine($"smslint: fix: {Plural(applied.Count, "fix", "fixes")} applied to {Plural(files, "file", "files")} in {where}.");
        return ExitCodes.Clean;
    }

    /// <summary>Larger than any text file the scan reads (its limit is configurable up to this).</summary>
    private const long MaxFixedFileBytes = 1L << 30;

    private static string Plural(int n, string one, string many) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

    /// <summary>Copies every regular file of the snapshot (as the scan lists them) into <paramref name="target"/>.</summary>
    private static void CopySnapshot(string root, string target, TextWriter stderr)
    {
        Directory.CreateDirectory(target);
        using var source = new DirectorySource(root);
        foreach (var entry in source.Entries)
        {
            if (entry.Unreadable is not null)
            {
                stderr.WriteLine($"smslint: fix: {entry.Path}: not copied: {entry.Unreadable}.");
                continue;
            }

            // Opened as the scan opens files: a FIFO, device or link out of the snapshot swapped
            // in since the listing is refused, never read (and nothing blocks).
            using var from = SmsLint.IO.SafeFile.OpenRegular(Path.Combine(root, entry.Path), source.RealRoot, out var refusal, out _);
            if (from is null)
            {
                stderr.WriteLine($"smslint: fix: {entry.Path}: not copied: it {refusal!.Message}.");
                continue;
            }

            var to = Path.Combine(target, entry.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            using var input = new FileStream(from, FileAccess.Read, 64 * 1024);
            using var output = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            input.CopyTo(output);
        }
    }

    /// <summary>Applies the fixes of <paramref name="findings"/> to one file; returns why not when it cannot.</summary>
    private static string? FixFile(string path, string realTarget, List<Finding> findings, string relative, HashSet<Finding> applied, HashSet<Finding> skipped)
    {
        // A file to fix is a text file the scan read, so never larger than the text limit allows;
        // it is read as the scan reads (never a FIFO or device, never through a link out of the tree).
        var bytes = SmsLint.IO.SafeFile.ReadUserFile(path, MaxFixedFileBytes, realTarget, out var readProblem);
        if (bytes is null)
        {
            return $"it {readProblem}";
        }

        var decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null || Encode(decoded.Text.Text, decoded.Encoding) is not { } roundTrip || !roundTrip.AsSpan().SequenceEqual(bytes))
        {
            return $"its encoding ({decoded.Encoding}) cannot be written back byte for byte";
        }

        var text = decoded.Text.Text;
        var edits = new List<(int Start, int End, string Inserted, Finding Finding)>();
        foreach (var finding in findings)
        {
            var mine = finding.Fix!.Edits.Where(e => e.Deleted.Path == relative).ToList();
            var ok = true;
            foreach (var e in mine)
            {
                var r = e.Deleted.Region;
                var fits = r.CharOffset >= 0 && r.CharOffset + r.CharLength <= text.Length
                    && (e.Deleted.Snippet is not { } snippet || snippet.Length >= Location.MaxSnippetLength
                        || string.CompareOrdinal(text, r.CharOffset, snippet, 0, snippet.Length) == 0)
                    && !edits.Any(x => r.CharOffset < x.End && x.Start < r.CharOffset + r.CharLength);
                ok &= fits;
            }

            if (!ok)
            {
                skipped.Add(finding);
                continue;
            }

            edits.AddRange(mine.Select(e => (e.Deleted.Region.CharOffset, e.Deleted.Region.CharOffset + e.Deleted.Region.CharLength, e.Inserted, finding)));
            applied.Add(finding);
        }

        if (edits.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder(text);
        foreach (var (start, end, inserted, _) in edits.OrderByDescending(x => x.Start))
        {
            sb.Remove(start, end - start).Insert(start, inserted);
        }

        var output = Encode(sb.ToString(), decoded.Encoding);
        if (output is null)
        {
            return $"the fixed text cannot be written in {decoded.Encoding}";
        }

        AtomicFile.Write(path, s => s.Write(output));
        return null;
    }

    /// <summary>Text to bytes in the encoding <see cref="TextDecoder"/> named, with its BOM; null when a character does not fit.</summary>
    public static byte[]? Encode(string text, string encoding)
    {
        (Encoding? enc, byte[] bom) = encoding switch
        {
            "utf-8" => ((Encoding?)new UTF8Encoding(false, true), Array.Empty<byte>()),
            "utf-8-bom" => (new UTF8Encoding(false, true), new byte[] { 0xEF, 0xBB, 0xBF }),
            "utf-16le" => (new UnicodeEncoding(false, false, true), Array.Empty<byte>()),
            "utf-16le-bom" => (new UnicodeEncoding(false, false, true), new byte[] { 0xFF, 0xFE }),
            "utf-16be" => (new UnicodeEncoding(true, false, true), Array.Empty<byte>()),
            "utf-16be-bom" => (new UnicodeEncoding(true, false, true), new byte[] { 0xFE, 0xFF }),
            "windows-1252" => (Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), Array.Empty<byte>()),
            _ => (null, Array.Empty<byte>()),
        };
        if (enc is null)
        {
            return null;
        }

        try
        {
            return [.. bom, .. enc.GetBytes(text)];
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }
}

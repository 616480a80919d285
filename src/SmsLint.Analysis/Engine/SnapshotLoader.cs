using SmsLint.Binaries;
using SmsLint.Decode;
using SmsLint.Discover;
using SmsLint.Model;
using SmsLint.Parsing.Batch;
using SmsLint.Parsing.CopyList;
using SmsLint.Parsing.Common;
using SmsLint.Parsing.CopyLog;
using SmsLint.Parsing.Ini;
using SmsLint.Text;

namespace SmsLint.Engine;

/// <summary>discover → decode → parse, for every file of a snapshot, in parallel; the result is in path order.</summary>
public static class SnapshotLoader
{
    public static SnapshotModel Load(ISnapshotSource source, AnalysisOptions options)
    {
        // Files excluded by the configuration are not read at all.
        IReadOnlyList<SnapshotEntry> entries = options.Exclude is { Count: > 0 } exclude
            ? [.. source.Entries.Where(e => !exclude.IsMatch(e.Path))]
            : source.Entries;

        // Sources list in ordinal path order; sorting again keeps the model (first file wins) and the
        // output independent of any source that does not.
        if (!IsSorted(entries))
        {
            entries = [.. entries.OrderBy(e => e.Path, StringComparer.Ordinal)];
        }

        var cancellation = options.Cancellation;
        options.AfterListing?.Invoke(cancellation);
        cancellation.ThrowIfCancellationRequested();
        var loaded = new LoadedFile[entries.Count];
        var parsed = new ParsedContentCache();
        var progress = options.Progress;
        progress?.Start("reading and parsing files", entries.Count);
        try
        {
            Parallel.For(
                0,
                entries.Count,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads), CancellationToken = cancellation },
                i =>
                {
                    loaded[i] = LoadOne(source, entries[i], options, parsed);
                    progress?.Step();
                });
        }
        catch (AggregateException ex) when (cancellation.IsCancellationRequested && ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellation);
        }

        cancellation.ThrowIfCancellationRequested();
        progress?.Start("building the model", 0);
        return new SnapshotModel(loaded) { RootName = Path.GetFileName(Path.TrimEndingDirectorySeparator(source.RootPath)) };
    }

    private static bool IsSorted(IReadOnlyList<SnapshotEntry> entries)
    {
        for (var i = 1; i < entries.Count; i++)
        {
            if (string.CompareOrdinal(entries[i - 1].Path, entries[i].Path) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Kinds read and decoded as text.</summary>
    public static bool IsTextKind(FileKind kind) => kind is FileKind.HierarchyIni or FileKind.CopyLog or FileKind.BatchScript
        or FileKind.CopyList or FileKind.ClientSmsIni or FileKind.DomainIni or FileKind.SmsCfgIni or FileKind.CompverIni
        or FileKind.CaplistIni or FileKind.SmslsIni or FileKind.SeniorLst or FileKind.CaptureManifest;

    public static LoadedFile LoadOne(ISnapshotSource source, SnapshotEntry entry, AnalysisOptions options) => LoadOne(source, entry, options, null);

    private static LoadedFile LoadOne(ISnapshotSource source, SnapshotEntry entry, AnalysisOptions options, ParsedContentCache? parsed)
    {
        var file = new LoadedFile(FileClassifier.Classify(entry));
        if (entry.Unreadable is { } reason)
        {
            var kind = entry.ProblemKind switch
            {
                EntryProblemKind.Unsafe => InputProblemKind.UnsafeEntry,
                EntryProblemKind.LimitExceeded => InputProblemKind.LimitExceeded,
                _ => InputProblemKind.Unreadable,
            };
            file.Problem = new InputProblem(kind, reason);
            return file;
        }

        try
        {
            if (file.Kind == FileKind.Binary)
            {
                LoadBinary(source, file);
            }
            else if (IsTextKind(file.Kind))
            {
                LoadText(source, file, options, parsed);
            }
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            // A parser bug must not end the scan: the file is reported as not analysed.
            file.Document = null;
            file.Problem = new InputProblem(InputProblemKind.InternalError, $"could not be analysed because of an internal error ({ex.GetType().Name}: {ex.Message})");
        }

        return file;
    }

    private static void LoadBinary(ISnapshotSource source, LoadedFile file)
    {
        if (file.File.Length == 0)
        {
            return;
        }

        using var stream = source.OpenRead(file.File.Entry, out var problem);
        if (stream is null)
        {
            file.Problem = new InputProblem(InputProblemKind.Unreadable, problem!.Message);
            return;
        }

        file.Version = PeVersionReader.Read(stream);
    }

    private static void LoadText(ISnapshotSource source, LoadedFile file, AnalysisOptions options, ParsedContentCache? parsed)
    {
        if (file.File.Length > options.MaxTextFileBytes)
        {
            file.Problem = new InputProblem(InputProblemKind.LimitExceeded,
                $"is {file.File.Length:N0} bytes, over the limit of {options.MaxTextFileBytes:N0} bytes for a text file; it was not parsed");
            return;
        }

        var bytes = source.ReadAll(file.File.Entry, options.MaxTextFileBytes, out var problem);
        if (bytes is null)
        {
            file.Problem = new InputProblem(InputProblemKind.Unreadable, problem!.Message);
            return;
        }

        // Replicated files (logon scripts on every DC, client copies of a copy list) are decoded
        // and parsed once; the other copies share the immutable result. Only files of ordinary
        // SMS size: an outsized file is rare, and is parsed on its own like any other.
        if (bytes.Length > ParsedContentCache.MaxContentBytes)
        {
            parsed = null;
        }

        var key = parsed is null ? default : ParsedContentCache.Key(file.Kind, bytes);
        if (parsed is not null && parsed.TryApply(key, file))
        {
            return;
        }

        var sameForEveryCopy = DecodeAndParse(file, bytes, options);

        // The syntax tree holds its own strings; the text is kept at one byte a character where it can be.
        file.Text?.Compact();
        if (sameForEveryCopy)
        {
            parsed?.Add(key, file);
        }
    }

    /// <summary>Decodes and parses one text file; false when the outcome depends on more than its bytes (a time limit).</summary>
    private static bool DecodeAndParse(LoadedFile file, byte[] bytes, AnalysisOptions options)
    {
        var decoded = TextDecoder.Decode(bytes);
        file.Encoding = decoded.Encoding;
        if (decoded.Encoding != "utf-8")
        {
            file.RawBytes = bytes;
        }

        switch (decoded.Status)
        {
            case DecodeStatus.Binary:
                file.Problem = new InputProblem(InputProblemKind.NotText, $"is not a text file: {decoded.Detail}");
                return true;
            case DecodeStatus.Undecodable:
                file.Problem = new InputProblem(InputProblemKind.Undecodable, $"cannot be decoded: {decoded.Detail}");
                return true;
        }

        var text = decoded.Text!;
        file.Text = text;
        var longest = text.LongestLineLength;
        var longestLine = text.LongestLineNumber;
        if (longest > options.MaxLineLength)
        {
            file.Problem = new InputProblem(InputProblemKind.LimitExceeded,
                $"line {longestLine} is {longest:N0} characters long, over the limit of {options.MaxLineLength:N0}; the file was not parsed",
                new TextSpan(text.GetLineSpan(longestLine).Start, 0));
            return true;
        }

        var deadline = new ParseDeadline(options.MaxParseTime, options.Cancellation);
        try
        {
            Parse(file, text, options.MaxLineLength, deadline);
        }
        catch (ParseTimeLimitException)
        {
            // Reported at the start of the file: where the parse happened to be when time ran
            // out depends on the machine and its load, and the output must not.
            file.Document = null;
            file.ParseErrors = [];
            file.Problem = new InputProblem(InputProblemKind.LimitExceeded,
                $"took longer than the parse time limit of {options.MaxParseTime.TotalSeconds:0.###} s; the file was not analysed",
                new TextSpan(0, 0));
            return false;
        }

        return true;
    }

    private static void Parse(LoadedFile file, SourceText text, int maxLine, ParseDeadline deadline)
    {
        switch (file.Kind)
        {
            case FileKind.CopyLog:
                var copyLog = CopyLogGrammar.Parse(text, maxLine, deadline);
                file.Document = copyLog;
                file.ParseErrors = copyLog.Errors;
                break;
            case FileKind.CopyList:
                var copyList = CopyListGrammar.Parse(text, maxLine, deadline);
                file.Document = copyList;
                file.ParseErrors = copyList.Errors;
                break;
            case FileKind.BatchScript:
                var batch = BatchGrammar.Parse(text, maxLine, deadline);
                file.Document = batch;
                file.ParseErrors = batch.Errors;
                break;
            case FileKind.SeniorLst:
                break;
            case FileKind.CaptureManifest:
                var manifest = Capture.CaptureManifest.Read(System.Text.Encoding.UTF8.GetBytes(text.Text), text);
                file.Document = manifest.Manifest;
                file.ParseErrors = [.. manifest.Errors.Select(e => new ParseError(new TextSpan(Math.Clamp(e.Offset, 0, text.Length), 0), $"{e.Message} (capture.json)"))];
                break;
            default:
                var ini = IniGrammar.Parse(text, maxLine, deadline);
                file.Document = ini;
                file.ParseErrors = ini.Errors;
                break;
        }
    }
}

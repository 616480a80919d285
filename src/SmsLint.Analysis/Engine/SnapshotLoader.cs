using SmsLint.Binaries;
using SmsLint.Decode;
using SmsLint.Discover;
using SmsLint.Model;
using SmsLint.Parsing.Batch;
using SmsLint.Parsing.CopyList;
using SmsLint.Parsing.CopyLog;
using SmsLint.Parsing.Ini;
using SmsLint.Text;

namespace SmsLint.Engine;

/// <summary>discover → decode → parse, for every file of a snapshot, in parallel; the result is in path order.</summary>
public static class SnapshotLoader
{
    public static SnapshotModel Load(ISnapshotSource source, AnalysisOptions options)
    {
        var entries = source.Entries;
        var loaded = new LoadedFile[entries.Count];
        Parallel.For(
            0,
            entries.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Threads) },
            i => loaded[i] = LoadOne(source, entries[i], options));
        return new SnapshotModel(loaded);
    }

    /// <summary>Kinds read and decoded as text.</summary>
    public static bool IsTextKind(FileKind kind) => kind is FileKind.HierarchyIni or FileKind.CopyLog or FileKind.BatchScript
        or FileKind.CopyList or FileKind.ClientSmsIni or FileKind.DomainIni or FileKind.SmsCfgIni or FileKind.CompverIni
        or FileKind.CaplistIni or FileKind.SmslsIni or FileKind.SeniorLst;

    public static LoadedFile LoadOne(ISnapshotSource source, SnapshotEntry entry, AnalysisOptions options)
    {
        var file = new LoadedFile(FileClassifier.Classify(entry));
        if (entry.Unreadable is { } reason)
        {
            file.Problem = new InputProblem(InputProblemKind.Unreadable, reason);
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
                LoadText(source, file, options);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
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

    private static void LoadText(ISnapshotSource source, LoadedFile file, AnalysisOptions options)
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

        var decoded = TextDecoder.Decode(bytes);
        file.Encoding = decoded.Encoding;
        switch (decoded.Status)
        {
            case DecodeStatus.Binary:
                file.Problem = new InputProblem(InputProblemKind.NotText, $"is not a text file: {decoded.Detail}");
                return;
            case DecodeStatus.Undecodable:
                file.Problem = new InputProblem(InputProblemKind.Undecodable, $"cannot be decoded: {decoded.Detail}");
                return;
        }

        var text = decoded.Text!;
        file.Text = text;
        var (longest, longestLine) = LongestLine(text);
        if (longest > options.MaxLineLength)
        {
            file.Problem = new InputProblem(InputProblemKind.LimitExceeded,
                $"line {longestLine} is {longest:N0} characters long, over the limit of {options.MaxLineLength:N0}; the file was not parsed",
                new TextSpan(text.GetLineSpan(longestLine).Start, 0));
            return;
        }

        Parse(file, text, options.MaxLineLength);
    }

    private static (int Length, int Line) LongestLine(SourceText text)
    {
        var max = 0;
        var at = 1;
        foreach (var (number, span) in text.Lines())
        {
            if (span.Length > max)
            {
                max = span.Length;
                at = number;
            }
        }

        return (max, at);
    }

    private static void Parse(LoadedFile file, SourceText text, int maxLine)
    {
        switch (file.Kind)
        {
            case FileKind.CopyLog:
                var copyLog = CopyLogGrammar.Parse(text, maxLine);
                file.Document = copyLog;
                file.ParseErrors = copyLog.Errors;
                break;
            case FileKind.CopyList:
                var copyList = CopyListGrammar.Parse(text, maxLine);
                file.Document = copyList;
                file.ParseErrors = copyList.Errors;
                break;
            case FileKind.BatchScript:
                var batch = BatchGrammar.Parse(text, maxLine);
                file.Document = batch;
                file.ParseErrors = batch.Errors;
                break;
            case FileKind.SeniorLst:
                break;
            default:
                var ini = IniGrammar.Parse(text, maxLine);
                file.Document = ini;
                file.ParseErrors = ini.Errors;
                break;
        }
    }
}

using BenchmarkDotNet.Attributes;
using SmsLint.Binaries;
using SmsLint.Decode;
using SmsLint.Parsing.Batch;
using SmsLint.Parsing.CopyList;
using SmsLint.Parsing.CopyLog;
using SmsLint.Parsing.Ini;

namespace SmsLint.Benchmarks;

/// <summary>
/// One operation = one parser over its whole corpus group (see <see cref="Corpus"/>); the
/// MB/s and alloc/MB columns divide by the group's size. Parsers get decoded text, as in the
/// scan; the decoder benchmark gets the raw bytes.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private Corpus _corpus = null!;

    [GlobalSetup]
    public void Setup()
    {
        _corpus = Corpus.Instance;
        _ = _corpus.Inis.Texts;
        _ = _corpus.CopyLogs.Texts;
        _ = _corpus.CopyLists.Texts;
        _ = _corpus.Scripts.Texts;
    }

    [Benchmark]
    public int Ini()
    {
        var n = 0;
        foreach (var text in _corpus.Inis.Texts)
        {
            n += IniGrammar.Parse(text).Lines.Count;
        }

        return n;
    }

    [Benchmark]
    public int CopyLog()
    {
        var n = 0;
        foreach (var text in _corpus.CopyLogs.Texts)
        {
            n += CopyLogGrammar.Parse(text).Lines.Count;
        }

        return n;
    }

    [Benchmark]
    public int CopyList()
    {
        var n = 0;
        foreach (var text in _corpus.CopyLists.Texts)
        {
            n += CopyListGrammar.Parse(text).Lines.Count;
        }

        return n;
    }

    [Benchmark]
    public int Batch()
    {
        var n = 0;
        foreach (var text in _corpus.Scripts.Texts)
        {
            n += BatchGrammar.Parse(text).Lines.Count;
        }

        return n;
    }

    [Benchmark]
    public int PeVersion()
    {
        var n = 0;
        foreach (var bytes in _corpus.Binaries.Raw)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            n += (int)PeVersionReader.Read(stream).Status;
        }

        return n;
    }

    [Benchmark]
    public int TextDecode()
    {
        var n = 0;
        foreach (var bytes in _corpus.AllText.Raw)
        {
            n += TextDecoder.Decode(bytes).Text?.LineCount ?? 0;
        }

        return n;
    }

    /// <summary>Bytes one operation of a benchmark method goes through.</summary>
    public static long BytesPerOperation(string method)
    {
        var c = Corpus.Instance;
        return method switch
        {
            nameof(Ini) => c.Inis.Bytes,
            nameof(CopyLog) => c.CopyLogs.Bytes,
            nameof(CopyList) => c.CopyLists.Bytes,
            nameof(Batch) => c.Scripts.Bytes,
            nameof(PeVersion) => c.Binaries.Bytes,
            nameof(TextDecode) => c.AllText.Bytes,
            _ => 0,
        };
    }
}

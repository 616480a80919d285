using System.Collections.Concurrent;
using System.Security.Cryptography;
using SmsLint.Discover;
using SmsLint.Model;
using SmsLint.Parsing.Common;
using SmsLint.Text;

namespace SmsLint.Engine;

/// <summary>
/// Decoded text and parse results by file content, for one load. A capture repeats files a lot:
/// every domain controller has the replicated logon script, every 1.2 client a copy of its logon
/// server's copy list. Each distinct (kind, bytes) is decoded and parsed once and the copies share
/// the immutable result (text, syntax tree, parse errors, input problem); positions in it are
/// relative to the file's own text, so they are right for every copy. Content is keyed by its
/// length and SHA-256.
/// </summary>
internal sealed class ParsedContentCache
{
    /// <summary>Larger files are not shared (SMS text files are a few kilobytes).</summary>
    public const int MaxContentBytes = 256 * 1024;

    private readonly ConcurrentDictionary<ContentKey, Parsed> _byContent = new();

    internal readonly record struct ContentKey(FileKind Kind, int Length, ulong Hash1, ulong Hash2);

    private sealed record Parsed(string? Encoding, SourceText? Text, byte[]? RawBytes, object? Document, IReadOnlyList<ParseError> ParseErrors, InputProblem? Problem);

    public static ContentKey Key(FileKind kind, byte[] bytes)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, digest);
        // Two ulongs rather than a UInt128: ReadyToRun cannot precompile code that depends on the
        // layout of a framework struct, and this runs once per file.
        return new ContentKey(
            kind,
            bytes.Length,
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(digest),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]));
    }

    /// <summary>Gives <paramref name="file"/> the result of an earlier file with the same content; false when there is none.</summary>
    public bool TryApply(ContentKey key, LoadedFile file)
    {
        if (!_byContent.TryGetValue(key, out var parsed))
        {
            return false;
        }

        file.Encoding = parsed.Encoding;
        file.Text = parsed.Text;
        file.RawBytes = parsed.RawBytes;
        file.Document = parsed.Document;
        file.ParseErrors = parsed.ParseErrors;
        file.Problem = parsed.Problem;
        return true;
    }

    public void Add(ContentKey key, LoadedFile file) =>
        _byContent.TryAdd(key, new Parsed(file.Encoding, file.Text, file.RawBytes, file.Document, file.ParseErrors, file.Problem));
}

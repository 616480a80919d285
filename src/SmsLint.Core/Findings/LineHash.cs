using System.Globalization;
using System.Text;

namespace SmsLint.Findings;

/// <summary>
/// GitHub's <c>partialFingerprints.primaryLocationLineHash</c>, computed the way codeql-action's
/// <c>upload-sarif</c> back-fills it (<c>src/fingerprints.ts</c>, function <c>hash</c>), so that a
/// value SmsLint emits is the value GitHub would have computed for the same file and line.
/// </summary>
/// <remarks>
/// <para>
/// The hash of a line is a polynomial rolling hash (multiplier 37, arithmetic mod 2^64) of the
/// first 100 characters of the file counted from the start of that line, where spaces and tabs
/// are dropped, CR, LF and CRLF each become one LF, and the file is followed by the sentinel
/// 65535 and then NULs. It is written as lower-case hex without leading zeros, then
/// <c>:n</c>, where n counts how many lines so far (this one included) had the same hash.
/// </para>
/// <para>
/// Line numbering: the first line is 1 and every line break (CRLF, LF or a lone CR) starts a new
/// line, which is exactly <see cref="Text.SourceText"/>'s numbering, with one difference: when the
/// text ends with a line break, GitHub counts one further line after it (holding only the end
/// sentinel), which <see cref="Text.SourceText"/> does not. So line k of a
/// <see cref="Text.SourceText"/> has hash index k - 1 here, and <see cref="Compute(string, int)"/> returns
/// <c>SourceText.LineCount</c> entries, plus one when the (non-empty) text ends with a line break.
/// </para>
/// <para>
/// Characters: the hash runs over UTF-16 code units of the text as the action reads it, which
/// is the file's bytes decoded as UTF-8 (BOM kept, invalid bytes as U+FFFD). For a file that is
/// not plain UTF-8 (another encoding, a BOM, NUL bytes, a binary) hash its bytes with
/// <see cref="Compute(byte[], int)"/> rather than the legacy-decoded text, or the values will
/// differ from GitHub's.
/// </para>
/// </remarks>
public static class LineHash
{
    private const int WindowSize = 100;
    private const ulong Multiplier = 37;
    private const char EndOfFile = '\uffff';

    /// <summary>37^100 mod 2^64: the weight of the character leaving the window.</summary>
    private static readonly ulong OutgoingWeight = ComputeOutgoingWeight();

    /// <summary>The hash of every line, index 0 being line 1 (see the remarks on numbering).</summary>
    /// <param name="fileText">The file's text.</param>
    /// <param name="stopAfterLine">The last line whose hash is needed: the hashing stops there (a
    /// line's value depends only on what comes before it and the 100 characters after its start).</param>
    public static string[] Compute(string fileText, int stopAfterLine = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        ArgumentOutOfRangeException.ThrowIfLessThan(stopAfterLine, 1);
        var hasher = new Hasher(stopAfterLine);
        _ = hasher.Feed(fileText) && hasher.Finish();
        return [.. hasher.Hashes];
    }

    /// <summary>
    /// The hash of line <paramref name="line"/> (1-based). Stops reading once that line's hash is
    /// known; to hash many lines of one file call <see cref="Compute(string, int)"/> once instead.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The file has no such line.</exception>
    public static string ForLine(string fileText, int line)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        var hasher = new Hasher(line);
        _ = hasher.Feed(fileText) && hasher.Finish();
        return Pick(hasher.Hashes, line);
    }

    /// <summary>
    /// The hashes of a file's raw bytes, read the way upload-sarif reads any file, text or not
    /// (<see cref="DecodeAsUploadSarif"/>): a binary, a file with NUL bytes and a Windows-1252
    /// file all hash to the value GitHub computes. The stream is read in 64 KiB chunks, as Node's
    /// <c>fs.createReadStream</c> does, and reading stops once line <paramref name="stopAfterLine"/>
    /// has its hash, so the first line of a large binary costs a few hundred bytes.
    /// </summary>
    /// <param name="fileBytes">The file, from its first byte.</param>
    /// <param name="stopAfterLine">The last line whose hash is needed.</param>
    /// <param name="maxBytes">
    /// Reads at most this many bytes; when the requested line is not resolved by then, the result
    /// is empty rather than a value GitHub would not compute.
    /// </param>
    public static string[] Compute(Stream fileBytes, int stopAfterLine = int.MaxValue, long maxBytes = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(fileBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(stopAfterLine, 1);
        var hasher = new Hasher(stopAfterLine);
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[ChunkBytes];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(ChunkBytes)];
        int read;
        var total = 0L;
        while ((read = fileBytes.Read(bytes, 0, bytes.Length)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                return [];
            }

            var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            if (!hasher.Feed(chars.AsSpan(0, count)))
            {
                return [.. hasher.Hashes];
            }
        }

        var last = decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
        _ = hasher.Feed(chars.AsSpan(0, last)) && hasher.Finish();
        return [.. hasher.Hashes];
    }

    /// <summary>The hashes of raw bytes as upload-sarif reads them; see <see cref="Compute(Stream, int, long)"/>.</summary>
    public static string[] Compute(byte[] fileBytes, int stopAfterLine = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(fileBytes);
        using var stream = new MemoryStream(fileBytes, writable: false);
        return Compute(stream, stopAfterLine);
    }

    /// <summary>
    /// The number of window steps (characters pushed plus padding) hashing <paramref name="fileText"/>
    /// takes: one per kept character and 100 more, which is what makes the hash linear in the input.
    /// </summary>
    public static long Steps(string fileText)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        var hasher = new Hasher(int.MaxValue);
        _ = hasher.Feed(fileText) && hasher.Finish();
        return hasher.Steps;
    }

    /// <summary>
    /// The text <c>upload-sarif</c> hashes for a file with these bytes: Node reads the file as
    /// UTF-8 without removing a byte-order mark and turns invalid sequences into U+FFFD.
    /// </summary>
    public static string DecodeAsUploadSarif(ReadOnlySpan<byte> fileBytes) =>
        Encoding.UTF8.GetString(fileBytes); // GetString keeps a BOM; the default decoder replaces invalid bytes.

    /// <summary>The hash of <paramref name="line"/> (1-based) among the hashes of a file.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The file has no such line.</exception>
    public static string Pick(IReadOnlyList<string> hashes, int line)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        if (hashes.Count < line)
        {
            throw new ArgumentOutOfRangeException(
                nameof(line), line, $"The text has {hashes.Count} line(s) as GitHub counts them.");
        }

        return hashes[line - 1];
    }

    /// <summary>Node's default read size for file streams (<c>highWaterMark</c>).</summary>
    private const int ChunkBytes = 64 * 1024;

    private static ulong ComputeOutgoingWeight()
    {
        var weight = 1UL;
        for (var i = 0; i < WindowSize; i++)
        {
            weight = unchecked(weight * Multiplier);
        }

        return weight;
    }

    /// <summary>
    /// upload-sarif's character loop, fed in pieces: spaces and tabs are dropped, CR, LF and CRLF
    /// each become one LF, and after the text the end sentinel and 100 NULs of padding.
    /// </summary>
    private sealed class Hasher(int stopAfterLine)
    {
        private readonly Roller _roller = new(stopAfterLine);
        private bool _afterCr;

        public List<string> Hashes => _roller.Hashes;

        public long Steps => _roller.Steps;

        /// <summary>Hashes more text; false once the requested line has its hash.</summary>
        public bool Feed(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                if (c is ' ' or '\t' || (_afterCr && c == '\n'))
                {
                    // Dropped. A dropped space or tab also ends a pending CR, so "\r \n" is two breaks.
                    _afterCr = false;
                    continue;
                }

                _afterCr = c == '\r';
                if (!_roller.Push(_afterCr ? '\n' : c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The end sentinel, then NUL padding so that every pending line start gets a full window.</summary>
        public bool Finish()
        {
            if (!_roller.Push(EndOfFile))
            {
                return false;
            }

            // The padding is not text: it opens no line.
            for (var i = 0; i < WindowSize; i++)
            {
                if (!_roller.Pad())
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// A 100-slot ring of normalised characters. A slot also remembers the line that started at
    /// the character stored in it; when the ring comes back round to that slot, the running hash
    /// covers exactly the 100 characters from that line start and is emitted. Line starts enter
    /// the ring in order, so hashes are emitted in line order: hashes[i] is line i + 1.
    /// </summary>
    private sealed class Roller(int stopAfterLine)
    {
        public List<string> Hashes { get; } = [];

        public long Steps { get; private set; }

        private readonly char[] _ring = new char[WindowSize];
        private readonly int[] _lineAt = new int[WindowSize]; // 0: no line starts here
        private readonly Dictionary<ulong, int> _seen = [];
        private ulong _hash;
        private int _slot;
        private int _lines;
        private bool _atLineStart = true;

        /// <summary>Adds one character of text; false once the requested line has its hash.</summary>
        public bool Push(char c)
        {
            if (!EmitDue())
            {
                return false;
            }

            if (_atLineStart)
            {
                _atLineStart = false;
                _lines++;
                _lineAt[_slot] = _lines;
            }

            _atLineStart = c == '\n';
            Roll(c);
            return true;
        }

        /// <summary>Adds one NUL of end padding; false once the requested line has its hash.</summary>
        public bool Pad()
        {
            if (!EmitDue())
            {
                return false;
            }

            Roll('\0');
            return true;
        }

        private bool EmitDue()
        {
            var line = _lineAt[_slot];
            if (line == 0)
            {
                return true;
            }

            _lineAt[_slot] = 0;
            _seen.TryGetValue(_hash, out var count);
            _seen[_hash] = ++count;
            Hashes.Add(_hash.ToString("x", CultureInfo.InvariantCulture) + ":" + count.ToString(CultureInfo.InvariantCulture));
            return Hashes.Count < stopAfterLine;
        }

        private void Roll(char c)
        {
            var leaving = _ring[_slot];
            _ring[_slot] = c;
            _hash = unchecked((_hash * Multiplier) + c - (OutgoingWeight * leaving));
            _slot = (_slot + 1) % WindowSize;
            Steps++;
        }
    }
}

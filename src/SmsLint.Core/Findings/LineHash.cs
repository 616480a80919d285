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
/// <see cref="Text.SourceText"/> has hash index k - 1 here, and <see cref="Compute"/> returns
/// <c>SourceText.LineCount</c> entries, plus one when the (non-empty) text ends with a line break.
/// </para>
/// <para>
/// Characters: the hash runs over UTF-16 code units of the text as the action reads it, which
/// is the file's bytes decoded as UTF-8 (BOM kept, invalid bytes as U+FFFD). For a file that is
/// not UTF-8 use <see cref="DecodeAsUploadSarif"/> on its bytes rather than hashing the
/// legacy-decoded text, or the values will differ from GitHub's.
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
    public static string[] Compute(string fileText)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        var hashes = new List<string>();
        Run(fileText, stopAfterLine: int.MaxValue, hashes);
        return [.. hashes];
    }

    /// <summary>
    /// The hash of line <paramref name="line"/> (1-based). Stops reading once that line's hash is
    /// known; to hash many lines of one file call <see cref="Compute"/> once instead.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The file has no such line.</exception>
    public static string ForLine(string fileText, int line)
    {
        ArgumentNullException.ThrowIfNull(fileText);
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        var hashes = new List<string>();
        Run(fileText, line, hashes);
        if (hashes.Count < line)
        {
            throw new ArgumentOutOfRangeException(
                nameof(line), line, $"The text has {hashes.Count} line(s) as GitHub counts them.");
        }

        return hashes[line - 1];
    }

    /// <summary>
    /// The text <c>upload-sarif</c> hashes for a file with these bytes: Node reads the file as
    /// UTF-8 without removing a byte-order mark and turns invalid sequences into U+FFFD.
    /// </summary>
    public static string DecodeAsUploadSarif(ReadOnlySpan<byte> fileBytes) =>
        Encoding.UTF8.GetString(fileBytes); // GetString keeps a BOM; the default decoder replaces invalid bytes.

    private static ulong ComputeOutgoingWeight()
    {
        var weight = 1UL;
        for (var i = 0; i < WindowSize; i++)
        {
            weight = unchecked(weight * Multiplier);
        }

        return weight;
    }

    /// <summary>Hashes <paramref name="text"/> until line <paramref name="stopAfterLine"/> has its hash.</summary>
    private static void Run(string text, int stopAfterLine, List<string> hashes)
    {
        var roller = new Roller(hashes, stopAfterLine);
        var afterCr = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : EndOfFile;
            if (c is ' ' or '\t' || (afterCr && c == '\n'))
            {
                // Dropped. A dropped space or tab also ends a pending CR, so "\r \n" is two breaks.
                afterCr = false;
                continue;
            }

            afterCr = c == '\r';
            if (!roller.Push(afterCr ? '\n' : c))
            {
                return;
            }
        }

        // Pad with NULs so that every pending line start gets a full window. The padding is not
        // text: it opens no line.
        for (var i = 0; i < WindowSize; i++)
        {
            if (!roller.Pad())
            {
                return;
            }
        }
    }

    /// <summary>
    /// A 100-slot ring of normalised characters. A slot also remembers the line that started at
    /// the character stored in it; when the ring comes back round to that slot, the running hash
    /// covers exactly the 100 characters from that line start and is emitted. Line starts enter
    /// the ring in order, so hashes are emitted in line order: hashes[i] is line i + 1.
    /// </summary>
    private sealed class Roller(List<string> hashes, int stopAfterLine)
    {
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
            hashes.Add(_hash.ToString("x", CultureInfo.InvariantCulture) + ":" + count.ToString(CultureInfo.InvariantCulture));
            return hashes.Count < stopAfterLine;
        }

        private void Roll(char c)
        {
            var leaving = _ring[_slot];
            _ring[_slot] = c;
            _hash = unchecked((_hash * Multiplier) + c - (OutgoingWeight * leaving));
            _slot = (_slot + 1) % WindowSize;
        }
    }
}

using System.Text;
using SmsLint.Text;

namespace SmsLint.Decode;

public enum DecodeStatus
{
    Text,

    /// <summary>NUL bytes or mostly control bytes: a binary under a text name.</summary>
    Binary,

    /// <summary>Neither valid UTF-8/UTF-16 nor valid Windows-1252.</summary>
    Undecodable,
}

/// <summary>Outcome of decoding one file. <see cref="ByteOffset"/> points at the first offending byte.</summary>
public sealed record DecodeResult(DecodeStatus Status, SourceText? Text, string Encoding, long ByteOffset, string Detail);

/// <summary>
/// Bytes to text, the way legacy SMS files need it: a BOM (UTF-8, UTF-16 LE/BE) wins; then
/// BOM-less UTF-16 recognised by its pattern of NUL bytes; then strict UTF-8; then Windows-1252,
/// the ANSI code page of the servers (OEM text also decodes, its structure being ASCII). A byte
/// that Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) in a file that is not
/// UTF-8 makes it undecodable. NUL bytes or a high share of control bytes make it binary.
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding Utf8Strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Encoding Utf16LeStrict = new UnicodeEncoding(false, false, throwOnInvalidBytes: true);
    private static readonly Encoding Utf16BeStrict = new UnicodeEncoding(true, false, throwOnInvalidBytes: true);
    private static readonly Encoding Windows1252;

    static TextDecoder()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    public static DecodeResult Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeStrict(bytes[3..], Utf8Strict, TextEncoding.Utf8Bom, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeStrict(bytes[2..], Utf16LeStrict, TextEncoding.Utf16LeBom, 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeStrict(bytes[2..], Utf16BeStrict, TextEncoding.Utf16BeBom, 2);
        }

        var utf16 = SniffUtf16(bytes);
        if (utf16 is not null)
        {
            return DecodeStrict(bytes, utf16 == TextEncoding.Utf16Le ? Utf16LeStrict : Utf16BeStrict, utf16, 0);
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            return new DecodeResult(DecodeStatus.Binary, null, "binary", nul, $"it contains a NUL byte at offset {nul}");
        }

        var controls = 0;
        var firstControl = -1;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (IsSuspiciousControl(bytes[i]))
            {
                controls++;
                if (firstControl < 0)
                {
                    firstControl = i;
                }
            }
        }

        if (bytes.Length > 0 && controls * 10 > bytes.Length)
        {
            return new DecodeResult(DecodeStatus.Binary, null, "binary", firstControl,
                $"{controls} of its {bytes.Length} bytes are control characters");
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new DecodeResult(DecodeStatus.Text, new SourceText(Encoding.UTF8.GetString(bytes)), TextEncoding.Utf8, -1, string.Empty);
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D)
            {
                return new DecodeResult(DecodeStatus.Undecodable, null, "unknown", i,
                    $"byte 0x{bytes[i]:X2} at offset {i} is valid neither in UTF-8 nor in Windows-1252");
            }
        }

        return new DecodeResult(DecodeStatus.Text, new SourceText(Windows1252.GetString(bytes)), TextEncoding.Windows1252, -1, string.Empty);
    }

    /// <summary>Control bytes that do not occur in legacy text (tab, CR, LF, FF, SUB and ESC do).</summary>
    private static bool IsSuspiciousControl(byte b) => b is < 0x20 and not (0x09 or 0x0A or 0x0C or 0x0D or 0x1A or 0x1B) or 0x7F;

    /// <summary>BOM-less UTF-16: most even (BE) or odd (LE) bytes NUL, the others mostly not.</summary>
    private static string? SniffUtf16(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
        {
            return null;
        }

        var sample = Math.Min(bytes.Length, 4096) & ~1;
        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < sample; i += 2)
        {
            if (bytes[i] == 0)
            {
                evenNul++;
            }

            if (bytes[i + 1] == 0)
            {
                oddNul++;
            }
        }

        var pairs = sample / 2;
        if (oddNul * 10 >= pairs * 7 && evenNul * 10 <= pairs)
        {
            return TextEncoding.Utf16Le;
        }

        if (evenNul * 10 >= pairs * 7 && oddNul * 10 <= pairs)
        {
            return TextEncoding.Utf16Be;
        }

        return null;
    }

    private static DecodeResult DecodeStrict(ReadOnlySpan<byte> body, Encoding encoding, string name, int skipped)
    {
        try
        {
            var text = encoding.GetString(body);
            var nul = text.IndexOf('\0', StringComparison.Ordinal);
            if (nul >= 0)
            {
                return new DecodeResult(DecodeStatus.Binary, null, name, skipped + (nul * (name.StartsWith("utf-16", StringComparison.Ordinal) ? 2 : 1)),
                    $"it decodes as {name} but contains a NUL character");
            }

            return new DecodeResult(DecodeStatus.Text, new SourceText(text), name, -1, string.Empty);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = skipped + Math.Max(0, ex.Index);
            return new DecodeResult(DecodeStatus.Undecodable, null, name, offset,
                $"it starts with a {name} byte order mark but holds an invalid sequence near offset {offset}");
        }
    }
}

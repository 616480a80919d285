using System.Text;

namespace SmsLint.Decode;

/// <summary>
/// The encodings SmsLint reads and writes back, by the name a decoded file carries
/// (<see cref="DecodeResult.Encoding"/>): decoding is <see cref="TextDecoder"/>'s, encoding is
/// here, and both use these names, so a file fixed is written in the encoding it was read in.
/// </summary>
public static class TextEncoding
{
    public const string Utf8 = "utf-8";
    public const string Utf8Bom = "utf-8-bom";
    public const string Utf16Le = "utf-16le";
    public const string Utf16LeBom = "utf-16le-bom";
    public const string Utf16Be = "utf-16be";
    public const string Utf16BeBom = "utf-16be-bom";
    public const string Windows1252 = "windows-1252";

    /// <summary>Bytes to text: see <see cref="TextDecoder"/>.</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes) => TextDecoder.Decode(bytes);

    /// <summary>Text to bytes in the named encoding, with its BOM; null when a character does not fit or the name is not one of these.</summary>
    public static byte[]? Encode(string text, string encoding)
    {
        (Encoding? enc, byte[] bom) = encoding switch
        {
            Utf8 => ((Encoding?)new UTF8Encoding(false, true), Array.Empty<byte>()),
            Utf8Bom => (new UTF8Encoding(false, true), new byte[] { 0xEF, 0xBB, 0xBF }),
            Utf16Le => (new UnicodeEncoding(false, false, true), Array.Empty<byte>()),
            Utf16LeBom => (new UnicodeEncoding(false, false, true), new byte[] { 0xFF, 0xFE }),
            Utf16Be => (new UnicodeEncoding(true, false, true), Array.Empty<byte>()),
            Utf16BeBom => (new UnicodeEncoding(true, false, true), new byte[] { 0xFE, 0xFF }),
            Windows1252 => (Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), Array.Empty<byte>()),
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

    /// <summary>Whether <paramref name="bytes"/> decode to text that encodes back to exactly them.</summary>
    public static bool RoundTrips(ReadOnlySpan<byte> bytes, out DecodeResult decoded)
    {
        decoded = Decode(bytes);
        return decoded.Text is not null && Encode(decoded.Text.Text, decoded.Encoding) is { } again && again.AsSpan().SequenceEqual(bytes);
    }
}

using System.Text;

namespace SmsLint.Bench.Generator;

/// <summary>Builds CRLF text the way the captured Windows files have it.</summary>
public sealed class CrLfText
{
    private readonly StringBuilder _sb = new();

    public CrLfText Line(string line = "")
    {
        _sb.Append(line).Append("\r\n");
        return this;
    }

    public int Length => _sb.Length;

    public override string ToString() => _sb.ToString();
}

/// <summary>
/// Windows-1252 encoding without the code-pages provider: ASCII, the Latin-1 letters (which
/// 1252 places at their Unicode code points) and the few 0x80–0x9F punctuation marks used here.
/// Anything else is a bug in the generator and throws.
/// </summary>
public static class Cp1252
{
    private static readonly Dictionary<char, byte> High = new()
    {
        ['€'] = 0x80, ['‚'] = 0x82, ['„'] = 0x84, ['…'] = 0x85, ['‘'] = 0x91, ['’'] = 0x92,
        ['“'] = 0x93, ['”'] = 0x94, ['–'] = 0x96, ['—'] = 0x97, ['™'] = 0x99,
    };

    public static byte[] GetBytes(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80 || (c >= 0xA0 && c <= 0xFF))
            {
                bytes[i] = (byte)c;
            }
            else if (High.TryGetValue(c, out var b))
            {
                bytes[i] = b;
            }
            else
            {
                throw new ArgumentException($"U+{(int)c:X4} has no Windows-1252 byte in the generator's table", nameof(text));
            }
        }

        return bytes;
    }
}

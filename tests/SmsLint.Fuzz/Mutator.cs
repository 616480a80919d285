using System.Text;

namespace SmsLint.Fuzz;

/// <summary>
/// Turns a seed into a new input. Byte-level mutations (bit flips, interesting bytes, insertions,
/// deletions, truncation, splicing with another seed, long repeats, random bytes) and text-aware
/// ones (tokens of the SMS formats, whole lines duplicated, dropped or swapped, line endings and
/// encodings changed). Deterministic for a given <see cref="Random"/>.
/// </summary>
internal sealed class Mutator(Random random, IReadOnlyList<byte[]> corpus)
{
    /// <summary>Inputs never grow past this; the scan's own limits are tested by the unit tests.</summary>
    public const int MaxSize = 192 * 1024;

    private static readonly byte[] Interesting = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1A, 0x1B, 0x20, 0x22, 0x25, 0x26, 0x28, 0x29, 0x2F, 0x3A, 0x3B, 0x3D, 0x40, 0x5B, 0x5C, 0x5D, 0x5E, 0x7C, 0x7F, 0x80, 0x81, 0x8D, 0x9D, 0xC3, 0xEF, 0xBB, 0xBF, 0xFE, 0xFF];

    /// <summary>Fragments of every SMS format and of cmd.exe syntax, spliced in whole.</summary>
    private static readonly string[] Tokens =
    [
        "[FILE SOURCE]", "[SMS]", "[Servers]", "[Share]", "[Site AAA]", "[Domain CORP]", "[", "]", "=", ";", "#", " ; comment",
        "x86.bin\\clicore.exe=AAA", "Sites\\AAA\\cli_inst.cfg=AAA", "\\\\", "//", "..\\..\\", "CopyListVersion=", "CopyListVersion = 1.2.0.2",
        "LastLogonServerPath=\\\\SRV12\\SMS_SHR", "SiteCode=AAA", "Version=2.00.1380.1000", "Hotfixes=", "Parent=", "Domains=CORP, SALES",
        "@echo off", "@", "REM ", "REM.", "::", ":", ":END", ":end x", "GOTO END", "GOTO :EOF", "goto", "CALL :label", "IF EXIST ", "IF NOT ",
        "IF ERRORLEVEL 1 ", "IF /I \"%1\"==\"x\" ", "IF DEFINED X ", " EQU ", " NEQ ", "==", "ELSE", "(", ")", "( ", " )", "&", "&&", "||", "|",
        "^", "^\r\n", ">", ">>", "<", "2>&1", "\"", "\"\"", "%", "%%", "%0", "%~dp0", "%%~nx", "%USERNAME%", "%X:~1,2%", "%X:a=b%", "%*",
        "FOR %%i IN (a b) DO ", "SET X=", "SET /A X=1+2", "%0\\..\\SNBOOT.exe", "SMSLS.BAT", "start /wait ", "exit /b", "setlocal", "endlocal",
        "\t", " ", "\r\n", "\n", "\r", "\u00a0", "é", "ü", "€", "\u2028", "\ufeff", "smslint-disable-line", "smslint-disable-next-line SMS3001",
    ];

    public byte[] Mutate(byte[] seed)
    {
        var data = seed;
        var rounds = 1 + random.Next(random.Next(8) == 0 ? 12 : 4);
        for (var i = 0; i < rounds; i++)
        {
            data = Once(data);
        }

        return data.Length > MaxSize ? data[..MaxSize] : data;
    }

    private byte[] Once(byte[] data) => random.Next(17) switch
    {
        0 or 1 => FlipBits(data),
        2 => SetInteresting(data),
        3 => Insert(data, RandomBytes(1 + random.Next(16))),
        4 => Delete(data),
        5 => Truncate(data),
        6 => Splice(data),
        7 => RepeatChunk(data),
        8 => LongRun(data),
        9 => random.Next(8) == 0 ? RandomBytes(random.Next(4096)) : Insert(data, RandomBytes(random.Next(256))),
        10 or 11 => Insert(data, Encoding.UTF8.GetBytes(Tokens[random.Next(Tokens.Length)])),
        12 or 13 => Lines(data),
        14 => LineEndings(data),
        15 => Reencode(data),
        _ => Overwrite(data),
    };

    private int Position(byte[] data) => data.Length == 0 ? 0 : random.Next(data.Length + 1);

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private byte[] FlipBits(byte[] data)
    {
        if (data.Length == 0)
        {
            return RandomBytes(1);
        }

        var copy = (byte[])data.Clone();
        var flips = 1 + random.Next(8);
        for (var i = 0; i < flips; i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private byte[] SetInteresting(byte[] data)
    {
        if (data.Length == 0)
        {
            return [Interesting[random.Next(Interesting.Length)]];
        }

        var copy = (byte[])data.Clone();
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            copy[random.Next(copy.Length)] = Interesting[random.Next(Interesting.Length)];
        }

        return copy;
    }

    private byte[] Insert(byte[] data, byte[] piece)
    {
        var at = Position(data);
        return [.. data.AsSpan(0, at), .. piece, .. data.AsSpan(at)];
    }

    private byte[] Overwrite(byte[] data)
    {
        if (data.Length < 2)
        {
            return Insert(data, RandomBytes(2));
        }

        // Copy one part of the input over another (keeps the vocabulary of the seed).
        var copy = (byte[])data.Clone();
        var length = 1 + random.Next(Math.Min(64, data.Length - 1));
        var from = random.Next(data.Length - length + 1);
        var to = random.Next(data.Length - length + 1);
        data.AsSpan(from, length).CopyTo(copy.AsSpan(to));
        return copy;
    }

    private byte[] Delete(byte[] data)
    {
        if (data.Length == 0)
        {
            return data;
        }

        var at = random.Next(data.Length);
        var length = 1 + random.Next(Math.Min(data.Length - at, random.Next(4) == 0 ? 4096 : 32));
        return [.. data.AsSpan(0, at), .. data.AsSpan(at + length)];
    }

    private byte[] Truncate(byte[] data) => data.Length == 0 ? data : data[..random.Next(data.Length)];

    private byte[] Splice(byte[] data)
    {
        var other = corpus[random.Next(corpus.Count)];
        var head = data.AsSpan(0, Position(data));
        var tail = other.AsSpan(other.Length == 0 ? 0 : random.Next(other.Length));
        return [.. head, .. tail];
    }

    private byte[] RepeatChunk(byte[] data)
    {
        if (data.Length == 0)
        {
            return data;
        }

        var start = random.Next(data.Length);
        var length = 1 + random.Next(Math.Min(data.Length - start, 128));
        var times = 2 + random.Next(random.Next(4) == 0 ? 2000 : 50);
        var chunk = data.AsSpan(start, length).ToArray();
        var repeated = new byte[Math.Min(MaxSize, chunk.Length * times)];
        for (var i = 0; i < repeated.Length; i++)
        {
            repeated[i] = chunk[i % chunk.Length];
        }

        return Insert(data, repeated);
    }

    /// <summary>One byte repeated to about the line-length limit (8,191), or well past it.</summary>
    private byte[] LongRun(byte[] data)
    {
        int[] lengths = [255, 256, 1024, 8190, 8191, 8192, 8193, 20_000, 70_000];
        var run = new byte[lengths[random.Next(lengths.Length)]];
        byte[] fill = [(byte)'a', (byte)' ', (byte)'\\', (byte)'%', (byte)'=', (byte)'[', (byte)'^', (byte)'"', (byte)'(', (byte)':', (byte)'\t'];
        Array.Fill(run, fill[random.Next(fill.Length)]);
        return Insert(data, run);
    }

    private byte[] Lines(byte[] data)
    {
        var text = Encoding.Latin1.GetString(data);
        var lines = text.Split('\n').ToList();
        if (lines.Count == 0)
        {
            return data;
        }

        var a = random.Next(lines.Count);
        var b = random.Next(lines.Count);
        switch (random.Next(5))
        {
            case 0:
                lines.Insert(b, lines[a]);
                break;
            case 1:
                lines.RemoveAt(a);
                break;
            case 2:
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            case 3:
                // A line from another seed, as if two files had been merged.
                var other = Encoding.Latin1.GetString(corpus[random.Next(corpus.Count)]).Split('\n');
                lines.Insert(b, other[random.Next(other.Length)]);
                break;
            default:
                lines.Insert(b, Tokens[random.Next(Tokens.Length)] + Tokens[random.Next(Tokens.Length)] + Tokens[random.Next(Tokens.Length)]);
                break;
        }

        return Encoding.Latin1.GetBytes(string.Join('\n', lines));
    }

    private byte[] LineEndings(byte[] data)
    {
        var text = Encoding.Latin1.GetString(data).Replace("\r\n", "\n", StringComparison.Ordinal);
        var ending = random.Next(3) switch
        {
            0 => "\r\n",
            1 => "\r",
            _ => "\n\r",
        };
        return Encoding.Latin1.GetBytes(text.Replace("\n", ending, StringComparison.Ordinal));
    }

    /// <summary>The bytes as text again in another encoding: UTF-16 with or without a byte order mark, or UTF-8 with one.</summary>
    private byte[] Reencode(byte[] data)
    {
        var text = Encoding.Latin1.GetString(data);
        return random.Next(5) switch
        {
            0 => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
            1 => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
            2 => Encoding.Unicode.GetBytes(text),
            3 => Encoding.BigEndianUnicode.GetBytes(text),
            _ => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
        };
    }

    /// <summary>Text for the parsers: usually decoded as the scan decodes it, sometimes Latin-1, sometimes with odd UTF-16 units.</summary>
    public string ToText(byte[] data)
    {
        switch (random.Next(6))
        {
            case 0:
                return Encoding.Latin1.GetString(data);
            case 1:
                var chars = Encoding.Latin1.GetString(data).ToCharArray();
                var count = 1 + random.Next(8);
                char[] odd = ['\uD800', '\uDC00', '\uFFFD', '\uFEFF', '\u0085', '\u2028', '\0', '\uFFFF', 'Ä', '\u0130', '\u212A'];
                for (var i = 0; i < count && chars.Length > 0; i++)
                {
                    chars[random.Next(chars.Length)] = odd[random.Next(odd.Length)];
                }

                return new string(chars);
            default:
                var decoded = Decode.TextDecoder.Decode(data);
                return decoded.Text?.Text ?? Encoding.Latin1.GetString(data);
        }
    }
}

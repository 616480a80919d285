using System.Text;
using SmsLint.Decode;

namespace SmsLint.Tests.Decode;

public sealed class TextDecoderTests
{
    [Fact]
    public void Plain_ascii_with_crlf_is_utf8_text()
    {
        var r = TextDecoder.Decode("[SMS]\r\nBuildNo=786\r\n"u8);
        Assert.Equal(DecodeStatus.Text, r.Status);
        Assert.Equal("utf-8", r.Encoding);
        Assert.Equal(2, r.Text!.LineCount);
    }

    [Fact]
    public void Windows_1252_bytes_decode_as_windows_1252()
    {
        byte[] bytes = [.. "REM Soci"u8, 0xE9, .. "t"u8, 0xE9, (byte)' ', 0x80, (byte)'\r', (byte)'\n'];
        var r = TextDecoder.Decode(bytes);
        Assert.Equal(DecodeStatus.Text, r.Status);
        Assert.Equal("windows-1252", r.Encoding);
        Assert.Equal("REM Société €\r\n", r.Text!.Text);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    public void Byte_order_marks_win(string kind)
    {
        const string text = "[SMS]\r\nSiteCode=ÅÄÖ\r\n";
        byte[] bytes = kind switch
        {
            "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            "utf-16le-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
            _ => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
        };
        var r = TextDecoder.Decode(bytes);
        Assert.Equal(DecodeStatus.Text, r.Status);
        Assert.Equal(kind, r.Encoding);
        Assert.Equal(text, r.Text!.Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_without_bom_is_recognised(bool bigEndian)
    {
        const string text = "[SMS]\r\nBuildNo=786\r\nSiteCode=OLD\r\n";
        var bytes = (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetBytes(text);
        var r = TextDecoder.Decode(bytes);
        Assert.Equal(DecodeStatus.Text, r.Status);
        Assert.Equal(bigEndian ? "utf-16be" : "utf-16le", r.Encoding);
        Assert.Equal(text, r.Text!.Text);
    }

    [Fact]
    public void Nul_bytes_make_a_binary_with_the_offset()
    {
        var r = TextDecoder.Decode([(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xFF]);
        Assert.Equal(DecodeStatus.Binary, r.Status);
        Assert.Equal(3, r.ByteOffset);
        Assert.Null(r.Text);
    }

    [Fact]
    public void Mostly_control_bytes_make_a_binary()
    {
        var bytes = Enumerable.Repeat(new byte[] { 1, 2, 3, (byte)'a' }, 50).SelectMany(b => b).ToArray();
        Assert.Equal(DecodeStatus.Binary, TextDecoder.Decode(bytes).Status);
    }

    [Fact]
    public void Dos_end_of_file_mark_and_escape_are_text()
    {
        var r = TextDecoder.Decode([.. "echo \u001b[1mSMS\u001b[0m\r\n"u8, 0x1A]);
        Assert.Equal(DecodeStatus.Text, r.Status);
    }

    [Fact]
    public void Bytes_undefined_in_windows_1252_are_undecodable_at_their_offset()
    {
        var r = TextDecoder.Decode([.. "[SMS]\r\nX="u8, 0xC3, 0x28, 0x8F]);
        Assert.Equal(DecodeStatus.Undecodable, r.Status);
        Assert.Equal(11, r.ByteOffset);
    }

    [Fact]
    public void Invalid_sequence_after_a_utf8_bom_is_undecodable()
    {
        var r = TextDecoder.Decode([0xEF, 0xBB, 0xBF, (byte)'a', 0xC3, 0x28]);
        Assert.Equal(DecodeStatus.Undecodable, r.Status);
    }

    [Fact]
    public void Empty_file_is_empty_text()
    {
        var r = TextDecoder.Decode([]);
        Assert.Equal(DecodeStatus.Text, r.Status);
        Assert.Equal(string.Empty, r.Text!.Text);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(42);
        for (var i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            var r = TextDecoder.Decode(bytes);
            Assert.True(r.Status != DecodeStatus.Text || r.Text is not null);
        }
    }
}

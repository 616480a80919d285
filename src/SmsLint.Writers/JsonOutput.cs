using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SmsLint.Writers;

/// <summary>
/// How every JSON document SmsLint writes (SARIF, --format json) is encoded: indented, UTF-8,
/// and escaped only where JSON requires it, so an apostrophe in a message stays an apostrophe
/// instead of <c>\u0027</c> and non-ASCII names stay readable. The files are never embedded in
/// HTML, which is what the default encoder's extra escaping is for.
/// </summary>
public static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write<T>(Stream output, T value, JsonTypeInfo<T> type)
    {
        using (var writer = new Utf8JsonWriter(output, Options))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        output.WriteByte((byte)'\n');
    }
}

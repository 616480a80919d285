using System.Text;

namespace SmsLint.Writers.Html;

/// <summary>
/// Escaping for text that comes from a snapshot (hostile input) into HTML and inline SVG: the five
/// markup characters become entities, and characters HTML cannot carry (C0/C1 controls other than
/// tab and newline, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. Safe in text and in quoted attributes.
/// </summary>
public static class HtmlText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            };
            if (replacement is null)
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }

                if (!Allowed(c))
                {
                    replacement = "\uFFFD";
                }
            }

            if (replacement is null)
            {
                sb?.Append(c);
                continue;
            }

            sb ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            sb.Append(replacement);
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>At most <paramref name="max"/> characters, with "…" when cut (the full text goes in a title).</summary>
    public static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static bool Allowed(char c) =>
        c is '\t' or '\n' or '\r' || (c >= ' ' && c < '\u007F') || (c > '\u009F' && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF'));
}

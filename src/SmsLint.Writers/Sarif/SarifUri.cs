using System.Text;

namespace SmsLint.Writers.Sarif;

/// <summary>
/// Snapshot paths as RFC 3986 URI references. Each path segment keeps the unreserved characters
/// and the sub-delimiters; everything else, non-ASCII as UTF-8 bytes, is percent-encoded: a space
/// as <c>%20</c>, <c>#</c> as <c>%23</c>, <c>%</c> as <c>%25</c>, <c>:</c> as <c>%3A</c> (so a first
/// segment such as <c>C:</c> cannot be mistaken for a URI scheme) and a backslash as <c>%5C</c>
/// (snapshot paths separate folders with '/', so a backslash is part of a name).
/// </summary>
public static class SarifUri
{
    public static string FromRelativePath(string path) => Encode(path, keepColon: false);

    /// <summary>An absolute folder path as a file URI ending in '/' (<c>C:\x</c> → <c>file:///C:/x/</c>, <c>\\host\share</c> → <c>file://host/share/</c>).</summary>
    public static string FolderUri(string absolutePath)
    {
        var windows = OperatingSystem.IsWindows()
            || absolutePath.StartsWith(@"\\", StringComparison.Ordinal)
            || (absolutePath.Length >= 3 && char.IsAsciiLetter(absolutePath[0]) && absolutePath[1] == ':' && absolutePath[2] is '\\' or '/');
        var path = windows ? absolutePath.Replace('\\', '/') : absolutePath;
        if (!path.EndsWith('/'))
        {
            path += "/";
        }

        if (windows && path.StartsWith("//", StringComparison.Ordinal) && path.Length > 2 && path[2] != '/')
        {
            // A UNC path: the server is the URI's authority.
            return "file:" + Encode(path, keepColon: false);
        }

        if (!path.StartsWith('/'))
        {
            path = "/" + path;
        }

        return "file://" + Encode(path, keepColon: true);
    }

    private static string Encode(string path, bool keepColon)
    {
        var sb = new StringBuilder(path.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=@/".Contains(c, StringComparison.Ordinal) || (keepColon && c == ':')))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}

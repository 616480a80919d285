using System.Text;

namespace SmsLint.Writers.Sarif;

/// <summary>Relative snapshot paths as RFC 3986 URI references: '/' kept, everything else outside unreserved and sub-delims percent-encoded.</summary>
public static class SarifUri
{
    public static string FromRelativePath(string path)
    {
        var sb = new StringBuilder(path.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(path.Replace('\\', '/')))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=@/".Contains(c, StringComparison.Ordinal)))
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

    /// <summary>An absolute folder path as a file URI ending in '/'.</summary>
    public static string FolderUri(string absolutePath)
    {
        var path = absolutePath.Replace('\\', '/');
        if (!path.StartsWith('/'))
        {
            path = "/" + path;
        }

        if (!path.EndsWith('/'))
        {
            path += "/";
        }

        return "file://" + FromRelativePath(path);
    }
}

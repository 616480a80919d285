using SmsLint.Writers.Sarif;

namespace SmsLint.Tests.Writers;

/// <summary>Snapshot paths and roots as SARIF URIs (RFC 3986 percent-encoding).</summary>
public sealed class SarifUriTests
{
    [Theory]
    [InlineData("DC01/SMSLOGON/Config/Copylog.tcf", "DC01/SMSLOGON/Config/Copylog.tcf")]
    [InlineData("DC 01/NETLOGON/Smsls.bat", "DC%2001/NETLOGON/Smsls.bat")]
    [InlineData("DC#1/x.ini", "DC%231/x.ini")]
    [InlineData("100%/x.ini", "100%25/x.ini")]
    [InlineData("DCÄ/x.ini", "DC%C3%84/x.ini")]
    [InlineData("C$/SMS.INI", "C$/SMS.INI")]
    [InlineData("REPL$/a+b;c=d@e/(1)/x.bat", "REPL$/a+b;c=d@e/(1)/x.bat")]
    [InlineData("C:/x.ini", "C%3A/x.ini")]
    [InlineData("a?b/[x]/`y`/{z}/x.ini", "a%3Fb/%5Bx%5D/%60y%60/%7Bz%7D/x.ini")]
    [InlineData("back\\slash/x.ini", "back%5Cslash/x.ini")]
    [InlineData("😀/x.ini", "%F0%9F%98%80/x.ini")]
    public void Relative_paths_are_percent_encoded(string path, string uri)
    {
        Assert.Equal(uri, SarifUri.FromRelativePath(path));
        Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Relative), uri);
        Assert.Equal(path, Uri.UnescapeDataString(uri));
    }

    [Theory]
    [InlineData("/home/me/snap", "file:///home/me/snap/")]
    [InlineData("/home/me/my snap #2/", "file:///home/me/my%20snap%20%232/")]
    [InlineData(@"C:\Captures\Snap 1", "file:///C:/Captures/Snap%201/")]
    [InlineData(@"\\fileserver\captures\snap", "file://fileserver/captures/snap/")]
    public void Roots_are_absolute_file_uris(string path, string uri)
    {
        Assert.Equal(uri, SarifUri.FolderUri(path));
        Assert.True(Uri.IsWellFormedUriString(uri, UriKind.Absolute), uri);
    }
}

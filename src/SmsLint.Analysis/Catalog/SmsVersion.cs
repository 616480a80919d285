using System.Globalization;
using System.Text.RegularExpressions;

namespace SmsLint.Catalog;

/// <summary>
/// An SMS version number as four integer fields: major, minor, build and revision.
/// </summary>
/// <remarks>
/// <para>
/// SMS 2.0 writes versions as <c>2.00.BBBB.Sxxx</c> (Q213410, Q266130). The build field is 1239 for
/// the release, 1380 for SP1 and 1493 for SP2, SP3 and SP4. In the revision (fourth) field the
/// thousands digit is the service pack; the remaining three digits carry the International Client
/// Pack marker and the hotfix number (see <see cref="IcpDigit"/> for how those two overlap).
/// </para>
/// <para>
/// The same version is spelled in several ways: Compver.ini and the documentation use
/// <c>2.00.1493.2000</c>, Windows file-version tables use <c>2.0.1493.2000</c> and drop leading
/// zeros (<c>2.0.1239.62</c>), and logs may print <c>2.00.1380.1</c>. Every field is therefore
/// read as an integer, so <c>2.00.1380.1</c> equals <c>2.0.1380.1</c> and ordering is numeric per
/// field. SMS 1.x files report <c>1.2(build 786)</c>, which is read as (1, 2, 786, 0).
/// </para>
/// </remarks>
public readonly partial record struct SmsVersion(int Major, int Minor, int Build, int Revision) : IComparable<SmsVersion>
{
    /// <summary>Service pack digit: the thousands digit of the revision (2.00.1493.<b>3</b>000 = SP3).</summary>
    /// <remarks>
    /// One exception, the catalog's <c>sp1BaseAnomaly</c>: an early Q240921 fix set SP1 sites' base
    /// Compver.ini to 2.00.1380.2004, which Q246527 says to change to 2.00.1380.1072, and Q247306 and
    /// Q255174 give the range 2.00.1380.20xx. Build 1380 is SP1 and SP2 is build 1493, so such a
    /// version reads as SP1 (<see cref="IsSp1BaseAnomaly"/>).
    /// </remarks>
    public int ServicePackDigit => IsSp1BaseAnomaly ? 1 : Revision / 1000;

    /// <summary>
    /// True for the 2.00.1380.20xx base version left by an early Q240921 fix on SP1 sites (Q246527,
    /// Q247306, Q255174): service pack digit 1, whatever the thousands digit says.
    /// </summary>
    public bool IsSp1BaseAnomaly => Major == 2 && Build == Sp1Build && Revision / 100 == 20;

    /// <summary>The build of SMS 2.0 SP1.</summary>
    private const int Sp1Build = 1380;

    /// <summary>
    /// The hundreds digit of the revision. Q213410 places the International Client Pack marker here
    /// (values 4 to 9: .0400 … .0900).
    /// </summary>
    /// <remarks>
    /// This digit is not a clean field. Q213410 also gives hotfix numbers the range .0001–.0399, so a
    /// value of 1, 2 or 3 here is normally the hundreds digit of a hotfix number, not an ICP. Real
    /// files mix the two: the English post-SP3 Clicore.exe is 2.0.1493.3242, the ICP1 build of the
    /// same fix 2.0.1493.3442 and the ICP4/ICP5 build 2.0.1493.3642 (Q316021). Treat only the values
    /// 4–9 as an ICP hint (<see cref="HasIcpMarker"/>), and never read the digit as a reliable
    /// language or ICP level on its own.
    /// </remarks>
    public int IcpDigit => Revision / 100 % 10;

    /// <summary>
    /// The last three digits of the revision (Revision mod 1000). By Q213410 this is the hotfix
    /// number; for ICP builds it also contains the ICP marker in its hundreds digit (see <see cref="IcpDigit"/>).
    /// </summary>
    public int HotfixNumber => Revision % 1000;

    /// <summary>True when <see cref="IcpDigit"/> is in the ICP range 4–9 named by Q213410.</summary>
    public bool HasIcpMarker => IcpDigit >= 4;

    /// <summary>
    /// True for SMS 2.0 packaging versions such as the <c>2.0.91.7</c> Clicore.exe of the SP1 client
    /// hotfix bundles or the <c>2.0.92.9</c> CcmCore.exe (major 2, build below 1000). Such a version
    /// does not name an SMS build: take the build from Compver.ini instead.
    /// </summary>
    public bool IsPackagingVersion => Major == 2 && Build < 1000;

    /// <summary>Parses a version, or throws <see cref="FormatException"/>.</summary>
    public static SmsVersion Parse(string text)
    {
        if (TryParse(text, out var version))
        {
            return version;
        }

        throw new FormatException($"'{text}' is not an SMS version (expected four numeric fields such as 2.00.1493.2000, or 1.2(build 786)).");
    }

    /// <summary>
    /// Reads an SMS version. Accepted: four dot-separated fields of ASCII digits
    /// (<c>2.00.1493.2000</c>, <c>2.0.1239.62</c>, <c>2.00.1380.1</c>) and the SMS 1.x form
    /// <c>1.2(build 786)</c> / <c>1.2 (Build 786)</c>; white space around the text is ignored.
    /// Anything else fails: other field counts, signs, non-digits, empty fields or values beyond
    /// <see cref="int.MaxValue"/>.
    /// </summary>
    public static bool TryParse(string? text, out SmsVersion version)
    {
        version = default;
        if (text is null)
        {
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return false;
        }

        if (span.Contains('('))
        {
            return TryParseSms1(span, out version);
        }

        Span<int> fields = stackalloc int[4];
        var count = 0;
        foreach (var range in span.Split('.'))
        {
            if (count == 4 || !TryParseField(span[range], out fields[count]))
            {
                return false;
            }

            count++;
        }

        if (count != 4)
        {
            return false;
        }

        version = new SmsVersion(fields[0], fields[1], fields[2], fields[3]);
        return true;
    }

    private static bool TryParseSms1(ReadOnlySpan<char> span, out SmsVersion version)
    {
        version = default;
        var match = Sms1Form().Match(span.ToString());
        if (!match.Success
            || !TryParseField(match.Groups[1].ValueSpan, out var major)
            || !TryParseField(match.Groups[2].ValueSpan, out var minor)
            || !TryParseField(match.Groups[3].ValueSpan, out var build)
            || major != 1)
        {
            return false;
        }

        version = new SmsVersion(major, minor, build, 0);
        return true;
    }

    private static bool TryParseField(ReadOnlySpan<char> field, out int value)
    {
        value = 0;
        if (field.IsEmpty)
        {
            return false;
        }

        foreach (var c in field)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    [GeneratedRegex(@"^([0-9]+)\.([0-9]+)[ \t]*\([ \t]*build[ \t]*([0-9]+)[ \t]*\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Sms1Form();

    /// <summary>
    /// Canonical text. SMS 1.x versions with a build and no revision print as <c>1.2(build 786)</c>;
    /// everything else prints as <c>M.mm.B.rrrr</c> (minor two digits, revision four digits), for
    /// example <c>2.00.1493.2000</c> or <c>2.00.1239.0062</c>.
    /// </summary>
    public override string ToString()
    {
        if (Major == 1 && Revision == 0 && Build > 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}(build {Build})");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor:00}.{Build}.{Revision:0000}");
    }

    /// <summary>The unpadded spelling used by Windows file-version tables, e.g. <c>2.0.1239.62</c> or <c>2.0.91.7</c>.</summary>
    public string ToFileVersionString()
        => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}.{Build}.{Revision}");

    /// <summary>Orders by major, minor, build and revision, each compared as an integer.</summary>
    public int CompareTo(SmsVersion other)
    {
        var c = Major.CompareTo(other.Major);
        if (c != 0)
        {
            return c;
        }

        c = Minor.CompareTo(other.Minor);
        if (c != 0)
        {
            return c;
        }

        c = Build.CompareTo(other.Build);
        return c != 0 ? c : Revision.CompareTo(other.Revision);
    }

    public static bool operator <(SmsVersion left, SmsVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(SmsVersion left, SmsVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(SmsVersion left, SmsVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SmsVersion left, SmsVersion right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// The largest part in which two versions differ: release (major or minor), build, service pack
    /// digit, or only the ICP/hotfix digits (Revision mod 1000).
    /// </summary>
    /// <remarks>
    /// Packaging versions (<see cref="IsPackagingVersion"/>) carry no SMS build, so comparing one with
    /// a real SMS version reports <see cref="VersionDifference.Build"/> without meaning much; callers
    /// should set those aside first.
    /// </remarks>
    public static VersionDifference Classify(SmsVersion a, SmsVersion b)
    {
        if (a.Major != b.Major || a.Minor != b.Minor)
        {
            return VersionDifference.Release;
        }

        if (a.Build != b.Build)
        {
            return VersionDifference.Build;
        }

        if (a.ServicePackDigit != b.ServicePackDigit)
        {
            return VersionDifference.ServicePack;
        }

        return a.HotfixNumber != b.HotfixNumber ? VersionDifference.HotfixOrIcp : VersionDifference.Same;
    }

    /// <summary>
    /// The "significant version" test of Q262677 as used by Boot32wn from SP2 on: a client is not moved
    /// to a significantly different Clicore through the logon script.
    /// </summary>
    /// <remarks>
    /// Q262677 establishes that a different build is significant and that a hotfix-only change is not.
    /// It does not settle the service-pack digit, because SP2, SP3 and SP4 share build 1493; treating
    /// an SP-digit change as significant is an inferred default that
    /// <see cref="SignificanceOptions.ServicePackDigitIsSignificant"/> turns off. ICP and hotfix digits
    /// are never significant. A release (major/minor) difference is always significant.
    /// </remarks>
    public static bool IsSignificant(SmsVersion a, SmsVersion b, SignificanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Classify(a, b) switch
        {
            VersionDifference.Release or VersionDifference.Build => true,
            VersionDifference.ServicePack => options.ServicePackDigitIsSignificant,
            _ => false,
        };
    }

    /// <summary><see cref="IsSignificant(SmsVersion, SmsVersion, SignificanceOptions)"/> with the default options.</summary>
    public static bool IsSignificant(SmsVersion a, SmsVersion b) => IsSignificant(a, b, SignificanceOptions.Default);
}

/// <summary>The largest part in which two <see cref="SmsVersion"/> values differ, smallest first.</summary>
public enum VersionDifference
{
    /// <summary>All four fields match (after integer normalisation).</summary>
    Same,

    /// <summary>Only the last three revision digits differ (hotfix number and/or ICP marker).</summary>
    HotfixOrIcp,

    /// <summary>Same build, different service pack digit (e.g. SP2 vs SP3, both build 1493).</summary>
    ServicePack,

    /// <summary>Different build number (third field).</summary>
    Build,

    /// <summary>Different major or minor version.</summary>
    Release,
}

/// <summary>Settings for <see cref="SmsVersion.IsSignificant(SmsVersion, SmsVersion, SignificanceOptions)"/>.</summary>
/// <param name="ServicePackDigitIsSignificant">
/// Whether a difference only in the service pack digit counts as significant. Q262677 leaves this
/// open; the default (true) is an inferred, conservative choice.
/// </param>
public sealed record SignificanceOptions(bool ServicePackDigitIsSignificant = true)
{
    /// <summary>Default settings: the service pack digit is significant.</summary>
    public static SignificanceOptions Default { get; } = new();
}

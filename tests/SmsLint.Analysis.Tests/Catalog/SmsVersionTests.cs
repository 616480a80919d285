using SmsLint.Catalog;

namespace SmsLint.Tests.Catalog;

public sealed class SmsVersionTests
{
    [Theory]
    [InlineData("2.00.1493.2000", 2, 0, 1493, 2000)]
    [InlineData("2.0.1493.2000", 2, 0, 1493, 2000)]
    [InlineData("2.0.1239.62", 2, 0, 1239, 62)]
    [InlineData("2.00.1380.1", 2, 0, 1380, 1)]
    [InlineData("2.0.91.03", 2, 0, 91, 3)]
    [InlineData("  2.00.1380.1000\t", 2, 0, 1380, 1000)]
    [InlineData("\r\n2.0.1493.4009 \n", 2, 0, 1493, 4009)]
    [InlineData("1.2(build 786)", 1, 2, 786, 0)]
    [InlineData("1.2 (Build 786)", 1, 2, 786, 0)]
    [InlineData("1.2(BUILD 786)", 1, 2, 786, 0)]
    [InlineData(" 1.1 ( build 692 ) ", 1, 1, 692, 0)]
    [InlineData("1.2.0.0", 1, 2, 0, 0)]
    public void TryParse_accepts_supported_forms(string text, int major, int minor, int build, int revision)
    {
        Assert.True(SmsVersion.TryParse(text, out var version));
        Assert.Equal(new SmsVersion(major, minor, build, revision), version);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2")]
    [InlineData("2.00.1493")]
    [InlineData("2.00.1493.2000.1")]
    [InlineData("2.0.1493.20a0")]
    [InlineData("2.0.-1.0")]
    [InlineData("+2.0.1493.2000")]
    [InlineData("2..1493.2000")]
    [InlineData("2.0.1493.")]
    [InlineData(".2.0.1493")]
    [InlineData("2.0.1493.99999999999")]
    [InlineData("2.0.1493.2147483648")]
    [InlineData("2.0.1493.2000 extra")]
    [InlineData("2.0 .1493.2000")]
    [InlineData("v2.0.1493.2000")]
    [InlineData("\uFF12.0.1493.2000")]
    [InlineData("2.0.1493.\u0662000")]
    [InlineData("1.2(build)")]
    [InlineData("1.2(build 786")]
    [InlineData("1.2 build 786")]
    [InlineData("1.2(build 786) x")]
    [InlineData("1.2(version 786)")]
    [InlineData("2.0(build 1239)")]
    [InlineData("1(build 786)")]
    [InlineData("698.0012")]
    public void TryParse_rejects_everything_else(string? text)
    {
        Assert.False(SmsVersion.TryParse(text, out var version));
        Assert.Equal(default, version);
    }

    [Fact]
    public void TryParse_accepts_int_max_field()
    {
        Assert.True(SmsVersion.TryParse("2.0.1493.2147483647", out var version));
        Assert.Equal(int.MaxValue, version.Revision);
    }

    [Fact]
    public void Parse_throws_on_bad_text()
    {
        Assert.Throws<FormatException>(() => SmsVersion.Parse("2.0.x.1"));
    }

    [Theory]
    [InlineData("2.0.1493.2000", "2.00.1493.2000")]
    [InlineData("2.00.1493.2000", "2.00.1493.2000")]
    [InlineData("2.0.1239.62", "2.00.1239.0062")]
    [InlineData("2.00.1380.1", "2.00.1380.0001")]
    [InlineData("1.2 (Build 786)", "1.2(build 786)")]
    [InlineData("1.2(build 786)", "1.2(build 786)")]
    public void ToString_is_canonical(string text, string expected)
    {
        var version = SmsVersion.Parse(text);
        Assert.Equal(expected, version.ToString());
        Assert.Equal(version, SmsVersion.Parse(version.ToString()));
    }

    [Theory]
    [InlineData("2.00.1239.0062", "2.0.1239.62")]
    [InlineData("2.0.91.03", "2.0.91.3")]
    public void ToFileVersionString_drops_padding(string text, string expected)
    {
        Assert.Equal(expected, SmsVersion.Parse(text).ToFileVersionString());
    }

    [Fact]
    public void Comparison_is_numeric_per_field()
    {
        var a = SmsVersion.Parse("2.0.1239.62");
        var b = SmsVersion.Parse("2.0.1239.64");
        var c = SmsVersion.Parse("2.0.1380.1000");

        Assert.True(a < b);
        Assert.True(b < c);
        Assert.True(a < c);
        Assert.True(c > a);
        Assert.True(a <= b && b >= a);
        Assert.Equal(new[] { a, b, c }, new[] { c, a, b }.Order().ToArray());

        // "1105" sorts before "999" as text but not as a number.
        Assert.True(SmsVersion.Parse("2.0.1380.1105") > SmsVersion.Parse("2.0.1380.999"));
        Assert.True(SmsVersion.Parse("2.0.1493.10") > SmsVersion.Parse("2.0.1493.9"));
        Assert.True(SmsVersion.Parse("2.10.0.0") > SmsVersion.Parse("2.9.9999.9999"));
        Assert.True(SmsVersion.Parse("3.0.0.0") > SmsVersion.Parse("2.99.9999.9999"));
    }

    [Fact]
    public void Spellings_of_one_version_are_equal()
    {
        Assert.Equal(SmsVersion.Parse("2.00.1380.1"), SmsVersion.Parse("2.0.1380.1"));
        Assert.True(SmsVersion.Parse("2.00.1380.1") == SmsVersion.Parse("2.0.1380.0001"));
        Assert.Equal(0, SmsVersion.Parse("2.00.1239.0062").CompareTo(SmsVersion.Parse("2.0.1239.62")));
        Assert.Equal(SmsVersion.Parse("2.00.1380.1").GetHashCode(), SmsVersion.Parse("2.0.1380.1").GetHashCode());
        Assert.Equal(SmsVersion.Parse("1.2(build 786)"), SmsVersion.Parse("1.2 (Build 786)"));
    }

    [Theory]
    [InlineData("2.00.1493.3442", 3, 4, 442, true)]
    [InlineData("2.00.1493.3642", 3, 6, 642, true)]
    [InlineData("2.00.1493.3242", 3, 2, 242, false)]
    [InlineData("2.00.1380.1105", 1, 1, 105, false)]
    [InlineData("2.00.1493.2000", 2, 0, 0, false)]
    [InlineData("2.00.1239.0062", 0, 0, 62, false)]
    public void Revision_helpers_split_the_fourth_field(string text, int sp, int icp, int hotfix, bool icpMarker)
    {
        var version = SmsVersion.Parse(text);
        Assert.Equal(sp, version.ServicePackDigit);
        Assert.Equal(icp, version.IcpDigit);
        Assert.Equal(hotfix, version.HotfixNumber);
        Assert.Equal(icpMarker, version.HasIcpMarker);
    }

    [Theory]
    [InlineData("2.0.91.7", true)]
    [InlineData("2.0.91.03", true)]
    [InlineData("2.0.92.9", true)]
    [InlineData("2.0.1493.4009", false)]
    [InlineData("2.00.1239.0000", false)]
    [InlineData("1.2(build 786)", false)]
    public void IsPackagingVersion_flags_2_0_9x_versions(string text, bool expected)
    {
        Assert.Equal(expected, SmsVersion.Parse(text).IsPackagingVersion);
    }

    [Theory]
    [InlineData("2.00.1493.2000", "2.0.1493.2000", VersionDifference.Same)]
    [InlineData("2.0.1380.1", "2.00.1380.0001", VersionDifference.Same)]
    [InlineData("2.00.1493.2000", "2.00.1493.2001", VersionDifference.HotfixOrIcp)]
    [InlineData("2.00.1493.3242", "2.00.1493.3442", VersionDifference.HotfixOrIcp)]
    [InlineData("2.00.1493.2000", "2.00.1493.3000", VersionDifference.ServicePack)]
    [InlineData("2.00.1493.2009", "2.00.1493.4009", VersionDifference.ServicePack)]
    [InlineData("2.00.1380.1000", "2.00.1493.2000", VersionDifference.Build)]
    [InlineData("2.0.1239.62", "2.0.1380.62", VersionDifference.Build)]
    [InlineData("1.2(build 786)", "2.00.1239.0000", VersionDifference.Release)]
    [InlineData("2.00.1239.0000", "2.10.1239.0000", VersionDifference.Release)]
    public void Classify_reports_the_largest_difference(string a, string b, VersionDifference expected)
    {
        Assert.Equal(expected, SmsVersion.Classify(SmsVersion.Parse(a), SmsVersion.Parse(b)));
        Assert.Equal(expected, SmsVersion.Classify(SmsVersion.Parse(b), SmsVersion.Parse(a)));
    }

    [Fact]
    public void IsSignificant_follows_the_Q262677_examples()
    {
        var options = new SignificanceOptions();

        // A 2.00.1380.0000 client meeting a 2.00.1999.2000 Clicore: different build, so Boot32wn stops.
        Assert.True(SmsVersion.IsSignificant(SmsVersion.Parse("2.00.1380.0000"), SmsVersion.Parse("2.00.1999.2000"), options));

        // A hotfix (2.00.1999.2001 against 2.00.1999.2000) is not a significant new version.
        Assert.False(SmsVersion.IsSignificant(SmsVersion.Parse("2.00.1999.2001"), SmsVersion.Parse("2.00.1999.2000"), options));
    }

    [Fact]
    public void IsSignificant_service_pack_digit_is_configurable()
    {
        var sp2 = SmsVersion.Parse("2.00.1493.2000");
        var sp3 = SmsVersion.Parse("2.00.1493.3000");

        Assert.True(SmsVersion.IsSignificant(sp2, sp3, new SignificanceOptions()));
        Assert.True(SmsVersion.IsSignificant(sp2, sp3));
        Assert.True(SignificanceOptions.Default.ServicePackDigitIsSignificant);
        Assert.False(SmsVersion.IsSignificant(sp2, sp3, new SignificanceOptions(ServicePackDigitIsSignificant: false)));
    }

    [Fact]
    public void IsSignificant_never_for_hotfix_or_icp_and_always_for_build_or_release()
    {
        var relaxed = new SignificanceOptions(ServicePackDigitIsSignificant: false);
        var strict = new SignificanceOptions(ServicePackDigitIsSignificant: true);

        foreach (var options in new[] { relaxed, strict })
        {
            Assert.False(SmsVersion.IsSignificant(SmsVersion.Parse("2.00.1493.3242"), SmsVersion.Parse("2.00.1493.3442"), options));
            Assert.False(SmsVersion.IsSignificant(SmsVersion.Parse("2.0.1239.62"), SmsVersion.Parse("2.0.1239.64"), options));
            Assert.False(SmsVersion.IsSignificant(SmsVersion.Parse("2.00.1380.1"), SmsVersion.Parse("2.0.1380.1"), options));
            Assert.True(SmsVersion.IsSignificant(SmsVersion.Parse("2.00.1380.1000"), SmsVersion.Parse("2.00.1493.2000"), options));
            Assert.True(SmsVersion.IsSignificant(SmsVersion.Parse("1.2(build 786)"), SmsVersion.Parse("2.00.1239.0000"), options));
        }
    }
}

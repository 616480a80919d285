using SmsLint.Catalog;

namespace SmsLint.Tests.Catalog;

/// <summary>Issue 11: catalog facts that must say what the KB says, and no more.</summary>
public sealed class KbAgreementTests
{
    private static readonly SmsCatalog Catalog = SmsCatalog.LoadEmbedded();

    private static CatalogHotfix Hotfix(string id) => Catalog.FindHotfix(id)!;

    [Theory]
    [InlineData("2.00.1380.2004")]
    [InlineData("2.00.1380.2000")]
    [InlineData("2.0.1380.2099")]
    public void Sp1_base_anomaly_reads_as_sp1(string text)
    {
        var v = SmsVersion.Parse(text);
        Assert.True(v.IsSp1BaseAnomaly);
        Assert.Equal(1, v.ServicePackDigit);
        Assert.NotEqual(VersionDifference.ServicePack, SmsVersion.Classify(v, SmsVersion.Parse("2.00.1380.1000")));
    }

    [Theory]
    [InlineData("2.00.1380.1072", 1)]
    [InlineData("2.00.1493.2000", 2)]
    [InlineData("2.00.1380.3000", 3)]
    [InlineData("2.00.1239.2004", 2)]
    public void Other_versions_keep_their_thousands_digit(string text, int sp)
    {
        var v = SmsVersion.Parse(text);
        Assert.False(v.IsSp1BaseAnomaly);
        Assert.Equal(sp, v.ServicePackDigit);
    }

    [Fact]
    public void Catalog_documents_the_sp1_base_anomaly()
    {
        var part = Assert.Single(Catalog.VersionScheme.Parts, p => p.Name == "sp1BaseAnomaly");
        Assert.Contains("Q246527", part.Kb);
        Assert.Contains("2.00.1380.20xx", part.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Q252717_baseobj_is_shared_with_q253151_and_ccm_files_are_distinctive()
    {
        var files = Hotfix("Q252717").Files;
        Assert.All(files.Where(f => f.Name == "Baseobj.dll"), f => Assert.Equal(["Q253151"], f.SharedWith));
        Assert.All(files.Where(f => f.Name is "Ccm.dll" or "Ccmbtldr.exe"), f => Assert.True(f.IsDistinctive));
    }

    [Fact]
    public void Q253151_logon_point_locations_are_inferred()
    {
        foreach (var file in Hotfix("Q253151").Files)
        {
            Assert.All(file.Locations.Where(l => l.Role == "logon-point"), l => Assert.True(l.Inferred));
            Assert.Contains(file.Locations, l => l.Role == "site-server");
        }
    }

    [Theory]
    [InlineData("Q251070")]
    [InlineData("Q249077")]
    public void Copylog_fix_supersession_rests_on_a_keyword_and_is_inferred(string id) =>
        Assert.True(Hotfix(id).SupersededBy!.Inferred);

    [Theory]
    [InlineData("2002-01-18", true)]
    [InlineData("2002-01-17", true)]
    [InlineData("2002-01-19", true)]
    [InlineData("2002-01-16", false)]
    [InlineData("2001-01-18", false)]
    public void Q323652_dates_match_within_one_day(string local, bool matches)
    {
        foreach (var file in Hotfix("Q323652").Files)
        {
            Assert.Equal(1, file.DateToleranceDays);
            Assert.Equal(matches, file.DateMatches(DateOnly.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void Check20_fix_matches_on_size_and_date_only()
    {
        var file = Assert.Single(Hotfix("Q195702").Files);
        Assert.Equal(["size", "date"], file.MatchOn);
        Assert.Equal("any", file.Platform);
        Assert.Equal(44252, file.SizeBytes);
        Assert.True(file.DateMatches(new DateOnly(1998, 10, 6)));
        Assert.False(file.DateMatches(new DateOnly(1998, 10, 7)));
    }
}

using SmsLint.Catalog;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Rules.LogonPoints;

namespace SmsLint.Tests.Rules;

/// <summary>
/// The service-pack-digit part of Q262677's significance rule is configurable
/// (AnalysisOptions.Significance); SP2 and SP3 sites on one logon point show how each setting reads.
/// </summary>
public sealed class SignificanceOptionTests
{
    private static readonly string Sp2AndSp3 = Path.Combine(Repo.TestData, "rules", "SMS2001", "fail-service-pack-sp2-and-sp3", "snapshot");

    private static readonly AnalysisOptions SpNotSignificant = new() { Significance = new SignificanceOptions(ServicePackDigitIsSignificant: false) };

    [Fact]
    public void Default_treats_a_service_pack_difference_as_significant()
    {
        Assert.True(new AnalysisOptions().Significance.ServicePackDigitIsSignificant);

        // A service-pack-only difference is a note either way (issue 12): no KB says SP2/SP3 mixing breaks clients.
        var lp001 = FixtureRunner.Scan(Sp2AndSp3, [new SitesAtDifferentVersionsShareLogonPoint()]).Findings;
        Assert.Equal(Level.Note, Assert.Single(lp001).Level);

        var lp002 = FixtureRunner.Scan(Sp2AndSp3, [new NewClientsOnlyToNewestSite()]).Findings;
        Assert.Contains("'BBB'", Assert.Single(lp002).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_pack_difference_is_a_note_when_configured_not_significant()
    {
        var lp001 = FixtureRunner.Scan(Sp2AndSp3, [new SitesAtDifferentVersionsShareLogonPoint()], SpNotSignificant).Findings;
        Assert.Equal(Level.Note, Assert.Single(lp001).Level);

        var lp002 = FixtureRunner.Scan(Sp2AndSp3, [new NewClientsOnlyToNewestSite()], SpNotSignificant).Findings;
        Assert.Empty(lp002);
    }
}

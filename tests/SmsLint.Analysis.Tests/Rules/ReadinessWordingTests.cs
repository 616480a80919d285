using SmsLint.Planning;
using SmsLint.Rules.Readiness;

namespace SmsLint.Tests.Rules;

/// <summary>
/// A checklist item carries its words apart (head, state, detail, remedy): the plan prints them as
/// one sentence, and an SMS7xxx result takes the problem as its message and the remedy as its help,
/// without taking a text apart again.
/// </summary>
public sealed class ReadinessWordingTests
{
    [Fact]
    public void The_plan_sentence_and_the_result_come_from_the_same_words()
    {
        var words = new ReadinessWording("Logon scripts disabled on domain 'CORP'", "not ready", "1 of 2 copies do not start with 'GOTO END' ('DC01/NETLOGON/Smsls.bat')", "add it at the top of each before upgrading any site.");

        Assert.Equal("Logon scripts disabled on domain 'CORP': not ready, 1 of 2 copies do not start with 'GOTO END' ('DC01/NETLOGON/Smsls.bat'); add it at the top of each before upgrading any site.", words.ToString());
        var (message, help) = ReadinessRule.Words(words);
        Assert.Equal("Logon scripts disabled on domain 'CORP': not ready, 1 of 2 copies do not start with 'GOTO END' ('DC01/NETLOGON/Smsls.bat').", message);
        Assert.Equal("Add it at the top of each before upgrading any site.", help);
    }

    [Fact]
    public void Without_a_remedy_the_sentence_ends_the_problem_and_there_is_no_help()
    {
        var words = new ReadinessWording("Copylog.tcf copies in line on domain 'CORP'", "cannot tell", "no Copylog.tcf of the domain is in the snapshot", null);

        Assert.Equal("Copylog.tcf copies in line on domain 'CORP': cannot tell, no Copylog.tcf of the domain is in the snapshot.", words.ToString());
        Assert.Equal(("Copylog.tcf copies in line on domain 'CORP': cannot tell, no Copylog.tcf of the domain is in the snapshot.", (string?)null), ReadinessRule.Words(words));
    }

    [Fact]
    public void A_long_detail_moves_into_the_help_before_the_remedy_and_semicolons_in_a_message_become_commas()
    {
        var detail = "Q251070: " + string.Join("; ", Enumerable.Range(1, 12).Select(i => $"file number {i} on the site server is below the version the hotfix installs"));
        var words = new ReadinessWording("Pre-SP2 hotfixes on site 'AAA'", "not ready", detail, "apply them.");
        var (message, help) = ReadinessRule.Words(words);

        Assert.Equal("Pre-SP2 hotfixes on site 'AAA': not ready.", message);
        Assert.StartsWith("Q251070: file number 1 on the site server is below the version the hotfix installs, file number 2", help, StringComparison.Ordinal);
        Assert.EndsWith(": apply them.", help, StringComparison.Ordinal);
        Assert.DoesNotContain("; ", help, StringComparison.Ordinal);

        var joined = new ReadinessWording("Sites upgraded together on domain 'CORP'", "not ready", "'BBB' stays at '2.00.1239.0000' while another site reaches 'SP2'", "plan every site of the domain within a few hours of each other.") { HeadSeparator = "; " };
        Assert.Equal("Sites upgraded together on domain 'CORP'; not ready, 'BBB' stays at '2.00.1239.0000' while another site reaches 'SP2'; plan every site of the domain within a few hours of each other.", joined.ToString());
        Assert.Equal("Sites upgraded together on domain 'CORP', not ready, 'BBB' stays at '2.00.1239.0000' while another site reaches 'SP2'.", ReadinessRule.Words(joined).Message);
    }
}

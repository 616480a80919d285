using SmsLint.Findings;
using SmsLint.Rules;

namespace SmsLint.Tests.Rules;

/// <summary>
/// testdata/rules/&lt;ID&gt;/&lt;case&gt;/snapshot is scanned with only rule &lt;ID&gt; enabled and the text
/// output compared with expected.txt. "fail-*" cases must produce findings, "pass-*" none.
/// </summary>
public sealed class RuleFixtureTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        var root = Path.Combine(Repo.TestData, "rules");
        foreach (var ruleDir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            foreach (var caseDir in Directory.GetDirectories(ruleDir).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(ruleDir), Path.GetFileName(caseDir));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture_matches_its_golden(string ruleId, string caseName)
    {
        var rule = BuiltInRules.Find(ruleId);
        Assert.True(rule is not null, $"testdata/rules/{ruleId} names no registered rule");
        var dir = Path.Combine(Repo.TestData, "rules", ruleId, caseName);
        var snapshot = Path.Combine(dir, "snapshot");
        Assert.True(Directory.Exists(snapshot), $"{dir} has no snapshot folder");

        var report = FixtureRunner.Scan(snapshot, [rule!], overlay: FixtureRunner.Overlay(dir));
        FixtureRunner.SaveSarif(report, $"rule-{ruleId}-{caseName}");

        Assert.All(report.Findings, f => Assert.Equal(ruleId, f.Rule.Id));
        if (caseName.StartsWith("fail-", StringComparison.Ordinal))
        {
            Assert.NotEmpty(report.Findings);
        }
        else
        {
            Assert.StartsWith("pass-", caseName, StringComparison.Ordinal);
            Assert.Empty(report.Findings);
        }

        Assert.DoesNotContain(report.Notifications, n => n.Level == Level.Error);
        FindingInvariants.Check(report, snapshot);
        Golden.Match(Path.Combine(dir, "expected.txt"), FixtureRunner.Text(report));
    }
}

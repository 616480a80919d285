using SmsLint.Discover;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Model;
using SmsLint.Rules;
using SmsLint.Scanning;
using SmsLint.Text;

namespace SmsLint.Tests.Engine;

public sealed class EvidenceTests
{
    private static LoadedFile TextFile(string path, string text)
    {
        var entry = new SnapshotEntry(path, text.Length);
        return new LoadedFile(new SnapshotFile(entry, "DC01", "NETLOGON", ShareKind.Netlogon, "Smsls.bat", FileKind.BatchScript)) { Text = new SourceText(text) };
    }

    [Fact]
    public void A_span_inside_the_text_locates_to_its_line_and_column()
    {
        var file = TextFile("DC01/NETLOGON/Smsls.bat", "@echo off\r\nGOTO END\r\n");
        var location = Evidence.At(file, new TextSpan(11, 4)).ToLocation();
        Assert.Equal(2, location.Region.StartLine);
        Assert.Equal(1, location.Region.StartColumn);
    }

    [Theory]
    [InlineData(30, 2)]
    [InlineData(-1, 2)]
    [InlineData(20, 5)]
    public void A_span_outside_the_text_is_an_internal_error_not_line_1(int start, int length)
    {
        var file = TextFile("DC01/NETLOGON/Smsls.bat", "@echo off\r\nGOTO END\r\n");
        var ex = Assert.Throws<EvidenceSpanException>(() => Evidence.At(file, new TextSpan(start, length)).ToLocation());
        Assert.Contains("DC01/NETLOGON/Smsls.bat", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_reporting_a_bad_span_fails_with_SMS_RULE_FAILED_and_keeps_no_finding()
    {
        var dir = Directory.CreateTempSubdirectory("smslint-evidence-");
        try
        {
            var netlogon = Directory.CreateDirectory(Path.Combine(dir.FullName, "DC01", "NETLOGON"));
            File.WriteAllText(Path.Combine(netlogon.FullName, "Smsls.bat"), "@echo off\r\n");
            var report = Scanner.Scan(new ScanSettings(dir.FullName, [new BadSpanRule(), .. BuiltInRules.All]));
            Assert.DoesNotContain(report.Findings, f => f.Rule.Id == "SMS9999");
            var failed = Assert.Single(report.Notifications, n => n.Id == "SMS-RULE-FAILED");
            Assert.Equal(Level.Error, failed.Level);
            Assert.Contains(nameof(EvidenceSpanException), failed.Message, StringComparison.Ordinal);
            Assert.False(report.ExecutionSuccessful);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private sealed class BadSpanRule() : Rule(new()
    {
        Id = "SMS9999",
        Title = "Reports a span its file does not have",
        Level = Level.Warning,
        Tags = [RuleTag.Input],
    })
    {
        public override void Check(RuleContext context)
        {
            foreach (var file in context.Model.Files.Where(f => f.Text is not null))
            {
                context.Report("Out of range.", Evidence.At(file, new TextSpan(file.Text!.Length + 5, 1)), "bad");
            }
        }
    }
}

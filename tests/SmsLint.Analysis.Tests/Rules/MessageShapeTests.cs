using System.Text.RegularExpressions;
using SmsLint.Findings;
using SmsLint.Rules;

namespace SmsLint.Tests.Rules;

/// <summary>
/// Messages that group (issue 16 item 3) and no primary location on a binary (issue 17 item 3),
/// checked over every finding of the demo, every e2e scenario (with and without its plan overlay)
/// and every rule fixture:
/// <list type="bullet">
/// <item>a message is one sentence: it ends with a period and, once the quoted instance data is
/// taken out, holds no other sentence end (". ", "? ", "! ") and no "; " joining a second clause;</item>
/// <item>without its quoted data a message is at most <see cref="MaxWords"/> characters long;</item>
/// <item>every instance of a rule opens with the same words (the text before the first quote or
/// colon), and those are at least three words, so that a viewer grouping by message prefix groups
/// by problem ("Site '" would group nothing);</item>
/// <item>the primary location is never a binary (a PE file) or an '.lcf' file, which no editor opens.</item>
/// </list>
/// </summary>
public sealed partial class MessageShapeTests
{
    /// <summary>
    /// The bound on a message's own words: 200 characters, each quoted value counted as the three
    /// characters of '…' (a path alone can be 80). That is two lines of a 100-column terminal, which
    /// holds the problem with two or three named parts; the old messages ran to 620 characters
    /// because they carried the remedy, which is now the help line, and which sarif-tools and the
    /// HTML report cut or group badly. 160 would force dropping named parts (the sites of a domain,
    /// the two versions that differ) that the reader needs to act on.
    /// </summary>
    private const int MaxWords = 200;

    private static readonly Lazy<IReadOnlyList<(string Run, Finding Finding)>> All = new(Collect);

    /// <summary>A quote that opens or closes instance data: not inside a word (as in "site's").</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])'[^']*'(?![\p{L}\p{N}])|""[^""]*""")]
    private static partial Regex Quoted();

    public static string WithoutQuotedData(string message) => Quoted().Replace(message, "'…'");

    /// <summary>The text before the first quote or colon.</summary>
    public static string Opening(string message)
    {
        var m = Quoted().Match(message);
        var end = m.Success ? m.Index : message.Length;
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && colon < end)
        {
            end = colon;
        }

        return message[..end].TrimEnd();
    }

    private static IReadOnlyList<(string Run, Finding Finding)> Collect()
    {
        var all = new List<(string, Finding)>();
        void Add(string run, ScanReport report) => all.AddRange(report.Findings.Select(f => (run, f)));

        Add("demo", FixtureRunner.Scan(Path.Combine(Repo.TestData, "demo")));
        foreach (var dir in Directory.GetDirectories(Path.Combine(Repo.TestData, "e2e")).Order(StringComparer.Ordinal))
        {
            var snapshot = Path.Combine(dir, "snapshot");
            Add("e2e/" + Path.GetFileName(dir), FixtureRunner.Scan(snapshot));
            if (FixtureRunner.Overlay(dir) is { } overlay)
            {
                Add("e2e/" + Path.GetFileName(dir) + " (plan)", FixtureRunner.Scan(snapshot, overlay: overlay));
            }
        }

        foreach (var ruleDir in Directory.GetDirectories(Path.Combine(Repo.TestData, "rules")).Order(StringComparer.Ordinal))
        {
            var rule = BuiltInRules.Find(Path.GetFileName(ruleDir));
            if (rule is null)
            {
                continue;
            }

            foreach (var caseDir in Directory.GetDirectories(ruleDir).Order(StringComparer.Ordinal))
            {
                Add("rules/" + Path.GetFileName(ruleDir) + "/" + Path.GetFileName(caseDir),
                    FixtureRunner.Scan(Path.Combine(caseDir, "snapshot"), [rule], overlay: FixtureRunner.Overlay(caseDir)));
            }
        }

        return all;
    }

    [Fact]
    public void The_runs_produce_findings_of_most_rules()
    {
        // Guards the other tests here against passing on nothing.
        var fired = All.Value.Select(x => x.Finding.Rule.Id).Distinct().Count();
        Assert.True(fired >= BuiltInRules.Descriptors.Count * 9 / 10, $"only {fired} of {BuiltInRules.Descriptors.Count} rules fired");
    }

    [Fact]
    public void Every_message_is_one_sentence()
    {
        var bad = All.Value
            .Where(x => !IsOneSentence(x.Finding.Message))
            .Select(x => $"{x.Run}: {x.Finding.Rule.Id}: {x.Finding.Message}")
            .Distinct()
            .ToList();
        Assert.True(bad.Count == 0, "not one sentence:\n" + string.Join('\n', bad));
    }

    [Fact]
    public void Every_message_is_short_without_its_quoted_data()
    {
        var bad = All.Value
            .Select(x => (x.Run, x.Finding, Words: WithoutQuotedData(x.Finding.Message)))
            .Where(x => x.Words.Length > MaxWords)
            .Select(x => $"{x.Run}: {x.Finding.Rule.Id} ({x.Words.Length}): {x.Finding.Message}")
            .Distinct()
            .ToList();
        Assert.True(bad.Count == 0, $"over {MaxWords} characters without quoted data:\n" + string.Join('\n', bad));
    }

    [Fact]
    public void Every_instance_of_a_rule_opens_with_the_same_words()
    {
        var bad = new List<string>();
        foreach (var group in All.Value.GroupBy(x => x.Finding.Rule.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var openings = group.Select(x => Opening(x.Finding.Message)).Distinct(StringComparer.Ordinal).ToList();
            if (openings.Count > 1)
            {
                bad.Add($"{group.Key}: {string.Join(" | ", openings)}");
            }

            if (openings[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3)
            {
                bad.Add($"{group.Key}: the opening '{openings[0]}' is under three words");
            }
        }

        Assert.True(bad.Count == 0, "openings:\n" + string.Join('\n', bad));
    }

    [Fact]
    public void Help_when_given_is_plain_sentences()
    {
        foreach (var (run, f) in All.Value)
        {
            if (f.Help is { } help)
            {
                Assert.True(help.Length > 0 && help.TrimEnd().EndsWith('.') && !help.Contains('\n', StringComparison.Ordinal), $"{run}: {f.Rule.Id}: help '{help}'");
            }
        }
    }

    [Fact]
    public void No_primary_location_is_a_binary_or_an_lcf()
    {
        var bad = new List<string>();
        foreach (var (run, f) in All.Value)
        {
            // SMS0002 says that a file which should be text is not: that file is its subject, and
            // there is no other place the finding could go.
            if (f.Rule.Id != "SMS0002" && IsBinaryPath(run, f.Location.Path))

            {
                bad.Add($"{run}: {f.Rule.Id}: {f.Location.Path}");
            }
        }

        Assert.True(bad.Count == 0, "primary location on a binary or .lcf:\n" + string.Join('\n', bad.Distinct()));
    }

    [Theory]
    [InlineData("Copylog.tcf names a removed site: 'B02' on 'DC01'.", true)]
    [InlineData("Copylog.tcf names a removed site: 'B02'. Delete its lines.", false)]
    [InlineData("Copylog.tcf names a removed site: 'B02'; delete its lines.", false)]
    [InlineData("The site's script differs: 'a. b' in 'x'.", true)]
    [InlineData("No period at the end: 'x'", false)]
    public void The_sentence_check_itself(string message, bool oneSentence) => Assert.Equal(oneSentence, IsOneSentence(message));

    [Fact]
    public void The_opening_is_the_text_before_the_first_quote_or_colon()
    {
        Assert.Equal("Copylog.tcf names a removed site", Opening("Copylog.tcf names a removed site: 'B02' on 'DC01'."));
        Assert.Equal("The site's Compver.ini names a build", Opening("The site's Compver.ini names a build 'x'."));
    }

    private static bool IsOneSentence(string message)
    {
        var text = WithoutQuotedData(message).TrimEnd();
        if (!text.EndsWith('.'))
        {
            return false;
        }

        var body = text[..^1];
        return !body.Contains(". ", StringComparison.Ordinal) && !body.Contains("? ", StringComparison.Ordinal)
            && !body.Contains("! ", StringComparison.Ordinal) && !body.Contains("; ", StringComparison.Ordinal);
    }

    private static bool IsBinaryPath(string run, string path)
    {
        if (path.EndsWith(".lcf", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var root = run == "demo" ? Path.Combine(Repo.TestData, "demo")
            : run.StartsWith("e2e/", StringComparison.Ordinal) ? Path.Combine(Repo.TestData, "e2e", run[4..].Replace(" (plan)", string.Empty, StringComparison.Ordinal), "snapshot")
            : Path.Combine(Repo.TestData, run, "snapshot");
        var full = Path.Combine(root, path);
        if (!File.Exists(full))
        {
            return false;
        }

        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".exe" or ".dll" or ".com" or ".sys" or ".ocx" or ".cpl")
        {
            return true;
        }

        try
        {
            using var stream = File.OpenRead(full);
            var head = new byte[2];
            return stream.Read(head, 0, 2) == 2 && head[0] == (byte)'M' && head[1] == (byte)'Z';
        }
        catch (IOException)
        {
            return false; // a dangling link (SMS0005's own subject)
        }

    }
}

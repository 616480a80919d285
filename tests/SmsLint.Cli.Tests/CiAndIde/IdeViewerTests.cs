using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SmsLint.Tests.Cli.CiAndIde;

/// <summary>
/// What the IDE SARIF viewers need from a log (issue 17): related locations reachable through
/// embedded links, fix regions that end where the deleted text ends, KB taxa that resolve, rule
/// pages at the package's repository, and paths a viewer can map back to files.
/// </summary>
public sealed partial class IdeViewerTests
{
    /// <summary>
    /// The VS Code SARIF Viewer's embedded-link rule (sarif-vscode-extension issue #642): a related
    /// location is shown only where the message links it as <c>[text](id)</c>, id being the
    /// location's integer id. Every related location must have an id and be linked from its
    /// result's message, and every link must name one of the result's related locations.
    /// </summary>
    [GeneratedRegex(@"(?<!\\)\[((?:\\\]|[^\]])*)\]\((\d+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex EmbeddedLink();

    public static TheoryData<string> Logs()
    {
        var data = new TheoryData<string> { "demo" };
        foreach (var dir in Directory.GetDirectories(Path.Combine(Repo.TestData, "e2e")).Order(StringComparer.Ordinal))
        {
            data.Add("e2e/" + Path.GetFileName(dir));
        }

        data.Add("fixtures");
        data.Add("goldens");
        return data;
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Every_related_location_is_linked_from_its_message(string which)
    {
        var logs = new List<(string Name, string Sarif)>();
        switch (which)
        {
            case "demo":
                logs.Add((which, Scan(Path.Combine(Repo.TestData, "demo"))));
                break;
            case "fixtures":
                foreach (var snapshot in Directory.GetDirectories(Path.Combine(Repo.TestData, "rules"), "snapshot", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    logs.Add((Path.GetRelativePath(Repo.TestData, snapshot), Scan(snapshot)));
                }

                break;
            case "goldens":
                // The demo's byte-exact golden and the KB scenarios' SARIF snapshots (Snapshooter).
                var snapshots = Path.Combine(Repo.Root, "tests", "SmsLint.Cli.Tests", "Snapshots", "__snapshots__");
                foreach (var file in Directory.GetFiles(Repo.TestData, "*.sarif", SearchOption.AllDirectories)
                    .Concat(Directory.GetFiles(snapshots, "sarif.*.snap"))
                    .Order(StringComparer.Ordinal))
                {
                    logs.Add((Path.GetRelativePath(Repo.Root, file), File.ReadAllText(file)));
                }

                break;
            default:
                logs.Add((which, Scan(Path.Combine(Repo.TestData, which, "snapshot"))));
                break;
        }

        var related = 0;
        foreach (var (name, sarif) in logs)
        {
            using var doc = JsonDocument.Parse(sarif);
            foreach (var result in doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray())
            {
                var text = result.GetProperty("message").GetProperty("text").GetString()!;
                var linked = EmbeddedLink().Matches(text).Select(m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
                var ids = new HashSet<int>();
                if (result.TryGetProperty("relatedLocations", out var locations))
                {
                    foreach (var location in locations.EnumerateArray())
                    {
                        Assert.True(location.TryGetProperty("id", out var id), $"{name}: a related location of {result.GetProperty("ruleId")} has no id");
                        Assert.True(ids.Add(id.GetInt32()), $"{name}: {result.GetProperty("ruleId")} repeats related location id {id}");
                        Assert.True(linked.Contains(id.GetInt32()), $"{name}: {result.GetProperty("ruleId")}'s related location {id} is not linked from its message: {text}");
                        related++;
                    }
                }

                Assert.True(linked.IsSubsetOf(ids), $"{name}: {result.GetProperty("ruleId")} links a related location it does not have: {text}");

                // The rule page says what the related locations are, or that there are none.
                var ruleId = result.GetProperty("ruleId").GetString()!;
                var section = RelatedSection(ruleId);
                Assert.False(string.IsNullOrEmpty(section), $"rules/{ruleId}.md has no 'Related locations' section");
                Assert.False(ids.Count > 0 && section.StartsWith("None", StringComparison.Ordinal), $"{name}: {ruleId} has related locations, but rules/{ruleId}.md says it has none");
                Assert.EndsWith(".", text, StringComparison.Ordinal);
            }
        }

        // Every source of logs holds results with related locations, or the check proves nothing.
        if (which is "demo" or "fixtures" or "goldens")
        {
            Assert.True(related >= (which == "demo" ? 10 : 100), $"only {related} related locations in {which}");
        }
    }

    private static string RelatedSection(string ruleId)
    {
        var page = File.ReadAllText(Path.Combine(Repo.Rules, ruleId + ".md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = page.IndexOf("\n## Related locations\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        start += "\n## Related locations\n".Length;
        var end = page.IndexOf("\n## ", start, StringComparison.Ordinal);
        return (end < 0 ? page[start..] : page[start..end]).Trim();
    }

    [Fact]
    public void Baselines_compare_messages_without_the_links()
    {
        using var ws = new Workspace(Path.Combine(Repo.TestData, "demo"));
        var baseline = ws.Outside("baseline.sarif");
        Assert.Equal(0, CliRunner.Run("baseline", ws.Snapshot, "--output", baseline).Exit);
        var (_, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--format", "sarif", "--fail-level", "none", "--baseline", baseline);
        var results = Sarif.Results(Sarif.Keep(sarif, "baseline-links"));
        Assert.Contains(results, r => r.TryGetProperty("relatedLocations", out _));
        Assert.All(results, r => Assert.Equal("unchanged", Sarif.Str(r, "baselineState")));
    }

    /// <summary>
    /// Fix regions round-trip byte for byte: an applier written here (delete charLength characters
    /// at charOffset of the original bytes, which for these single-byte files are the characters)
    /// gives what `smslint fix` writes, for files that end with a line break and files that do not;
    /// and each region's end line and column are where its charOffset + charLength falls, the line
    /// after the last one when the deletion takes the file's last line break.
    /// </summary>
    [Theory]
    [InlineData("SMS1006", "rules/SMS1006/fail-q313209-removed-site/snapshot", "DC01/SMSLOGON/Config/Copylog.tcf", null, true)]
    [InlineData("SMS1006", "rules/SMS1006/fail-q313209-removed-site/snapshot", "DC01/SMSLOGON/Config/Copylog.tcf", null, false)]
    [InlineData("SMS1006", "e2e/Q313209-removed-site/snapshot", "DC01/SMSLOGON/Config/Copylog.tcf", null, true)]
    [InlineData("SMS1006", "e2e/Q313209-removed-site/snapshot", "DC01/SMSLOGON/Config/Copylog.tcf", null, false)]
    [InlineData("SMS3001", "rules/SMS3001/fail-goto-end-first/snapshot", "DC01/NETLOGON/Smsls.bat", "@echo off\r\nREM SMS 2.0 logon script\r\nGOTO END", true)]
    [InlineData("SMS3001", "rules/SMS3001/fail-goto-end-first/snapshot", "DC01/NETLOGON/Smsls.bat", "@echo off\r\nREM SMS 2.0 logon script\r\nGOTO END", false)]
    public void Fixes_at_the_end_of_a_file_apply_byte_for_byte_as_smslint_fix_does(string ruleId, string snapshot, string file, string? content, bool finalBreak)
    {
        using var ws = new Workspace(Path.Combine(Repo.TestData, snapshot));
        var original = content is null ? File.ReadAllText(ws.PathOf(file), Encoding.Latin1) : content;
        original = original.TrimEnd('\r', '\n') + (finalBreak ? "\r\n" : string.Empty);
        var bytes = Encoding.Latin1.GetBytes(original);
        ws.Write(file, bytes);

        var (_, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--select", ruleId, "--format", "sarif", "--fail-level", "none");
        var run = Sarif.Keep(sarif, $"eof-fix-{ruleId}-{(finalBreak ? "break" : "nobreak")}-{snapshot.Split('/')[1]}");
        var replacements = Sarif.Results(run, ruleId)
            .Where(r => r.TryGetProperty("fixes", out _))
            .SelectMany(r => r.GetProperty("fixes")[0].GetProperty("artifactChanges").EnumerateArray())
            .Where(c => c.GetProperty("artifactLocation").GetProperty("uri").GetString() == file)
            .SelectMany(c => c.GetProperty("replacements").EnumerateArray())
            .Select(r => (Region: r.GetProperty("deletedRegion"), Inserted: r.GetProperty("insertedContent").GetProperty("text").GetString()!))
            .ToList();
        Assert.NotEmpty(replacements);

        var expected = new List<byte>(bytes);
        foreach (var (region, inserted) in replacements.OrderByDescending(r => r.Region.GetProperty("charOffset").GetInt32()))
        {
            var offset = region.GetProperty("charOffset").GetInt32();
            var length = region.GetProperty("charLength").GetInt32();
            Assert.True(offset + length <= bytes.Length, $"region {region} runs past the end of {file}");

            // The region's end, counted independently of SmsLint's line map.
            var (line, column) = PositionOf(original, offset + length);
            Assert.Equal(line, region.GetProperty("endLine").GetInt32());
            Assert.Equal(column, region.GetProperty("endColumn").GetInt32());
            Assert.Equal(PositionOf(original, offset), (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32()));

            expected.RemoveRange(offset, length);
            expected.InsertRange(offset, Encoding.Latin1.GetBytes(inserted));
        }

        var output = ws.Outside("fixed");
        var (exit, _, err) = CliRunner.Run("fix", ws.Snapshot, "--output", output, "--select", ruleId);
        Assert.True(exit == 0, err);
        var fixedBytes = File.ReadAllBytes(Path.Combine(output, file));
        Assert.Equal(expected.ToArray(), fixedBytes);

        // No empty line is left at the end: the file keeps its final line break, or its lack of one.
        var text = Encoding.Latin1.GetString(fixedBytes);
        Assert.False(text.EndsWith("\r\n\r\n", StringComparison.Ordinal), $"an empty last line is left: {text}");
        if (ruleId == "SMS1006")
        {
            Assert.Equal(finalBreak, text.EndsWith("\r\n", StringComparison.Ordinal));
        }
    }

    /// <summary>SARIF's 1-based line and column of a character offset; the end of a text after a final line break is the next line's column 1.</summary>
    private static (int Line, int Column) PositionOf(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    /// <summary>
    /// Every KB id of every rule is a taxon of run.taxonomies with an absolute helpUri; each rule's
    /// relationships point at its own KB ids by index and id, through the taxonomy the driver lists
    /// as supported; properties.kb stays; the help markdown links each KB id to its taxon's address.
    /// The Multitool does not check these cross-references (it accepts a log whose relationship
    /// indexes point nowhere), so this test does.
    /// </summary>
    [Fact]
    public void Kb_articles_are_a_taxonomy_the_rules_link_to()
    {
        var (_, sarif, _) = CliRunner.Run("scan", Path.Combine(Repo.TestData, "demo"), "--format", "sarif", "--fail-level", "none");
        var run = Sarif.Keep(sarif, "kb-taxonomy");
        var driver = run.GetProperty("tool").GetProperty("driver");
        var supported = driver.GetProperty("supportedTaxonomies")[0];
        var taxonomies = run.GetProperty("taxonomies");
        Assert.Equal(1, taxonomies.GetArrayLength());
        var taxonomy = taxonomies[supported.GetProperty("index").GetInt32()];
        Assert.Equal(Sarif.Str(supported, "name"), Sarif.Str(taxonomy, "name"));
        Assert.Equal(Sarif.Str(supported, "guid"), Sarif.Str(taxonomy, "guid"));
        var taxa = taxonomy.GetProperty("taxa").EnumerateArray().ToList();
        Assert.Equal(taxa.Select(t => Sarif.Str(t, "id")).Order(StringComparer.Ordinal), taxa.Select(t => Sarif.Str(t, "id")));

        var allKb = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in driver.GetProperty("rules").EnumerateArray())
        {
            var kb = rule.GetProperty("properties").GetProperty("kb").EnumerateArray().Select(k => k.GetString()!).ToList();
            allKb.UnionWith(kb);
            var targets = rule.TryGetProperty("relationships", out var rels)
                ? rels.EnumerateArray().Select(r => r.GetProperty("target")).ToList()
                : [];
            Assert.Equal(kb, targets.Select(t => Sarif.Str(t, "id")!));
            foreach (var target in targets)
            {
                Assert.Equal(Sarif.Str(target, "id"), Sarif.Str(taxa[target.GetProperty("index").GetInt32()], "id"));
                var component = target.GetProperty("toolComponent");
                Assert.Equal(Sarif.Str(taxonomy, "name"), Sarif.Str(component, "name"));
                Assert.Equal(Sarif.Str(taxonomy, "guid"), Sarif.Str(component, "guid"));
                Assert.Equal(supported.GetProperty("index").GetInt32(), component.GetProperty("index").GetInt32());
            }

            var markdown = rule.GetProperty("help").GetProperty("markdown").GetString()!;
            foreach (var id in kb.Where(markdown.Contains))
            {
                Assert.Contains($"[{id}](https://support.microsoft.com/kb/{id[1..]})", markdown, StringComparison.Ordinal);
            }

            // Outside code (fenced blocks and lines with code spans), no KB id is left unlinked.
            var prose = new List<string>();
            var fenced = false;
            foreach (var line in markdown.Split('\n'))
            {
                fenced ^= line.TrimStart().StartsWith("```", StringComparison.Ordinal);
                if (!fenced && !line.Contains('`', StringComparison.Ordinal))
                {
                    prose.Add(line);
                }
            }

            Assert.DoesNotMatch(@"(?<![\[\w/])Q[0-9]{6}(?![\w\]])", string.Join('\n', prose));
        }

        Assert.Equal(allKb, taxa.Select(t => Sarif.Str(t, "id")!));
        Assert.All(taxa, t => Assert.Equal($"https://support.microsoft.com/kb/{Sarif.Str(t, "id")![1..]}", Sarif.Str(t, "helpUri")));
        Assert.All(taxa, t => Assert.EndsWith(".", t.GetProperty("shortDescription").GetProperty("text").GetString(), StringComparison.Ordinal));
    }

    /// <summary>The package's RepositoryUrl, as Directory.Build.props declares it.</summary>
    private static string RepositoryUrl() =>
        XDocument.Load(Path.Combine(Repo.Root, "Directory.Build.props")).Descendants("RepositoryUrl").Single().Value.TrimEnd('/');

    [Fact]
    public void Rule_pages_default_to_the_repository_the_package_is_built_from()
    {
        var (_, sarif, _) = CliRunner.Run("scan", Path.Combine(Repo.TestData, "demo"), "--format", "sarif", "--fail-level", "none");
        var driver = Sarif.Keep(sarif, "help-uri-default").GetProperty("tool").GetProperty("driver");
        Assert.Equal(RepositoryUrl(), Sarif.Str(driver, "informationUri"));
        Assert.All(driver.GetProperty("rules").EnumerateArray(), r =>
            Assert.Equal($"{RepositoryUrl()}/blob/main/rules/{Sarif.Str(r, "id")}.md", Sarif.Str(r, "helpUri")));

        var (exit, custom, _) = CliRunner.Run("scan", Path.Combine(Repo.TestData, "demo"), "--format", "sarif", "--fail-level", "none", "--help-uri-base", "https://docs.example.org/smslint/rules");
        Assert.Equal(0, exit);
        var rules = Sarif.Keep(custom, "help-uri-custom").GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.All(rules.EnumerateArray(), r => Assert.Equal($"https://docs.example.org/smslint/rules/{Sarif.Str(r, "id")}.md", Sarif.Str(r, "helpUri")));

        var (bad, _, err) = CliRunner.Run("scan", Path.Combine(Repo.TestData, "demo"), "--format", "sarif", "--help-uri-base", "rules/");
        Assert.Equal(2, bad);
        Assert.Contains("--help-uri-base", err, StringComparison.Ordinal);
    }

    /// <summary>
    /// A machine folder with a space: the URI is percent-encoded (RFC 3986), the path as written is
    /// in artifactLocation.description, and the URI resolved against the --srcroot base the way an
    /// RFC 3986 resolver does (System.Uri, which Visual Studio's viewer uses) is the file itself.
    /// </summary>
    [Fact]
    public void A_space_in_a_machine_folder_is_encoded_in_the_uri_and_written_plainly_in_the_description()
    {
        using var ws = new Workspace(Path.Combine(Repo.TestData, "demo"));
        const string machine = "DC01";
        Directory.Move(ws.PathOf(machine), ws.PathOf(machine + " 2"));
        var (_, sarif, _) = CliRunner.Run("scan", ws.Snapshot, "--format", "sarif", "--fail-level", "none", "--srcroot");
        var run = Sarif.Keep(sarif, "space-in-machine-folder");
        var root = new Uri(run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!);

        var artifacts = Sarif.Results(run)
            .SelectMany(r => r.TryGetProperty("relatedLocations", out var rel) ? [r.GetProperty("locations")[0], .. rel.EnumerateArray()] : new[] { r.GetProperty("locations")[0] })
            .Select(l => l.GetProperty("physicalLocation").GetProperty("artifactLocation"))
            .Where(a => a.GetProperty("uri").GetString()!.StartsWith(machine + "%202/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(artifacts);
        foreach (var a in artifacts)
        {
            var uri = a.GetProperty("uri").GetString()!;
            var description = a.GetProperty("description").GetProperty("text").GetString()!;
            Assert.Equal(Uri.UnescapeDataString(uri), description);
            Assert.StartsWith(machine + " 2/", description, StringComparison.Ordinal);
            var local = new Uri(root, uri).LocalPath;
            Assert.True(File.Exists(local) || Directory.Exists(local), $"{uri} resolves to {local}, which is not there");
        }

        // A path that needs no encoding gets no description.
        Assert.Contains(Sarif.Results(run), r => !r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").TryGetProperty("description", out _));
    }

    /// <summary>
    /// A snapshot in a subfolder of a repository (a folder with a .git entry above it, a folder or
    /// a worktree's file), scanned with --srcroot-in-repository: %SRCROOT% is that subfolder relative to REPOROOT, which has no URI, so a
    /// viewer whose workspace is the repository resolves every artifact to its file. Outside a
    /// repository there is no originalUriBaseIds; --srcroot still wins inside one.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_snapshot_inside_a_repository_gets_a_chained_srcroot(bool gitIsAFolder)
    {
        using var ws = new Workspace();
        var repo = ws.Outside("repo");
        var snapshot = Path.Combine(repo, "captures", "site 1");
        Workspace.Copy(Path.Combine(Repo.TestData, "demo"), snapshot);

        var (_, outside, _) = CliRunner.Run("scan", snapshot, "--format", "sarif", "--fail-level", "none", "--srcroot-in-repository");
        Assert.False(Sarif.Keep(outside, "not-in-a-repository").TryGetProperty("originalUriBaseIds", out _));

        if (gitIsAFolder)
        {
            Directory.CreateDirectory(Path.Combine(repo, ".git"));
        }
        else
        {
            File.WriteAllText(Path.Combine(repo, ".git"), "gitdir: /elsewhere/.git/worktrees/repo\n");
        }

        // Not asked: the log does not depend on where the snapshot lies.
        var (_, unasked, _) = CliRunner.Run("scan", snapshot, "--format", "sarif", "--fail-level", "none");
        Assert.False(Sarif.Keep(unasked, "in-a-repository-not-asked").TryGetProperty("originalUriBaseIds", out _));

        var (_, inside, _) = CliRunner.Run("scan", snapshot, "--format", "sarif", "--fail-level", "none", "--srcroot-in-repository");
        var run = Sarif.Keep(inside, $"in-a-repository-{(gitIsAFolder ? "folder" : "file")}");
        var bases = run.GetProperty("originalUriBaseIds");
        Assert.False(bases.GetProperty("REPOROOT").TryGetProperty("uri", out _));
        var srcroot = bases.GetProperty("%SRCROOT%");
        Assert.Equal("captures/site%201/", Sarif.Str(srcroot, "uri"));
        Assert.Equal("REPOROOT", Sarif.Str(srcroot, "uriBaseId"));

        // The viewer's workspace is the repository: REPOROOT is its folder.
        var workspace = new Uri(Writers.Sarif.SarifUri.FolderUri(repo));
        var results = Sarif.Results(run);
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            var local = new Uri(new Uri(workspace, Sarif.Str(srcroot, "uri")), Sarif.Uri(r)).LocalPath;
            Assert.True(File.Exists(local) || Directory.Exists(local), $"{Sarif.Uri(r)} resolves to {local}");
        }

        var (_, absolute, _) = CliRunner.Run("scan", snapshot, "--format", "sarif", "--fail-level", "none", "--srcroot", "--srcroot-in-repository");
        var explicitBases = Sarif.Keep(absolute, "in-a-repository-srcroot").GetProperty("originalUriBaseIds");
        Assert.StartsWith("file://", Sarif.Str(explicitBases.GetProperty("%SRCROOT%"), "uri"), StringComparison.Ordinal);
        Assert.False(explicitBases.TryGetProperty("REPOROOT", out _));

        // The github profile has its own path prefix and never chains.
        var (_, github, _) = CliRunner.Run("scan", snapshot, "--format", "sarif", "--fail-level", "none", "--sarif-profile", "github", "--srcroot-in-repository");
        Assert.False(Sarif.Keep(github, "in-a-repository-github").TryGetProperty("originalUriBaseIds", out _));
    }

    private static string Scan(string snapshot)
    {
        var (exit, sarif, err) = CliRunner.Run("scan", snapshot, "--format", "sarif", "--fail-level", "none");
        Assert.True(exit == 0, err);
        return sarif;
    }
}

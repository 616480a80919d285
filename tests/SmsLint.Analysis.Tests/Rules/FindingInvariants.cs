using SmsLint.Findings;
using SmsLint.Rules;

namespace SmsLint.Tests.Rules;

/// <summary>What must hold for every finding of every run: registered rule, real file, region inside it.</summary>
internal static class FindingInvariants
{
    public static void Check(ScanReport report, string snapshot)
    {
        foreach (var f in report.Findings)
        {
            Assert.NotNull(BuiltInRules.Find(f.Rule.Id));
            Assert.EndsWith(".", f.Message.TrimEnd(), StringComparison.Ordinal);
            foreach (var location in f.Related.Prepend(f.Location))
            {
                var path = Path.Combine(snapshot, location.Path);
                if (f.Rule.Id is "SMS0006" or "SMS0010" && !File.Exists(path))
                {
                    // A part skipped while listing (a folder, or a link to one), or the root itself.
                    Assert.True(Directory.Exists(path) || new FileInfo(path).LinkTarget is not null, $"{f.Rule.Id}: location '{location.Path}' is not in the snapshot");
                    Assert.Equal(Region.WholeFile, location.Region);
                    continue;
                }

                Assert.True(File.Exists(path), $"{f.Rule.Id}: location '{location.Path}' is not a file of the snapshot");
                var r = location.Region;
                Assert.True(r.StartLine >= 1 && r.StartColumn >= 1, $"{f.Rule.Id}: region starts before 1:1");
                Assert.True(r.EndLine > r.StartLine || (r.EndLine == r.StartLine && r.EndColumn >= r.StartColumn), $"{f.Rule.Id}: region ends before it starts");
                Assert.True(r.CharOffset >= 0 && r.CharLength >= 0, $"{f.Rule.Id}: negative char range");
                var length = new FileInfo(path).Length;
                Assert.True(r.CharOffset + r.CharLength <= Math.Max(length, 1) * 2, $"{f.Rule.Id}: region beyond the end of '{location.Path}'");
            }

            // upload-sarif hashes files only; a folder has no line hash.
            Assert.True(f.Fingerprints.ContainsKey("primaryLocationLineHash") || Directory.Exists(Path.Combine(snapshot, f.Location.Path)));
            Assert.True(f.Fingerprints.ContainsKey("smslint/v1"));
        }
    }
}

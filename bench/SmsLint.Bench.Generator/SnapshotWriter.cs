using System.Text;
using System.Text.Json;

namespace SmsLint.Bench.Generator;

/// <summary>What was written: file count and total bytes.</summary>
public sealed record WriteSummary(int Files, long Bytes, long TextBytes, int EmptyFiles);

/// <summary>Writes a plan to disk, and the expected findings beside it.</summary>
public static class SnapshotWriter
{
    /// <summary>
    /// Writes every planned file under <paramref name="root"/> (which must not exist or be empty).
    /// File contents do not depend on <paramref name="threads"/> or on the order of writing.
    /// </summary>
    public static WriteSummary Write(SnapshotPlan plan, string root, int threads)
    {
        Directory.CreateDirectory(root);
        if (Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new IOException($"'{root}' is not empty; give a new folder (or --force).");
        }

        var folders = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var f in plan.Files)
        {
            var slash = f.Path.LastIndexOf('/');
            if (slash > 0)
            {
                folders.Add(f.Path[..slash]);
            }
        }

        foreach (var folder in folders)
        {
            Directory.CreateDirectory(Path.Combine(root, folder));
        }

        long bytes = 0, textBytes = 0;
        var empty = 0;
        Parallel.For(0, plan.Files.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
        {
            var file = plan.Files[i];
            var content = plan.Render(file);
            File.WriteAllBytes(Path.Combine(root, file.Path), content);
            Interlocked.Add(ref bytes, content.Length);
            if (file.Text is not null)
            {
                Interlocked.Add(ref textBytes, content.Length);
            }

            if (content.Length == 0)
            {
                Interlocked.Increment(ref empty);
            }
        });

        return new WriteSummary(plan.Files.Count, bytes, textBytes, empty);
    }

    /// <summary>expected-findings.json: the seed, the sizes, the count per rule of the table and every injected defect.</summary>
    public static string ExpectedJson(SnapshotPlan plan, WriteSummary summary)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var t = plan.Topology;
            w.WriteStartObject();
            w.WriteString("generator", "SmsLint.Bench.Generator");
            w.WriteNumber("seed", plan.Options.Seed);
            w.WriteNumber("files", summary.Files);
            w.WriteNumber("bytes", summary.Bytes);
            w.WriteStartObject("topology");
            w.WriteNumber("sites20", t.Sites20.Count());
            w.WriteNumber("sites12", t.Sites12.Count());
            w.WriteNumber("domains", t.Domains.Count);
            w.WriteNumber("domainControllers", t.Domains.Sum(d => d.Controllers.Count));
            w.WriteNumber("logonPoints", t.Domains.Where(d => d.HasSms20).Sum(d => d.Controllers.Count));
            w.WriteNumber("logonServers12", t.Sites12.Sum(s => s.LogonServers.Count));
            w.WriteNumber("caps", t.Sites20.Sum(s => s.CapMachines.Count));
            w.WriteNumber("clients12", t.Clients.Count(c => c.Is12));
            w.WriteNumber("clients20", t.Clients.Count(c => !c.Is12));
            w.WriteEndObject();
            w.WriteStartObject("findings");
            foreach (var (rule, count) in plan.ExpectedFindings)
            {
                w.WriteNumber(rule, count);
            }

            w.WriteEndObject();
            w.WriteNumber("total", plan.ExpectedFindings.Values.Sum());
            w.WriteStartArray("defects");
            foreach (var i in plan.Injections)
            {
                w.WriteStartObject();
                w.WriteString("rule", i.Defect.RuleId);
                w.WriteString("defect", i.Defect.Name);
                w.WriteString("path", i.File.Path);
                w.WriteString("what", i.Result.What);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}

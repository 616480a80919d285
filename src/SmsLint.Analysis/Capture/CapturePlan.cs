using System.Text;
using SmsLint.Discover;
using SmsLint.Model;
using SmsLint.Parsing.Common;
using SmsLint.Parsing.Ini;

namespace SmsLint.Capture;

/// <summary>One share to capture: its snapshot folder (machine and share name) and where it is read from.</summary>
public sealed record PlannedShare(string Machine, string Share, string Source)
{
    /// <summary>"DC01/SMSLOGON".</summary>
    public string Path => $"{Machine}/{Share}";
}

/// <summary>What a plan file or the --from options ask for.</summary>
public sealed record CapturePlan(IReadOnlyList<PlannedShare> Shares, string? HierarchyFile);

/// <summary>A plan or --from value that cannot be used; the message is one sentence without a final period.</summary>
public sealed class CapturePlanException(string message) : Exception(message);

/// <summary>
/// Reads capture plans (capture.ini) and --from values, and drafts a plan from a hierarchy.ini.
/// A plan is INI: one section per machine (NetBIOS name), one <c>SHARE=SOURCE</c> line per share;
/// an optional <c>[Snapshot]</c> section may name <c>Hierarchy=FILE</c> (relative to the plan) to
/// copy into the snapshot root.
/// </summary>
public static class CapturePlans
{
    public const string SnapshotSection = "Snapshot";

    /// <summary>Parses <c>MACHINE/SHARE=SOURCE</c>.</summary>
    public static PlannedShare ParseFrom(string value)
    {
        var eq = value.IndexOf('=', StringComparison.Ordinal);
        var target = eq > 0 ? value[..eq].Trim().Replace('\\', '/').Trim('/') : string.Empty;
        var slash = target.IndexOf('/', StringComparison.Ordinal);
        if (eq <= 0 || slash <= 0 || slash == target.Length - 1 || target.IndexOf('/', slash + 1) >= 0 || value[(eq + 1)..].Trim().Length == 0)
        {
            throw new CapturePlanException($"--from '{value}' is not of the form MACHINE/SHARE=SOURCE (for example DC01/SMSLOGON=smb://dc01/SMSLOGON)");
        }

        return Check(new PlannedShare(target[..slash], target[(slash + 1)..], value[(eq + 1)..].Trim()), $"--from for '{target}'");
    }

    private static PlannedShare Check(PlannedShare share, string where)
    {
        if (!IsName(share.Machine) || !IsName(share.Share))
        {
            throw new CapturePlanException($"{where} names machine '{share.Machine}' and share '{share.Share}', and a name must be one folder name without '..', ':', '*', '?', '\"', '<', '>' or '|'");
        }

        if (SourceLocations.HasCredentials(share.Source))
        {
            throw new CapturePlanException($"{where} has a user name or password in its source, and credentials come only from an authentication file (--authentication-file) or the environment (SMSLINT_SMB_USER, SMSLINT_SMB_PASSWORD)");
        }

        return share;
    }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= 80 && name != "." && name != ".." && name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|', '\0']) < 0 && !name.Any(char.IsControl);

    /// <summary>Reads a plan file.</summary>
    public static CapturePlan Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CapturePlanException($"--plan '{path}' could not be read ({ex.Message.TrimEnd('.')})");
        }

        var shares = new List<PlannedShare>();
        string? hierarchy = null;
        string? section = null;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = StripComment(raw).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var where = $"{Path.GetFileName(path)} line {number}";
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1].Trim();
                continue;
            }

            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || section is null)
            {
                throw new CapturePlanException($"{where} is not a [MACHINE] section or a SHARE=SOURCE line under one");
            }

            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (section.Equals(SnapshotSection, StringComparison.OrdinalIgnoreCase))
            {
                if (!key.Equals("Hierarchy", StringComparison.OrdinalIgnoreCase))
                {
                    throw new CapturePlanException($"{where} sets '{key}', and [Snapshot] knows only Hierarchy=FILE");
                }

                hierarchy = value.Length == 0 ? null : Path.GetFullPath(value, Path.GetDirectoryName(Path.GetFullPath(path))!);
                continue;
            }

            if (value.Length == 0)
            {
                throw new CapturePlanException($"{where} gives share '{key}' no source");
            }

            shares.Add(Check(new PlannedShare(section, key, value), where));
        }

        return new CapturePlan(shares, hierarchy);
    }

    /// <summary>A ';' or '#' at the start of a line, or after white space, starts a comment.</summary>
    private static string StripComment(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith(';') || trimmed.StartsWith('#'))
        {
            return string.Empty;
        }

        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == ';' && char.IsWhiteSpace(line[i - 1]))
            {
                return line[..i];
            }
        }

        return line;
    }

    /// <summary>
    /// Drafts a plan from hierarchy.ini: every controller of every declared domain with SMSLOGON,
    /// NETLOGON and REPL$, and, commented out because hierarchy.ini does not name those machines, a
    /// site server share SMS_&lt;CODE&gt; and a CAP share CAP_&lt;CODE&gt; per SMS 2.0 site, and an SMS_SHR
    /// per SMS 1.x site.
    /// </summary>
    public static string Draft(string hierarchyPath, bool unc)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(hierarchyPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CapturePlanException($"--draft-plan '{hierarchyPath}' could not be read ({ex.Message.TrimEnd('.')})");
        }

        var decoded = Decode.TextDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            throw new CapturePlanException($"--draft-plan '{hierarchyPath}' is not a text file");
        }

        var file = new LoadedFile(FileClassifier.Classify(new SnapshotEntry("hierarchy.ini", bytes.Length)))
        {
            Text = decoded.Text,
            Document = IniGrammar.Parse(decoded.Text, 8191, new ParseDeadline(TimeSpan.FromSeconds(10), CancellationToken.None)),
        };
        var facts = new HierarchyFacts(file);
        string Source(string machine, string share) => unc ? $@"\\{machine}\{share}" : $"smb://{machine}/{share}";

        var sb = new StringBuilder();
        sb.Append("; SmsLint capture plan, drafted from ").Append(Path.GetFileName(hierarchyPath)).Append(".\n");
        sb.Append("; One section per machine, one SHARE=SOURCE line per share. Review it, then run\n");
        sb.Append(";   smslint capture --plan capture.ini --output snapshot.zip\n");
        sb.Append("; REPL$ exists only on the replication master; a share that cannot be reached is recorded\n");
        sb.Append("; in capture.json and the capture goes on.\n\n");
        sb.Append('[').Append(SnapshotSection).Append("]\n");
        sb.Append("Hierarchy=").Append(Path.GetFullPath(hierarchyPath)).Append("\n");
        var machines = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var domain in facts.Domains.Values)
        {
            var controllers = domain.Controllers.Select(c => c.Text).ToList();
            if (domain.Pdc?.Value.Text is { Length: > 0 } pdc && !controllers.Contains(pdc, StringComparer.OrdinalIgnoreCase))
            {
                controllers.Insert(0, pdc);
            }

            foreach (var dc in controllers)
            {
                if (!machines.Add(dc))
                {
                    continue;
                }

                var role = dc.Equals(domain.Pdc?.Value.Text, StringComparison.OrdinalIgnoreCase) ? "PDC" : "controller";
                sb.Append("\n; ").Append(role).Append(" of domain ").Append(domain.Name).Append('\n');
                sb.Append('[').Append(dc).Append("]\n");
                sb.Append("SMSLOGON=").Append(Source(dc, "SMSLOGON")).Append('\n');
                sb.Append("NETLOGON=").Append(Source(dc, "NETLOGON")).Append('\n');
                sb.Append("REPL$=").Append(Source(dc, "REPL$")).Append('\n');
            }
        }

        foreach (var site in facts.Sites.Values)
        {
            var sms1 = site.Version?.Value.Text is { } v && v.StartsWith('1');
            sb.Append("\n; site ").Append(site.Code).Append(": hierarchy.ini does not name its servers; put in the machine names and remove the ';'\n");
            if (sms1)
            {
                sb.Append(";[SERVER-").Append(site.Code).Append("]\n;SMS_SHR=").Append(Source("SERVER-" + site.Code, "SMS_SHR")).Append('\n');
            }
            else
            {
                sb.Append(";[SITESERVER-").Append(site.Code).Append("]\n;SMS_").Append(site.Code).Append('=').Append(Source("SITESERVER-" + site.Code, "SMS_" + site.Code)).Append('\n');
                sb.Append(";[CAP-").Append(site.Code).Append("]\n;CAP_").Append(site.Code).Append('=').Append(Source("CAP-" + site.Code, "CAP_" + site.Code)).Append('\n');
            }
        }

        return sb.ToString();
    }
}

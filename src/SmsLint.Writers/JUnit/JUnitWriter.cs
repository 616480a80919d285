using System.Globalization;
using System.Text;
using System.Xml;
using SmsLint.Findings;

namespace SmsLint.Writers.JUnit;

/// <summary>
/// <c>--format junit</c>: one <c>&lt;testsuite name="smslint"&gt;</c> with one test case per rule,
/// for CI systems that show test reports but not SARIF.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A test case per rule of <see cref="ScanReport.Rules"/>, in that order (classname = rule id,
/// name = rule name), then one for any rule that has findings but is missing from the list.</item>
/// <item>A rule with unsuppressed findings at warning or error level fails: one <c>failure</c>
/// whose type is the highest level and whose text has a <c>path:line:col: message</c> line per
/// finding. A rule that did not run (<c>--select</c>, <c>--ignore</c>) is <c>skipped</c>.
/// Suppressed findings and baseline results absent from this scan are left out; the SARIF
/// output keeps them.</item>
/// <item>Notes (and level none) go to the suite's <c>system-out</c>, one <c>[ID] path:line:col:
/// message</c> line each; run notifications to its <c>system-err</c>.</item>
/// <item>The strict Ant JUnit schema holds: the suite has <c>timestamp</c> (UTC, no zone),
/// <c>hostname</c> and <c>time</c>, every test case a <c>time</c>, and a test case holds nothing
/// but one <c>failure</c> or <c>skipped</c>. Those three values come from
/// <see cref="ScanReport.Timing"/>; without it (or with <c>SOURCE_DATE_EPOCH</c> set, for
/// reproducible builds) they are fixed, and the output is deterministic. UTF-8; characters XML 1.0
/// cannot hold (most C0 controls, lone surrogates) are written as <c>\uXXXX</c>.</item>
/// </list>
/// </remarks>
public static class JUnitWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes the XML to a text writer. The declaration says UTF-8, so the writer should encode as
    /// UTF-8 (a file opened for this format should be); prefer <see cref="Write(ScanReport, Stream)"/>.
    /// </summary>
    public static void Write(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        Write(report, buffer);
        output.Write(Utf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Writes the XML as UTF-8 bytes without a byte-order mark.</summary>
    public static void Write(ScanReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        var cases = BuildCases(report);
        var settings = new XmlWriterSettings
        {
            Encoding = Utf8,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            CloseOutput = false,
        };

        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", "smslint");
            xml.WriteAttributeString("tests", Number(cases.Count));
            xml.WriteAttributeString("failures", Number(cases.Count(c => c.Failing.Count > 0)));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", Number(cases.Count(c => !report.Ran(c.Rule.Id))));
            var (timestamp, host, seconds) = When(report.Timing);
            xml.WriteAttributeString("timestamp", timestamp);
            xml.WriteAttributeString("hostname", host);
            xml.WriteAttributeString("time", seconds);

            xml.WriteStartElement("properties");
            WriteProperty(xml, "smslint.version", report.ToolVersion);
            WriteProperty(xml, "smslint.catalog", report.Catalog.Name + " " + report.Catalog.Version);
            xml.WriteEndElement();

            foreach (var testCase in cases)
            {
                WriteCase(xml, testCase, report.Ran(testCase.Rule.Id));
            }

            var notes = cases.SelectMany(c => c.Notes.Select(f => "[" + c.Rule.Id + "] " + Line(f)));
            xml.WriteElementString("system-out", Clean(string.Join("\n", notes)));
            var lines = report.Notifications.Select(n =>
                n.Level.ToSarif() + ": " + n.Id + ": " + OneLine(n.Message) + (n.Path is null ? string.Empty : " (" + n.Path + ")"));
            xml.WriteElementString("system-err", Clean(string.Join("\n", lines)));

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        output.WriteByte((byte)'\n');
    }

    private sealed record Case(RuleDescriptor Rule, List<Finding> Failing, List<Finding> Notes);

    private static List<Case> BuildCases(ScanReport report)
    {
        var cases = new List<Case>();
        var byId = new Dictionary<string, Case>(StringComparer.Ordinal);
        foreach (var rule in report.Rules)
        {
            if (!byId.ContainsKey(rule.Id))
            {
                var testCase = new Case(rule, [], []);
                byId.Add(rule.Id, testCase);
                cases.Add(testCase);
            }
        }

        var extra = new List<Case>();
        foreach (var finding in report.Findings)
        {
            if (finding.IsSuppressed || finding.IsAbsent)
            {
                continue;
            }

            if (!byId.TryGetValue(finding.Rule.Id, out var testCase))
            {
                testCase = new Case(finding.Rule, [], []);
                byId.Add(finding.Rule.Id, testCase);
                extra.Add(testCase);
            }

            (finding.Level >= Level.Warning ? testCase.Failing : testCase.Notes).Add(finding);
        }

        cases.AddRange(extra.OrderBy(c => c.Rule.Id, StringComparer.Ordinal));
        return cases;
    }

    /// <summary>The suite's timestamp, host name and duration; fixed values when unknown or when SOURCE_DATE_EPOCH asks for a reproducible file.</summary>
    private static (string Timestamp, string Host, string Seconds) When(ScanTiming? timing)
    {
        if (Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH") is { Length: > 0 } epoch
            && long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return (Stamp(DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799))), "localhost", "0");
        }

        if (timing is null)
        {
            return (Stamp(DateTimeOffset.UnixEpoch), "localhost", "0");
        }

        var host = string.IsNullOrWhiteSpace(timing.Host) ? "localhost" : Clean(timing.Host.Trim());
        return (Stamp(timing.Started), host, timing.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
    }

    private static string Stamp(DateTimeOffset when) => when.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);

    private static void WriteCase(XmlWriter xml, Case testCase, bool ran)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", Clean(testCase.Rule.Id));
        xml.WriteAttributeString("name", Clean(testCase.Rule.Name));
        xml.WriteAttributeString("time", "0");

        if (!ran)
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", "not run: left out by --select, --ignore or the configuration");
            xml.WriteEndElement();
        }
        else if (testCase.Failing.Count > 0)
        {
            var errors = testCase.Failing.Count(f => f.Level == Level.Error);
            var warnings = testCase.Failing.Count - errors;
            var counts = new List<string>();
            if (errors > 0)
            {
                counts.Add(Plural.Of(errors, "error"));
            }

            if (warnings > 0)
            {
                counts.Add(Plural.Of(warnings, "warning"));
            }

            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean(testCase.Rule.Title + ": " + string.Join(", ", counts)));
            xml.WriteAttributeString("type", errors > 0 ? "error" : "warning");
            xml.WriteString(Clean(Listing(testCase.Failing)));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteProperty(XmlWriter xml, string name, string value)
    {
        xml.WriteStartElement("property");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", Clean(value));
        xml.WriteEndElement();
    }

    /// <summary>One <c>path:line:col: message</c> line per finding; line breaks in a message become spaces.</summary>
    private static string Listing(IEnumerable<Finding> findings) => string.Join("\n", findings.Select(Line));

    private static string Line(Finding f) =>
        f.Location.Path + ":" + Number(f.Location.Region.StartLine) + ":" + Number(f.Location.Region.StartColumn) + ": " + OneLine(f.Message);

    private static string OneLine(string text) =>
        text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>Replaces what XML 1.0 cannot contain, even escaped, by a visible <c>\uXXXX</c>.</summary>
    private static string Clean(string text)
    {
        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                cleaned?.Append(c);
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                cleaned?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            cleaned ??= new StringBuilder(text, 0, i, text.Length + 16);
            cleaned.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }

        return cleaned?.ToString() ?? text;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

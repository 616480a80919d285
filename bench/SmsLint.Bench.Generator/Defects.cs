using System.Text.RegularExpressions;

namespace SmsLint.Bench.Generator;

/// <summary>Kinds of planned file a defect can be injected into.</summary>
public static class Slots
{
    /// <summary>SMSLOGON\Config\Copylog.tcf whose logon point holds x86.bin\Clicore.exe.</summary>
    public const string CopyLog = "logon-point/copylog";

    /// <summary>Any Smsls.bat (DC NETLOGON, REPL$ or a site master copy).</summary>
    public const string LogonScript = "script/smsls";

    /// <summary>C$\SMS.INI of a 1.2 client whose logon server and copy list are captured.</summary>
    public const string Client12SmsIni = "client12/sms.ini";

    /// <summary>A CAP's Compver.ini of a component other than base.</summary>
    public const string CapCompver = "cap/compver";

    /// <summary>Sites\&lt;code&gt;\Caplist.ini on a logon point.</summary>
    public const string LogonPointCaplist = "logon-point/caplist";
}

/// <summary>What a defect did to one file: the bytes to write and a note for expected-findings.json.</summary>
public sealed record DefectResult(byte[] Content, string What);

/// <summary>
/// One row of the injection table: the rule it trips, the files it may go into, how often (per
/// 100,000 files, at least one per snapshot), and how it turns the file's normal text into the
/// defective bytes. Every row must make its rule report exactly <see cref="FindingsEach"/>
/// findings per injected file and trip no other rule of the table.
/// </summary>
public sealed record Defect(
    string RuleId,
    string Name,
    string Slot,
    int PerHundredThousandFiles,
    Func<string, Rng, DefectResult> Apply,
    int FindingsEach = 1);

/// <summary>
/// The injection table. To cover a new rule, add a row (and, if no existing slot fits, a slot in
/// <see cref="Slots"/> given to the planned files in <see cref="SnapshotPlanner"/>).
/// </summary>
public static class Defects
{
    public static IReadOnlyList<Defect> Table { get; } =
    [
        new("SMS1002", "copylog-without-file-source", Slots.CopyLog, 5, NoFileSource),
        new("SMS1003", "copylog-core-lines-missing", Slots.CopyLog, 8, CoreLinesMissing),
        new("SMS3001", "logon-script-goto-end", Slots.LogonScript, 10, GotoEndFirst),
        new("SMS4001", "client-copylistversion-behind", Slots.Client12SmsIni, 25, CopyListVersionBehind),
        new("SMS0002", "binary-under-text-name", Slots.CapCompver, 4, BinaryUnderTextName),
        new("SMS0004", "over-long-line", Slots.LogonPointCaplist, 3, OverLongLine),
    ];

    private static byte[] Encode(string text) => Cp1252.GetBytes(text);

    /// <summary>The header line was lost (or the whole file was truncated to nothing).</summary>
    private static DefectResult NoFileSource(string text, Rng rng)
    {
        if (rng.Percent(30))
        {
            return new DefectResult([], "Copylog.tcf truncated to zero bytes");
        }

        var body = text[(text.IndexOf("\r\n", StringComparison.Ordinal) + 2)..];
        return new DefectResult(Encode(body), "[FILE SOURCE] header line missing");
    }

    /// <summary>The corrupt file of Q264976 (only SITES lines), or the Clicore line alone gone.</summary>
    private static DefectResult CoreLinesMissing(string text, Rng rng)
    {
        var lines = text.Split("\r\n");
        if (rng.Percent(50))
        {
            var kept = lines.Where(l => l.Length == 0 || l.StartsWith('[') || l.StartsWith("SITES\\", StringComparison.OrdinalIgnoreCase));
            return new DefectResult(Encode(string.Join("\r\n", kept)), "only SITES\\ lines left in [FILE SOURCE] (Q264976)");
        }

        var without = lines.Where(l => !l.StartsWith("x86.bin\\clicore.exe=", StringComparison.OrdinalIgnoreCase));
        return new DefectResult(Encode(string.Join("\r\n", without)), "x86.bin\\clicore.exe line removed");
    }

    /// <summary>GOTO END added right after "@echo off" (Q237543), with or without a note above it.</summary>
    private static DefectResult GotoEndFirst(string text, Rng rng)
    {
        var firstBreak = text.IndexOf("\r\n", StringComparison.Ordinal) + 2;
        var insert = rng.Next(3) switch
        {
            0 => "GOTO END\r\n",
            1 => $"REM Disabled for the service-pack rollout, {Content.Date(rng)}\r\ngoto end\r\n",
            _ => "REM RAS users: no SMS installation\r\nGoTo :END\r\n",
        };
        return new DefectResult(Encode(text[..firstBreak] + insert + text[firstBreak..]), "GOTO END before the first command");
    }

    /// <summary>The client still has the CopyListVersion of an earlier copy list.</summary>
    private static DefectResult CopyListVersionBehind(string text, Rng rng)
    {
        var behind = 86_400 * rng.Next(1, 400);
        var changed = Regex.Replace(text, @"(?m)^CopyListVersion=(\d+)", m => $"CopyListVersion={long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - behind}");
        return new DefectResult(Encode(changed), $"[SMS] CopyListVersion {behind / 86_400} days behind the logon server's copy list");
    }

    /// <summary>A PE binary, or a run of NUL bytes, captured under the text file's name.</summary>
    private static DefectResult BinaryUnderTextName(string text, Rng rng) => rng.Percent(60)
        ? new DefectResult(Binaries.Any(rng), "a PE binary under a Compver.ini name")
        : new DefectResult(new byte[rng.Next(512, 4096)], "a file of NUL bytes (a failed copy) under a Compver.ini name");

    /// <summary>A line far longer than cmd.exe or any SMS reader accepts (8,191 characters).</summary>
    private static DefectResult OverLongLine(string text, Rng rng)
    {
        var n = rng.Next(9_000, 20_000);
        var filler = string.Create(n, rng.NextUInt64(), (span, seed) =>
        {
            var r = new Rng(seed);
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('A' + r.Next(26));
            }
        });
        return new DefectResult(Encode(text + "CAP9=\\\\" + filler + "\r\n"), $"a line of {n + 7:N0} characters");
    }
}

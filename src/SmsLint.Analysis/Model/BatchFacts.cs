using SmsLint.Parsing.Batch;
using SmsLint.Parsing.Common;
using SmsLint.Text;

namespace SmsLint.Model;

/// <summary>A command of a batch file with the line it is on and the label section it is in.</summary>
/// <param name="Statement">The line.</param>
/// <param name="Command">The command itself; for <c>IF ... command</c> both the IF and the command under it are listed.</param>
/// <param name="Section">The last label above the line, or null before the first label.</param>
public sealed record BatchCommandAt(BatchStatement Statement, BatchCommand Command, BatchLabel? Section);

/// <summary>Facts about batch scripts that several logon-script rules read.</summary>
public static class BatchFacts
{
    /// <summary>Every command in file order, the commands under IF included, with its label section.</summary>
    public static IEnumerable<BatchCommandAt> Commands(BatchDocument doc)
    {
        BatchLabel? section = null;
        foreach (var line in doc.Lines)
        {
            switch (line)
            {
                case BatchLabel label:
                    section = label;
                    break;
                case BatchStatement statement:
                    for (BatchCommand? command = statement.Command; command is not null; command = (command as IfCommand)?.Then)
                    {
                        yield return new BatchCommandAt(statement, command, section);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// The program a command runs, reduced to its bare name in lower case: <c>%0\..\check20</c> and
    /// <c>CHECK20.EXE</c> are both "check20"; for CALL, the call target. Null for GOTO, IF, SET, ECHO.
    /// </summary>
    public static string? ProgramName(BatchCommand command)
    {
        var token = command switch
        {
            GenericCommand g => g.Program,
            CallCommand c => c.Target,
            _ => null,
        };
        if (token is null)
        {
            return null;
        }

        var text = token.Text.Trim('"');
        var slash = text.LastIndexOfAny(['\\', '/']);
        var name = slash >= 0 ? text[(slash + 1)..] : text;
        foreach (var ext in new[] { ".exe", ".com", ".bat", ".cmd" })
        {
            if (name.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^ext.Length];
                break;
            }
        }

        return name.ToLowerInvariant();
    }

    /// <summary>The arguments of a program or CALL command (empty for the other kinds).</summary>
    public static Token? Arguments(BatchCommand command) => command switch
    {
        GenericCommand g => g.Arguments,
        CallCommand c => c.Arguments,
        _ => null,
    };

    /// <summary>
    /// Where a script shows it is an SMS 1.2 logon script (sms-domain.md §1.3.1): its
    /// <c>:RUN_NT</c> label and the commands that run <c>setls16</c>, <c>setls32</c>,
    /// <c>setlsos2</c> or <c>setls%SMS_OS%</c>. Empty for an SMS 2.0 script.
    /// </summary>
    public static List<(TextSpan Span, string What)> Sms12Markers(BatchDocument doc)
    {
        var markers = new List<(TextSpan, string)>();
        foreach (var line in doc.Lines)
        {
            if (line is BatchLabel label && label.Name.Text.Equals("RUN_NT", StringComparison.OrdinalIgnoreCase))
            {
                markers.Add((label.Span, $":{label.Name.Text}"));
            }
        }

        foreach (var at in Commands(doc))
        {
            if (ProgramName(at.Command) is { } name && name.StartsWith("setls", StringComparison.Ordinal) && at.Command is GenericCommand program)
            {
                var written = program.Program.Text;
                markers.Add((at.Command.Span, written[(written.LastIndexOfAny(['\\', '/']) + 1)..]));
            }
        }

        markers.Sort((a, b) => a.Item1.Start.CompareTo(b.Item1.Start));
        return markers;
    }

    public static bool IsSms12Script(BatchDocument doc) => Sms12Markers(doc).Count > 0;

    /// <summary>Commands that run Check20.exe (the SMS 1.2 SP4 test for SMS 2.0 clients).</summary>
    public static IEnumerable<BatchCommandAt> Check20Calls(BatchDocument doc) =>
        Commands(doc).Where(at => ProgramName(at.Command) == "check20");

    /// <summary>
    /// The script's lines for comparing copies: line breaks of any kind, trailing blanks and tabs
    /// and DOS end-of-file marks ignored; trailing empty lines dropped.
    /// </summary>
    public static List<(string Text, TextSpan Span)> NormalisedLines(SourceText text)
    {
        var lines = text.Lines().Select(l => (text.Slice(l.Span).TrimEnd(' ', '\t', '\x1A'), l.Span)).ToList();
        while (lines.Count > 0 && lines[^1].Item1.Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    /// <summary>
    /// A KeepIt12-style exit test, <c>if exist c:\KeepIt12.txt goto end</c>: Q199237 has the SMS 2.0
    /// site add it by hand to Smsls.bat in each logon server's Import\Scripts, so one domain
    /// controller may have it while another does not. Any file name and <c>goto end</c> or
    /// <c>goto :end</c>, in any case.
    /// </summary>
    public static bool IsKeepIt12Line(string line)
    {
        var words = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 5
            && words[0].Equals("if", StringComparison.OrdinalIgnoreCase)
            && words[1].Equals("exist", StringComparison.OrdinalIgnoreCase)
            && words[3].Equals("goto", StringComparison.OrdinalIgnoreCase)
            && words[4].TrimStart(':').Equals("end", StringComparison.OrdinalIgnoreCase);
    }
}

using System.Globalization;
using SmsLint.Discover;
using SmsLint.Model;
using SmsLint.Engine;
using SmsLint.Parsing.Batch;
using SmsLint.Parsing.Common;
using SmsLint.Parsing.CopyList;
using SmsLint.Parsing.CopyLog;
using SmsLint.Parsing.Ini;
using SmsLint.Text;

namespace SmsLint.Suppressions;

/// <summary>What an inline suppression comment covers.</summary>
public enum DirectiveScope
{
    /// <summary><c>smslint-disable-next-line</c>: the next line that is not itself a suppression comment.</summary>
    NextLine,

    /// <summary><c>smslint-disable-file</c>: the whole file.</summary>
    File,
}

/// <summary>
/// One <c>smslint-disable-…</c> comment found in a scanned file. <see cref="Problem"/> is set when
/// the comment is malformed (no rule id, an unknown id, a bad date, no reason); such a comment
/// suppresses nothing. <see cref="ProblemHelp"/> says how to write it, where there is more to say
/// than the problem itself.
/// </summary>
public sealed record InlineDirective(
    LoadedFile File,
    int Line,
    TextSpan Span,
    DirectiveScope Scope,
    IReadOnlyList<string> RuleIds,
    string? Reason,
    DateOnly? Until,
    int TargetLine,
    string? Problem,
    string? ProblemHelp = null)
{
    public string LineText => File.Text!.GetLineText(Line).Trim();
}

/// <summary>
/// Finds suppression comments in each format's own comment syntax:
/// <list type="bullet">
/// <item>batch files: <c>REM smslint-disable-next-line SMS3001 -- reason</c> (also <c>@REM</c> and <c>::</c>);</item>
/// <item>INI-like files (every INI kind, Copylog.tcf, copy lists): <c>; smslint-disable-next-line SMS1003 -- reason</c>;</item>
/// <item>either form with <c>smslint-disable-file</c> covers the whole file.</item>
/// </list>
/// After the rule ids (comma or space separated) an optional <c>until YYYY-MM-DD</c> gives an
/// expiry date; the reason follows <c>--</c> and is required. Only whole-line comments count: the
/// ones each file's grammar lists (<see cref="CommentLines"/> says which lines they are), so no
/// file is read twice.
/// </summary>
public static class InlineDirectives
{
    public const string NextLineKeyword = "smslint-disable-next-line";
    public const string FileKeyword = "smslint-disable-file";
    /// <summary>A comment starting with this is read as a suppression comment (and reported when malformed).</summary>
    private const string Prefix = "smslint-";

    /// <summary>Rules whose findings are about suppressions themselves; they cannot be suppressed inline.</summary>
    public static readonly IReadOnlySet<string> MetaRules = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        InvalidSuppressionId,
        UnusedSuppressionId,
        ExpiredSuppressionId,
    };

    /// <summary>The ids of the rules about suppressions, which <see cref="SuppressionPass"/> reports (their rule classes declare them with these).</summary>
    public const string InvalidSuppressionId = "SMS0007";

    public const string UnusedSuppressionId = "SMS0008";

    public const string ExpiredSuppressionId = "SMS0009";

    /// <summary>The comment syntax of a file kind, or null when its format has no comment lines SmsLint knows.</summary>
    public static CommentSyntax? SyntaxOf(FileKind kind) => kind switch
    {
        FileKind.BatchScript => CommentSyntax.Batch,
        FileKind.HierarchyIni or FileKind.CopyLog or FileKind.CopyList or FileKind.ClientSmsIni or FileKind.DomainIni
            or FileKind.SmsCfgIni or FileKind.CompverIni or FileKind.CaplistIni or FileKind.SmslsIni => CommentSyntax.Semicolon,
        _ => null,
    };

    /// <summary>Every suppression comment of every file, in path then line order.</summary>
    public static List<InlineDirective> Find(SnapshotModel model, RuleSet rules)
    {
        var all = new List<InlineDirective>();
        foreach (var file in model.Files)
        {
            if (file.Text is not null && SyntaxOf(file.Kind) is { } syntax)
            {
                Collect(file, syntax, rules, all);
            }
        }

        return all;
    }

    /// <summary>
    /// The suppression comments of one file with text, from its document's comment lines;
    /// <paramref name="syntax"/> is used only for a file without a document (see <see cref="CommentsOf"/>).
    /// </summary>
    public static List<InlineDirective> Find(LoadedFile file, CommentSyntax syntax, RuleSet rules)
    {
        var result = new List<InlineDirective>();
        Collect(file, syntax, rules, result);
        return result;
    }

    /// <summary>Adds the file's suppression comments to <paramref name="into"/>; a file without any allocates nothing.</summary>
    private static void Collect(LoadedFile file, CommentSyntax syntax, RuleSet rules, List<InlineDirective> into)
    {
        var text = file.Text!;
        var comments = CommentsOf(file, syntax);
        List<(int Line, TextSpan Span, string Body)>? found = null;
        for (var i = 0; i < comments.Count; i++)
        {
            // Only the comment lines are read (the whole text of a compacted file is never rebuilt here).
            var comment = comments[i];
            if (comment.Body.Length >= Prefix.Length && text.Slice(comment.Body) is var body && body.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                (found ??= []).Add((comment.Line, comment.Span, body));
            }
        }

        if (found is null)
        {
            return;
        }

        var directiveLines = found.Select(f => f.Line).ToHashSet();
        foreach (var (line, span, body) in found)
        {
            var target = line + 1;
            while (directiveLines.Contains(target))
            {
                target++;
            }

            into.Add(Parse(file, line, span, body, target, rules));
        }
    }

    /// <summary>
    /// The comment lines of a file: those its grammar listed while it parsed the file. A file that
    /// has text but no document was decoded and then not parsed (a line over the length limit, the
    /// parse time limit, an internal error); its comment lines are read from the text, in the same
    /// syntax, so its suppression comments count as they always have (a file-wide one can still
    /// suppress the finding about the file).
    /// </summary>
    private static IReadOnlyList<CommentLine> CommentsOf(LoadedFile file, CommentSyntax syntax) => file.Document switch
    {
        IniDocument ini => ini.Comments,
        BatchDocument batch => batch.Comments,
        CopyLogDocument copyLog => copyLog.Comments,
        CopyListDocument copyList => copyList.Comments,
        _ => CommentLines.Scan(file.Text!, syntax),
    };

    private static InlineDirective Parse(LoadedFile file, int line, TextSpan span, string body, int target, RuleSet rules)
    {
        var keywordEnd = body.IndexOfAny([' ', '\t']);
        var keyword = keywordEnd < 0 ? body : body[..keywordEnd];
        var rest = keywordEnd < 0 ? string.Empty : body[keywordEnd..];
        DirectiveScope scope;
        if (keyword.Equals(NextLineKeyword, StringComparison.OrdinalIgnoreCase))
        {
            scope = DirectiveScope.NextLine;
        }
        else if (keyword.Equals(FileKeyword, StringComparison.OrdinalIgnoreCase))
        {
            scope = DirectiveScope.File;
        }
        else
        {
            return new InlineDirective(file, line, span, DirectiveScope.NextLine, [], null, null, target,
                $"'{keyword}' is not a suppression comment SmsLint knows", $"Write '{NextLineKeyword}' or '{FileKeyword}'.");
        }

        string? reason = null;
        var separator = FindReasonSeparator(rest);
        if (separator >= 0)
        {
            reason = rest[(separator + 2)..].Trim();
            rest = rest[..separator];
            if (reason.Length == 0)
            {
                reason = null;
            }
        }

        var ids = new List<string>();
        DateOnly? until = null;
        string? problem = null;
        string? help = null;
        var tokens = rest.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Equals("until", StringComparison.OrdinalIgnoreCase))
            {
                if (i + 1 < tokens.Length && DateOnly.TryParseExact(tokens[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    until = date;
                    i++;
                }
                else
                {
                    problem ??= "'until' must be followed by a date written YYYY-MM-DD";
                    i++;
                }

                continue;
            }

            if (rules.Find(token) is not { } rule)
            {
                problem ??= $"it names '{token}', which is not a rule id (see 'smslint rules')";
                continue;
            }

            if (MetaRules.Contains(rule.Descriptor.Id))
            {
                if (problem is null)
                {
                    problem = $"findings of {rule.Descriptor.Id} are about suppressions and cannot be suppressed inline";
                    help = "List the rule under rules.ignore instead.";
                }
                continue;
            }

            if (!ids.Contains(rule.Descriptor.Id))
            {
                ids.Add(rule.Descriptor.Id);
            }
        }

        if (problem is null && ids.Count == 0)
        {
            problem = "it names no rule id";
            help = "Write the ids of the rules to suppress, e.g. 'SMS3001'.";
        }

        if (problem is null && reason is null)
        {
            problem = "it gives no reason";
            help = "End it with ' -- ' and why the finding is accepted.";
        }

        return new InlineDirective(file, line, span, scope, ids, reason, until, target, problem, help);
    }

    /// <summary>The index of "--" that starts the reason: at the start or after white space.</summary>
    private static int FindReasonSeparator(string rest)
    {
        for (var i = 0; i + 1 < rest.Length; i++)
        {
            if (rest[i] == '-' && rest[i + 1] == '-' && (i == 0 || rest[i - 1] is ' ' or '\t'))
            {
                return i;
            }
        }

        return -1;
    }
}

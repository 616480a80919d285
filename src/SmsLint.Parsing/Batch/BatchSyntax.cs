using System.Text;
using SmsLint.Parsing.Common;
using SmsLint.Text;

namespace SmsLint.Parsing.Batch;

/// <summary>
/// One meaningful line of a batch file (Smsls.bat, a user logon script, any .bat or .cmd).
/// Blank lines produce no node. A line node's span runs from its first non-blank character
/// (the leading <c>@</c> included) to the end of the line, the line break excluded.
/// </summary>
public abstract record BatchLine(TextSpan Span);

/// <summary>
/// <c>:NAME</c>. <see cref="Name"/> is the text after the colon up to the first space, tab,
/// <c>, ; = + : &amp; | &lt; &gt;</c> or the end of the line; whatever follows is ignored by the
/// command interpreter but stays inside <see cref="BatchLine.Span"/>. A bare <c>:</c> has an empty name.
/// </summary>
public sealed record BatchLabel(TextSpan Span, Token Name) : BatchLine(Span);

/// <summary>
/// <c>REM text</c>, <c>@REM text</c>, <c>REM.text</c> or <c>:: text</c>. <see cref="Text"/> is what
/// follows the marker (and the one <c>.</c> of <c>REM.</c>), trimmed.
/// </summary>
public sealed record BatchComment(TextSpan Span, Token Text, bool DoubleColon) : BatchLine(Span);

/// <summary>A command line; <see cref="EchoSuppressed"/> when it starts with <c>@</c>.</summary>
public sealed record BatchStatement(TextSpan Span, bool EchoSuppressed, BatchCommand Command) : BatchLine(Span);

/// <summary>A line that did not parse; the same span and message are in <see cref="BatchDocument.Errors"/>.</summary>
public sealed record BatchErrorLine(TextSpan Span, string Message) : BatchLine(Span);

/// <summary>
/// A command. Its span runs from the command word (or program) to the end of the line, so the
/// span of the command under an IF ends where the IF ends.
/// </summary>
public abstract record BatchCommand(TextSpan Span)
{
    /// <summary>The command's tokens in source order (for an IF, those of its condition and then of its command).</summary>
    public IReadOnlyList<Token> Tokens => [.. EnumerateTokens()];

    /// <summary>
    /// The variable references in the command's tokens, in source order: <c>%NAME%</c> (also with
    /// <c>:~n,m</c> or <c>:a=b</c>), <c>%0</c>..<c>%9</c>, <c>%*</c>, <c>%~dp0</c>, and the loop
    /// variables <c>%%x</c> and <c>%%~nx</c>. An escaped percent (<c>%%</c>, as in <c>%%SMS_UNC%%</c>) is not a reference.
    /// Computed on each access.
    /// </summary>
    public IReadOnlyList<Token> Variables => BatchVariables.Scan(EnumerateTokens());

    protected abstract IEnumerable<Token> EnumerateTokens();

    /// <summary>Keeps the computed <see cref="Tokens"/> and <see cref="Variables"/> out of <c>ToString()</c>.</summary>
    protected virtual bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Span = ").Append(Span);
        return true;
    }
}

/// <summary><c>GOTO label</c> or <c>GOTO :label</c>; <see cref="Target"/> is the label name without the colon.</summary>
public sealed record GotoCommand(TextSpan Span, Token Target, bool HasColon) : BatchCommand(Span)
{
    protected override IEnumerable<Token> EnumerateTokens() => [Target];
}

/// <summary>What an IF tests.</summary>
public enum IfKind
{
    /// <summary><c>IF EXIST path</c>.</summary>
    Exist,

    /// <summary><c>IF ERRORLEVEL n</c>: true when the last exit code is n or more.</summary>
    ErrorLevel,

    /// <summary><c>IF a==b</c> or <c>IF a EQU b</c> (and NEQ, LSS, LEQ, GTR, GEQ).</summary>
    Compare,

    /// <summary><c>IF DEFINED name</c>.</summary>
    Defined,
}

/// <summary>
/// <c>IF [/I] [NOT] condition command</c>. For <see cref="IfKind.Compare"/>, <see cref="Left"/>,
/// <see cref="Operator"/> (<c>==</c> or the word operator as written) and <see cref="Right"/> are
/// the operands as written, quotes included. For EXIST, ERRORLEVEL and DEFINED, <see cref="Left"/>
/// is null, <see cref="Operator"/> is the keyword and <see cref="Right"/> is the path, number or name.
/// </summary>
public sealed record IfCommand(
    TextSpan Span,
    bool Not,
    bool IgnoreCase,
    IfKind Kind,
    Token? Left,
    Token? Operator,
    Token? Right,
    BatchCommand Then) : BatchCommand(Span)
{
    /// <summary>The number of an <c>IF ERRORLEVEL n</c>; null for the other kinds.</summary>
    public int? Level =>
        Kind == IfKind.ErrorLevel && Right is not null && int.TryParse(Right.Text, out var level) ? level : null;

    protected override IEnumerable<Token> EnumerateTokens()
    {
        foreach (var token in new[] { Left, Operator, Right })
        {
            if (token is not null)
            {
                yield return token;
            }
        }

        foreach (var token in Then.Tokens)
        {
            yield return token;
        }
    }
}

/// <summary>
/// <c>CALL target arguments</c>. <see cref="Arguments"/> is the rest of the line, trimmed; when
/// there are none it is empty and sits at the end of the line.
/// </summary>
public sealed record CallCommand(TextSpan Span, Token Target, Token Arguments) : BatchCommand(Span)
{
    protected override IEnumerable<Token> EnumerateTokens() => [Target, Arguments];
}

/// <summary>
/// <c>SET name=value</c>. <see cref="Name"/> is everything before the first <c>=</c> and
/// <see cref="Value"/> everything after it, verbatim: <c>set A =b </c> sets the variable
/// "A " to "b ", exactly as the command interpreter does. <c>SET "name=value"</c> drops the
/// quotes. <c>SET</c> alone (lists variables) has an empty name; <c>SET name</c> without
/// <c>=</c> (lists matching variables) has an empty value; in both <see cref="IsAssignment"/> is false.
/// </summary>
public sealed record SetCommand(TextSpan Span, Token Name, Token Value) : BatchCommand(Span)
{
    /// <summary><c>/A</c> or <c>/P</c> when given.</summary>
    public Token? Switch { get; init; }

    /// <summary>True when the command has an <c>=</c>, i.e. it sets (or clears) a variable.</summary>
    public bool IsAssignment { get; init; }

    protected override IEnumerable<Token> EnumerateTokens() => [Name, Value];
}

/// <summary>
/// <c>ECHO text</c>, <c>ECHO.</c>, <c>ECHO OFF</c>. <see cref="Text"/> is everything after the one
/// separator that follows ECHO (a blank, or one of <c>. , ; = : / \ ( [ ] +</c>).
/// <see cref="TurnsEchoOff"/> is true for <c>ECHO OFF</c>, false for <c>ECHO ON</c>, null otherwise.
/// </summary>
public sealed record EchoCommand(TextSpan Span, Token Text, bool? TurnsEchoOff) : BatchCommand(Span)
{
    protected override IEnumerable<Token> EnumerateTokens() => [Text];
}

/// <summary>
/// Any other command: <see cref="Program"/> is the first word (up to a blank, <c>,</c>, <c>;</c>
/// or <c>=</c> outside quotes), <see cref="Arguments"/> the rest of the line after the separators,
/// trimmed (empty at the end of the line when there is none). <c>PATH=%SMS_P%</c> is the program
/// <c>PATH</c> with the argument <c>%SMS_P%</c>.
/// </summary>
public sealed record GenericCommand(TextSpan Span, Token Program, Token Arguments) : BatchCommand(Span)
{
    protected override IEnumerable<Token> EnumerateTokens() => [Program, Arguments];
}

/// <summary>A parsed batch file.</summary>
public sealed class BatchDocument
{
    internal BatchDocument(IReadOnlyList<BatchLine> lines, IReadOnlyList<ParseError> errors, IReadOnlyList<CommentLine> comments)
    {
        Lines = lines;
        Errors = errors;
        Comments = comments;
        var labels = new Dictionary<string, BatchLabel>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            if (line is BatchLabel label && label.Name.Text.Length > 0)
            {
                labels.TryAdd(label.Name.Text, label);
            }
        }

        Labels = labels;
    }

    public IReadOnlyList<BatchLine> Lines { get; }

    public IReadOnlyList<ParseError> Errors { get; }

    /// <summary>
    /// The comment lines (<c>REM</c>, <c>@REM</c>, <c>::</c>, <c>@::</c>; see <see cref="CommentLines"/>),
    /// in line order, those the grammar could not parse included.
    /// </summary>
    public IReadOnlyList<CommentLine> Comments { get; }

    /// <summary>Labels by name, case-insensitively; the first definition of a name wins, as GOTO finds it first.</summary>
    public IReadOnlyDictionary<string, BatchLabel> Labels { get; }

    public IEnumerable<BatchStatement> Statements => Lines.OfType<BatchStatement>();
}

/// <summary>Finds the variable references in command tokens.</summary>
internal static class BatchVariables
{
    public static IReadOnlyList<Token> Scan(IEnumerable<Token> tokens)
    {
        var found = new List<Token>();
        foreach (var token in tokens)
        {
            Scan(token, found);
        }

        return found;
    }

    private static void Scan(Token token, List<Token> found)
    {
        var text = token.Text;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '%')
            {
                i++;
                continue;
            }

            var length = ReferenceLength(text, i);
            if (length > 0)
            {
                found.Add(new Token(text.Substring(i, length), new TextSpan(token.Span.Start + i, length)));
                i += length;
            }
            else
            {
                // "%%" is an escaped percent; a lone '%' is literal text.
                i += i + 1 < text.Length && text[i + 1] == '%' ? 2 : 1;
            }
        }
    }

    /// <summary>Length of the reference starting with the '%' at <paramref name="at"/>, or 0 when there is none.</summary>
    private static int ReferenceLength(string text, int at)
    {
        var next = at + 1;
        if (next >= text.Length)
        {
            return 0;
        }

        var c = text[next];
        if (char.IsAsciiDigit(c) || c == '*')
        {
            return 2;
        }

        if (c == '~')
        {
            // %~dp0, %~nx1: modifier letters, then the argument digit.
            var i = next + 1;
            while (i < text.Length && char.IsAsciiLetter(text[i]))
            {
                i++;
            }

            return i < text.Length && char.IsAsciiDigit(text[i]) ? i + 1 - at : 0;
        }

        if (c == '%')
        {
            return LoopVariableLength(text, at);
        }

        var close = text.IndexOf('%', next);
        if (close < 0 || close == next)
        {
            return 0;
        }

        for (var i = next; i < close; i++)
        {
            if (text[i] is ' ' or '\t')
            {
                return 0;
            }
        }

        return close + 1 - at;
    }

    /// <summary>
    /// <c>%%f</c> or <c>%%~nf</c>. A letter followed by more name characters or a '%' (as in
    /// <c>%%SMS_UNC%%</c>) means the "%%" was an escaped percent instead.
    /// </summary>
    private static int LoopVariableLength(string text, int at)
    {
        var i = at + 2;
        if (i >= text.Length)
        {
            return 0;
        }

        if (text[i] == '~')
        {
            var end = i + 1;
            while (end < text.Length && char.IsAsciiLetter(text[end]))
            {
                end++;
            }

            return end > i + 1 ? end - at : 0;
        }

        if (!char.IsAsciiLetter(text[i]))
        {
            return 0;
        }

        var after = i + 1;
        if (after < text.Length && (char.IsAsciiLetterOrDigit(text[after]) || text[after] is '_' or '%'))
        {
            return 0;
        }

        return 3;
    }
}

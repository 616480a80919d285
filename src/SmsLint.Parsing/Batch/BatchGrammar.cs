using Sprache;
using SmsLint.Parsing.Common;
using SmsLint.Text;
using static SmsLint.Parsing.Common.Grammar;

namespace SmsLint.Parsing.Batch;

/// <summary>
/// Batch logon scripts as COMMAND.COM and cmd.exe read them, one line at a time: labels, REM and
/// <c>::</c> comments, and <c>@</c>-prefixed commands, of which GOTO, IF, CALL, SET and ECHO are
/// taken apart and everything else is a program with arguments. Multi-line constructs
/// (parenthesised blocks, FOR bodies) are not assembled; their lines parse as generic commands.
/// </summary>
public static class BatchGrammar
{
    private static bool IsBlank(char c) => c is ' ' or '\t';

    /// <summary>What the command interpreter takes as a separator between a command word and its arguments.</summary>
    private static bool IsDelimiter(char c) => c is ' ' or '\t' or ',' or ';' or '=';

    private static bool IsLabelEnd(char c) => IsDelimiter(c) || c is ':' or '+' or '&' or '|' or '<' or '>';

    private static bool IsEchoSeparator(char c) => IsBlank(c) || c is '.' or ',' or ';' or '=' or ':' or '/' or '\\' or '(' or '[' or ']' or '+';

    // ---- primitives local to this grammar ----------------------------------------------------

    /// <summary>
    /// A command word, case-insensitive, followed by the end of the line or a character
    /// <paramref name="followedBy"/> accepts (not consumed). Fails without consuming otherwise.
    /// </summary>
    private static Parser<Token> Word(string word, Func<char, bool> followedBy) => input =>
    {
        var li = (LineInput)input;
        var end = li.Position + word.Length;
        if (end <= li.End
            && string.Compare(li.Source, li.Position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
            && (end == li.End || followedBy(li.Source[end])))
        {
            return Result.Success(new Token(li.Source[li.Position..end], TextSpan.FromBounds(li.Position, end)), li.At(end));
        }

        return Result.Failure<Token>(input, $"expected '{word}'", [word]);
    };

    /// <summary>
    /// One argument: characters up to a delimiter, where a quoted part may hold delimiters. With
    /// <paramref name="strictQuotes"/> a quote that is never closed fails at that quote; otherwise
    /// it runs to the end of the line.
    /// </summary>
    private static Parser<Token> Argument(string expected, bool strictQuotes) => input =>
    {
        var li = (LineInput)input;
        var source = li.Source;
        var i = li.Position;
        while (i < li.End && !IsDelimiter(source[i]))
        {
            if (source[i] != '"')
            {
                i++;
                continue;
            }

            var close = i + 1 < li.End ? source.IndexOf('"', i + 1, li.End - i - 1) : -1;
            if (close >= 0)
            {
                i = close + 1;
            }
            else if (strictQuotes)
            {
                return Result.Failure<Token>(li.At(i), "unterminated quote: this '\"' is never closed", []);
            }
            else
            {
                i = li.End;
            }
        }

        return i > li.Position
            ? Result.Success(new Token(source[li.Position..i], TextSpan.FromBounds(li.Position, i)), li.At(i))
            : Result.Failure<Token>(input, $"expected {expected}", [expected]);
    };

    /// <summary>Fails (expecting <paramref name="expected"/>) at the end of the line; consumes nothing.</summary>
    private static Parser<bool> NotEol(string expected) => input => input.AtEnd
        ? Result.Failure<bool>(input, $"expected {expected}", [expected])
        : Result.Success(true, input);

    /// <summary>The rest of the line is only blanks and DOS end-of-file marks (Ctrl+Z).</summary>
    private static readonly Parser<BatchLine?> Blank = input =>
    {
        var li = (LineInput)input;
        for (var i = li.Position; i < li.End; i++)
        {
            if (!IsBlank(li.Source[i]) && li.Source[i] != '\x1A')
            {
                return Result.Failure<BatchLine?>(input, "not a blank line", []);
            }
        }

        return Result.Success((BatchLine?)null, li.At(li.End));
    };

    // ---- commands ----------------------------------------------------------------------------

    private static readonly Parser<BatchCommand> Goto =
        from keyword in Word("goto", IsLabelEnd)
        from separator in While(IsDelimiter)
        from colon in Literal(":").Optional()
        from target in While1(c => !IsLabelEnd(c), "a label after GOTO")
        from rest in Rest
        select (BatchCommand)new GotoCommand(TextSpan.FromBounds(keyword.Span.Start, rest.Span.End), target, colon.IsDefined);

    private static readonly Parser<BatchCommand> Call =
        from keyword in Word("call", c => IsDelimiter(c) || c == ':')
        from separator in While(IsDelimiter)
        from target in Argument("a target after CALL", strictQuotes: false)
        from rest in While(IsDelimiter).Then(_ => Rest)
        select (BatchCommand)new CallCommand(TextSpan.FromBounds(keyword.Span.Start, rest.Span.End), target, Trim(rest));

    private static readonly Parser<Token> SetSwitch =
        from flag in Word("/a", IsBlank).XOr(Word("/p", IsBlank))
        from blank in Ws
        select flag;

    private static readonly Parser<BatchCommand> Set =
        from keyword in Word("set", c => IsBlank(c) || c == '/')
        from blank in Ws
        from flag in SetSwitch.Optional()
        from body in Rest
        select SplitSet(keyword, flag.GetOrDefault(), body);

    /// <summary>Takes "name=value", "\"name=value\"" or "name" apart.</summary>
    private static BatchCommand SplitSet(Token keyword, Token? flag, Token body)
    {
        var span = TextSpan.FromBounds(keyword.Span.Start, body.Span.End);
        var text = body.Text;
        var start = body.Span.Start;
        if (text.Length == 0)
        {
            var none = new Token("", new TextSpan(body.Span.End, 0));
            return new SetCommand(span, none, none) { Switch = flag };
        }

        // SET "name=value" trailing: the value ends at the last quote, what follows is ignored.
        var first = 0;
        var last = text.Length;
        if (text[0] == '"' && text.LastIndexOf('"') is var closing and > 0)
        {
            first = 1;
            last = closing;
        }

        var equals = text.IndexOf('=', first, last - first);
        if (equals < 0)
        {
            var name = Trim(new Token(text[first..last], new TextSpan(start + first, last - first)));
            return new SetCommand(span, name, new Token("", new TextSpan(body.Span.End, 0))) { Switch = flag };
        }

        var nameToken = new Token(text[first..equals], TextSpan.FromBounds(start + first, start + equals));
        if (flag is not null)
        {
            // SET /A x+=1: the arithmetic operator belongs to the assignment, not to the name.
            nameToken = Trim(nameToken);
            var n = nameToken.Text.TrimEnd('+', '-', '*', '/', '%', '&', '|', '^', '<', '>');
            nameToken = Trim(new Token(n, new TextSpan(nameToken.Span.Start, n.Length)));
        }

        var value = new Token(text[(equals + 1)..last], TextSpan.FromBounds(start + equals + 1, start + last));
        return new SetCommand(span, nameToken, value) { Switch = flag, IsAssignment = true };
    }

    /// <summary>One character satisfying <paramref name="predicate"/>.</summary>
    private static Parser<Token> One(Func<char, bool> predicate, string expected) => input =>
    {
        var li = (LineInput)input;
        return li.Position < li.End && predicate(li.Source[li.Position])
            ? Result.Success(new Token(li.Source.Substring(li.Position, 1), new TextSpan(li.Position, 1)), li.At(li.Position + 1))
            : Result.Failure<Token>(input, $"expected {expected}", [expected]);
    };

    /// <summary>ECHO drops only the one separator after the word: "echo   x" prints "  x".</summary>
    private static readonly Parser<BatchCommand> Echo =
        from keyword in Word("echo", IsEchoSeparator)
        from separator in One(IsEchoSeparator, "a separator").Optional()
        from text in Rest
        select (BatchCommand)new EchoCommand(
            TextSpan.FromBounds(keyword.Span.Start, text.Span.End),
            text,
            separator.IsEmpty || IsBlank(separator.Get().Text[0]) ? EchoSwitch(text.Text) : null);

    private static bool? EchoSwitch(string text)
    {
        var word = text.Trim(' ', '\t');
        return word.Equals("off", StringComparison.OrdinalIgnoreCase) ? true
            : word.Equals("on", StringComparison.OrdinalIgnoreCase) ? false
            : null;
    }

    private static readonly Parser<BatchCommand> Generic =
        from program in Argument("a command", strictQuotes: false).XOr(While1(c => !IsBlank(c), "a command"))
        from rest in While(IsDelimiter).Then(_ => Rest)
        select (BatchCommand)new GenericCommand(TextSpan.FromBounds(program.Span.Start, rest.Span.End), program, Trim(rest));

    /// <summary>EXIST, ERRORLEVEL or DEFINED, unless what follows is "==" (then it is a string compared).</summary>
    private static Parser<Token> Unary(string word) => input =>
    {
        var r = Word(word, IsBlank)(input);
        if (!r.WasSuccessful)
        {
            return r;
        }

        var li = (LineInput)r.Remainder;
        var i = li.Position;
        while (i < li.End && IsBlank(li.Source[i]))
        {
            i++;
        }

        return i + 1 < li.End && li.Source[i] == '=' && li.Source[i + 1] == '='
            ? Result.Failure<Token>(input, $"expected '{word}'", [word])
            : r;
    };

    private sealed record Condition(IfKind Kind, Token? Left, Token? Operator, Token? Right);

    private static readonly Parser<Token> Number = input =>
    {
        var r = Argument("a number after ERRORLEVEL", strictQuotes: true)(input);
        if (!r.WasSuccessful)
        {
            return r;
        }

        var text = r.Value.Text;
        var digits = text.StartsWith('-') ? text[1..] : text;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit)
            ? r
            : Result.Failure<Token>(input, "expected a number after ERRORLEVEL", ["a number after ERRORLEVEL"]);
    };

    private static readonly Parser<Condition> Exist =
        from keyword in Unary("exist")
        from blank in Ws
        from path in Argument("a path after EXIST", strictQuotes: true)
        select new Condition(IfKind.Exist, null, keyword, path);

    private static readonly Parser<Condition> ErrorLevel =
        from keyword in Unary("errorlevel")
        from blank in Ws
        from number in Number
        select new Condition(IfKind.ErrorLevel, null, keyword, number);

    private static readonly Parser<Condition> Defined =
        from keyword in Unary("defined")
        from blank in Ws
        from name in Argument("a variable name after DEFINED", strictQuotes: true)
        select new Condition(IfKind.Defined, null, keyword, name);

    private static readonly Parser<Token> CompareOperator =
        Literal("==")
            .XOr(Word("equ", IsBlank))
            .XOr(Word("neq", IsBlank))
            .XOr(Word("lss", IsBlank))
            .XOr(Word("leq", IsBlank))
            .XOr(Word("gtr", IsBlank))
            .XOr(Word("geq", IsBlank))
            .Named("a comparison operator (==, EQU, NEQ, LSS, LEQ, GTR or GEQ)");

    private static readonly Parser<Condition> Compare =
        from left in Argument("a string to compare", strictQuotes: true)
        from blank1 in Ws
        from op in CompareOperator
        from blank2 in Ws
        from right in Argument($"a value after {op.Text}", strictQuotes: true)
        select new Condition(IfKind.Compare, left, op, right);

    private static readonly Parser<Token> IfFlag =
        from flag in Word("/i", IsBlank).XOr(Word("not", IsBlank))
        from blank in Ws
        select flag;

    /// <summary>"IF [/I] [NOT] condition" and the separator before its command.</summary>
    private sealed record IfHead(int Start, bool Not, bool IgnoreCase, Condition Condition);

    private static readonly Parser<IfHead> IfPrefix =
        from keyword in Word("if", c => IsBlank(c) || c == '/')
        from blank in Ws
        from flags in IfFlag.Many()
        from condition in Exist.XOr(ErrorLevel).XOr(Defined).XOr(Compare).Named("a condition after IF")
        from separator in While(IsDelimiter)
        from more in NotEol("a command after the IF condition")
        select new IfHead(
            keyword.Span.Start,
            flags.Any(f => f.Text.Equals("not", StringComparison.OrdinalIgnoreCase)),
            flags.Any(f => f.Text.Equals("/i", StringComparison.OrdinalIgnoreCase)),
            condition);

    /// <summary>
    /// How deeply IFs may nest on one line. The command interpreter sets no limit, but no script
    /// needs more than a few, and the syntax tree is walked recursively.
    /// </summary>
    internal const int MaxIfNesting = 32;

    private static Parser<bool> NestingLimit(IReadOnlyList<IfHead> heads) => input =>
        heads.Count <= MaxIfNesting
            ? Result.Success(true, input)
            : Result.Failure<bool>(
                ((LineInput)input).At(heads[MaxIfNesting].Start),
                $"IF commands are nested more than {MaxIfNesting} deep on one line",
                []);

    private static readonly Parser<BatchCommand> NotIf = Goto.XOr(Call).XOr(Set).XOr(Echo).XOr(Generic);

    /// <summary>
    /// An IF whose command may itself be an IF: the chain of heads is read in a loop (no recursion,
    /// so a line of thousands of IFs cannot exhaust the stack), then the innermost command.
    /// </summary>
    private static readonly Parser<BatchCommand> If =
        from heads in IfPrefix.XAtLeastOnce().Select(h => h.ToList())
        from limit in NestingLimit(heads)
        from innermost in NotIf
        select NestIfs(heads, innermost);

    private static BatchCommand NestIfs(List<IfHead> heads, BatchCommand innermost)
    {
        var command = innermost;
        for (var i = heads.Count - 1; i >= 0; i--)
        {
            var head = heads[i];
            var condition = head.Condition;
            command = new IfCommand(
                TextSpan.FromBounds(head.Start, command.Span.End),
                head.Not,
                head.IgnoreCase,
                condition.Kind,
                condition.Left,
                condition.Operator,
                condition.Right,
                command);
        }

        return command;
    }

    /// <summary>One command; IF, GOTO and CALL commit once their keyword is seen, so their errors are reported.</summary>
    private static readonly Parser<BatchCommand> Command = If.XOr(NotIf);

    // ---- lines -------------------------------------------------------------------------------

    private static readonly Parser<BatchLine?> DoubleColonComment =
        from marker in Literal("::")
        from rest in Rest
        select (BatchLine?)new BatchComment(TextSpan.FromBounds(marker.Span.Start, rest.Span.End), Trim(rest), true);

    private static readonly Parser<BatchLine?> Label =
        from colon in Literal(":")
        from name in While(c => !IsLabelEnd(c))
        from rest in Rest
        select (BatchLine?)new BatchLabel(TextSpan.FromBounds(colon.Span.Start, rest.Span.End), name);

    private static Parser<BatchLine?> Remark(int start) =>
        from keyword in Word("rem", c => IsBlank(c) || c == '.')
        from dot in Literal(".").Optional()
        from rest in Rest
        select (BatchLine?)new BatchComment(TextSpan.FromBounds(start, rest.Span.End), Trim(rest), false);

    private static Parser<BatchLine?> Statement(int start, bool suppressed) =>
        from command in Command
        select (BatchLine?)new BatchStatement(TextSpan.FromBounds(start, command.Span.End), suppressed, command);

    private static readonly Parser<BatchLine?> CommandLine =
        from at in While(c => c == '@' || IsBlank(c))
        let start = at.Span.Start
        let suppressed = at.Text.Length > 0
        from node in Blank.XOr(Remark(start)).XOr(Statement(start, suppressed))
        select node;

    /// <summary>One line: blank, <c>::</c> comment, label, REM comment or command.</summary>
    internal static readonly Parser<BatchLine?> Line =
        from lead in Ws
        from node in Blank.XOr(DoubleColonComment).XOr(Label).XOr(CommandLine)
        select node;

    /// <summary>
    /// The nodes a comment line can become: a <see cref="BatchComment"/>, or, for <c>@::</c>, a
    /// statement whose program starts with "::" (the grammar reads only a line starting with
    /// <c>::</c> as a comment, and keeps the node stream as it is). <see cref="CommentLines.TryRead"/>
    /// then applies the exact comment-line syntax (so <c>REM.</c> and <c>@ REM</c> are not listed).
    /// </summary>
    private static readonly Func<BatchLine, bool> MayBeComment = node =>
        node is BatchComment
        || (node is BatchStatement { EchoSuppressed: true, Command: GenericCommand program } && program.Program.Text.StartsWith("::", StringComparison.Ordinal));

    public static BatchDocument Parse(SourceText text, int maxLineLength = int.MaxValue, ParseDeadline? deadline = null)
    {
        var (nodes, errors, comments) = ParseLines<BatchLine>(text, Line, (span, message) => new BatchErrorLine(span, message), CommentSyntax.Batch, MayBeComment, maxLineLength, deadline);
        return new BatchDocument(nodes, errors, comments);
    }
}

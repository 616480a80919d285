using SmsLint.Parsing.Batch;
using SmsLint.Parsing.Common;
using SmsLint.Text;

namespace SmsLint.Tests.Parsing;

public class BatchGrammarTests
{
    private static BatchDocument Parse(string text) => BatchGrammar.Parse(new SourceText(text));

    private static string Slice(string text, TextSpan span) => text.Substring(span.Start, span.Length);

    /// <summary>Parses one line that must be a statement, and returns it.</summary>
    private static BatchStatement Statement(string text)
    {
        var doc = Parse(text);
        Assert.Empty(doc.Errors);
        return Assert.IsType<BatchStatement>(Assert.Single(doc.Lines));
    }

    private static T Command<T>(string text)
        where T : BatchCommand => Assert.IsType<T>(Statement(text).Command);

    private static void AssertToken(string source, Token token, string text, int start)
    {
        Assert.Equal(text, token.Text);
        Assert.Equal(start, token.Span.Start);
        Assert.Equal(text.Length, token.Span.Length);
        Assert.Equal(text, Slice(source, token.Span));
    }

    // ---- labels and comments --------------------------------------------------------------------

    [Fact]
    public void Label_has_name_without_colon_and_span_to_end_of_line()
    {
        const string text = "  :START  trailing words\r\nnext";
        var label = Assert.IsType<BatchLabel>(Parse(text).Lines[0]);
        AssertToken(text, label.Name, "START", 3);
        Assert.Equal(2, label.Span.Start);
        Assert.Equal(":START  trailing words", Slice(text, label.Span));
    }

    [Fact]
    public void Label_name_stops_at_blank_and_label_delimiters()
    {
        const string text = ":OK_TO_PROCEED        %SMS_LOCAL_DIR%\\MS\\SMS\\CORE\\BIN\\Slownet.exe %0";
        var label = Assert.IsType<BatchLabel>(Assert.Single(Parse(text).Lines));
        AssertToken(text, label.Name, "OK_TO_PROCEED", 1);
        Assert.Equal(new TextSpan(0, text.Length), label.Span);
    }

    [Fact]
    public void Double_colon_line_is_a_comment_not_a_label()
    {
        const string text = ":: not a label\n:real";
        var doc = Parse(text);
        var comment = Assert.IsType<BatchComment>(doc.Lines[0]);
        Assert.True(comment.DoubleColon);
        AssertToken(text, comment.Text, "not a label", 3);
        Assert.Equal(new TextSpan(0, 14), comment.Span);
        Assert.Single(doc.Labels);
        Assert.True(doc.Labels.ContainsKey("REAL"));
    }

    [Theory]
    [InlineData("REM SNET_DOS", 0, "SNET_DOS")]
    [InlineData("rem", 0, "")]
    [InlineData("Rem.dotted", 0, "dotted")]
    [InlineData("@REM quiet remark", 0, "quiet remark")]
    [InlineData("  REM\tTabbed  ", 2, "Tabbed")]
    [InlineData("@ rem spaced", 0, "spaced")]
    public void Rem_lines_are_comments(string text, int spanStart, string body)
    {
        var comment = Assert.IsType<BatchComment>(Assert.Single(Parse(text).Lines));
        Assert.False(comment.DoubleColon);
        Assert.Equal(body, comment.Text.Text);
        Assert.Equal(body, Slice(text, comment.Text.Span));
        Assert.Equal(spanStart, comment.Span.Start);
        Assert.Equal(text.Length, comment.Span.End);
    }

    [Theory]
    [InlineData("REMARK x")]
    [InlineData("rem2 x")]
    public void Rem_prefix_of_a_longer_word_is_a_command(string text)
    {
        var generic = Command<GenericCommand>(text);
        Assert.Equal(text.Split(' ')[0], generic.Program.Text);
    }

    [Fact]
    public void Labels_lookup_is_case_insensitive_and_first_definition_wins()
    {
        const string text = ":End\r\necho x\r\n:END\r\n:\r\n";
        var doc = Parse(text);
        Assert.Empty(doc.Errors);
        Assert.Equal(4, doc.Lines.Count);
        var end = doc.Labels["end"];
        Assert.Same(doc.Lines[0], end);
        Assert.Equal("End", end.Name.Text);
        Assert.Single(doc.Labels);
        Assert.Equal("", Assert.IsType<BatchLabel>(doc.Lines[3]).Name.Text);
    }

    // ---- GOTO -----------------------------------------------------------------------------------

    [Theory]
    [InlineData("GOTO END", "END", false, 5, false)]
    [InlineData("goto :end", "end", true, 6, false)]
    [InlineData("@GoTo End", "End", false, 6, true)]
    [InlineData("goto  end", "end", false, 6, false)]
    [InlineData("goto:eof", "eof", true, 5, false)]
    [InlineData("goto END rest is ignored", "END", false, 5, false)]
    public void Goto_forms(string text, string target, bool hasColon, int targetStart, bool suppressed)
    {
        var statement = Statement(text);
        Assert.Equal(suppressed, statement.EchoSuppressed);
        Assert.Equal(new TextSpan(0, text.Length), statement.Span);
        var go = Assert.IsType<GotoCommand>(statement.Command);
        AssertToken(text, go.Target, target, targetStart);
        Assert.Equal(hasColon, go.HasColon);
        Assert.Equal(suppressed ? 1 : 0, go.Span.Start);
        Assert.Equal(text.Length, go.Span.End);
    }

    // ---- IF -------------------------------------------------------------------------------------

    [Fact]
    public void If_not_errorlevel_goto()
    {
        const string text = "if not errorlevel 1 goto NET_DOS";
        var cmd = Command<IfCommand>(text);
        Assert.True(cmd.Not);
        Assert.False(cmd.IgnoreCase);
        Assert.Equal(IfKind.ErrorLevel, cmd.Kind);
        Assert.Null(cmd.Left);
        AssertToken(text, cmd.Operator!, "errorlevel", 7);
        AssertToken(text, cmd.Right!, "1", 18);
        Assert.Equal(1, cmd.Level);
        var go = Assert.IsType<GotoCommand>(cmd.Then);
        AssertToken(text, go.Target, "NET_DOS", 25);
        Assert.Equal(new TextSpan(20, 12), go.Span);
        Assert.Equal(new TextSpan(0, text.Length), cmd.Span);
    }

    [Fact]
    public void If_exist_with_argument_zero_path_and_its_variable_spans()
    {
        const string text = "if not exist %0\\..\\%SMS_BIN%\\setls%SMS_OS%.exe goto NOPATHARG0";
        var cmd = Command<IfCommand>(text);
        Assert.True(cmd.Not);
        Assert.Equal(IfKind.Exist, cmd.Kind);
        AssertToken(text, cmd.Right!, "%0\\..\\%SMS_BIN%\\setls%SMS_OS%.exe", 13);
        Assert.Null(cmd.Level);
        Assert.Equal("NOPATHARG0", Assert.IsType<GotoCommand>(cmd.Then).Target.Text);

        var vars = cmd.Variables;
        Assert.Equal(["%0", "%SMS_BIN%", "%SMS_OS%"], vars.Select(v => v.Text));
        AssertToken(text, vars[0], "%0", 13);
        AssertToken(text, vars[1], "%SMS_BIN%", 19);
        AssertToken(text, vars[2], "%SMS_OS%", 34);
    }

    [Fact]
    public void If_not_quoted_compare_with_spaces_then_set()
    {
        const string text = "if not \"%OS%\" == \"Windows_NT\" set PATH=%0\\..;%0\\..\\%SMS_BIN%;%PATH%";
        var cmd = Command<IfCommand>(text);
        Assert.True(cmd.Not);
        Assert.Equal(IfKind.Compare, cmd.Kind);
        AssertToken(text, cmd.Left!, "\"%OS%\"", 7);
        AssertToken(text, cmd.Operator!, "==", 14);
        AssertToken(text, cmd.Right!, "\"Windows_NT\"", 17);
        var set = Assert.IsType<SetCommand>(cmd.Then);
        AssertToken(text, set.Name, "PATH", 34);
        AssertToken(text, set.Value, "%0\\..;%0\\..\\%SMS_BIN%;%PATH%", 39);
        Assert.True(set.IsAssignment);
        Assert.Equal(["%OS%", "%0", "%0", "%SMS_BIN%", "%PATH%"], cmd.Variables.Select(v => v.Text));
        Assert.Equal(["%0", "%0", "%SMS_BIN%", "%PATH%"], set.Variables.Select(v => v.Text));
    }

    [Fact]
    public void If_compare_without_spaces_then_call()
    {
        const string text = "if \"%OS%\"==\"Windows_NT\" call smsls";
        var cmd = Command<IfCommand>(text);
        Assert.False(cmd.Not);
        AssertToken(text, cmd.Left!, "\"%OS%\"", 3);
        AssertToken(text, cmd.Operator!, "==", 9);
        AssertToken(text, cmd.Right!, "\"Windows_NT\"", 11);
        var call = Assert.IsType<CallCommand>(cmd.Then);
        AssertToken(text, call.Target, "smsls", 29);
        Assert.Equal("", call.Arguments.Text);
        Assert.Equal(text.Length, call.Arguments.Span.Start);
    }

    [Fact]
    public void Nested_if_is_the_then_of_the_outer_if()
    {
        const string text = "if errorlevel 1 if  \"%OS%\"==\"Windows_NT\" clrlevel";
        var outer = Command<IfCommand>(text);
        Assert.Equal(IfKind.ErrorLevel, outer.Kind);
        Assert.Equal(1, outer.Level);
        var inner = Assert.IsType<IfCommand>(outer.Then);
        Assert.Equal(new TextSpan(16, text.Length - 16), inner.Span);
        Assert.Equal(IfKind.Compare, inner.Kind);
        Assert.False(inner.Not);
        AssertToken(text, inner.Left!, "\"%OS%\"", 20);
        var generic = Assert.IsType<GenericCommand>(inner.Then);
        AssertToken(text, generic.Program, "clrlevel", 41);
        Assert.Equal(new TextSpan(0, text.Length), outer.Span);
    }

    [Fact]
    public void Nested_if_not_with_argument_zero_program()
    {
        const string text = "if errorlevel 1 if not \"%OS%\"==\"Windows_NT\" %0\\..\\clrlevel";
        var inner = Assert.IsType<IfCommand>(Command<IfCommand>(text).Then);
        Assert.True(inner.Not);
        var generic = Assert.IsType<GenericCommand>(inner.Then);
        AssertToken(text, generic.Program, "%0\\..\\clrlevel", 44);
        AssertToken(text, Assert.Single(generic.Variables), "%0", 44);
    }

    [Fact]
    public void If_errorlevel_then_generic_choice()
    {
        const string text = "if errorlevel 2 %0\\..\\choice /T:Y,30 Slow network detected. Continue";
        var cmd = Command<IfCommand>(text);
        Assert.Equal(2, cmd.Level);
        var generic = Assert.IsType<GenericCommand>(cmd.Then);
        AssertToken(text, generic.Program, "%0\\..\\choice", 16);
        AssertToken(text, generic.Arguments, "/T:Y,30 Slow network detected. Continue", 29);
    }

    [Theory]
    [InlineData("if /i \"%x%\" EQU \"y\" echo same", "EQU", true, false)]
    [InlineData("if %a% geq 5 goto big", "geq", false, false)]
    [InlineData("IF NOT %a% NEQ 5 goto x", "NEQ", false, true)]
    [InlineData("if /I not a LSS b goto x", "LSS", true, true)]
    [InlineData("if not /i a LEQ b goto x", "LEQ", true, true)]
    [InlineData("if a GTR b goto x", "GTR", false, false)]
    [InlineData("if/i a==A goto x", "==", true, false)]
    public void If_compare_operators_and_flags(string text, string op, bool ignoreCase, bool not)
    {
        var cmd = Command<IfCommand>(text);
        Assert.Equal(IfKind.Compare, cmd.Kind);
        Assert.Equal(op, cmd.Operator!.Text);
        Assert.Equal(op, Slice(text, cmd.Operator.Span));
        Assert.Equal(ignoreCase, cmd.IgnoreCase);
        Assert.Equal(not, cmd.Not);
    }

    [Theory]
    [InlineData("if %1.==. goto NOARG", "%1.", ".")]
    [InlineData("if [%1]==[] goto NOARG", "[%1]", "[]")]
    [InlineData("if \"%1\"==\"\" goto NOARG", "\"%1\"", "\"\"")]
    [InlineData("if '%1'=='' goto NOARG", "'%1'", "''")]
    [InlineData("if \"a b\"==\"a b\" goto NOARG", "\"a b\"", "\"a b\"")]
    [InlineData("if errorlevel==1 goto NOARG", "errorlevel", "1")]
    public void If_compare_operand_forms(string text, string left, string right)
    {
        var cmd = Command<IfCommand>(text);
        Assert.Equal(IfKind.Compare, cmd.Kind);
        Assert.Equal(left, cmd.Left!.Text);
        Assert.Equal(right, cmd.Right!.Text);
        Assert.Equal("NOARG", Assert.IsType<GotoCommand>(cmd.Then).Target.Text);
    }

    [Fact]
    public void If_defined_and_negative_errorlevel()
    {
        var defined = Command<IfCommand>("if defined SMS_P goto x");
        Assert.Equal(IfKind.Defined, defined.Kind);
        Assert.Equal("SMS_P", defined.Right!.Text);

        var negative = Command<IfCommand>("if errorlevel -1 goto x");
        Assert.Equal(-1, negative.Level);
    }

    [Fact]
    public void If_exist_with_quoted_path_holding_spaces()
    {
        const string text = "if exist \"C:\\Program Files\\x.exe\" goto y";
        var cmd = Command<IfCommand>(text);
        AssertToken(text, cmd.Right!, "\"C:\\Program Files\\x.exe\"", 9);
        Assert.Equal("y", Assert.IsType<GotoCommand>(cmd.Then).Target.Text);
    }

    // ---- CALL, SET, ECHO, generic -----------------------------------------------------------------

    [Theory]
    [InlineData("call %0\\..\\smsls", "%0\\..\\smsls", "")]
    [InlineData("CALL %0\\..\\SMSLS", "%0\\..\\SMSLS", "")]
    [InlineData("call command /e:2048 /c %0\\..\\smsls.bat", "command", "/e:2048 /c %0\\..\\smsls.bat")]
    [InlineData("call :sub a b  ", ":sub", "a b")]
    [InlineData("call:sub", ":sub", "")]
    [InlineData("call \"C:\\Program Files\\x.bat\" /q", "\"C:\\Program Files\\x.bat\"", "/q")]
    public void Call_forms(string text, string target, string arguments)
    {
        var call = Command<CallCommand>(text);
        Assert.Equal(target, call.Target.Text);
        Assert.Equal(target, Slice(text, call.Target.Span));
        Assert.Equal(arguments, call.Arguments.Text);
        Assert.Equal(arguments, Slice(text, call.Arguments.Span));
    }

    [Fact]
    public void Set_assignment_spans()
    {
        const string text = "set SMS_P=%PATH%";
        var set = Command<SetCommand>(text);
        AssertToken(text, set.Name, "SMS_P", 4);
        AssertToken(text, set.Value, "%PATH%", 10);
        Assert.True(set.IsAssignment);
        Assert.Null(set.Switch);
        AssertToken(text, Assert.Single(set.Variables), "%PATH%", 10);
    }

    [Fact]
    public void Set_with_empty_value_clears_the_variable()
    {
        const string text = "set SMS_OS=";
        var set = Command<SetCommand>(text);
        AssertToken(text, set.Name, "SMS_OS", 4);
        Assert.Equal("", set.Value.Text);
        Assert.Equal(new TextSpan(11, 0), set.Value.Span);
        Assert.True(set.IsAssignment);
    }

    [Fact]
    public void Set_keeps_blanks_around_the_name_and_value_as_cmd_does()
    {
        const string text = "set A = b ";
        var set = Command<SetCommand>(text);
        AssertToken(text, set.Name, "A ", 4);
        AssertToken(text, set.Value, " b ", 7);
    }

    [Fact]
    public void Set_alone_and_without_equals_list_variables()
    {
        var all = Command<SetCommand>("set");
        Assert.Equal("", all.Name.Text);
        Assert.Equal(new TextSpan(3, 0), all.Name.Span);
        Assert.False(all.IsAssignment);

        const string text = "SET PATH";
        var some = Command<SetCommand>(text);
        AssertToken(text, some.Name, "PATH", 4);
        Assert.Equal("", some.Value.Text);
        Assert.False(some.IsAssignment);
    }

    [Fact]
    public void Set_switch_and_quoted_form()
    {
        const string arithmetic = "SET /A X+=1";
        var a = Command<SetCommand>(arithmetic);
        AssertToken(arithmetic, a.Switch!, "/A", 4);
        AssertToken(arithmetic, a.Name, "X", 7);
        AssertToken(arithmetic, a.Value, "1", 10);

        const string quoted = "set \"SMS_TEMP=C:\\a b\" ignored";
        var q = Command<SetCommand>(quoted);
        AssertToken(quoted, q.Name, "SMS_TEMP", 5);
        AssertToken(quoted, q.Value, "C:\\a b", 14);
    }

    [Theory]
    [InlineData("@echo off", true, "off", 6, true)]
    [InlineData("echo off", true, "off", 5, false)]
    [InlineData("ECHO ON", false, "ON", 5, false)]
    [InlineData("echo", null, "", 4, false)]
    [InlineData("echo.", null, "", 5, false)]
    [InlineData("echo.off", null, "off", 5, false)]
    [InlineData("echo Slow network", null, "Slow network", 5, false)]
    [InlineData("echo   indented", null, "  indented", 5, false)]
    [InlineData("echo:text", null, "text", 5, false)]
    public void Echo_forms(string text, bool? off, string body, int bodyStart, bool suppressed)
    {
        var statement = Statement(text);
        Assert.Equal(suppressed, statement.EchoSuppressed);
        var echo = Assert.IsType<EchoCommand>(statement.Command);
        Assert.Equal(off, echo.TurnsEchoOff);
        AssertToken(text, echo.Text, body, bodyStart);
        Assert.Equal(text.Length, echo.Span.End);
    }

    [Fact]
    public void Echo_keeps_windows_1252_characters()
    {
        const string text = "echo Réseau lent détecté: 5 € «ok»\r\n";
        var echo = Command<EchoCommand>(text);
        AssertToken(text, echo.Text, "Réseau lent détecté: 5 € «ok»", 5);
    }

    [Theory]
    [InlineData("%0\\..\\netspeed", "%0\\..\\netspeed", "")]
    [InlineData("%0\\..\\check20 /v", "%0\\..\\check20", "/v")]
    [InlineData("PATH=%SMS_P%", "PATH", "%SMS_P%")]
    [InlineData("environment", "environment", "")]
    [InlineData("   pa:%SMS_VERBOSE% %SMS_VERBOSE%", "pa:%SMS_VERBOSE%", "%SMS_VERBOSE%")]
    [InlineData("\"C:\\Program Files\\x.exe\" -a", "\"C:\\Program Files\\x.exe\"", "-a")]
    [InlineData("...", "...", "")]
    [InlineData("=weird", "=weird", "")]
    [InlineData("ifx y", "ifx", "y")]
    [InlineData("gotoend", "gotoend", "")]
    [InlineData("echoes x", "echoes", "x")]
    [InlineData(") else (", ")", "else (")]
    public void Generic_commands(string text, string program, string arguments)
    {
        var generic = Command<GenericCommand>(text);
        Assert.Equal(program, generic.Program.Text);
        Assert.Equal(program, Slice(text, generic.Program.Span));
        Assert.Equal(arguments, generic.Arguments.Text);
        Assert.Equal(arguments, Slice(text, generic.Arguments.Span));
        Assert.Equal(text.Length, generic.Span.End);
    }

    [Fact]
    public void Setls_line_variables_skip_escaped_percents()
    {
        const string text = "setls%SMS_OS% -m:E -i -p:%SMS_BIN%\\CLI_DOS.EXE -pa:/p:%%SMS_UNC%%\\ -";
        var generic = Command<GenericCommand>(text);
        AssertToken(text, generic.Program, "setls%SMS_OS%", 0);
        AssertToken(text, generic.Arguments, "-m:E -i -p:%SMS_BIN%\\CLI_DOS.EXE -pa:/p:%%SMS_UNC%%\\ -", 14);
        var vars = generic.Variables;
        Assert.Equal(2, vars.Count);
        AssertToken(text, vars[0], "%SMS_OS%", 5);
        AssertToken(text, vars[1], "%SMS_BIN%", 25);
    }

    [Fact]
    public void Loop_and_positional_variables()
    {
        const string text = "for %%f in (%~dp0*.bat) do echo %%f %* %%~nxf 50% done";
        var generic = Command<GenericCommand>(text);
        var vars = generic.Variables;
        Assert.Equal(["%%f", "%~dp0", "%%f", "%*", "%%~nxf"], vars.Select(v => v.Text));
        AssertToken(text, vars[0], "%%f", 4);
        AssertToken(text, vars[1], "%~dp0", 12);
        AssertToken(text, vars[2], "%%f", 32);
        AssertToken(text, vars[3], "%*", 36);
        AssertToken(text, vars[4], "%%~nxf", 39);
    }

    [Fact]
    public void Substring_reference_is_one_variable()
    {
        const string text = "echo %DATE:~0,3% and %A:x=y%";
        var echo = Command<EchoCommand>(text);
        Assert.Equal(["%DATE:~0,3%", "%A:x=y%"], echo.Variables.Select(v => v.Text));
        Assert.Equal(5, echo.Variables[0].Span.Start);
    }

    // ---- line structure -------------------------------------------------------------------------

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Line_endings_give_the_same_nodes_at_shifted_offsets(string newline)
    {
        var text = string.Join(newline, ":START", "", "   ", "goto END", "echo x") + newline;
        var doc = Parse(text);
        Assert.Empty(doc.Errors);
        Assert.Equal(3, doc.Lines.Count);
        var label = Assert.IsType<BatchLabel>(doc.Lines[0]);
        Assert.Equal(new TextSpan(0, 6), label.Span);
        var go = Assert.IsType<GotoCommand>(Assert.IsType<BatchStatement>(doc.Lines[1]).Command);
        var gotoStart = 6 + newline.Length + newline.Length + 3 + newline.Length;
        Assert.Equal(new TextSpan(gotoStart, 8), go.Span);
        AssertToken(text, go.Target, "END", gotoStart + 5);
        var echo = Assert.IsType<EchoCommand>(Assert.IsType<BatchStatement>(doc.Lines[2]).Command);
        AssertToken(text, echo.Text, "x", gotoStart + 8 + newline.Length + 5);
    }

    [Fact]
    public void Last_line_without_newline_parses()
    {
        const string text = "@echo off\r\ngoto END";
        var doc = Parse(text);
        Assert.Empty(doc.Errors);
        var go = Assert.IsType<GotoCommand>(doc.Statements.Last().Command);
        AssertToken(text, go.Target, "END", 16);
        Assert.Equal(text.Length, go.Span.End);
    }

    [Fact]
    public void Tabs_separate_words()
    {
        const string text = "\tif\terrorlevel\t1\tgoto\tEND\t";
        var statement = Statement(text);
        Assert.Equal(new TextSpan(1, text.Length - 1), statement.Span);
        var cmd = Assert.IsType<IfCommand>(statement.Command);
        AssertToken(text, cmd.Right!, "1", 15);
        AssertToken(text, Assert.IsType<GotoCommand>(cmd.Then).Target, "END", 22);
    }

    [Fact]
    public void Blank_lines_lone_at_and_ctrl_z_produce_no_nodes()
    {
        var doc = Parse("\r\n   \r\n\t\r\n@\r\n\x1A");
        Assert.Empty(doc.Errors);
        Assert.Empty(doc.Lines);
    }

    [Fact]
    public void Statements_skip_comments_and_labels()
    {
        var doc = Parse("@echo off\nREM x\n:A\ngoto A\n");
        Assert.Equal(4, doc.Lines.Count);
        Assert.Equal([typeof(EchoCommand), typeof(GotoCommand)], doc.Statements.Select(s => s.Command.GetType()));
    }

    // ---- errors ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("goto", 0, 4, "label")]
    [InlineData("GOTO   ", 0, 7, "label")]
    [InlineData("goto :", 0, 6, "label")]
    [InlineData("@goto", 0, 5, "label")]
    [InlineData("if", 0, 2, "condition")]
    [InlineData("if not", 0, 6, "condition")]
    [InlineData("if /i", 0, 5, "condition")]
    [InlineData("if exist", 0, 8, "path")]
    [InlineData("if not exist   ", 0, 15, "path")]
    [InlineData("if errorlevel", 0, 13, "number")]
    [InlineData("if errorlevel x goto y", 14, 8, "number")]
    [InlineData("if errorlevel 1x goto y", 14, 9, "number")]
    [InlineData("if defined", 0, 10, "variable name")]
    [InlineData("if \"a\"==\"b\"", 0, 11, "command")]
    [InlineData("if exist x.exe", 0, 14, "command")]
    [InlineData("if errorlevel 1 ", 0, 16, "command")]
    [InlineData("if errorlevel 1 if", 0, 18, "condition")]
    [InlineData("if a=b echo x", 4, 9, "comparison operator")]
    [InlineData("if a echo x", 5, 6, "comparison operator")]
    [InlineData("if a== ", 0, 7, "value")]
    [InlineData("if \"%OS%==\"x\" y", 12, 3, "unterminated quote")]
    [InlineData("if \"%OS%\"==\"Windows_NT call x", 11, 18, "unterminated quote")]
    [InlineData("if exist \"C:\\x goto y", 9, 12, "unterminated quote")]
    [InlineData("call", 0, 4, "target")]
    [InlineData("CALL  ", 0, 6, "target")]
    public void Error_lines(string text, int start, int length, string messagePart)
    {
        var doc = Parse(text);
        var error = Assert.Single(doc.Errors);
        var line = Assert.IsType<BatchErrorLine>(Assert.Single(doc.Lines));
        Assert.Equal(new TextSpan(start, length), error.Span);
        Assert.Equal(error.Span, line.Span);
        Assert.Equal(error.Message, line.Message);
        Assert.Contains(messagePart, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Bad_line_in_the_middle_does_not_stop_the_next_line()
    {
        const string text = "echo a\r\nif errorlevel one goto x\r\ngoto END\r\n";
        var doc = Parse(text);
        Assert.Equal(3, doc.Lines.Count);
        var error = Assert.Single(doc.Errors);
        Assert.Equal(new TextSpan(22, 10), error.Span);
        Assert.Equal("one goto x", Slice(text, error.Span));
        Assert.Equal("expected a number after ERRORLEVEL, found 'o'", error.Message);
        Assert.IsType<BatchErrorLine>(doc.Lines[1]);
        var go = Assert.IsType<GotoCommand>(Assert.IsType<BatchStatement>(doc.Lines[2]).Command);
        AssertToken(text, go.Target, "END", 39);
    }

    [Fact]
    public void Unterminated_quote_error_points_at_the_quote()
    {
        const string text = "echo ok\nif \"%OS%==\"x\" y\necho after\n";
        var doc = Parse(text);
        var error = Assert.Single(doc.Errors);
        Assert.Equal(20, error.Span.Start);
        Assert.Equal("\" y", Slice(text, error.Span));
        Assert.IsType<EchoCommand>(doc.Statements.Last().Command);
    }

    [Fact]
    public void Over_long_line_is_an_error_when_a_limit_is_given()
    {
        var doc = BatchGrammar.Parse(new SourceText("echo short\n" + new string('x', 50) + "\necho after"), maxLineLength: 20);
        var error = Assert.Single(doc.Errors);
        Assert.Equal(new TextSpan(11, 50), error.Span);
        Assert.Equal(3, doc.Lines.Count);
        Assert.IsType<BatchErrorLine>(doc.Lines[1]);
    }

    // ---- verbatim excerpts (sms-domain.md §1.3) -------------------------------------------------

    public static TheoryData<string, string> Excerpts => new()
    {
        {
            "Q121387 slow network",
            """
            REM SNET_DOS
            %0\..\netspeed
            if not errorlevel 1 goto NET_DOS
            if not errorlevel 2 goto END
            if errorlevel 2 %0\..\choice /T:Y,30 Slow network detected. Continue
            if not errorlevel 2 goto NET_DOS
            goto END
            """
        },
        {
            "Q157681",
            """
            :START
            REM Check to see if we can save path and reserve the necessary
            environment
            REM space before continuing.
            set SMS_P=%PATH%
            ...
            :RUN_DOS
            if not exist %0\..\%SMS_BIN%\setls%SMS_OS%.exe goto NOPATHARG0
            setls%SMS_OS% -m:E -i -p:%SMS_BIN%\CLI_DOS.EXE -pa:/p:%%SMS_UNC%%\ -
               pa:%SMS_VERBOSE% %SMS_VERBOSE%
            ...
            :RESTORE
            REM Restore the previous path setting.
            ...
            :END
            set SMS_OS=
            set SMS_BIN=
            set SMS_VERBOSE=
            """
        },
        {
            "other verbatim lines",
            """
            :RUN_FROM
            if not "%OS%" == "Windows_NT" set PATH=%0\..;%0\..\%SMS_BIN%;%PATH%
            :RESTORE
            PATH=%SMS_P%
            if errorlevel 1 if  "%OS%"=="Windows_NT" clrlevel
            if errorlevel 1 if not "%OS%"=="Windows_NT" %0\..\clrlevel
            """
        },
        {
            "Q199987",
            """
            REM call checkver to verify this is a supported OS for 2.0
            %0\..\checkver
            if errorlevel 1 goto RUN_DOS_2
            REM call to check20 to check if this is a 2.0 client
            %0\..\check20
            if errorlevel 1 goto RUN_DOS_2
            REM This is an SMS 2.0 Client skip processing
            goto RESTORE
            :RUN_DOS_2
            """
        },
        {
            "after :RUN_NT",
            """
            :RUN_NT
            %0\..\check20 /v
            if errorlevel 1 goto RUN_NT_2
            goto RESTORE
            :RUN_NT_2
            %0\..\check20 /i
            """
        },
        {
            "Q121388 SMS 1.0",
            """
            REM Microsoft Systems Management Server (start)
            REM SMS Build <xxx>
            if "%OS%" == "Windows_NT" call smsls
            if "%OS%" == "" call %0\..\smsls
            REM Microsoft Systems Management Server (end)
            """
        },
        {
            "Q121388 SMS 1.1",
            """
            REM Microsoft Systems Management Server (start)
            REM SMS Build 692
            call %0\..\smsls
            REM Microsoft Systems Management Server (end)
            """
        },
        {
            "Q138348 and Q130422 calls",
            """
            CALL %0\..\SMSLS
            call command /e:2048 /c %0\..\smsls.bat
            """
        },
        {
            "Q224388 labels",
            """
            :OK_TO_PROCEED        %SMS_LOCAL_DIR%\MS\SMS\CORE\BIN\Slownet.exe %0
            :SLOWNETUSER          %SMS_LOCAL_DIR_USER%\MS\SMS\CORE\BIN\Slownet.exe %0
            :SLOWNETTEMP          %TEMP%\Slownet.exe %0
            :SLOWNETSERVER        %0\..\SNBOOT.exe
            """
        },
        {
            "Q199237, Q237543",
            """
            if exist c:\KeepIt12.txt goto end
            GOTO END
            """
        },
    };

    [Theory]
    [MemberData(nameof(Excerpts))]
    public void Verbatim_kb_excerpts_parse_without_errors(string source, string excerpt)
    {
        foreach (var newline in new[] { "\r\n", "\n" })
        {
            var text = excerpt.ReplaceLineEndings(newline);
            var doc = Parse(text);
            Assert.True(doc.Errors.Count == 0, $"{source}: {string.Join("; ", doc.Errors)}");
            Assert.DoesNotContain(doc.Lines, l => l is BatchErrorLine);
            Assert.Equal(text.Split(newline).Count(l => l.Trim().Length > 0), doc.Lines.Count);
        }
    }

    [Fact]
    public void Q157681_excerpt_structure()
    {
        var excerpt = Assert.IsType<string>(Excerpts.Single(row => (string)row[0] == "Q157681")[1]).ReplaceLineEndings("\r\n");
        var doc = Parse(excerpt);
        Assert.Equal(["START", "RUN_DOS", "RESTORE", "END"], doc.Labels.Keys);
        var statements = doc.Statements.ToList();
        Assert.Equal("environment", Assert.IsType<GenericCommand>(statements[0].Command).Program.Text);
        var wrapped = Assert.IsType<GenericCommand>(statements.Single(s => s.Command is GenericCommand g && g.Program.Text.StartsWith("pa:")).Command);
        Assert.Equal(["%SMS_VERBOSE%", "%SMS_VERBOSE%"], wrapped.Variables.Select(v => v.Text));
        var clears = statements.Select(s => s.Command).OfType<SetCommand>().Where(s => s.Value.Text.Length == 0).Select(s => s.Name.Text);
        Assert.Equal(["SMS_OS", "SMS_BIN", "SMS_VERBOSE"], clears);
    }

    // ---- robustness -----------------------------------------------------------------------------

    [Fact]
    public void Hundred_thousand_character_line_is_one_generic_command()
    {
        var arguments = string.Concat(Enumerable.Repeat("%A% b \"c d\" ", 100_000 / 12 + 1))[..(100_000 - 8)];
        var text = "program " + arguments;
        Assert.Equal(100_000, text.Length);
        var generic = Command<GenericCommand>(text);
        Assert.Equal("program", generic.Program.Text);
        Assert.Equal(new TextSpan(0, 100_000), generic.Span);
        Assert.Equal(8, generic.Arguments.Span.Start);
        Assert.True(generic.Variables.Count > 8000);
    }

    [Fact]
    public void Hundred_thousand_character_if_line_parses()
    {
        var text = "if \"" + new string('x', 99_980) + "\"==\"y\" goto END";
        var cmd = Command<IfCommand>(text);
        Assert.Equal(99_982, cmd.Left!.Span.Length);
        Assert.Equal("END", Assert.IsType<GotoCommand>(cmd.Then).Target.Text);
    }

    [Fact]
    public void If_nesting_is_limited_and_deep_lines_do_not_exhaust_the_stack()
    {
        var limit = string.Concat(Enumerable.Repeat("if a==a ", 32)) + "goto END";
        var depth = 0;
        BatchCommand command = Command<IfCommand>(limit);
        while (command is IfCommand nested)
        {
            depth++;
            command = nested.Then;
        }

        Assert.Equal(32, depth);
        Assert.Equal("END", Assert.IsType<GotoCommand>(command).Target.Text);

        var over = string.Concat(Enumerable.Repeat("if a==a ", 33)) + "goto END";
        var error = Assert.Single(Parse(over).Errors);
        Assert.Equal(32 * 8, error.Span.Start);
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);

        var huge = string.Concat(Enumerable.Repeat("if a==a ", 12_500)) + "goto END";
        Assert.Single(Parse(huge).Errors);
    }

    [Fact]
    public void ToString_shows_the_fields_not_the_computed_lists()
    {
        var text = Command<GotoCommand>("goto END").ToString();
        Assert.Equal("GotoCommand { Span = [0..8), Target = END, HasColon = False }", text);
    }

    [Fact]
    public void Random_junk_never_throws_and_every_node_stays_inside_its_line()
    {
        const string alphabet = "ifIF goto GOTO call set echo rem REM exist errorlevel not /i == EQU :@%\"'=,;\t.\\/()[]<>|&^~*0123456789abcXYZé€\x1A";
        var random = new Random(12345);
        for (var round = 0; round < 300; round++)
        {
            var builder = new System.Text.StringBuilder();
            var lines = random.Next(1, 30);
            for (var l = 0; l < lines; l++)
            {
                var length = random.Next(0, 60);
                for (var c = 0; c < length; c++)
                {
                    builder.Append(random.Next(8) == 0 ? (char)random.Next(1, 0xFFFF) : alphabet[random.Next(alphabet.Length)]);
                }

                builder.Append(random.Next(3) switch { 0 => "\r\n", 1 => "\n", _ => "\r" });
            }

            var text = builder.ToString().Replace('\r', random.Next(2) == 0 ? '\r' : ' ');
            var source = new SourceText(text);
            var doc = BatchGrammar.Parse(source);
            Assert.Equal(doc.Errors.Count, doc.Lines.Count(l => l is BatchErrorLine));

            // Grammar.ParseLines turns an exception into an error line; none may get there.
            Assert.All(doc.Errors, e => Assert.True(
                e.Message.StartsWith("expected ", StringComparison.Ordinal)
                    || e.Message.StartsWith("unterminated quote", StringComparison.Ordinal)
                    || e.Message.StartsWith("IF commands are nested", StringComparison.Ordinal),
                e.Message));
            foreach (var node in doc.Lines)
            {
                var lineSpan = source.GetLineSpan(source.GetLineNumber(node.Span.Start));
                Assert.True(lineSpan.Contains(node.Span), $"{node} outside {lineSpan} in {text}");
                if (node is BatchStatement statement)
                {
                    Assert.True(statement.Span.Contains(statement.Command.Span));
                    foreach (var token in statement.Command.Tokens.Concat(statement.Command.Variables))
                    {
                        Assert.True(statement.Span.Contains(token.Span), $"{token.Text} outside {statement.Span}");
                        Assert.Equal(token.Text, source.Slice(token.Span));
                    }
                }
            }
        }
    }
}

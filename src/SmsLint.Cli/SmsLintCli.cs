using System.CommandLine;
using SmsLint.Cli.Commands;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Rules;

namespace SmsLint.Cli;

/// <summary>The command-line surface (contract §3), built on System.CommandLine 3.</summary>
public static class SmsLintCli
{
    public static readonly string[] Formats = ["text", "sarif", "json", "github", "junit"];

    public static RootCommand Build()
    {
        var root = new RootCommand("SmsLint: static analysis of captured SMS 1.2 and 2.0 share snapshots.");
        root.Subcommands.Add(ScanCommand());
        root.Subcommands.Add(RulesCommand());
        root.Subcommands.Add(ExplainCommand());
        return root;
    }

    /// <summary>Parses and runs; parse errors go to <paramref name="stderr"/> with exit code 2.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"smslint: {error.Message}");
            }

            stderr.WriteLine("Run 'smslint --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stderr.WriteLine($"smslint: internal error: {ex}");
            return ExitCodes.InternalError;
        }
    }

    private static Command ScanCommand()
    {
        var snapshot = new Argument<string>("snapshot") { Description = "The snapshot folder (one folder per machine, one per share)." };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file (atomically) instead of standard output." };
        var failLevel = new Option<string>("--fail-level") { Description = "Exit with 1 when a finding is at or above this level.", DefaultValueFactory = _ => "error" };
        failLevel.AcceptOnlyFromAmong("error", "warning", "note", "none");
        var select = new Option<string[]>("--select") { Description = "Run only these rule ids (comma or space separated).", AllowMultipleArgumentsPerToken = true };
        var ignore = new Option<string[]>("--ignore") { Description = "Do not run these rule ids.", AllowMultipleArgumentsPerToken = true };
        var threads = new Option<int?>("--threads") { Description = "Degree of parallelism for reading and parsing (output does not depend on it)." };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > 256)
            {
                r.AddError("--threads must be between 1 and 256.");
            }
        });

        var command = new Command("scan", "Scan a snapshot and report findings.") { snapshot, format, output, failLevel, select, ignore, threads };
        command.SetAction(parse =>
        {
            LevelNames.TryParse(parse.GetValue(failLevel), out var level);
            var request = new ScanRequest(
                parse.GetValue(snapshot)!,
                parse.GetValue(format)!,
                parse.GetValue(output),
                level,
                SplitIds(parse.GetValue(select)),
                SplitIds(parse.GetValue(ignore)),
                parse.GetValue(threads));
            return ScanRunner.Run(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    private static Command RulesCommand()
    {
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var command = new Command("rules", "List every rule with its level, tags and KB references.") { format };
        command.SetAction(parse =>
        {
            var text = parse.GetValue(format) switch
            {
                "markdown" => RulesCatalogue.Markdown(),
                "json" => RulesCatalogue.Json(),
                _ => RulesCatalogue.Text(),
            };
            parse.InvocationConfiguration.Output.Write(text);
            return ExitCodes.Clean;
        });
        return command;
    }

    private static Command ExplainCommand()
    {
        var id = new Argument<string>("rule-id") { Description = "A rule id such as SMS3001." };
        var command = new Command("explain", "Print one rule's documentation.") { id };
        command.SetAction(parse =>
        {
            var ruleId = parse.GetValue(id)!.Trim();
            var rule = BuiltInRules.Find(ruleId);
            if (rule is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"smslint: unknown rule id '{ruleId}' (see 'smslint rules').");
                return ExitCodes.UsageError;
            }

            var page = RuleDocs.Markdown(rule.Descriptor.Id);
            parse.InvocationConfiguration.Output.Write(page ?? $"{rule.Descriptor.Id}: {rule.Descriptor.Title}.\n");
            return ExitCodes.Clean;
        });
        return command;
    }

    private static List<string> SplitIds(string[]? values) =>
        values is null ? [] : [.. values.SelectMany(v => v.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}

using System.CommandLine;
using SmsLint.Cli.Commands;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Rules;
using SmsLint.Writers.Sarif;

namespace SmsLint.Cli;

/// <summary>The command-line surface (contract §3), built on System.CommandLine 3.</summary>
public static class SmsLintCli
{
    public static readonly string[] Formats = ["text", "sarif", "json", "github", "junit"];

    public static RootCommand Build(CancellationToken cancellation = default)
    {
        var root = new RootCommand("SmsLint: static analysis of captured SMS 1.2 and 2.0 share snapshots.");
        root.Subcommands.Add(ScanCommand(cancellation));
        root.Subcommands.Add(BaselineCommand(cancellation));
        root.Subcommands.Add(FixCommand(cancellation));
        root.Subcommands.Add(RulesCommand());
        root.Subcommands.Add(ExplainCommand());
        return root;
    }

    /// <summary>Parses and runs; parse errors go to <paramref name="stderr"/> with exit code 2.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default)
    {
        // "smslint scan --version" asks the same as "smslint --version"; System.CommandLine only
        // knows the option on the root command and would take it for the snapshot's name. Both
        // print SmsLint's own version (System.CommandLine's is the entry assembly's).
        if (args.TakeWhile(a => a != "--").Contains("--version", StringComparer.Ordinal))
        {
            stdout.WriteLine(Version);
            return ExitCodes.Clean;
        }

        var parse = Build(cancellation).Parse(args);
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

    /// <summary>What <c>--version</c> prints: the informational version, as System.CommandLine prints it.</summary>
    public static string Version { get; } =
        typeof(SmsLintCli).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? Linter.ToolVersion;

    /// <summary>Options shared by scan, baseline and fix: what to scan and with which rules.</summary>
    private sealed class CommonOptions
    {
        public CommonOptions()
        {
            // Parsed by hand: the default conversion throws on a value that is not an int.
            Threads.CustomParser = r =>
            {
                var token = r.Tokens.Count > 0 ? r.Tokens[^1].Value : string.Empty;
                if (int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 256)
                {
                    return n;
                }

                r.AddError($"--threads must be a whole number between 1 and 256, not '{IO.SafeFile.Excerpt(token)}'.");
                return null;
            };
        }

        public Argument<string> Snapshot { get; } = new("snapshot") { Description = "The snapshot: a folder with one folder per machine and one per share below it, or a .zip of such a folder (read in place, never extracted)." };

        public Option<string?> Config { get; } = new("--config", "-c") { Description = "Configuration file (default: smslint.yml or smslint.yaml at the snapshot root, if present)." };

        public Option<string[]> Select { get; } = new("--select") { Description = "Run only these rule ids (comma or space separated; replaces rules.select of the configuration).", AllowMultipleArgumentsPerToken = true };

        public Option<string[]> Ignore { get; } = new("--ignore") { Description = "Do not run these rule ids (added to rules.ignore of the configuration).", AllowMultipleArgumentsPerToken = true };

        public Option<int?> Threads { get; } = new("--threads") { Description = "Degree of parallelism for reading and parsing (output does not depend on it)." };

        public Option<bool> NoInline { get; } = new("--no-inline-suppressions") { Description = "smslint-disable comments in the scanned files suppress nothing; each is reported (SMS0007)." };

        public void AddTo(Command command)
        {
            command.Arguments.Add(Snapshot);
            command.Options.Add(Config);
            command.Options.Add(Select);
            command.Options.Add(Ignore);
            command.Options.Add(Threads);
            command.Options.Add(NoInline);
        }

        public ScanRequest Request(ParseResult parse, string format, string? output, Level failLevel) =>
            new(
                parse.GetValue(Snapshot)!,
                format,
                output,
                failLevel,
                SplitIds(parse.GetValue(Select)),
                SplitIds(parse.GetValue(Ignore)),
                parse.GetValue(Threads))
            {
                Config = parse.GetValue(Config),
                NoInlineSuppressions = parse.GetValue(NoInline),
            };
    }

    private static Command ScanCommand(CancellationToken cancellation)
    {
        var common = new CommonOptions();
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file (atomically) instead of standard output." };
        var failLevel = new Option<string>("--fail-level") { Description = "Exit with 1 when a finding is at or above this level (with --baseline: a new finding).", DefaultValueFactory = _ => "error" };
        failLevel.AcceptOnlyFromAmong("error", "warning", "note", "none");
        var catalogFile = new Option<string?>("--catalog") { Description = "Use this SMS catalog (JSON, see src/SmsLint.Analysis/Catalog/sms-catalog.schema.json) instead of the embedded one; overrides the configuration's catalog." };
        var baseline = new Option<string?>("--baseline") { Description = "An earlier SmsLint SARIF log (see 'smslint baseline'): results get a baselineState and only new findings fail the gate." };
        var profile = new Option<string>("--sarif-profile") { Description = "ide keeps every result, suppressed ones with their justification; github leaves out suppressed and baseline-absent results (GitHub ignores suppressions and has no baselines); azure-devops is github's with the Azure DevOps form of automationDetails.", DefaultValueFactory = _ => "ide" };
        profile.AcceptOnlyFromAmong("ide", "github", "azure-devops");
        var srcRoot = new Option<bool>("--srcroot") { Description = "Write originalUriBaseIds[%SRCROOT%] as the snapshot's absolute file URI, so IDE SARIF viewers open the files." };
        var prefix = new Option<string?>("--github-path-prefix") { Description = "The snapshot's folder in the repository: prefixed to the paths of --format github annotations and of --sarif-profile github logs." };
        var category = new Option<string>("--category") { Description = "Analysis category (SARIF automationDetails); keep it stable between runs.", DefaultValueFactory = _ => "smslint" };
        var summary = new Option<string?>("--summary") { Description = "Append a Markdown summary (counts by rule and level, top findings) to this file, e.g. $GITHUB_STEP_SUMMARY." };
        var showSuppressed = new Option<bool>("--show-suppressed") { Description = "List suppressed findings in the text output too, marked with their reason." };

        var command = new Command("scan", "Scan a snapshot and report findings.");
        common.AddTo(command);
        foreach (var option in new Option[] { format, output, failLevel, catalogFile, baseline, profile, srcRoot, prefix, category, summary, showSuppressed })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            LevelNames.TryParse(parse.GetValue(failLevel), out var level);
            var request = common.Request(parse, parse.GetValue(format)!, parse.GetValue(output), level) with
            {
                Baseline = parse.GetValue(baseline),
                Catalog = parse.GetValue(catalogFile),
                SarifProfile = parse.GetValue(profile) switch { "github" => SarifProfile.Github, "azure-devops" => SarifProfile.AzureDevOps, _ => SarifProfile.Ide },
                SrcRoot = parse.GetValue(srcRoot),
                GithubPathPrefix = parse.GetValue(prefix),
                Category = parse.GetValue(category)!,
                Summary = parse.GetValue(summary),
                ShowSuppressed = parse.GetValue(showSuppressed),
            };
            return ScanRunner.Run(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellation);
        });
        return command;
    }

    private static Command BaselineCommand(CancellationToken cancellation)
    {
        var common = new CommonOptions();
        var output = new Option<string>("--output", "-o") { Description = "The baseline file to write (SARIF, atomically).", Required = true };
        var command = new Command("baseline", "Scan a snapshot and write its unsuppressed findings as a baseline for 'scan --baseline'.");
        common.AddTo(command);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var request = common.Request(parse, "sarif", parse.GetValue(output), Level.None);
            return BaselineRunner.Run(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellation);
        });
        return command;
    }

    private static Command FixCommand(CancellationToken cancellation)
    {
        var common = new CommonOptions();
        var output = new Option<string?>("--output", "-o") { Description = "Write the fixed snapshot to this new (or empty) folder; the snapshot itself is not touched." };
        var inPlace = new Option<bool>("--in-place") { Description = "Rewrite the snapshot's own files instead of a copy." };
        var command = new Command("fix", "Apply the safe fixes of the findings to a copy of the snapshot (or in place with --in-place).");
        common.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(inPlace);
        command.SetAction(parse =>
        {
            var request = new FixRequest(common.Request(parse, "text", null, Level.None), parse.GetValue(output), parse.GetValue(inPlace));
            return FixRunner.Run(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellation);
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

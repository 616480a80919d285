using System.CommandLine;
using SmsLint.Cli.Commands;
using SmsLint.Cli.Terminal;
using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Rules;
using SmsLint.Writers.Sarif;

namespace SmsLint.Cli;

/// <summary>The command-line surface (contract §3), built on System.CommandLine 3.</summary>
public static class SmsLintCli
{
    public static readonly string[] Formats = ["text", "sarif", "json", "github", "junit", "html"];

    public static RootCommand Build(CancellationToken cancellation = default) => Build(TerminalInfo.None, cancellation);

    public static RootCommand Build(TerminalInfo terminal, CancellationToken cancellation = default)
    {
        var root = new RootCommand("SmsLint: static analysis of captured SMS 1.2 and 2.0 share snapshots.");
        root.Subcommands.Add(CaptureCommand(cancellation));
        root.Subcommands.Add(ScanCommand(terminal, cancellation));
        root.Subcommands.Add(BaselineCommand(cancellation));
        root.Subcommands.Add(FixCommand(cancellation));
        root.Subcommands.Add(PlanCommand(cancellation));
        root.Subcommands.Add(RulesCommand());
        root.Subcommands.Add(ExplainCommand());
        root.Subcommands.Add(CompletionsCommand());
        return root;
    }

    /// <summary>Parses and runs; parse errors go to <paramref name="stderr"/> with exit code 2.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellation = default) =>
        Run(args, stdout, stderr, TerminalInfo.Detect(stdout, stderr), cancellation);

    /// <summary>As above, with the terminal facts given (tests); a mistyped option or command gets a "did you mean".</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TerminalInfo terminal, CancellationToken cancellation = default)
    {
        // "smslint scan --version" asks the same as "smslint --version"; System.CommandLine only
        // knows the option on the root command and would take it for the snapshot's name. Both
        // print SmsLint's own version (System.CommandLine's is the entry assembly's).
        if (args.TakeWhile(a => a != "--").Contains("--version", StringComparer.Ordinal))
        {
            stdout.WriteLine(Version);
            return ExitCodes.Clean;
        }

        var parse = Build(terminal, cancellation).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                var message = error.Message;
                var token = parse.UnmatchedTokens.FirstOrDefault(t => message.Contains($"'{t}'", StringComparison.Ordinal));
                if (token is not null && Suggestions.For(parse, token) is { } suggestion)
                {
                    message += $" Did you mean '{suggestion}'?";
                }

                stderr.WriteLine($"smslint: {message}");
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

    private static Command ScanCommand(TerminalInfo terminal, CancellationToken cancellation)
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
        var srcRootInRepo = new Option<bool>("--srcroot-in-repository") { Description = "When the snapshot sits in a subfolder of a repository (a .git above it), write %SRCROOT% as that subfolder relative to REPOROOT, so a viewer opened on any checkout of the repository finds the files (ide profile)." };
        var helpUriBase = new Option<string?>("--help-uri-base") { Description = "Absolute base URI of the rule pages in SARIF helpUri and the reports' rule links (a rule's page is BASE<ID>.md). Default: the rules folder of the repository this build comes from." };
        var prefix = new Option<string?>("--github-path-prefix") { Description = "The snapshot's folder in the repository: prefixed to the paths of --format github annotations and of --sarif-profile github logs." };
        var category = new Option<string>("--category") { Description = "Analysis category (SARIF automationDetails); keep it stable between runs.", DefaultValueFactory = _ => "smslint" };
        var summary = new Option<string?>("--summary") { Description = "Append a Markdown summary (counts by rule and level, top findings) to this file, e.g. $GITHUB_STEP_SUMMARY." };
        var showSuppressed = new Option<bool>("--show-suppressed") { Description = "List suppressed findings in the text output too, marked with their reason." };
        var color = new Option<string>("--color") { Description = "Colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never.", DefaultValueFactory = _ => "auto" };
        color.AcceptOnlyFromAmong("auto", "always", "never");

        var command = new Command("scan", "Scan a snapshot and report findings.");
        common.AddTo(command);
        foreach (var option in new Option[] { format, output, failLevel, catalogFile, baseline, profile, srcRoot, srcRootInRepo, helpUriBase, prefix, category, summary, showSuppressed, color })
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
                HelpUriBase = parse.GetValue(helpUriBase),
                SrcRootInRepository = parse.GetValue(srcRootInRepo),
                GithubPathPrefix = parse.GetValue(prefix),
                Category = parse.GetValue(category)!,
                Summary = parse.GetValue(summary),
                ShowSuppressed = parse.GetValue(showSuppressed),
                Color = terminal.ColorStdout(parse.GetValue(color) switch { "always" => ColorMode.Always, "never" => ColorMode.Never, _ => ColorMode.Auto }),
                ProgressOnStderr = terminal.StderrIsTerminal,
            };
            return ScanRunner.Run(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellation);
        });
        return command;
    }

    private static Command CaptureCommand(CancellationToken cancellation)
    {
        var from = new Option<string[]>("--from") { Description = "A share to capture, MACHINE/SHARE=SOURCE; SOURCE is a folder, a UNC path (Windows) or smb://host[:port]/share[/path]. Repeatable.", AllowMultipleArgumentsPerToken = false };
        var plan = new Option<string?>("--plan") { Description = "A capture plan (INI: [MACHINE] sections of SHARE=SOURCE lines; see --draft-plan)." };
        var draft = new Option<string?>("--draft-plan") { Description = "Draft a capture plan from this hierarchy.ini (to standard output, or --output) and capture nothing." };
        var draftUnc = new Option<bool>("--draft-unc") { Description = "Draft \\\\MACHINE\\SHARE sources instead of smb:// URLs (the default on Windows)." };
        var output = new Option<string?>("--output", "-o") { Description = "The snapshot to write: a new or empty folder, or FILE.zip (written atomically; keeps last-write times)." };
        var hierarchy = new Option<string?>("--hierarchy") { Description = "A hierarchy.ini to copy to the snapshot root (overrides the plan's [Snapshot] Hierarchy=)." };
        var all = new Option<bool>("--all") { Description = "Copy every file of each share, not only the SMS files SmsLint reads." };
        var maxFile = new Option<long?>("--max-file-size") { Description = "Largest file copied, in bytes (default 67108864, 64 MiB); larger files are recorded in capture.json and skipped." };
        var maxTotal = new Option<long?>("--max-total-size") { Description = "Most bytes copied in all (default 2147483648, 2 GiB); later files are recorded and skipped." };
        var auth = new Option<string?>("--authentication-file", "-A") { Description = "smbclient authentication file (username=, password=, domain=); or set SMSLINT_SMB_AUTH_FILE, or SMSLINT_SMB_USER and SMSLINT_SMB_PASSWORD. Credentials are never taken from the command line." };
        var minProtocol = new Option<string?>("--smb-min-protocol") { Description = "Passed to smbclient as 'client min protocol'; NT1 lets it speak SMB1 to Windows NT 4.0 domain controllers (insecure: use only on a trusted network)." };
        minProtocol.AcceptOnlyFromAmong("NT1", "SMB2", "SMB3");
        foreach (var option in new Option[] { maxFile, maxTotal })
        {
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<long?>() is < 1)
                {
                    r.AddError($"{r.Option.Name} must be a positive number of bytes.");
                }
            });
        }

        var command = new Command("capture", "Capture live SMS shares (folders, UNC paths, smb:// through smbclient) into a snapshot with capture.json.");
        foreach (var option in new Option[] { from, plan, draft, draftUnc, output, hierarchy, all, maxFile, maxTotal, auth, minProtocol })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var request = new CaptureRequest
            {
                From = parse.GetValue(from) ?? [],
                Plan = parse.GetValue(plan),
                DraftPlan = parse.GetValue(draft),
                DraftUnc = parse.GetValue(draftUnc),
                Output = parse.GetValue(output),
                Hierarchy = parse.GetValue(hierarchy),
                All = parse.GetValue(all),
                MaxFileBytes = parse.GetValue(maxFile),
                MaxTotalBytes = parse.GetValue(maxTotal),
                AuthenticationFile = parse.GetValue(auth),
                SmbMinProtocol = parse.GetValue(minProtocol),
            };
            return CaptureRunner.Run(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellation);
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

    /// <summary>smslint plan (contract §6): readiness checklist, blockers and predicted findings of an upgrade plan.</summary>
    private static Command PlanCommand(CancellationToken cancellation)
    {
        var common = new CommonOptions();
        var format = new Option<string>("--format", "-f") { Description = "Output format (sarif: the checklist as SMS7xxx results; html: the report with the checklist, blockers, predicted findings and the map after the plan).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(PlanRunner.Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Write the plan to this file (atomically) instead of standard output." };
        var upgrade = new Option<string[]>("--upgrade") { Description = "SITE=VERSION: plan the upgrade of one site (VERSION: 2.00.1493.2000 or SP1..SP4); repeatable.", AllowMultipleArgumentsPerToken = true };
        var target = new Option<string?>("--target") { Description = "VERSION: plan the upgrade of every SMS 2.0 site below it (2.00.1493.2000 or SP1..SP4)." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit with 1 on a blocker (default), on any risk (open items, predicted warnings), or never.", DefaultValueFactory = _ => "blocker" };
        failOn.AcceptOnlyFromAmong("blocker", "risk", "none");
        var catalogFile = new Option<string?>("--catalog") { Description = "Use this SMS catalog instead of the embedded one." };
        var category = new Option<string>("--category") { Description = "Analysis category of the SARIF output.", DefaultValueFactory = _ => "smslint-plan" };
        var summary = new Option<string?>("--summary") { Description = "Append the plan as Markdown to this file, e.g. $GITHUB_STEP_SUMMARY." };
        var profile = new Option<string>("--sarif-profile") { Description = "ide or github (paths prefixed with --github-path-prefix).", DefaultValueFactory = _ => "ide" };
        profile.AcceptOnlyFromAmong("ide", "github");
        var srcRootInRepo = new Option<bool>("--srcroot-in-repository") { Description = "When the snapshot sits in a subfolder of a repository (a .git above it), write %SRCROOT% as that subfolder relative to REPOROOT, so a viewer opened on any checkout of the repository finds the files (ide profile)." };
        var helpUriBase = new Option<string?>("--help-uri-base") { Description = "Absolute base URI of the rule pages in SARIF helpUri and the reports' rule links (a rule's page is BASE<ID>.md). Default: the rules folder of the repository this build comes from." };
        var prefix = new Option<string?>("--github-path-prefix") { Description = "The snapshot's folder in the repository, prefixed to the paths of --sarif-profile github logs." };
        var command = new Command("plan", "Check a hierarchy's readiness for a service-pack upgrade and predict what the upgrade breaks.");
        common.AddTo(command);
        foreach (var option in new Option[] { format, output, upgrade, target, failOn, catalogFile, category, summary, profile, prefix })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var scan = common.Request(parse, parse.GetValue(format)!, parse.GetValue(output), Level.None) with
            {
                Catalog = parse.GetValue(catalogFile),
                Category = parse.GetValue(category)!,
                Summary = parse.GetValue(summary),
                SarifProfile = parse.GetValue(profile) == "github" ? SarifProfile.Github : SarifProfile.Ide,
                GithubPathPrefix = parse.GetValue(prefix),
            };
            var request = new PlanRequest(scan, parse.GetValue(upgrade) ?? [], parse.GetValue(target), parse.GetValue(failOn)!);
            return PlanRunner.Run(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellation);
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

    private static Command CompletionsCommand()
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or pwsh." };
        shell.AcceptOnlyFromAmong(Completions.Shells);
        var command = new Command("completions", "Print a shell completion script for bash, zsh or pwsh (how to load it is in its first line).") { shell };
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(Completions.Script(parse.GetValue(shell)!));
            return ExitCodes.Clean;
        });
        return command;
    }

    private static List<string> SplitIds(string[]? values) =>
        values is null ? [] : [.. values.SelectMany(v => v.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}

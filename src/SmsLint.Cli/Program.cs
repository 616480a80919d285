using SmsLint.Cli;

return SmsLintCli.Run(args, Console.Out, Console.Error);

using SmsLint.Discover;
using SmsLint.Parsing.Batch;

namespace SmsLint.Rules.LogonScript;

/// <summary><c>goto X</c>, also under IF, with no <c>:X</c> label in the same batch file (generic batch check; Q199237).</summary>
public sealed class GotoTargetMissing() : Rule(new() { Id = "SMS3003", Title = "A GOTO in a batch script jumps to a label the script does not have", Level = Level.Error, Kb = ["Q199237"], Tags = [RuleTag.LogonScript], Precision = Precision.VeryHigh })
{
    public override void Check(RuleContext context)
    {
        foreach (var file in context.Model.OfKind(FileKind.BatchScript))
        {
            if (file.As<BatchDocument>() is not { } doc)
            {
                continue;
            }

            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            foreach (var at in BatchFacts.Commands(doc))
            {
                if (at.Command is not GotoCommand go)
                {
                    continue;
                }

                var target = go.Target.Text;

                // "goto :eof" ends the script on Windows NT; a target built from variables is only known at run time.
                if ((go.HasColon && target.Equals("eof", StringComparison.OrdinalIgnoreCase)) || target.Contains('%', StringComparison.Ordinal))
                {
                    continue;
                }

                if (doc.Labels.ContainsKey(target))
                {
                    continue;
                }

                var occurrence = seen[target] = seen.GetValueOrDefault(target) + 1;
                var line = file.Text!.GetLineNumber(at.Statement.Span.Start);
                context.Report(
                    $"GOTO jumps to a missing label: '{file.File.FileName}' ({LogonScripts.Role(file)}) jumps to '{target}' at line {line}, and the file has no ':{target}'.",
                    Evidence.At(file, go.Target),
                    occurrence == 1 ? $"goto:{target.ToUpperInvariant()}" : $"goto:{target.ToUpperInvariant()}#{occurrence}",
                    help: $"Add the label ':{target}' where the jump should land (for 'goto end', as the last line) or correct the name: when the jump is taken, cmd.exe stops with \"The system cannot find the batch label specified - {target}\" and COMMAND.COM with \"Label not found\".");

            }
        }
    }
}

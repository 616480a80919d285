namespace SmsLint.Rules.Input;

/// <summary>A line of an SMS file that its grammar cannot read; the rest of the file is still analysed.</summary>
public sealed class ParseError() : Rule(new() { Id = "SMS0001", Title = "A line of an SMS file does not parse", Level = Level.Warning, Kb = [], Tags = [RuleTag.Input, RuleTag.Parse], Precision = Precision.VeryHigh })
{
    public override void Check(RuleContext context)
    {
        foreach (var file in context.Model.Files)
        {
            foreach (var error in file.ParseErrors)
            {
                var line = file.Text?.GetLineText(file.Text.GetLineNumber(error.Span.Start)).Trim() ?? string.Empty;
                context.Report(
                    $"Line could not be parsed in '{file.File.FileName}': {InputProblemRule.OneClause(error.Message)}.",
                    Evidence.At(file, error.Span),
                    $"parse:{line}");
            }
        }
    }
}

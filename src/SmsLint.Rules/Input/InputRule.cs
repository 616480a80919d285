namespace SmsLint.Rules.Input;

/// <summary>Shared shape of the rules that turn an <see cref="InputProblem"/> of one kind into findings.</summary>
public abstract class InputProblemRule(RuleDeclaration declaration) : Rule(declaration)
{
    protected abstract InputProblemKind Kind { get; }

    public override void Check(RuleContext context)
    {
        foreach (var file in context.Model.Files)
        {
            if (file.Problem is { } problem && problem.Kind == Kind)
            {
                var where = problem.Span is { } span && file.Text is not null ? Evidence.At(file, span) : Evidence.Whole(file);
                context.Report($"{Opening}: '{file.File.FileName}' {OneClause(problem.Message)}.", where, $"{Descriptor.Id}:{file.File.FileName}");

            }
        }
    }

    /// <summary>The words every finding of the rule opens with, so that findings group by problem.</summary>
    private string Opening => Kind switch
    {
        InputProblemKind.NotText => "File skipped as not text",
        InputProblemKind.Undecodable => "File skipped as undecodable",
        InputProblemKind.LimitExceeded => "File skipped over an input limit",
        InputProblemKind.Unreadable => "File could not be read",
        _ => "File skipped by the scan",
    };

    /// <summary>The loader's problem text as one clause of the message (it may join two with "; ").</summary>
    internal static string OneClause(string text) =>
        text.TrimEnd().TrimEnd('.').Replace("; ", ", and ", StringComparison.Ordinal).Replace(". ", ", ", StringComparison.Ordinal);
}


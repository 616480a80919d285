using SmsLint.Engine;
using SmsLint.Model;

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
                context.Report($"'{file.File.FileName}' {problem.Message}.", where, $"{Descriptor.Id}:{file.File.FileName}");
            }
        }
    }
}

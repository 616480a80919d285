using System.CommandLine;

namespace SmsLint.Cli.Terminal;

/// <summary>
/// "Did you mean …?" for a mistyped option or command. System.CommandLine 3 reports an unmatched
/// token ("Unrecognized command or argument '--fromat'") but offers no correction; this compares
/// the token with the options and subcommands valid at that point (edit distance, adjacent
/// transpositions counted once) and names the closest when it is close enough.
/// </summary>
public static class Suggestions
{
    /// <summary>The closest valid name for <paramref name="token"/>, or null.</summary>
    public static string? For(ParseResult parse, string token)
    {
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        for (var symbol = parse.CommandResult; symbol is not null; symbol = symbol.Parent as System.CommandLine.Parsing.CommandResult)
        {
            var command = symbol.Command;
            if (token.StartsWith('-'))
            {
                foreach (var option in command.Options.Where(o => !o.Hidden && (ReferenceEquals(command, parse.CommandResult.Command) || o.Recursive)))
                {
                    candidates.Add(option.Name);
                    candidates.UnionWith(option.Aliases.Where(a => a.StartsWith("--", StringComparison.Ordinal)));
                }
            }
            else if (ReferenceEquals(command, parse.CommandResult.Command))
            {
                candidates.UnionWith(command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            }
        }

        return Closest(token, candidates);
    }

    /// <summary>The candidate nearest to <paramref name="token"/> (ties: the first in order) when at most two edits away and not mostly different.</summary>
    public static string? Closest(string token, IEnumerable<string> candidates)
    {
        var word = token.TrimStart('-');
        if (word.Length < 2)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var d = Distance(token.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        var limit = Math.Min(2, Math.Max(1, word.Length / 3));
        return bestDistance > 0 && bestDistance <= limit ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

using Microsoft.Extensions.FileSystemGlobbing;

namespace SmsLint.Config;

/// <summary>
/// Path globs over snapshot-relative paths ('/' separated), matched case-insensitively because the
/// captured names come from Windows. Globs are anchored at the snapshot root: <c>DC02/**</c> is
/// everything under DC02, <c>**/Smsls.bat</c> is that file name at any depth.
/// </summary>
public sealed class PathGlobs
{
    private readonly Matcher _matcher = new(StringComparison.OrdinalIgnoreCase);

    public PathGlobs(IEnumerable<string> globs)
    {
        foreach (var glob in globs)
        {
            _matcher.AddInclude(glob);
            Count++;
        }
    }

    public int Count { get; }

    public bool IsMatch(string relativePath) =>
        Count > 0 && _matcher.Match(relativePath.Replace('\\', '/')).HasMatches;

    public static bool Matches(string glob, string relativePath) => new PathGlobs([glob]).IsMatch(relativePath);
}

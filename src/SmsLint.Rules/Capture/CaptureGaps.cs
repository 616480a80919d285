using SmsLint.Capture;

namespace SmsLint.Rules.Capture;

/// <summary>
/// Shares capture.json records as unreachable (contract §7). A rule that needs a kind of share
/// (SMSLOGON, NETLOGON, REPL$) cannot see any of an unreachable one's files, so instead of staying
/// silent about it, or reading the gap as a missing file, it says per share that it cannot tell.
/// SMS0015 reports the gap itself once; these notes say what each rule could not check.
/// </summary>
public static class CaptureGaps
{
    /// <summary>The unreachable shares whose share name (the last folder of the path) is one of <paramref name="shareNames"/>, in path order.</summary>
    public static IReadOnlyList<CaptureShare> Unreachable(SnapshotModel model, params string[] shareNames)
    {
        if (model.Capture is not { } manifest)
        {
            return [];
        }

        return [.. manifest.Unreachable
            .Where(s => shareNames.Any(n => ShareName(s.Path).Equals(n, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(s => s.Path, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The unreachable record of MACHINE/SHARE, or null when it was captured or capture.json does not list it.</summary>
    public static CaptureShare? UnreachableShare(SnapshotModel model, string machine, string share) =>
        model.Capture?.Unreachable.FirstOrDefault(s => s.Path.Equals($"{machine}/{share}", StringComparison.OrdinalIgnoreCase));

    /// <summary>"unreachable (NT_STATUS_HOST_UNREACHABLE)".</summary>
    public static string Why(CaptureShare share) => $"capture.json records share '{share.Path}' as unreachable ({Reason(share)})";

    private static string Reason(CaptureShare share) => string.IsNullOrWhiteSpace(share.Reason) ? "no reason recorded" : share.Reason.TrimEnd('.');

    /// <summary>
    /// One note per unreachable share of the given names, opening with the rule's own words
    /// (<paramref name="opening"/>) and then "cannot tell on share 'DC02/SMSLOGON'", at the share's line
    /// of capture.json.
    /// </summary>
    public static void CannotTell(RuleContext context, string opening, params string[] shareNames)
    {
        if (context.Model.CaptureFile is not { } file)
        {
            return;
        }

        foreach (var share in Unreachable(context.Model, shareNames))
        {
            context.Report(
                $"{opening}: cannot tell on share '{share.Path}', which capture.json records as unreachable ({Reason(share)}).",
                share.Span is { } span ? Evidence.At(file, span, "The share the capture could not reach.") : Evidence.Whole(file, "The share the capture could not reach."),
                $"unreachable:{share.Path.ToUpperInvariant()}",
                null,
                Level.Note,
                help: $"The snapshot has none of the files of '{share.Path}': capture the share again once it is reachable.");
        }
    }

    private static string ShareName(string path)
    {
        var slash = path.TrimEnd('/').LastIndexOf('/');
        return slash < 0 ? path : path[(slash + 1)..];
    }
}

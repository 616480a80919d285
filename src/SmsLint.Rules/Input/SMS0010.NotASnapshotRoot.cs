using SmsLint.Discover;

namespace SmsLint.Rules.Input;

/// <summary>
/// The scanned folder or zip holds no machine folder with a recognised share (contract §5): an
/// empty folder or archive, the parent of a snapshot, or one share's own folder given as the root.
/// Such a scan checks nothing, so it must not pass a gate. Names the nearest folder below the root
/// that does look like a snapshot root, when there is one.
/// </summary>
public sealed class NotASnapshotRoot() : Rule(new() { Id = "SMS0010", Title = "The scanned folder or zip holds no machine folder with a recognised share", Level = Level.Error, Kb = [], Tags = [RuleTag.Input, RuleTag.Layout], Precision = Precision.VeryHigh })
{
    /// <summary>What a snapshot root holds, for the message.</summary>
    public const string Expected = "'MACHINE/SHARE/...' with SHARE one of SMSLOGON, NETLOGON, REPL$, SMS_SHR, SMS_<CODE>, CAP_<CODE>, C$ or ADMIN$";

    public override void Check(RuleContext context)
    {
        var files = context.Model.Files;
        if (files.Any(f => f.File.ShareKind is not (ShareKind.Root or ShareKind.Other)))
        {
            return;
        }

        var message = "The snapshot root holds no machine folder with a recognised share: expected 'MACHINE/SHARE/...'";

        if (NearestRoot(files) is { } nearest)
        {
            message += $", and '{nearest}' below it looks like a snapshot root";
        }
        else if (FileClassifier.ClassifyShare(context.Model.RootName) is not (ShareKind.Other or ShareKind.ClientDrive))
        {
            message += $", and its own name '{context.Model.RootName}' is a share name, so it looks like one share's folder";
        }
        else if (files.FirstOrDefault(f => f.File.ShareKind != ShareKind.Root && f.Kind != FileKind.Unknown) is { } smsFile)
        {
            message += $", and it holds the SMS file '{smsFile.Path}' outside any share, so it looks like one share's folder";
        }
        else if (files.Count == 0)
        {
            message += ", and it holds no files at all";
        }

        var root = new LoadedFile(FileClassifier.Classify(new SnapshotEntry(RootPath, 0)));
        context.Report(message + ".", Evidence.Whole(root), "not-a-snapshot-root", help: $"Scan the folder that holds the captured machine folders: {Expected}.");
    }

    /// <summary>The location of a finding about the root folder itself.</summary>
    public const string RootPath = ".";

    /// <summary>
    /// The shallowest folder below the root under which some file lies at MACHINE/SHARE/... with a
    /// recognised share; ties go to the first in ordinal order.
    /// </summary>
    private static string? NearestRoot(IReadOnlyList<LoadedFile> files)
    {
        string? best = null;
        var bestDepth = int.MaxValue;
        foreach (var file in files)
        {
            var parts = file.Path.Split('/');
            for (var k = 1; k + 2 < parts.Length && k <= bestDepth; k++)
            {
                if (FileClassifier.ClassifyShare(parts[k + 1]) is ShareKind.Other)
                {
                    continue;
                }

                var prefix = string.Join('/', parts, 0, k);
                if (k < bestDepth || (k == bestDepth && string.CompareOrdinal(prefix, best) < 0))
                {
                    best = prefix;
                    bestDepth = k;
                }

                break;
            }
        }

        return best;
    }
}

using System.Globalization;

namespace SmsLint.Rules.Capture;

/// <summary>Helpers for rules that read capture.json (file times and attributes).</summary>
public static class CaptureFacts
{
    /// <summary>The capture.json line that records a file, as related evidence; null without one.</summary>
    public static Evidence? ManifestLine(SnapshotModel model, LoadedFile file, string note)
    {
        if (model.CaptureFile is not { } manifest || model.CaptureFacts(file) is not { } facts)
        {
            return null;
        }

        return facts.Span is { } span ? Evidence.At(manifest, span, note) : Evidence.Whole(manifest, note);
    }

    /// <summary>"2000-06-02 14:31:07 UTC".</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>
    /// Why a file's time or attributes are unknown, as a clause: "the snapshot has no capture.json",
    /// "capture.json does not list 'X'", "capture.json records no last-write time for 'X'".
    /// </summary>
    public static string Unknown(SnapshotModel model, IEnumerable<LoadedFile> files, string what)
    {
        if (model.CaptureFile is null)
        {
            return "the snapshot has no capture.json";
        }

        if (model.Capture is null)
        {
            return "its capture.json could not be read";
        }

        var missing = files.Where(f => model.CaptureFacts(f) is null).Select(f => $"'{f.Path}'").ToList();
        return missing.Count > 0
            ? $"capture.json does not list {PreSp2Hotfixes.JoinAnd(missing)}"
            : $"capture.json records no {what} for {PreSp2Hotfixes.JoinAnd(files.Select(f => $"'{f.Path}'"))}";
    }
}

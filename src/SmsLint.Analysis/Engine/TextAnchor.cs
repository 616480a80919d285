using SmsLint.Discover;
using SmsLint.Model;

namespace SmsLint.Engine;

/// <summary>
/// The text a result about a binary or an LCF goes on (issue 17 item 3). Visual Studio asks before it
/// opens a binary and VS Code refuses it, and an LCF's format is unknown, so such a file is kept as a
/// related location and the primary location is the text file that declares or depends on it: the
/// Copylog.tcf line that names the site, its Compver.ini, or its section of hierarchy.ini.
/// </summary>
public static class TextAnchor
{
    /// <summary>True for a file no editor should open as the primary location: a binary or an LCF.</summary>
    public static bool IsOpaque(LoadedFile file) =>
        file.Kind is FileKind.Binary or FileKind.Lcf
        || file.Path.EndsWith(".lcf", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// For site <paramref name="code"/> on logon point <paramref name="lp"/>: its Copylog.tcf line,
    /// else its <c>Sites\&lt;code&gt;\Compver.ini</c>, else its hierarchy.ini section, else the
    /// logon point's Copylog.tcf, else <paramref name="fallback"/> itself.
    /// </summary>
    public static Evidence ForSite(SnapshotModel? model, LogonPoint lp, string code, LoadedFile fallback, string? note = null)
    {
        if (lp.CopyLogFile is { } copyLogFile && lp.CopyLog is { } doc)
        {
            var line = doc.FileSource.FirstOrDefault(e => e.PathSite is { } p && p.Text.Equals(code, StringComparison.OrdinalIgnoreCase))
                ?? doc.FileSource.FirstOrDefault(e => e.Code.Text.Equals(code, StringComparison.OrdinalIgnoreCase));
            if (line is not null)
            {
                return Evidence.At(copyLogFile, line.Span, note);
            }
        }

        if (lp.SiteCompver(code) is { Text: not null } compver)
        {
            return Evidence.Start(compver, note);
        }

        if (model is not null && Declared(model, code, hotfixes: false, note) is { } declared)

        {
            return declared;
        }

        return lp.CopyLogFile is { Text: not null } copyLog ? Evidence.Start(copyLog, note) : Evidence.Whole(fallback, note);
    }

    /// <summary>
    /// For a binary of site <paramref name="code"/>'s server (Nt_logon.dll, Ccm.dll): its hierarchy.ini
    /// section (the <c>Hotfixes=</c> or <c>Version=</c> line), else the server's base Compver.ini, else a
    /// Copylog.tcf line naming the site, else the binary itself.
    /// </summary>
    public static Evidence ForSiteBinary(SnapshotModel model, LoadedFile binary, string? code, bool hotfixes, string? note = null)
    {
        if (code is not null && Declared(model, code, hotfixes, note) is { } declared)
        {
            return declared;
        }

        var server = model.SiteServers.FirstOrDefault(s => s.Files.Contains(binary))
            ?? (code is null ? null : model.SiteServers.FirstOrDefault(s => s.SiteCode.Equals(code, StringComparison.OrdinalIgnoreCase)));
        if (server?.BaseCompver is { Text: not null } compver)
        {
            return Evidence.Start(compver, note);
        }

        // Any other text of the same server share (a master logon script, an inbox file).
        if (server?.Files.Where(f => f.Text is not null && !IsOpaque(f)).OrderBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault() is { } text)
        {
            return Evidence.Start(text, note);
        }


        if (code is not null)
        {
            foreach (var lp in model.LogonPoints)
            {
                if (lp.SiteSet.Contains(code))
                {
                    var anchor = ForSite(model, lp, code, binary, note);
                    if (!IsOpaque(anchor.File))
                    {
                        return anchor;
                    }
                }
            }
        }

        return Evidence.Whole(binary, note);
    }

    /// <summary>For any file naming site <paramref name="code"/>: itself when it is text, else as above.</summary>
    public static Evidence ForFile(SnapshotModel model, LoadedFile file, string code, string? note = null)
    {
        if (!IsOpaque(file))
        {
            return Evidence.Start(file, note);
        }

        var lp = model.LogonPoints.FirstOrDefault(l => l.Files.Contains(file));
        return lp is not null ? ForSite(model, lp, code, file, note) : ForSiteBinary(model, file, code, hotfixes: false, note);
    }

    /// <summary>
    /// For any binary of the snapshot: a site server's as <see cref="ForSiteBinary"/>; a logon point's
    /// on its Copylog.tcf line for that file (or the file's first line); a CAP's on its base Compver.ini.
    /// </summary>
    public static Evidence ForBinary(SnapshotModel model, LoadedFile binary, string? note = null)
    {
        if (model.SiteServers.FirstOrDefault(s => s.Files.Contains(binary)) is { } server)
        {
            return ForSiteBinary(model, binary, server.SiteCode, hotfixes: false, note);
        }

        if (model.LogonPoints.FirstOrDefault(l => l.Files.Contains(binary)) is { } lp && lp.CopyLogFile is { Text: not null } copyLogFile)
        {
            return lp.CopyLog?.Find(binary.File.PathInShare) is { } line ? Evidence.At(copyLogFile, line.Span, note) : Evidence.Start(copyLogFile, note);
        }

        if (model.Caps.FirstOrDefault(c => c.Files.Contains(binary)) is { BaseCompver: { Text: not null } capCompver })
        {
            return Evidence.Start(capCompver, note);
        }

        return Evidence.Whole(binary, note);
    }

    private static Evidence? Declared(
SnapshotModel model, string code, bool hotfixes, string? note)
    {
        if (!model.Hierarchy.Sites.TryGetValue(code.ToUpperInvariant(), out var site))
        {
            return null;
        }

        var entry = hotfixes ? site.HotfixesEntry ?? site.Version : site.Version ?? site.HotfixesEntry;
        return entry is not null ? Evidence.At(site.File, entry.Span, note) : Evidence.At(site.File, site.Header.Span, note);
    }
}

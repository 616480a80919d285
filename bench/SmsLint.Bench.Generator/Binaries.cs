namespace SmsLint.Bench.Generator;

/// <summary>
/// The real PE fixtures from testdata/binaries (embedded at build time), by file name and file
/// version. A binary without a fixture is written as a zero-byte placeholder, as a capture that
/// did not copy it would have it.
/// </summary>
public static class Binaries
{
    private static readonly Dictionary<string, byte[]> ByKey = Load();

    /// <summary>Every embedded fixture as "version/File.ext".</summary>
    public static IReadOnlyCollection<string> Keys => ByKey.Keys;

    private static Dictionary<string, byte[]> Load()
    {
        var map = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var assembly = typeof(Binaries).Assembly;
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var normalized = name.Replace('\\', '/');
            if (!normalized.StartsWith("pe/", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            map[normalized["pe/".Length..]] = buffer.ToArray();
        }

        if (map.Count == 0)
        {
            throw new InvalidOperationException($"{assembly.GetName().Name} was built without the PE fixtures of testdata/binaries.");
        }

        return map;
    }

    /// <summary>The fixture named <paramref name="fileName"/> with file version <paramref name="version"/>, or null.</summary>
    public static byte[]? Find(string fileName, string version) => ByKey.GetValueOrDefault($"{version}/{fileName}");

    /// <summary>Any fixture (for a binary captured under a text name).</summary>
    public static byte[] Any(Rng rng)
    {
        var keys = ByKey.Keys.Order(StringComparer.Ordinal).ToList();
        return ByKey[rng.Pick(keys)];
    }

    /// <summary>Site-server binary version for a site: hotfix builds where the site has the hotfix.</summary>
    public static string? ServerVersion(Site site, string fileName) => (site.Level, fileName.ToUpperInvariant()) switch
    {
        (SiteLevel.Rtm, "NT_LOGON.DLL") => site.NtLogonHotfix ? "2.0.1239.62" : "2.0.1239.0",
        (SiteLevel.Rtm, "CCM.DLL" or "CCMBTLDR.EXE") => site.CcmHotfix ? "2.0.1239.64" : "2.0.1239.0",
        (SiteLevel.Sp1, "NT_LOGON.DLL") => site.NtLogonHotfix ? "2.0.1380.1105" : "2.0.1380.1000",
        (SiteLevel.Sp1, "CCM.DLL" or "CCMBTLDR.EXE") => site.CcmHotfix ? "2.0.1380.1125" : "2.0.1380.1000",
        (SiteLevel.Sp1, "BASEOBJ.DLL") => site.CcmHotfix ? "2.0.1380.1101" : "2.0.1380.1000",
        (SiteLevel.Sp2 or SiteLevel.Sp3 or SiteLevel.Sp4, "NT_LOGON.DLL" or "CCM.DLL" or "CCMBTLDR.EXE" or "BASEOBJ.DLL") => "2.0.1493.2000",
        _ => null,
    };

    /// <summary>Client bootstrap binary version on a logon point whose files the senior site wrote.</summary>
    public static string? LogonPointVersion(Site senior, string fileName, Rng rng) => (senior.Level, fileName.ToUpperInvariant()) switch
    {
        (SiteLevel.Rtm, "CLICORE.EXE") => "2.0.1239.0",
        (SiteLevel.Sp1, "CLICORE.EXE") => rng.Next(3) switch { 0 => "2.0.1380.1000", 1 => "2.0.1380.1123", _ => "2.0.91.7" },
        (SiteLevel.Sp2, "CLICORE.EXE") => "2.0.1493.2000",
        (SiteLevel.Sp3, "CLICORE.EXE") => "2.0.1493.3242",
        (SiteLevel.Sp1, "BOOT32WN.EXE") => "2.0.1380.1000",
        (SiteLevel.Sp2 or SiteLevel.Sp3, "BOOT32WN.EXE") => "2.0.1493.2000",
        (SiteLevel.Sp2 or SiteLevel.Sp3, "SMSMAN.EXE") => "2.0.1493.2000",
        _ => null,
    };
}

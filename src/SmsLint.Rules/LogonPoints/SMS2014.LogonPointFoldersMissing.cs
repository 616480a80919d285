namespace SmsLint.Rules.LogonPoints;

/// <summary>
/// A logon point lacks one of the top-level folders every SMS 2.0 logon point has (Q235769).
/// A snapshot lists files, so a folder counts as present when it holds at least one file.
/// </summary>
public sealed class LogonPointFoldersMissing() : Rule(new() { Id = "SMS2014", Title = "Logon point lacks a standard top-level folder", Level = Level.Warning, Kb = ["Q235769"], Tags = [RuleTag.SharedLogonPoint, RuleTag.Layout], Precision = Precision.Medium })
{
    /// <summary>
    /// The folders checked. Q235769 also lists Alpha, ALPHA.bin, i386, Logs and DDR.BOX, but those depend on
    /// the platforms served and on Logon Discovery, so their absence is normal.
    /// </summary>
    public static readonly string[] Required = ["Config", "Sites", "Sitescfg", "x86.bin"];

    /// <summary>How many of <see cref="Required"/> a capture must hold before the others count as missing.</summary>
    public const int MinimumCaptured = 2;

    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            // One standard folder alone is a file copied out of the share, not a capture of it.
            var missing = Required.Where(f => !lp.TopFolders.Contains(f)).ToList();
            if (missing.Count == 0 || Required.Length - missing.Count < MinimumCaptured)
            {
                continue;
            }

            var anchor = lp.CopyLogFile ?? lp.Files.OrderBy(f => f.Path, StringComparer.Ordinal).First();
            var present = Required.Where(f => lp.TopFolders.Contains(f)).Select(f => $"'{f}'").ToList();
            foreach (var folder in missing)
            {
                context.Report(
                    $"Logon point lacks a standard folder: '{lp.Machine}' has no files under '{folder}' (present: {(present.Count == 0 ? "none of the standard folders" : SharedLogonPoints.Join(present))}).",
                    Evidence.Start(anchor),
                    $"missing:{folder}",
                    help: $"{Consequence(folder)} If the capture left the folder out, capture it; otherwise let the senior site's next Logon Server Manager cycle rebuild the logon point, which has 'Config', 'Sites', 'Sitescfg' and 'x86.bin' (Q235769).");

            }
        }
    }

    private static string Consequence(string folder) => folder switch
    {
        "Config" => "Without 'Config\\Copylog.tcf' the client bootstrap cannot tell which site supplied its files.",
        "Sites" => "Without 'Sites\\<code>' clients find no site's Netconf.ncf or Cli_inst.cfg, and clients that cannot read their site's boundaries deinstall.",
        "Sitescfg" => "'Sitescfg' holds the LCF of every site that manages the domain, the Nt_logon.tok lock and the optional Senior.lst that Logon Server Manager reads.",
        _ => "Without 'x86.bin' Intel clients find no Boot32wn.exe or Clicore.exe to run.",
    };
}

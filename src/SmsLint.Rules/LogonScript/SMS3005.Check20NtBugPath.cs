using System.Globalization;
using SmsLint.Catalog;
using SmsLint.Parsing.Batch;

namespace SmsLint.Rules.LogonScript;

/// <summary>
/// An SMS 1.2 SP4 Smsls.bat runs <c>check20 /i</c> (or <c>/v</c>) under <c>:RUN_NT</c>, and
/// the Check20.exe beside it is not the fixed 44,252-byte file (Q195702, Q200791).
/// </summary>
public sealed class Check20NtBugPath() : Rule(new() { Id = "SMS3005", Title = "Windows NT clients run a Check20.exe that is not the fixed file", Level = Level.Warning, Kb = ["Q195702", "Q200791"], Tags = [RuleTag.LogonScript, RuleTag.MissingHotfix], Precision = Precision.Medium })
{
    /// <summary>The catalog hotfix whose size proves the fixed Check20.exe.</summary>
    public const string HotfixId = "Q195702";

    public override void Check(RuleContext context)
    {
        var hotfix = context.Catalog.FindHotfix(HotfixId);
        var spec = hotfix?.Files.FirstOrDefault(f => f.Name.Equals("Check20.exe", StringComparison.OrdinalIgnoreCase) && f.Proof == ProofKind.Size && f.SizeBytes is not null);
        if (hotfix is null || spec is null)
        {
            return;
        }

        var fixedSize = spec.SizeBytes!.Value;
        foreach (var share in context.Model.ScriptShares)
        {
            if (share.SmslsBat is not { } script || script.As<BatchDocument>() is not { } doc)
            {
                continue;
            }

            var call = BatchFacts.Check20Calls(doc).FirstOrDefault(at =>
                at.Section is { } section && section.Name.Text.Equals("RUN_NT", StringComparison.OrdinalIgnoreCase) && HasNtSwitch(at.Command));
            if (call is null)
            {
                continue;
            }

            // %0\..\check20 runs the Check20.exe beside the script. Not captured (absent or a zero-byte
            // placeholder): nothing to say about it.
            var exe = share.Find("Check20.exe");
            if (exe is null || exe.IsPlaceholder || exe.File.Length == fixedSize)
            {
                continue;
            }

            var size = exe.File.Length.ToString("N0", CultureInfo.InvariantCulture);
            var expected = fixedSize.ToString("N0", CultureInfo.InvariantCulture);
            var switchText = BatchFacts.Arguments(call.Command)!.Text;
            context.Report(
                $"Logon script runs an unfixed Check20.exe for Windows NT clients: '{script.File.FileName}' ({LogonScripts.Role(script)}) runs 'check20 {switchText}', and the 'Check20.exe' beside it is {size} bytes, not the {expected} bytes of {hotfix.Id}.",
                Evidence.At(script, call.Statement.Span, "Check20 is called for Windows NT clients here."),
                $"check20:{share.Root.ToUpperInvariant()}",
                [Evidence.Whole(exe, $"'Check20.exe' is {size} bytes; the fixed file is {expected} bytes.{DateNote(context, exe, spec)}")],
                help: $"Replace Check20.exe in Site.srv\\Maincfg.box\\Client.src on the SMS 1.2 site server with the file of {hotfix.Id} (dated {spec.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "1998-10-06"}) and update the copies in Repl\\Export\\Scripts and Repl\\Import\\Scripts, or put %windir% on the clients' PATH (Q200791): with the unfixed file, a Windows NT client whose PATH lacks %windir% is taken for an SMS 2.0 client and skips client setup and inventory.");

        }
    }

    /// <summary>
    /// With capture.json: the file's last-write date next to the fixed file's date (Q200791: 10/06/98),
    /// which the size alone does not show.
    /// </summary>
    private static string DateNote(RuleContext context, Model.LoadedFile exe, HotfixFile spec)
    {
        if (context.Model.CaptureFacts(exe)?.LastWrite is not { } written || spec.Date is not { } fixedDate)
        {
            return string.Empty;
        }

        var date = DateOnly.FromDateTime(written);
        var same = Math.Abs(date.DayNumber - fixedDate.DayNumber) <= 1 ? "the fixed file's date, so it may be a damaged copy of it" : $"not the fixed file's {fixedDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        return $" capture.json records it last written {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, {same}.";
    }

    /// <summary><c>/i</c> (as in Q200791) or <c>/v</c> (as in Q199987), any case.</summary>
    private static bool HasNtSwitch(BatchCommand command) =>
        BatchFacts.Arguments(command) is { } args
        && args.Text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Any(a => a.Equals("/i", StringComparison.OrdinalIgnoreCase) || a.Equals("/v", StringComparison.OrdinalIgnoreCase));
}

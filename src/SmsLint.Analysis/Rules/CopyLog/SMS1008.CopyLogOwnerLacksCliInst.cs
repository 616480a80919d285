using SmsLint.Engine;
using SmsLint.Findings;
using SmsLint.Model;

namespace SmsLint.Rules.CopyLog;

/// <summary>
/// CL008: the site Copylog.tcf names for <c>x86.bin\clicore.exe</c> has no <c>Sites\&lt;code&gt;\Cli_inst.cfg</c>
/// on the logon point, so the client bootstrap cannot go on (Q263345).
/// </summary>
public sealed class CopyLogOwnerLacksCliInst : Rule
{
    public static readonly RuleDescriptor Info = new(
        "SMS1008", "CopyLogOwnerLacksCliInst", "The Clicore.exe owner in Copylog.tcf has no Cli_inst.cfg on the logon point", Level.Error,
        ["Q263345"], ["shared-logon-point", "copy-log", "client-installation"], "high", ["CL008"]);

    public override RuleDescriptor Descriptor => Info;

    public override void Check(RuleContext context)
    {
        foreach (var lp in context.Model.LogonPoints)
        {
            if (lp.CopyLogFile is not { } file
                || lp.CopyLog is not { HasFileSource: true } doc
                || !CopyLogSites.SitesCaptured(lp)
                || CopyLogFacts.ClicoreOwner(doc) is not { } line
                || CopyLogSites.ValueSite(line) is not { } owner
                || lp.Find($@"Sites\{owner}\cli_inst.cfg") is not null)
            {
                continue;
            }

            var related = new List<Evidence>();
            var where = $"there is no 'Sites\\{owner}' folder at all";
            if (lp.SiteFolders.TryGetValue(owner, out var folder))
            {
                related.Add(Evidence.Whole(folder[0], $"'Sites\\{owner}' exists but holds no Cli_inst.cfg."));
                where = $"'Sites\\{owner}' holds no Cli_inst.cfg";
            }

            context.Report(
                $"'{file.File.FileName}' on logon point '{lp.Machine}' names site '{owner}' as the supplier of '{line.Path.Text}', but {where}; the client bootstrap reads 'Sites\\{owner}\\Cli_inst.cfg' for its installation settings and stops, so no new client installs from this logon point. Point the line at a site that uses this logon point (upgrading such a site to SP2 rewrites it), or enable site '{owner}' on this domain again.",
                Evidence.At(file, line.Code),
                $"clicore-owner-cli-inst:{owner}",
                related);
        }
    }
}

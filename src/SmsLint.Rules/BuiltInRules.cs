namespace SmsLint.Rules;

/// <summary>
/// The single, explicit registry of rules, in catalogue order. A rule that is not listed here does
/// not run (a meta-test fails when a rule class is missing). Retired ids are never reused.
/// </summary>
public static class BuiltInRules
{
    public static RuleSet All { get; } = new(
    [
        // SMS0xxx — input: what SmsLint could not read
        new Input.ParseError(),
        new Input.NotATextFile(),
        new Input.UndecodableFile(),
        new Input.InputLimitExceeded(),
        new Input.UnreadableFile(),
        new Input.SnapshotPartNotScanned(),
        new Input.InvalidSuppression(),
        new Input.UnusedSuppression(),
        new Input.ExpiredSuppression(),
        new Input.NotASnapshotRoot(),
        new Input.CaptureIncomplete(),

        // SMS10nn — Copylog.tcf (candidate CL0nn)
        new CopyLog.CopyLogMissing(),
        new CopyLog.CopyLogNoFileSource(),
        new CopyLog.CopyLogCoreLinesMissing(),
        new CopyLog.CopyLogMalformedLine(),
        new CopyLog.CopyLogSiteHasNoFiles(),
        new CopyLog.CopyLogNamesRemovedSite(),
        new CopyLog.CopyLogSiteLineMismatch(),
        new CopyLog.CopyLogOwnerLacksCliInst(),
        new CopyLog.CopyLogDiffersAcrossDcs(),
        new CopyLog.CopyLogClaimedByOlderSite(),
        new CopyLog.CopyLogReadOnlyAfterSp2(),
        new CopyLog.CopyLogOlderThanHotfix(),

        // SMS20nn — shared logon points (candidate LP0nn)
        new LogonPoints.SitesAtDifferentVersionsShareLogonPoint(),
        new LogonPoints.NewClientsOnlyToNewestSite(),
        new LogonPoints.OrphanSiteFolder(),
        new LogonPoints.LcfWithoutSiteFolder(),
        new LogonPoints.SeniorLstInvalid(),
        new LogonPoints.ReservedSiteCode(),
        new LogonPoints.LogonPointFoldersMissing(),
        new LogonPoints.CapOlderThanLogonPoint(),
        new LogonPoints.SiteFolderAndLcfGone(),
        new LogonPoints.SeniorLstNotOnEveryDomain(),
        new LogonPoints.SiteCodeEqualsDomainName(),
        new LogonPoints.MixedLanguageSitesShareLogonPoint(),
        new LogonPoints.HotfixLevelsDifferAcrossSharedSites(),

        // SMS30nn — logon scripts (candidate LS0nn)
        new LogonScript.LogonScriptDisabled(),
        new LogonScript.LogonScriptCopiesDiffer(),
        new LogonScript.GotoTargetMissing(),
        new LogonScript.MissingSms20Interop(),
        new LogonScript.Check20NtBugPath(),
        new LogonScript.LogonScriptStillEnabled(),

        // SMS40nn — copy lists (candidate CV0nn); SMS41nn — SMS 1.2 clients (candidate SI0nn)
        new CopyList.CopyListVersionMismatch(),
        new CopyList.LogonServersDisagree(),
        new CopyList.CopyListVersionMissing(),
        new Client12.ClientBuildDiffersFromDomainIni(),
        new Client12.ClientSetupIncomplete(),
        new Client12.SiteCodeUniqueIdMismatch(),
        new Client12.ClientSiteEntriesBlank(),
        new Client12.SmslsIniUnknownTarget(),
        new Client12.Sms12LeftoverOnSms20Client(),
        new Client12.DuplicateUniqueId(),

        // SMS50nn — versions (candidate VR0nn; SMS5010 up: SmsLint's own)
        new Versions.VersionUnparseable(),
        new Versions.UnknownBuild(),
        new Versions.SiteVersionEvidenceDisagrees(),
        new Versions.ServicePackPrerequisiteMissing(),
        new Versions.Sp3HotfixesRevertUnderSp4(),
        new Versions.RemoteConsoleOlderThanSite(),

        // SMS60nn — hotfixes (candidate LP0nn of the hotfix checks)
        new Hotfix.PreSp2HotfixMissing(),
        new Hotfix.HotfixStatusUnknown(),
        new Hotfix.CcrRetryBoxNotEmptied(),
        new Hotfix.Sp4ClientFilesWrongDate(),

        // SMS70nn — upgrade readiness: the checklist of 'smslint plan' (Q238780, Q237543, Q261931)
        new Readiness.HotfixesBeforeSp2NotReady(),
        new Readiness.CopyLogNotRewritten(),
        new Readiness.CopyLogCopiesNotInLine(),
        new Readiness.LogonScriptsNotDisabledForUpgrade(),
        new Readiness.CapsOrLogonPointsBehindSite(),
        new Readiness.SeniorLstNotReadyForRollout(),
        new Readiness.NoRasBypassForRollout(),
        new Readiness.AdvertisementsExpiryUnknown(),
        new Readiness.RemoteConsolesUpgradeUnknown(),
        new Readiness.SitesNotUpgradedTogether(),
    ]);

    public static IReadOnlyList<RuleDescriptor> Descriptors => All.Descriptors;

    /// <summary>The rule with this id (any case), or null.</summary>
    public static Rule? Find(string id) => All.Find(id);
}

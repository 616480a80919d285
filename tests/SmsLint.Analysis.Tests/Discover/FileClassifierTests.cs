using SmsLint.Discover;

namespace SmsLint.Tests.Discover;

public sealed class FileClassifierTests
{
    [Theory]
    [InlineData("hierarchy.ini", ShareKind.Root, FileKind.HierarchyIni)]
    [InlineData("HIERARCHY.INI", ShareKind.Root, FileKind.HierarchyIni)]
    [InlineData("DC01/SMSLOGON/Config/Copylog.tcf", ShareKind.SmsLogon, FileKind.CopyLog)]
    [InlineData("dc01/smslogon/CONFIG/COPYLOG.TCF", ShareKind.SmsLogon, FileKind.CopyLog)]
    [InlineData("DC01/SMSLOGON/Sitescfg/AAA_cfg.lcf", ShareKind.SmsLogon, FileKind.Lcf)]
    [InlineData("DC01/SMSLOGON/Sitescfg/Senior.lst", ShareKind.SmsLogon, FileKind.SeniorLst)]
    [InlineData("DC01/SMSLOGON/Sites/AAA/Cli_inst.cfg", ShareKind.SmsLogon, FileKind.CliInstCfg)]
    [InlineData("DC01/SMSLOGON/Sites/AAA/NETCONF.TCF", ShareKind.SmsLogon, FileKind.NetconfFile)]
    [InlineData("DC01/SMSLOGON/x86.bin/CLICORE.EXE", ShareKind.SmsLogon, FileKind.Binary)]
    [InlineData("DC01/NETLOGON/Smsls.bat", ShareKind.Netlogon, FileKind.BatchScript)]
    [InlineData("DC01/REPL$/SMSLS.CMD", ShareKind.ReplExport, FileKind.BatchScript)]
    [InlineData("SRV12/SMS_SHR/Domain.ini", ShareKind.SmsShr, FileKind.DomainIni)]
    [InlineData("SRV12/SMS_SHR/CL_W95.TXT", ShareKind.SmsShr, FileKind.CopyList)]
    [InlineData("SITE/SMS_AAA/bin/i386/Nt_logon.dll", ShareKind.SiteServer, FileKind.Binary)]
    [InlineData("CAP1/cap_aaa/clicomp.box/base/compver.ini", ShareKind.Cap, FileKind.CompverIni)]
    [InlineData("WKS/C$/SMS.INI", ShareKind.ClientDrive, FileKind.ClientSmsIni)]
    [InlineData("WKS/D$/MS/SMS/DATA/CL_NT.TXT", ShareKind.ClientDrive, FileKind.CopyList)]
    [InlineData("WKS/ADMIN$/Smscfg.ini", ShareKind.ClientAdmin, FileKind.SmsCfgIni)]
    [InlineData("WKS/Other share/readme.txt", ShareKind.Other, FileKind.Unknown)]
    [InlineData("SITE/SMS_TOOLONG/x.ini", ShareKind.Other, FileKind.Unknown)]
    [InlineData("loose.txt", ShareKind.Root, FileKind.Unknown)]
    public void Shares_and_files_are_recognised_case_insensitively(string path, ShareKind share, FileKind kind)
    {
        var f = FileClassifier.Classify(new SnapshotEntry(path, 1));
        Assert.Equal(share, f.ShareKind);
        Assert.Equal(kind, f.Kind);
    }

    [Fact]
    public void Coded_shares_give_upper_case_site_codes()
    {
        Assert.Equal("AAA", FileClassifier.Classify(new SnapshotEntry("S/sms_aaa/x.ini", 1)).ShareSiteCode);
        Assert.Equal("B2C", FileClassifier.Classify(new SnapshotEntry("S/CAP_b2c/x.ini", 1)).ShareSiteCode);
        Assert.Null(FileClassifier.Classify(new SnapshotEntry("S/NETLOGON/x.ini", 1)).ShareSiteCode);
    }

    [Fact]
    public void Path_inside_the_share_and_folder_tests()
    {
        var f = FileClassifier.Classify(new SnapshotEntry("DC01/SMSLOGON/Sites/AAA/Caplist.ini", 10));
        Assert.Equal("DC01", f.Machine);
        Assert.Equal("Sites/AAA/Caplist.ini", f.PathInShare);
        Assert.True(f.IsUnder("sites"));
        Assert.True(f.IsUnder("SITES", "aaa"));
        Assert.False(f.IsUnder("Sites", "AAA", "Caplist.ini"));
    }
}

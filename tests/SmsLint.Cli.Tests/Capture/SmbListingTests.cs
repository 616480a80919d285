using SmsLint.Capture;

namespace SmsLint.Tests.Cli.Capture;

/// <summary>The smbclient listing parser, on output recorded from smbclient 4.17 (TZ=UTC).</summary>
public sealed class SmbListingTests
{
    private const string Listing = """
          .                                   D        0  Tue Dec  1 21:14:34 2026
          ..                                  D        0  Tue Dec  1 20:26:56 2026
          a b.txt                             N        2  Tue Dec  1 20:26:56 2026
          Deep                                D        0  Tue Dec  1 21:14:34 2026

        \Sub Dir\Deep
          .                                   D        0  Tue Dec  1 21:14:34 2026
          ..                                  D        0  Tue Dec  1 21:14:34 2026
          Copylog.tcf                         RH    1180  Fri Jun  2 14:31:07 2000

        		264212084 blocks of size 1024. 80090708 blocks available
        """;

    [Fact]
    public void Files_sizes_times_and_attributes_are_read_relative_to_the_start_folder()
    {
        var files = SmbShareReader.ParseListing(Listing, "Sub Dir");
        Assert.Equal(["a b.txt", "Deep/Copylog.tcf"], files.Select(f => f.Path));
        var copyLog = files[1];
        Assert.Equal(1180, copyLog.Size);
        Assert.Equal(new DateTime(2000, 6, 2, 14, 31, 7, DateTimeKind.Utc), copyLog.LastWrite);
        Assert.True(copyLog.ReadOnly);
        Assert.True(copyLog.Hidden);
        Assert.False(files[0].ReadOnly);
    }

    [Fact]
    public void Without_a_start_folder_headers_name_folders_from_the_share_root()
    {
        var files = SmbShareReader.ParseListing(Listing);
        Assert.Equal(["a b.txt", "Sub Dir/Deep/Copylog.tcf"], files.Select(f => f.Path));
    }
}

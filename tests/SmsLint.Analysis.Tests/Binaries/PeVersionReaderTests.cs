using System.Buffers.Binary;
using System.Reflection.PortableExecutable;
using System.Text;
using SmsLint.Binaries;

namespace SmsLint.Tests.Binaries;

public class PeVersionReaderTests
{
    /// <summary>The fixture set built by testdata/binaries/make.sh.</summary>
    public static readonly TheoryData<string, string> Fixtures = new()
    {
        { "Nt_logon.dll", "2.0.1239.0" },
        { "Nt_logon.dll", "2.0.1239.62" },
        { "Nt_logon.dll", "2.0.1380.1000" },
        { "Nt_logon.dll", "2.0.1380.1105" },
        { "Nt_logon.dll", "2.0.1493.2000" },
        { "Ccm.dll", "2.0.1239.0" },
        { "Ccm.dll", "2.0.1239.64" },
        { "Ccm.dll", "2.0.1380.1000" },
        { "Ccm.dll", "2.0.1380.1125" },
        { "Ccm.dll", "2.0.1493.2000" },
        { "Ccmbtldr.exe", "2.0.1239.0" },
        { "Ccmbtldr.exe", "2.0.1239.64" },
        { "Ccmbtldr.exe", "2.0.1380.1000" },
        { "Ccmbtldr.exe", "2.0.1380.1125" },
        { "Ccmbtldr.exe", "2.0.1493.2000" },
        { "Baseobj.dll", "2.0.1380.1000" },
        { "Baseobj.dll", "2.0.1380.1101" },
        { "Baseobj.dll", "2.0.1493.2000" },
        { "Clicore.exe", "2.0.1239.0" },
        { "Clicore.exe", "2.0.1380.1000" },
        { "Clicore.exe", "2.0.1380.1123" },
        { "Clicore.exe", "2.0.91.7" },
        { "Clicore.exe", "2.0.1493.2000" },
        { "Clicore.exe", "2.0.1493.3242" },
        { "Boot32wn.exe", "2.0.1380.1000" },
        { "Boot32wn.exe", "2.0.1493.2000" },
        { "Smsman.exe", "2.0.1493.2000" },
    };

    /// <summary>testdata/binaries, found by walking up from the test binaries to the folder holding SmsLint.sln.</summary>
    private static string BinariesDirectory => Path.Combine(Repo.TestData, "binaries");

    private static string FixturePath(string name, string version) => Path.Combine(BinariesDirectory, version, name);

    private static byte[] Fixture(string name, string version) => File.ReadAllBytes(FixturePath(name, version));

    private static PeVersionResult ReadBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return PeVersionReader.Read(stream);
    }

    private static int[] Parse(string version) => [.. version.Split('.').Select(int.Parse)];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_reads_back_its_version(string name, string version)
    {
        using var stream = File.OpenRead(FixturePath(name, version));
        var result = PeVersionReader.Read(stream);

        Assert.Equal(PeVersionStatus.Ok, result.Status);
        Assert.Equal(Parse(version), result.FileVersion);
        Assert.Equal(Parse(version), result.ProductVersion);
        Assert.Equal(version, result.FormatFileVersion());
        Assert.Equal(version, result.FileVersionString);
        Assert.Contains(version, result.Detail, StringComparison.Ordinal);
        Assert.InRange(new FileInfo(FixturePath(name, version)).Length, 1, 16 * 1024);
    }

    [Fact]
    public void Hotfix_Q251070_build_is_distinguished_from_the_base_build()
    {
        var hotfix = ReadBytes(Fixture("Nt_logon.dll", "2.0.1239.62"));
        var baseBuild = ReadBytes(Fixture("Nt_logon.dll", "2.0.1239.0"));
        Assert.Equal("2.0.1239.62", hotfix.FormatFileVersion());
        Assert.Equal("2.0.1239.0", baseBuild.FormatFileVersion());
    }

    [Fact]
    public void Zero_byte_file_is_a_placeholder()
    {
        var result = ReadBytes([]);
        Assert.Equal(PeVersionStatus.Empty, result.Status);
        Assert.Null(result.FileVersion);
        Assert.Null(result.FormatFileVersion());
        Assert.Equal(0, result.BytesRead);
        Assert.Contains("empty", result.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Text_file_is_not_pe()
    {
        var result = ReadBytes(Encoding.ASCII.GetBytes("[Site]\r\nSiteCode=ABC\r\nSiteServer=\\\\SMSPRI01\r\n"));
        Assert.Equal(PeVersionStatus.NotPe, result.Status);
        Assert.Null(result.FileVersion);
        Assert.Contains("'MZ'", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_byte_file_is_not_pe()
    {
        Assert.Equal(PeVersionStatus.NotPe, ReadBytes([(byte)'M']).Status);
    }

    [Fact]
    public void MZ_too_short_for_a_DOS_header_is_corrupt()
    {
        var result = ReadBytes("MZ"u8.ToArray());
        Assert.Equal(PeVersionStatus.Corrupt, result.Status);
        Assert.Contains("too short for a DOS header", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void MZ_with_header_offset_past_the_end_is_corrupt_and_says_where()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0x3C), 0x12345678);

        var result = ReadBytes(bytes);

        Assert.Equal(PeVersionStatus.Corrupt, result.Status);
        Assert.Equal("PE header offset 0x12345678 lies beyond the end of the file (4096 bytes).", result.Detail);
    }

    [Fact]
    public void MZ_without_PE_signature_is_a_DOS_program_not_pe()
    {
        var bytes = new byte[512];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0x3C), 0x80);
        "NE"u8.CopyTo(bytes.AsSpan(0x80));

        var result = ReadBytes(bytes);

        Assert.Equal(PeVersionStatus.NotPe, result.Status);
        Assert.Contains("no 'PE' signature at offset 0x00000080", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_copies_never_throw_and_never_report_a_wrong_version()
    {
        var full = Fixture("Nt_logon.dll", "2.0.1239.62");
        var lengths = Enumerable.Range(0, (full.Length / 97) + 1).Select(i => i * 97)
            .Concat([1, 2, 63, 64, 65, full.Length - 1]);
        int ok = 0;
        foreach (int length in lengths)
        {
            var result = ReadBytes(full[..length]);

            Assert.NotNull(result.Detail);
            Assert.NotEqual(string.Empty, result.Detail);
            Assert.InRange(result.BytesRead, 0, length);
            if (result.Status == PeVersionStatus.Ok)
            {
                Assert.Equal("2.0.1239.62", result.FormatFileVersion());
                ok++;
            }
            else
            {
                Assert.Null(result.FileVersion);
                Assert.True(
                    length == 0 ? result.Status == PeVersionStatus.Empty : result.Status is PeVersionStatus.Corrupt or PeVersionStatus.NotPe,
                    $"length {length}: {result.Status}: {result.Detail}");
            }
        }

        Assert.True(ok > 0, "a copy truncated only after its resource section must still read");
        Assert.NotEqual(PeVersionStatus.Ok, ReadBytes(full[..(full.Length / 2)]).Status);
    }

    [Fact]
    public void Truncated_copy_in_the_section_table_names_the_problem()
    {
        var full = Fixture("Ccm.dll", "2.0.1380.1125");
        var headers = Headers(full);
        int sectionTable = headers.PEHeaderStartOffset + headers.CoffHeader.SizeOfOptionalHeader;

        var result = ReadBytes(full[..(sectionTable + 10)]);

        Assert.Equal(PeVersionStatus.Corrupt, result.Status);
        Assert.Contains("section table", result.Detail, StringComparison.Ordinal);
        Assert.Contains("cut off", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_copy_in_the_version_resource_names_the_problem()
    {
        var full = Fixture("Ccm.dll", "2.0.1380.1125");
        int key = IndexOf(full, Encoding.Unicode.GetBytes("VS_VERSION_INFO"));

        var result = ReadBytes(full[..(key + 10)]);

        Assert.Equal(PeVersionStatus.Corrupt, result.Status);
        Assert.Contains("version resource", result.Detail, StringComparison.Ordinal);
        Assert.EndsWith($"extends beyond the end of the file ({key + 10} bytes).", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(20_240_601);
        for (int i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length >= 0x100)
            {
                // Half the inputs get a valid MZ/PE prefix so the walk goes deeper than the DOS header.
                bytes[0] = (byte)'M';
                bytes[1] = (byte)'Z';
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0x3C), 0x40);
                "PE\0\0"u8.CopyTo(bytes.AsSpan(0x40));
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x58), (ushort)(i % 4 == 0 ? 0x10b : 0x20b));
            }

            var result = ReadBytes(bytes);

            Assert.False(string.IsNullOrEmpty(result.Detail));
            Assert.InRange(result.BytesRead, 0, bytes.Length);
            AssertWellFormed(result);
        }
    }

    [Fact]
    public void Mutated_real_binaries_never_throw()
    {
        var original = Fixture("Clicore.exe", "2.0.1493.3242");
        var random = new Random(1493);
        for (int i = 0; i < 2000; i++)
        {
            var bytes = (byte[])original.Clone();
            int flips = random.Next(1, 9);
            for (int f = 0; f < flips; f++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var result = ReadBytes(bytes);

            Assert.InRange(result.BytesRead, 0, bytes.Length);
            AssertWellFormed(result);
        }
    }

    [Fact]
    public async Task Resource_directory_pointing_to_itself_terminates()
    {
        var bytes = Fixture("Nt_logon.dll", "2.0.1239.62");
        int root = ResourceRootOffset(bytes);
        int typeEntry = FindIdEntry(bytes, root, 16);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(typeEntry + 4), 0x8000_0000); // subdirectory at offset 0: the root

        var task = Task.Run(() => ReadBytes(bytes));
        var first = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.Same(task, first);
        var result = await task;
        Assert.Equal(PeVersionStatus.Corrupt, result.Status);
        Assert.Contains("refers back", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Language_directory_pointing_back_to_the_name_directory_terminates()
    {
        var bytes = Fixture("Ccm.dll", "2.0.1239.64");
        int root = ResourceRootOffset(bytes);
        int typeEntry = FindIdEntry(bytes, root, 16);
        uint nameDirectory = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(typeEntry + 4)) & 0x7FFF_FFFF;
        int nameEntry = root + (int)nameDirectory + 16;
        uint languageDirectory = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(nameEntry + 4)) & 0x7FFF_FFFF;
        int languageEntry = root + (int)languageDirectory + 16;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(languageEntry + 4), 0x8000_0000 | nameDirectory);

        var task = Task.Run(() => ReadBytes(bytes));
        var first = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.Same(task, first);
        var result = await task;
        Assert.Equal(PeVersionStatus.Corrupt, result.Status);
    }

    [Fact]
    public void Huge_entry_counts_are_bounded()
    {
        var bytes = Fixture("Baseobj.dll", "2.0.1380.1101");
        int root = ResourceRootOffset(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(root + 12), 0xFFFF);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(root + 14), 0xFFFF);

        var result = ReadBytes(bytes);

        Assert.Equal(PeVersionStatus.Corrupt, result.Status);
        Assert.Contains("run past the end of the resource section", result.Detail, StringComparison.Ordinal);
        Assert.True(result.BytesRead < bytes.Length);
    }

    [Fact]
    public void Huge_data_size_is_corrupt_not_allocated()
    {
        var bytes = Fixture("Baseobj.dll", "2.0.1380.1101");
        int dataEntry = VersionDataEntryOffset(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(dataEntry + 4), 0xFFFF_FFF0);

        var result = ReadBytes(bytes);

        Assert.Equal(PeVersionStatus.Corrupt, result.Status);
        Assert.Contains("extends beyond", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_entry_rva_outside_every_section_is_corrupt()
    {
        var bytes = Fixture("Baseobj.dll", "2.0.1380.1101");
        int dataEntry = VersionDataEntryOffset(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(dataEntry), 0x7000_0000);

        var result = ReadBytes(bytes);

        Assert.Equal(PeVersionStatus.Corrupt, result.Status);
        Assert.Contains("lies in none of the 3 sections", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_without_RT_VERSION_report_no_version_resource()
    {
        var bytes = Fixture("Smsman.exe", "2.0.1493.2000");
        int root = ResourceRootOffset(bytes);
        int typeEntry = FindIdEntry(bytes, root, 16);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(typeEntry), 24); // RT_MANIFEST

        var result = ReadBytes(bytes);

        Assert.Equal(PeVersionStatus.NoVersionResource, result.Status);
        Assert.Contains("RT_VERSION", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_without_resource_table_reports_no_version_resource()
    {
        var bytes = Fixture("Smsman.exe", "2.0.1493.2000");
        int directory = Headers(bytes).PEHeaderStartOffset + 96 + (2 * 8);
        bytes.AsSpan(directory, 8).Clear();

        var result = ReadBytes(bytes);

        Assert.Equal(PeVersionStatus.NoVersionResource, result.Status);
        Assert.Contains("no resources", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_fixed_file_info_signature_is_corrupt()
    {
        var bytes = Fixture("Boot32wn.exe", "2.0.1380.1000");
        int signature = IndexOf(bytes, BitConverter.GetBytes(0xFEEF04BDu));
        bytes[signature] ^= 0xFF;

        var result = ReadBytes(bytes);

        Assert.Equal(PeVersionStatus.Corrupt, result.Status);
        Assert.Contains("0xFEEF04BD", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_version_info_key_is_corrupt()
    {
        var bytes = Fixture("Boot32wn.exe", "2.0.1380.1000");
        int key = IndexOf(bytes, Encoding.Unicode.GetBytes("VS_VERSION_INFO"));
        bytes[key] = (byte)'X';

        var result = ReadBytes(bytes);

        Assert.Equal(PeVersionStatus.Corrupt, result.Status);
        Assert.Contains("VS_VERSION_INFO", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PE32_plus_image_is_read()
    {
        var bytes = ToPe32Plus(Fixture("Clicore.exe", "2.0.91.7"));
        Assert.Equal(PEMagic.PE32Plus, Headers(bytes).PEHeader!.Magic);

        var result = ReadBytes(bytes);

        Assert.Equal(PeVersionStatus.Ok, result.Status);
        Assert.Equal("2.0.91.7", result.FormatFileVersion());
        Assert.StartsWith("PE32+ image", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Only_headers_and_the_resource_section_are_read(string name, string version)
    {
        var bytes = Fixture(name, version);
        var headers = Headers(bytes);
        int sectionTableEnd = headers.PEHeaderStartOffset + headers.CoffHeader.SizeOfOptionalHeader
            + (headers.CoffHeader.NumberOfSections * 40);
        int resourceSize = headers.PEHeader!.ResourceTableDirectory.Size;
        int versionSize = VersionDataSize(bytes);

        using var counting = new CountingStream(bytes);
        var result = PeVersionReader.Read(counting);

        Assert.Equal(PeVersionStatus.Ok, result.Status);
        Assert.Equal(counting.Total, result.BytesRead);
        Assert.InRange(counting.LargestRead, 1, PeVersionReader.MaxVersionResourceBytes);
        Assert.True(result.BytesRead < bytes.Length, $"{result.BytesRead} of {bytes.Length}");
        Assert.True(result.BytesRead <= sectionTableEnd + resourceSize, $"{result.BytesRead} > headers {sectionTableEnd} + resources {resourceSize}");
        Assert.True(versionSize * 2 > result.BytesRead, $"version resource {versionSize} is not the bulk of {result.BytesRead}");
    }

    [Fact]
    public void Bytes_read_does_not_grow_with_the_file()
    {
        var bytes = Fixture("Nt_logon.dll", "2.0.1380.1105");
        var withOverlay = new byte[bytes.Length + (4 * 1024 * 1024)];
        bytes.CopyTo(withOverlay, 0);
        new Random(3).NextBytes(withOverlay.AsSpan(bytes.Length));

        var small = ReadBytes(bytes);
        var large = ReadBytes(withOverlay);

        Assert.Equal(PeVersionStatus.Ok, large.Status);
        Assert.Equal("2.0.1380.1105", large.FormatFileVersion());
        Assert.Equal(small.BytesRead, large.BytesRead);
        Assert.True(large.BytesRead < 4096);
    }

    [Fact]
    public void Unseekable_stream_is_reported_not_thrown()
    {
        using var stream = new UnseekableStream();
        var result = PeVersionReader.Read(stream);
        Assert.Equal(PeVersionStatus.Corrupt, result.Status);
        Assert.Contains("seekable", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Failing_stream_is_reported_not_thrown()
    {
        using var stream = new FailingStream(Fixture("Ccm.dll", "2.0.1493.2000"), failAfter: 100);
        var result = PeVersionReader.Read(stream);
        Assert.Equal(PeVersionStatus.Corrupt, result.Status);
        Assert.Contains("could not be read", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_file_version_joins_four_fields()
    {
        var result = new PeVersionResult(PeVersionStatus.Ok, [2, 0, 1239, 62], [2, 0, 1239, 0], null, "x");
        Assert.Equal("2.0.1239.62", result.FormatFileVersion());
        Assert.Equal("2.0.1239.0", result.FormatProductVersion());
    }

    private static void AssertWellFormed(PeVersionResult result)
    {
        if (result.Status == PeVersionStatus.Ok)
        {
            Assert.NotNull(result.FileVersion);
            Assert.NotNull(result.ProductVersion);
            Assert.Equal(4, result.FileVersion!.Length);
            Assert.All(result.FileVersion, field => Assert.InRange(field, 0, 65535));
        }
        else
        {
            Assert.Null(result.FileVersion);
            Assert.Null(result.ProductVersion);
        }
    }

    /// <summary>The BCL's independent parse of the headers, used to locate structures to patch.</summary>
    private static PEHeaders Headers(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return new PEHeaders(stream);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        int index = haystack.AsSpan().IndexOf(needle);
        Assert.True(index >= 0);
        return index;
    }

    /// <summary>File offset of the resource directory root, found with the BCL's header parser.</summary>
    private static int ResourceRootOffset(byte[] bytes)
    {
        var headers = Headers(bytes);
        Assert.True(headers.TryGetDirectoryOffset(headers.PEHeader!.ResourceTableDirectory, out int offset));
        return offset;
    }

    /// <summary>File offset of the directory entry with the given ID in the directory at <paramref name="directory"/>.</summary>
    private static int FindIdEntry(byte[] bytes, int directory, uint id)
    {
        int named = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(directory + 12));
        int ids = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(directory + 14));
        for (int i = named; i < named + ids; i++)
        {
            int entry = directory + 16 + (i * 8);
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(entry)) == id)
            {
                return entry;
            }
        }

        throw new InvalidOperationException($"No entry {id}.");
    }

    private static int VersionDataEntryOffset(byte[] bytes)
    {
        int root = ResourceRootOffset(bytes);
        int offset = FindIdEntry(bytes, root, 16);
        for (int level = 0; level < 3; level++)
        {
            uint target = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4)) & 0x7FFF_FFFF;
            offset = level < 2 ? root + (int)target + 16 : root + (int)target;
        }

        return offset;
    }

    private static int VersionDataSize(byte[] bytes) =>
        (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(VersionDataEntryOffset(bytes) + 4));

    /// <summary>
    /// Rewrites a PE32 image's optional header in the PE32+ layout (240 bytes instead of 224), moving
    /// the section table 16 bytes on; the sections themselves stay where they are.
    /// </summary>
    private static byte[] ToPe32Plus(byte[] pe32)
    {
        var bytes = (byte[])pe32.Clone();
        int lfanew = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(0x3C));
        int sections = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(lfanew + 6));
        int optionalSize = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(lfanew + 20));
        int optional = lfanew + 24;
        Assert.Equal(0x10b, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(optional)));
        var oldOptional = pe32.AsSpan(optional, optionalSize);
        var oldSections = pe32.AsSpan(optional + optionalSize, sections * 40);
        int firstRaw = (int)BinaryPrimitives.ReadUInt32LittleEndian(oldSections[20..]);
        Assert.True(optional + 240 + (sections * 40) <= firstRaw, "no room for the wider header");

        var plus = new byte[240];
        oldOptional[..24].CopyTo(plus);                           // magic .. AddressOfEntryPoint, BaseOfCode
        BinaryPrimitives.WriteUInt16LittleEndian(plus, 0x20b);
        BinaryPrimitives.WriteUInt64LittleEndian(plus.AsSpan(24), BinaryPrimitives.ReadUInt32LittleEndian(oldOptional[28..])); // ImageBase
        oldOptional[32..72].CopyTo(plus.AsSpan(32));              // alignments .. DllCharacteristics
        for (int i = 0; i < 4; i++)                               // stack and heap sizes widen to 64 bits
        {
            BinaryPrimitives.WriteUInt64LittleEndian(plus.AsSpan(72 + (i * 8)), BinaryPrimitives.ReadUInt32LittleEndian(oldOptional[(72 + (i * 4))..]));
        }

        oldOptional[88..224].CopyTo(plus.AsSpan(104));            // LoaderFlags, NumberOfRvaAndSizes, 16 data directories

        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(lfanew + 20), 240);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(lfanew + 4), 0x8664);   // AMD64
        plus.CopyTo(bytes.AsSpan(optional));
        oldSections.CopyTo(bytes.AsSpan(optional + 240));
        return bytes;
    }

    /// <summary>A read-only stream over bytes that counts what is read through it.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public long Total { get; private set; }

        public int LargestRead { get; private set; }

        // A MemoryStream subclass routes Read(Span<byte>) through this overload, so counting here counts every read once.
        public override int Read(byte[] buffer, int offset, int count) => Count(base.Read(buffer, offset, count));

        public override int ReadByte()
        {
            int b = base.ReadByte();
            Count(b < 0 ? 0 : 1);
            return b;
        }

        private int Count(int read)
        {
            Total += read;
            LargestRead = Math.Max(LargestRead, read);
            return read;
        }
    }

    private sealed class UnseekableStream : MemoryStream
    {
        public UnseekableStream()
            : base([(byte)'M', (byte)'Z'], writable: false)
        {
        }

        public override bool CanSeek => false;
    }

    private sealed class FailingStream(byte[] bytes, int failAfter) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            Position + count > failAfter ? throw new IOException("simulated read failure") : base.Read(buffer, offset, count);
    }
}

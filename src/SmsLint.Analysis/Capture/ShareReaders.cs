using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SmsLint.Discover;

namespace SmsLint.Capture;

/// <summary>One file a share source lists: its path inside the share ('/'), size, last-write time (UTC) and attributes.</summary>
public sealed record SourceFile(string Path, long Size, DateTime? LastWrite, bool? ReadOnly, bool? Hidden);

/// <summary>A share cannot be listed at all; <see cref="Exception.Message"/> is the reason recorded in capture.json.</summary>
public sealed class ShareUnreachableException(string reason) : Exception(reason);

/// <summary>Reads one share without ever writing to it: lists its files, then copies the chosen ones.</summary>
public interface IShareReader : IDisposable
{
    /// <summary>Every file of the share (throws <see cref="ShareUnreachableException"/>).</summary>
    IReadOnlyList<SourceFile> List();

    /// <summary>
    /// Reads the given files; a file that cannot be read maps to a reason instead of bytes.
    /// <paramref name="maxBytes"/> bounds each file.
    /// </summary>
    IEnumerable<(SourceFile File, byte[]? Bytes, string? Reason)> Read(IReadOnlyList<SourceFile> files, long maxBytes);
}

/// <summary>How sources are named: a folder, a UNC path, or smb://host[:port]/share[/path].</summary>
public static class SourceLocations
{
    public static bool IsSmbUrl(string source) => source.StartsWith("smb://", StringComparison.OrdinalIgnoreCase);

    public static bool IsUnc(string source) => source.StartsWith(@"\\", StringComparison.Ordinal) || source.StartsWith("//", StringComparison.Ordinal);

    /// <summary>True when an smb:// URL carries user info ("user:pass@host"), which is never accepted.</summary>
    public static bool HasCredentials(string source) =>
        IsSmbUrl(source) && source[6..].Split('/')[0].Contains('@', StringComparison.Ordinal);

    /// <summary>The local folder a source names (a folder path, or a UNC path where the OS opens it); null for smb://.</summary>
    public static string? LocalFolder(string source) => IsSmbUrl(source) ? null : Path.GetFullPath(source);
}

/// <summary>A local or mounted folder, or a UNC path the OS opens (Windows), read through <see cref="DirectorySource"/>.</summary>
public sealed class FolderShareReader(string folder) : IShareReader
{
    private DirectorySource? _source;

    public IReadOnlyList<SourceFile> List()
    {
        if (SourceLocations.IsUnc(folder) && !OperatingSystem.IsWindows())
        {
            throw new ShareUnreachableException("UNC paths open only where the operating system opens them (Windows); on Linux give smb://host/share or the folder where the share is mounted");
        }

        if (!Directory.Exists(folder))
        {
            throw new ShareUnreachableException($"the folder '{folder}' does not exist or cannot be opened");
        }

        _source = new DirectorySource(folder);
        if (_source.Problems.FirstOrDefault(p => p.Path.Length == 0) is { } root)
        {
            throw new ShareUnreachableException($"the folder '{folder}' {root.Message}");
        }

        var files = new List<SourceFile>();
        foreach (var entry in _source.Entries)
        {
            var info = new FileInfo(Path.Combine(_source.RootPath, entry.Path));
            DateTime? written = null;
            bool? readOnly = null, hidden = null;
            try
            {
                written = info.LastWriteTimeUtc;
                var attributes = info.Attributes;
                readOnly = (attributes & FileAttributes.ReadOnly) != 0;
                hidden = (attributes & FileAttributes.Hidden) != 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Listed but not stat-able: the read reports it.
            }

            files.Add(new SourceFile(entry.Path, entry.Length, written, readOnly, hidden));
        }

        return files;
    }

    public IEnumerable<(SourceFile File, byte[]? Bytes, string? Reason)> Read(IReadOnlyList<SourceFile> files, long maxBytes)
    {
        var byPath = _source!.Entries.ToDictionary(e => e.Path, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var entry = byPath[file.Path];
            if (entry.Unreadable is { } unreadable)
            {
                yield return (file, null, unreadable);
                continue;
            }

            var bytes = _source.ReadAll(entry, maxBytes, out var problem);
            yield return bytes is null ? (file, null, problem?.Message ?? "could not be read") : (file, bytes, null);
        }
    }

    public void Dispose() => _source?.Dispose();
}

/// <summary>What smbclient needs besides the URL: credentials from a file or the environment, and protocol options.</summary>
public sealed record SmbOptions
{
    /// <summary>The smbclient program (default: "smbclient" on the PATH).</summary>
    public string Program { get; init; } = "smbclient";

    /// <summary>An authentication file for smbclient -A (username=, password=, domain= lines).</summary>
    public string? AuthenticationFile { get; init; }

    /// <summary>User name from the environment (SMSLINT_SMB_USER); passed to smbclient in its USER variable, never on its command line.</summary>
    public string? User { get; init; }

    /// <summary>Password from the environment (SMSLINT_SMB_PASSWORD); passed to smbclient in its PASSWD variable.</summary>
    public string? Password { get; init; }

    /// <summary>"NT1" to let smbclient speak SMB1 to NT 4.0 domain controllers (client min protocol); null keeps smbclient's default.</summary>
    public string? MinProtocol { get; init; }

    /// <summary>Seconds smbclient waits for a server (its --timeout).</summary>
    public int TimeoutSeconds { get; init; } = 20;

    /// <summary>Reads credentials from SMSLINT_SMB_AUTH_FILE, SMSLINT_SMB_USER and SMSLINT_SMB_PASSWORD.</summary>
    public static SmbOptions FromEnvironment(SmbOptions? start = null)
    {
        var o = start ?? new SmbOptions();
        return o with
        {
            AuthenticationFile = o.AuthenticationFile ?? NullIfEmpty(Environment.GetEnvironmentVariable("SMSLINT_SMB_AUTH_FILE")),
            User = o.User ?? NullIfEmpty(Environment.GetEnvironmentVariable("SMSLINT_SMB_USER")),
            Password = o.Password ?? NullIfEmpty(Environment.GetEnvironmentVariable("SMSLINT_SMB_PASSWORD")),
        };
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}

/// <summary>
/// A share read through Samba's smbclient program: one session lists the share recursively (names,
/// sizes, attributes and times in UTC), a second one copies the chosen files into a private staging
/// folder with <c>get</c>. smbclient only reads; nothing is ever written to the share.
/// </summary>
public sealed partial class SmbShareReader : IShareReader
{
    private readonly SmbOptions _options;
    private readonly string _service;
    private readonly int? _port;
    private readonly string? _directory;
    private DirectoryInfo? _staging;

    public SmbShareReader(string url, SmbOptions options)
    {
        _options = options;
        var rest = url["smb://".Length..].Replace('\\', '/');
        var parts = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            throw new ShareUnreachableException($"'{url}' is not of the form smb://host[:port]/share[/path]");
        }

        var host = parts[0];
        var colon = host.LastIndexOf(':');
        if (colon > 0 && !host.EndsWith(']'))
        {
            if (!int.TryParse(host[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                throw new ShareUnreachableException($"'{url}' has an invalid port");
            }

            _port = port;
            host = host[..colon];
        }

        _service = $"//{host}/{Uri.UnescapeDataString(parts[1])}";
        _directory = parts.Length > 2 ? string.Join('\\', parts.Skip(2).Select(Uri.UnescapeDataString)) : null;
    }

    /// <summary>True when the smbclient program can be started.</summary>
    public static bool IsAvailable(string program = "smbclient")
    {
        try
        {
            var (code, _, _) = RunProcess(program, ["--version"], null, null, TimeSpan.FromSeconds(20));
            return code == 0;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return false;
        }
    }

    public IReadOnlyList<SourceFile> List()
    {
        var (code, stdout, stderr) = Run("recurse on\nls\n");
        var status = Status(stdout + "\n" + stderr);
        if (code != 0 || (status is not null && !stdout.Contains(" blocks of size ", StringComparison.Ordinal)))
        {
            throw new ShareUnreachableException(status ?? FirstLine(stderr) ?? $"smbclient exited with code {code}");
        }

        return ParseListing(stdout, _directory);
    }

    /// <summary>
    /// Parses the output of <c>recurse on; ls</c>: "\dir" headers, then "  name  ATTR  size  Day Mon dd hh:mm:ss yyyy"
    /// lines. Headers name folders from the share root; with a start folder (smb://host/share/path,
    /// smbclient -D) they are made relative to it.
    /// </summary>
    public static List<SourceFile> ParseListing(string stdout, string? startFolder = null)
    {
        var start = startFolder?.Replace('\\', '/').Trim('/');
        var files = new List<SourceFile>();
        var dir = string.Empty;
        foreach (var raw in stdout.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith('\\'))
            {
                dir = line.Trim('\\').Replace('\\', '/');
                if (start is { Length: > 0 })
                {
                    dir = dir.Equals(start, StringComparison.OrdinalIgnoreCase) ? string.Empty
                        : dir.StartsWith(start + "/", StringComparison.OrdinalIgnoreCase) ? dir[(start.Length + 1)..]
                        : dir;
                }

                continue;
            }

            var m = ListingLine().Match(line);
            if (!m.Success)
            {
                continue;
            }

            var name = m.Groups["name"].Value;
            var attributes = m.Groups["attr"].Value;
            if (attributes.Contains('D', StringComparison.Ordinal) || name is "." or "..")
            {
                continue;
            }

            DateTime? written = DateTime.TryParseExact(
                CollapseSpaces(m.Groups["date"].Value), "ddd MMM d HH:mm:ss yyyy", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                ? DateTime.SpecifyKind(t, DateTimeKind.Utc)
                : null;
            files.Add(new SourceFile(
                dir.Length == 0 ? name : $"{dir}/{name}",
                long.Parse(m.Groups["size"].Value, CultureInfo.InvariantCulture),
                written,
                attributes.Contains('R', StringComparison.Ordinal),
                attributes.Contains('H', StringComparison.Ordinal)));
        }

        return files;
    }

    private static string CollapseSpaces(string s) => MultipleSpaces().Replace(s.Trim(), " ");

    public IEnumerable<(SourceFile File, byte[]? Bytes, string? Reason)> Read(IReadOnlyList<SourceFile> files, long maxBytes)
    {
        if (files.Count == 0)
        {
            yield break;
        }

        _staging ??= Directory.CreateTempSubdirectory("smslint-capture-");
        var script = new StringBuilder();
        var locals = new List<string>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var local = Path.Combine(_staging.FullName, i.ToString(CultureInfo.InvariantCulture));
            locals.Add(local);
            script.Append("get \"").Append(files[i].Path.Replace('/', '\\')).Append("\" \"").Append(local).Append("\"\n");
        }

        var (_, stdout, stderr) = Run(script.ToString());
        var errors = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in OpenError().Matches(stdout + "\n" + stderr))
        {
            errors.TryAdd(m.Groups["path"].Value.Trim().TrimStart('\\').Replace('\\', '/'), m.Groups["status"].Value);
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var local = locals[i];
            if (!File.Exists(local))
            {
                var reason = errors.GetValueOrDefault(StripDirectory(file.Path)) ?? errors.GetValueOrDefault(file.Path) ?? "smbclient did not copy it";
                yield return (file, null, $"could not be read: {reason}");
                continue;
            }

            byte[]? bytes;
            string? problem = null;
            try
            {
                var length = new FileInfo(local).Length;
                bytes = length > maxBytes ? null : File.ReadAllBytes(local);
                if (bytes is null)
                {
                    problem = $"is {length:N0} bytes, over the limit of {maxBytes:N0}";
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                bytes = null;
                problem = $"could not be read from the staging folder: {ex.Message}";
            }
            finally
            {
                File.Delete(local);
            }

            yield return (file, bytes, problem);
        }
    }

    private string StripDirectory(string path) =>
        _directory is null ? path : $"{_directory.Replace('\\', '/')}/{path}";

    private (int Code, string Stdout, string Stderr) Run(string commands)
    {
        var args = new List<string> { _service };
        if (_port is { } port)
        {
            args.Add("-p");
            args.Add(port.ToString(CultureInfo.InvariantCulture));
        }

        args.Add($"--timeout={_options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}");
        if (_directory is not null)
        {
            args.Add("-D");
            args.Add(_directory);
        }

        var env = new Dictionary<string, string?> { ["TZ"] = "UTC", ["LC_ALL"] = "C" };
        if (_options.AuthenticationFile is { } auth)
        {
            args.Add("-A");
            args.Add(auth);
        }
        else if (_options.User is { } user)
        {
            // smbclient reads USER and PASSWD from its environment: the password never reaches a command line.
            env["USER"] = user;
            env["PASSWD"] = _options.Password ?? string.Empty;
        }
        else
        {
            args.Add("-N");
        }

        if (_options.MinProtocol is { } min)
        {
            args.Add($"--option=client min protocol={min}");
        }

        try
        {
            return RunProcess(_options.Program, args, env, commands, TimeSpan.FromSeconds(Math.Max(60, _options.TimeoutSeconds * 3)) + TimeSpan.FromMinutes(30));
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ShareUnreachableException($"the smbclient program could not be started ({ex.Message}); install Samba's smbclient (Debian: apt-get install smbclient)");
        }
    }

    private static (int Code, string Stdout, string Stderr) RunProcess(string program, IEnumerable<string> args, IDictionary<string, string?>? env, string? stdin, TimeSpan limit)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                info.Environment[k] = v;
            }
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"'{program}' did not start");
        var outTask = process.StandardOutput.ReadToEndAsync();
        var errTask = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new ShareUnreachableException($"smbclient did not finish within {limit.TotalMinutes:0} minutes");
        }

        process.WaitForExit();
        return (process.ExitCode, outTask.GetAwaiter().GetResult(), errTask.GetAwaiter().GetResult());
    }

    private static string? Status(string output) => NtStatus().Match(output) is { Success: true } m ? m.Value : null;

    private static string? FirstLine(string text) => text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);

    [GeneratedRegex(@"^  (?<name>.+?)\s+(?<attr>[A-Z]*)\s+(?<size>\d+)\s+(?<date>[A-Z][a-z]{2} [A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2} \d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex ListingLine();

    [GeneratedRegex(@"(?<status>NT_STATUS_[A-Z_]+) opening remote file (?<path>[^\r\n]+)", RegexOptions.CultureInvariant)]
    private static partial Regex OpenError();

    [GeneratedRegex(@"NT_STATUS_[A-Z_]+", RegexOptions.CultureInvariant)]
    private static partial Regex NtStatus();

    [GeneratedRegex(" {2,}", RegexOptions.CultureInvariant)]
    private static partial Regex MultipleSpaces();

    public void Dispose()
    {
        if (_staging is { Exists: true } staging)
        {
            try
            {
                staging.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

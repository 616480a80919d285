using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SmsLint.Capture;
using Xunit.Abstractions;

namespace SmsLint.Tests.Cli.Capture;

/// <summary>Runs only where Samba's smbd and smbclient are installed; otherwise the test is reported as skipped with the reason.</summary>
public sealed class SambaFactAttribute : FactAttribute
{
    public SambaFactAttribute()
    {
        if (SambaServer.Unavailable() is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>
/// A private smbd on 127.0.0.1 and a free unprivileged port, with its configuration, passdb, lock,
/// state, cache and pid folders in a temp folder; guests may read its shares. Stopped (by the process
/// id it was started with) on dispose.
/// </summary>
internal sealed class SambaServer : IDisposable
{
    private readonly Process _process;

    private SambaServer(Process process, int port, string root)
    {
        _process = process;
        Port = port;
        Root = root;
    }

    public int Port { get; }

    public string Root { get; }

    public static string? Find(string name) =>
        new[] { "/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists);

    /// <summary>Why the Samba test cannot run here, or null when it can.</summary>
    public static string? Unavailable()
    {
        if (OperatingSystem.IsWindows())
        {
            return "Samba's smbd does not run on Windows; the smb:// capture is tested on Linux";
        }

        if (Find("smbd") is null || Find("smbclient") is null)
        {
            return "Samba is not installed (smbd and smbclient; Debian: apt-get install samba smbclient, as .ci/run does)";
        }

        return Environment.UserName == "root" || Environment.GetEnvironmentVariable("SMSLINT_SMBD_NONROOT") == "1"
            ? null
            : "smbd needs root to serve files of other owners here; run as root (as CI does) or set SMSLINT_SMBD_NONROOT=1";
    }

    /// <summary>
    /// Starts smbd serving each (share name, folder) read-only: to guests, or with
    /// <paramref name="account"/> only to that passdb user (added with pdbedit, password on its stdin).
    /// </summary>
    public static SambaServer Start(string root, IEnumerable<(string Name, string Folder)> shares, (string User, string Password)? account = null)
    {
        foreach (var d in new[] { "lock", "state", "cache", "pid", "private", "log", "ncalrpc" })
        {
            Directory.CreateDirectory(Path.Combine(root, d));
        }

        var port = FreePort();
        var conf = new StringBuilder();
        conf.Append($"""
            [global]
              netbios name = SMSLINTTEST
              workgroup = SMSLINT
              server role = standalone server
              interfaces = 127.0.0.1
              bind interfaces only = yes
              smb ports = {port}
              lock directory = {root}/lock
              state directory = {root}/state
              cache directory = {root}/cache
              pid directory = {root}/pid
              private dir = {root}/private
              ncalrpc dir = {root}/ncalrpc
              log file = {root}/log/log.%m
              passdb backend = tdbsam:{root}/private/passdb.tdb
              map to guest = Bad User
              guest account = nobody
              load printers = no
              printing = bsd
              printcap name = /dev/null
              disable spoolss = yes
              disable netbios = yes
              # DOS attributes from the Unix mode only: no owner write bit = read-only.
              store dos attributes = no
              map readonly = yes
              map archive = no
              map hidden = no
              map system = no

            """);
        foreach (var (name, folder) in shares)
        {
            conf.Append($"""
                [{name}]
                  path = {folder}
                  read only = yes
                  guest ok = {(account is null ? "yes" : "no")}
                  {(account is { } a ? "valid users = " + a.User : string.Empty)}
                  force user = root

                """);
        }

        var confPath = Path.Combine(root, "smb.conf");
        File.WriteAllText(confPath, conf.ToString());
        if (account is { } user)
        {
            AddPassdbUser(confPath, user.User, user.Password);
        }
        var info = new ProcessStartInfo(Find("smbd")!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "--foreground", "--no-process-group", "-s", confPath, "-d", "1" })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new SambaServer(process, port, root);

        // Ready when it accepts connections (a readiness wait, not a timing assertion).
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"smbd exited with code {process.ExitCode}; see {root}/log");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        server.Dispose();
        throw new InvalidOperationException($"smbd did not accept connections on port {port}; see {root}/log");
    }

    /// <summary>pdbedit -a: the user must exist on the machine (the test uses 'daemon'); the password goes on standard input.</summary>
    private static void AddPassdbUser(string confPath, string user, string password)
    {
        var info = new ProcessStartInfo(Find("pdbedit") ?? throw new InvalidOperationException("pdbedit is not installed (apt-get install samba)"))
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "-s", confPath, "-a", "-u", user, "-t" })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write($"{password}\n{password}\n");
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pdbedit -a -u {user} failed with {process.ExitCode}: {stdout.Result} {stderr.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}

/// <summary>
/// The demo snapshot served by a real smbd (SMSLOGON, NETLOGON and SMS_SHR among its shares),
/// captured through smb:// with smbclient, scanned, and compared with a scan of the demo itself.
/// </summary>
public sealed class SambaCaptureTests(ITestOutputHelper output)
{
    [SambaFact]
    public void The_demo_captured_through_smb_scans_like_the_demo_and_the_source_is_unchanged()
    {
        var scratch = CaptureTestSupport.Scratch("samba");
        try
        {
            // The scenario, copied so a file can be made read-only without touching testdata/.
            var source = Path.Combine(scratch, "served");
            CaptureTestSupport.CopyTree(Path.Combine(Repo.TestData, "demo"), source);
            var copyLog = Path.Combine(source, "DC01", "SMSLOGON", "Config", "Copylog.tcf");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(copyLog, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
            var before = CaptureTestSupport.Fingerprint(source);

            // DC01's SMSLOGON and NETLOGON and SRV12's SMS_SHR under their own names; the other shares as MACHINE-SHARE.
            var shares = CaptureTestSupport.Shares(source);
            var served = shares.Select(s => (Name: ServedName(s.Machine, s.Share), s.Folder, s.Machine, s.Share)).ToList();
            Assert.Contains(served, s => s.Name == "SMSLOGON");
            Assert.Contains(served, s => s.Name == "NETLOGON");
            Assert.Contains(served, s => s.Name == "SMS_SHR");

            var expected = CliRunner.Run("scan", source, "--fail-level", "none");
            using var smbd = SambaServer.Start(Path.Combine(scratch, "samba"), served.Select(s => (s.Name, s.Folder)));
            var args = new List<string> { "capture" };
            foreach (var s in served)
            {
                args.AddRange(["--from", $"{s.Machine}/{s.Share}=smb://127.0.0.1:{smbd.Port}/{s.Name}"]);
            }

            args.AddRange(["--from", $"DC09/SMSLOGON=smb://127.0.0.1:{smbd.Port}/NOSUCHSHARE"]);
            args.AddRange(["--hierarchy", Path.Combine(source, "hierarchy.ini")]);
            var zip = Path.Combine(scratch, "captured.zip");
            var watch = Stopwatch.StartNew();
            var capture = CliRunner.Run([.. args, "--output", zip]);
            watch.Stop();
            output.WriteLine(capture.Err);
            Assert.True(capture.Exit == 1, $"exit {capture.Exit} (1 expected: one share unreachable)\n{capture.Err}");
            Assert.Contains($"[{served.Count + 1}/{served.Count + 1}] DC09/SMSLOGON: unreachable (NT_STATUS_BAD_NETWORK_NAME)", capture.Err, StringComparison.Ordinal);
            var folder = Path.Combine(scratch, "captured");
            var toFolder = CliRunner.Run([.. args, "--output", folder]);
            Assert.True(toFolder.Exit == 1, toFolder.Err);

            // The source is unchanged: content hashes, last-write times and modes of every file and folder.
            Assert.Equal(before, CaptureTestSupport.Fingerprint(source));
            output.WriteLine($"capture of {served.Count} shares through smbd took {watch.Elapsed.TotalSeconds:0.0} s; zip {new FileInfo(zip).Length:N0} bytes; {before.Count} source entries unchanged");

            // capture.json: the read-only attribute came through Samba, times are the source's, the bad share is recorded.
            using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, CaptureManifest.FileName)));
            var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f);
            Assert.True(files["DC01/SMSLOGON/Config/Copylog.tcf"].GetProperty("readOnly").GetBoolean());
            Assert.False(files["DC02/SMSLOGON/Config/Copylog.tcf"].GetProperty("readOnly").GetBoolean());
            foreach (var (path, file) in files)
            {
                Assert.Equal(CaptureManifest.FormatTime(File.GetLastWriteTimeUtc(Path.Combine(source, path))), file.GetProperty("lastWrite").GetString());
                Assert.Equal(new FileInfo(Path.Combine(source, path)).Length, file.GetProperty("size").GetInt64());
            }

            var bad = manifest.RootElement.GetProperty("shares").EnumerateArray().Single(s => s.GetProperty("path").GetString() == "DC09/SMSLOGON");
            Assert.Equal("unreachable", bad.GetProperty("outcome").GetString());
            Assert.Equal("NT_STATUS_BAD_NETWORK_NAME", bad.GetProperty("reason").GetString());

            // The captured snapshot scans like the scenario, plus what only the capture can show:
            // the unreachable share (SMS0015) and the read-only Copylog.tcf after SP2 (SMS1011).
            var fromZip = CliRunner.Run("scan", zip, "--fail-level", "none");
            var fromFolder = CliRunner.Run("scan", folder, "--fail-level", "none");
            Assert.Equal(fromFolder.Out, fromZip.Out);
            var capturedFindings = CaptureTestSupport.Findings(fromZip.Out);
            // The rules that need an SMSLOGON share each say, at the share's line of capture.json, that they cannot tell about DC09's.
            var cannotTell = capturedFindings.Where(f => f.StartsWith("capture.json:", StringComparison.Ordinal) && f.Contains(": cannot tell on share '", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(cannotTell);
            Assert.All(cannotTell, f => Assert.Contains("cannot tell on share 'DC09/SMSLOGON', which capture.json records as unreachable (NT_STATUS_BAD_NETWORK_NAME).", f, StringComparison.Ordinal));
            // A finding's block is its line, then its related locations and its '= help:' line.
            static string Head(string block) => block.Split('\n')[0];
            Assert.Contains(cannotTell, f => Head(f).EndsWith("[SMS1009]", StringComparison.Ordinal));
            Assert.Equal(cannotTell.Count, cannotTell.Select(f => Head(f)[(Head(f).LastIndexOf('[') + 1)..]).Distinct().Count());
            var extra = capturedFindings.Where(f => f.Contains("[SMS0015]", StringComparison.Ordinal) || f.Contains("[SMS1011]", StringComparison.Ordinal)).Except(cannotTell).ToList();
            Assert.Equal(CaptureTestSupport.Findings(expected.Out), capturedFindings.Except(extra).Except(cannotTell).ToList());
            Assert.Single(extra, f => f.StartsWith("capture.json:", StringComparison.Ordinal) && f.Contains("'DC09/SMSLOGON'", StringComparison.Ordinal));
            Assert.Single(extra, f => f.StartsWith("DC01/SMSLOGON/Config/Copylog.tcf:1:1: warning: Copylog.tcf left read-only after SP2 (Q264630 workaround): 'DC01' is read-only", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>
    /// A share only a passdb user may read (no guest access), captured with the user's credentials
    /// from an authentication file: the capture succeeds, and neither the user name nor the password
    /// reaches smbclient's command line (a wrapper records its arguments) or capture.json.
    /// </summary>
    [SambaFact]
    public void A_passdb_user_from_an_authentication_file_never_reaches_the_command_line_or_capture_json()
    {
        var scratch = CaptureTestSupport.Scratch("samba-auth");
        try
        {
            var source = Path.Combine(scratch, "served");
            CaptureTestSupport.CopyTree(Path.Combine(Repo.TestData, "demo", "DC01", "SMSLOGON"), Path.Combine(source, "DC01", "SMSLOGON"));
            const string user = "daemon";
            var password = "Pw-" + Guid.NewGuid().ToString("N");
            using var smbd = SambaServer.Start(Path.Combine(scratch, "samba"), [("SMSLOGON", Path.Combine(source, "DC01", "SMSLOGON"))], (user, password));

            // smbclient behind a wrapper that records every argument it is given.
            var argLog = Path.Combine(scratch, "smbclient-args.txt");
            var wrapper = Path.Combine(scratch, "smbclient-wrapper.sh");
            File.WriteAllText(wrapper, $"#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\" >> '{argLog}'; done\nexec '{SambaServer.Find("smbclient")}' \"$@\"\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var url = $"smb://127.0.0.1:{smbd.Port}/SMSLOGON";
            int Capture(string destination, string? authFile)
            {
                var err = new StringWriter();
                var code = SmsLint.Cli.Commands.CaptureRunner.Run(new SmsLint.Cli.Commands.CaptureRequest { From = [$"DC01/SMSLOGON={url}"], Output = destination, AuthenticationFile = authFile, SmbClient = wrapper }, TextWriter.Null, err);
                output.WriteLine(err.ToString());
                return code;
            }

            // Without credentials the share refuses the guest: recorded unreachable, not captured.
            Assert.Equal(1, Capture(Path.Combine(scratch, "anonymous"), null));

            var auth = Path.Combine(scratch, "smb-auth.txt");
            File.WriteAllText(auth, $"username = {user}\npassword = {password}\ndomain = SMSLINT\n");
            var folder = Path.Combine(scratch, "captured");
            File.Delete(argLog); // only the authenticated run's arguments are checked
            Assert.Equal(0, Capture(folder, auth));
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(source, "DC01", "SMSLOGON", "Config", "Copylog.tcf")),
                File.ReadAllBytes(Path.Combine(folder, "DC01", "SMSLOGON", "Config", "Copylog.tcf")));

            var manifest = File.ReadAllText(Path.Combine(folder, CaptureManifest.FileName));
            using (var doc = JsonDocument.Parse(manifest))
            {
                Assert.Equal("captured", doc.RootElement.GetProperty("shares")[0].GetProperty("outcome").GetString());
            }

            Assert.DoesNotContain(password, manifest, StringComparison.Ordinal);
            Assert.DoesNotContain("username", manifest, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(user, manifest, StringComparison.OrdinalIgnoreCase);

            var args = File.ReadAllLines(argLog);
            Assert.NotEmpty(args);
            Assert.Contains(url.Replace("smb:", string.Empty, StringComparison.Ordinal).Split(':')[0], string.Join(" ", args), StringComparison.Ordinal);
            Assert.All(args, a => Assert.DoesNotContain(password, a, StringComparison.Ordinal));
            Assert.All(args, a => Assert.False(a.Contains(user, StringComparison.OrdinalIgnoreCase) && !a.Contains(scratch, StringComparison.Ordinal), $"user name on the command line: {a}"));
            Assert.All(args, a => Assert.DoesNotContain("%", a, StringComparison.Ordinal)); // no -U user%password form
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string ServedName(string machine, string share) => (machine, share) switch
    {
        ("DC01", "SMSLOGON") or ("DC01", "NETLOGON") or ("SRV12", "SMS_SHR") => share,
        _ => $"{machine}-{share.Replace("$", string.Empty, StringComparison.Ordinal)}",
    };
}

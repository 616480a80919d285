using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SmsLint.Tests.Cli.Browser;

/// <summary>A [Fact] that reports Skipped, with the reason, where no Chromium is installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable is null)
        {
            Skip = "Chromium is not installed (apt-get install chromium; .ci/run installs it); set SMSLINT_CHROMIUM to use another binary.";
        }
    }
}

/// <summary>
/// Headless Chromium driven over the DevTools protocol (a WebSocket, no extra package): open a
/// page, collect console errors, exceptions and every network request, evaluate script, take a
/// screenshot. Each instance is its own browser process with a fresh profile, ended on dispose.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly ClientWebSocket _socket = new();
    private readonly string _profile;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _receiver;
    private int _nextId;
    private string? _session;
    private TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Chromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>SMSLINT_CHROMIUM, else chromium or chromium-browser on PATH; null when none.</summary>
    public static string? Executable { get; } = Find();

    /// <summary>Console errors and uncaught exceptions, as text.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Every URL the page requested.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<Chromium> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("smslint-chromium-").FullName;
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("no Chromium"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps", "--hide-scrollbars", "--mute-audio",
            $"--user-data-dir={profile}", "--remote-debugging-port=0", "--window-size=1280,800", "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var browser = new Chromium(process, profile);
        var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            const string marker = "DevTools listening on ";
            if (e.Data is { } line && line.Contains(marker, StringComparison.Ordinal))
            {
                url.TrySetResult(line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim());
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var ws = await url.Task.WaitAsync(Patience);
            await browser._socket.ConnectAsync(new Uri(ws), CancellationToken.None).WaitAsync(Patience);
            browser._receiver = Task.Run(browser.ReceiveAsync);
            var target = await browser.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browserLevel: true);
            var attached = await browser.SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, browserLevel: true);
            browser._session = attached["sessionId"]!.GetValue<string>();
            foreach (var domain in new[] { "Page.enable", "Runtime.enable", "Log.enable", "Network.enable" })
            {
                await browser.SendAsync(domain);
            }

            await browser.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 1280, ["height"] = 800, ["deviceScaleFactor"] = 1, ["mobile"] = false });
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens the page and waits for its load event.</summary>
    public async Task NavigateAsync(string url)
    {
        _loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await _loaded.Task.WaitAsync(Patience);
    }

    /// <summary>Evaluates an expression in the page and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] is { } ex)
        {
            throw new InvalidOperationException("page script failed: " + ex.ToJsonString());
        }

        return result["result"]?["value"]?.DeepClone();
    }

    /// <summary>A PNG of the viewport, or of the given page rectangle (CSS pixels).</summary>
    public async Task<byte[]> ScreenshotAsync(double? x = null, double? y = null, double? width = null, double? height = null)
    {
        var args = new JsonObject { ["format"] = "png" };
        if (x is not null)
        {
            args["clip"] = new JsonObject { ["x"] = x, ["y"] = y, ["width"] = width, ["height"] = height, ["scale"] = 1 };
            args["captureBeyondViewport"] = true;
        }

        var result = await SendAsync("Page.captureScreenshot", args);
        return Convert.FromBase64String(result["data"]!.GetValue<string>());
    }

    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, bool browserLevel = false)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (!browserLevel && _session is not null)
        {
            message["sessionId"] = _session;
        }

        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var response = await reply.Task.WaitAsync(Patience);
        if (response["error"] is { } error)
        {
            throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        }

        return response["result"] as JsonObject ?? [];
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }

                var json = JsonNode.Parse(message.ToArray()) as JsonObject;
                message.SetLength(0);
                if (json is null)
                {
                    continue;
                }

                if (json["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var waiter))
                {
                    waiter.TrySetResult(json);
                }
                else if (json["method"]?.GetValue<string>() is { } method)
                {
                    OnEvent(method, json["params"] as JsonObject ?? []);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            foreach (var waiter in _pending.Values)
            {
                waiter.TrySetException(new InvalidOperationException("the browser connection closed"));
            }
        }
    }

    private void OnEvent(string method, JsonObject p)
    {
        var level = method == "Log.entryAdded" ? (p["entry"] as JsonObject)?["level"]?.GetValue<string>() : null;
        var type = method == "Runtime.consoleAPICalled" ? p["type"]?.GetValue<string>() : null;
        if (method == "Page.loadEventFired")
        {
            _loaded.TrySetResult();
        }
        else if (method == "Network.requestWillBeSent")
        {
            Requests.Enqueue((p["request"] as JsonObject)?["url"]?.GetValue<string>() ?? "?");
        }
        else if (method == "Runtime.exceptionThrown")
        {
            Errors.Enqueue("exception: " + p.ToJsonString());
        }
        else if (type is "error" or "assert")
        {
            Errors.Enqueue("console: " + p.ToJsonString());
        }
        else if (level == "error")
        {
            Errors.Enqueue("log: " + p.ToJsonString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Dispose();
        if (_receiver is not null)
        {
            await Task.WhenAny(_receiver, Task.Delay(TimeSpan.FromSeconds(5)));
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
        }

        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SMSLINT_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using BalkanBot.Channels.Slack;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// The bot as its own operating-system process (the build output next to the tests, run with `dotnet`), configured
/// only through environment variables, listening on a port the OS picks. Its console log is kept, so a test can wait
/// for a line the bot writes; <see cref="Kill"/> is SIGKILL, as `kill -9` would be.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private BotProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.Exited += (_, _) => _listening.TrySetException(new InvalidOperationException($"{Name} exited before listening:\n{Output}"));
    }

    public string Name { get; }
    public string BaseUrl => _listening.Task.Result;
    public int Id => _process.Id;
    public string Output { get { lock (_lines) return string.Join('\n', _lines); } }

    /// <summary>Starts the bot with these settings (as environment variables, "Section__Key") and waits until it listens.</summary>
    public static async Task<BotProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "balkanbot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Logging__LogLevel__System.Net.Http"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(name, process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await bot._listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
        return bot;
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
        if (Listening().Match(line) is { Success: true } m) _listening.TrySetResult(m.Groups[1].Value);
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();

    /// <summary>Lines of the console log that contain <paramref name="text"/>.</summary>
    public int Count(string text)
    {
        lock (_lines) return _lines.Count(l => l.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>Waits until the bot has logged a line containing <paramref name="text"/>.</summary>
    public Task WaitForLogAsync(string text, TimeSpan? timeout = null) =>
        TestSupport.TestWait.UntilAsync(() => Count(text) > 0, timeout ?? TimeSpan.FromSeconds(60), $"{Name} to log \"{text}\"");

    /// <summary>SIGKILL: no shutdown, no cleanup, leases and in-flight requests left as they are.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM: the host stops its scheduler loop after the pass it is in, as a deployment's rolling stop does.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>POSTs a body signed as Slack signs it.</summary>
    public async Task<HttpResponseMessage> PostSlackAsync(string path, string body, string contentType, IReadOnlyDictionary<string, string>? headers = null)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, BaseUrl + path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Compute(SlackTestHost.Secret, ts, bytes));
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) request.Headers.Add(k, v);
        return await _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostEventAsync(string json, IReadOnlyDictionary<string, string>? headers = null) =>
        PostSlackAsync("/api/slack/events", json, "application/json", headers);

    public Task<HttpResponseMessage> PostCommandAsync(string text, string channel, string responseUrl) =>
        PostSlackAsync("/api/slack/commands", SlackPayloadsFor.Command(text, channel, "U0USER", responseUrl), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> PostInteractionAsync(string payloadJson) =>
        PostSlackAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payloadJson), "application/x-www-form-urlencoded");

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (InvalidOperationException) { } // never started
        _process.Dispose();
    }
}

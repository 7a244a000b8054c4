using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BalkanBot.Tests.Integration;

/// <summary>One request the fake Slack received.</summary>
public sealed record SlackCall(string Path, string? Authorization, string Body, DateTimeOffset At)
{
    public JsonNode? Json => Body.TrimStart().StartsWith('{') ? JsonNode.Parse(Body) : null;
    public string? Get(string property) => Json?[property]?.GetValue<string>();
}

/// <summary>A scripted reply: status, optional Retry-After seconds, body.</summary>
public sealed record FakeReply(int Status, string Body = """{"ok":true,"ts":"1700000000.000100"}""", int? RetryAfter = null);

/// <summary>
/// A real local Slack stand-in on 127.0.0.1 (Kestrel, ephemeral port): the Web API methods under /api/, response
/// URLs under /hooks/, and a Socket Mode WebSocket at /socket. It records every call and answers from a script
/// (429, 500, ok:false) before falling back to success.
/// </summary>
public sealed class SlackFakeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeReply>> _script = new();
    private int _sockets;

    /// <summary>While set, chat.postMessage waits for it before answering: the bot's first answer is then "in flight".</summary>
    public TaskCompletionSource? PostMessageGate { get; set; }

    /// <summary>Posts to response URLs named "stuck…" wait for this before answering (a response_url that hangs).</summary>
    public TaskCompletionSource StuckHooks { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Drives each Socket Mode connection (argument: the socket and its 1-based number).</summary>
    public Func<WebSocket, int, Task>? SocketHandler { get; set; }

    public string BaseUrl { get; }
    public string ApiBaseUrl => BaseUrl + "/api/";
    public string ResponseUrl(string name) => $"{BaseUrl}/hooks/{name}";
    public IReadOnlyList<SlackCall> Calls => _calls.ToArray();
    public int SocketConnections => _sockets;

    private SlackFakeApi(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    public static async Task<SlackFakeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        SlackFakeApi? fake = null;
        app.Map("/socket", async (HttpContext http) =>
        {
            if (!http.WebSockets.IsWebSocketRequest) { http.Response.StatusCode = 400; return; }
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            var n = Interlocked.Increment(ref fake!._sockets);
            if (fake.SocketHandler is { } handler) await handler(socket, n);
        });
        app.MapPost("/{**path}", (HttpContext http) => fake!.HandleAsync(http));
        await app.StartAsync();
        fake = new SlackFakeApi(app);
        return fake;
    }

    public void Script(string path, params FakeReply[] replies)
    {
        var q = _script.GetOrAdd(path, _ => new ConcurrentQueue<FakeReply>());
        foreach (var r in replies) q.Enqueue(r);
    }

    public IReadOnlyList<SlackCall> CallsTo(string path) => Calls.Where(c => c.Path == path).ToList();

    /// <summary>Waits until <paramref name="count"/> calls match, or fails after <paramref name="timeout"/> (default 30 s: a loaded machine answers slowly).</summary>
    public async Task<IReadOnlyList<SlackCall>> WaitForAsync(Func<SlackCall, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = Calls.Where(match).ToList();
            if (found.Count >= count) return found;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Expected {count} matching call(s), saw {found.Count}. Calls: {string.Join(", ", Calls.Select(c => c.Path))}");
            await Task.Delay(25);
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        _calls.Enqueue(new SlackCall(path, http.Request.Headers.Authorization.FirstOrDefault(), body, DateTimeOffset.UtcNow));
        if (path == "/api/chat.postMessage" && PostMessageGate is { } gate) await gate.Task.WaitAsync(TimeSpan.FromSeconds(20));
        if (path.StartsWith("/hooks/stuck", StringComparison.Ordinal)) await StuckHooks.Task.WaitAsync(TimeSpan.FromSeconds(30));

        FakeReply reply;
        if (_script.TryGetValue(path, out var q) && q.TryDequeue(out var scripted)) reply = scripted;
        else if (path == "/api/apps.connections.open") reply = new FakeReply(200, $$"""{"ok":true,"url":"{{BaseUrl.Replace("http://", "ws://")}}/socket"}""");
        else if (path.StartsWith("/hooks/", StringComparison.Ordinal)) reply = new FakeReply(200, "ok");
        else reply = new FakeReply(200);

        http.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is { } s) http.Response.Headers.RetryAfter = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.ContentType = reply.Body.StartsWith('{') ? "application/json" : "text/plain";
        await http.Response.WriteAsync(reply.Body);
    }

    public async ValueTask DisposeAsync()
    {
        PostMessageGate?.TrySetResult();
        StuckHooks.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

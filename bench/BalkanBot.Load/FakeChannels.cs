using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace BalkanBot.Load;

/// <summary>A Kestrel server on 127.0.0.1 with an ephemeral port; the harness never talks to anything else.</summary>
internal static class Loopback
{
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    public static string BaseUrl(WebApplication app) => app.Urls.First().TrimEnd('/');
}

/// <summary>
/// A Bot Connector stand-in: records when the reply to each activity id arrives. With <c>hang</c> it accepts the
/// connection and never answers, like a dead or malicious serviceUrl.
/// </summary>
internal sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long> _replies = new(StringComparer.Ordinal);
    private int _hung;

    private FakeConnector(WebApplication app) => _app = app;

    public string ServiceUrl => Loopback.BaseUrl(_app);
    public int Hung => _hung;
    public int Replies => _replies.Count;

    /// <summary>Stopwatch timestamp at which the reply to <paramref name="activityId"/> arrived, if it did.</summary>
    public long? ReplyAt(string activityId) => _replies.TryGetValue(activityId, out var at) ? at : null;

    /// <param name="latency">How long each answer takes, as a real connector's round trip does.</param>
    public static async Task<FakeConnector> StartAsync(TimeSpan latency, bool hang = false)
    {
        var app = Loopback.Create();
        var fake = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (HttpContext http, string? replyToId) =>
        {
            if (hang)
            {
                Interlocked.Increment(ref fake._hung);
                try { await Task.Delay(Timeout.Infinite, http.RequestAborted); }
                catch (OperationCanceledException) { }
                return Results.Empty;
            }
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            await Task.Delay(latency);
            var type = body.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "message" && replyToId is not null) fake._replies.TryAdd(replyToId, Stopwatch.GetTimestamp());
            return Results.Json(new { id = "r" + replyToId });
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>
/// Slack's Web API and response URLs stand-in: chat.postMessage answers are keyed by thread_ts, response_url
/// posts by the hook's name. Hooks whose name starts with "stuck" never answer.
/// </summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (long At, string Text)> _answers = new(StringComparer.Ordinal);

    private FakeSlack(WebApplication app) => _app = app;

    public string BaseUrl => Loopback.BaseUrl(_app);
    public string ApiBaseUrl => BaseUrl + "/api/";
    public string Hook(string name) => $"{BaseUrl}/hooks/{name}";

    public (long At, string Text)? AnswerFor(string key) => _answers.TryGetValue(key, out var a) ? a : null;

    /// <param name="latency">How long each answer takes, as Slack's Web API round trip does.</param>
    public static async Task<FakeSlack> StartAsync(TimeSpan latency)
    {
        var app = Loopback.Create();
        var fake = new FakeSlack(app);
        app.MapPost("/api/{method}", async (HttpContext http, string method) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var root = body.RootElement;
            await Task.Delay(latency);
            var key = root.TryGetProperty("thread_ts", out var ts) ? ts.GetString() : null;
            var text = root.TryGetProperty("text", out var tx) ? tx.GetString() ?? "" : "";
            if (key is not null) fake._answers.TryAdd(key, (Stopwatch.GetTimestamp(), text));
            return Results.Json(new { ok = true, ts = "1800000000.000100" });
        });
        app.MapPost("/hooks/{name}", async (HttpContext http, string name) =>
        {
            if (name.StartsWith("stuck", StringComparison.Ordinal))
            {
                try { await Task.Delay(Timeout.Infinite, http.RequestAborted); }
                catch (OperationCanceledException) { }
                return Results.Empty;
            }
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            await Task.Delay(latency);
            var text = body.RootElement.TryGetProperty("text", out var tx) ? tx.GetString() ?? "" : "";
            fake._answers.TryAdd(name, (Stopwatch.GetTimestamp(), text));
            return Results.Text("ok");
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

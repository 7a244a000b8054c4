using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BalkanBot.Tests.Integration;

/// <summary>A message the fake workspace accepted: who posted it (the bot token tells the instances apart) and where.</summary>
public sealed record PostedMessage(string Token, string Channel, string? ThreadTs, string Ts, string? Text, string? BlockId, JsonNode Body);

/// <summary>
/// One Slack workspace that several bot processes post to, on 127.0.0.1: chat.postMessage keeps every message in
/// its channel's history, conversations.history answers from it (with block ids, which is how an in-doubt digest is
/// found again), and response URLs under /hooks/ are recorded. Posts from a token put on hold are kept in the history
/// and then never answered: the request is on the wire when the test kills that process.
/// </summary>
public sealed class SlackWorkspaceFake : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<PostedMessage> _messages = new();
    private readonly ConcurrentQueue<(string Path, string Body)> _hooks = new();
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<PostedMessage> _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _ts;

    private SlackWorkspaceFake(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Urls.First().TrimEnd('/');
    }

    public string BaseUrl { get; }
    public string ApiBaseUrl => BaseUrl + "/api/";
    public string ResponseUrl(string name) => $"{BaseUrl}/hooks/{name}";
    public IReadOnlyList<PostedMessage> Messages => _messages.ToArray();
    public IReadOnlyList<(string Path, string Body)> Hooks => _hooks.ToArray();

    /// <summary>When set, the first token to post becomes <see cref="HoldToken"/>.</summary>
    public bool HoldFirstPoster { get; set; }

    /// <summary>Posts with this token are recorded as arrived and then left unanswered.</summary>
    public string? HoldToken => _holdToken;
    private string? _holdToken;

    /// <summary>Completes with the first post put on hold.</summary>
    public Task<PostedMessage> FirstHeld => _firstHeld.Task;

    public static async Task<SlackWorkspaceFake> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        SlackWorkspaceFake? fake = null;
        app.MapPost("/{**path}", (HttpContext http) => fake!.HandleAsync(http));
        await app.StartAsync();
        fake = new SlackWorkspaceFake(app);
        return fake;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        string body;
        using (var reader = new StreamReader(http.Request.Body)) body = await reader.ReadToEndAsync();
        var token = http.Request.Headers.Authorization.FirstOrDefault()?.Replace("Bearer ", "", StringComparison.Ordinal) ?? "";
        switch (path)
        {
            case "/api/chat.postMessage":
                var json = JsonNode.Parse(body)!;
                var ts = $"1800000000.{Interlocked.Increment(ref _ts):D6}";
                var message = new PostedMessage(token, (string)json["channel"]!, (string?)json["thread_ts"], ts, (string?)json["text"],
                    (string?)json["blocks"]?[0]?["block_id"], json);
                if (HoldFirstPoster) Interlocked.CompareExchange(ref _holdToken, token, null);
                _messages.Enqueue(message);
                if (HoldToken is { } hold && token == hold)
                {
                    _firstHeld.TrySetResult(message);
                    await _release.Task;
                    return;
                }
                await http.Response.WriteAsJsonAsync(new { ok = true, channel = message.Channel, ts });
                return;
            case "/api/conversations.history":
                var channel = (string?)Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body)["channel"];
                var history = Messages.Where(m => m.Channel == channel).Reverse()
                    .Select(m => new { ts = m.Ts, text = m.Text, blocks = m.Body["blocks"] }).ToList();
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync(JsonSerializer.Serialize(new { ok = true, messages = history, has_more = false }));
                return;
            default:
                if (path.StartsWith("/hooks/", StringComparison.Ordinal))
                {
                    _hooks.Enqueue((path, body));
                    await http.Response.WriteAsync("ok");
                    return;
                }
                await http.Response.WriteAsJsonAsync(new { ok = true, ts = $"1800000000.{Interlocked.Increment(ref _ts):D6}" });
                return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

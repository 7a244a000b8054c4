using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BalkanBot.Diagnostics;
using BalkanBot.Hosting;
using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Slack;

/// <summary>
/// The few Slack Web API calls the bot makes, sent directly over HTTP (no Slack SDK for .NET is available): bearer
/// token, JSON bodies. Two clients, one for the Web API and one for response_url posts, each with the shared
/// outbound pipeline (<see cref="OutboundHttp"/>): 429 honouring Retry-After, 5xx and network errors retried with
/// jittered backoff, a concurrency limit per host, no redirects.
/// </summary>
public sealed class SlackApiClient(IHttpClientFactory http, IOptionsMonitor<SlackOptions> options, ILogger<SlackApiClient> log)
{
    public const string HttpClientName = "slack";
    public const string ResponseUrlClientName = "slack-response-url";
    /// <summary>The error Slack gives for blocks it does not accept (a table in a workspace without tables).</summary>
    public const string InvalidBlocks = "invalid_blocks";

    /// <summary>Registers both clients with their pipelines; the policy follows the Slack options.</summary>
    public static void AddHttpClients(IServiceCollection services)
    {
        services.AddOutboundHttpClient(HttpClientName, sp => Policy(sp.GetRequiredService<IOptions<SlackOptions>>().Value));
        services.AddOutboundHttpClient(ResponseUrlClientName, sp => Policy(sp.GetRequiredService<IOptions<SlackOptions>>().Value));
    }

    /// <summary>
    /// Slack answers within a second or two when well; a first attempt that takes 5 s is better abandoned and retried.
    /// The per-host queue is as long as the work queue, so a burst waits for a slot instead of failing.
    /// </summary>
    internal static OutboundPolicy Policy(SlackOptions o) => new(MaxAttempts: o.MaxAttempts, FirstAttemptTimeout: TimeSpan.FromSeconds(5),
        RetryAttemptTimeout: TimeSpan.FromSeconds(10), TotalTimeout: TimeSpan.FromSeconds(Math.Max(30, o.MaxRetryAfterSeconds + 15)),
        BaseDelay: TimeSpan.FromMilliseconds(o.RetryBaseDelayMilliseconds), MaxRetryAfter: TimeSpan.FromSeconds(o.MaxRetryAfterSeconds),
        PerHostConcurrency: 32, PerHostQueue: o.QueueCapacity);

    public Task<SlackApiResult?> PostMessageAsync(SlackMessage message, CancellationToken cancellationToken = default) =>
        CallAsync("chat.postMessage", message, options.CurrentValue.BotToken, cancellationToken);

    public Task<SlackApiResult?> PostEphemeralAsync(SlackMessage message, CancellationToken cancellationToken = default) =>
        CallAsync("chat.postEphemeral", message, options.CurrentValue.BotToken, cancellationToken);

    /// <summary>assistant.threads.setSuggestedPrompts, setStatus or setTitle.</summary>
    public Task<SlackApiResult?> AssistantAsync(string method, SlackAssistantCall call, CancellationToken cancellationToken = default) =>
        SendAsync(HttpClientName, method, Json(method, call, SlackJson.Wire.SlackAssistantCall), cancellationToken);

    public Task<SlackApiResult?> PublishHomeAsync(SlackViewPublish publish, CancellationToken cancellationToken = default) =>
        SendAsync(HttpClientName, "views.publish", Json("views.publish", publish, SlackJson.Wire.SlackViewPublish), cancellationToken);

    /// <summary>The direct message between the bot and <paramref name="user"/> (opened if need be), or null.</summary>
    public async Task<string?> OpenDirectMessageAsync(string user, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpClientName, "conversations.open",
            Json("conversations.open", new SlackOpenConversation(user), SlackJson.Wire.SlackOpenConversation), cancellationToken).ConfigureAwait(false);
        return result is { Ok: true, Channel.Id: { Length: > 0 } id } ? id : null;
    }

    /// <summary>The ids of the conversations <paramref name="user"/> is in (first page, up to 200), or null when Slack
    /// would not say. A read method, so the arguments go form-encoded.</summary>
    public async Task<IReadOnlyList<string>?> UserConversationsAsync(string user, CancellationToken cancellationToken = default)
    {
        var o = options.CurrentValue;
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint(o, "users.conversations"))
        {
            Headers = { Authorization = Bearer(o.BotToken) },
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["user"] = user,
                ["types"] = "public_channel,private_channel,mpim,im",
                ["exclude_archived"] = "true",
                ["limit"] = "200",
            }),
        };
        var result = await SendAsync(HttpClientName, "users.conversations", request, cancellationToken).ConfigureAwait(false);
        return result is { Ok: true } ? (result.Channels ?? []).Select(c => c.Id).OfType<string>().ToList() : null;
    }

    /// <summary>The response_url is its own credential, valid for 5 posts in 30 minutes: no bearer token goes with it.</summary>
    public async Task<bool> PostToResponseUrlAsync(string responseUrl, SlackMessage message, CancellationToken cancellationToken = default) =>
        await PostToResponseUrlWithResultAsync(responseUrl, message, cancellationToken).ConfigureAwait(false) is { Ok: true };

    public Task<SlackApiResult?> PostToResponseUrlWithResultAsync(string responseUrl, SlackMessage message, CancellationToken cancellationToken = default) =>
        IsSlackUrl(responseUrl, options.CurrentValue)
            ? SendAsync(ResponseUrlClientName, "response_url", Json(HttpMethod.Post, new Uri(responseUrl), message, token: null), cancellationToken)
            : Task.FromResult<SlackApiResult?>(null);

    /// <summary>apps.connections.open with the app-level token: a fresh Socket Mode WebSocket URL, or null.</summary>
    public async Task<Uri?> OpenSocketModeConnectionAsync(CancellationToken cancellationToken = default)
    {
        var o = options.CurrentValue;
        var result = await SendAsync(HttpClientName, "apps.connections.open",
            new HttpRequestMessage(HttpMethod.Post, Endpoint(o, "apps.connections.open")) { Headers = { Authorization = Bearer(o.AppToken) } },
            cancellationToken).ConfigureAwait(false);
        return result is { Ok: true, Url: { } url } && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "wss" or "ws" ? uri : null;
    }

    /// <summary>response_url hosts we post to: Slack's own, or the configured API host (a proxy or a test double).</summary>
    public static bool IsSlackUrl(string url, SlackOptions o)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var u)) return false;
        if (u.Scheme == Uri.UriSchemeHttps && (u.Host == "slack.com" || u.Host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase))) return true;
        return Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) && u.Scheme == api.Scheme && u.Authority == api.Authority;
    }

    private Task<SlackApiResult?> CallAsync(string method, SlackMessage body, string? token, CancellationToken ct) =>
        SendAsync(HttpClientName, method, Json(HttpMethod.Post, Endpoint(options.CurrentValue, method), body, token), ct);

    private async Task<SlackApiResult?> SendAsync(string client, string method, HttpRequestMessage request, CancellationToken ct)
    {
        using var span = Telemetry.Source.StartActivity(Telemetry.Spans.SlackCall, ActivityKind.Client);
        span?.SetTag(Telemetry.Tags.Channel, ChannelKeys.Slack);
        span?.SetTag(Telemetry.Tags.SlackMethod, method);
        using (request)
        {
            try
            {
                using var response = await http.CreateClient(client).SendAsync(request, ct).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                span?.SetTag(Telemetry.Tags.Status, status);
                if (response.IsSuccessStatusCode)
                {
                    var result = await ReadResultAsync(method, response, ct).ConfigureAwait(false);
                    if (result is not { Ok: true }) Failed(span, method, status, result?.Error ?? "unreadable_response");
                    else span?.SetTag(Telemetry.Tags.Outcome, Telemetry.Outcomes.Delivered);
                    return result;
                }
                Log.SlackApiFailed(log, method, status, response.ReasonPhrase ?? "");
                Failed(span, method, status, null);
                // A response_url refuses blocks with 400 and the bare error code as the body.
                if (response.StatusCode == System.Net.HttpStatusCode.BadRequest
                    && (await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false)).Contains(InvalidBlocks, StringComparison.Ordinal))
                    return new SlackApiResult { Ok = false, Error = InvalidBlocks };
                return null;
            }
            catch (Exception ex) when (OutboundHttp.IsNoAnswer(ex, ct))
            {
                Log.SlackApiFailed(log, method, 0, ex.GetType().Name);
                Failed(span, method, 0, null);
                return null;
            }
        }
    }

    /// <summary>Counts a failed call by method and status; Slack's error code (ok:false answers come with 200) as a tag.</summary>
    private static void Failed(System.Diagnostics.Activity? span, string method, int status, string? error)
    {
        span?.SetStatus(ActivityStatusCode.Error, error);
        span?.SetTag(Telemetry.Tags.Outcome, Telemetry.Outcomes.Failed);
        span?.SetTag(Telemetry.Tags.SlackError, error);
        Telemetry.SlackApiErrors.Add(1, new TagList
        {
            { Telemetry.Tags.SlackMethod, method },
            { Telemetry.Tags.Status, status },
            { Telemetry.Tags.SlackError, error },
        });
    }

    private async Task<SlackApiResult?> ReadResultAsync(string method, HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        // response_url answers a bare "ok"; the Web API answers JSON with ok and, when false, an error code.
        if (!text.TrimStart().StartsWith('{')) return new SlackApiResult { Ok = true };
        try
        {
            var result = JsonSerializer.Deserialize(text, SlackJson.Inbound.TypeInfo<SlackApiResult>());
            if (result is { Ok: false }) Log.SlackApiError(log, method, result.Error ?? "(none)");
            return result;
        }
        catch (JsonException)
        {
            Log.SlackApiError(log, method, "unreadable response");
            return null;
        }
    }

    private static Uri Endpoint(SlackOptions o, string method) => new(new Uri(o.ApiBaseUrl.TrimEnd('/') + "/"), method);

    private HttpRequestMessage Json<T>(string method, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        new(HttpMethod.Post, Endpoint(options.CurrentValue, method))
        {
            Headers = { Authorization = Bearer(options.CurrentValue.BotToken) },
            Content = new StringContent(JsonSerializer.Serialize(body, type), Encoding.UTF8, "application/json"),
        };

    private static AuthenticationHeaderValue? Bearer(string? token) => string.IsNullOrEmpty(token) ? null : new("Bearer", token);

    private static HttpRequestMessage Json(HttpMethod verb, Uri uri, SlackMessage body, string? token) => new(verb, uri)
    {
        Headers = { Authorization = Bearer(token) },
        Content = new StringContent(JsonSerializer.Serialize(body, SlackJson.Wire.SlackMessage), Encoding.UTF8, "application/json"),
    };
}

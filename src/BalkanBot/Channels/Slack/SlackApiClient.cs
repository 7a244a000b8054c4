using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BalkanBot.Hosting;
using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Slack;

/// <summary>
/// The few Slack Web API calls the bot makes, sent directly over HTTP (no Slack SDK for .NET is available):
/// bearer token, JSON bodies, 429 honouring Retry-After, 5xx and network errors retried with jittered backoff.
/// </summary>
public sealed class SlackApiClient(IHttpClientFactory http, IOptionsMonitor<SlackOptions> options, TimeProvider clock, ILogger<SlackApiClient> log)
{
    public const string HttpClientName = "slack";

    public Task<SlackApiResult?> PostMessageAsync(SlackMessage message, CancellationToken cancellationToken = default) =>
        CallAsync("chat.postMessage", message, options.CurrentValue.BotToken, cancellationToken);

    public Task<SlackApiResult?> PostEphemeralAsync(SlackMessage message, CancellationToken cancellationToken = default) =>
        CallAsync("chat.postEphemeral", message, options.CurrentValue.BotToken, cancellationToken);

    /// <summary>The response_url is its own credential, valid for 5 posts in 30 minutes: no bearer token goes with it.</summary>
    public async Task<bool> PostToResponseUrlAsync(string responseUrl, SlackMessage message, CancellationToken cancellationToken = default)
    {
        if (!IsSlackUrl(responseUrl, options.CurrentValue)) return false;
        var result = await SendAsync("response_url", () => Json(HttpMethod.Post, new Uri(responseUrl), message, token: null), cancellationToken).ConfigureAwait(false);
        return result is { Ok: true };
    }

    /// <summary>apps.connections.open with the app-level token: a fresh Socket Mode WebSocket URL, or null.</summary>
    public async Task<Uri?> OpenSocketModeConnectionAsync(CancellationToken cancellationToken = default)
    {
        var o = options.CurrentValue;
        var result = await SendAsync("apps.connections.open",
            () => new HttpRequestMessage(HttpMethod.Post, Endpoint(o, "apps.connections.open")) { Headers = { Authorization = Bearer(o.AppToken) } },
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
        SendAsync(method, () => Json(HttpMethod.Post, Endpoint(options.CurrentValue, method), body, token), ct);

    private async Task<SlackApiResult?> SendAsync(string method, Func<HttpRequestMessage> request, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var client = http.CreateClient(HttpClientName);
        var status = 0;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? delay;
            try
            {
                using var req = request();
                using var response = await client.SendAsync(req, ct).ConfigureAwait(false);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode) return await ReadResultAsync(method, response, ct).ConfigureAwait(false);
                delay = RetryDelay(response, attempt, o);
            }
            catch (HttpRequestException)
            {
                status = 0;
                delay = Backoff(attempt, o);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                status = 0; // HttpClient timeout
                delay = Backoff(attempt, o);
            }
            if (delay is null || attempt >= o.MaxAttempts)
            {
                Log.SlackApiFailed(log, method, attempt, status);
                return null;
            }
            Log.SlackApiRetry(log, method, attempt, status, (long)delay.Value.TotalMilliseconds);
            await Task.Delay(delay.Value, clock, ct).ConfigureAwait(false);
        }
    }

    /// <summary>429: Slack's Retry-After (seconds); 5xx: jittered exponential backoff; other 4xx: no retry.</summary>
    private TimeSpan? RetryDelay(HttpResponseMessage response, int attempt, SlackOptions o)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var ra = response.Headers.RetryAfter;
            var after = ra?.Delta ?? (ra?.Date - clock.GetUtcNow()) ?? TimeSpan.FromSeconds(1);
            if (after < TimeSpan.Zero) after = TimeSpan.Zero;
            return after.TotalSeconds > o.MaxRetryAfterSeconds ? null : after;
        }
        return (int)response.StatusCode >= 500 ? Backoff(attempt, o) : null;
    }

    private static TimeSpan Backoff(int attempt, SlackOptions o) =>
        TimeSpan.FromMilliseconds(o.RetryBaseDelayMilliseconds * Math.Pow(2, attempt - 1) * (0.5 + Random.Shared.NextDouble()));

    private async Task<SlackApiResult?> ReadResultAsync(string method, HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        // response_url answers a bare "ok"; the Web API answers JSON with ok and, when false, an error code.
        if (!text.TrimStart().StartsWith('{')) return new SlackApiResult { Ok = true };
        try
        {
            var result = JsonSerializer.Deserialize(text, SlackJson.Wire.SlackApiResult);
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

    private static AuthenticationHeaderValue? Bearer(string? token) => string.IsNullOrEmpty(token) ? null : new("Bearer", token);

    private static HttpRequestMessage Json(HttpMethod verb, Uri uri, SlackMessage body, string? token) => new(verb, uri)
    {
        Headers = { Authorization = Bearer(token) },
        Content = new StringContent(JsonSerializer.Serialize(body, SlackJson.Wire.SlackMessage), Encoding.UTF8, "application/json"),
    };
}

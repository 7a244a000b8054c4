using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BalkanBot.Hosting;

namespace BalkanBot.Channels.Teams;

/// <summary>Outcome of one connector call after retries; <see cref="Status"/> 0 when the connector never answered.</summary>
public sealed record ConnectorResult(bool Ok, int Status, string? ActivityId = null)
{
    /// <summary>403: the bot was removed or blocked there (MessageWritesBlocked); stop writing to that conversation.</summary>
    public bool Blocked => Status == (int)HttpStatusCode.Forbidden;
}

/// <summary>
/// Posts activities to a Bot Connector (Teams, the playground, the local chat page). Retries what the Teams docs call
/// transient (429, 412, 5xx, no answer) with jittered exponential backoff, honouring Retry-After.
/// </summary>
public sealed class ConnectorClient
{
    public const int MaxAttempts = 4;
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(20);
    private readonly HttpClient _http;
    private readonly BotTokenClient _tokens;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;

    public ConnectorClient(HttpClient http, BotTokenClient tokens, TimeProvider clock, ILogger<ConnectorClient> log)
    {
        _http = http;
        _tokens = tokens;
        _clock = clock;
        _log = log;
    }

    /// <summary>Replies in the thread of <c>ReplyToId</c> when set, else starts a new message in the conversation.</summary>
    public Task<ConnectorResult> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!IsHttpUrl(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
            return Task.FromResult(new ConnectorResult(false, 0));
        var url = $"{activity.ServiceUrl!.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(activity.Conversation.Id)}/activities" +
                  (string.IsNullOrEmpty(activity.ReplyToId) ? "" : "/" + Uri.EscapeDataString(activity.ReplyToId));
        return PostAsync(url, JsonSerializer.SerializeToUtf8Bytes(activity, TeamsJson.Context.Activity), activity.Type, cancellationToken);
    }

    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    private async Task<ConnectorResult> PostAsync(string url, byte[] body, string? type, CancellationToken cancellationToken)
    {
        var refreshedToken = false;
        var status = 0;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                if (await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var created = await ReadIdAsync(response, cancellationToken).ConfigureAwait(false);
                    if (attempt > 1) Log.TeamsSendRecovered(_log, type, attempt);
                    return new ConnectorResult(true, status, created);
                }
                var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.FirstOrDefault() : null;
                Log.TeamsSendFailed(_log, type, status, attempt, correlation);
                if (response.StatusCode == HttpStatusCode.Unauthorized && !refreshedToken)
                {
                    // One retry with a new token: the cached one may have been revoked before its expiry.
                    refreshedToken = true;
                    _tokens.Invalidate();
                }
                else if (!Transient(response.StatusCode)) return new ConnectorResult(false, status);
                retryAfter = RetryAfter(response.Headers.RetryAfter);
            }
            catch (HttpRequestException ex)
            {
                Log.TeamsSendError(_log, type, attempt, ex.GetType().Name, ex.HttpRequestError.ToString());
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                Log.TeamsSendError(_log, type, attempt, "Timeout", "");
            }
            if (attempt >= MaxAttempts) return new ConnectorResult(false, status);
            await Task.Delay(Delay(attempt, retryAfter), _clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool Transient(HttpStatusCode s) => s is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed || (int)s >= 500;

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } d } => d,
        { Date: { } at } => at - _clock.GetUtcNow(),
        _ => null,
    };

    /// <summary>
    /// The server's Retry-After when given (plus a little jitter so parallel senders do not retry in lockstep),
    /// else exponential backoff with full jitter around 0.4, 0.8, 1.6 s; never longer than 20 s.
    /// </summary>
    internal static TimeSpan Delay(int attempt, TimeSpan? retryAfter)
    {
        var jitter = Random.Shared.NextDouble();
        var delay = retryAfter is { } ra && ra >= TimeSpan.Zero
            ? ra + TimeSpan.FromMilliseconds(jitter * 250)
            : BaseDelay * Math.Pow(2, attempt - 1) * (0.5 + jitter);
        return delay > MaxDelay ? MaxDelay : delay;
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0) return null;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, TeamsJson.Context.ResourceResponse)?.Id;
        }
        catch (JsonException)
        {
            return null; // A connector that answers 200 with something else still delivered the message.
        }
    }
}

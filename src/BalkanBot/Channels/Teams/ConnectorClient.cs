using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BalkanBot.Diagnostics;
using BalkanBot.Hosting;

namespace BalkanBot.Channels.Teams;

/// <summary>Outcome of one connector call after retries; <see cref="Status"/> 0 when the connector never answered.</summary>
public sealed record ConnectorResult(bool Ok, int Status, string? ActivityId = null)
{
    /// <summary>403: the bot was removed or blocked there (MessageWritesBlocked); stop writing to that conversation.</summary>
    public bool Blocked => Status == (int)HttpStatusCode.Forbidden;
}

/// <summary>
/// Posts activities to a Bot Connector (Teams, the playground, the local chat page) through the
/// <see cref="HttpClientName"/> client, whose pipeline (<see cref="OutboundHttp"/>) retries what the Teams docs call
/// transient (429, 412, 5xx, no answer) honouring Retry-After, limits calls per serviceUrl host, and never follows
/// a redirect with the bot's token.
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory http, BotTokenClient tokens, ILogger<ConnectorClient> log)
{
    public const string HttpClientName = "BalkanBot.Teams.Connector";

    /// <summary>
    /// Teams shows a failure when the first reply takes more than 15 s, so a whole call, retries included, stays
    /// within that; a connector that does not answer the first attempt in 3 s is more likely dead than slow.
    /// </summary>
    public static readonly OutboundPolicy Policy = new(MaxAttempts: 4, FirstAttemptTimeout: TimeSpan.FromSeconds(3),
        RetryAttemptTimeout: TimeSpan.FromSeconds(8), TotalTimeout: TimeSpan.FromSeconds(15), BaseDelay: TimeSpan.FromMilliseconds(400),
        MaxRetryAfter: TimeSpan.FromSeconds(10), PerHostConcurrency: 32, PerHostQueue: 4096, RetryPreconditionFailed: true);

    /// <summary>Replies in the thread of <c>ReplyToId</c> when set, else starts a new message in the conversation.</summary>
    public async Task<ConnectorResult> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var span = Telemetry.Source.StartActivity(Telemetry.Spans.ConnectorSend, ActivityKind.Client);
        span?.SetTag(Telemetry.Tags.Channel, ChannelKeys.Teams);
        span?.SetTag(Telemetry.Tags.ActivityType, activity.Type);
        var result = await SendOnceAsync(activity, cancellationToken).ConfigureAwait(false);
        span?.SetTag(Telemetry.Tags.Status, result.Status);
        span?.SetTag(Telemetry.Tags.Outcome, result.Ok ? Telemetry.Outcomes.Delivered : Telemetry.Outcomes.Failed);
        if (!result.Ok)
        {
            span?.SetStatus(ActivityStatusCode.Error);
            Telemetry.ConnectorErrors.Add(1, new KeyValuePair<string, object?>(Telemetry.Tags.Status, result.Status));
        }
        return result;
    }

    private async Task<ConnectorResult> SendOnceAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (!IsHttpUrl(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id)) return new ConnectorResult(false, 0);
        var url = $"{activity.ServiceUrl!.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(activity.Conversation.Id)}/activities" +
                  (string.IsNullOrEmpty(activity.ReplyToId) ? "" : "/" + Uri.EscapeDataString(activity.ReplyToId));
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, TeamsJson.Context.Activity);
        var result = await PostAsync(url, body, activity.Type, cancellationToken).ConfigureAwait(false);
        if (result.Status == (int)HttpStatusCode.Unauthorized && tokens.Enabled)
        {
            // One more try with a new token: the cached one may have been revoked before its expiry.
            tokens.Invalidate();
            result = await PostAsync(url, body, activity.Type, cancellationToken).ConfigureAwait(false);
        }
        return result;
    }

    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);

    private async Task<ConnectorResult> PostAsync(string url, byte[] body, string? type, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            if (await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false) is { } token)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return new ConnectorResult(true, status, await ReadIdAsync(response, cancellationToken).ConfigureAwait(false));
            var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var ids) ? ids.FirstOrDefault() : null;
            Log.TeamsSendFailed(log, type, status, correlation);
            return new ConnectorResult(false, status);
        }
        catch (Exception ex) when (OutboundHttp.IsNoAnswer(ex, cancellationToken))
        {
            Log.TeamsSendError(log, type, ex.GetType().Name);
            return new ConnectorResult(false, 0);
        }
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0) return null;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, TeamsJson.Inbound.TypeInfo<ResourceResponse>())?.Id;
        }
        catch (JsonException)
        {
            return null; // A connector that answers 200 with something else still delivered the message.
        }
    }
}

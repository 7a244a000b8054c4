using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using BalkanBot.Answers;
using BalkanBot.Channels;
using BalkanBot.Channels.Slack;
using Microsoft.Extensions.Options;

namespace BalkanBot.Digests;

/// <summary>
/// Digests to Slack through the Slack channel's <see cref="SlackApiClient"/> (which already retries 429 with
/// Retry-After and 5xx with backoff). In-doubt sends are looked up with conversations.history: the header block's
/// block_id is the delivery key, and Slack returns block ids with the message.
/// </summary>
public sealed class SlackDigestSender(SlackApiClient api, IHttpClientFactory http, IOptionsMonitor<SlackOptions> options) : IDigestSender
{
    /// <summary>Errors that mean the channel is gone for us (deleted, archived, bot removed, workspace user deactivated).</summary>
    public static readonly IReadOnlySet<string> GoneErrors =
        new HashSet<string>(["channel_not_found", "not_in_channel", "account_inactive", "is_archived"], StringComparer.Ordinal);

    private const int HistoryPages = 3;

    public string Channel => ChannelKeys.Slack;

    /// <summary>Slack allows about one message per second per channel; a little over keeps bursts of digests clear of 429.</summary>
    public TimeSpan MinInterval => TimeSpan.FromMilliseconds(1100);

    public async Task<SendResult> SendAsync(ConversationReference target, Digest digest, string deliveryKey, CancellationToken ct)
    {
        var message = SlackMessage.From(DigestBlocks.Render(digest, deliveryKey)) with { Channel = target.ConversationId };
        var result = await api.PostMessageAsync(message, ct).ConfigureAwait(false);
        return result switch
        {
            null => new SendResult(SendStatus.Retry, Error: "Slack did not answer (or kept answering 429/5xx)"),
            { Ok: true } => SendResult.Ok(result.Ts),
            { Error: { } e } when GoneErrors.Contains(e) => new SendResult(SendStatus.Gone, Error: $"Slack answered {e}"),
            { Error: "ratelimited" } => new SendResult(SendStatus.Retry, Error: "Slack answered ratelimited"),
            _ => new SendResult(SendStatus.Failed, Error: $"Slack answered {result.Error ?? "an error"}"),
        };
    }

    public async Task<CheckResult> FindAsync(ConversationReference target, string deliveryKey, DateTimeOffset notBefore, CancellationToken ct)
    {
        var o = options.CurrentValue;
        var client = http.CreateClient(SlackApiClient.HttpClientName);
        string? cursor = null;
        for (var page = 0; page < HistoryPages; page++)
        {
            // Form-encoded POST, which the Web API accepts for every method (GET with a query string works too).
            var form = new Dictionary<string, string>
            {
                ["channel"] = target.ConversationId,
                ["limit"] = "200",
                ["oldest"] = notBefore.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            };
            if (cursor is not null) form["cursor"] = cursor;
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(o.ApiBaseUrl.TrimEnd('/') + "/"), "conversations.history"))
            {
                Content = new FormUrlEncodedContent(form),
            };
            if (!string.IsNullOrEmpty(o.BotToken)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", o.BotToken);
            try
            {
                using var response = await client.SendAsync(request, ct).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode) return CheckResult.Unknown;
                using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
                var root = doc.RootElement;
                if (!root.TryGetProperty("ok", out var ok) || !ok.GetBoolean()) return CheckResult.Unknown;
                if (FindTs(root, deliveryKey) is { } ts) return new CheckResult(CheckStatus.Found, ts);
                cursor = root.TryGetProperty("response_metadata", out var meta) && meta.TryGetProperty("next_cursor", out var c) ? c.GetString() : null;
                if (string.IsNullOrEmpty(cursor)) return CheckResult.NotFound;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or InvalidOperationException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
            {
                return CheckResult.Unknown;
            }
        }
        // A very busy channel: not finding it in the pages read proves nothing.
        return CheckResult.Unknown;
    }

    private static string? FindTs(JsonElement root, string key)
    {
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array) return null;
        foreach (var m in messages.EnumerateArray())
        {
            if (!m.TryGetProperty("blocks", out var blocks) || blocks.ValueKind != JsonValueKind.Array) continue;
            foreach (var b in blocks.EnumerateArray())
                if (b.TryGetProperty("block_id", out var id) && id.GetString() == key)
                    return m.TryGetProperty("ts", out var ts) ? ts.GetString() : null;
        }
        return null;
    }
}

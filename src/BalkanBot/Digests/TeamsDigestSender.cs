using System.Text.Json;
using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Channels;
using BalkanBot.Channels.Teams;

namespace BalkanBot.Digests;

/// <summary>
/// Proactive digests to Teams through the Teams channel's <see cref="ConnectorClient"/>: POST
/// {serviceUrl}/v3/conversations/{id}/activities with the outbound token; the client already retries 429, 412
/// and 5xx honouring Retry-After. 403 (bot removed or blocked) and 404 (conversation gone) stop the subscription.
/// </summary>
public sealed class TeamsDigestSender(ConnectorClient connector) : IDigestSender
{
    public string Channel => ChannelKeys.Teams;

    /// <summary>Teams allows about 2 messages a second per conversation sustained over 30 s (60 per 30 s).</summary>
    public TimeSpan MinInterval => TimeSpan.FromMilliseconds(500);

    public async Task<SendResult> SendAsync(ConversationReference target, Digest digest, string deliveryKey, CancellationToken ct)
    {
        var card = DigestCard.Render(digest, deliveryKey);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ServiceUrl = target.ServiceUrl,
            ChannelId = ChannelKeys.MsTeams,
            From = target.BotId is null ? null : new ChannelAccount { Id = target.BotId },
            Conversation = new ConversationAccount { Id = target.ConversationId, TenantId = target.TenantId, ConversationType = target.ConversationType },
            Summary = AdaptiveCardRenderer.Clip(card.FallbackText ?? digest.Title, 200),
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardType, Content = AdaptiveCardJson.ToElement(card) }],
            // Teams wants the tenant on proactive messages to channels and group chats.
            ChannelData = target.TenantId is null ? null
                : JsonDocument.Parse($"{{\"tenant\":{{\"id\":\"{JsonEncodedText.Encode(target.TenantId)}\"}}}}").RootElement.Clone(),
        };
        var r = await connector.SendAsync(activity, ct).ConfigureAwait(false);
        return r switch
        {
            { Ok: true } => SendResult.Ok(r.ActivityId),
            { Status: 403 } => new SendResult(SendStatus.Gone, Error: "Teams answered 403: the bot was removed from or blocked in this conversation"),
            { Status: 404 } => new SendResult(SendStatus.Gone, Error: "Teams answered 404: the conversation no longer exists"),
            { Status: 400 or 413 } => new SendResult(SendStatus.Failed, Error: $"Teams rejected the message ({r.Status})"),
            _ => new SendResult(SendStatus.Retry, Error: r.Status == 0 ? "Teams did not answer" : $"Teams answered {r.Status}"),
        };
    }

    /// <summary>
    /// The Bot Connector can neither be asked which messages a conversation holds nor given an idempotency key, so an
    /// interrupted send cannot be checked; the runner then does not resend (a missed digest over a duplicate).
    /// The card carries the delivery key as its body id for a future check through Microsoft Graph.
    /// </summary>
    public Task<CheckResult> FindAsync(ConversationReference target, string deliveryKey, DateTimeOffset notBefore, CancellationToken ct) =>
        Task.FromResult(CheckResult.Unknown);
}

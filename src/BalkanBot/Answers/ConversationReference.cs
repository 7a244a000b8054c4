namespace BalkanBot.Answers;

/// <summary>
/// What a channel needs to message this conversation later, unprompted (digests). Teams: the Bot Framework
/// serviceUrl, conversation, tenant and bot ids and the channel id ("msteams"); Slack: the channel id alone.
/// </summary>
public sealed record ConversationReference(string ChannelId, string ConversationId, string? ServiceUrl = null, string? TenantId = null,
    string? BotId = null, string? ConversationType = null);

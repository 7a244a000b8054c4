using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Primitives;

namespace BalkanBot.Channels.Slack;

// What Slack sends us. Only the fields the bot reads are modelled; the rest survive in Extra, so a payload
// logged or forwarded at debug level loses nothing.

/// <summary>The Events API body: <c>url_verification</c> or an <c>event_callback</c> wrapping one event.</summary>
public sealed class SlackEventEnvelope
{
    public string? Type { get; init; }
    public string? Challenge { get; init; }
    public string? TeamId { get; init; }
    public string? EventId { get; init; }
    public long? EventTime { get; init; }
    public SlackEvent? Event { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class SlackEvent
{
    public string? Type { get; init; }
    /// <summary>Set for edits, deletions, joins and bot posts; plain user messages have none.</summary>
    public string? Subtype { get; init; }
    public string? User { get; init; }
    public string? BotId { get; init; }
    public string? Text { get; init; }
    public string? Channel { get; init; }
    public string? ChannelType { get; init; }
    public string? Ts { get; init; }
    public string? ThreadTs { get; init; }
    /// <summary>app_home_opened: <c>home</c> or <c>messages</c>.</summary>
    public string? Tab { get; init; }
    /// <summary>assistant_thread_started and assistant_thread_context_changed.</summary>
    public SlackAssistantThread? AssistantThread { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The thread a user opened in the assistant pane, and what channel they were looking at (context).</summary>
public sealed class SlackAssistantThread
{
    public string? UserId { get; init; }
    public string? ChannelId { get; init; }
    public string? ThreadTs { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A slash command: form fields over HTTP, a JSON object of the same names over Socket Mode.</summary>
public sealed class SlackCommand
{
    public string? Command { get; init; }
    public string? Text { get; init; }
    public string? UserId { get; init; }
    public string? ChannelId { get; init; }
    public string? TeamId { get; init; }
    public string? ResponseUrl { get; init; }
    public string? TriggerId { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    public static SlackCommand FromForm(IReadOnlyDictionary<string, StringValues> form)
    {
        string? Get(string key) => form.TryGetValue(key, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : null;
        return new SlackCommand
        {
            Command = Get("command"),
            Text = Get("text"),
            UserId = Get("user_id"),
            ChannelId = Get("channel_id"),
            TeamId = Get("team_id"),
            ResponseUrl = Get("response_url"),
            TriggerId = Get("trigger_id"),
        };
    }
}

/// <summary>An interactive payload; we act on <c>block_actions</c> from our own buttons and on our
/// <c>message_action</c> (message shortcut).</summary>
public sealed class SlackInteraction
{
    public string? Type { get; init; }
    /// <summary>message_action: the shortcut's callback_id.</summary>
    public string? CallbackId { get; init; }
    public string? TriggerId { get; init; }
    public SlackRef? User { get; init; }
    public SlackRef? Channel { get; init; }
    public SlackRef? Team { get; init; }
    public SlackContainer? Container { get; init; }
    public SlackInteractionMessage? Message { get; init; }
    public string? ResponseUrl { get; init; }
    public IReadOnlyList<SlackAction>? Actions { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class SlackRef
{
    public string? Id { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class SlackContainer
{
    public string? Type { get; init; }
    public string? MessageTs { get; init; }
    public string? ThreadTs { get; init; }
    public string? ChannelId { get; init; }
    public bool? IsEphemeral { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class SlackInteractionMessage
{
    public string? Ts { get; init; }
    /// <summary>message_action: the text of the message the shortcut was used on.</summary>
    public string? Text { get; init; }
    public string? ThreadTs { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class SlackAction
{
    public string? ActionId { get; init; }
    public string? BlockId { get; init; }
    public string? Value { get; init; }
    public string? Type { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

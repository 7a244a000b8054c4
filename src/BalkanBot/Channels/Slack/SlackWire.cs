using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BalkanBot.Cards;

namespace BalkanBot.Channels.Slack;

/// <summary>
/// One message body for <c>chat.postMessage</c>, <c>chat.postEphemeral</c>, <c>response_url</c> posts and
/// slash-command replies; each uses the fields it knows and Slack ignores the others.
/// </summary>
public sealed record SlackMessage
{
    public string? Channel { get; init; }
    public required string Text { get; init; }
    public IReadOnlyList<SlackBlock>? Blocks { get; init; }
    public string? ThreadTs { get; init; }
    /// <summary>chat.postEphemeral: who sees it.</summary>
    public string? User { get; init; }
    /// <summary>response_url and slash-command replies: <c>ephemeral</c> or <c>in_channel</c>.</summary>
    public string? ResponseType { get; init; }
    public bool? ReplaceOriginal { get; init; }
    /// <summary>Source links would otherwise unfurl into large previews under every answer.</summary>
    public bool? UnfurlLinks { get; init; }
    public bool? UnfurlMedia { get; init; }

    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";

    public static SlackMessage From(BlockKitMessage m) => new() { Text = m.Text, Blocks = m.Blocks, UnfurlLinks = false, UnfurlMedia = false };
}

/// <summary>What a slash-command extension hands back: posted to the command's <c>response_url</c>.</summary>
public sealed record SlackReply(string Text, IReadOnlyList<SlackBlock>? Blocks = null, bool InChannel = false);

/// <summary>Every Web API answer has <c>ok</c>, and <c>error</c> when not ok.</summary>
public sealed class SlackApiResult
{
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public string? Warning { get; init; }
    /// <summary>apps.connections.open: the WebSocket URL.</summary>
    public string? Url { get; init; }
    public string? Ts { get; init; }
    /// <summary>conversations.open: the direct message. (chat.postMessage answers a plain id here, read as absent.)</summary>
    public SlackRef? Channel { get; init; }
    /// <summary>users.conversations: the conversations the user is in.</summary>
    public IReadOnlyList<SlackRef>? Channels { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>assistant.threads.setSuggestedPrompts / setStatus / setTitle: one body, each method reads its fields.</summary>
public sealed record SlackAssistantCall(string ChannelId, string ThreadTs)
{
    public string? Title { get; init; }
    public string? Status { get; init; }
    public IReadOnlyList<string>? LoadingMessages { get; init; }
    public IReadOnlyList<SlackPrompt>? Prompts { get; init; }
}

/// <summary>A suggested prompt: the short title shown on the chip and the message sent when it is clicked.</summary>
public sealed record SlackPrompt(string Title, string Message);

/// <summary>views.publish of a Home tab.</summary>
public sealed record SlackViewPublish(string UserId, SlackHomeView View);

public sealed record SlackHomeView(IReadOnlyList<SlackBlock> Blocks)
{
    public string Type { get; init; } = "home";
}

/// <summary>conversations.open: the direct message with one user.</summary>
public sealed record SlackOpenConversation(string Users);

/// <summary>A Socket Mode frame: <c>hello</c>, <c>disconnect</c>, or an envelope to acknowledge.</summary>
public sealed class SocketModeEnvelope
{
    public string? Type { get; init; }
    public string? EnvelopeId { get; init; }
    public JsonElement? Payload { get; init; }
    public bool? AcceptsResponsePayload { get; init; }
    public int? RetryAttempt { get; init; }
    public string? Reason { get; init; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record SocketModeAck(string EnvelopeId, SlackMessage? Payload = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackEventEnvelope))]
[JsonSerializable(typeof(SlackCommand))]
[JsonSerializable(typeof(SlackInteraction))]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(SlackApiResult))]
[JsonSerializable(typeof(SocketModeEnvelope))]
[JsonSerializable(typeof(SocketModeAck))]
[JsonSerializable(typeof(SlackAssistantCall))]
[JsonSerializable(typeof(SlackViewPublish))]
[JsonSerializable(typeof(SlackOpenConversation))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;

internal static class SlackJson
{
    // Cyrillic and diacritics go out as they are rather than as \u escapes, which would eat into Slack's limits.
    public static SlackJsonContext Wire { get; } = new(new JsonSerializerOptions(SlackJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>For what Slack sends us: wrong-typed fields read as absent, null and junk array elements are dropped.</summary>
    public static JsonSerializerOptions Inbound { get; } = WireJson.Tolerant(Wire);
}

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
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

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

using System.Text.Json;
using System.Text.Json.Serialization;

namespace BalkanBot.Channels.Teams;

/// <summary>
/// A Bot Framework Activity: the fields the bot reads or writes, typed; everything else kept in
/// <see cref="Extra"/> so a round trip (e.g. echoing channelData back) loses nothing.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Timestamp { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public string? Locale { get; set; }
    public string? InputHint { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<Entity>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    /// <summary>installationUpdate: "add" or "remove" (also "add-upgrade", "remove-upgrade").</summary>
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    /// <summary>invoke: e.g. "adaptiveCard/action".</summary>
    public string? Name { get; set; }
    public JsonElement? Value { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    /// <summary>"expectReplies": the caller wants the replies in the HTTP response instead of connector calls.</summary>
    public string? DeliveryMode { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string ExpectReplies = "expectReplies";
    public const string AdaptiveCardAction = "adaptiveCard/action";
    /// <summary>Teams' own 👍/👎 control (feedbackLoopEnabled) was used on one of our messages.</summary>
    public const string MessageSubmitAction = "message/submitAction";
    /// <summary>A search message extension query from the compose box or the command box.</summary>
    public const string ComposeExtensionQuery = "composeExtension/query";
}

public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public bool? IsGroup { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public JsonElement? Content { get; set; }
    public string? Name { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }

    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
}

/// <summary>Entities are open-ended; a mention has <c>mentioned</c> and <c>text</c> ("&lt;at&gt;BalkanBot&lt;/at&gt;").</summary>
public sealed class Entity
{
    public string? Type { get; set; }
    public ChannelAccount? Mentioned { get; set; }
    public string? Text { get; set; }
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The body of an invoke's HTTP response (Universal Actions).</summary>
public sealed class InvokeResponse
{
    public int StatusCode { get; set; } = 200;
    public required string Type { get; set; }
    public JsonElement? Value { get; set; }

    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";
}

/// <summary>The HTTP response to an activity sent with deliveryMode expectReplies.</summary>
public sealed class ExpectedReplies
{
    public List<Activity> Activities { get; set; } = [];
}

/// <summary>What a connector answers to a posted activity.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

/// <summary>The OAuth token endpoint's answer (Entra ID gives expires_in as a number, managed identity as a string).</summary>
public sealed class TokenResponse
{
    [JsonPropertyName("access_token")] public string? AccessToken { get; set; }
    [JsonPropertyName("expires_in")][JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public long? ExpiresIn { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(InvokeError))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(ThumbnailCard))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<CitationClaim>))]
[JsonSerializable(typeof(FeedbackLoopChannelData))]
[JsonSerializable(typeof(MessagingExtensionResponse))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;

internal static class TeamsJson
{
    // Emoji, Cyrillic and diacritics stay as characters: smaller payloads, readable logs of test runs.
    public static readonly TeamsJsonContext Context = new(new System.Text.Json.JsonSerializerOptions(TeamsJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>For what channels send us: wrong-typed fields read as absent, null and junk array elements are dropped.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Inbound = BalkanBot.Channels.WireJson.Tolerant(Context);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace BalkanBot.Channels.Teams;

/// <summary>The HTTP response body to <c>composeExtension/query</c>: <c>{ composeExtension: { type: "result", … } }</c>.</summary>
public sealed class MessagingExtensionResponse
{
    public required MessagingExtensionResult ComposeExtension { get; init; }
}

public sealed class MessagingExtensionResult
{
    public string Type { get; init; } = "result";
    public string AttachmentLayout { get; init; } = "list";
    public List<MessagingExtensionAttachment> Attachments { get; init; } = [];
}

/// <summary>What the user inserts (<see cref="Content"/>, an Adaptive Card) and how it looks in the result list (<see cref="Preview"/>).</summary>
public sealed class MessagingExtensionAttachment
{
    public required string ContentType { get; init; }
    public JsonElement? Content { get; init; }
    public Attachment? Preview { get; init; }
}

/// <summary>A thumbnail card: the title and one line a result list shows.</summary>
public sealed class ThumbnailCard
{
    public const string ContentType = "application/vnd.microsoft.card.thumbnail";
    public required string Title { get; init; }
    public string? Text { get; init; }
}

/// <summary><c>channelData</c> of an answer that carries Teams' own feedback control.</summary>
public sealed class FeedbackLoopChannelData
{
    public bool FeedbackLoopEnabled { get; init; } = true;
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

using System.Text.Json.Serialization;

namespace BalkanBot.Cards;

/// <summary>A Block Kit text object: <c>plain_text</c> for headers and buttons, <c>mrkdwn</c> for everything else.</summary>
public sealed record SlackText(string Type, string Text)
{
    public bool? Emoji { get; init; }

    public static SlackText Plain(string text) => new("plain_text", text) { Emoji = true };
    public static SlackText Mrkdwn(string text) => new("mrkdwn", text);
}

/// <summary>
/// The few Block Kit blocks an answer needs. Polymorphic on <c>type</c>, so a list of blocks serialises exactly as
/// Slack's <c>blocks</c> array through the source-generated context.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(HeaderBlock), "header")]
[JsonDerivedType(typeof(SectionBlock), "section")]
[JsonDerivedType(typeof(ContextBlock), "context")]
[JsonDerivedType(typeof(ActionsBlock), "actions")]
[JsonDerivedType(typeof(DividerBlock), "divider")]
[JsonDerivedType(typeof(TableBlock), "table")]
[JsonDerivedType(typeof(MarkdownBlock), "markdown")]
[JsonDerivedType(typeof(ContextActionsBlock), "context_actions")]
public abstract record SlackBlock
{
    public string? BlockId { get; init; }
}

public sealed record HeaderBlock(SlackText Text) : SlackBlock;

/// <summary>A section needs text, fields or both.</summary>
public sealed record SectionBlock : SlackBlock
{
    public SlackText? Text { get; init; }
    public IReadOnlyList<SlackText>? Fields { get; init; }
    /// <summary>A button beside the text (the Home tab's Unsubscribe).</summary>
    public SlackButton? Accessory { get; init; }
}

public sealed record ContextBlock(IReadOnlyList<SlackText> Elements) : SlackBlock;

public sealed record ActionsBlock(IReadOnlyList<SlackButton> Elements) : SlackBlock;

public sealed record DividerBlock : SlackBlock;

/// <summary>A table: rows of cells (the first row is the heading), at most 100 rows of 20 cells.</summary>
public sealed record TableBlock(IReadOnlyList<IReadOnlyList<SlackTableCell>> Rows) : SlackBlock
{
    public IReadOnlyList<SlackTableColumnSetting>? ColumnSettings { get; init; }
}

/// <summary>A <c>raw_text</c> table cell: plain text, at least one character.</summary>
public sealed record SlackTableCell(string Text)
{
    public string Type { get; init; } = "raw_text";
}

public sealed record SlackTableColumnSetting
{
    /// <summary><c>left</c>, <c>center</c> or <c>right</c>.</summary>
    public string? Align { get; init; }
    public bool? IsWrapped { get; init; }
}

/// <summary>Standard Markdown (not mrkdwn), which Slack lays out as prose: paragraphs, lists, emphasis.</summary>
public sealed record MarkdownBlock(string Text) : SlackBlock;

/// <summary>Slack's native 👍/👎 under a message.</summary>
public sealed record ContextActionsBlock(IReadOnlyList<FeedbackButtons> Elements) : SlackBlock;

public sealed record FeedbackButtons(string ActionId, FeedbackButton PositiveButton, FeedbackButton NegativeButton)
{
    public string Type { get; init; } = "feedback_buttons";
}

public sealed record FeedbackButton(SlackText Text, string Value)
{
    public string? AccessibilityLabel { get; init; }
}

public sealed record SlackButton(SlackText Text, string ActionId, string Value)
{
    public string Type { get; init; } = "button";
    /// <summary><c>primary</c>, <c>danger</c> or null for the default look.</summary>
    public string? Style { get; init; }
}

/// <summary>
/// A rendered answer: the blocks, the plain <see cref="Text"/> fallback Slack shows in notifications and screen
/// readers, and where the next page starts when the answer did not fit (the "More" button carries it).
/// </summary>
public sealed record BlockKitMessage(string Text, IReadOnlyList<SlackBlock> Blocks, int? NextStart);

/// <summary>What our buttons carry in <c>value</c>: the cached answer's key, the question (to answer again if the
/// cache has forgotten it) and, for "More", where the next page starts.</summary>
public sealed record BlockKitActionValue(
    [property: JsonPropertyName("k")] string? Key,
    [property: JsonPropertyName("q")] string Question,
    [property: JsonPropertyName("p")] int? Start = null,
    [property: JsonPropertyName("r")] string? Rating = null);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<SlackBlock>))]
[JsonSerializable(typeof(BlockKitActionValue))]
internal sealed partial class BlockKitJsonContext : JsonSerializerContext;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BalkanBot.Cards;

/// <summary>
/// What our card buttons carry. Action.Execute sends it as <c>value.action.data</c> of an invoke, the Action.Submit
/// fallback as the message's <c>value</c>; both are read back into this one shape.
/// </summary>
public sealed record CardActionData
{
    public required string Action { get; init; }
    public string? Question { get; init; }
    /// <summary>The answer the button belongs to, so "sources", "more" and feedback refer to that card, not the latest one.</summary>
    public string? AnswerId { get; init; }
    public string? Rating { get; init; }
    public string? Section { get; init; }
    public int? Offset { get; init; }
    /// <summary>Clients add their own keys (Teams: <c>msteams</c>); they are kept, never interpreted.</summary>
    [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
}

public static class CardVerbs
{
    public const string FollowUp = "followUp";
    public const string Sources = "sources";
    public const string Feedback = "feedback";
    public const string More = "more";
    public const string RatingUp = "up";
    public const string RatingDown = "down";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(CardActionData))]
internal sealed partial class AdaptiveCardJsonContext : JsonSerializerContext;

public static class AdaptiveCardJson
{
    /// <summary>Teams rejects messages near 100 KB; staying under 80 KB leaves room for the activity around the card.</summary>
    public const int MaxCardBytes = 80 * 1024;

    // Cyrillic, diacritics and emoji stay one character each instead of \u escapes: smaller and readable.
    internal static readonly AdaptiveCardJsonContext Context = new(new JsonSerializerOptions(AdaptiveCardJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Context.AdaptiveCard);

    public static byte[] SerializeToUtf8(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, Context.AdaptiveCard);

    public static JsonElement ToElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, Context.AdaptiveCard);

    public static int Size(AdaptiveCard card) => SerializeToUtf8(card).Length;

    /// <summary>The card's JSON in UTF-16, as Teams counts message size (<see cref="CardBudget"/>).</summary>
    public static int Utf16Size(AdaptiveCard card) => Serialize(card).Length * 2;

    // Button data comes back from the client: a wrong-typed field reads as absent rather than voiding the click.
    private static readonly JsonSerializerOptions Inbound = Channels.WireJson.Tolerant(Context);

    /// <summary>Reads button data; null for anything that is not ours (wrong shape, unknown action).</summary>
    public static CardActionData? ReadActionData(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e) return null;
        try
        {
            var data = e.Deserialize(Channels.WireJson.TypeInfo<CardActionData>(Inbound));
            return data is { Action: CardVerbs.FollowUp or CardVerbs.Sources or CardVerbs.Feedback or CardVerbs.More } ? data : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using BalkanBot.Answers;
using BalkanBot.Cards;

namespace BalkanBot.Channels.Teams;

/// <summary>One numbered source as Teams shows it in a hover card: a schema.org Claim about a DigitalDocument.</summary>
public sealed class CitationClaim
{
    [JsonPropertyName("@type")][JsonPropertyOrder(-1)] public string AtType => "Claim";
    public required int Position { get; init; }
    public required CitationDocument Appearance { get; init; }
}

/// <summary>
/// The document a citation points at. There is deliberately no <c>text</c> and no <c>encodingFormat</c>: the
/// service answers 400 to an invalid encodingFormat and to text without abstract, and we never need either.
/// </summary>
public sealed class CitationDocument
{
    [JsonPropertyName("@type")][JsonPropertyOrder(-1)] public string AtType => "DigitalDocument";
    public required string Name { get; init; }
    public required string Abstract { get; init; }
    public string? Url { get; init; }
    public List<string>? Keywords { get; init; }
}

/// <summary>
/// The root <c>https://schema.org/Message</c> entity Teams reads for citations and the "AI generated" label, and its
/// limits. Exactly one per activity: two give HTTP 400.
/// </summary>
public static class AiMessage
{
    public const string EntityType = "https://schema.org/Message";
    public const string AiGenerated = "AIGeneratedContent";
    /// <summary>Teams documentation has said 20 and 10; the Agents Playground enforces 10, the stricter value.</summary>
    public const int MaxCitations = 10;
    public const int MaxName = 80;
    public const int MaxAbstract = 160;
    public const int MaxKeywords = 3;
    public const int MaxKeywordLength = 30;
    /// <summary>Longer links stay in the card only: they would crowd the message's size budget.</summary>
    public const int MaxUrlLength = 512;
    /// <summary>The short answer in the message text; the card has the rest.</summary>
    public const int MaxTextChars = 1500;
    /// <summary>The only encodingFormat Teams accepts (an Adaptive Card in the hover card); we send none.</summary>
    public const string CardEncodingFormat = "application/vnd.microsoft.card.adaptive";

    /// <summary>The entity for an answer; null when it has neither citations nor the AI label to carry.</summary>
    public static Entity? For(Answer answer)
    {
        var claims = answer.Citations.Where(c => c.N > 0).DistinctBy(c => c.N).OrderBy(c => c.N).Take(MaxCitations).Select(Claim).ToList();
        if (claims.Count == 0 && !answer.Phrased) return null;
        var extra = new Dictionary<string, JsonElement>
        {
            ["@type"] = Json("Message"),
            ["@context"] = Json("https://schema.org"),
            ["@id"] = Json(""),
        };
        // Only the language model's wording is "AI generated"; extractive answers quote the records.
        if (answer.Phrased) extra["additionalType"] = JsonSerializer.SerializeToElement([AiGenerated], TeamsJson.Context.ListString);
        if (claims.Count > 0) extra["citation"] = JsonSerializer.SerializeToElement(claims, TeamsJson.Context.ListCitationClaim);
        return new Entity { Type = EntityType, Extra = extra };
    }

    /// <summary>
    /// The message text the citation pills attach to: the short answer with its <c>[n]</c> markers, then a
    /// "Sources:" line with markers for the cited sources the short answer does not mention (facts, tables and
    /// timelines cite them in the card), so every citation in the entity has its marker.
    /// </summary>
    public static string Text(Answer answer)
    {
        var text = AdaptiveCardRenderer.Clip(AdaptiveCardRenderer.NonEmpty(answer.Text), MaxTextChars);
        var missing = answer.Citations.Where(c => c.N > 0).Select(c => c.N).Distinct().Order().Take(MaxCitations)
            .Where(n => !text.Contains($"[{n}]", StringComparison.Ordinal)).ToList();
        return missing.Count == 0 ? text : $"{text}\n\nSources: {string.Join(" ", missing.Select(n => $"[{n}]"))}";
    }

    public static CitationClaim Claim(AnswerCitation c)
    {
        var who = c.Authors.Count > 0 ? string.Join(", ", c.Authors) : c.Publisher;
        var date = c.Date is null or "unknown" ? null : c.Date;
        var summary = string.Join(" · ", new[] { who, date, c.Locator }.Where(s => !string.IsNullOrWhiteSpace(s)));
        var keywords = new[] { c.Publisher is "unknown" ? null : c.Publisher, date?.Length >= 4 ? date[..4] : null, c.Via }
            .Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => AdaptiveCardRenderer.Clip(k!.Trim(), MaxKeywordLength)).Distinct().Take(MaxKeywords).ToList();
        return new CitationClaim
        {
            Position = c.N,
            Appearance = new CitationDocument
            {
                Name = AdaptiveCardRenderer.Clip(AdaptiveCardRenderer.NonEmpty(c.Title), MaxName),
                Abstract = AdaptiveCardRenderer.Clip(AdaptiveCardRenderer.NonEmpty(summary), MaxAbstract),
                Url = AdaptiveCardRenderer.SafeUrl(c.Url) is { Length: <= MaxUrlLength } url ? url : null,
                Keywords = keywords.Count == 0 ? null : keywords,
            },
        };
    }

    /// <summary>
    /// What the service would refuse or Teams would not show in an outgoing activity's entities: the known 400s
    /// (several root Message entities, an invalid encodingFormat, appearance.text without abstract) and our limits.
    /// </summary>
    public static IReadOnlyList<string> Problems(Activity activity)
    {
        var problems = new List<string>();
        var roots = (activity.Entities ?? []).Where(e => e.Type == EntityType).ToList();
        if (roots.Count > 1) problems.Add($"{roots.Count} root {EntityType} entities (at most one)");
        foreach (var root in roots)
        {
            if (root.Extra?.TryGetValue("citation", out var citations) != true) continue;
            if (citations.ValueKind != JsonValueKind.Array) { problems.Add("citation is not an array"); continue; }
            if (citations.GetArrayLength() > MaxCitations) problems.Add($"{citations.GetArrayLength()} citations (at most {MaxCitations})");
            foreach (var claim in citations.EnumerateArray()) ClaimProblems(claim, activity.Text, problems);
        }
        return problems;
    }

    private static void ClaimProblems(JsonElement claim, string? text, List<string> problems)
    {
        var position = claim.TryGetProperty("position", out var p) && p.TryGetInt32(out var n) ? n : 0;
        if (position < 1) { problems.Add("citation without a positive position"); return; }
        if (!claim.TryGetProperty("appearance", out var doc) || doc.ValueKind != JsonValueKind.Object) return;
        string? Str(string name) => doc.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var where = $"citation [{position}]";
        if (Str("text") is not null && string.IsNullOrEmpty(Str("abstract"))) problems.Add($"{where}: appearance.text without abstract");
        if (doc.TryGetProperty("encodingFormat", out var format) && !(format.ValueKind == JsonValueKind.String && format.GetString() == CardEncodingFormat))
            problems.Add($"{where}: invalid encodingFormat");
        if ((Str("name") ?? "").Length is 0 or > MaxName) problems.Add($"{where}: name empty or over {MaxName} characters");
        if ((Str("abstract") ?? "").Length > MaxAbstract) problems.Add($"{where}: abstract over {MaxAbstract} characters");
        if (doc.TryGetProperty("keywords", out var k) && k.ValueKind == JsonValueKind.Array && k.GetArrayLength() > MaxKeywords)
            problems.Add($"{where}: more than {MaxKeywords} keywords");
        if (text is not null && !text.Contains($"[{position}]", StringComparison.Ordinal)) problems.Add($"{where}: no [{position}] marker in the text");
    }

    private static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value, TeamsJson.Context.String);
}

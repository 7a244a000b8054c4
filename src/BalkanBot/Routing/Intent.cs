using System.Text.Json.Serialization;
using BalkanBot.Knowledge;

namespace BalkanBot.Routing;

[JsonConverter(typeof(JsonStringEnumConverter<IntentKind>))]
public enum IntentKind
{
    Overview, Date, Parties, Figures, Compare, Timeline, List, Analysis, Sources,
    Help, Feedback, Subscription, OutOfScope,
}

/// <summary>A period the question restricts itself to, inclusive.</summary>
public sealed record Period(DateOnly From, DateOnly To, string Label);

/// <summary>The router's reading of one message: what is asked, about what, when, and which measure.</summary>
public sealed record RoutedQuestion
{
    public required string Original { get; init; }
    public required string Normalized { get; init; }
    public required IntentKind Intent { get; init; }
    public IReadOnlyList<EntityMention> Mentions { get; init; } = [];
    /// <summary>Groups of mentions that form one side each in a comparison ("Serbia–Hungary" vs "Albania–Croatia–Kosovo").</summary>
    public IReadOnlyList<IReadOnlyList<EntityMention>> Sides { get; init; } = [];
    public Period? Period { get; init; }
    public string? Measure { get; init; }
    public IReadOnlyList<RecordKind> Kinds { get; init; } = [];
    /// <summary>Content tokens after spelling correction (stopwords removed).</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
    /// <summary>Content tokens that neither link to a name nor occur anywhere in the base.</summary>
    public IReadOnlyList<string> UnknownTerms { get; init; } = [];
    /// <summary>"it", "that agreement", "and Hungary?": the question leans on the previous answer.</summary>
    public bool LeansOnContext { get; init; }
    public bool Elliptical { get; init; }
    public string? SubscriptionCommand { get; init; }
}

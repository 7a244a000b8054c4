using System.Text.Json.Serialization;
using BalkanBot.Routing;

namespace BalkanBot.Answers;

/// <summary>
/// The channel-neutral answer. Teams cards, Slack blocks, the chat page, the CLI and digests all render this one
/// shape, so an answer reads the same everywhere. Every fact points at numbered citations.
/// </summary>
public sealed record Answer
{
    public required string Question { get; init; }
    public required bool Answered { get; init; }
    public required IntentKind Intent { get; init; }
    public required string Title { get; init; }
    /// <summary>One to three sentences; citation numbers in square brackets.</summary>
    public required string Text { get; init; }
    public IReadOnlyList<AnswerFact> Facts { get; init; } = [];
    public ComparisonTable? Comparison { get; init; }
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];
    public IReadOnlyList<AttributedView> Views { get; init; } = [];
    public IReadOnlyList<ConflictNote> Conflicts { get; init; } = [];
    public IReadOnlyList<AnswerCitation> Citations { get; init; } = [];
    public IReadOnlyList<string> FollowUps { get; init; } = [];
    /// <summary>0..1: how well the retrieved records support the answer.</summary>
    public double Confidence { get; init; }
    [JsonPropertyName("records")]
    public IReadOnlyList<string> RecordIds { get; init; } = [];
    /// <summary>A note about the question itself, e.g. that an over-long message was cut.</summary>
    public string? Note { get; init; }
    /// <summary>Set when an LLM phrased <see cref="Text"/> (it was checked against the records first).</summary>
    public bool Phrased { get; init; }

    /// <summary>The engine reads only this much of a question, so a button that repeats one never needs to carry more.</summary>
    public const int MaxQuestionLength = IntentRouter.MaxQuestionLength;

    /// <summary>
    /// Whether the answer asks to be rated. A 👎 on a no-answer tells the maintainers what the base lacks, so only help,
    /// thanks and subscription commands go without.
    /// </summary>
    public bool InvitesFeedback() => Intent is not (IntentKind.Help or IntentKind.Feedback or IntentKind.Subscription);

    /// <summary>Whether a "show sources" control makes sense: the answer cites something and is not itself the list of sources.</summary>
    public bool OffersSources() => Citations.Count > 0 && Intent != IntentKind.Sources;
}

public sealed record AnswerFact(string Label, string Value, IReadOnlyList<int> Citations);

public sealed record ComparisonTable(IReadOnlyList<string> Columns, IReadOnlyList<ComparisonRow> Rows);

public sealed record ComparisonRow(string Measure, IReadOnlyList<ComparisonCell> Cells);

/// <summary>A table cell; <see cref="NoData"/> cells say so rather than guess.</summary>
public sealed record ComparisonCell(string Text, IReadOnlyList<int> Citations)
{
    public const string NoDataText = "no data";
    [JsonIgnore] public bool NoData => Citations.Count == 0;
    public static ComparisonCell Missing { get; } = new(NoDataText, []);
}

public sealed record TimelineEntry(string Date, string? IsoDate, string Event, string RecordId, IReadOnlyList<int> Citations);

/// <param name="Stance">The claim's stance code ("not-a-military-alliance"), for machines; renderers show the text, which says it in words.</param>
public sealed record AttributedView(string Author, string Source, string Text, string? Stance, IReadOnlyList<int> Citations);

public sealed record ConflictNote(string Text, IReadOnlyList<int> Citations);

public sealed record AnswerCitation(int N, string SourceId, string Title, IReadOnlyList<string> Authors, string? Publisher,
    string? Date, string? Url, string Locator, string? Via)
{
    /// <summary>Citation number <paramref name="n"/> for a place (<paramref name="at"/>) in a source record.</summary>
    public static AnswerCitation Of(int n, Knowledge.KnowledgeRecord source, string at) =>
        new(n, source.Id, source.Title ?? source.Name, source.Authors, source.Publisher, source.Date?.Iso ?? "unknown", source.Url, at, source.Via);

    /// <summary>"Şerif Sav: Minilateral Defence ... (n.d.)" style label for a source list.</summary>
    [JsonIgnore]
    public string Label
    {
        get
        {
            var who = Authors.Count > 0 ? string.Join(", ", Authors) : Publisher;
            // The date as a reader writes it ("22 March 2025"); the Date field keeps the machine form.
            var when = Date is null or "unknown" ? "n.d." : Knowledge.PartialDate.TryParse(Date, out var d) && d is not null ? d.Display : Date;
            var pub = Authors.Count > 0 && Publisher is not null and not "unknown" ? $", {Publisher}" : "";
            return $"{who}: {Title}{pub} ({when})";
        }
    }
}

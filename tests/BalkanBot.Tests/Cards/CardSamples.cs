using BalkanBot.Answers;
using BalkanBot.Routing;

namespace BalkanBot.Tests.Cards;

/// <summary>Hand-made answers that exercise every part of a card, including the awkward ones (no-data cells, huge lists).</summary>
internal static class CardSamples
{
    public static AnswerCitation Citation(int n, string? url = null) =>
        new(n, $"source-{n}", $"Report number {n}", n % 2 == 0 ? ["Ana Petrović"] : [], "Belgrade Centre", n % 3 == 0 ? null : "2025-03-18",
            url, $"p. {n}", null);

    public static Answer Full(int items = 3, int textLength = 60) => new()
    {
        Question = "What is the Tirana Declaration?",
        Answered = true,
        Intent = IntentKind.Overview,
        Title = "Tirana Declaration",
        Text = "Signed in Tirana on 18 March 2025 by Albania, Croatia and Kosovo. [1][2]",
        Facts = [.. Enumerable.Range(1, items).Select(i => new AnswerFact($"Fact {i}", new string('f', textLength) + $" {i}", [1]))],
        Comparison = new ComparisonTable(["Serbia–Hungary", "Albania–Croatia–Kosovo"],
        [
            new("Signed", [new("1 April 2025", [1]), new("18 March 2025", [2])]),
            new("Troops", [ComparisonCell.Missing, new("about 3,700", [2])]),
            new("Short row", [new("only one cell", [1])]),
        ]),
        Timeline = [.. Enumerable.Range(1, items).Select(i => new TimelineEntry($"{i} March 2025", $"2025-03-{i:00}", $"Event {i} " + new string('e', textLength), $"event-{i}", [2]))],
        Views = [.. Enumerable.Range(1, items).Select(i => new AttributedView($"Author {i}", $"Source {i}", $"View {i} " + new string('v', textLength), i % 2 == 0 ? "critical" : null, [1]))],
        Conflicts = [.. Enumerable.Range(1, items).Select(i => new ConflictNote($"Sources disagree on point {i}.", [1, 2]))],
        Citations = [.. Enumerable.Range(1, Math.Max(2, items)).Select(i => Citation(i, i == 1 ? "https://example.org/report-1" : i == 2 ? "not a url" : null))],
        FollowUps = ["Who signed the Tirana Declaration?", "When was the Tirana Declaration signed?", "Compare it with Open Balkan",
            "What do the sources say?", "A fifth follow-up that should be cut"],
        Confidence = 0.9,
        Note = "Your message was long; I read only the first 500 characters.",
    };

    public static Answer Help() => new()
    {
        Question = "help",
        Answered = true,
        Intent = IntentKind.Help,
        Title = "What BalkanBot can answer",
        Text = "I answer questions.",
        FollowUps = ["What is the Tirana Declaration?"],
        Confidence = 1,
    };
}

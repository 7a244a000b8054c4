using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Channels.Teams;
using BalkanBot.Handlers;
using BalkanBot.Tests.TestSupport;
using Xunit.Abstractions;

namespace BalkanBot.Tests.Cards;

/// <summary>Every answer, as the Teams message that carries it, stays within <see cref="CardBudget"/> counted as Teams does.</summary>
public sealed class CardBudgetTests(SeedKnowledge seed, ITestOutputHelper output) : IClassFixture<SeedKnowledge>
{
    /// <summary>A personal-chat reply addressed the way real Teams ids look (they are long), so the envelope is realistic.</summary>
    private static Activity Envelope() => new()
    {
        Type = "message",
        ServiceUrl = "https://smba.trafficmanager.net/emea/a1b2c3d4-e5f6-47a8-9b0c-d1e2f3a4b5c6/",
        ChannelId = "msteams",
        From = new ChannelAccount { Id = "28:0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e", Name = "BalkanBot" },
        Recipient = new ChannelAccount { Id = "29:1" + new string('x', 120), Name = "Ana Petrović", AadObjectId = Guid.Empty.ToString() },
        Conversation = new ConversationAccount { Id = "a:1" + new string('y', 140), ConversationType = "personal", TenantId = Guid.Empty.ToString() },
        ReplyToId = "1733140000000",
        Locale = "en-GB",
        InputHint = "acceptingInput",
    };

    private static readonly TeamsSurface Personal = new(Citations: true, FeedbackLoop: true, Streaming: true);

    private static int MessageBytes(Answer answer, TeamsSurface surface) =>
        AnswerMessage.Utf16Bytes(AnswerMessage.Compose(Envelope(), answer, new CardRenderOptions("0123456789abcdef"), surface, streamId: "1733140000001"));

    [Fact]
    public void Compose_EveryEvaluationAnswer_WithinMessageBudget()
    {
        var engine = new AnswerEngine(seed.Kb, IntentHandlers.All());
        var sizes = new List<(string Question, int Bytes)>();
        var questions = AdaptiveCardValidationTests.EvaluationQuestions();
        for (var i = 0; i < questions.Count; i++)
        {
            var (q, context) = questions[i];
            foreach (var c in context) engine.Answer(new Question(c, "budget", $"b-{i}"));
            var answer = engine.Answer(new Question(q, "budget", $"b-{i}")) with { Phrased = true };
            sizes.Add((q, Math.Max(MessageBytes(answer, Personal), MessageBytes(answer, TeamsSurface.Plain))));
            // Whatever the answer, the entity is one the service accepts (no known 400, every citation marked in the text).
            Assert.Empty(AiMessage.Problems(AnswerMessage.Compose(Envelope(), answer, new CardRenderOptions("id"), Personal)));
        }

        var largest = sizes.MaxBy(s => s.Bytes);
        output.WriteLine($"{sizes.Count} answers; largest message {largest.Bytes / 1024.0:0.0} KB UTF-16 ({largest.Question}); " +
                         $"median {sizes.Select(s => s.Bytes).Order().ElementAt(sizes.Count / 2) / 1024.0:0.0} KB; budget {CardBudget.MessageBudgetUtf16 / 1024} KB");
        Assert.All(sizes, s => Assert.True(s.Bytes <= CardBudget.MessageBudgetUtf16, $"{s.Question}: {s.Bytes} bytes"));
    }

    [Theory]
    [InlineData(40, 60)]
    [InlineData(400, 3000)]
    public void Compose_SyntheticWorstCase_WithinMessageBudget(int items, int textLength)
    {
        var worst = CardSamples.Full(items, textLength) with
        {
            Phrased = true,
            Text = new string('w', 4000) + " [1][2]",
            Citations = [.. Enumerable.Range(1, 40).Select(n => new AnswerCitation(n, $"s-{n}", new string('T', 400), ["Ana Petrović", "Şerif Sav"],
                new string('P', 200), "2025-03-18", "https://example.org/" + new string('u', 300), new string('L', 200), new string('V', 100)))],
            Comparison = new ComparisonTable([.. Enumerable.Range(1, 6).Select(c => $"Column {c} " + new string('c', 60))],
                [.. Enumerable.Range(1, 60).Select(r => new ComparisonRow($"Measure {r}", [.. Enumerable.Range(1, 6).Select(c => new ComparisonCell(new string('z', 500), [1, 2]))]))]),
        };

        var bytes = MessageBytes(worst, Personal);

        output.WriteLine($"synthetic {items}×{textLength}: {bytes / 1024.0:0.0} KB UTF-16");
        Assert.InRange(bytes, 1, CardBudget.MessageBudgetUtf16);
    }

    [Fact]
    public void Render_ComparisonTable_HasFallbackWithEveryRow()
    {
        var card = AdaptiveCardRenderer.Render(CardSamples.Full());

        var table = Assert.Single(card.Body.OfType<Table>());
        var fallback = Assert.IsType<Container>(table.Fallback);
        Assert.Equal(table.Rows.Count - 1, fallback.Items.OfType<FactSet>().Count()); // header row aside
        Assert.Contains(fallback.Items.OfType<FactSet>().SelectMany(f => f.Facts), f => f.Value == ComparisonCell.NoDataText);
    }
}

using System.Text.Json;
using BalkanBot.Answers;
using BalkanBot.Cards;

namespace BalkanBot.Tests.Cards;

public sealed class AdaptiveCardRendererTests
{
    private static JsonElement Json(AdaptiveCard card) => JsonDocument.Parse(AdaptiveCardJson.Serialize(card)).RootElement;

    private static IEnumerable<JsonElement> All(JsonElement node, string type)
    {
        if (node.ValueKind == JsonValueKind.Array)
            foreach (var x in node.EnumerateArray().SelectMany(e => All(e, type))) yield return x;
        if (node.ValueKind != JsonValueKind.Object) yield break;
        if (node.TryGetProperty("type", out var t) && t.GetString() == type) yield return node;
        foreach (var p in node.EnumerateObject())
            foreach (var x in All(p.Value, type)) yield return x;
    }

    private static List<string> Texts(JsonElement card) => All(card, "TextBlock").Select(t => t.GetProperty("text").GetString()!).ToList();

    [Fact]
    public void Render_Answer_Version15WithTitleTextAndFullWidth()
    {
        var card = Json(AdaptiveCardRenderer.Render(CardSamples.Full(), new CardRenderOptions("a1")));

        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Equal("Full", card.GetProperty("msteams").GetProperty("width").GetString());
        var texts = Texts(card);
        Assert.Equal("Tirana Declaration", texts[0]);
        Assert.Contains(texts, t => t.StartsWith("Your message was long", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Signed in Tirana", StringComparison.Ordinal));
        Assert.StartsWith("Tirana Declaration: Signed", card.GetProperty("fallbackText").GetString());
    }

    [Fact]
    public void Render_Facts_FactSetWithCitationNumbers()
    {
        var facts = All(Json(AdaptiveCardRenderer.Render(CardSamples.Full())), "FactSet").First().GetProperty("facts");

        Assert.Equal("Fact 1", facts[0].GetProperty("title").GetString());
        Assert.EndsWith("1 [1]", facts[0].GetProperty("value").GetString());
    }

    [Fact]
    public void Render_Comparison_TableWithHeaderColumnPerSideAndNoDataCells()
    {
        var table = Assert.Single(All(Json(AdaptiveCardRenderer.Render(CardSamples.Full())), "Table"));

        Assert.Equal(3, table.GetProperty("columns").GetArrayLength());
        Assert.True(table.GetProperty("firstRowAsHeaders").GetBoolean());
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["Measure", "Serbia–Hungary", "Albania–Croatia–Kosovo"], Texts(rows[0]));
        Assert.Equal(["Troops", "no data", "about 3,700 [2]"], Texts(rows[2]));
        Assert.All(rows, r => Assert.Equal(3, r.GetProperty("cells").GetArrayLength()));
        Assert.Equal(["Short row", "only one cell [1]", "no data"], Texts(rows[3]));
    }

    [Fact]
    public void Render_TimelineConflictsViews_EachHasItsSection()
    {
        var texts = Texts(Json(AdaptiveCardRenderer.Render(CardSamples.Full())));

        Assert.Contains("Timeline", texts);
        Assert.Contains("Where sources disagree", texts);
        Assert.Contains(texts, t => t.StartsWith("• Sources disagree on point 1.", StringComparison.Ordinal) && t.EndsWith("[1][2]", StringComparison.Ordinal));
        Assert.Contains("What the sources argue", texts);
        // The stance is a code for machines; the view's own words are what a reader sees.
        Assert.Contains(texts, t => t.StartsWith("**Author 2**: View 2", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("(critical)", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Sources_NumberedAndOnlyRealUrlsOpen()
    {
        var card = Json(AdaptiveCardRenderer.Render(CardSamples.Full()));
        var open = Assert.Single(All(card, "Action.OpenUrl"));

        Assert.Equal("https://example.org/report-1", open.GetProperty("url").GetString());
        var texts = Texts(card);
        Assert.Contains(texts, t => t.StartsWith("[1] Belgrade Centre: Report number 1", StringComparison.Ordinal) && t.EndsWith('↗'));
        Assert.Contains(texts, t => t.StartsWith("[2] Ana Petrović: Report number 2, Belgrade Centre (18 March 2025), p. 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Buttons_ExecuteWithIdenticalSubmitFallback()
    {
        var executes = All(Json(AdaptiveCardRenderer.Render(CardSamples.Full(), new CardRenderOptions("a1"))), "Action.Execute").ToList();

        Assert.NotEmpty(executes);
        foreach (var e in executes)
        {
            var fallback = e.GetProperty("fallback");
            Assert.Equal("Action.Submit", fallback.GetProperty("type").GetString());
            Assert.Equal(e.GetProperty("data").GetRawText(), fallback.GetProperty("data").GetRawText());
            Assert.Equal(e.GetProperty("verb").GetString(), e.GetProperty("data").GetProperty("action").GetString());
        }
        Assert.Equal(4, executes.Count(e => e.GetProperty("verb").GetString() == "followUp"));
        var ratings = executes.Where(e => e.GetProperty("verb").GetString() == "feedback").Select(e => e.GetProperty("data")).ToList();
        Assert.Equal(["up", "down"], ratings.Select(d => d.GetProperty("rating").GetString()));
        Assert.All(ratings, d => Assert.Equal("a1", d.GetProperty("answerId").GetString()));
    }

    [Fact]
    public void Render_FeedbackGiven_ThanksInsteadOfButtons()
    {
        var card = Json(AdaptiveCardRenderer.Render(CardSamples.Full(), new CardRenderOptions("a1", FeedbackGiven: "down")));

        Assert.DoesNotContain(All(card, "Action.Execute"), e => e.GetProperty("verb").GetString() == "feedback");
        Assert.Contains(Texts(card), t => t.StartsWith("Thanks, your 👎", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Help_NoFeedbackButtons()
    {
        var card = Json(AdaptiveCardRenderer.Render(CardSamples.Help()));

        Assert.DoesNotContain(All(card, "Action.Execute"), e => e.GetProperty("verb").GetString() == "feedback");
    }

    [Fact]
    public void Render_LongLists_TrimmedWithShowMoreButtons()
    {
        var card = Json(AdaptiveCardRenderer.Render(CardSamples.Full(items: 40), new CardRenderOptions("a1")));

        var more = All(card, "Action.Execute").Where(e => e.GetProperty("verb").GetString() == "more").Select(e => e.GetProperty("data")).ToList();
        Assert.Equal(["facts", "timeline", "conflicts", "views", "sources"], more.Select(d => d.GetProperty("section").GetString()));
        var facts = more[0];
        Assert.Equal(CardLimits.Default.Facts, facts.GetProperty("offset").GetInt32());
        Assert.Equal("a1", facts.GetProperty("answerId").GetString());
    }

    [Fact]
    public void Render_TwoItemsOverLimit_ShownRatherThanButton()
    {
        var card = Json(AdaptiveCardRenderer.Render(CardSamples.Full(items: CardLimits.Default.Facts + 2), new CardRenderOptions("a1")));

        Assert.DoesNotContain(All(card, "Action.Execute"), e => e.GetProperty("data").TryGetProperty("section", out var s) && s.GetString() == "facts");
    }

    [Fact]
    public void Render_HugeAnswer_StaysUnder80KB()
    {
        var huge = CardSamples.Full(items: 400, textLength: 3000);

        var card = AdaptiveCardRenderer.Render(huge, new CardRenderOptions("a1"));

        Assert.True(AdaptiveCardJson.Size(card) <= AdaptiveCardJson.MaxCardBytes, $"{AdaptiveCardJson.Size(card)} bytes");
        Assert.Contains(Texts(Json(card)), t => t.StartsWith("Signed in Tirana", StringComparison.Ordinal));
    }

    [Fact]
    public void RenderMore_NextPage_StartsAtOffsetAndOffersTheRest()
    {
        var answer = CardSamples.Full(items: 40);

        var card = Json(AdaptiveCardRenderer.RenderMore(answer, AdaptiveCardRenderer.TimelineSection, 12, "a1"));

        var facts = All(card, "FactSet").Single().GetProperty("facts");
        Assert.Equal("13 March 2025", facts[0].GetProperty("title").GetString());
        Assert.Equal(12, facts.GetArrayLength());
        var next = All(card, "Action.Execute").Single().GetProperty("data");
        Assert.Equal(24, next.GetProperty("offset").GetInt32());
    }

    [Fact]
    public void RenderMore_PastTheEnd_Notice()
    {
        var card = Json(AdaptiveCardRenderer.RenderMore(CardSamples.Full(), "views", 99, "a1"));
        Assert.Equal("Nothing more to show", Texts(card)[0]);
    }

    [Fact]
    public void Welcome_ExamplesAsButtons()
    {
        var card = Json(AdaptiveCardRenderer.Welcome(ExampleQuestions.All, "340 sourced records"));

        var questions = All(card, "Action.Execute").Select(e => e.GetProperty("data").GetProperty("question").GetString()!).ToList();
        Assert.Equal(ExampleQuestions.All, questions);
        Assert.Contains(Texts(card), t => t.Contains("cite every fact"));
    }

    [Fact]
    public void Error_RetryButtonAsksAgain()
    {
        var card = Json(AdaptiveCardRenderer.Error("It broke.", "What is CEFTA?"));

        Assert.Equal("What is CEFTA?", All(card, "Action.Execute").Single().GetProperty("data").GetProperty("question").GetString());
        Assert.Equal("attention", All(card, "Container").Single().GetProperty("style").GetString());
    }

    [Fact]
    public void Clip_LongText_CutAtWordWithEllipsis()
    {
        var clipped = AdaptiveCardRenderer.Clip("alpha beta gamma delta", 14);
        Assert.Equal("alpha beta…", clipped);
    }
}

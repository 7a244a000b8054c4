using System.Text.Json;
using System.Text.Json.Nodes;
using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Routing;

namespace BalkanBot.Tests.Cards;

public sealed class BlockKitRendererTests
{
    internal static AnswerCitation Citation(int n, string? url = "https://example.org/report.pdf", string title = "Minilateral Defence") =>
        new(n, "src-" + n, title, ["Şerif Sav"], "Example Institute", "2025", url, "section 2, para 3", null);

    internal static Answer Sample(string text = "The declaration was signed on 18 March 2025 [1].") => new()
    {
        Question = "What is the Tirana Declaration?",
        Answered = true,
        Intent = IntentKind.Overview,
        Title = "Tirana Declaration",
        Text = text,
        Facts = [new("Signed", "18 March 2025", [1]), new("Parties", "Albania, Croatia, Kosovo", [1, 2])],
        Citations = [Citation(1), Citation(2, title: "Pupin brief")],
        FollowUps = ["Who are the parties to the Tirana Declaration?", "When was the Tirana Declaration signed?"],
        Confidence = 0.9,
    };

    internal static JsonArray Json(BlockKitMessage m) =>
        JsonNode.Parse(JsonSerializer.Serialize(m.Blocks, BlockKitJsonContext.Default.IReadOnlyListSlackBlock))!.AsArray();

    [Fact]
    public void Render_Answer_HeaderFirstThenTextSectionThenActionsLast()
    {
        var blocks = Json(BlockKitRenderer.Render(Sample(), "k1"));
        Assert.Equal("header", (string?)blocks[0]!["type"]);
        Assert.Equal("plain_text", (string?)blocks[0]!["text"]!["type"]);
        Assert.Equal("Tirana Declaration", (string?)blocks[0]!["text"]!["text"]);
        Assert.Equal("section", (string?)blocks[1]!["type"]);
        Assert.Equal("mrkdwn", (string?)blocks[1]!["text"]!["type"]);
        Assert.Equal("actions", (string?)blocks[^2]!["type"]);
        Assert.Equal("context_actions", (string?)blocks[^1]!["type"]);
        Assert.Empty(BlockKitLimits.Violations(BlockKitRenderer.Render(Sample()).Blocks));
    }

    [Fact]
    public void Render_TextWithAmpersandAndAngleBrackets_EscapedForMrkdwn()
    {
        var m = BlockKitRenderer.Render(Sample("Trade <b>& tariffs</b> > 100% <@U123> <!channel>"));
        var section = (string?)Json(m)[1]!["text"]!["text"];
        Assert.Equal("Trade &lt;b&gt;&amp; tariffs&lt;/b&gt; &gt; 100% &lt;@U123&gt; &lt;!channel&gt;", section);
        Assert.DoesNotContain("<!channel>", m.Text);
    }

    [Fact]
    public void Render_LongTitle_HeaderCutTo150WithEllipsis()
    {
        var header = (string?)Json(BlockKitRenderer.Render(Sample() with { Title = new string('x', 400) }))[0]!["text"]!["text"];
        Assert.Equal(150, header!.Length);
        Assert.EndsWith("…", header);
    }

    [Fact]
    public void Render_Facts_AsSectionFieldsWithCitationNumbers()
    {
        var fields = Json(BlockKitRenderer.Render(Sample()))[2]!["fields"]!.AsArray();
        Assert.Equal(2, fields.Count);
        Assert.Equal("*Signed*\n18 March 2025 [1]", (string?)fields[0]!["text"]);
        Assert.Equal("*Parties*\nAlbania, Croatia, Kosovo [1][2]", (string?)fields[1]!["text"]);
    }

    [Fact]
    public void Render_Comparison_OneTableWithAHeadingRowAndNoDataKept()
    {
        var table = Json(BlockKitRenderer.Render(ComparisonSample())).Single(b => (string?)b!["type"] == "table")!;
        var rows = table["rows"]!.AsArray().Select(r => r!.AsArray().Select(c => (string)c!["text"]!).ToList()).ToList();
        Assert.Equal([BlockKitTable.MeasureHeading, "Serbia–Hungary", "Albania–Croatia–Kosovo"], rows[0]);
        Assert.Equal(["Troops", "about 79 [1]", "no data"], rows[2]);
        Assert.Equal(3, table["column_settings"]!.AsArray().Count);
        Assert.Equal(false, (bool?)table["column_settings"]![0]!["is_wrapped"]);
    }

    [Fact]
    public void Render_ComparisonTooWideForATable_FallsBackToSectionFields()
    {
        var wide = ComparisonSample() with
        {
            Comparison = new ComparisonTable(Enumerable.Range(1, 20).Select(i => $"Bloc {i}").ToList(),
                [new("Signed", Enumerable.Range(1, 20).Select(i => new ComparisonCell($"{i}", [])).ToList())]),
        };
        var blocks = Json(BlockKitRenderer.Render(wide));
        Assert.DoesNotContain(blocks, b => (string?)b!["type"] == "table");
        Assert.Equal(20, blocks.Count(b => b!["fields"] is not null));
    }

    private static Answer ComparisonSample() => Sample() with
    {
        Intent = IntentKind.Compare,
        Facts = [],
        Comparison = new ComparisonTable(["Serbia–Hungary", "Albania–Croatia–Kosovo"],
        [
            new("Signed", [new("1 April 2025", [1]), new("18 March 2025", [2])]),
            new("Troops", [new("about 79", [1]), ComparisonCell.Missing]),
        ]),
    };

    [Fact]
    public void Render_ComparisonWithoutTables_OneSectionPerComparedThingWithNoDataKept()
    {
        var answer = Sample() with
        {
            Intent = IntentKind.Compare,
            Facts = [],
            Comparison = new ComparisonTable(["Serbia–Hungary", "Albania–Croatia–Kosovo"],
            [
                new("Signed", [new("1 April 2025", [1]), new("18 March 2025", [2])]),
                new("Troops", [new("about 79", [1]), ComparisonCell.Missing]),
            ]),
        };
        var sections = Json(BlockKitRenderer.Render(answer, options: new BlockKitOptions(Tables: false))).Where(b => b!["fields"] is not null).ToList();
        Assert.Equal(2, sections.Count);
        Assert.Equal("*Serbia–Hungary*", (string?)sections[0]!["text"]!["text"]);
        Assert.Equal("*Troops*\nabout 79 [1]", (string?)sections[0]!["fields"]![1]!["text"]);
        Assert.Equal("*Albania–Croatia–Kosovo*", (string?)sections[1]!["text"]!["text"]);
        Assert.Equal("*Troops*\n_no data_", (string?)sections[1]!["fields"]![1]!["text"]);
    }

    [Fact]
    public void Render_TimelineViewsAndConflicts_AsHeadedLists()
    {
        var answer = Sample() with
        {
            Timeline = [new("18 March 2025", "2025-03-18", "Declaration signed", "tirana", [1]), new("2023", null, "Banjska attack", "banjska", [2])],
            Views = [new("Šerif Sav", "Minilateral Defence", "It is a defence bloc.", "bloc", [1])],
            Conflicts = [new("Sources differ on its character.", [1, 2])],
        };
        var texts = Json(BlockKitRenderer.Render(answer)).Select(b => (string?)b!["text"]?["text"]).Where(t => t is not null).ToList();
        Assert.Contains("*Timeline*\n• *18 March 2025* — Declaration signed [1]\n• *2023* — Banjska attack [2]", texts);
        Assert.Contains("*What the sources argue*\n• *Šerif Sav*: It is a defence bloc. [1]", texts);
        Assert.Contains(":warning: *Where sources disagree*\n• Sources differ on its character. [1][2]", texts);
    }

    [Fact]
    public void Render_Citations_NumberedLinksInAContextBlock()
    {
        var answer = Sample() with { Citations = [Citation(1), Citation(2, url: "https://x.org/a?b=1&c=2", title: "A <b> | c"), Citation(3, url: null)] };
        var context = Json(BlockKitRenderer.Render(answer)).Single(b => (string?)b!["type"] == "context");
        var items = context!["elements"]!.AsArray().Select(e => (string?)e!["text"]).ToList();
        Assert.Equal("*Sources*", items[0]);
        Assert.Equal("[1] <https://example.org/report.pdf|Şerif Sav: Minilateral Defence, Example Institute (2025)> · section 2, para 3", items[1]);
        Assert.Equal("[2] <https://x.org/a?b=1&amp;c=2|Şerif Sav: A &lt;b&gt; ¦ c, Example Institute (2025)> · section 2, para 3", items[2]);
        Assert.StartsWith("[3] Şerif Sav: Minilateral Defence", items[3]);
    }

    [Fact]
    public void Render_UnsafeUrl_ShownAsPlainTitle() =>
        Assert.Equal("Title", BlockKitText.Link("javascript:alert(1)", "Title"));

    [Fact]
    public void Render_Actions_FollowUpsSourcesAndNativeFeedbackWithDistinctIdsAndDecodableValues()
    {
        var rendered = BlockKitRenderer.Render(Sample(), "key123").Blocks;
        var buttons = rendered.OfType<ActionsBlock>().SelectMany(a => a.Elements).ToList();
        Assert.Equal(["balkan_followup_0", "balkan_followup_1", "balkan_sources"], buttons.Select(b => b.ActionId));
        Assert.Equal("Who are the parties to the Tirana Declaration?", buttons[0].Value);
        var feedback = Assert.Single(Assert.Single(rendered.OfType<ContextActionsBlock>()).Elements);
        Assert.Equal(BlockKitActions.Feedback, feedback.ActionId);
        var up = BlockKitActions.Decode(feedback.PositiveButton.Value);
        var down = BlockKitActions.Decode(feedback.NegativeButton.Value);
        Assert.Equal(("key123", "What is the Tirana Declaration?", "up"), (up?.Key, up?.Question, up?.Rating));
        Assert.Equal("down", down?.Rating);
    }

    [Fact]
    public void Render_LongProse_AsMarkdownWithEmphasisCharactersEscaped()
    {
        var prose = string.Join("\n\n", Enumerable.Repeat("The *bloc* grew_out of 2024 talks [1].", 30));
        var blocks = Json(BlockKitRenderer.Render(Sample(prose)));
        var markdown = blocks.Where(b => (string?)b!["type"] == "markdown").Select(b => (string)b!["text"]!).ToList();
        Assert.NotEmpty(markdown);
        Assert.Contains("The \\*bloc\\* grew\\_out of 2024 talks [1].", markdown[0]);
        Assert.DoesNotContain(blocks, b => (string?)b!["type"] == "section" && ((string?)b["text"]?["text"])?.Contains("grew", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Render_ShortText_StaysAMrkdwnSection() =>
        Assert.DoesNotContain(Json(BlockKitRenderer.Render(Sample())), b => (string?)b!["type"] == "markdown");

    [Fact]
    public void Render_WithShare_AddsTheShareButton() =>
        Assert.Contains(BlockKitRenderer.Render(Sample(), "k", options: new BlockKitOptions(Share: true)).Blocks.OfType<ActionsBlock>()
            .SelectMany(a => a.Elements), b => b.ActionId == BlockKitActions.Share);

    [Fact]
    public void Render_HelpAnswer_HasNoFeedbackOrSourcesButtons()
    {
        var help = Sample() with { Intent = IntentKind.Help, Citations = [] };
        var ids = BlockKitRenderer.Render(help).Blocks.OfType<ActionsBlock>().SelectMany(a => a.Elements).Select(b => b.ActionId);
        Assert.Empty(BlockKitRenderer.Render(help).Blocks.OfType<ContextActionsBlock>());
        Assert.DoesNotContain(BlockKitActions.FeedbackUp, ids);
        Assert.DoesNotContain(BlockKitActions.Sources, ids);
    }

    [Fact]
    public void Render_Always_GivesAPlainTextFallback()
    {
        var m = BlockKitRenderer.Render(Sample());
        Assert.StartsWith("Tirana Declaration\n", m.Text);
        Assert.Contains("The declaration was signed on 18 March 2025 [1].", m.Text);
        Assert.True(m.Text.Length <= BlockKitLimits.MaxFallbackText);
        var bare = BlockKitRenderer.Render(Sample() with { Title = "", Text = "", Facts = [], Citations = [], FollowUps = [] });
        Assert.False(string.IsNullOrWhiteSpace(bare.Text + ((HeaderBlock)bare.Blocks[0]).Text.Text));
    }

    [Fact]
    public void Render_Note_ShownAsContextAboveTheText()
    {
        var blocks = Json(BlockKitRenderer.Render(Sample() with { Note = "Your message was 900 characters long; I read only the first 500." }));
        Assert.Equal("context", (string?)blocks[1]!["type"]);
    }

    [Theory]
    [InlineData("a &amp; b", 5, "a …")]
    [InlineData("a &amp; b", 4, "a …")]
    [InlineData("a &amp; b", 8, "a &amp;…")]
    [InlineData("x &lt;&gt; y", 9, "x &lt;…")]
    [InlineData("abc", 3, "abc")]
    [InlineData("abcdef", 4, "abc…")]
    public void Truncate_EscapedText_NeverCutsAnEntity(string text, int max, string expected)
    {
        var cut = BlockKitText.Truncate(text, max);
        Assert.True(cut.Length <= max);
        Assert.Equal(expected, cut);
    }

    [Fact]
    public void ActionValue_OversizedQuestion_StaysWithinTheValueLimit()
    {
        var json = BlockKitActions.Encode(new BlockKitActionValue("k", new string('"', 1500)));
        Assert.True(json.Length <= BlockKitLimits.MaxButtonValue);
        Assert.NotNull(BlockKitActions.Decode(json));
        Assert.Null(BlockKitActions.Decode("not json"));
        Assert.Null(BlockKitActions.Decode("""{"k":"x"}"""));
    }
}

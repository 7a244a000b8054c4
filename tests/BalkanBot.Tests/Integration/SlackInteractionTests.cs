using System.Net;
using System.Text.Json.Nodes;
using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Channels.Slack;
using BalkanBot.Storage;

namespace BalkanBot.Tests.Integration;

/// <summary>POST /api/slack/interactions: clicks on the buttons of an answer the bot really posted.</summary>
public sealed class SlackInteractionTests
{
    private const string AnswerTs = "1700000050.000500";

    /// <summary>Asks in a channel, then returns the posted answer's buttons (action_id → value).</summary>
    private static async Task<Dictionary<string, string>> AskAsync(SlackTestHost host, string question)
    {
        await host.PostEventAsync(SlackPayloadsFor.Mention("EvAsk", "<@U0BOT> " + question, ts: "1700000040.000400"));
        var post = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage")).Single();
        return post.Json!["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).ToDictionary(e => (string)e!["action_id"]!, e => (string)e!["value"]!);
    }

    private static Task<IReadOnlyList<SlackCall>> SecondPostAsync(SlackTestHost host) =>
        host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage", count: 2);

    [Fact]
    public async Task Interaction_FollowUpButton_AnsweredInTheThreadOfThatAnswer()
    {
        await using var host = await SlackTestHost.StartAsync();
        var buttons = await AskAsync(host, "What is the Tirana Declaration?");
        var followUp = buttons.First(b => b.Key.StartsWith(BlockKitActions.FollowUpPrefix, StringComparison.Ordinal));
        var response = await host.PostInteractionAsync(SlackPayloadsFor.BlockAction(followUp.Key, followUp.Value, messageTs: AnswerTs));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await SecondPostAsync(host))[1];
        Assert.Equal("C0CHAN", reply.Get("channel"));
        Assert.Equal(AnswerTs, reply.Get("thread_ts"));
        Assert.Equal("header", (string?)reply.Json!["blocks"]![0]!["type"]);
    }

    [Fact]
    public async Task Interaction_FollowUpUnderAPrivateReply_AnsweredThroughResponseUrl()
    {
        await using var host = await SlackTestHost.StartAsync();
        var payload = SlackPayloadsFor.BlockAction(BlockKitActions.FollowUpPrefix + "0", "When was the Tirana Declaration signed?",
            responseUrl: host.Fake.ResponseUrl("eph-1"), ephemeral: true);
        Assert.Equal(HttpStatusCode.OK, (await host.PostInteractionAsync(payload)).StatusCode);
        var post = (await host.Fake.WaitForAsync(c => c.Path == "/hooks/eph-1")).Single();
        Assert.Equal("ephemeral", post.Get("response_type"));
        Assert.Contains("2025", post.Get("text"));
    }

    [Fact]
    public async Task Interaction_FollowUpWhereTheBotIsNotInTheChannel_AnsweredPrivatelyThroughResponseUrl()
    {
        await using var host = await SlackTestHost.StartAsync(fake: f =>
            f.Script("/api/chat.postMessage", new FakeReply(200, """{"ok":false,"error":"not_in_channel"}""")));
        var payload = SlackPayloadsFor.BlockAction(BlockKitActions.FollowUpPrefix + "0", "What is CEFTA?", responseUrl: host.Fake.ResponseUrl("shared"));
        await host.PostInteractionAsync(payload);
        var post = (await host.Fake.WaitForAsync(c => c.Path == "/hooks/shared")).Single();
        Assert.Equal("ephemeral", post.Get("response_type"));
        Assert.Single(host.Fake.CallsTo("/api/chat.postMessage"));
    }

    [Fact]
    public async Task Interaction_ShowSources_PostsTheSourcesOfThatAnswer()
    {
        await using var host = await SlackTestHost.StartAsync();
        var buttons = await AskAsync(host, "What is the Tirana Declaration?");
        await host.PostInteractionAsync(SlackPayloadsFor.BlockAction(BlockKitActions.Sources, buttons[BlockKitActions.Sources], messageTs: AnswerTs));
        var reply = (await SecondPostAsync(host))[1];
        var blocks = reply.Json!["blocks"]!.AsArray();
        Assert.StartsWith("Sources:", (string?)blocks[0]!["text"]!["text"]);
        Assert.Contains(blocks, b => (string?)b!["type"] == "context" && b["elements"]!.AsArray().Any(e => ((string)e!["text"]!).StartsWith("[1] ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Interaction_ShowSourcesAfterTheCacheForgot_AsksTheQuestionAgain()
    {
        await using var host = await SlackTestHost.StartAsync();
        var value = BlockKitActions.Encode(new BlockKitActionValue("unknown-key", "What is CEFTA?"));
        await host.PostInteractionAsync(SlackPayloadsFor.BlockAction(BlockKitActions.Sources, value));
        var reply = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage")).Single();
        Assert.StartsWith("Sources:", (string?)reply.Json!["blocks"]![0]!["text"]!["text"]);
    }

    [Theory]
    [InlineData(BlockKitActions.FeedbackUp, "up")]
    [InlineData(BlockKitActions.FeedbackDown, "down")]
    public async Task Interaction_Feedback_StoredWithTheQuestionAndThankedPrivately(string actionId, string rating)
    {
        await using var host = await SlackTestHost.StartAsync();
        // Messages posted before the native feedback_buttons carry the two plain buttons; their clicks still count.
        var value = BlockKitActions.Encode(new BlockKitActionValue("gone", "What is CEFTA?"));
        await host.PostInteractionAsync(SlackPayloadsFor.BlockAction(actionId, value, responseUrl: host.Fake.ResponseUrl("fb"), messageTs: AnswerTs));
        var thanks = (await host.Fake.WaitForAsync(c => c.Path == "/hooks/fb")).Single();
        Assert.Equal("ephemeral", thanks.Get("response_type"));
        Assert.StartsWith("Thanks", thanks.Get("text"));
        var stored = Assert.Single(await host.Get<IAppStore>().RecentFeedbackAsync(10));
        Assert.Equal(("slack", "U0USER", "What is CEFTA?", rating), (stored.Channel, stored.UserId, stored.Question, stored.Rating));
        Assert.Equal("C0CHAN:" + AnswerTs, stored.ConversationId);
    }

    [Fact]
    public async Task Interaction_More_PostsTheNextPageOfTheCachedAnswer()
    {
        await using var host = await SlackTestHost.StartAsync();
        var big = new Answer
        {
            Question = "everything",
            Answered = true,
            Intent = BalkanBot.Routing.IntentKind.Timeline,
            Title = "Everything",
            Text = "All of it.",
            Timeline = Enumerable.Range(1, 400).Select(i => new TimelineEntry($"{2000 + i % 25}", null, $"Event {i} " + new string('e', 80), "r", [1])).ToList(),
        };
        var key = host.Get<SlackAnswerCache>().Add(big);
        var first = BlockKitRenderer.Render(big, key);
        Assert.NotNull(first.NextStart);
        var more = first.Blocks.OfType<ActionsBlock>().SelectMany(a => a.Elements).Single(b => b.ActionId == BlockKitActions.More);
        await host.PostInteractionAsync(SlackPayloadsFor.BlockAction(BlockKitActions.More, more.Value, messageTs: AnswerTs));
        var page = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage")).Single();
        Assert.Equal("Everything (continued)", (string?)page.Json!["blocks"]![0]!["text"]!["text"]);
        Assert.Equal(AnswerTs, page.Get("thread_ts"));
    }

    [Theory]
    [InlineData("""{"type":"view_submission","user":{"id":"U1"},"view":{}}""")]
    [InlineData("""{"type":"shortcut","user":{"id":"U1"},"callback_id":"x"}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"actions":[{"action_id":"someone_elses_button","value":"x"}]}""")]
    [InlineData("""{"type":"block_actions","user":{"id":"U1"},"actions":[]}""")]
    public async Task Interaction_UnknownTypesAndForeignButtons_Quiet200(string payload)
    {
        await using var host = await SlackTestHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.PostInteractionAsync(payload)).StatusCode);
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
    }

    [Theory]
    [InlineData("payload=%7Bnot%20json")]
    [InlineData("nopayload=1")]
    [InlineData("payload=")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22actions%22%3A%5B%7B%22action_id%22%3A%22balkan_sources%22%7D%5D%7D")]
    public async Task Interaction_MalformedOrMissingFields_400(string form)
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostSignedAsync("/api/slack/interactions", form, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Interaction_ForgedButtonValue_IgnoredWithoutError()
    {
        await using var host = await SlackTestHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.PostInteractionAsync(SlackPayloadsFor.BlockAction(BlockKitActions.FeedbackUp, "not-our-json"))).StatusCode);
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
        Assert.Empty(await host.Get<IAppStore>().RecentFeedbackAsync(10));
    }
}

using System.Text.Json.Nodes;
using BalkanBot.Cards;
using BalkanBot.Storage;

namespace BalkanBot.Tests.Integration;

/// <summary>Table blocks (and their fallback when Slack refuses them) and native feedback buttons, end to end.</summary>
public sealed class SlackBlockKitTests
{
    private const string Compare = "Compare the Serbia–Hungary and Albania–Croatia–Kosovo blocs";

    private static IEnumerable<string> Types(SlackCall post) => post.Json!["blocks"]!.AsArray().Select(b => (string)b!["type"]!);

    [Fact]
    public async Task Comparison_PostedAsOneTableBlock()
    {
        await using var host = await SlackTestHost.StartAsync();
        await host.PostEventAsync(SlackPayloadsFor.Mention("EvCmp", "<@U0BOT> " + Compare));
        var post = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage")).Single();
        var table = Assert.Single(post.Json!["blocks"]!.AsArray(), b => (string?)b!["type"] == "table")!;
        var rows = table["rows"]!.AsArray();
        Assert.InRange(rows.Count, 2, BlockKitLimits.MaxTableRows);
        Assert.All(rows, r => Assert.InRange(r!.AsArray().Count, 2, BlockKitLimits.MaxTableColumns));
        Assert.All(rows.SelectMany(r => r!.AsArray()), c => Assert.Equal("raw_text", (string?)c!["type"]));
        Assert.Equal(rows[0]!.AsArray().Count, table["column_settings"]!.AsArray().Count);
        Assert.Contains(rows.SelectMany(r => r!.AsArray()), c => ((string)c!["text"]!).Contains("no data", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Comparison_SlackRefusesTheTable_SentAgainAsSectionFields()
    {
        await using var host = await SlackTestHost.StartAsync(fake: f =>
            f.Script("/api/chat.postMessage", new FakeReply(200, """{"ok":false,"error":"invalid_blocks"}""")));
        await host.PostEventAsync(SlackPayloadsFor.Mention("EvCmp", "<@U0BOT> " + Compare));
        var posts = await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage", count: 2);
        Assert.Contains("table", Types(posts[0]));
        Assert.DoesNotContain("table", Types(posts[1]));
        Assert.Contains(posts[1].Json!["blocks"]!.AsArray(), b => b!["fields"] is JsonArray { Count: > 0 });

        // The refusal is remembered: the next comparison goes out without a table straight away.
        await host.PostEventAsync(SlackPayloadsFor.Mention("EvCmp2", "<@U0BOT> tirana declaration vs serbia hungary plan", ts: "1700000009.000900"));
        var third = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage", count: 3))[2];
        Assert.DoesNotContain("table", Types(third));
    }

    [Fact]
    public async Task Comparison_ResponseUrlRefusesTheTable_SentAgainAsSectionFields()
    {
        await using var host = await SlackTestHost.StartAsync(fake: f => f.Script("/hooks/cmd-C0CMD", new FakeReply(400, "invalid_blocks")));
        await host.PostCommandAsync(Compare);
        var posts = await host.Fake.WaitForAsync(c => c.Path == "/hooks/cmd-C0CMD", count: 2);
        Assert.Contains("table", Types(posts[0]));
        Assert.DoesNotContain("table", Types(posts[1]));
    }

    [Fact]
    public async Task NativeFeedback_ReplacesThePlainButtons_AndIsStored()
    {
        await using var host = await SlackTestHost.StartAsync();
        await host.PostEventAsync(SlackPayloadsFor.Mention("EvFb", "<@U0BOT> What is CEFTA?"));
        var post = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage")).Single();
        var blocks = post.Json!["blocks"]!.AsArray();
        Assert.DoesNotContain(blocks.Where(b => (string?)b!["type"] == "actions").SelectMany(b => b!["elements"]!.AsArray()),
            e => ((string)e!["action_id"]!).StartsWith("balkan_feedback_", StringComparison.Ordinal));
        var feedback = Assert.Single(blocks, b => (string?)b!["type"] == "context_actions")!["elements"]![0]!;
        Assert.Equal("feedback_buttons", (string?)feedback["type"]);

        await host.PostInteractionAsync(SlackSurfacePayloads.FeedbackClick((string)feedback["negative_button"]!["value"]!));
        await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postEphemeral");
        var stored = Assert.Single(await host.Get<IAppStore>().RecentFeedbackAsync(10));
        Assert.Equal("down", stored.Rating);
        Assert.Equal("slack", stored.Channel);
        Assert.Equal("What is CEFTA?", stored.Question);
    }

    [Theory]
    [InlineData("""{"k":null,"q":"x","r":"sideways"}""")]
    [InlineData("not json")]
    [InlineData("""{"q":null}""")]
    public async Task NativeFeedback_ValueNotOurs_NothingStored(string value)
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostInteractionAsync(SlackSurfacePayloads.FeedbackClick(value));
        Assert.True((int)response.StatusCode < 500);
        await host.WhenIdleAsync();
        Assert.Empty(await host.Get<IAppStore>().RecentFeedbackAsync(10));
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using BalkanBot.Cards;
using BalkanBot.Digests;

namespace BalkanBot.Tests.Integration;

/// <summary>The App Home tab: app_home_opened → views.publish, its Unsubscribe and example-question buttons.</summary>
public sealed class SlackHomeTests
{
    private const string MemberOf = """{"ok":true,"channels":[{"id":"C0SUB","name":"security"},{"id":"D0HOME"}],"response_metadata":{"next_cursor":""}}""";

    private static async Task<Subscription> SubscribeAsync(SlackTestHost host, string channel)
    {
        var now = DateTimeOffset.UtcNow;
        var (s, _) = await host.Get<IDigestStore>().SubscribeAsync(new NewSubscription("slack", channel, "weekly", DigestFilter.None, "U0USER", now,
            now.AddDays(3)));
        return s;
    }

    private static JsonArray Blocks(SlackCall publish) => publish.Json!["view"]!["blocks"]!.AsArray();

    [Fact]
    public async Task HomeOpened_PublishesCountsLatestDigestsAndExamples()
    {
        await using var host = await SlackTestHost.StartAsync(fake: f => f.Script("/api/users.conversations", new FakeReply(200, MemberOf)));
        var mine = await SubscribeAsync(host, "C0SUB");
        await SubscribeAsync(host, "C0NOTMINE");

        Assert.Equal(HttpStatusCode.OK, (await host.PostEventAsync(SlackSurfacePayloads.HomeOpened("EvHome"))).StatusCode);
        var publish = (await host.Fake.WaitForAsync(c => c.Path == "/api/views.publish")).Single();
        Assert.Equal("U0USER", publish.Get("user_id"));
        Assert.Equal("home", (string?)publish.Json!["view"]!["type"]);
        var blocks = Blocks(publish);
        Assert.InRange(blocks.Count, 1, BlockKitLimits.MaxViewBlocks);
        Assert.Contains(blocks, b => b!["fields"]?.AsArray().Any(f => ((string)f!["text"]!).StartsWith("*Agreements*", StringComparison.Ordinal)) == true);
        Assert.Contains(blocks, b => ((string?)b!["text"]?["text"])?.StartsWith("*Most recent in the base*", StringComparison.Ordinal) == true
            || ((string?)b["text"]?["text"])?.StartsWith("*Latest additions", StringComparison.Ordinal) == true);

        var unsubscribe = blocks.Select(b => b!["accessory"]).OfType<JsonNode>().ToList();
        var button = Assert.Single(unsubscribe);
        Assert.Equal(BlockKitActions.HomeUnsubscribe, (string?)button["action_id"]);
        Assert.Equal(mine.Id.ToString(CultureInfo.InvariantCulture), (string?)button["value"]);
        Assert.Contains(blocks, b => ((string?)b!["text"]?["text"])?.Contains("<#C0SUB>", StringComparison.Ordinal) == true
            && ((string?)b["text"]?["text"])!.Contains("<!date^", StringComparison.Ordinal));

        var examples = blocks.Single(b => (string?)b!["block_id"] == "balkan_home_examples")!["elements"]!.AsArray();
        Assert.InRange(examples.Count, 4, 6);
        var lists = host.Fake.CallsTo("/api/users.conversations")[0];
        Assert.Contains("user=U0USER", lists.Body);
    }

    [Fact]
    public async Task HomeOpened_AfterABuildAddedARecord_ListsItAsAnAdditionButNotTheFirstImport()
    {
        await using var host = await SlackTestHost.StartAsync();
        var kb = host.Get<BalkanBot.Knowledge.KnowledgeBase>();
        var store = host.Get<IDigestStore>();
        var baseRecords = kb.Resident.Select(r => new RecordSnapshot(r.Id, r.Kind, r.Name, "h-" + r.Id, null)).ToList();
        var now = DateTimeOffset.UtcNow;
        await store.RecordHashesAsync(baseRecords, now.AddDays(-10));
        await store.RecordHashesAsync([.. baseRecords, new RecordSnapshot("test-pact-2026", BalkanBot.Knowledge.RecordKind.Agreement, "Test Pact", "h-new", null)],
            now.AddDays(-1));

        await host.PostEventAsync(SlackSurfacePayloads.HomeOpened("EvHomeAdd"));
        var publish = (await host.Fake.WaitForAsync(c => c.Path == "/api/views.publish")).Single();
        var latest = Blocks(publish).Select(b => (string?)b!["text"]?["text"]).Single(t => t?.StartsWith("*Latest additions", StringComparison.Ordinal) == true)!;
        Assert.Equal(2, latest.Split('\n').Length);
        Assert.Contains("*Test Pact* (agreement) · added ", latest);
    }

    [Fact]
    public async Task Unsubscribe_ChannelTheUserIsIn_EndsTheDigestAndRepublishes()
    {
        await using var host = await SlackTestHost.StartAsync(fake: f => f.Script("/api/users.conversations",
            new FakeReply(200, MemberOf), new FakeReply(200, MemberOf)));
        var s = await SubscribeAsync(host, "C0SUB");
        var response = await host.PostInteractionAsync(SlackSurfacePayloads.HomeAction(BlockKitActions.HomeUnsubscribe, s.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var publish = (await host.Fake.WaitForAsync(c => c.Path == "/api/views.publish")).Single();
        Assert.False((await host.Get<IDigestStore>().GetSubscriptionAsync(s.Id))!.Active);
        Assert.DoesNotContain(Blocks(publish), b => b!["accessory"] is not null);
    }

    [Theory]
    [InlineData("C0ELSEWHERE")]
    public async Task Unsubscribe_ChannelTheUserIsNotIn_LeavesTheDigest(string channel)
    {
        await using var host = await SlackTestHost.StartAsync(fake: f => f.Script("/api/users.conversations",
            new FakeReply(200, MemberOf), new FakeReply(200, MemberOf)));
        var s = await SubscribeAsync(host, channel);
        await host.PostInteractionAsync(SlackSurfacePayloads.HomeAction(BlockKitActions.HomeUnsubscribe, s.Id.ToString(CultureInfo.InvariantCulture)));
        await host.Fake.WaitForAsync(c => c.Path == "/api/views.publish");
        Assert.True((await host.Get<IDigestStore>().GetSubscriptionAsync(s.Id))!.Active);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("-1")]
    [InlineData("99999999999999999999999")]
    [InlineData("")]
    public async Task Unsubscribe_ValueNotOurs_NothingEndsNo5xx(string value)
    {
        await using var host = await SlackTestHost.StartAsync();
        var s = await SubscribeAsync(host, "C0SUB");
        var response = await host.PostInteractionAsync(SlackSurfacePayloads.HomeAction(BlockKitActions.HomeUnsubscribe, value));
        Assert.True((int)response.StatusCode < 500);
        await host.WhenIdleAsync();
        Assert.True((await host.Get<IDigestStore>().GetSubscriptionAsync(s.Id))!.Active);
    }

    [Fact]
    public async Task ExampleQuestion_AnsweredInTheUsersDirectMessage()
    {
        await using var host = await SlackTestHost.StartAsync(fake: f =>
            f.Script("/api/conversations.open", new FakeReply(200, """{"ok":true,"channel":{"id":"D0HOME"}}""")));
        await host.PostInteractionAsync(SlackSurfacePayloads.HomeAction(BlockKitActions.HomeAskPrefix + "0", "What is CEFTA?"));
        var post = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage")).Single();
        Assert.Equal("D0HOME", post.Get("channel"));
        Assert.Contains("2006", post.Get("text"));
        Assert.Contains("\"users\":\"U0USER\"", host.Fake.CallsTo("/api/conversations.open").Single().Body);
    }
}

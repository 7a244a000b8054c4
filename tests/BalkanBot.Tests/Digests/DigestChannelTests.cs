using BalkanBot.Answers;
using BalkanBot.Channels.Slack;
using BalkanBot.Channels.Teams;
using BalkanBot.Digests;
using BalkanBot.Hosting;
using BalkanBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static BalkanBot.Tests.Digests.DigestScheduleTests;

namespace BalkanBot.Tests.Digests;

/// <summary>
/// Delivery through the real channel clients (the Teams ConnectorClient, the SlackApiClient) to a fake Bot
/// Connector and a fake Slack Web API listening on 127.0.0.1, with the clock faked so backoffs take no time.
/// </summary>
public class DigestChannelTests
{
    private static readonly ConversationReference TeamsConversation = new("msteams", "19:digest-conv", null, "tenant-1", "28:bot-1", "channel");

    [Fact]
    public async Task Teams_429ThenSuccess_PostsOneCardAndRecordsActivityId()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.Plan(429, "1");
        using var world = await WorldAsync();
        var sub = await world.SubscribeAsync("teams", TeamsConversation.ConversationId, "weekly", reference: TeamsConversation with { ServiceUrl = connector.ServiceUrl });
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));

        await world.Runner(await LatestAsync(world), Teams(world)).RunDueAsync();

        Assert.Equal(2, connector.Attempts.Count);
        var posted = Assert.Single(connector.Received);
        Assert.Equal(("19:digest-conv", null), (posted.ConversationId, posted.ReplyToId));
        Assert.Equal("tenant-1", posted.Body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        var row = (await world.Store.DeliveriesAsync(sub.Id)).Single();
        Assert.Equal(row.Key, posted.Card!.Value.GetProperty("body")[0].GetProperty("id").GetString());
        Assert.Equal((DeliveryStatus.Sent, "sent-1"), (row.Status, row.ExternalId));
        Assert.True(connector.Attempts[1] - connector.Attempts[0] >= TimeSpan.FromMilliseconds(950), "Retry-After: 1 was not honoured");
    }

    [Fact]
    public async Task Teams_403_DeactivatesSubscriptionWithReason()
    {
        await using var connector = await FakeConnector.StartAsync();
        connector.Plan(403);
        using var world = await WorldAsync();
        var sub = await world.SubscribeAsync("teams", TeamsConversation.ConversationId, "weekly", reference: TeamsConversation with { ServiceUrl = connector.ServiceUrl });
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));

        await world.Runner(await LatestAsync(world), Teams(world)).RunDueAsync();

        var after = await world.Store.GetSubscriptionAsync(sub.Id);
        Assert.False(after!.Active);
        Assert.Contains("403", after.DeactivatedReason);
        Assert.Equal(DeliveryStatus.Cancelled, (await world.Store.DeliveriesAsync(sub.Id)).Single().Status);
        Assert.Empty(connector.Received);
    }

    [Fact]
    public async Task Teams_CrashBetweenSendingAndSent_RestartDoesNotPostAgain()
    {
        await using var connector = await FakeConnector.StartAsync();
        using var world = await WorldAsync();
        var sub = await world.SubscribeAsync("teams", TeamsConversation.ConversationId, "weekly", reference: TeamsConversation with { ServiceUrl = connector.ServiceUrl });
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        var kb = await LatestAsync(world);
        var crashing = world.Runner(kb, Teams(world));
        crashing.AfterSendBeforeRecord = _ => throw new InvalidOperationException("process killed");
        await crashing.RunDueAsync();

        world.Clock.Advance(world.Options.Lease);
        await world.Runner(kb, Teams(world)).RunDueAsync();

        Assert.Single(connector.Received);
        Assert.Equal(DeliveryStatus.Sent, (await world.Store.DeliveriesAsync(sub.Id)).Single().Status);
    }

    [Fact]
    public async Task Slack_429ThenSuccess_PostsOnceAndRecordsTs()
    {
        await using var slack = await SlackFakeApi.StartAsync();
        slack.Script("/api/chat.postMessage", new FakeReply(429, """{"ok":false,"error":"ratelimited"}""", RetryAfter: 1),
            new FakeReply(200, """{"ok":true,"channel":"C1","ts":"1774850400.000100"}"""));
        using var world = await WorldAsync();
        var sub = await world.SubscribeAsync("slack", "C1", "weekly");
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));

        await world.Runner(await LatestAsync(world), Slack(world, slack)).RunDueAsync();

        var posts = slack.CallsTo("/api/chat.postMessage");
        Assert.Equal(2, posts.Count);
        Assert.Equal("C1", posts[1].Get("channel"));
        Assert.False(string.IsNullOrEmpty(posts[1].Get("text")));
        var row = (await world.Store.DeliveriesAsync(sub.Id)).Single();
        Assert.Equal((DeliveryStatus.Sent, "1774850400.000100"), (row.Status, row.ExternalId));
        Assert.Equal(row.Key, posts[1].Json!["blocks"]![0]!["block_id"]!.GetValue<string>());
        Assert.True(posts[1].At - posts[0].At >= TimeSpan.FromMilliseconds(950), "Retry-After: 1 was not honoured");
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("account_inactive")]
    public async Task Slack_ChannelGone_DeactivatesSubscription(string error)
    {
        await using var slack = await SlackFakeApi.StartAsync();
        slack.Script("/api/chat.postMessage", new FakeReply(200, $$"""{"ok":false,"error":"{{error}}"}"""));
        using var world = await WorldAsync();
        var sub = await world.SubscribeAsync("slack", "C1", "weekly");
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));

        await world.Runner(await LatestAsync(world), Slack(world, slack)).RunDueAsync();

        var after = await world.Store.GetSubscriptionAsync(sub.Id);
        Assert.False(after!.Active);
        Assert.Equal($"Slack answered {error}", after.DeactivatedReason);
    }

    [Fact]
    public async Task Slack_CrashBetweenSendingAndSent_HistoryFindsItAndNothingIsResent()
    {
        await using var slack = await SlackFakeApi.StartAsync();
        using var world = await WorldAsync();
        var sub = await world.SubscribeAsync("slack", "C1", "weekly");
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        var kb = await LatestAsync(world);
        var crashing = world.Runner(kb, Slack(world, slack));
        crashing.AfterSendBeforeRecord = _ => throw new InvalidOperationException("process killed");
        await crashing.RunDueAsync();
        var blockId = slack.CallsTo("/api/chat.postMessage").Single().Json!["blocks"]![0]!["block_id"]!.GetValue<string>();
        // What Slack's conversations.history returns for that channel: the posted message, with its block ids.
        slack.Script("/api/conversations.history", new FakeReply(200, $$"""
            {"ok":true,"messages":[{"type":"message","ts":"1774850401.000200","text":"x","blocks":[{"type":"header","block_id":"{{blockId}}"}]},
              {"type":"message","ts":"1774850300.000100","text":"older"}],"has_more":false}
            """));

        world.Clock.Advance(world.Options.Lease);
        await world.Runner(kb, Slack(world, slack)).RunDueAsync();

        Assert.Single(slack.CallsTo("/api/chat.postMessage"));
        var history = Assert.Single(slack.CallsTo("/api/conversations.history"));
        Assert.Contains("channel=C1", history.Body);
        var row = (await world.Store.DeliveriesAsync(sub.Id)).Single();
        Assert.Equal((DeliveryStatus.Sent, "1774850401.000200"), (row.Status, row.ExternalId));
    }

    private static async Task<DigestWorld> WorldAsync()
    {
        var world = new DigestWorld(Utc(2026, 3, 27, 9));
        world.Clock.AutoAdvance = true;
        await world.BuildAsync(DigestWorld.Seed);
        return world;
    }

    /// <summary>After subscribing, an editor adds an incident, so the digest has something to carry.</summary>
    private static Task<BalkanBot.Knowledge.KnowledgeBase> LatestAsync(DigestWorld world) =>
        world.BuildAsync(DigestWorld.With(DigestWorld.NewEvent("test-clash", "Test clash (March 2026)", "2026-03-28", "kosovo", "kosovo-police")));

    private static TeamsDigestSender Teams(DigestWorld world)
    {
        var options = new TeamsOptions(); // no app id: no outbound token, as with local tools
        var services = new ServiceCollection().AddLogging();
        // HTTP retries and timeouts run on real time: the world's clock jumps every wait, timeouts included.
        services.AddOutboundHttpClient(ConnectorClient.HttpClientName, _ => ConnectorClient.Policy);
        var factory = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new TeamsDigestSender(new ConnectorClient(factory, new BotTokenClient(options, new HttpClient(), world.Clock, NullLogger<BotTokenClient>.Instance),
            NullLogger<ConnectorClient>.Instance));
    }

    private static SlackDigestSender Slack(DigestWorld world, SlackFakeApi fake)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        SlackApiClient.AddHttpClients(services);
        services.Configure<SlackOptions>(o => { o.ApiBaseUrl = fake.ApiBaseUrl; o.BotToken = SlackTestHost.BotToken; o.RetryBaseDelayMilliseconds = 10; });
        services.AddSingleton<SlackApiClient>();
        var sp = services.BuildServiceProvider();
        return new SlackDigestSender(sp.GetRequiredService<SlackApiClient>(), sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<SlackOptions>>());
    }
}

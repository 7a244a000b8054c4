using System.Net;
using BalkanBot.Channels.Slack;

namespace BalkanBot.Tests.Integration;

/// <summary>A connector or response_url that never answers holds up only its own conversations.</summary>
public sealed class FairnessTests
{
    [Fact]
    public async Task Teams_DeadServiceUrl_OtherConversationsStillAnswered()
    {
        await using var dead = await HangingServer.StartAsync();
        await using var good = await FakeConnector.StartAsync();
        await using var bot = new TeamsBotFactory();

        // More stuck conversations than the old shared pool had slots.
        for (var i = 0; i < 40; i++)
            Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(TestActivities.Message(dead.Url, "What is CEFTA?", $"dead-{i}"))).StatusCode);
        await dead.ArrivedAsync(40);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(TestActivities.Message(good.ServiceUrl, "What is CEFTA?", "alive"))).StatusCode);

        var reply = (await good.WaitForAsync(1)).Single();
        Assert.Equal("alive", reply.ConversationId);
        Assert.True(dead.Pending > 0, "the dead connector's calls should still be hanging");
        dead.Release();
    }

    [Fact]
    public async Task Slack_StuckResponseUrl_OtherCommandsStillAnswered()
    {
        await using var host = await SlackTestHost.StartAsync();

        for (var i = 0; i < 12; i++)
            await host.PostCommandAsync("What is CEFTA?", channel: "CSTUCK", user: $"U{i}", responseUrl: host.Fake.ResponseUrl($"stuck-{i}"));
        await host.Fake.WaitForAsync(c => c.Path.StartsWith("/hooks/stuck-", StringComparison.Ordinal), 12);
        await host.PostCommandAsync("What is CEFTA?", channel: "COK", responseUrl: host.Fake.ResponseUrl("ok"));

        var answer = (await host.Fake.WaitForAsync(c => c.Path == "/hooks/ok")).Single();
        Assert.Contains("CEFTA", answer.Body);
        Assert.True(host.Get<SlackWorkQueue>().Pending >= 12, "the stuck commands should still be waiting on their response_url");
        host.Fake.StuckHooks.TrySetResult();
    }
}

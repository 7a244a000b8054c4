using System.Net;
using BalkanBot.Channels.Slack;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// Bounded background work: when a channel's queue is full, Teams gets 503 with Retry-After (the Bot Connector
/// retries) and a Slack command is told "busy"; room comes back as soon as work finishes.
/// </summary>
public sealed class BackpressureTests
{
    [Fact]
    public async Task Teams_QueueFull_503WithRetryAfterThenAcceptedAgain()
    {
        await using var connector = await HangingServer.StartAsync();
        await using var bot = new TeamsBotFactory(new Dictionary<string, string?>
        {
            ["Teams:QueueCapacity"] = "2",
            ["Teams:QueuePerConversation"] = "1",
            ["Teams:QueuePerServiceUrlHost"] = "2",
        });

        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(TestActivities.Message(connector.Url, "What is CEFTA?", "c1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(TestActivities.Message(connector.Url, "What is CEFTA?", "c2"))).StatusCode);
        await connector.ArrivedAsync(2); // both replies are on the wire, held by the connector
        var refused = await bot.PostActivityAsync(TestActivities.Message(connector.Url, "What is CEFTA?", "c3"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        connector.Release();
        await bot.Turns.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(TestActivities.Message(connector.Url, "What is CEFTA?", "c3"))).StatusCode);
    }

    [Fact]
    public async Task Teams_OneConversationAtItsLimit_OthersStillAccepted()
    {
        await using var connector = await HangingServer.StartAsync();
        await using var bot = new TeamsBotFactory(new Dictionary<string, string?> { ["Teams:QueuePerConversation"] = "1" });

        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(TestActivities.Message(connector.Url, "What is CEFTA?", "chatty"))).StatusCode);
        await connector.ArrivedAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await bot.PostActivityAsync(TestActivities.Message(connector.Url, "And Kosovo?", "chatty"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(TestActivities.Message(connector.Url, "What is CEFTA?", "quiet"))).StatusCode);
        connector.Release();
    }

    [Fact]
    public async Task Teams_WithoutAppId_OneServiceUrlHostHoldsAtMostAQuarterOfTheQueue()
    {
        await using var dead = await HangingServer.StartAsync();
        await using var good = await FakeConnector.StartAsync();
        await using var bot = new TeamsBotFactory(new Dictionary<string, string?> { ["Teams:QueueCapacity"] = "8", ["Teams:QueuePerConversation"] = "1" });

        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(TestActivities.Message(dead.Url, "What is CEFTA?", "d1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(TestActivities.Message(dead.Url, "What is CEFTA?", "d2"))).StatusCode);
        await dead.ArrivedAsync(2);
        var third = await bot.PostActivityAsync(TestActivities.Message(dead.Url, "What is CEFTA?", "d3"));
        var elsewhere = await bot.PostActivityAsync(TestActivities.Message(good.ServiceUrl, "What is CEFTA?", "g1"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Equal("g1", (await good.WaitForAsync(1)).Single().ConversationId);
        dead.Release();
    }

    [Fact]
    public async Task Teams_QueueFull_CardButtonToldBusyInTheInvokeResponse()
    {
        await using var connector = await HangingServer.StartAsync();
        await using var bot = new TeamsBotFactory(new Dictionary<string, string?>
        {
            ["Teams:QueueCapacity"] = "1",
            ["Teams:QueuePerConversation"] = "1",
            ["Teams:QueuePerServiceUrlHost"] = "1",
        });
        await bot.PostActivityAsync(TestActivities.Message(connector.Url, "What is CEFTA?", "c1"));
        await connector.ArrivedAsync();

        var response = await bot.PostActivityAsync(TestActivities.Invoke(connector.Url, """{"action":"followUp","question":"What is CEFTA?","answerId":"a1"}""", "c2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("busy", await response.Content.ReadAsStringAsync());
        connector.Release();
    }

    [Fact]
    public async Task Slack_QueueFull_CommandToldBusyAndEventGets503()
    {
        await using var host = await SlackTestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Slack:QueueCapacity"] = "1",
            ["Slack:QueuePerConversation"] = "1",
        });
        host.Fake.PostMessageGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.Equal(HttpStatusCode.OK, (await host.PostEventAsync(SlackPayloadsFor.Mention("Ev1", "<@U0BOT> What is CEFTA?"))).StatusCode);
        await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage"); // the answer is in flight, held by the gate

        var command = await host.PostCommandAsync("What is CEFTA?");
        var event2 = await host.PostEventAsync(SlackPayloadsFor.Mention("Ev2", "<@U0BOT> What is CEFTA?", ts: "1700000002.000200"));

        Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        Assert.Contains(SlackInbound.BusyText, await command.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, event2.StatusCode);
        host.Fake.PostMessageGate.TrySetResult();
        await host.Get<SlackWorkQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        // Slack's retry of the refused event is answered once there is room.
        Assert.Equal(HttpStatusCode.OK, (await host.PostEventAsync(SlackPayloadsFor.Mention("Ev2", "<@U0BOT> What is CEFTA?", ts: "1700000002.000200"))).StatusCode);
        await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage" && c.Get("thread_ts") == "1700000002.000200");
    }

    [Fact]
    public async Task Slack_BurstWithDefaultSettings_NoneToldBusyAllAnswered()
    {
        await using var host = await SlackTestHost.StartAsync();
        const int commands = 200, events = 100;

        var responses = await Task.WhenAll(Enumerable.Range(0, commands + events).Select(i => i < commands
            ? host.PostCommandAsync("What is CEFTA?", channel: $"C{i % 20}", user: $"U{i}", responseUrl: host.Fake.ResponseUrl($"burst-{i}"))
            : host.PostEventAsync(SlackPayloadsFor.Mention($"EvB{i}", "<@U0BOT> What is CEFTA?", channel: $"C{i % 20}", ts: $"1700000100.{i:D6}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var r in responses.Take(commands)) Assert.DoesNotContain("busy", await r.Content.ReadAsStringAsync());
        await host.Fake.WaitForAsync(c => c.Path.StartsWith("/hooks/burst-", StringComparison.Ordinal), commands, TimeSpan.FromSeconds(30));
        await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage", events, TimeSpan.FromSeconds(30));
    }
}

using System.Net;
using System.Text.Json.Nodes;

namespace BalkanBot.Tests.Integration;

/// <summary>POST /api/slack/events through the whole host, answers landing on a local fake Slack API.</summary>
public sealed class SlackEventsTests
{
    private static bool IsPost(SlackCall c) => c.Path == "/api/chat.postMessage";

    [Fact]
    public async Task Events_UrlVerification_EchoesTheChallenge()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostEventAsync("""{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Events_AppMention_AnsweredInTheMentionsThreadWithBlocksAndFallback()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostEventAsync(SlackPayloadsFor.Mention("Ev1", "<@U0BOT> What is the Tirana Declaration?", ts: "1700000001.000100"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = (await host.Fake.WaitForAsync(IsPost)).Single();
        Assert.Equal("Bearer " + SlackTestHost.BotToken, post.Authorization);
        Assert.Equal("C0CHAN", post.Get("channel"));
        Assert.Equal("1700000001.000100", post.Get("thread_ts"));
        Assert.Contains("Tirana", post.Get("text"));
        var blocks = post.Json!["blocks"]!.AsArray();
        Assert.Equal("header", (string?)blocks[0]!["type"]);
        Assert.Contains(blocks, b => (string?)b!["type"] == "actions");
    }

    [Fact]
    public async Task Events_MentionInsideAThread_RepliesInThatThread()
    {
        await using var host = await SlackTestHost.StartAsync();
        await host.PostEventAsync(SlackPayloadsFor.Mention("Ev1", "<@U0BOT> what is kfor", ts: "1700000009.000900", threadTs: "1700000000.000001"));
        Assert.Equal("1700000000.000001", (await host.Fake.WaitForAsync(IsPost)).Single().Get("thread_ts"));
    }

    [Fact]
    public async Task Events_DirectMessage_AnsweredInTheDm()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostEventAsync(SlackPayloadsFor.DirectMessage("Ev1", "What is CEFTA?"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = (await host.Fake.WaitForAsync(IsPost)).Single();
        Assert.Equal("D0DM", post.Get("channel"));
        Assert.Null(post.Json!["thread_ts"]);
        Assert.Contains("CEFTA", post.Get("text"));
    }

    [Theory]
    [InlineData("message_changed", null)]
    [InlineData("bot_message", "B0BOT")]
    [InlineData(null, "B0BOT")]
    public async Task Events_BotMessagesAndEdits_QuietlyIgnored(string? subtype, string? botId)
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostEventAsync(SlackPayloadsFor.DirectMessage("Ev1", "What is CEFTA?", subtype: subtype, botId: botId));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
    }

    [Fact]
    public async Task Events_SameEventIdRetried_AnsweredOnce()
    {
        await using var host = await SlackTestHost.StartAsync();
        var body = SlackPayloadsFor.Mention("EvDup", "<@U0BOT> What is CEFTA?");
        Assert.Equal(HttpStatusCode.OK, (await host.PostEventAsync(body)).StatusCode);
        await host.Fake.WaitForAsync(IsPost);
        for (var retry = 1; retry <= 3; retry++)
            Assert.Equal(HttpStatusCode.OK, (await host.PostEventAsync(body, new Dictionary<string, string>
            {
                ["X-Slack-Retry-Num"] = retry.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["X-Slack-Retry-Reason"] = "http_timeout",
            })).StatusCode);
        await host.WhenIdleAsync();
        Assert.Single(host.Fake.CallsTo("/api/chat.postMessage"));
    }

    [Fact]
    public async Task Events_RetryArrivingWhileTheFirstIsStillBeingAnswered_AnsweredOnce()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Fake.PostMessageGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = SlackPayloadsFor.Mention("EvSlow", "<@U0BOT> What is CEFTA?");
        await host.PostEventAsync(body);
        await host.Fake.WaitForAsync(IsPost); // the first answer is now in flight, held by the gate
        var retry = await host.PostEventAsync(body, new Dictionary<string, string> { ["X-Slack-Retry-Num"] = "1" });
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        host.Fake.PostMessageGate.SetResult();
        await host.WhenIdleAsync();
        Assert.Single(host.Fake.CallsTo("/api/chat.postMessage"));
    }

    [Fact]
    public async Task Events_SameEventIdConcurrently_AnsweredOnce()
    {
        await using var host = await SlackTestHost.StartAsync();
        var body = SlackPayloadsFor.Mention("EvRace", "<@U0BOT> What is KFOR?");
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => host.PostEventAsync(body)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await host.Fake.WaitForAsync(IsPost);
        await host.WhenIdleAsync();
        Assert.Single(host.Fake.CallsTo("/api/chat.postMessage"));
    }

    [Fact]
    public async Task Events_AcknowledgedBeforeTheAnswerIsPosted()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Fake.PostMessageGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = DateTime.UtcNow;
        var response = await host.PostEventAsync(SlackPayloadsFor.Mention("EvAck", "<@U0BOT> What is CEFTA?"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
        Assert.False(host.Fake.PostMessageGate.Task.IsCompleted);
        host.Fake.PostMessageGate.SetResult();
    }

    [Fact]
    public async Task Events_UnknownTypes_Quiet200AndNothingPosted()
    {
        await using var host = await SlackTestHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.PostEventAsync("""{"type":"app_rate_limited","team_id":"T1","minute_rate_limited":1518467820}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostEventAsync(SlackPayloadsFor.Callback("Ev9", """{"type":"reaction_added","user":"U1","reaction":"thumbsup"}"""))).StatusCode);
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"type":"event_callback","event":{"type":"app_mention"}}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1"}""")]
    [InlineData("""{"type":"event_callback","event_id":42,"event":{}}""")]
    [InlineData("""{"type":"url_verification"}""")]
    [InlineData("""{"event_id":"Ev1"}""")]
    [InlineData("")]
    public async Task Events_MalformedOrMissingFields_400ProblemDetails(string body)
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostEventAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, (int?)JsonNode.Parse(await response.Content.ReadAsStringAsync())?["status"]);
    }

    [Fact]
    public async Task Events_BadSignature_401AndNothingProcessed()
    {
        await using var host = await SlackTestHost.StartAsync();
        var body = SlackPayloadsFor.Mention("EvForged", "<@U0BOT> What is CEFTA?");
        var response = await host.PostSignedAsync("/api/slack/events", body, "application/json", secret: "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
        // Nothing was recorded either: the genuine event with the same id is still answered.
        await host.PostEventAsync(body);
        await host.Fake.WaitForAsync(IsPost);
    }

    [Fact]
    public async Task Events_TimestampOlderThanFiveMinutes_401AsReplay()
    {
        await using var host = await SlackTestHost.StartAsync();
        var old = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds();
        var response = await host.PostSignedAsync("/api/slack/events", SlackPayloadsFor.Mention("EvOld", "<@U0BOT> hi"), "application/json", timestamp: old);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
    }

    [Fact]
    public async Task Events_NoSignatureHeaders_401()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.CreateClient().PostAsync("/api/slack/events",
            new StringContent("""{"type":"url_verification","challenge":"c"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Events_BodyOver256KB_413()
    {
        await using var host = await SlackTestHost.StartAsync();
        var body = SlackPayloadsFor.Mention("EvBig", "<@U0BOT> " + new string('a', 300 * 1024));
        var response = await host.PostEventAsync(body);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
    }
}

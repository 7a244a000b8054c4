using System.Net;
using BalkanBot.Channels.Slack;
using BalkanBot.Knowledge;

namespace BalkanBot.Tests.Integration;

/// <summary>Slack's assistant pane through POST /api/slack/events, signed, against the fake Slack Web API.</summary>
public sealed class SlackAssistantTests
{
    private const string Thread = "1700000100.000100";

    [Fact]
    public async Task ThreadStarted_SetsThreeOrFourPromptsTakenFromTheBase()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostEventAsync(SlackSurfacePayloads.ThreadStarted("EvStart"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var call = (await host.Fake.WaitForAsync(c => c.Path == "/api/" + SlackAssistantThreads.SetSuggestedPrompts)).Single();
        Assert.Equal(SlackSurfacePayloads.AssistantChannel, call.Get("channel_id"));
        Assert.Equal(Thread, call.Get("thread_ts"));
        Assert.False(string.IsNullOrWhiteSpace(call.Get("title")));
        var prompts = call.Json!["prompts"]!.AsArray();
        Assert.InRange(prompts.Count, 3, 4);
        // Each prompt is about a recent record of the base, so the prompts follow the base rather than a fixed list.
        var candidates = SlackSuggestions.CandidatesFrom(host.Get<KnowledgeBase>(), DateOnly.FromDateTime(DateTime.UtcNow))
            .Select(c => c.Question).ToHashSet();
        Assert.All(prompts, p => Assert.Contains((string)p!["message"]!, candidates));
        Assert.Equal("Bearer " + SlackTestHost.BotToken, call.Authorization);
    }

    [Fact]
    public async Task ThreadMessages_StatusThenAnswerInTheThread_TitleOnce_FollowUpRemembersTheThread()
    {
        await using var host = await SlackTestHost.StartAsync();
        await host.PostEventAsync(SlackSurfacePayloads.ThreadMessage("EvQ1", "What is the Tirana Declaration?", "1700000101.000100"));
        var first = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage")).Single();
        Assert.Equal(SlackSurfacePayloads.AssistantChannel, first.Get("channel"));
        Assert.Equal(Thread, first.Get("thread_ts"));

        var status = host.Fake.CallsTo("/api/" + SlackAssistantThreads.SetStatus)[0];
        Assert.Equal(SlackAssistantThreads.Status, status.Get("status"));
        Assert.NotEmpty(status.Json!["loading_messages"]!.AsArray());
        Assert.True(status.At <= first.At);
        var title = Assert.Single(host.Fake.CallsTo("/api/" + SlackAssistantThreads.SetTitle));
        Assert.Equal("What is the Tirana Declaration?", title.Get("title"));

        await host.PostEventAsync(SlackSurfacePayloads.ThreadMessage("EvQ2", "when was it signed?", "1700000102.000100"));
        var second = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage", count: 2))[1];
        Assert.Equal(Thread, second.Get("thread_ts"));
        Assert.Contains("18 March 2025", second.Get("text"));
        Assert.Equal(2, host.Fake.CallsTo("/api/" + SlackAssistantThreads.SetStatus).Count);
        Assert.Single(host.Fake.CallsTo("/api/" + SlackAssistantThreads.SetTitle));
    }

    [Fact]
    public async Task ThreadMessage_PostFails_ClearsTheStatus()
    {
        await using var host = await SlackTestHost.StartAsync(fake: f =>
            f.Script("/api/chat.postMessage", new FakeReply(200, """{"ok":false,"error":"channel_not_found"}""")));
        await host.PostEventAsync(SlackSurfacePayloads.ThreadMessage("EvQ1", "What is CEFTA?", "1700000101.000100"));
        var statuses = await host.Fake.WaitForAsync(c => c.Path == "/api/" + SlackAssistantThreads.SetStatus, count: 2);
        Assert.Equal("", statuses[1].Get("status"));
    }

    [Fact]
    public async Task ContextChanged_AcknowledgedAndNothingSent()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostEventAsync(SlackSurfacePayloads.ContextChanged("EvCtx"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
    }

    [Theory]
    [InlineData("""{"type":"assistant_thread_started","assistant_thread":null}""")]
    [InlineData("""{"type":"assistant_thread_started","assistant_thread":{"user_id":"U0USER","channel_id":"../../x","thread_ts":"1"}}""")]
    [InlineData("""{"type":"assistant_thread_started","assistant_thread":{"user_id":5,"channel_id":[],"thread_ts":{}}}""")]
    [InlineData("""{"type":"assistant_thread_started","assistant_thread":"text"}""")]
    [InlineData("""{"type":"app_home_opened","user":"u; drop","tab":"home"}""")]
    [InlineData("""{"type":"app_home_opened","user":"U0USER","tab":"messages"}""")]
    public async Task SurfaceEvents_Malformed_AcknowledgedAndIgnored(string eventJson)
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostEventAsync(SlackPayloadsFor.Callback("EvBad", eventJson));
        Assert.True((int)response.StatusCode < 500, $"HTTP {(int)response.StatusCode}");
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
    }
}

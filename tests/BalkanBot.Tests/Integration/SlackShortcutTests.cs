using System.Net;
using System.Text.Json.Nodes;
using BalkanBot.Cards;
using BalkanBot.Channels.Slack;

namespace BalkanBot.Tests.Integration;

/// <summary>The "Ask BalkanBot about this" message shortcut and its Share button.</summary>
public sealed class SlackShortcutTests
{
    private static Dictionary<string, string> Buttons(SlackCall post) =>
        post.Json!["blocks"]!.AsArray().Where(b => (string?)b!["type"] == "actions")
            .SelectMany(b => b!["elements"]!.AsArray()).ToDictionary(e => (string)e!["action_id"]!, e => (string)e!["value"]!);

    [Fact]
    public async Task Shortcut_AcknowledgedAtOnce_AnsweredPrivatelyInTheThreadWithShare()
    {
        await using var host = await SlackTestHost.StartAsync();
        var started = DateTimeOffset.UtcNow;
        var response = await host.PostInteractionAsync(SlackSurfacePayloads.Shortcut("<@U0BOT> what is KFOR", threadTs: "1700000299.000100"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(3));
        Assert.Equal("", await response.Content.ReadAsStringAsync());

        var post = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postEphemeral")).Single();
        Assert.Equal("C0CHAN", post.Get("channel"));
        Assert.Equal("U0USER", post.Get("user"));
        Assert.Equal("1700000299.000100", post.Get("thread_ts"));
        Assert.Contains("1244", post.Get("text"));
        Assert.Contains(BlockKitActions.Share, Buttons(post).Keys);
    }

    [Fact]
    public async Task Shortcut_BotCannotPostThere_AnswersInTheUsersDm()
    {
        await using var host = await SlackTestHost.StartAsync(fake: f =>
        {
            f.Script("/api/chat.postEphemeral", new FakeReply(200, """{"ok":false,"error":"not_in_channel"}"""));
            f.Script("/api/conversations.open", new FakeReply(200, """{"ok":true,"channel":{"id":"D0DM"}}"""));
        });
        await host.PostInteractionAsync(SlackSurfacePayloads.Shortcut("What is CEFTA?"));
        var post = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage")).Single();
        Assert.Equal("D0DM", post.Get("channel"));
        Assert.DoesNotContain(BlockKitActions.Share, Buttons(post).Keys);
    }

    [Fact]
    public async Task Share_PostsTheAnswerInTheChannel()
    {
        await using var host = await SlackTestHost.StartAsync();
        await host.PostInteractionAsync(SlackSurfacePayloads.Shortcut("What is CEFTA?"));
        var shown = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postEphemeral")).Single();
        var click = SlackPayloadsFor.BlockAction(BlockKitActions.Share, Buttons(shown)[BlockKitActions.Share], responseUrl: host.Fake.ResponseUrl("share"),
            ephemeral: true);
        Assert.Equal(HttpStatusCode.OK, (await host.PostInteractionAsync(click)).StatusCode);
        var shared = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage")).Single();
        Assert.Equal("C0CHAN", shared.Get("channel"));
        Assert.Equal(shown.Get("text"), shared.Get("text"));
        Assert.DoesNotContain(BlockKitActions.Share, Buttons(shared).Keys);
    }

    [Fact]
    public async Task Shortcut_MessageWithoutText_SaysSo()
    {
        await using var host = await SlackTestHost.StartAsync();
        await host.PostInteractionAsync(SlackSurfacePayloads.Shortcut("  ", responseUrl: null));
        var post = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postEphemeral")).Single();
        Assert.Equal(SlackResponder.NoTextToAsk, post.Get("text"));
    }

    [Fact]
    public async Task Shortcut_OtherCallbackId_IgnoredWith200()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostInteractionAsync(SlackSurfacePayloads.Shortcut("What is CEFTA?", callbackId: "someone_elses"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
    }

    [Theory]
    [InlineData("""{"type":"message_action","callback_id":"balkan_ask_about_message","user":{"id":"U0USER"},"channel":{"id":"C0CHAN"}}""")]
    [InlineData("""{"type":"message_action","callback_id":"balkan_ask_about_message","user":{"id":"U0USER"},"channel":null,"message":{"ts":"1.2","text":"x"}}""")]
    [InlineData("""{"type":"message_action","callback_id":"balkan_ask_about_message","user":{"id":"x y"},"channel":{"id":"C0CHAN"},"message":{"ts":"1.2","text":"x"}}""")]
    [InlineData("""{"type":"message_action","callback_id":"balkan_ask_about_message","user":{"id":"U0USER"},"channel":{"id":"C0CHAN"},"message":{"ts":"1.2","text":"x"},"response_url":"https://evil.example/hook"}""")]
    [InlineData("""{"type":"message_action","callback_id":["balkan_ask_about_message"],"user":[],"channel":5,"message":"x"}""")]
    public async Task Shortcut_Malformed_4xxOrIgnored_NothingSent(string payload)
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostInteractionAsync(payload);
        Assert.InRange((int)response.StatusCode, 200, 499);
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
        _ = JsonNode.Parse(payload);
    }
}

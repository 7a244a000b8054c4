using System.Net;
using BalkanBot.Cards;
using BalkanBot.Channels.Slack;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// Signed Slack events and interactions with nulls and wrong types in every field and array: a 4xx or quietly
/// ignored, never a 5xx; junk beside a question does not stop it being answered.
/// </summary>
public sealed class SlackFuzzTests
{
    [Fact]
    public async Task Events_JunkInEachField_NeverServerError()
    {
        await using var host = await SlackTestHost.StartAsync();
        var n = 0;
        foreach (var (path, json) in JsonFuzz.Mutations(SlackPayloadsFor.Mention("EvFuzz", "<@U0BOT> What is CEFTA?")))
        {
            // A fresh event id and thread each time, so the deduper and the per-conversation limit stay out of it.
            var body = json.Replace("EvFuzz", $"EvFuzz{n}", StringComparison.Ordinal).Replace("1700000001.000100", $"1700000001.{n++:D6}", StringComparison.Ordinal);
            var response = await host.PostEventAsync(body);
            Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
        }
        await host.Get<SlackWorkQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Events_JunkBesideTheQuestion_StillAnswered()
    {
        await using var host = await SlackTestHost.StartAsync();
        var body = SlackPayloadsFor.Callback("EvJunk",
            """{"type":"app_mention","user":"U0USER","text":"<@U0BOT> What is CEFTA?","ts":"1700000009.000900","channel":"C0CHAN","blocks":[null,7],"edited":"x","event_ts":5}""")
            .Replace("\"authorizations\":[{\"user_id\":\"U0BOT\",\"is_bot\":true}]", "\"authorizations\":[null,\"x\"],\"event_context\":[]", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await host.PostEventAsync(body)).StatusCode);

        var post = (await host.Fake.WaitForAsync(c => c.Path == "/api/chat.postMessage")).Single();
        Assert.Equal("1700000009.000900", post.Get("thread_ts"));
        Assert.Contains("CEFTA", post.Body);
    }

    [Fact]
    public async Task Interactions_JunkInEachField_NeverServerError()
    {
        await using var host = await SlackTestHost.StartAsync();
        var click = SlackPayloadsFor.BlockAction(BlockKitActions.FollowUpPrefix + "0", "What is CEFTA?", responseUrl: host.Fake.ResponseUrl("fuzz"));
        var n = 0;
        foreach (var (path, json) in JsonFuzz.Mutations(click))
        {
            var response = await host.PostInteractionAsync(json.Replace("C0CHAN", $"C0CHAN{n++}", StringComparison.Ordinal));
            Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
        }
        await host.Get<SlackWorkQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Interactions_ActionsNull_IgnoredWith200()
    {
        await using var host = await SlackTestHost.StartAsync();
        var payload = """{"type":"block_actions","user":{"id":"U0USER"},"channel":{"id":"C0CHAN"},"actions":[null]}""";

        var response = await host.PostInteractionAsync(payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.Get<SlackWorkQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(host.Fake.Calls);
    }

    [Fact]
    public async Task Interactions_NullBesideOurButton_ButtonStillWorks()
    {
        await using var host = await SlackTestHost.StartAsync();
        var click = SlackPayloadsFor.BlockAction(BlockKitActions.FollowUpPrefix + "0", "What is CEFTA?", responseUrl: host.Fake.ResponseUrl("eph"), ephemeral: true)
            .Replace("\"actions\":[", "\"actions\":[null,5,", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await host.PostInteractionAsync(click)).StatusCode);

        var post = (await host.Fake.WaitForAsync(c => c.Path == "/hooks/eph")).Single();
        Assert.Contains("CEFTA", post.Body);
    }

    [Theory]
    [InlineData("payload=null")]
    [InlineData("payload=5")]
    [InlineData("payload=%5Bnull%5D")]
    [InlineData("payload=%7B%22type%22%3A%5B%5D%7D")]
    public async Task Interactions_PayloadNotAnObject_Returns4xx(string form)
    {
        await using var host = await SlackTestHost.StartAsync();

        var response = await host.PostSignedAsync("/api/slack/interactions", form, "application/x-www-form-urlencoded");

        Assert.InRange((int)response.StatusCode, 200, 499);
    }
}

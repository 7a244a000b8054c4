using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using BalkanBot.Channels.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BalkanBot.Tests.Integration;

/// <summary>POST /api/slack/commands: /balkan QUESTION, share, help and the digest extension point.</summary>
public sealed class SlackCommandTests
{
    private static async Task<JsonNode> JsonOf(HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task Command_Question_AcknowledgedWithin3sThenAnswerPostedEphemerallyToResponseUrl()
    {
        await using var host = await SlackTestHost.StartAsync();
        var watch = Stopwatch.StartNew();
        var response = await host.PostCommandAsync("What is the Tirana Declaration?", channel: "C0Q");
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"acknowledged after {watch.ElapsedMilliseconds} ms");
        var ack = await JsonOf(response);
        Assert.Equal("ephemeral", (string?)ack["response_type"]);
        Assert.Equal(SlackInbound.LookingUp, (string?)ack["text"]);

        var post = (await host.Fake.WaitForAsync(c => c.Path == "/hooks/cmd-C0Q")).Single();
        Assert.Null(post.Authorization);
        Assert.Equal("ephemeral", post.Get("response_type"));
        Assert.False((bool?)post.Json!["replace_original"]);
        Assert.Contains("Tirana", post.Get("text"));
        Assert.Equal("header", (string?)post.Json["blocks"]![0]!["type"]);
    }

    [Fact]
    public async Task Command_Share_AnswerPostedInChannel()
    {
        await using var host = await SlackTestHost.StartAsync();
        var ack = await JsonOf(await host.PostCommandAsync("share What is CEFTA?", channel: "C0S"));
        Assert.Equal("ephemeral", (string?)ack["response_type"]);
        var post = (await host.Fake.WaitForAsync(c => c.Path == "/hooks/cmd-C0S")).Single();
        Assert.Equal("in_channel", post.Get("response_type"));
        Assert.Contains("CEFTA", post.Get("text"));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("")]
    public async Task Command_Help_AnsweredDirectlyWithoutResponseUrl(string text)
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostCommandAsync(text);
        var body = await JsonOf(response);
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Equal("header", (string?)body["blocks"]![0]!["type"]);
        Assert.Contains("/balkan share QUESTION", body.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }));
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
    }

    [Fact]
    public async Task Command_ShareWithoutQuestion_ExplainsUsage()
    {
        await using var host = await SlackTestHost.StartAsync();
        var body = await JsonOf(await host.PostCommandAsync("share"));
        Assert.Contains("Add a question after share", (string?)body["text"]);
    }

    [Fact]
    public async Task Command_Subscribe_WithoutDigestExtension_SaysDigestsAreNotEnabled()
    {
        await using var host = await SlackTestHost.StartAsync(services: s => s.RemoveAll<ISlackCommandExtension>());
        var body = await JsonOf(await host.PostCommandAsync("subscribe weekly Kosovo"));
        Assert.Equal("ephemeral", (string?)body["response_type"]);
        Assert.Contains("Digests are not enabled", (string?)body["text"]);
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
    }

    [Theory]
    [InlineData("subscribe weekly Kosovo", "subscribe", "weekly Kosovo")]
    [InlineData("unsubscribe", "unsubscribe", "")]
    [InlineData("subscriptions", "subscriptions", "")]
    [InlineData("digest preview", "digest", "preview")]
    public async Task Command_DigestWords_RoutedToTheRegisteredExtension(string text, string word, string args)
    {
        var extension = new RecordingExtension();
        await using var host = await SlackTestHost.StartAsync(services: s =>
        {
            s.RemoveAll<ISlackCommandExtension>();
            s.AddSingleton<ISlackCommandExtension>(extension);
        });
        var ack = await JsonOf(await host.PostCommandAsync(text, channel: "C0X"));
        Assert.Equal("ephemeral", (string?)ack["response_type"]);
        var post = (await host.Fake.WaitForAsync(c => c.Path == "/hooks/cmd-C0X")).Single();
        Assert.Equal($"handled {word} [{args}] in C0X", post.Get("text"));
        Assert.Equal("ephemeral", post.Get("response_type"));
    }

    [Theory]
    [InlineData("command=%2Fbalkan&text=hi&channel_id=C1&response_url=https%3A%2F%2Fhooks.slack.com%2Fx")]
    [InlineData("command=%2Fbalkan&text=hi&user_id=U1&response_url=https%3A%2F%2Fhooks.slack.com%2Fx")]
    [InlineData("command=%2Fbalkan&text=hi&user_id=U1&channel_id=C1")]
    [InlineData("command=%2Fbalkan&text=hi&user_id=U1&channel_id=C1&response_url=https%3A%2F%2Fevil.example.com%2Fx")]
    public async Task Command_MissingOrForeignFields_400(string form)
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostSignedAsync("/api/slack/commands", form, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
    }

    [Fact]
    public async Task Command_JsonInsteadOfForm_400()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostSignedAsync("/api/slack/commands", """{"text":"hi"}""", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Command_BadSignature_401AndNothingAnswered()
    {
        await using var host = await SlackTestHost.StartAsync();
        var form = SlackPayloadsFor.Command("What is CEFTA?", "C0F", "U0USER", host.Fake.ResponseUrl("forged"));
        var response = await host.PostSignedAsync("/api/slack/commands", form, "application/x-www-form-urlencoded", secret: "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await host.WhenIdleAsync();
        Assert.Empty(host.Fake.Calls);
    }

    private sealed class RecordingExtension : ISlackCommandExtension
    {
        public Task<SlackReply> HandleAsync(SlackCommand command, string subcommand, string arguments, CancellationToken cancellationToken) =>
            Task.FromResult(new SlackReply($"handled {subcommand} [{arguments}] in {command.ChannelId}"));
    }
}

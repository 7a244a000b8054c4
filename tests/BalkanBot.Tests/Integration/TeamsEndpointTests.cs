using System.Net;
using System.Text.Json;

namespace BalkanBot.Tests.Integration;

/// <summary>/api/messages without an app id (as the Emulator, the playground and the chat page use it).</summary>
public sealed class TeamsEndpointTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private TeamsBotFactory _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new TeamsBotFactory();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400ProblemDetails()
    {
        var response = await _bot.PostActivityAsync("{\"type\":\"message\",");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    [InlineData("{\"type\":\"message\",\"conversation\":5}")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"c\"}}")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"file:///etc/passwd\"}")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"https://attacker.example/\"}")]
    public async Task Post_InvalidActivity_Returns400(string body)
    {
        var response = await _bot.PostActivityAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_BodyOver256KB_Returns413()
    {
        var text = new string('a', 300 * 1024);
        var response = await _bot.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, text));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_UnknownType_Returns200AndSendsNothing()
    {
        var response = await _bot.PostActivityAsync($$"""{"type":"messageReaction","serviceUrl":"{{_connector.ServiceUrl}}","conversation":{"id":"c"},"reactionsAdded":[{"type":"like"}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
        await _bot.Turns.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(_connector.Attempts);
    }

    [Fact]
    public async Task Post_Message_RepliesInThreadAfter429ThenSuccess()
    {
        _connector.Plan(429, retryAfter: "1");
        var response = await _bot.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "When was UNSCR 1244 adopted?", "a:conv;messageid=9"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _connector.WaitForAsync(1));
        Assert.Equal(2, _connector.Attempts.Count);
        Assert.True(_connector.Attempts[1] - _connector.Attempts[0] >= TimeSpan.FromMilliseconds(950), "Retry-After: 1 was not honoured");
        Assert.Equal("a:conv;messageid=9", reply.ConversationId);
        Assert.Equal("act-1", reply.ReplyToId);
        Assert.Null(reply.Authorization);
        Assert.Equal("bot-1", reply.Body.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("user-1", reply.Body.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Contains("10 June 1999", reply.Card!.Value.GetRawText());
    }

    [Fact]
    public async Task Post_ChannelMention_StrippedBeforeRouting()
    {
        var extra = "\"entities\":[{\"type\":\"mention\",\"mentioned\":{\"id\":\"bot-1\",\"name\":\"BalkanBot\"},\"text\":\"<at>BalkanBot</at>\"}]";
        var json = TestActivities.Message(_connector.ServiceUrl, "<at>BalkanBot</at>&nbsp;When was UNSCR 1244 adopted?", deliveryMode: "expectReplies", extra: extra);

        var replies = await ExpectRepliesAsync(json);

        var card = Assert.Single(replies).GetProperty("attachments")[0].GetProperty("content").GetRawText();
        Assert.Contains("10 June 1999", card);
        Assert.DoesNotContain("<at>", card);
    }

    [Fact]
    public async Task Post_ExpectReplies_ReturnsRepliesInBodyAndCallsNoConnector()
    {
        var replies = await ExpectRepliesAsync(TestActivities.Message(_connector.ServiceUrl, "What is the Tirana Declaration?", deliveryMode: "expectReplies"));

        var reply = Assert.Single(replies);
        Assert.Equal("message", reply.GetProperty("type").GetString());
        Assert.Equal("application/vnd.microsoft.card.adaptive", reply.GetProperty("attachments")[0].GetProperty("contentType").GetString());
        Assert.Empty(_connector.Attempts);
    }

    [Fact]
    public async Task Post_BotAddedByInstallAndConversationUpdate_WelcomesOnce()
    {
        var install = $$"""{"type":"installationUpdate","action":"add","channelId":"msteams","serviceUrl":"{{_connector.ServiceUrl}}","conversation":{"id":"w1"},"from":{"id":"user-1"},"recipient":{"id":"bot-1"} }""";
        var update = $$"""{"type":"conversationUpdate","channelId":"msteams","serviceUrl":"{{_connector.ServiceUrl}}","conversation":{"id":"w1"},"from":{"id":"user-1"},"recipient":{"id":"bot-1"},"membersAdded":[{"id":"user-1"},{"id":"bot-1"}]}""";

        Assert.Equal(HttpStatusCode.OK, (await _bot.PostActivityAsync(install)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _bot.PostActivityAsync(update)).StatusCode);
        await _bot.Turns.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var welcome = Assert.Single(_connector.Received);
        Assert.Null(welcome.ReplyToId);
        Assert.Contains("Try one of these", welcome.Card!.Value.GetRawText());
    }

    [Theory]
    [InlineData("personal", false)] // Teams shows the manifest's prompt starters there instead
    [InlineData("groupChat", true)]
    [InlineData("channel", true)]
    public async Task Post_BotInstalledInScope_WelcomeUnlessPromptStarters(string conversationType, bool welcomed)
    {
        var install = $$"""{"type":"installationUpdate","action":"add","channelId":"msteams","serviceUrl":"{{_connector.ServiceUrl}}","conversation":{"id":"w3","conversationType":"{{conversationType}}"},"from":{"id":"user-1"},"recipient":{"id":"bot-1"} }""";

        Assert.Equal(HttpStatusCode.OK, (await _bot.PostActivityAsync(install)).StatusCode);
        await _bot.Turns.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(welcomed ? 1 : 0, _connector.Received.Count);
    }

    [Fact]
    public async Task Post_UserAddedToTeam_NoWelcome()
    {
        var update = $$"""{"type":"conversationUpdate","channelId":"msteams","serviceUrl":"{{_connector.ServiceUrl}}","conversation":{"id":"w2"},"recipient":{"id":"bot-1"},"membersAdded":[{"id":"user-9"}]}""";

        Assert.Equal(HttpStatusCode.OK, (await _bot.PostActivityAsync(update)).StatusCode);
        await _bot.Turns.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(_connector.Attempts);
    }

    [Fact]
    public async Task Get_Healthz_StillServed()
    {
        var response = await _bot.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_Root_ServesChatPageAndVendoredRenderer()
    {
        var client = _bot.CreateClient();
        var page = await client.GetStringAsync("/");
        var renderer = await client.GetAsync("/vendor/adaptivecards.min.js");

        Assert.Contains("/vendor/adaptivecards.min.js", page);
        Assert.Equal(HttpStatusCode.OK, renderer.StatusCode);
        Assert.StartsWith("/*! For license information", await renderer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/vendor/..%2Fappsettings.json")).StatusCode);
    }

    [Fact]
    public async Task LocalConnector_PostedReply_ReturnedByPoll()
    {
        var client = _bot.CreateClient();
        var posted = await client.PostAsync("/_local/v3/conversations/local-1/activities/act-1",
            new StringContent("""{"type":"message","text":"hello","attachments":[]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);

        using var poll = JsonDocument.Parse(await client.GetStringAsync("/_local/conversations/local-1/activities?watermark=0&wait=0"));

        var activity = Assert.Single(poll.RootElement.GetProperty("activities").EnumerateArray());
        Assert.Equal("hello", activity.GetProperty("text").GetString());
        using var again = JsonDocument.Parse(await client.GetStringAsync($"/_local/conversations/local-1/activities?watermark={poll.RootElement.GetProperty("watermark").GetInt64()}&wait=0"));
        Assert.Empty(again.RootElement.GetProperty("activities").EnumerateArray());
    }

    [Fact]
    public async Task LocalConnector_MalformedReply_Returns400()
    {
        var response = await _bot.CreateClient().PostAsync("/_local/v3/conversations/local-1/activities",
            new StringContent("{oops", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<List<JsonElement>> ExpectRepliesAsync(string json)
    {
        var response = await _bot.PostActivityAsync(json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("activities").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}

using System.Net;
using System.Text.Json;
using BalkanBot.Answers;
using BalkanBot.Storage;
using BalkanBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BalkanBot.Tests.Integration;

/// <summary>Teams' own message features: citations and AI label, the feedback control, streaming progress, the search extension.</summary>
public sealed class TeamsNativeTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private FakeConnector _connector = null!;
    private TeamsBotFactory? _bot;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync()
    {
        if (_bot is not null) await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private TeamsBotFactory Bot(GatedPhraser? phraser = null) => _bot ??= new TeamsBotFactory(
        new Dictionary<string, string?> { ["Teams:ProgressAfterMs"] = "1" },
        phraser is null ? null : s => s.AddSingleton<IAnswerPhraser>(phraser));

    private static string In(string json, string conversationType) => json.Replace("\"conversationType\":\"personal\"", $"\"conversationType\":\"{conversationType}\"");

    [Fact]
    public async Task Post_PersonalQuestion_CitationsEntityFeedbackLoopAndNoCardRating()
    {
        await Bot().PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "What is the Tirana Declaration?"));

        var body = Assert.Single(await _connector.WaitForAsync(1)).Body;
        var entity = Assert.Single(body.GetProperty("entities").EnumerateArray(), e => e.GetProperty("type").GetString() == "https://schema.org/Message");
        Assert.False(entity.TryGetProperty("additionalType", out _)); // extractive, not phrased
        var citations = entity.GetProperty("citation").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        var text = body.GetProperty("text").GetString()!;
        Assert.All(citations, c => Assert.Contains($"[{c.GetProperty("position").GetInt32()}]", text));
        Assert.True(body.GetProperty("channelData").GetProperty("feedbackLoopEnabled").GetBoolean());
        var card = body.GetProperty("attachments")[0].GetProperty("content").GetRawText();
        Assert.DoesNotContain("\"action\":\"feedback\"", card);
        Assert.Contains("Sources", card); // the card keeps its own source list
    }

    [Fact]
    public async Task Post_ChannelQuestion_CardRatingButtonsNoFeedbackLoop()
    {
        await Bot().PostActivityAsync(In(TestActivities.Message(_connector.ServiceUrl, "What is the Tirana Declaration?"), "channel"));

        var body = Assert.Single(await _connector.WaitForAsync(1)).Body;
        Assert.False(body.TryGetProperty("channelData", out _));
        Assert.False(body.TryGetProperty("entities", out _));
        Assert.Contains("\"action\":\"feedback\"", body.GetProperty("attachments")[0].GetProperty("content").GetRawText());
    }

    [Fact]
    public async Task Invoke_SubmitActionFeedback_StoredWithAnswerQuestionIntentAndRecords()
    {
        await Bot().PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "What is the Tirana Declaration?"));
        await _connector.WaitForAsync(1);
        // The turn ends once the connector's id for the message is known (and linked to the answer).
        await _bot!.Turns.WhenIdleAsync().WaitAsync(Wait);
        // The fake connector numbers what it receives; an informative update may have come first.
        var messageId = $"sent-{_connector.Received.ToList().FindIndex(r => r.Type == "message") + 1}";

        var response = await _bot!.PostActivityAsync(SubmitAction(messageId,
            """{"actionName":"feedback","actionValue":{"reaction":"dislike","feedback":"{\"feedbackText\":\"Missing the signing place\"}"}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var stored = Assert.Single(await Store.RecentFeedbackAsync(10));
        Assert.Equal(("down", "Missing the signing place", "What is the Tirana Declaration?"), (stored.Rating, stored.Comment, stored.Question));
        Assert.False(string.IsNullOrEmpty(stored.Intent));
        Assert.NotEmpty(stored.RecordIds);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("\"feedback\"")]
    [InlineData("""{"actionName":"other","actionValue":{"reaction":"like"}}""")]
    [InlineData("""{"actionName":"feedback","actionValue":"like"}""")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"love"}}""")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":["like"]}}""")]
    [InlineData("""{"actionName":["feedback"],"actionValue":{}}""")]
    public async Task Invoke_SubmitActionMalformed_400AndNothingStored(string value)
    {
        var response = await Bot().PostActivityAsync(SubmitAction("sent-9", value));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await Store.RecentFeedbackAsync(10));
    }

    [Theory]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{\"feedbackText\":{\"deep\":[[[[[[[[[[1]]]]]]]]]]}}"}}""")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{not json"}}""")]
    [InlineData("""{"actionName":"feedback","actionValue":{"reaction":"like"}}""")]
    public async Task Invoke_SubmitActionOddFeedbackText_200AndStored(string value)
    {
        var response = await Bot().PostActivityAsync(SubmitAction("unknown-message", value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up", Assert.Single(await Store.RecentFeedbackAsync(10)).Rating);
    }

    [Fact]
    public async Task Post_SlowPersonalAnswer_InformativeUpdateThenFinalWithStreamId()
    {
        var phraser = new GatedPhraser();
        await Bot(phraser).PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "What is the Tirana Declaration?"));
        await phraser.Entered.Task.WaitAsync(Wait);
        var update = (await _connector.WaitForAsync(1, includeTyping: true))[0].Body;
        phraser.Release.SetResult();
        var final = Assert.Single(await _connector.WaitForAsync(1)).Body;

        Assert.Equal("typing", update.GetProperty("type").GetString());
        var info = update.GetProperty("entities")[0];
        Assert.Equal(("streaminfo", "informative", 1), (info.GetProperty("type").GetString(), info.GetProperty("streamType").GetString(), info.GetProperty("streamSequence").GetInt32()));
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(update.GetProperty("text").GetString()!), 1, 1023);
        var end = Assert.Single(final.GetProperty("entities").EnumerateArray(), e => e.GetProperty("type").GetString() == "streaminfo");
        Assert.Equal(("final", "sent-1"), (end.GetProperty("streamType").GetString(), end.GetProperty("streamId").GetString()));
        var message = Assert.Single(final.GetProperty("entities").EnumerateArray(), e => e.GetProperty("type").GetString() == "https://schema.org/Message");
        Assert.Equal("AIGeneratedContent", message.GetProperty("additionalType")[0].GetString());
    }

    [Theory]
    [InlineData(405)]
    [InlineData(403)]
    public async Task Post_StreamingRefused_PlainTypingAndOneMessage(int status)
    {
        var phraser = new GatedPhraser();
        _connector.Plan(status);
        await Bot(phraser).PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "What is the Tirana Declaration?"));
        await phraser.Entered.Task.WaitAsync(Wait);
        await _connector.WaitForAsync(1, includeTyping: true);
        phraser.Release.SetResult();
        await _connector.WaitForAsync(1);

        var received = _connector.Received;
        Assert.Equal("typing", received[0].Type);
        Assert.False(received[0].Body.TryGetProperty("entities", out _));
        var final = Assert.Single(received, r => r.Type == "message").Body;
        Assert.DoesNotContain(final.GetProperty("entities").EnumerateArray(), e => e.GetProperty("type").GetString() == "streaminfo");
    }

    [Fact]
    public async Task Post_SlowGroupChatAnswer_PlainTypingNoStream()
    {
        var phraser = new GatedPhraser();
        await Bot(phraser).PostActivityAsync(In(TestActivities.Message(_connector.ServiceUrl, "What is the Tirana Declaration?"), "groupChat"));
        await phraser.Entered.Task.WaitAsync(Wait);
        var typing = (await _connector.WaitForAsync(1, includeTyping: true))[0];
        phraser.Release.SetResult();
        var final = Assert.Single(await _connector.WaitForAsync(1)).Body;

        Assert.Equal("typing", typing.Type);
        Assert.False(typing.Body.TryGetProperty("entities", out _));
        Assert.DoesNotContain(final.GetProperty("entities").EnumerateArray(), e => e.GetProperty("type").GetString() == "streaminfo");
        Assert.True(final.GetProperty("channelData").GetProperty("feedbackLoopEnabled").GetBoolean());
    }

    [Fact]
    public async Task Invoke_ComposeQuery_UpToFiveInsertableCardsWithPreviews()
    {
        var started = DateTime.UtcNow;
        var response = await Bot().PostActivityAsync(ComposeQuery("""{"commandId":"askBalkanBot","parameters":[{"name":"question","value":"What is the Tirana Declaration?"}],"queryOptions":{"skip":0,"count":25}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("composeExtension");
        Assert.Equal(("result", "list"), (result.GetProperty("type").GetString(), result.GetProperty("attachmentLayout").GetString()));
        var items = result.GetProperty("attachments").EnumerateArray().ToList();
        Assert.InRange(items.Count, 1, 5);
        Assert.All(items, i =>
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", i.GetProperty("contentType").GetString());
            Assert.Equal("AdaptiveCard", i.GetProperty("content").GetProperty("type").GetString());
            Assert.Equal("application/vnd.microsoft.card.thumbnail", i.GetProperty("preview").GetProperty("contentType").GetString());
            Assert.False(string.IsNullOrEmpty(i.GetProperty("preview").GetProperty("content").GetProperty("title").GetString()));
        });
        Assert.Contains("Tirana", items[0].GetProperty("preview").GetProperty("content").GetProperty("title").GetString());
        Assert.Contains("Sources", items[0].GetProperty("content").GetRawText());
    }

    [Theory]
    [InlineData("""{"commandId":"askBalkanBot","parameters":[{"name":"question","value":"  "}]}""")]
    [InlineData("""{"commandId":"askBalkanBot","parameters":[{"name":"initialRun","value":"true"}]}""")]
    [InlineData("""{"commandId":"askBalkanBot"}""")]
    [InlineData("""{"parameters":[null,1,{"value":7}]}""")]
    public async Task Invoke_ComposeQueryEmpty_HelpResult(string value)
    {
        var response = await Bot().PostActivityAsync(ComposeQuery(value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("composeExtension").GetProperty("attachments");
        Assert.Equal("Ask BalkanBot", Assert.Single(items.EnumerateArray()).GetProperty("preview").GetProperty("content").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1,2]")]
    [InlineData("\"What is CEFTA?\"")]
    public async Task Invoke_ComposeQueryNotAnObject_400(string value) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await Bot().PostActivityAsync(ComposeQuery(value))).StatusCode);

    private IAppStore Store => _bot!.Services.GetRequiredService<IAppStore>();

    private string SubmitAction(string replyToId, string value) => Invoke("message/submitAction", value, replyToId);

    private string ComposeQuery(string value) => Invoke("composeExtension/query", value, null);

    private string Invoke(string name, string value, string? replyToId) =>
        $$"""
        {"type":"invoke","name":"{{name}}","id":"inv-2","channelId":"msteams","serviceUrl":"{{_connector.ServiceUrl}}"{{(replyToId is null ? "" : $",\"replyToId\":\"{replyToId}\"")}},
         "from":{"id":"user-1","aadObjectId":"aad-user-1"},"conversation":{"id":"conv-1","conversationType":"personal"},"recipient":{"id":"bot-1","name":"BalkanBot"},
         "value":{{value}}}
        """;
}

using System.Net;
using System.Text.Json.Nodes;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// /api/messages with nulls and wrong types in every field and array: a 4xx or quietly ignored, never a 5xx, and a
/// message whose text and addressing are intact is still answered whatever junk sits beside them.
/// </summary>
public sealed class TeamsFuzzTests : IAsyncLifetime
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

    private string Message(string conversation) => TestActivities.Message(_connector.ServiceUrl, "What is CEFTA?", conversationId: conversation,
        extra: """
        "entities":[{"type":"mention","mentioned":{"id":"bot-1","name":"BalkanBot"},"text":"<at>BalkanBot</at>"},{"type":"clientInfo","locale":"en-US"}],
        "attachments":[{"contentType":"text/html","content":"<p>What is CEFTA?</p>"}],"channelData":{"tenant":{"id":"tenant-1"}},"replyToId":"r-0"
        """);

    /// <summary>Without these the bot cannot reply at all; everything else is optional.</summary>
    private static bool Essential(string path) => path is "type" or "serviceUrl" or "conversation" or "conversation.id";

    [Fact]
    public async Task Post_MessageWithJunkInEachField_NeverServerErrorAndAnsweredUnlessAddressingBroken()
    {
        var expected = new List<string>();
        var n = 0;
        foreach (var (path, json) in JsonFuzz.Mutations(Message("fuzz")))
        {
            var conversation = $"fuzz-{n++}";
            var body = json.Replace("\"fuzz\"", $"\"{conversation}\"", StringComparison.Ordinal);
            var response = await _bot.PostActivityAsync(body);

            Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
            if (!Essential(path))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} for a message with junk beside its text");
                expected.Add(conversation);
            }
        }
        await _bot.Turns.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var answered = _connector.Received.Where(r => r.Type == "message").Select(r => r.ConversationId).ToHashSet();
        var unanswered = expected.Where(c => !answered.Contains(c)).ToList();
        Assert.True(unanswered.Count == 0, $"{unanswered.Count} of {expected.Count} unanswered, e.g. {string.Join(", ", unanswered.Take(5))}");
    }

    [Fact]
    public async Task Post_EntitiesWithNull_StillAnswered()
    {
        var body = TestActivities.Message(_connector.ServiceUrl, "<at>BalkanBot</at> What is CEFTA?", conversationId: "nulls",
            extra: """
            "entities":[null,{"type":"mention","mentioned":{"id":"bot-1"},"text":"<at>BalkanBot</at>"},null]
            """);

        Assert.Equal(HttpStatusCode.OK, (await _bot.PostActivityAsync(body)).StatusCode);

        var reply = (await _connector.WaitForAsync(1)).Single();
        Assert.Contains("CEFTA", reply.Card!.Value.GetRawText());
    }

    [Fact]
    public async Task Post_MembersAddedWithNull_StillWelcomes()
    {
        var update = $$$"""{"type":"conversationUpdate","channelId":"msteams","serviceUrl":"{{{_connector.ServiceUrl}}}","conversation":{"id":"w-null"},"recipient":{"id":"bot-1"},"membersAdded":[null,{"id":"bot-1"},7]}""";

        Assert.Equal(HttpStatusCode.OK, (await _bot.PostActivityAsync(update)).StatusCode);

        var welcome = (await _connector.WaitForAsync(1)).Single();
        Assert.Equal("w-null", welcome.ConversationId);
    }

    [Fact]
    public async Task Post_ConversationUpdateAndInvokeWithJunkInEachField_NeverServerError()
    {
        var update = $$$"""{"type":"conversationUpdate","channelId":"msteams","serviceUrl":"{{{_connector.ServiceUrl}}}","conversation":{"id":"fuzz"},"recipient":{"id":"bot-1","name":"BalkanBot"},"membersAdded":[{"id":"bot-1"}],"membersRemoved":[{"id":"user-2"}]}""";
        var invoke = TestActivities.Invoke(_connector.ServiceUrl, """{"action":"followUp","question":"What is CEFTA?","answerId":"a1"}""", conversationId: "fuzz");
        var install = $$$"""{"type":"installationUpdate","action":"add","channelId":"msteams","serviceUrl":"{{{_connector.ServiceUrl}}}","conversation":{"id":"fuzz"},"recipient":{"id":"bot-1"}}""";

        var n = 0;
        foreach (var (path, json) in JsonFuzz.Mutations(update).Concat(JsonFuzz.Mutations(invoke)).Concat(JsonFuzz.Mutations(install)))
        {
            // Each its own conversation: the per-conversation queue limit (a 503 by design) is not what this is about.
            var response = await _bot.PostActivityAsync(json.Replace("\"fuzz\"", $"\"fuzz-{n++}\"", StringComparison.Ordinal));
            Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
        }
        await _bot.Turns.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"serviceUrl":5}""")]
    [InlineData("""{"type":["message"],"conversation":{"id":"c"}}""")]
    [InlineData("""{"type":"message","conversation":{"id":["c"]},"serviceUrl":"http://127.0.0.1:1/"}""")]
    public async Task Post_WrongTypedAddressing_Returns400(string body)
    {
        var response = await _bot.PostActivityAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void Mutations_CoverNestedFieldsAndArrayElements()
    {
        var paths = JsonFuzz.Mutations(Message("x")).Select(m => m.Path).ToHashSet();

        Assert.Contains("entities[0].mentioned.id", paths);
        Assert.Contains("attachments[0]", paths);
        Assert.Contains("conversation.tenantId", paths);
        Assert.Equal(JsonFuzz.Junk.Length, JsonFuzz.Mutations(Message("x")).Count(m => m.Path == "text"));
        Assert.NotNull(JsonNode.Parse(JsonFuzz.Mutations(Message("x")).First().Json));
    }
}

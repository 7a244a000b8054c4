using System.Net;
using System.Text.Json;
using BalkanBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BalkanBot.Tests.Integration;

/// <summary>Card buttons: Action.Execute invokes (response in the HTTP body) and the Action.Submit fallback (message with value).</summary>
public sealed class TeamsActionTests : IAsyncLifetime
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
    public async Task Invoke_Feedback_StoresRatingAndReturnsCardWithThanks()
    {
        var card = await AskAsync("What is the Tirana Declaration?");
        var up = Actions(card).First(a => Data(a).GetProperty("action").GetString() == "feedback" && Data(a).GetProperty("rating").GetString() == "up");

        var response = await InvokeAsync(Data(up).GetRawText());

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", response.GetProperty("type").GetString());
        var updated = response.GetProperty("value").GetRawText();
        Assert.Contains("Thanks, your 👍 was recorded.", Texts(response.GetProperty("value")));
        Assert.DoesNotContain("\"feedback\"", updated);
        var stored = Assert.Single(await Store.RecentFeedbackAsync(10));
        Assert.Equal(("teams", "conv-1", "aad-user-1", "up", "What is the Tirana Declaration?"), (stored.Channel, stored.ConversationId, stored.UserId, stored.Rating, stored.Question));
    }

    [Fact]
    public async Task Invoke_FollowUp_AcknowledgesAndPostsAnswerBelowCard()
    {
        var response = await InvokeAsync("""{"action":"followUp","question":"When was the Tirana Declaration signed?"}""");

        Assert.Equal("application/vnd.microsoft.activity.message", response.GetProperty("type").GetString());
        var posted = Assert.Single(await _connector.WaitForAsync(1));
        Assert.Equal("card-1", posted.ReplyToId);
        var card = posted.Card!.Value.GetRawText();
        Assert.Contains("You asked: When was the Tirana Declaration signed?", card);
        Assert.Contains("18 March 2025", card);
    }

    [Fact]
    public async Task Invoke_ShowMoreSources_PostsNextPage()
    {
        var card = await AskAsync("Compare the Serbia–Hungary and Albania–Croatia–Kosovo blocs");
        var more = Actions(card).First(a => Data(a).GetProperty("action").GetString() == "more" && Data(a).GetProperty("section").GetString() == "sources");

        await InvokeAsync(Data(more).GetRawText());

        var page = Assert.Single(await _connector.WaitForAsync(1)).Card!.Value.GetRawText();
        Assert.Contains("sources (continued)", page);
        Assert.Contains("[11]", page);
        Assert.DoesNotContain("\"[1] ", page);
    }

    [Fact]
    public async Task Invoke_NotOurData_ReturnsErrorInvokeResponse()
    {
        var response = await InvokeAsync("""{"foo":1}""");

        Assert.Equal(400, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", response.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(response.GetProperty("value").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Invoke_FeedbackWithUnknownRating_ReturnsErrorAndStoresNothing()
    {
        var response = await InvokeAsync("""{"action":"feedback","rating":"meh"}""");

        Assert.Equal(400, response.GetProperty("statusCode").GetInt32());
        Assert.Empty(await Store.RecentFeedbackAsync(10));
    }

    [Fact]
    public async Task Invoke_OtherInvokeName_ReturnsError()
    {
        var json = TestActivities.Invoke(_connector.ServiceUrl, "{}").Replace("adaptiveCard/action", "task/fetch");
        var response = await _bot.PostActivityAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.microsoft.error", doc.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Invoke_MoreForForgottenAnswer_PostsExpiredNotice()
    {
        await InvokeAsync("""{"action":"more","answerId":"gone","section":"sources","offset":10,"question":"What is CEFTA?"}""");

        var card = Assert.Single(await _connector.WaitForAsync(1)).Card!.Value.GetRawText();
        Assert.Contains("That button has expired", card);
        Assert.Contains("What is CEFTA?", card);
    }

    [Fact]
    public async Task Submit_Feedback_StoresAndThanksInText()
    {
        var json = TestActivities.Message(_connector.ServiceUrl, "", deliveryMode: "expectReplies",
            extra: "\"value\":{\"action\":\"feedback\",\"rating\":\"down\",\"question\":\"What is CEFTA?\"},\"replyToId\":\"card-7\"");

        var reply = Assert.Single(await ExpectRepliesAsync(json));

        Assert.StartsWith("Thanks, your 👎", reply.GetProperty("text").GetString());
        Assert.Equal("card-7", reply.GetProperty("replyToId").GetString());
        Assert.Equal("down", Assert.Single(await Store.RecentFeedbackAsync(10)).Rating);
    }

    [Fact]
    public async Task Submit_FollowUp_AnswersTheQuestion()
    {
        var json = TestActivities.Message(_connector.ServiceUrl, "", deliveryMode: "expectReplies",
            extra: "\"value\":{\"action\":\"followUp\",\"question\":\"How many troops does KFOR have?\"}");

        var reply = Assert.Single(await ExpectRepliesAsync(json));

        Assert.Contains("KFOR", reply.GetProperty("attachments")[0].GetProperty("content").GetRawText());
    }

    private IAppStore Store => _bot.Services.GetRequiredService<IAppStore>();

    private async Task<JsonElement> AskAsync(string question)
    {
        var reply = Assert.Single(await ExpectRepliesAsync(TestActivities.Message(_connector.ServiceUrl, question, deliveryMode: "expectReplies")));
        return reply.GetProperty("attachments")[0].GetProperty("content");
    }

    private async Task<List<JsonElement>> ExpectRepliesAsync(string json)
    {
        var response = await _bot.PostActivityAsync(json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("activities").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private async Task<JsonElement> InvokeAsync(string dataJson)
    {
        var response = await _bot.PostActivityAsync(TestActivities.Invoke(_connector.ServiceUrl, dataJson));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    private static JsonElement Data(JsonElement action) => action.GetProperty("data");

    /// <summary>Every "text" value in a card (raw JSON escapes emoji, so compare decoded strings).</summary>
    private static List<string> Texts(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Array => node.EnumerateArray().SelectMany(Texts).ToList(),
        JsonValueKind.Object => node.EnumerateObject()
            .SelectMany(p => p.Name == "text" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Texts(p.Value)).ToList(),
        _ => [],
    };

    /// <summary>Every Action.Execute in a card, depth first.</summary>
    internal static IEnumerable<JsonElement> Actions(JsonElement node)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
                foreach (var a in Actions(item)) yield return a;
        }
        else if (node.ValueKind == JsonValueKind.Object)
        {
            if (node.TryGetProperty("type", out var t) && t.GetString() == "Action.Execute") yield return node;
            foreach (var p in node.EnumerateObject())
                if (p.Name != "fallback")
                    foreach (var a in Actions(p.Value)) yield return a;
        }
    }
}

using System.Net;
using BalkanBot.Answers;
using BalkanBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace BalkanBot.Tests.Integration;

/// <summary>With LLM phrasing the answer takes seconds: a typing activity must reach the user first.</summary>
public sealed class TeamsTypingTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly GatedPhraser _phraser = new();
    private FakeConnector _connector = null!;
    private TeamsBotFactory _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new TeamsBotFactory(services: s => s.AddSingleton<IAnswerPhraser>(_phraser));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task Post_MessageWithPhrasing_TypingFirstThenPhrasedAnswer()
    {
        var response = await _bot.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "What is the Tirana Declaration?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _phraser.Entered.Task.WaitAsync(Wait);
        Assert.Equal("typing", (await _connector.WaitForAsync(1, includeTyping: true))[0].Type); // while the answer is held
        _phraser.Release.SetResult();
        var received = await _connector.WaitForAsync(1);
        var all = _connector.Received;
        Assert.Equal("typing", all[0].Type);
        Assert.Equal("act-1", all[0].ReplyToId);
        Assert.Equal("message", all[^1].Type);
        Assert.Contains("Worded by AI", Assert.Single(received).Card!.Value.GetRawText());
    }

    [Fact]
    public async Task Post_ExpectReplies_NoTypingInReplies()
    {
        var posting = _bot.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "What is the Tirana Declaration?", deliveryMode: "expectReplies"));
        await _phraser.Entered.Task.WaitAsync(Wait); // the answer is being phrased: the moment typing would go out
        _phraser.Release.SetResult();
        var response = await posting;

        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"typing\"", body);
        Assert.Contains("\"message\"", body);
    }
}

using System.Net;
using BalkanBot.Answers;
using Microsoft.Extensions.DependencyInjection;

namespace BalkanBot.Tests.Integration;

/// <summary>With LLM phrasing the answer takes seconds: a typing activity must reach the user first.</summary>
public sealed class TeamsTypingTests : IAsyncLifetime
{
    /// <summary>Stands in for the LLM phraser: slow, and marks the answer as phrased.</summary>
    private sealed class SlowPhraser : IAnswerPhraser
    {
        public bool Enabled => true;

        public async Task<Answer> PhraseAsync(Answer answer, CancellationToken cancellationToken)
        {
            await Task.Delay(1500, cancellationToken);
            return answer with { Phrased = true };
        }
    }

    private FakeConnector _connector = null!;
    private TeamsBotFactory _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _bot = new TeamsBotFactory(services: s => s.AddSingleton<IAnswerPhraser, SlowPhraser>());
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
        var response = await _bot.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "What is the Tirana Declaration?", deliveryMode: "expectReplies"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\"typing\"", body);
        Assert.Contains("\"message\"", body);
    }
}

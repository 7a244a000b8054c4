using System.Net;
using BalkanBot.Channels.Slack;
using BalkanBot.Channels.Teams;
using BalkanBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// Outbound clients never follow a redirect: a serviceUrl, Slack API host or response_url that answers 307 does not
/// get the reply (or the bearer token) forwarded to another host; the 3xx is a failure.
/// </summary>
public sealed class RedirectTests
{
    [Fact]
    public async Task Teams_ServiceUrlAnswers307_ReplyNotPostedToTheOtherHost()
    {
        await using var target = await FakeConnector.StartAsync();
        await using var redirector = await RedirectingServer.StartAsync(target.ServiceUrl);
        await using var bot = new TeamsBotFactory();

        Assert.Equal(HttpStatusCode.OK, (await bot.PostActivityAsync(TestActivities.Message(redirector.Url, "What is CEFTA?"))).StatusCode);
        await redirector.ArrivedAsync();
        await bot.Turns.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(target.Attempts);
        Assert.Single(redirector.Hits); // a 3xx is not retried either
    }

    [Fact]
    public async Task Connector_WithToken_307NotFollowedAndReportedAsFailure()
    {
        await using var target = await FakeConnector.StartAsync();
        await using var redirector = await RedirectingServer.StartAsync(target.ServiceUrl);
        var services = new ServiceCollection().AddLogging();
        services.AddOutboundHttpClient(ConnectorClient.HttpClientName, _ => ConnectorClient.Policy);
        var options = new TeamsOptions { AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301", AppPassword = "s" };
        var tokens = new BotTokenClient(options, new HttpClient(new BalkanBot.Tests.Channels.Teams.StubHttpHandler((_, _) =>
            BalkanBot.Tests.Channels.Teams.StubHttpHandler.Json("""{"access_token":"secret-token","expires_in":3600}"""))), TimeProvider.System, NullLogger<BotTokenClient>.Instance);
        var client = new ConnectorClient(services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>(), tokens, NullLogger<ConnectorClient>.Instance);

        var result = await client.SendAsync(new Activity
        {
            Type = "message",
            ServiceUrl = redirector.Url,
            Conversation = new ConversationAccount { Id = "c1" },
            Text = "hi",
        }, CancellationToken.None);

        Assert.Equal(new ConnectorResult(false, 307), result);
        Assert.Equal("Bearer secret-token", Assert.Single(redirector.Hits).Authorization);
        Assert.Empty(target.Attempts);
    }

    [Fact]
    public async Task Slack_ApiAndResponseUrlAnswer307_NothingReachesTheOtherHost()
    {
        await using var target = await SlackFakeApi.StartAsync();
        await using var redirector = await RedirectingServer.StartAsync(target.BaseUrl);
        await using var host = await SlackTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Slack:ApiBaseUrl"] = redirector.Url + "/api/" });

        await host.PostEventAsync(SlackPayloadsFor.Mention("Ev307", "<@U0BOT> What is CEFTA?"));
        await host.PostCommandAsync("What is CEFTA?", responseUrl: redirector.Url + "/hooks/cmd-307");
        await host.Get<SlackWorkQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Contains(redirector.Hits, h => h.Path == "/api/chat.postMessage" && h.Authorization == "Bearer " + SlackTestHost.BotToken);
        Assert.Contains(redirector.Hits, h => h.Path == "/hooks/cmd-307");
        Assert.Empty(target.Calls);
    }
}

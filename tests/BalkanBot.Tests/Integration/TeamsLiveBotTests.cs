using System.Net;

namespace BalkanBot.Tests.Integration;

/// <summary>The live bot the browser and playground checks talk to, run here without them.</summary>
public sealed class TeamsLiveBotTests
{
    [Fact]
    public async Task Start_PortLeftToKestrel_UrlNamesTheBoundPort()
    {
        await using var bot = await TeamsLiveBot.StartAsync();

        Assert.NotEqual(0, new Uri(bot.Url).Port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(bot.Url + "/healthz")).StatusCode);
    }
}

using System.Net;

namespace BalkanBot.Tests.Integration;

public sealed class SlackDisabledTests
{
    [Theory]
    [InlineData("/api/slack/events")]
    [InlineData("/api/slack/commands")]
    [InlineData("/api/slack/interactions")]
    public async Task Endpoints_SlackNotConfigured_404EvenWhenSigned(string path)
    {
        await using var host = await SlackTestHost.StartAsync(slackOn: false);
        var response = await host.PostSignedAsync(path, """{"type":"url_verification","challenge":"c"}""", "application/json");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Endpoints_OnlySigningSecretConfigured_404()
    {
        await using var host = await SlackTestHost.StartAsync(settings: new Dictionary<string, string?> { ["Slack:BotToken"] = "" });
        var response = await host.PostSignedAsync("/api/slack/events", """{"type":"url_verification","challenge":"c"}""", "application/json");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("Slack:AppToken", "xoxb-not-an-app-token")]
    [InlineData("Slack:ApiBaseUrl", "slack/api")]
    [InlineData("Slack:BotToken", "xapp-1-wrong-kind")]
    public async Task Host_BadSlackConfiguration_FailsAtStartNamingTheKey(string key, string value)
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => SlackTestHost.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(key, ex.ToString());
    }
}

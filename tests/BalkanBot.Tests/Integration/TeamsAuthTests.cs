using System.Net;
using System.Security.Cryptography;
using System.Text.Json;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// /api/messages with an app id configured: real RS256 tokens from a local issuer (metadata and keys over HTTP),
/// checked per the Bot Connector spec. A rejected activity must not be processed, so nothing reaches the connector.
/// </summary>
public sealed class TeamsAuthTests : IAsyncLifetime
{
    private const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private TestIssuer _issuer = null!;
    private FakeConnector _connector = null!;
    private TeamsBotFactory _bot = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _bot = new TeamsBotFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "test-secret-not-real",
            ["Teams:OpenIdMetadataUrl"] = _issuer.MetadataUrl,
            ["Teams:TokenEndpoint"] = _issuer.TokenUrl,
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    private string Message() => TestActivities.Message(_connector.ServiceUrl, "What is the Tirana Declaration?");

    [Fact]
    public async Task Post_ValidToken_ProcessesAndRepliesWithOutboundToken()
    {
        var response = await _bot.PostActivityAsync(Message(), _issuer.Mint(AppId, _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await _connector.WaitForAsync(1);
        var reply = Assert.Single(replies);
        Assert.Equal("Bearer outbound-token-1", reply.Authorization);
        Assert.Equal("act-1", reply.ReplyToId);
        Assert.Contains("grant_type=client_credentials", _issuer.LastTokenForm);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", _issuer.LastTokenForm);
    }

    [Fact]
    public async Task Post_TwoValidRequests_FetchOutboundTokenOnce()
    {
        await _bot.PostActivityAsync(Message(), _issuer.Mint(AppId, _connector.ServiceUrl));
        await _bot.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "help", "conv-2"), _issuer.Mint(AppId, _connector.ServiceUrl));

        await _connector.WaitForAsync(2);
        Assert.Equal(1, _issuer.TokenRequests);
    }

    [Fact]
    public async Task Post_ExpiredToken_Returns401()
    {
        // Expired 10 minutes ago: beyond the 5 minutes of allowed clock skew.
        var token = _issuer.Mint(AppId, _connector.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddHours(-1));
        await AssertRejectedAsync(await _bot.PostActivityAsync(Message(), token));
    }

    [Fact]
    public async Task Post_TokenExpiredWithinSkew_Accepted()
    {
        var token = _issuer.Mint(AppId, _connector.ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-2), notBefore: DateTime.UtcNow.AddHours(-1));
        Assert.Equal(HttpStatusCode.OK, (await _bot.PostActivityAsync(Message(), token)).StatusCode);
    }

    [Fact]
    public async Task Post_WrongAudience_Returns401() =>
        await AssertRejectedAsync(await _bot.PostActivityAsync(Message(), _issuer.Mint(Guid.NewGuid().ToString(), _connector.ServiceUrl)));

    [Fact]
    public async Task Post_WrongIssuer_Returns401() =>
        await AssertRejectedAsync(await _bot.PostActivityAsync(Message(), _issuer.Mint(AppId, _connector.ServiceUrl, issuer: "https://evil.example.com")));

    [Fact]
    public async Task Post_WrongSignature_Returns401()
    {
        using var other = RSA.Create(2048);
        await AssertRejectedAsync(await _bot.PostActivityAsync(Message(), _issuer.Mint(AppId, _connector.ServiceUrl, signWith: other)));
    }

    [Fact]
    public async Task Post_MissingAuthorizationHeader_Returns401WithProblemDetails()
    {
        var response = await _bot.PostActivityAsync(Message());

        await AssertRejectedAsync(response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Post_ServiceUrlDiffersFromTokenClaim_Returns401()
    {
        var token = _issuer.Mint(AppId, "https://smba.trafficmanager.net/emea/");
        await AssertRejectedAsync(await _bot.PostActivityAsync(Message(), token));
    }

    [Fact]
    public async Task Post_ChannelNotEndorsedForKey_Returns401()
    {
        var activity = TestActivities.Message(_connector.ServiceUrl, "What is the Tirana Declaration?", channelId: "slack");
        await AssertRejectedAsync(await _bot.PostActivityAsync(activity, _issuer.Mint(AppId, _connector.ServiceUrl)));
    }

    [Fact]
    public async Task Post_SigningKeyRotated_RefetchesKeysAndAccepts()
    {
        Assert.Equal(HttpStatusCode.OK, (await _bot.PostActivityAsync(Message(), _issuer.Mint(AppId, _connector.ServiceUrl))).StatusCode);
        var fetches = _issuer.KeyRequests;

        _issuer.Rotate();
        var response = await _bot.PostActivityAsync(Message(), _issuer.Mint(AppId, _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fetches + 1, _issuer.KeyRequests);
    }

    [Fact]
    public async Task Post_ManyRequests_KeysFetchedOnce()
    {
        for (var i = 0; i < 5; i++) await _bot.PostActivityAsync(Message(), _issuer.Mint(AppId, _connector.ServiceUrl));

        Assert.Equal(1, _issuer.KeyRequests);
    }

    [Fact]
    public async Task Get_Root_WithAppId_ChatPageOff()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _bot.CreateClient().GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _bot.CreateClient().GetAsync("/_local/conversations/c/activities?wait=0")).StatusCode);
    }

    [Fact]
    public async Task Post_MalformedBodyWithoutToken_Returns401NotParsed() =>
        await AssertRejectedAsync(await _bot.PostActivityAsync("{not json"));

    private async Task AssertRejectedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await _bot.Turns.WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(_connector.Attempts);
    }
}

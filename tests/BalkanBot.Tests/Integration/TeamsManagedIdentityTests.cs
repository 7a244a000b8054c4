using System.Net;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// A bot registered with a user-assigned managed identity: no password, its outbound token comes from the instance
/// metadata endpoint (here a local fake), and replies carry it.
/// </summary>
public sealed class TeamsManagedIdentityTests : IAsyncLifetime
{
    private const string ClientId = "6b1f9c2e-8f54-4a57-9d6e-2f1a3c4b5d6e";
    private TestIssuer _issuer = null!;
    private FakeConnector _connector = null!;
    private FakeImds _imds = null!;
    private TeamsBotFactory _bot = null!;

    public async Task InitializeAsync()
    {
        _issuer = await TestIssuer.StartAsync();
        _connector = await FakeConnector.StartAsync();
        _imds = await FakeImds.StartAsync();
        _bot = new TeamsBotFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = ClientId,
            ["MicrosoftAppTenantId"] = "11111111-2222-3333-4444-555555555555",
            ["Teams:OpenIdMetadataUrl"] = _issuer.MetadataUrl,
            ["Teams:ManagedIdentityEndpoint"] = _imds.TokenEndpoint,
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _imds.DisposeAsync();
        await _connector.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Post_ValidToken_ReplyCarriesTokenFromManagedIdentityEndpoint()
    {
        var message = TestActivities.Message(_connector.ServiceUrl, "What is the Tirana Declaration?");

        var response = await _bot.PostActivityAsync(message, _issuer.Mint(ClientId, _connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await _connector.WaitForAsync(1));
        Assert.Equal("Bearer imds-token-1", reply.Authorization);
        var request = Assert.Single(_imds.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("true", request.Metadata);
        Assert.Equal("2018-02-01", request.Query["api-version"]);
        Assert.Equal("https://api.botframework.com", request.Query["resource"]);
        Assert.Equal(ClientId, request.Query["client_id"]);
        Assert.Equal(0, _issuer.TokenRequests);
    }

    [Fact]
    public async Task Post_TwoMessages_ManagedIdentityTokenFetchedOnce()
    {
        await _bot.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "help", "conv-a"), _issuer.Mint(ClientId, _connector.ServiceUrl));
        await _bot.PostActivityAsync(TestActivities.Message(_connector.ServiceUrl, "help", "conv-b"), _issuer.Mint(ClientId, _connector.ServiceUrl));

        Assert.Equal(2, (await _connector.WaitForAsync(2)).Count);
        Assert.Single(_imds.Requests);
    }
}

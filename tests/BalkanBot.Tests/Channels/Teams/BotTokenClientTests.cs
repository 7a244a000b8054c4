using System.Net;
using BalkanBot.Channels.Teams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BalkanBot.Tests.Channels.Teams;

public sealed class BotTokenClientTests
{
    private const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    private static readonly DateTimeOffset Start = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    private static (BotTokenClient Client, StubHttpHandler Http, FakeTimeProvider Clock) Create(TeamsOptions options, int expiresIn = 3600)
    {
        var http = new StubHttpHandler((_, n) => StubHttpHandler.Json($$"""{"token_type":"Bearer","expires_in":{{expiresIn}},"access_token":"token-{{n}}"}"""));
        var clock = new FakeTimeProvider(Start);
        return (new BotTokenClient(options, new HttpClient(http), clock, NullLogger<BotTokenClient>.Instance), http, clock);
    }

    private static TeamsOptions MultiTenant => new() { AppType = BotAppType.MultiTenant, AppId = AppId, AppPassword = "secret" };

    [Fact]
    public async Task GetToken_NoAppId_ReturnsNullWithoutCalling()
    {
        var (client, http, _) = Create(new TeamsOptions());

        Assert.Null(await client.GetTokenAsync(CancellationToken.None));
        Assert.Equal(0, http.Calls);
    }

    [Fact]
    public async Task GetToken_MultiTenant_PostsClientCredentialsToBotFrameworkTenant()
    {
        var (client, http, _) = Create(MultiTenant);

        Assert.Equal("token-1", await client.GetTokenAsync(CancellationToken.None));
        var (request, body, _) = Assert.Single(http.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", request.RequestUri!.ToString());
        Assert.Contains("grant_type=client_credentials", body);
        Assert.Contains($"client_id={AppId}", body);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", body);
    }

    [Fact]
    public async Task GetToken_CachedUntilFiveMinutesBeforeExpiry()
    {
        var (client, http, clock) = Create(MultiTenant);

        await client.GetTokenAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal("token-1", await client.GetTokenAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("token-2", await client.GetTokenAsync(CancellationToken.None));
        Assert.Equal(2, http.Calls);
    }

    [Fact]
    public async Task GetToken_ConcurrentCallers_OneRequest()
    {
        var (client, http, _) = Create(MultiTenant);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => client.GetTokenAsync(CancellationToken.None))));

        Assert.All(tokens, t => Assert.Equal("token-1", t));
        Assert.Equal(1, http.Calls);
    }

    [Fact]
    public async Task Invalidate_NextCallFetchesNewToken()
    {
        var (client, http, _) = Create(MultiTenant);
        await client.GetTokenAsync(CancellationToken.None);

        client.Invalidate();

        Assert.Equal("token-2", await client.GetTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetToken_ManagedIdentity_GetsFromImdsWithMetadataHeaderAndStringExpiry()
    {
        var http = new StubHttpHandler((_, _) => StubHttpHandler.Json("""{"access_token":"msi-token","expires_in":"86399"}"""));
        var client = new BotTokenClient(new TeamsOptions { AppType = BotAppType.UserAssignedMSI, AppId = AppId }, new HttpClient(http),
            new FakeTimeProvider(Start), NullLogger<BotTokenClient>.Instance);

        Assert.Equal("msi-token", await client.GetTokenAsync(CancellationToken.None));
        var (request, _, _) = Assert.Single(http.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("true", request.Headers.GetValues("Metadata").Single());
    }

    [Fact]
    public async Task GetToken_EndpointRefuses_ThrowsWithoutSecret()
    {
        var http = new StubHttpHandler((_, _) => StubHttpHandler.Json("""{"error":"invalid_client"}""", HttpStatusCode.Unauthorized));
        var client = new BotTokenClient(MultiTenant, new HttpClient(http), new FakeTimeProvider(Start), NullLogger<BotTokenClient>.Instance);

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetTokenAsync(CancellationToken.None));
        Assert.DoesNotContain("secret", ex.Message);
    }
}

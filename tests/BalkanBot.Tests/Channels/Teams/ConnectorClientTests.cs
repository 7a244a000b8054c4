using System.Net;
using BalkanBot.Channels.Teams;
using BalkanBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BalkanBot.Tests.Channels.Teams;

public sealed class ConnectorClientTests
{
    /// <summary>The client as the host registers it (retry pipeline included), with <paramref name="http"/> in place of the network.</summary>
    private static ConnectorClient Create(StubHttpHandler http, TeamsOptions? options = null, HttpMessageHandler? tokens = null)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddOutboundHttpClient(ConnectorClient.HttpClientName, _ => ConnectorClient.Policy).ConfigurePrimaryHttpMessageHandler(() => http);
        var factory = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        return new(factory, new BotTokenClient(options ?? new TeamsOptions(), new HttpClient(tokens ?? new StubHttpHandler((_, n) =>
                StubHttpHandler.Json($$"""{"access_token":"t{{n}}","expires_in":3600}"""))), TimeProvider.System, NullLogger<BotTokenClient>.Instance),
            NullLogger<ConnectorClient>.Instance);
    }

    private static Activity Reply(string conversationId = "19:abc@thread.skype;messageid=42", string? replyTo = "1700000000000") => new()
    {
        Type = "message",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        Conversation = new ConversationAccount { Id = conversationId },
        ReplyToId = replyTo,
        Text = "hi",
    };

    private static HttpResponseMessage Status(HttpStatusCode code, string? retryAfter = null)
    {
        var r = new HttpResponseMessage(code);
        if (retryAfter is not null) r.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return r;
    }

    [Fact]
    public async Task Send_Reply_PostsToEscapedReplyUrl()
    {
        var http = new StubHttpHandler((_, _) => StubHttpHandler.Json("""{"id":"new-1"}"""));

        var result = await Create(http).SendAsync(Reply(), CancellationToken.None);

        Assert.Equal(new ConnectorResult(true, 200, "new-1"), result);
        var (request, body, _) = Assert.Single(http.Requests);
        Assert.Equal("https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.skype%3Bmessageid%3D42/activities/1700000000000",
            request.RequestUri!.AbsoluteUri);
        Assert.Null(request.Headers.Authorization);
        Assert.Contains("\"text\":\"hi\"", body);
    }

    [Fact]
    public async Task Send_NoReplyToId_PostsNewMessage()
    {
        var http = new StubHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.Created));

        await Create(http).SendAsync(Reply("a:1", null), CancellationToken.None);

        Assert.EndsWith("/v3/conversations/a%3A1/activities", Assert.Single(http.Requests).Request.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task Send_429ThenSuccess_RetriesAfterRetryAfter()
    {
        var http = new StubHttpHandler((_, n) => n == 1 ? Status(HttpStatusCode.TooManyRequests, "1") : new HttpResponseMessage(HttpStatusCode.OK));

        var result = await Create(http).SendAsync(Reply(), CancellationToken.None);

        Assert.True(result.Ok);
        var at = http.Requests.Select(r => r.At).ToList();
        Assert.Equal(2, at.Count);
        Assert.InRange(at[1] - at[0], TimeSpan.FromMilliseconds(950), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Send_ServerErrorsThroughout_GivesUpAfterMaxAttempts()
    {
        var http = new StubHttpHandler((_, _) => Status(HttpStatusCode.BadGateway, "0"));

        var result = await Create(http).SendAsync(Reply(), CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal(502, result.Status);
        Assert.Equal(ConnectorClient.Policy.MaxAttempts, http.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge)]
    public async Task Send_ClientError_NoRetry(HttpStatusCode status)
    {
        var http = new StubHttpHandler((_, _) => Status(status));

        var result = await Create(http).SendAsync(Reply(), CancellationToken.None);

        Assert.False(result.Ok);
        Assert.Equal(1, http.Calls);
    }

    [Fact]
    public async Task Send_Forbidden_ReportsBlocked()
    {
        var result = await Create(new StubHttpHandler((_, _) => Status(HttpStatusCode.Forbidden))).SendAsync(Reply(), CancellationToken.None);

        Assert.True(result.Blocked);
    }

    [Fact]
    public async Task Send_Unauthorized_RetriesOnceWithNewToken()
    {
        var http = new StubHttpHandler((_, n) => n == 1 ? Status(HttpStatusCode.Unauthorized) : new HttpResponseMessage(HttpStatusCode.OK));
        var options = new TeamsOptions { AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301", AppPassword = "s" };

        var result = await Create(http, options).SendAsync(Reply(), CancellationToken.None);

        Assert.True(result.Ok);
        var auth = http.Requests.Select(r => r.Request.Headers.Authorization?.Parameter).ToList();
        Assert.Equal(["t1", "t2"], auth);
    }

    [Fact]
    public async Task Send_NotHttpServiceUrl_NotSent()
    {
        var http = new StubHttpHandler((_, _) => new HttpResponseMessage(HttpStatusCode.OK));
        var reply = Reply();
        reply.ServiceUrl = "file:///etc";

        Assert.False((await Create(http).SendAsync(reply, CancellationToken.None)).Ok);
        Assert.Equal(0, http.Calls);
    }
}

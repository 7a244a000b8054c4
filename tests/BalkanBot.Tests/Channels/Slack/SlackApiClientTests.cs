using System.Diagnostics;
using BalkanBot.Channels.Slack;
using BalkanBot.Tests.Integration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BalkanBot.Tests.Channels.Slack;

/// <summary>The Web API client against a real local HTTP server that records calls and answers from a script.</summary>
public sealed class SlackApiClientTests : IAsyncLifetime
{
    private const string Token = "xoxb-secret-token-never-logged";
    private SlackFakeApi _fake = null!;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly List<ServiceProvider> _providers = [];

    public async Task InitializeAsync() => _fake = await SlackFakeApi.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var p in _providers) await p.DisposeAsync();
        await _fake.DisposeAsync();
    }

    /// <summary>The client as the host registers it: its HTTP clients and their retry pipelines follow these options.</summary>
    private SlackApiClient Client(int maxAttempts = 4, int maxRetryAfter = 60, string? appToken = null)
    {
        var services = new ServiceCollection().AddLogging(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.Configure<SlackOptions>(o =>
        {
            o.BotToken = Token;
            o.AppToken = appToken;
            o.SigningSecret = "s";
            o.ApiBaseUrl = _fake.ApiBaseUrl;
            o.MaxAttempts = maxAttempts;
            o.RetryBaseDelayMilliseconds = 50;
            o.MaxRetryAfterSeconds = maxRetryAfter;
        });
        SlackApiClient.AddHttpClients(services);
        services.AddSingleton<SlackApiClient>();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<SlackApiClient>();
    }

    private static SlackMessage Message => new() { Channel = "C1", Text = "hello" };

    [Fact]
    public async Task PostMessage_Ok_SendsBearerTokenAndJson()
    {
        var result = await Client().PostMessageAsync(Message);
        Assert.True(result?.Ok);
        var call = Assert.Single(_fake.CallsTo("/api/chat.postMessage"));
        Assert.Equal("Bearer " + Token, call.Authorization);
        Assert.Equal("C1", call.Get("channel"));
        Assert.Equal("hello", call.Get("text"));
    }

    [Fact]
    public async Task PostMessage_429ThenSuccess_WaitsRetryAfterThenSucceeds()
    {
        _fake.Script("/api/chat.postMessage", new FakeReply(429, """{"ok":false,"error":"ratelimited"}""", RetryAfter: 1));
        var watch = Stopwatch.StartNew();
        var result = await Client().PostMessageAsync(Message);
        Assert.True(result?.Ok);
        var calls = _fake.CallsTo("/api/chat.postMessage");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(950));
        Assert.Contains(_logs.Lines, l => l.Contains("HTTP 429") && l.Contains("1000 ms"));
    }

    [Fact]
    public async Task PostMessage_500ThenSuccess_RetriesWithBackoff()
    {
        _fake.Script("/api/chat.postMessage", new FakeReply(500, "oops"), new FakeReply(503, "busy"));
        var result = await Client().PostMessageAsync(Message);
        Assert.True(result?.Ok);
        Assert.Equal(3, _fake.CallsTo("/api/chat.postMessage").Count);
    }

    [Fact]
    public async Task PostMessage_Always500_GivesUpAfterMaxAttempts()
    {
        _fake.Script("/api/chat.postMessage", Enumerable.Repeat(new FakeReply(500, "oops"), 10).ToArray());
        Assert.Null(await Client(maxAttempts: 3).PostMessageAsync(Message));
        Assert.Equal(3, _fake.CallsTo("/api/chat.postMessage").Count);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Error 205", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostMessage_400_IsNotRetried()
    {
        _fake.Script("/api/chat.postMessage", new FakeReply(400, "bad"));
        Assert.Null(await Client().PostMessageAsync(Message));
        Assert.Single(_fake.CallsTo("/api/chat.postMessage"));
    }

    [Fact]
    public async Task PostMessage_RetryAfterBeyondTheCap_GivesUpAtOnce()
    {
        _fake.Script("/api/chat.postMessage", new FakeReply(429, "{}", RetryAfter: 3600));
        Assert.Null(await Client(maxRetryAfter: 60).PostMessageAsync(Message));
        Assert.Single(_fake.CallsTo("/api/chat.postMessage"));
    }

    [Fact]
    public async Task PostMessage_OkFalse_LogsSlacksErrorCodeButNeverTheToken()
    {
        _fake.Script("/api/chat.postMessage", new FakeReply(200, """{"ok":false,"error":"channel_not_found"}"""));
        var result = await Client().PostMessageAsync(Message);
        Assert.False(result?.Ok);
        Assert.Equal("channel_not_found", result?.Error);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning 203", StringComparison.Ordinal) && l.Contains("chat.postMessage") && l.Contains("channel_not_found"));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(Token));
    }

    [Fact]
    public async Task PostToResponseUrl_SlackOrConfiguredHost_PostsWithoutBearer()
    {
        Assert.True(await Client().PostToResponseUrlAsync(_fake.ResponseUrl("abc"), Message with { ResponseType = "ephemeral" }));
        var call = Assert.Single(_fake.CallsTo("/hooks/abc"));
        Assert.Null(call.Authorization);
        Assert.Equal("ephemeral", call.Get("response_type"));
    }

    [Theory]
    [InlineData("https://evil.example.com/hooks/abc")]
    [InlineData("http://hooks.slack.com/commands/1")]
    [InlineData("not a url")]
    public async Task PostToResponseUrl_ForeignHost_RefusedWithoutACall(string url)
    {
        Assert.False(await Client().PostToResponseUrlAsync(url, Message));
        Assert.Empty(_fake.Calls);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1/2/3", true)]
    [InlineData("https://hooks.slack.com.evil.io/x", false)]
    [InlineData("https://slack.com/api/x", true)]
    public void IsSlackUrl_Hosts_OnlySlackOrConfigured(string url, bool expected) =>
        Assert.Equal(expected, SlackApiClient.IsSlackUrl(url, new SlackOptions()));

    [Fact]
    public async Task OpenSocketModeConnection_UsesTheAppToken()
    {
        var url = await Client(appToken: "xapp-1-test").OpenSocketModeConnectionAsync();
        Assert.Equal("ws", url?.Scheme);
        Assert.Equal("Bearer xapp-1-test", Assert.Single(_fake.CallsTo("/api/apps.connections.open")).Authorization);
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BalkanBot.Channels.Slack;
using BalkanBot.Knowledge;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BalkanBot.Tests.Integration;

/// <summary>The repository's knowledge/ compiled once per test run into a temporary database.</summary>
public static class SlackTestKnowledge
{
    private static readonly Lazy<string> Database = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("balkanbot-slack-kb-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(dir, true); } catch (IOException) { } };
        var path = Path.Combine(dir, "knowledge.db");
        KnowledgeBuilder.Build(Path.Combine(RepositoryRoot, "knowledge"), path);
        return path;
    });

    public static string DatabasePath => Database.Value;

    public static string RepositoryRoot => TestSupport.SeedKnowledge.RepositoryRoot;
}

/// <summary>
/// The bot in a TestServer, talking to a <see cref="SlackFakeApi"/> on 127.0.0.1, with its own app database.
/// Requests are signed like Slack signs them.
/// </summary>
public sealed class SlackTestHost : WebApplicationFactory<Program>
{
    public const string Secret = "test-signing-secret";
    public const string BotToken = "xoxb-test-bot-token-do-not-log";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _dir = Directory.CreateTempSubdirectory("balkanbot-slack-app-").FullName;

    public SlackFakeApi Fake { get; }

    private SlackTestHost(SlackFakeApi fake, bool slackOn, IReadOnlyDictionary<string, string?>? extra, Action<IServiceCollection>? services)
    {
        Fake = fake;
        _services = services;
        _settings = new()
        {
            ["Knowledge:Database"] = SlackTestKnowledge.DatabasePath,
            ["Knowledge:AppDatabase"] = Path.Combine(_dir, "app.db"),
            ["Knowledge:BuildOnStart"] = "false",
            ["Digests:Enabled"] = "false",
            ["Slack:SigningSecret"] = slackOn ? Secret : "",
            ["Slack:BotToken"] = slackOn ? BotToken : "",
            ["Slack:ApiBaseUrl"] = fake.ApiBaseUrl,
            ["Slack:RetryBaseDelayMilliseconds"] = "20",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    /// <param name="fake">Configures the fake Slack before the bot starts (Socket Mode connects at once).</param>
    public static async Task<SlackTestHost> StartAsync(bool slackOn = true, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null, Action<SlackFakeApi>? fake = null)
    {
        var api = await SlackFakeApi.StartAsync();
        fake?.Invoke(api);
        var host = new SlackTestHost(api, slackOn, settings, services);
        try
        {
            _ = host.Server; // starts the host and its background services
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(_settings));
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// Completes once the Slack work queue has finished everything accepted so far. Work is queued before the
    /// acknowledgement goes out, so after a response this is the moment nothing more will reach the fake API.
    /// </summary>
    public Task WhenIdleAsync() => Get<SlackWorkQueue>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>POSTs a body signed as Slack would sign it (timestamp now unless given; a wrong secret on request).</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, long? timestamp = null,
        string secret = Secret, IReadOnlyDictionary<string, string>? headers = null)
    {
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackSignatureVerifier.TimestampHeader, ts);
        request.Headers.Add(SlackSignatureVerifier.SignatureHeader, SlackSignatureVerifier.Compute(secret, ts, bytes));
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) request.Headers.Add(k, v);
        return await CreateClient().SendAsync(request);
    }

    public Task<HttpResponseMessage> PostEventAsync(string json, IReadOnlyDictionary<string, string>? headers = null) =>
        PostSignedAsync("/api/slack/events", json, "application/json", headers: headers);

    public Task<HttpResponseMessage> PostCommandAsync(string text, string channel = "C0CMD", string user = "U0USER", string? responseUrl = null) =>
        PostSignedAsync("/api/slack/commands", SlackPayloadsFor.Command(text, channel, user, responseUrl ?? Fake.ResponseUrl("cmd-" + channel)),
            "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> PostInteractionAsync(string payloadJson) =>
        PostSignedAsync("/api/slack/interactions", "payload=" + Uri.EscapeDataString(payloadJson), "application/x-www-form-urlencoded");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Fake.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Slack payloads as Slack sends them; only what a test varies is a parameter.</summary>
public static class SlackPayloadsFor
{
    public static string Mention(string eventId, string text, string channel = "C0CHAN", string ts = "1700000001.000100", string? threadTs = null) =>
        Callback(eventId, $$"""{"type":"app_mention","user":"U0USER","text":{{JsonSerializer.Serialize(text)}},"ts":"{{ts}}","channel":"{{channel}}","event_ts":"{{ts}}"{{(threadTs is null ? "" : $",\"thread_ts\":\"{threadTs}\"")}}}""");

    public static string DirectMessage(string eventId, string text, string channel = "D0DM", string? subtype = null, string? botId = null) =>
        Callback(eventId, $$"""{"type":"message","channel_type":"im","user":"U0USER","text":{{JsonSerializer.Serialize(text)}},"ts":"1700000002.000200","channel":"{{channel}}"{{(subtype is null ? "" : $",\"subtype\":\"{subtype}\"")}}{{(botId is null ? "" : $",\"bot_id\":\"{botId}\"")}}}""");

    public static string Callback(string eventId, string eventJson) =>
        $$"""{"token":"x","team_id":"T0TEAM","api_app_id":"A0APP","type":"event_callback","event_id":"{{eventId}}","event_time":1700000001,"event":{{eventJson}},"authorizations":[{"user_id":"U0BOT","is_bot":true}]}""";

    public static string Command(string text, string channel, string user, string responseUrl) =>
        $"token=x&team_id=T0TEAM&team_domain=test&channel_id={channel}&channel_name=general&user_id={user}&user_name=ana" +
        $"&command=%2Fbalkan&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl)}&trigger_id=1.2.3";

    /// <summary>A click on one of our buttons under a channel message (or, with <paramref name="responseUrl"/> and ephemeral, under a private reply).</summary>
    public static string BlockAction(string actionId, string value, string channel = "C0CHAN", string? responseUrl = null, bool ephemeral = false,
        string messageTs = "1700000003.000300") =>
        $$"""
        {"type":"block_actions","user":{"id":"U0USER","username":"ana"},"team":{"id":"T0TEAM"},"api_app_id":"A0APP",
         "container":{"type":"message","message_ts":"{{messageTs}}","channel_id":"{{channel}}","is_ephemeral":{{(ephemeral ? "true" : "false")}}},
         "channel":{"id":"{{channel}}","name":"general"},
         {{(ephemeral ? "" : $"\"message\":{{\"type\":\"message\",\"ts\":\"{messageTs}\",\"text\":\"answer\"}},")}}
         {{(responseUrl is null ? "" : $"\"response_url\":{JsonSerializer.Serialize(responseUrl)},")}}
         "actions":[{"action_id":"{{actionId}}","block_id":"balkan_actions","type":"button","value":{{JsonSerializer.Serialize(value)}},"action_ts":"1700000004.1"}]}
        """;
}

using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BalkanBot.Hosting;

namespace BalkanBot.Load;

/// <summary>The real bot host (BotHost.Build) on 127.0.0.1 with port 0, no app id, Slack pointed at a <see cref="FakeSlack"/>.</summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    public const string SigningSecret = "load-signing-secret";
    private readonly WebApplication _app;
    private readonly string _dir;

    private BotUnderTest(WebApplication app, string dir)
    {
        _app = app;
        _dir = dir;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(Loopback.BaseUrl(app) + "/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public HttpClient Http { get; }

    /// <summary>Conversations the answer engine remembers (each with its last answer): most of what a flood leaves in memory.</summary>
    public int RememberedConversations => _app.Services.GetRequiredService<BalkanBot.Answers.ConversationStore>().Count;

    public static async Task<BotUnderTest> StartAsync(string knowledgeDb, string slackApi)
    {
        var dir = Directory.CreateTempSubdirectory("balkanbot-load-").FullName;
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--Knowledge:Database={knowledgeDb}",
            $"--Knowledge:AppDatabase={Path.Combine(dir, "app.db")}",
            "--Knowledge:BuildOnStart=false",
            "--Digests:Enabled=false",
            "--MicrosoftAppId=",
            "--MicrosoftAppPassword=",
            "--ChatPage:Enabled=false",
            // Without an app id one serviceUrl host may hold only a quarter of the queue; measure the queue as it
            // works with one, where the serviceUrl comes from a signed token and Teams uses a few hosts for everything.
            "--Teams:QueuePerServiceUrlHost=1024",
            $"--Slack:SigningSecret={SigningSecret}",
            "--Slack:BotToken=xoxb-load-test",
            $"--Slack:ApiBaseUrl={slackApi}",
        ];
        var app = BotHost.Build(args, b =>
        {
            b.Logging.ClearProviders();
            b.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        });
        await app.StartAsync();
        return new BotUnderTest(app, dir);
    }

    public static string Activity(string id, string conversation, string serviceUrl, string text) =>
        $$"""
        {"type":"message","id":"{{id}}","timestamp":"2025-05-01T10:00:00Z","channelId":"msteams","serviceUrl":"{{serviceUrl}}",
         "from":{"id":"user-{{id}}","name":"Ana"},"conversation":{"id":"{{conversation}}","conversationType":"personal","tenantId":"t-1"},
         "recipient":{"id":"bot-1","name":"BalkanBot"},"text":{{JsonSerializer.Serialize(text)}},"textFormat":"plain","locale":"en-US"}
        """;

    /// <summary>POSTs an activity; returns the status code (0 when the request failed outright).</summary>
    public async Task<HttpStatusCode> PostActivityAsync(string json)
    {
        try
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await Http.PostAsync("api/messages", content);
            return response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    /// <summary>POSTs a body signed the way Slack signs it; returns the status and the body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostSlackAsync(string path, string body, string contentType)
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), Encoding.UTF8.GetBytes($"v0:{ts}:").Concat(bytes).ToArray());
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        try
        {
            using var response = await Http.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return (0, "");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try { await _app.StopAsync(stop.Token); } catch (OperationCanceledException) { }
        }
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

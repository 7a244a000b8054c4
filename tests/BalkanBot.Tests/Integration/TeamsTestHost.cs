using System.Net;
using System.Text;
using BalkanBot.Channels.Teams;
using BalkanBot.Knowledge;
using BalkanBot.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BalkanBot.Tests.Integration;

/// <summary>The repository's knowledge/ compiled once per test run into a temporary database that bot hosts share read-only.</summary>
internal static class TeamsTestKnowledge
{
    private static readonly Lazy<string> Database = new(() =>
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("balkanbot-teams-kb-").FullName, "knowledge.db");
        KnowledgeBuilder.Build(SeedKnowledge.KnowledgeFolder, path);
        return path;
    });

    public static string DatabasePath => Database.Value;

    /// <summary>Settings every test host gets: the shared knowledge db, a fresh app db, no app id (unless a test sets one).</summary>
    public static Dictionary<string, string?> Settings(string appDatabase) => new()
    {
        ["Knowledge:Database"] = DatabasePath,
        ["Knowledge:AppDatabase"] = appDatabase,
        ["Knowledge:BuildOnStart"] = "false",
        ["MicrosoftAppId"] = "",
        ["MicrosoftAppPassword"] = "",
        ["Logging:LogLevel:Default"] = "Warning",
    };
}

/// <summary>The bot in a TestServer, with its own app database and optional extra settings (auth tests).</summary>
public sealed class TeamsBotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _dir = Directory.CreateTempSubdirectory("balkanbot-teams-app-").FullName;

    private readonly Action<IServiceCollection>? _services;

    public TeamsBotFactory(IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _settings = TeamsTestKnowledge.Settings(Path.Combine(_dir, "app.db"));
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(_settings));
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    public BackgroundTurns Turns => Services.GetRequiredService<BackgroundTurns>();

    public async Task<HttpResponseMessage> PostActivityAsync(string json, string? bearer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
        return await CreateClient().SendAsync(request);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Activity JSON as channels send it; only what a test varies is a parameter.</summary>
internal static class TestActivities
{
    public static string Message(string serviceUrl, string text, string conversationId = "conv-1", string channelId = "msteams",
        string? deliveryMode = null, string? extra = null) =>
        $$"""
        {"type":"message","id":"act-1","timestamp":"2025-05-01T10:00:00Z","channelId":"{{channelId}}","serviceUrl":"{{serviceUrl}}",
         "from":{"id":"user-1","name":"Ana","aadObjectId":"aad-user-1"},"conversation":{"id":"{{conversationId}}","conversationType":"personal","tenantId":"tenant-1"},
         "recipient":{"id":"bot-1","name":"BalkanBot"},"text":{{System.Text.Json.JsonSerializer.Serialize(text)}},"textFormat":"plain","locale":"en-US"
         {{(deliveryMode is null ? "" : $",\"deliveryMode\":\"{deliveryMode}\"")}}{{(extra is null ? "" : "," + extra)}}}
        """;

    public static string Invoke(string serviceUrl, string dataJson, string conversationId = "conv-1", string replyToId = "card-1") =>
        $$$"""
        {"type":"invoke","name":"adaptiveCard/action","id":"inv-1","channelId":"msteams","serviceUrl":"{{{serviceUrl}}}","replyToId":"{{{replyToId}}}",
         "from":{"id":"user-1","aadObjectId":"aad-user-1"},"conversation":{"id":"{{{conversationId}}}"},"recipient":{"id":"bot-1","name":"BalkanBot"},
         "value":{"action":{"type":"Action.Execute","verb":"x","data":{{{dataJson}}}},"trigger":"manual"}}
        """;
}

/// <summary>Small helpers for the Kestrel servers tests run next to the bot (fake connector, token issuer).</summary>
internal static class TestServers
{
    public static WebApplication Create()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    public static string BaseUrl(WebApplication app) => app.Urls.First().TrimEnd('/');

    public static int FreePort()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

using BalkanBot.Hosting;
using Microsoft.AspNetCore.Builder;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// The bot on a real port (Kestrel, not TestServer), for clients outside the process: a browser, the Teams
/// playground. No app id, as those local clients send no tokens.
/// </summary>
public sealed class TeamsLiveBot : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dir;

    private TeamsLiveBot(WebApplication app, string dir, string url)
    {
        _app = app;
        _dir = dir;
        Url = url;
    }

    public string Url { get; }

    /// <summary>The bot's app database, to see what button clicks stored.</summary>
    public BalkanBot.Storage.IAppStore Store => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<BalkanBot.Storage.IAppStore>(_app.Services);

    public static async Task<TeamsLiveBot> StartAsync()
    {
        var dir = Directory.CreateTempSubdirectory("balkanbot-live-").FullName;
        var settings = TeamsTestKnowledge.Settings(Path.Combine(dir, "app.db"));
        settings["Urls"] = "http://127.0.0.1:0"; // Kestrel picks the port; Url reads back what it bound
        var app = BotHost.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")]);
        await app.StartAsync();
        return new TeamsLiveBot(app, dir, app.Urls.First().TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// A host on 127.0.0.1 that accepts every POST and answers only when released (or never): a dead or stuck Bot
/// Connector. Each arrival is signalled, so tests wait for it rather than sleep.
/// </summary>
public sealed class HangingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _arrived = new(0);
    private int _pending;
    private int _arrivals;

    private HangingServer(WebApplication app) => _app = app;

    public string Url => TestServers.BaseUrl(_app);
    public int Pending => _pending;
    public int Arrivals => _arrivals;

    public static async Task<HangingServer> StartAsync()
    {
        var app = TestServers.Create();
        var server = new HangingServer(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            Interlocked.Increment(ref server._arrivals);
            Interlocked.Increment(ref server._pending);
            server._arrived.Release();
            try
            {
                await server._release.Task.WaitAsync(http.RequestAborted);
                return Results.Json(new { id = "late" });
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
            finally
            {
                Interlocked.Decrement(ref server._pending);
            }
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>Waits until <paramref name="count"/> more requests have arrived.</summary>
    public async Task ArrivedAsync(int count = 1)
    {
        for (var i = 0; i < count; i++)
            if (!await _arrived.WaitAsync(TimeSpan.FromSeconds(15))) throw new TimeoutException($"Only {i} of {count} requests arrived.");
    }

    public void Release() => _release.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.DisposeAsync();
    }
}

/// <summary>A host on 127.0.0.1 that answers every POST with 307 to the same path on another host, and counts them.</summary>
public sealed class RedirectingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, string? Authorization)> _hits = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private RedirectingServer(WebApplication app) => _app = app;

    public string Url => TestServers.BaseUrl(_app);
    public IReadOnlyList<(string Path, string? Authorization)> Hits => [.. _hits];

    public static async Task<RedirectingServer> StartAsync(string target)
    {
        var app = TestServers.Create();
        var server = new RedirectingServer(app);
        app.MapPost("/{**path}", (HttpContext http) =>
        {
            server._hits.Enqueue((http.Request.Path, http.Request.Headers.Authorization.FirstOrDefault()));
            server._arrived.Release();
            http.Response.Headers.Location = target.TrimEnd('/') + http.Request.Path + http.Request.QueryString;
            return Results.StatusCode(StatusCodes.Status307TemporaryRedirect);
        });
        await app.StartAsync();
        return server;
    }

    public async Task ArrivedAsync()
    {
        if (!await _arrived.WaitAsync(TimeSpan.FromSeconds(15))) throw new TimeoutException("No request arrived.");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

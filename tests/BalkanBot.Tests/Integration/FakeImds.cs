using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BalkanBot.Tests.Integration;

/// <summary>
/// A local stand-in for the Azure Instance Metadata Service token endpoint (GET
/// /metadata/identity/oauth2/token): like the real one it refuses requests without "Metadata: true" and answers
/// with expires_in as a string.
/// </summary>
public sealed class FakeImds : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<HttpRequestRecord> _requests = new();

    private FakeImds(WebApplication app) => _app = app;

    public sealed record HttpRequestRecord(string Method, string? Metadata, IReadOnlyDictionary<string, string> Query);

    public string TokenEndpoint => TestServers.BaseUrl(_app) + "/metadata/identity/oauth2/token";
    public IReadOnlyList<HttpRequestRecord> Requests => [.. _requests];

    public static async Task<FakeImds> StartAsync()
    {
        var app = TestServers.Create();
        var fake = new FakeImds(app);
        app.MapMethods("/metadata/identity/oauth2/token", ["GET", "POST"], (HttpContext http) =>
        {
            var query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            fake._requests.Enqueue(new HttpRequestRecord(http.Request.Method, http.Request.Headers["Metadata"], query));
            if (http.Request.Headers["Metadata"] != "true")
                return Results.Json(new { error = "invalid_request", error_description = "Required metadata header not specified" }, statusCode: 400);
            if (http.Request.Method != "GET" || !query.TryGetValue("resource", out _))
                return Results.Json(new { error = "invalid_request" }, statusCode: 400);
            return Results.Json(new Dictionary<string, string>
            {
                ["access_token"] = $"imds-token-{fake._requests.Count}",
                ["client_id"] = query.GetValueOrDefault("client_id", ""),
                ["expires_in"] = "86399",
                ["expires_on"] = "1893456000",
                ["resource"] = query["resource"],
                ["token_type"] = "Bearer",
            });
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

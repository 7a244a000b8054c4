using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace BalkanBot.Tests.Integration;

public sealed record ReceivedActivity(string Path, string ConversationId, string? ReplyToId, string? Authorization, JsonElement Body)
{
    public string? Type => Body.TryGetProperty("type", out var t) ? t.GetString() : null;

    public JsonElement? Card => Body.TryGetProperty("attachments", out var a) && a.GetArrayLength() > 0 ? a[0].GetProperty("content") : null;
}

/// <summary>
/// A Bot Connector on a real port: records what the bot posts and answers with planned statuses
/// (e.g. 429 with Retry-After, then 200) so the bot's retries go over real HTTP.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _plan = new();
    private readonly ConcurrentQueue<ReceivedActivity> _received = new();
    private readonly ConcurrentQueue<DateTimeOffset> _attempts = new();

    private FakeConnector(WebApplication app) => _app = app;

    public string ServiceUrl => TestServers.BaseUrl(_app);
    public IReadOnlyList<ReceivedActivity> Received => [.. _received];
    public IReadOnlyList<DateTimeOffset> Attempts => [.. _attempts];

    public void Plan(int status, string? retryAfter = null) => _plan.Enqueue((status, retryAfter));

    public static async Task<FakeConnector> StartAsync()
    {
        var app = TestServers.Create();
        var fake = new FakeConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (HttpContext http, string conversationId, string? replyToId) =>
        {
            fake._attempts.Enqueue(DateTimeOffset.UtcNow);
            if (fake._plan.TryDequeue(out var planned) && planned.Status >= 300)
            {
                if (planned.RetryAfter is not null) http.Response.Headers.RetryAfter = planned.RetryAfter;
                http.Response.Headers["X-Correlating-OperationId"] = "op-test";
                return Results.StatusCode(planned.Status);
            }
            var body = await JsonDocument.ParseAsync(http.Request.Body);
            fake._received.Enqueue(new ReceivedActivity(http.Request.Path, conversationId, replyToId, http.Request.Headers.Authorization, body.RootElement.Clone()));
            return Results.Json(new { id = $"sent-{fake._received.Count}" });
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>Waits until <paramref name="count"/> activities (typing excluded unless asked) have arrived.</summary>
    public async Task<IReadOnlyList<ReceivedActivity>> WaitForAsync(int count, bool includeTyping = false, int timeoutMs = 15000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (DateTime.UtcNow < until)
        {
            var got = Received.Where(r => includeTyping || r.Type != "typing").ToList();
            if (got.Count >= count) return got;
            await Task.Delay(50);
        }
        return Received.Where(r => includeTyping || r.Type != "typing").ToList();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>
/// A local stand-in for login.botframework.com and the token endpoint: OpenID metadata, a JWKS with one RSA key
/// endorsed for msteams, a client-credentials token endpoint, and minting of real RS256 tokens.
/// </summary>
public sealed class TestIssuer : IAsyncDisposable
{
    private static readonly string[] SigningAlgorithms = ["RS256"];
    private static readonly string[] Endorsements = ["msteams", "webchat"];

    public const string Issuer = "https://api.botframework.com";
    private readonly WebApplication _app;
    private readonly List<(string Kid, RSA Key)> _keys = [("test-signing-key-1", RSA.Create(2048))];
    private int _tokenRequests;
    private int _keyRequests;

    private TestIssuer(WebApplication app) => _app = app;

    /// <summary>The key tokens are signed with (the newest one).</summary>
    public RSA Key => _keys[^1].Key;
    public string KeyId => _keys[^1].Kid;
    public string MetadataUrl => TestServers.BaseUrl(_app) + "/v1/.well-known/openidconfiguration";
    public string TokenUrl => TestServers.BaseUrl(_app) + "/token";
    public int TokenRequests => _tokenRequests;
    public int KeyRequests => _keyRequests;
    public string? LastTokenForm { get; private set; }

    /// <summary>Key rollover: a new signing key replaces the old one in the JWKS.</summary>
    public void Rotate()
    {
        lock (_keys)
        {
            _keys.Add(($"test-signing-key-{_keys.Count + 1}", RSA.Create(2048)));
            _keys.RemoveAt(0);
        }
    }

    public static async Task<TestIssuer> StartAsync()
    {
        var app = TestServers.Create();
        var issuer = new TestIssuer(app);
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = TestServers.BaseUrl(app) + "/v1/keys",
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
        }));
        app.MapGet("/v1/keys", () =>
        {
            Interlocked.Increment(ref issuer._keyRequests);
            lock (issuer._keys)
                return Results.Json(new
                {
                    keys = issuer._keys.Select(k =>
                    {
                        var p = k.Key.ExportParameters(false);
                        return new { kty = "RSA", use = "sig", kid = k.Kid, alg = "RS256", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent), endorsements = Endorsements };
                    }).ToList(),
                });
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref issuer._tokenRequests);
            issuer.LastTokenForm = await new StreamReader(request.Body).ReadToEndAsync();
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "outbound-token-1" });
        });
        await app.StartAsync();
        return issuer;
    }

    public string Mint(string audience, string serviceUrl, string issuer = Issuer, DateTime? expires = null, DateTime? notBefore = null, RSA? signWith = null)
    {
        var now = DateTime.UtcNow;
        var key = new RsaSecurityKey(signWith ?? Key) { KeyId = KeyId };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(30),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl, ["appid"] = "channel-app" },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        foreach (var (_, key) in _keys) key.Dispose();
    }
}

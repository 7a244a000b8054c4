using System.Net.Http.Json;
using BalkanBot.Diagnostics;
using Microsoft.Extensions.Options;

namespace BalkanBot.Channels.Teams;

/// <summary>
/// The bot's outbound token for Bot Connector calls: client credentials (or managed identity), cached until five
/// minutes before expiry, fetched by one caller at a time while the others wait for its result.
/// </summary>
public sealed class BotTokenClient : IDisposable
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);
    private readonly TeamsOptions _options;
    private readonly Func<HttpClient> _http;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;

    public BotTokenClient(IOptions<TeamsOptions> options, IHttpClientFactory http, TimeProvider clock, ILogger<BotTokenClient> log)
        : this(options.Value, () => http.CreateClient(TeamsChannel.AuthClient), clock, log)
    {
    }

    internal BotTokenClient(TeamsOptions options, HttpClient http, TimeProvider clock, ILogger<BotTokenClient> log)
        : this(options, () => http, clock, log)
    {
    }

    private BotTokenClient(TeamsOptions options, Func<HttpClient> http, TimeProvider clock, ILogger<BotTokenClient> log)
    {
        _options = options;
        _http = http;
        _clock = clock;
        _log = log;
    }

    /// <summary>Null when the bot has no app id: local tools accept unauthenticated replies.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (!_options.AuthEnabled) return null;
        if (Fresh() is { } token) return token;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have renewed it while this one waited.
            if (Fresh() is { } renewed) return renewed;
            var (value, lifetime) = await FetchAsync(cancellationToken).ConfigureAwait(false);
            // Short-lived tokens renew at half-life, so a 2-minute token is not refetched on every call.
            _cached = (value, _clock.GetUtcNow() + lifetime - TimeSpan.FromTicks(Math.Min(RenewBefore.Ticks, lifetime.Ticks / 2)));
            Log.TeamsTokenAcquired(_log, (int)lifetime.TotalSeconds);
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>False without an app id: no token is sent, so a 401 is not ours to fix.</summary>
    public bool Enabled => _options.AuthEnabled;

    /// <summary>After a 401 from the connector: the cached token is no good, get a new one next time.</summary>
    public void Invalidate() => _cached = null;

    private string? Fresh() => _cached is { } c && c.RenewAt > _clock.GetUtcNow() ? c.Token : null;

    private async Task<(string Token, TimeSpan Lifetime)> FetchAsync(CancellationToken cancellationToken)
    {
        // A user-assigned managed identity asks the instance metadata endpoint (GET, Metadata: true) and holds no secret.
        using var request = new HttpRequestMessage(_options.UsesManagedIdentity ? HttpMethod.Get : HttpMethod.Post, _options.TokenUrl);
        if (request.Method == HttpMethod.Get)
            request.Headers.Add("Metadata", "true");
        else
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = _options.AppId!,
                ["client_secret"] = _options.AppPassword ?? "",
                ["scope"] = TeamsOptions.Scope,
            });
        using var response = await _http().SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // The body can echo the client id and describe the failure, but never holds the secret; the status is enough.
            throw new HttpRequestException($"Token endpoint answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
        var body = await response.Content.ReadFromJsonAsync(TeamsJson.Inbound.TypeInfo<TokenResponse>(), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(body?.AccessToken)) throw new HttpRequestException("Token endpoint returned no access_token.");
        return (body.AccessToken, TimeSpan.FromSeconds(Math.Clamp(body.ExpiresIn ?? 3600, 60, 24 * 3600)));
    }

    public void Dispose() => _gate.Dispose();
}

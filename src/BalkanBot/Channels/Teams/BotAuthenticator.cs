using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace BalkanBot.Channels.Teams;

/// <summary>A caller whose token passed: what the token says the activity may claim.</summary>
public sealed record BotCaller(string? ServiceUrl, IReadOnlyList<string> Endorsements);

/// <summary>Result of checking a request; <see cref="Reason"/> is for logs and never contains the token.</summary>
public sealed record BotAuthResult(BotCaller? Caller, string? Reason, bool Unavailable = false)
{
    public bool Ok => Caller is not null;
    public static BotAuthResult Fail(string reason) => new(null, reason);
}

/// <summary>
/// Checks inbound requests as the Bot Connector authentication spec describes: an RS256 JWT signed by a key from
/// the OpenID metadata, issuer api.botframework.com, audience our app id, lifetime with 5 minutes of skew; then the
/// token's serviceurl claim must equal the activity's serviceUrl and the key must be endorsed for its channelId.
/// </summary>
public sealed class BotAuthenticator : IDisposable
{
    private readonly TeamsOptions _options;
    private readonly BotSigningKeysCache _keys;
    private readonly JsonWebTokenHandler _handler = new();

    public BotAuthenticator(IOptions<TeamsOptions> options, IHttpClientFactory http, TimeProvider clock)
        : this(options.Value, http.CreateClient(TeamsChannel.AuthClient), clock)
    {
    }

    internal BotAuthenticator(TeamsOptions options, HttpClient http, TimeProvider clock)
    {
        _options = options;
        var documents = new HttpDocumentRetriever(http) { RequireHttps = options.OpenIdMetadataUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase) };
        _keys = new BotSigningKeysCache(options.OpenIdMetadataUrl, documents, clock);
    }

    public bool Enabled => _options.AuthEnabled;

    public async Task<BotAuthResult> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return BotAuthResult.Fail("no bearer token");
        var token = authorization["Bearer ".Length..].Trim();
        if (!_handler.CanReadToken(token)) return BotAuthResult.Fail("token is not a JWT");

        try
        {
            var keys = await _keys.GetAsync(refresh: false, cancellationToken).ConfigureAwait(false);
            var result = await _handler.ValidateTokenAsync(token, Parameters(keys)).ConfigureAwait(false);
            if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
            {
                // A key id we do not know: the connector may have rolled its keys since our last fetch.
                keys = await _keys.GetAsync(refresh: true, cancellationToken).ConfigureAwait(false);
                result = await _handler.ValidateTokenAsync(token, Parameters(keys)).ConfigureAwait(false);
            }
            if (!result.IsValid) return BotAuthResult.Fail(Describe(result.Exception));
            var jwt = (JsonWebToken)result.SecurityToken;
            if (string.IsNullOrEmpty(jwt.Kid) || !keys.Endorsements.TryGetValue(jwt.Kid, out var endorsements))
                return BotAuthResult.Fail("signing key has no endorsements");
            var serviceUrl = jwt.TryGetPayloadValue<string>("serviceurl", out var s) ? s : null;
            return new BotAuthResult(new BotCaller(serviceUrl, endorsements), null);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException or JsonException or ArgumentException)
        {
            // No keys at all (metadata unreachable or malformed): our problem, not the caller's.
            return new BotAuthResult(null, $"signing keys unavailable ({ex.GetType().Name})", Unavailable: true);
        }
    }

    /// <summary>The activity-level checks, once the body is parsed: null when the activity may be processed.</summary>
    public static string? CheckActivity(BotCaller caller, Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ChannelId) || !caller.Endorsements.Contains(activity.ChannelId, StringComparer.Ordinal))
            return "signing key is not endorsed for the activity's channel";
        if (caller.ServiceUrl is null || activity.ServiceUrl is null ||
            !string.Equals(caller.ServiceUrl.TrimEnd('/'), activity.ServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            return "serviceUrl does not match the token's serviceurl claim";
        return null;
    }

    private TokenValidationParameters Parameters(BotSigningKeys keys) => new()
    {
        ValidIssuers = _options.Issuers,
        ValidAudience = _options.AppId,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = TimeSpan.FromMinutes(5),
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        IssuerSigningKeys = keys.Keys,
    };

    private static string Describe(Exception? ex) => ex switch
    {
        SecurityTokenExpiredException => "token expired",
        SecurityTokenNotYetValidException => "token not yet valid",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        SecurityTokenSignatureKeyNotFoundException => "unknown signing key",
        SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenNoExpirationException => "token has no expiry",
        null => "invalid token",
        _ => ex.GetType().Name,
    };

    public void Dispose() => _keys.Dispose();
}

using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace BalkanBot.Channels.Teams;

/// <summary>The Bot Connector's signing keys and, per key id, the channels each key is endorsed for.</summary>
public sealed record BotSigningKeys(IReadOnlyList<SecurityKey> Keys, IReadOnlyDictionary<string, IReadOnlyList<string>> Endorsements);

/// <summary>
/// Reads the OpenID metadata, then its jwks_uri. Written by hand because the stock OpenID retriever drops the
/// non-standard <c>endorsements</c> array that says which channels (msteams, webchat...) may use a key.
/// <see cref="BotSigningKeysCache"/> caches the result and refreshes it.
/// </summary>
internal sealed class BotSigningKeysRetriever : IConfigurationRetriever<BotSigningKeys>
{
    public async Task<BotSigningKeys> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var metadata = await retriever.GetDocumentAsync(address, cancel).ConfigureAwait(false);
        string jwksUri;
        using (var doc = JsonDocument.Parse(metadata))
        {
            jwksUri = doc.RootElement.TryGetProperty("jwks_uri", out var j) && j.ValueKind == JsonValueKind.String
                ? j.GetString()!
                : throw new InvalidOperationException("OpenID metadata has no jwks_uri.");
        }
        var jwks = await retriever.GetDocumentAsync(jwksUri, cancel).ConfigureAwait(false);
        var set = new JsonWebKeySet(jwks);
        var endorsements = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using (var doc = JsonDocument.Parse(jwks))
        {
            if (doc.RootElement.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array)
                foreach (var key in keys.EnumerateArray())
                {
                    if (!key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String) continue;
                    endorsements[kid.GetString()!] = key.TryGetProperty("endorsements", out var e) && e.ValueKind == JsonValueKind.Array
                        ? e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
                        : [];
                }
        }
        return new BotSigningKeys(set.GetSigningKeys().ToList(), endorsements);
    }
}

/// <summary>
/// Caches the signing keys: refetched after 12 h (the spec asks for at least daily), or at once when a token names
/// a key we do not have (rollover), but such forced refetches at most every 5 minutes so tokens with made-up key
/// ids cannot hammer the metadata endpoint. A failed refetch keeps serving the last good keys.
/// (Microsoft.IdentityModel's ConfigurationManager refreshes in the background on request, so the token that
/// revealed the rollover would still fail; this cache refetches before answering.)
/// </summary>
internal sealed class BotSigningKeysCache(string metadataUrl, IDocumentRetriever documents, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);
    public static readonly TimeSpan MinForcedInterval = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly BotSigningKeysRetriever _retriever = new();
    private BotSigningKeys? _keys;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset _lastForced = DateTimeOffset.MinValue;

    public async Task<BotSigningKeys> GetAsync(bool refresh, CancellationToken cancellationToken)
    {
        var asked = clock.GetUtcNow();
        if (Usable(refresh, asked) is { } keys) return keys;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have fetched while this one waited.
            if (Usable(refresh, asked) is { } fetched) return fetched;
            try
            {
                _keys = await _retriever.GetConfigurationAsync(metadataUrl, documents, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (_keys is not null)
            {
                // Keep the last good keys; the next call past MaxAge tries again.
            }
            _fetchedAt = clock.GetUtcNow();
            if (refresh) _lastForced = _fetchedAt;
            return _keys!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private BotSigningKeys? Usable(bool refresh, DateTimeOffset asked)
    {
        if (_keys is null) return null;
        if (_fetchedAt >= asked) return _keys; // fetched after this call began: as fresh as it gets
        if (clock.GetUtcNow() - _fetchedAt >= MaxAge) return null;
        if (refresh && clock.GetUtcNow() - _lastForced >= MinForcedInterval) return null;
        return _keys;
    }

    public void Dispose() => _gate.Dispose();
}

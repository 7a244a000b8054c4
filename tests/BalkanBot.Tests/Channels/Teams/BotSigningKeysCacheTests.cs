using System.Security.Cryptography;
using BalkanBot.Channels.Teams;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace BalkanBot.Tests.Channels.Teams;

public sealed class BotSigningKeysCacheTests
{
    private const string Metadata = "https://login.example/v1/.well-known/openidconfiguration";

    private static readonly DateTimeOffset Start = new(2025, 5, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Serves metadata and a JWKS whose key id changes with every fetch; can be made to fail.</summary>
    private sealed class Documents : IDocumentRetriever
    {
        private static readonly RSA Rsa = RSA.Create(2048);

        public int JwksFetches { get; private set; }
        public bool Fail { get; set; }

        public Task<string> GetDocumentAsync(string address, CancellationToken cancel)
        {
            if (Fail) throw new IOException("unreachable");
            if (address == Metadata) return Task.FromResult("""{"issuer":"https://api.botframework.com","jwks_uri":"https://login.example/v1/keys"}""");
            JwksFetches++;
            var p = Rsa.ExportParameters(false);
            return Task.FromResult($$"""{"keys":[{"kty":"RSA","use":"sig","kid":"k{{JwksFetches}}","n":"{{Base64UrlEncoder.Encode(p.Modulus)}}","e":"{{Base64UrlEncoder.Encode(p.Exponent)}}","endorsements":["msteams"]}]}""");
        }
    }

    private static (BotSigningKeysCache Cache, Documents Docs, FakeTimeProvider Clock) Create()
    {
        var docs = new Documents();
        var clock = new FakeTimeProvider(Start);
        return (new BotSigningKeysCache(Metadata, docs, clock), docs, clock);
    }

    [Fact]
    public async Task Get_Repeatedly_FetchesOnceWithEndorsements()
    {
        var (cache, docs, _) = Create();

        await cache.GetAsync(false, CancellationToken.None);
        var keys = await cache.GetAsync(false, CancellationToken.None);

        Assert.Equal(1, docs.JwksFetches);
        Assert.Equal(["msteams"], keys.Endorsements["k1"]);
        Assert.Single(keys.Keys);
    }

    [Fact]
    public async Task Get_After12Hours_Refetches()
    {
        var (cache, docs, clock) = Create();
        await cache.GetAsync(false, CancellationToken.None);

        clock.Advance(BotSigningKeysCache.MaxAge);

        Assert.Contains("k2", (await cache.GetAsync(false, CancellationToken.None)).Endorsements.Keys);
    }

    [Fact]
    public async Task Refresh_ForcedTwiceWithin5Minutes_SecondServedFromCache()
    {
        var (cache, docs, clock) = Create();
        await cache.GetAsync(false, CancellationToken.None);

        await cache.GetAsync(true, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        await cache.GetAsync(true, CancellationToken.None);
        Assert.Equal(2, docs.JwksFetches);

        clock.Advance(BotSigningKeysCache.MinForcedInterval);
        await cache.GetAsync(true, CancellationToken.None);
        Assert.Equal(3, docs.JwksFetches);
    }

    [Fact]
    public async Task Refresh_EndpointDown_KeepsLastGoodKeys()
    {
        var (cache, docs, clock) = Create();
        await cache.GetAsync(false, CancellationToken.None);
        docs.Fail = true;
        clock.Advance(BotSigningKeysCache.MaxAge);

        var keys = await cache.GetAsync(false, CancellationToken.None);

        Assert.Contains("k1", keys.Endorsements.Keys);
    }

    [Fact]
    public async Task Get_FirstFetchFails_Throws()
    {
        var (cache, docs, _) = Create();
        docs.Fail = true;

        await Assert.ThrowsAsync<IOException>(() => cache.GetAsync(false, CancellationToken.None));
    }
}

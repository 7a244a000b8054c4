using System.Collections.Concurrent;
using System.Net;
using BalkanBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BalkanBot.Tests.Hosting;

/// <summary>The shared outbound pipeline: per-host concurrency, a short first attempt, longer retries.</summary>
public sealed class OutboundHttpTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly OutboundPolicy Policy = new(MaxAttempts: 3, FirstAttemptTimeout: TimeSpan.FromSeconds(3),
        RetryAttemptTimeout: TimeSpan.FromSeconds(8), TotalTimeout: TimeSpan.FromSeconds(60), BaseDelay: TimeSpan.Zero,
        MaxRetryAfter: TimeSpan.FromSeconds(10), PerHostConcurrency: 2, PerHostQueue: 100);

    /// <summary>Stands in for the network: requests to a host named "slow…" wait until released or cancelled.</summary>
    private sealed class Network : HttpMessageHandler
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;

        public int MaxInFlight { get; private set; }
        public ConcurrentQueue<CancellationToken> SlowCalls { get; } = new();
        public SemaphoreSlim SlowArrived { get; } = new(0);

        public void Release() => _release.TrySetResult();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.RequestUri!.Host.StartsWith("slow", StringComparison.Ordinal)) return new HttpResponseMessage(HttpStatusCode.OK);
            lock (this) MaxInFlight = Math.Max(MaxInFlight, ++_inFlight);
            try
            {
                SlowCalls.Enqueue(cancellationToken);
                SlowArrived.Release();
                await _release.Task.WaitAsync(cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.OK);
            }
            finally
            {
                lock (this) _inFlight--;
            }
        }
    }

    private static HttpClient Client(Network network, TimeProvider? clock = null)
    {
        var services = new ServiceCollection().AddLogging();
        if (clock is not null) services.AddSingleton(clock);
        services.AddOutboundHttpClient("test", _ => Policy).ConfigurePrimaryHttpMessageHandler(() => network);
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient("test");
    }

    [Fact]
    public async Task Send_SlowHost_AtMostItsLimitInFlightAndOtherHostsUnaffected()
    {
        var network = new Network();
        var client = Client(network);

        var slow = Enumerable.Range(0, 5).Select(i => client.GetAsync($"http://slow.test/{i}")).ToList();
        for (var i = 0; i < Policy.PerHostConcurrency; i++) Assert.True(await network.SlowArrived.WaitAsync(Wait));
        using var other = await client.GetAsync("http://fast.test/").WaitAsync(Wait);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(Policy.PerHostConcurrency, network.MaxInFlight);
        network.Release();
        foreach (var r in await Task.WhenAll(slow).WaitAsync(Wait)) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(Policy.PerHostConcurrency, network.MaxInFlight);
    }

    [Fact]
    public async Task Send_HostNeverAnswers_FirstAttemptCutShortRetriesGetLonger()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var network = new Network();
        var call = Client(network, clock).GetAsync("http://slow.test/");

        Assert.True(await network.SlowArrived.WaitAsync(Wait));
        clock.Advance(Policy.FirstAttemptTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(network.SlowCalls.ElementAt(0).IsCancellationRequested);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(network.SlowCalls.ElementAt(0).IsCancellationRequested);

        Assert.True(await network.SlowArrived.WaitAsync(Wait)); // the retry
        clock.Advance(Policy.FirstAttemptTimeout);
        Assert.False(network.SlowCalls.ElementAt(1).IsCancellationRequested);
        clock.Advance(Policy.RetryAttemptTimeout - Policy.FirstAttemptTimeout);
        Assert.True(network.SlowCalls.ElementAt(1).IsCancellationRequested);

        Assert.True(await network.SlowArrived.WaitAsync(Wait)); // the last attempt
        clock.Advance(Policy.RetryAttemptTimeout);
        await Assert.ThrowsAsync<Polly.Timeout.TimeoutRejectedException>(() => call.WaitAsync(Wait));
        Assert.Equal(Policy.MaxAttempts, network.SlowCalls.Count);
    }
}

using System.Net;
using BalkanBot.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.RateLimiting;
using Polly.Timeout;

namespace BalkanBot.Hosting;

/// <summary>
/// How one kind of outbound call behaves. The first attempt gets a short timeout, so a dead host costs a turn
/// little; only retries, which follow a sign of life or a transient error, get longer.
/// </summary>
/// <param name="MaxAttempts">Attempts per call, the first included.</param>
/// <param name="FirstAttemptTimeout">The first attempt's limit.</param>
/// <param name="RetryAttemptTimeout">Each retry's limit.</param>
/// <param name="TotalTimeout">The whole call, waits between attempts and for a free slot included.</param>
/// <param name="BaseDelay">Backoff before the first retry when the server gives no Retry-After (doubling, jittered).</param>
/// <param name="MaxRetryAfter">A Retry-After longer than this is not waited for: the call fails at once.</param>
/// <param name="PerHostConcurrency">Requests in flight to one host (scheme, name and port); the rest wait their turn.</param>
/// <param name="PerHostQueue">Requests waiting for one host; beyond it a call fails at once rather than piling up.</param>
/// <param name="RetryPreconditionFailed">The Bot Connector answers 412 for a transient conflict; it is worth a retry there.</param>
public sealed record OutboundPolicy(int MaxAttempts, TimeSpan FirstAttemptTimeout, TimeSpan RetryAttemptTimeout, TimeSpan TotalTimeout,
    TimeSpan BaseDelay, TimeSpan MaxRetryAfter, int PerHostConcurrency, int PerHostQueue, bool RetryPreconditionFailed = false);

/// <summary>
/// The one way the bot calls out over HTTP (Bot Connector, Slack Web API, Slack response_url): an
/// <see cref="IHttpClientFactory"/> client with a resilience pipeline per host. Retries transient failures (408,
/// 429, 5xx, timeouts, connection errors) honouring Retry-After; limits concurrency per host, so one slow or dead
/// host queues only its own calls; never follows redirects, because these clients carry bearer tokens or post to
/// URLs the caller chose, and a 3xx is a failure like any other non-success.
/// </summary>
public static class OutboundHttp
{
    private static readonly ResiliencePropertyKey<int> Attempt = new("BalkanBot.Attempt");

    /// <param name="policy">Read when the client is first used, so options bound from configuration are in place.</param>
    public static IHttpClientBuilder AddOutboundHttpClient(this IServiceCollection services, string name, Func<IServiceProvider, OutboundPolicy> policy)
    {
        var client = services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan) // the pipeline's timeouts rule
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = policy(sp).FirstAttemptTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5), // DNS changes are picked up
            });
        client.AddResilienceHandler(name, (pipeline, context) =>
        {
            var log = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("BalkanBot.Outbound");
            Configure(pipeline, policy(context.ServiceProvider), name, log);
        }).SelectPipelineByAuthority();
        return client;
    }

    internal static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, OutboundPolicy policy, string name, ILogger log)
    {
        pipeline
            .AddTimeout(policy.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(0, policy.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = policy.BaseDelay,
                MaxDelay = policy.MaxRetryAfter,
                ShouldRetryAfterHeader = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, policy)),
                OnRetry = args =>
                {
                    args.Context.Properties.Set(Attempt, args.AttemptNumber + 2);
                    var status = args.Outcome.Result is { } r ? (int)r.StatusCode : 0;
                    Log.OutboundRetry(log, name, args.AttemptNumber + 1, status, args.Outcome.Exception?.GetType().Name ?? "", (long)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            })
            .AddConcurrencyLimiter(policy.PerHostConcurrency, policy.PerHostQueue)
            .AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(
                    args.Context.Properties.GetValue(Attempt, 1) > 1 ? policy.RetryAttemptTimeout : policy.FirstAttemptTimeout),
            });
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, OutboundPolicy policy)
    {
        if (outcome.Exception is RateLimiterRejectedException) return false; // the host's queue is full: more tries make it worse
        if (outcome.Result is { } response)
        {
            if (response.Headers.RetryAfter is { } ra && RetryAfter(ra) > policy.MaxRetryAfter) return false;
            if (policy.RetryPreconditionFailed && response.StatusCode == HttpStatusCode.PreconditionFailed) return true;
        }
        return HttpClientResiliencePredicates.IsTransient(outcome);
    }

    private static TimeSpan RetryAfter(System.Net.Http.Headers.RetryConditionHeaderValue value) =>
        value.Delta ?? (value.Date is { } at ? at - DateTimeOffset.UtcNow : TimeSpan.Zero);

    /// <summary>True when a failed call should be reported as "did not answer" (timeouts, full queues, network errors).</summary>
    public static bool IsNoAnswer(Exception ex, CancellationToken callerToken) =>
        ex is HttpRequestException or TimeoutRejectedException or RateLimiterRejectedException
        || (ex is OperationCanceledException && !callerToken.IsCancellationRequested);
}

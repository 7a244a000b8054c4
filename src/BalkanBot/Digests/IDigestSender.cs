using BalkanBot.Answers;

namespace BalkanBot.Digests;

/// <summary>Delivers a digest to one channel (Teams, Slack). One implementation per channel, plus fakes in tests.</summary>
public interface IDigestSender
{
    /// <summary>"teams" or "slack": the value of <see cref="Subscription.Channel"/> this sender serves.</summary>
    string Channel { get; }

    /// <summary>Least time between two messages to one conversation (Slack: about one per second per channel).</summary>
    TimeSpan MinInterval { get; }

    /// <summary>Posts the digest; the key is stable per (subscription, period) and travels with the message.</summary>
    Task<SendResult> SendAsync(ConversationReference target, Digest digest, string deliveryKey, CancellationToken ct);

    /// <summary>
    /// After a crash between sending and recording, asks the channel whether the message with this key arrived
    /// (posted at or after <paramref name="notBefore"/>). Channels that cannot be asked answer Unknown.
    /// </summary>
    Task<CheckResult> FindAsync(ConversationReference target, string deliveryKey, DateTimeOffset notBefore, CancellationToken ct);
}

public enum SendStatus
{
    Sent,
    /// <summary>Throttled or a transient failure: try again after RetryAfter (if given) or a backoff.</summary>
    Retry,
    /// <summary>The conversation is gone or the bot was removed: stop sending there.</summary>
    Gone,
    /// <summary>The request itself is wrong (too large, malformed): retrying will not help.</summary>
    Failed,
}

public sealed record SendResult(SendStatus Status, string? ExternalId = null, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static SendResult Ok(string? externalId) => new(SendStatus.Sent, externalId);
}

public enum CheckStatus { Found, NotFound, Unknown }

public sealed record CheckResult(CheckStatus Status, string? ExternalId = null)
{
    public static CheckResult Unknown { get; } = new(CheckStatus.Unknown);
    public static CheckResult NotFound { get; } = new(CheckStatus.NotFound);
}

using BalkanBot.Answers;
using BalkanBot.Diagnostics;
using Microsoft.Extensions.Options;

namespace BalkanBot.Digests;

public sealed partial class DigestRunner
{
    /// <summary>Longest Retry-After honoured inline; a channel asking for more is treated as this.</summary>
    internal static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StaleRetry = TimeSpan.FromMinutes(5);

    private async Task<Outcome> DeliverAsync(DigestDelivery d, Subscription? sub, Pacer pacer, CancellationToken ct)
    {
        if (sub is not { Active: true })
        {
            await store.CompleteAsync(d.Id, DeliveryStatus.Cancelled, null, "subscription no longer active", clock.GetUtcNow(), ct).ConfigureAwait(false);
            return Outcome.Cancelled;
        }
        if (!_senders.TryGetValue(sub.Channel, out var sender))
        {
            Log.DigestNoSender(log, d.Id, sub.Channel);
            await store.CompleteAsync(d.Id, DeliveryStatus.Failed, null, $"no sender for channel {sub.Channel}", clock.GetUtcNow(), ct).ConfigureAwait(false);
            Delivered(sub, Telemetry.Outcomes.Failed);
            return Outcome.Failed;
        }
        var target = await store.GetReferenceAsync(sub.Channel, sub.ConversationId, ct).ConfigureAwait(false)
                     ?? new ConversationReference(sub.Channel, sub.ConversationId);
        if (!await store.TryClaimAsync(d, clock.GetUtcNow(), _options.Lease, ct).ConfigureAwait(false)) return Outcome.Busy;

        if (d.Status == DeliveryStatus.Sending && d.InFlight)
        {
            // A process died with this request on the wire. Only send again when the channel says it never arrived.
            var check = await sender.FindAsync(target, d.Key, d.Period, ct).ConfigureAwait(false);
            switch (check.Status)
            {
                case CheckStatus.Found:
                    await store.CompleteAsync(d.Id, DeliveryStatus.Sent, check.ExternalId, null, clock.GetUtcNow(), ct).ConfigureAwait(false);
                    Log.DigestInDoubtConfirmed(log, d.Id, check.ExternalId);
                    return Outcome.Sent;
                case CheckStatus.Unknown:
                    await store.CompleteAsync(d.Id, DeliveryStatus.Sent, null, "in doubt after a restart; not resent", clock.GetUtcNow(), ct).ConfigureAwait(false);
                    Log.DigestInDoubtAssumedSent(log, d.Id, sub.Channel);
                    return Outcome.InDoubt;
                default:
                    Log.DigestInDoubtResend(log, d.Id);
                    break;
            }
        }

        Digest digest;
        DigestSchedule? schedule;
        try
        {
            schedule = _schedules.GetValueOrDefault(sub.Schedule);
            var changes = await store.ChangesAsync(d.Since, d.Period, ct).ConfigureAwait(false);
            var stale = changes.Count(c => !composer.Serves(c));
            var now = clock.GetUtcNow();
            if (stale > 0 && now - d.Period < _options.StaleKnowledgeWait)
            {
                // Sending now would drop those records for good: the next digest starts where this one ends.
                await store.DeferAsync(d.Id, now + StaleRetry, $"{stale} recorded change(s) not in the served knowledge base", now, ct).ConfigureAwait(false);
                Log.DigestWaitingForKnowledge(log, d.Id, stale);
                return Outcome.Deferred;
            }
            digest = composer.Compose(changes, sub.Filter, d.Since, d.Period, sub.Schedule, schedule?.Zone ?? DefaultZone());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing reached the channel, so failing here cannot duplicate; the window folds into the next digest.
            await store.CompleteAsync(d.Id, DeliveryStatus.Failed, null, "compose: " + ex.Message, clock.GetUtcNow(), ct).ConfigureAwait(false);
            Log.DigestFailed(log, d.Id, d.Attempts + 1, ex.Message);
            Delivered(sub, Telemetry.Outcomes.Failed);
            return Outcome.Failed;
        }
        if (digest.IsEmpty && schedule?.SendEmpty != true)
        {
            await store.CompleteAsync(d.Id, DeliveryStatus.Skipped, null, null, clock.GetUtcNow(), ct).ConfigureAwait(false);
            Log.DigestSkippedEmpty(log, sub.Id, d.Period);
            return Outcome.Skipped;
        }
        return await SendWithRetriesAsync(d, sub, sender, target, digest, pacer, ct).ConfigureAwait(false);
    }

    private static void Delivered(Subscription sub, string outcome) => Telemetry.DigestDeliveries.Add(1,
        new KeyValuePair<string, object?>(Telemetry.Tags.Channel, sub.Channel), new KeyValuePair<string, object?>(Telemetry.Tags.Outcome, outcome));

    private async Task<Outcome> SendWithRetriesAsync(DigestDelivery d, Subscription sub, IDigestSender sender, ConversationReference target,
        Digest digest, Pacer pacer, CancellationToken ct)
    {
        for (var attempt = d.Attempts + 1; ; attempt++)
        {
            SendResult result;
            await pacer.WaitAsync(sender.MinInterval, ct).ConfigureAwait(false);
            await store.SetInFlightAsync(d.Id, true, ct).ConfigureAwait(false);
            try
            {
                result = await sender.SendAsync(target, digest, d.Key, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
            {
                result = new SendResult(SendStatus.Retry, Error: ex.GetType().Name + ": " + ex.Message);
            }
            pacer.Posted(); // an attempt counts against the channel's rate limit whether or not it went through
            var now = clock.GetUtcNow();
            switch (result.Status)
            {
                case SendStatus.Sent:
                    if (AfterSendBeforeRecord is { } hook) await hook(d).ConfigureAwait(false);
                    await store.CompleteAsync(d.Id, DeliveryStatus.Sent, result.ExternalId, null, now, ct).ConfigureAwait(false);
                    Log.DigestSent(log, sub.Id, sub.Channel, sub.ConversationId, d.Period, digest.ItemCount, result.ExternalId);
                    Delivered(sub, Telemetry.Outcomes.Sent);
                    return Outcome.Sent;
                case SendStatus.Gone:
                    var reason = result.Error ?? "the channel says the conversation is gone";
                    await store.DeactivateAsync(sub.Id, reason, now, ct).ConfigureAwait(false);
                    await store.CompleteAsync(d.Id, DeliveryStatus.Cancelled, null, reason, now, ct).ConfigureAwait(false);
                    Log.SubscriptionDeactivated(log, sub.Id, sub.Channel, sub.ConversationId, reason);
                    Delivered(sub, Telemetry.Outcomes.Deactivated);
                    return Outcome.Cancelled;
                case SendStatus.Failed:
                    await store.CompleteAsync(d.Id, DeliveryStatus.Failed, null, result.Error, now, ct).ConfigureAwait(false);
                    Log.DigestFailed(log, d.Id, attempt, result.Error);
                    Delivered(sub, Telemetry.Outcomes.Failed);
                    return Outcome.Failed;
            }
            if (attempt >= _options.MaxAttempts)
            {
                await store.CompleteAsync(d.Id, DeliveryStatus.Failed, null, result.Error, now, ct).ConfigureAwait(false);
                Log.DigestFailed(log, d.Id, attempt, result.Error);
                Delivered(sub, Telemetry.Outcomes.Failed);
                return Outcome.Failed;
            }
            var delay = Backoff(attempt, result.RetryAfter, Random.Shared);
            Log.DigestRetry(log, d.Id, attempt, result.Error, (long)delay.TotalMilliseconds);
            // Keep the claim through the wait, so no other worker picks the row up meanwhile.
            await store.RecordAttemptAsync(d.Id, result.Error, now, delay + _options.Lease, ct).ConfigureAwait(false);
            await Task.Delay(delay, clock, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Retry-After when the channel gives one (plus up to 10% so many throttled senders do not return in step),
    /// otherwise exponential backoff from 1 s, capped at a minute, with half of it random ("equal jitter").
    /// </summary>
    internal static TimeSpan Backoff(int attempt, TimeSpan? retryAfter, Random random)
    {
        if (retryAfter is { } ra && ra > TimeSpan.Zero)
        {
            var wait = ra > MaxWait ? MaxWait : ra;
            return wait + TimeSpan.FromMilliseconds(random.NextDouble() * wait.TotalMilliseconds * 0.1);
        }
        var cap = Math.Min(60_000, 1000 * Math.Pow(2, Math.Max(0, attempt - 1)));
        return TimeSpan.FromMilliseconds(cap / 2 + random.NextDouble() * cap / 2);
    }

    private TimeZoneInfo DefaultZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(_options.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
}

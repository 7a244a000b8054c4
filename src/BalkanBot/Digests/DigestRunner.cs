using System.Collections.Concurrent;
using BalkanBot.Answers;
using BalkanBot.Diagnostics;
using Microsoft.Extensions.Options;

namespace BalkanBot.Digests;

public sealed record RunSummary(int Opened, int Sent, int Skipped, int Failed, int Cancelled, int InDoubt);

/// <summary>
/// One pass over what is due: open a delivery row for every subscription whose period has come, then deliver every
/// ready row. The in-process loop and `balkanbot digest run-due` both call <see cref="RunDueAsync"/>.
/// Exactly once: the row is written before sending, claimed with a lease while sending, flagged "in flight" only
/// while a request is on the wire, and marked sent after. A row a dead process left claimed is simply resumed when
/// nothing was on the wire; when something was, the channel is asked (Slack), or, where it cannot be asked
/// (Teams), the row is not sent again.
/// </summary>
public sealed partial class DigestRunner(IDigestStore store, DigestComposer composer, IEnumerable<IDigestSender> senders,
    IOptions<DigestOptions> digestOptions, TimeProvider clock, ILogger<DigestRunner> log)
{
    private readonly DigestOptions _options = digestOptions.Value;
    private readonly IReadOnlyDictionary<string, DigestSchedule> _schedules = digestOptions.Value.BuildSchedules();

    // One sender per channel; of two for a channel the one registered last (a test's fake) wins.
    private readonly Dictionary<string, IDigestSender> _senders = senders.GroupBy(s => s.Channel, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<long, bool> _warnedSchedules = new();

    /// <summary>Test seam: runs after the channel accepted a message and before the row is marked sent (a crash there).</summary>
    internal Func<DigestDelivery, Task>? AfterSendBeforeRecord { get; set; }

    public IReadOnlyDictionary<string, DigestSchedule> Schedules => _schedules;

    public async Task<RunSummary> RunDueAsync(CancellationToken ct = default)
    {
        var opened = await OpenDueAsync(ct).ConfigureAwait(false);
        var ready = await store.ReadyDeliveriesAsync(clock.GetUtcNow(), ct).ConfigureAwait(false);
        var subscriptions = new Dictionary<long, Subscription?>();
        foreach (var id in ready.Select(d => d.SubscriptionId).Distinct())
            subscriptions[id] = await store.GetSubscriptionAsync(id, ct).ConfigureAwait(false);

        var outcomes = new ConcurrentBag<Outcome>();
        using var gate = new SemaphoreSlim(_options.Concurrency);
        // One conversation's deliveries go in order and paced; different conversations run side by side.
        var groups = ready.GroupBy(d => subscriptions[d.SubscriptionId] is { } s ? $"{s.Channel}\n{s.ConversationId}" : $"gone\n{d.SubscriptionId}");
        var work = groups.Select(async group =>
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                var pacer = new Pacer(clock);
                foreach (var d in group) outcomes.Add(await DeliverSafelyAsync(d, subscriptions[d.SubscriptionId], pacer, ct).ConfigureAwait(false));
            }
            finally { gate.Release(); }
        });
        await Task.WhenAll(work).ConfigureAwait(false);
        return new RunSummary(opened, Count(Outcome.Sent), Count(Outcome.Skipped), Count(Outcome.Failed), Count(Outcome.Cancelled), Count(Outcome.InDoubt));

        int Count(Outcome o) => outcomes.Count(x => x == o);
    }

    /// <summary>
    /// Opens one row per due subscription. Periods missed while the bot was down collapse into one digest for the
    /// latest of them; its window still starts at the last delivered period, so nothing in between is lost.
    /// </summary>
    private async Task<int> OpenDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var opened = 0;
        foreach (var sub in await store.DueSubscriptionsAsync(now, ct).ConfigureAwait(false))
        {
            if (!_schedules.TryGetValue(sub.Schedule, out var schedule))
            {
                if (_warnedSchedules.TryAdd(sub.Id, true)) Log.DigestUnknownSchedule(log, sub.Id, sub.Schedule);
                continue;
            }
            // The latest fire time that has passed is the period: a digest missed on Friday goes out as Monday's.
            var period = sub.NextDue;
            for (var i = 0; i < 10_000 && schedule.Next(period) is var later && later <= now; i++) period = later;
            var next = schedule.Next(now);
            if (await store.OpenDeliveryAsync(sub.Id, period, next, now, ct).ConfigureAwait(false)) opened++;
            Log.DigestOpened(log, sub.Id, period, next);
        }
        return opened;
    }

    private async Task<Outcome> DeliverSafelyAsync(DigestDelivery d, Subscription? sub, Pacer pacer, CancellationToken ct)
    {
        try
        {
            return await DeliverAsync(d, sub, pacer, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The row stays claimed; when the lease lapses a later pass resolves it like any interrupted send.
            Log.DigestDeliveryError(log, ex, d.Id);
            return Outcome.Error;
        }
    }

    internal enum Outcome { Sent, Skipped, Failed, Cancelled, InDoubt, Busy, Error, Deferred }

    /// <summary>
    /// Keeps one conversation's messages at least the channel's interval apart (Slack: about one a second per
    /// channel). It waits only before a real send, so digests skipped for being empty cost nothing.
    /// </summary>
    private sealed class Pacer(TimeProvider clock)
    {
        private DateTimeOffset? _last;

        public async Task WaitAsync(TimeSpan interval, CancellationToken ct)
        {
            if (_last is { } last && last + interval - clock.GetUtcNow() is { } wait && wait > TimeSpan.Zero)
                await Task.Delay(wait, clock, ct).ConfigureAwait(false);
        }

        public void Posted() => _last = clock.GetUtcNow();
    }
}

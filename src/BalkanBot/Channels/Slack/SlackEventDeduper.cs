using System.Collections.Concurrent;

namespace BalkanBot.Channels.Slack;

/// <summary>
/// Remembers Slack <c>event_id</c>s for an hour. An id is claimed when the event arrives, not when its answer is
/// done, so a retry that lands while the first delivery is still being answered is dropped as well. The ids live in
/// this process, which is right for one instance; <see cref="SharedSlackEventDeduper"/> serves several.
/// </summary>
public sealed class SlackEventDeduper(TimeProvider clock) : ISlackEventDeduper
{
    /// <summary>Slack retries within minutes; an hour is ample and keeps the table small.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private long _lastPrune;

    public int Count => _seen.Count;

    /// <summary>True for the first delivery of <paramref name="eventId"/>, false for every repeat (also concurrent ones).</summary>
    public bool TryClaim(string eventId)
    {
        var now = clock.GetUtcNow();
        if (_seen.Count > PruneAbove || now.UtcTicks - Interlocked.Read(ref _lastPrune) > Window.Ticks) Prune(now);
        if (_seen.TryAdd(eventId, now)) return true;
        // An id seen longer ago than the window counts as new; the swap is atomic, so only one caller wins it.
        return _seen.TryGetValue(eventId, out var at) && now - at > Window && _seen.TryUpdate(eventId, now, at);
    }

    /// <summary>Lets the id be claimed again: used when the event could not be queued, so Slack's retry is answered.</summary>
    public void Release(string eventId) => _seen.TryRemove(eventId, out _);

    public ValueTask<bool> TryClaimAsync(string eventId, CancellationToken ct = default) => ValueTask.FromResult(TryClaim(eventId));

    public ValueTask ReleaseAsync(string eventId, CancellationToken ct = default)
    {
        Release(eventId);
        return ValueTask.CompletedTask;
    }

    private void Prune(DateTimeOffset now)
    {
        Interlocked.Exchange(ref _lastPrune, now.UtcTicks);
        foreach (var (id, at) in _seen)
            if (now - at > Window) _seen.TryRemove(new KeyValuePair<string, DateTimeOffset>(id, at));
    }
}

using BalkanBot.Storage;
using Npgsql;
using static BalkanBot.Storage.PostgresDatabase;

namespace BalkanBot.Channels.Slack;

/// <summary>
/// Slack event ids in the shared PostgreSQL database, so a retry that Slack sends to another instance is dropped there.
/// The claim is one statement: insert the id, or take over a claim older than the window; only one caller gets a
/// row back. When the database cannot be reached the id is checked against this instance only, so the user still
/// gets an answer (a retry to another instance might then be answered too).
/// </summary>
public sealed class SharedSlackEventDeduper(PostgresDatabase database, TimeProvider clock, ILogger<SharedSlackEventDeduper> log) : ISlackEventDeduper
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);
    private readonly SlackEventDeduper _local = new(clock);
    private long _lastPrune;

    public async ValueTask<bool> TryClaimAsync(string eventId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        try
        {
            await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
            await using var cmd = Command(db, """
                INSERT INTO slack_events(event_id, claimed_at) VALUES(@id, @now)
                ON CONFLICT(event_id) DO UPDATE SET claimed_at = excluded.claimed_at WHERE slack_events.claimed_at <= @oldest
                RETURNING 1
                """, ("id", eventId), ("now", Utc(now)), ("oldest", Utc(now - SlackEventDeduper.Window)));
            var claimed = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null;
            await PruneAsync(db, now, ct).ConfigureAwait(false);
            return claimed;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            Diagnostics.Log.SlackEventStoreUnavailable(log, ex.Message, eventId);
            return _local.TryClaim(eventId);
        }
    }

    public async ValueTask ReleaseAsync(string eventId, CancellationToken ct = default)
    {
        _local.Release(eventId);
        try
        {
            await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
            await ExecAsync(db, null, ct, "DELETE FROM slack_events WHERE event_id = @id", ("id", eventId)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            Diagnostics.Log.SlackEventStoreUnavailable(log, ex.Message, eventId);
        }
    }

    private async Task PruneAsync(NpgsqlConnection db, DateTimeOffset now, CancellationToken ct)
    {
        var last = Interlocked.Read(ref _lastPrune);
        if (now.UtcTicks - last < PruneEvery.Ticks || Interlocked.CompareExchange(ref _lastPrune, now.UtcTicks, last) != last) return;
        await ExecAsync(db, null, ct, "DELETE FROM slack_events WHERE claimed_at <= @oldest", ("oldest", Utc(now - SlackEventDeduper.Window))).ConfigureAwait(false);
    }
}

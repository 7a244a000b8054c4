using System.Globalization;
using Npgsql;
using static BalkanBot.Storage.PostgresDatabase;

namespace BalkanBot.Digests;

public sealed partial class PostgresDigestStore
{
    private const string DeliveryColumns = "id, subscription_id, period, since, status, attempts, next_attempt_at, lease_until, external_id, error, in_flight";

    public async Task<bool> OpenDeliveryAsync(long subscriptionId, DateTimeOffset period, DateTimeOffset nextDue, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await db.BeginTransactionAsync(ct).ConfigureAwait(false);
        // Two schedulers opening the same period: the unique (subscription, period) key lets one row in.
        // Failed rows never reached the channel, so their window folds into the next digest.
        var added = await ExecAsync(db, tx, ct, """
            INSERT INTO deliveries(subscription_id, period, since, status, attempts, next_attempt_at, created_at, updated_at)
            SELECT @s, @p, coalesce((SELECT max(period) FROM deliveries WHERE subscription_id = @s AND status NOT IN ('failed', 'cancelled')),
                                    (SELECT created_at FROM subscriptions WHERE id = @s)),
                   'pending', 0, @now, @now, @now
            ON CONFLICT (subscription_id, period) DO NOTHING
            """, ("s", subscriptionId), ("p", Utc(period)), ("now", Utc(now)));
        await ExecAsync(db, tx, ct, "UPDATE subscriptions SET next_due = @n WHERE id = @s AND next_due < @n", ("n", Utc(nextDue)), ("s", subscriptionId));
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return added == 1;
    }

    public async Task<IReadOnlyList<DigestDelivery>> ReadyDeliveriesAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        return await QueryDeliveriesAsync(db, ct,
            "WHERE (status = 'pending' AND next_attempt_at <= @now) OR (status = 'sending' AND lease_until <= @now) ORDER BY period, id", ("now", Utc(now)));
    }

    public async Task<bool> TryClaimAsync(DigestDelivery delivery, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        // The WHERE repeats the row as it was read. Under READ COMMITTED a second UPDATE of the same row waits for the
        // first to commit and then re-checks the WHERE against the new row, so of two workers only one sees it land.
        // A lapsed lease is part of that state: a row another worker claimed again since cannot be taken over.
        var changed = await ExecAsync(db, null, ct, """
            UPDATE deliveries SET status = 'sending', attempts = attempts + 1, lease_until = @lease, updated_at = @now
            WHERE id = @id AND status = @status AND attempts = @attempts
              AND ((status = 'pending' AND next_attempt_at <= @now) OR (status = 'sending' AND lease_until <= @now))
            """, ("lease", Utc(now + lease)), ("now", Utc(now)), ("id", delivery.Id), ("status", Status(delivery.Status)), ("attempts", delivery.Attempts));
        return changed == 1;
    }

    public async Task SetInFlightAsync(long deliveryId, bool inFlight, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        await ExecAsync(db, null, ct, "UPDATE deliveries SET in_flight = @f WHERE id = @id", ("f", inFlight), ("id", deliveryId));
    }

    public async Task RecordAttemptAsync(long deliveryId, string? failure, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        await ExecAsync(db, null, ct, """
            UPDATE deliveries SET attempts = attempts + 1, in_flight = false, error = @e, lease_until = @lease, updated_at = @now
            WHERE id = @id AND status = 'sending'
            """, ("e", failure), ("lease", Utc(now + lease)), ("now", Utc(now)), ("id", deliveryId));
    }

    public async Task DeferAsync(long deliveryId, DateTimeOffset until, string reason, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        await ExecAsync(db, null, ct, """
            UPDATE deliveries SET status = 'pending', attempts = greatest(0, attempts - 1), next_attempt_at = @until, lease_until = NULL,
                in_flight = false, error = @e, updated_at = @now
            WHERE id = @id AND status = 'sending'
            """, ("until", Utc(until)), ("e", reason), ("now", Utc(now)), ("id", deliveryId));
    }

    public async Task CompleteAsync(long deliveryId, DeliveryStatus status, string? externalId, string? failure, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        // A row once sent is final: nothing may turn it back into something that would be sent again.
        await ExecAsync(db, null, ct, """
            UPDATE deliveries SET status = @st, external_id = coalesce(@x::text, external_id), error = @e, lease_until = NULL, in_flight = false, updated_at = @now
            WHERE id = @id AND status NOT IN ('sent', 'skipped')
            """, ("st", Status(status)), ("x", externalId), ("e", failure), ("now", Utc(now)), ("id", deliveryId));
    }

    public async Task<IReadOnlyList<DigestDelivery>> DeliveriesAsync(long subscriptionId, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        return await QueryDeliveriesAsync(db, ct, "WHERE subscription_id = @s ORDER BY period, id", ("s", subscriptionId));
    }

    public async Task<DateTimeOffset?> NextWakeAsync(CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = Command(db, """
            SELECT least((SELECT min(next_due) FROM subscriptions WHERE active),
                         (SELECT min(next_attempt_at) FROM deliveries WHERE status = 'pending'),
                         (SELECT min(lease_until) FROM deliveries WHERE status = 'sending'))
            """);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) switch
        {
            DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
            DateTimeOffset t => t,
            _ => null,
        };
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068:CancellationToken parameters must come last",
        Justification = "The SQL's parameter values are a params array, which must come last.")]
    private static async Task<IReadOnlyList<DigestDelivery>> QueryDeliveriesAsync(NpgsqlConnection db, CancellationToken ct, string where,
        params (string, object?)[] values)
    {
        await using var cmd = Command(db, $"SELECT {DeliveryColumns} FROM deliveries {where}", values);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var list = new List<DigestDelivery>();
        while (await r.ReadAsync(ct).ConfigureAwait(false))
            list.Add(new DigestDelivery(r.GetInt64(0), r.GetInt64(1), Time(r, 2), Time(r, 3), ParseStatus(r.GetString(4)),
                r.GetInt32(5), Time(r, 6), TimeOrNull(r, 7), Str(r, 8), Str(r, 9), r.GetBoolean(10)));
        return list;
    }

    private static string Status(DeliveryStatus s) => s.ToString().ToLower(CultureInfo.InvariantCulture);
    private static DeliveryStatus ParseStatus(string s) => Enum.Parse<DeliveryStatus>(s, ignoreCase: true);
}

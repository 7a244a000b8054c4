using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BalkanBot.Digests;

public sealed partial class SqliteDigestStore
{
    private const string DeliveryColumns = "id,subscription_id,period,since,status,attempts,next_attempt_at,lease_until,external_id,error,in_flight";

    public async Task<bool> OpenDeliveryAsync(long subscriptionId, DateTimeOffset period, DateTimeOffset nextDue, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = app.Open();
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync(ct);
        // Failed rows never reached the channel, so their window folds into the next digest.
        await using var insert = Command(db, """
            INSERT INTO deliveries(subscription_id,period,since,status,attempts,next_attempt_at,created_at,updated_at)
            SELECT $s, $p, coalesce((SELECT max(period) FROM deliveries WHERE subscription_id=$s AND status NOT IN ('failed','cancelled')),
                                    (SELECT created_at FROM subscriptions WHERE id=$s)),
                   'pending', 0, $now, $now, $now
            WHERE NOT EXISTS (SELECT 1 FROM deliveries WHERE subscription_id=$s AND period=$p)
            """, ("$s", subscriptionId), ("$p", T(period)), ("$now", T(now)));
        insert.Transaction = tx;
        var added = await insert.ExecuteNonQueryAsync(ct);
        await using var advance = Command(db, "UPDATE subscriptions SET next_due=$n WHERE id=$s AND next_due < $n", ("$n", T(nextDue)), ("$s", subscriptionId));
        advance.Transaction = tx;
        await advance.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return added == 1;
    }

    public async Task<IReadOnlyList<DigestDelivery>> ReadyDeliveriesAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = app.Open();
        return await QueryDeliveriesAsync(db, ct,
            "WHERE (status='pending' AND next_attempt_at <= $now) OR (status='sending' AND lease_until <= $now) ORDER BY period, id", ("$now", T(now)));
    }

    public async Task<bool> TryClaimAsync(DigestDelivery delivery, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        await using var db = app.Open();
        // The WHERE repeats what the row looked like when read: of two workers, only one sees its update land.
        var changed = await ExecAsync(db, ct, """
            UPDATE deliveries SET status='sending', attempts=attempts+1, lease_until=$lease, updated_at=$now
            WHERE id=$id AND status=$status AND attempts=$attempts
            """, ("$lease", T(now + lease)), ("$now", T(now)), ("$id", delivery.Id), ("$status", Status(delivery.Status)), ("$attempts", delivery.Attempts));
        return changed == 1;
    }

    public async Task SetInFlightAsync(long deliveryId, bool inFlight, CancellationToken ct = default)
    {
        await using var db = app.Open();
        await ExecAsync(db, ct, "UPDATE deliveries SET in_flight=$f WHERE id=$id", ("$f", inFlight ? 1 : 0), ("$id", deliveryId));
    }

    public async Task RecordAttemptAsync(long deliveryId, string? failure, DateTimeOffset now, TimeSpan lease, CancellationToken ct = default)
    {
        await using var db = app.Open();
        await ExecAsync(db, ct, "UPDATE deliveries SET attempts=attempts+1, in_flight=0, error=$e, lease_until=$lease, updated_at=$now WHERE id=$id AND status='sending'",
            ("$e", failure), ("$lease", T(now + lease)), ("$now", T(now)), ("$id", deliveryId));
    }

    public async Task DeferAsync(long deliveryId, DateTimeOffset until, string reason, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = app.Open();
        await ExecAsync(db, ct, """
            UPDATE deliveries SET status='pending', attempts=max(0, attempts-1), next_attempt_at=$until, lease_until=NULL, in_flight=0, error=$e, updated_at=$now
            WHERE id=$id AND status='sending'
            """, ("$until", T(until)), ("$e", reason), ("$now", T(now)), ("$id", deliveryId));
    }

    public async Task CompleteAsync(long deliveryId, DeliveryStatus status, string? externalId, string? failure, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = app.Open();
        // A row once sent is final: nothing may turn it back into something that would be sent again.
        await ExecAsync(db, ct, """
            UPDATE deliveries SET status=$st, external_id=coalesce($x, external_id), error=$e, lease_until=NULL, in_flight=0, updated_at=$now
            WHERE id=$id AND status NOT IN ('sent','skipped')
            """, ("$st", Status(status)), ("$x", externalId), ("$e", failure), ("$now", T(now)), ("$id", deliveryId));
    }

    public async Task<IReadOnlyList<DigestDelivery>> DeliveriesAsync(long subscriptionId, CancellationToken ct = default)
    {
        await using var db = app.Open();
        return await QueryDeliveriesAsync(db, ct, "WHERE subscription_id=$s ORDER BY period, id", ("$s", subscriptionId));
    }

    public async Task<DateTimeOffset?> NextWakeAsync(CancellationToken ct = default)
    {
        await using var db = app.Open();
        await using var cmd = Command(db, """
            SELECT min(t) FROM (
                SELECT min(next_due) AS t FROM subscriptions WHERE active=1
                UNION ALL SELECT min(next_attempt_at) FROM deliveries WHERE status='pending'
                UNION ALL SELECT min(lease_until) FROM deliveries WHERE status='sending')
            """);
        return await cmd.ExecuteScalarAsync(ct) is string s ? D(s) : null;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068:CancellationToken parameters must come last",
        Justification = "The SQL's parameter values are a params array, which must come last.")]
    private static async Task<IReadOnlyList<DigestDelivery>> QueryDeliveriesAsync(SqliteConnection db, CancellationToken ct, string where, params (string, object?)[] values)
    {
        await using var cmd = Command(db, $"SELECT {DeliveryColumns} FROM deliveries {where}", values);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<DigestDelivery>();
        while (await r.ReadAsync(ct))
            list.Add(new DigestDelivery(r.GetInt64(0), r.GetInt64(1), D(r.GetString(2)), D(r.GetString(3)), ParseStatus(r.GetString(4)),
                r.GetInt32(5), D(r.GetString(6)), r.IsDBNull(7) ? null : D(r.GetString(7)), Str(r, 8), Str(r, 9), r.GetInt64(10) == 1));
        return list;
    }

    private static string Status(DeliveryStatus s) => s.ToString().ToLower(CultureInfo.InvariantCulture);
    private static DeliveryStatus ParseStatus(string s) => Enum.Parse<DeliveryStatus>(s, ignoreCase: true);
}

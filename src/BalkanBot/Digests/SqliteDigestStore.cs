using System.Globalization;
using BalkanBot.Answers;
using BalkanBot.Storage;
using Microsoft.Data.Sqlite;

namespace BalkanBot.Digests;

/// <summary>
/// SQLite implementation of <see cref="IDigestStore"/> on the app database (tables from migration 2 in
/// SqliteAppStore). Every state change is one conditional statement or one transaction, so a crash leaves either
/// the old or the new state.
/// </summary>
public sealed partial class SqliteDigestStore(SqliteAppStore app) : IDigestStore
{
    public async Task SaveReferenceAsync(string channel, ConversationReference reference, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = app.Open();
        await ExecAsync(db, ct, """
            INSERT INTO conversation_references(channel,conversation_id,service_url,tenant_id,bot_id,channel_id,conversation_type,updated_at)
            VALUES($ch,$c,$s,$t,$b,$cid,$ty,$at)
            ON CONFLICT(channel,conversation_id) DO UPDATE SET service_url=excluded.service_url, tenant_id=excluded.tenant_id,
                bot_id=excluded.bot_id, channel_id=excluded.channel_id, conversation_type=excluded.conversation_type, updated_at=excluded.updated_at
            """, ("$ch", channel), ("$c", reference.ConversationId), ("$s", reference.ServiceUrl), ("$t", reference.TenantId), ("$b", reference.BotId),
            ("$cid", reference.ChannelId), ("$ty", reference.ConversationType), ("$at", T(now)));
    }

    public async Task<ConversationReference?> GetReferenceAsync(string channel, string conversationId, CancellationToken ct = default)
    {
        await using var db = app.Open();
        await using var cmd = Command(db, "SELECT channel_id,conversation_id,service_url,tenant_id,bot_id,conversation_type FROM conversation_references WHERE channel=$ch AND conversation_id=$c",
            ("$ch", channel), ("$c", conversationId));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new ConversationReference(r.GetString(0), r.GetString(1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5))
            : null;
    }

    public async Task<(Subscription Subscription, bool Created)> SubscribeAsync(NewSubscription subscription, CancellationToken ct = default)
    {
        await using var db = app.Open();
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync(ct);
        var existing = await QuerySubscriptionsAsync(db, tx, ct, "WHERE active=1 AND channel=$ch AND conversation_id=$c AND schedule=$s AND filter=$f",
            ("$ch", subscription.Channel), ("$c", subscription.ConversationId), ("$s", subscription.Schedule), ("$f", subscription.Filter.Canonical));
        if (existing.Count > 0) return (existing[0], false);
        await using var cmd = Command(db, """
            INSERT INTO subscriptions(channel,conversation_id,schedule,filter,filter_label,created_by,created_at,next_due)
            VALUES($ch,$c,$s,$f,$l,$by,$at,$due) RETURNING id
            """, ("$ch", subscription.Channel), ("$c", subscription.ConversationId), ("$s", subscription.Schedule), ("$f", subscription.Filter.Canonical), ("$l", subscription.Filter.Label),
            ("$by", subscription.CreatedBy), ("$at", T(subscription.CreatedAt)), ("$due", T(subscription.NextDue)));
        cmd.Transaction = tx;
        var id = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        await tx.CommitAsync(ct);
        return (new Subscription(id, subscription.Channel, subscription.ConversationId, subscription.Schedule, subscription.Filter, subscription.CreatedBy, subscription.CreatedAt, subscription.NextDue, true, null), true);
    }

    public async Task<int> UnsubscribeAsync(string channel, string conversationId, string? schedule, string reason, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = app.Open();
        return await ExecAsync(db, ct, """
            UPDATE subscriptions SET active=0, deactivated_at=$at, deactivated_reason=$r
            WHERE active=1 AND channel=$ch AND conversation_id=$c AND ($s IS NULL OR schedule=$s)
            """, ("$at", T(now)), ("$r", reason), ("$ch", channel), ("$c", conversationId), ("$s", schedule));
    }

    public async Task<IReadOnlyList<Subscription>> SubscriptionsAsync(string channel, string conversationId, CancellationToken ct = default)
    {
        await using var db = app.Open();
        return await QuerySubscriptionsAsync(db, null, ct, "WHERE active=1 AND channel=$ch AND conversation_id=$c ORDER BY id",
            ("$ch", channel), ("$c", conversationId));
    }

    public async Task<Subscription?> GetSubscriptionAsync(long id, CancellationToken ct = default)
    {
        await using var db = app.Open();
        return (await QuerySubscriptionsAsync(db, null, ct, "WHERE id=$id", ("$id", id))).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Subscription>> DueSubscriptionsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = app.Open();
        return await QuerySubscriptionsAsync(db, null, ct, "WHERE active=1 AND next_due <= $now ORDER BY next_due, id", ("$now", T(now)));
    }

    public async Task DeactivateAsync(long subscriptionId, string reason, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = app.Open();
        await ExecAsync(db, ct, "UPDATE subscriptions SET active=0, deactivated_at=$at, deactivated_reason=$r WHERE id=$id AND active=1",
            ("$at", T(now)), ("$r", reason), ("$id", subscriptionId));
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068:CancellationToken parameters must come last",
        Justification = "The SQL's parameter values are a params array, which must come last.")]
    private static async Task<List<Subscription>> QuerySubscriptionsAsync(SqliteConnection db, SqliteTransaction? tx, CancellationToken ct, string where,
        params (string, object?)[] values)
    {
        await using var cmd = Command(db, "SELECT id,channel,conversation_id,schedule,filter,filter_label,created_by,created_at,next_due,active,deactivated_reason FROM subscriptions " + where, values);
        cmd.Transaction = tx;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<Subscription>();
        while (await r.ReadAsync(ct))
            list.Add(new Subscription(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
                DigestFilter.FromCanonical(r.GetString(4), Str(r, 5)), Str(r, 6), D(r.GetString(7)), D(r.GetString(8)),
                r.GetInt64(9) == 1, Str(r, 10)));
        return list;
    }

    internal static string T(DateTimeOffset d) => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
    internal static DateTimeOffset D(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static SqliteCommand Command(SqliteConnection db, string sql, params (string Name, object? Value)[] values)
    {
        var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068:CancellationToken parameters must come last",
        Justification = "The SQL's parameter values are a params array, which must come last.")]
    private static async Task<int> ExecAsync(SqliteConnection db, CancellationToken ct, string sql, params (string, object?)[] values)
    {
        await using var cmd = Command(db, sql, values);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}

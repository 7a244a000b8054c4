using BalkanBot.Answers;
using BalkanBot.Storage;
using Npgsql;
using static BalkanBot.Storage.PostgresDatabase;

namespace BalkanBot.Digests;

/// <summary>
/// <see cref="IDigestStore"/> on the PostgreSQL database that several instances share (tables from migration 1 in
/// <see cref="PostgresMigrations"/>). Every state change is one conditional statement or one transaction, and a
/// delivery is claimed by an UPDATE whose WHERE repeats the row as it was read, so of two schedulers only one
/// sends a period.
/// </summary>
public sealed partial class PostgresDigestStore(PostgresDatabase database) : IDigestStore
{
    private const string SubscriptionColumns =
        "id, channel, conversation_id, schedule, filter, filter_label, created_by, created_at, next_due, active, deactivated_reason";

    public async Task SaveReferenceAsync(string channel, ConversationReference reference, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        await ExecAsync(db, null, ct, """
            INSERT INTO conversation_references(channel, conversation_id, service_url, tenant_id, bot_id, channel_id, conversation_type, updated_at)
            VALUES(@ch, @c, @s, @t, @b, @cid, @ty, @at)
            ON CONFLICT(channel, conversation_id) DO UPDATE SET service_url = excluded.service_url, tenant_id = excluded.tenant_id,
                bot_id = excluded.bot_id, channel_id = excluded.channel_id, conversation_type = excluded.conversation_type, updated_at = excluded.updated_at
            """, ("ch", channel), ("c", reference.ConversationId), ("s", reference.ServiceUrl), ("t", reference.TenantId), ("b", reference.BotId),
            ("cid", reference.ChannelId), ("ty", reference.ConversationType), ("at", Utc(now)));
    }

    public async Task<ConversationReference?> GetReferenceAsync(string channel, string conversationId, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = Command(db, """
            SELECT channel_id, conversation_id, service_url, tenant_id, bot_id, conversation_type FROM conversation_references
            WHERE channel = @ch AND conversation_id = @c
            """, ("ch", channel), ("c", conversationId));
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await r.ReadAsync(ct).ConfigureAwait(false)
            ? new ConversationReference(r.GetString(0), r.GetString(1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5))
            : null;
    }

    public async Task<(Subscription Subscription, bool Created)> SubscribeAsync(NewSubscription subscription, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        // Two instances subscribing the same conversation at once: the partial unique index lets one insert land; the
        // other inserts nothing and reads the row that won.
        for (var attempt = 0; ; attempt++)
        {
            await using var insert = Command(db, """
                INSERT INTO subscriptions(channel, conversation_id, schedule, filter, filter_label, created_by, created_at, next_due)
                VALUES(@ch, @c, @s, @f, @l, @by, @at, @due)
                ON CONFLICT (channel, conversation_id, schedule, filter) WHERE active DO NOTHING
                RETURNING id
                """, ("ch", subscription.Channel), ("c", subscription.ConversationId), ("s", subscription.Schedule), ("f", subscription.Filter.Canonical), ("l", subscription.Filter.Label),
                ("by", subscription.CreatedBy), ("at", Utc(subscription.CreatedAt)), ("due", Utc(subscription.NextDue)));
            if (await insert.ExecuteScalarAsync(ct).ConfigureAwait(false) is long id)
                return (new Subscription(id, subscription.Channel, subscription.ConversationId, subscription.Schedule, subscription.Filter, subscription.CreatedBy, subscription.CreatedAt, subscription.NextDue, true, null), true);
            var existing = await QuerySubscriptionsAsync(db, ct, "WHERE active AND channel = @ch AND conversation_id = @c AND schedule = @s AND filter = @f",
                ("ch", subscription.Channel), ("c", subscription.ConversationId), ("s", subscription.Schedule), ("f", subscription.Filter.Canonical));
            // Deactivated between the two statements: try the insert again.
            if (existing.Count > 0) return (existing[0], false);
            if (attempt >= 3) throw new InvalidOperationException("The subscription changed under concurrent updates; try again.");
        }
    }

    public async Task<int> UnsubscribeAsync(string channel, string conversationId, string? schedule, string reason, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        return await ExecAsync(db, null, ct, """
            UPDATE subscriptions SET active = false, deactivated_at = @at, deactivated_reason = @r
            WHERE active AND channel = @ch AND conversation_id = @c AND (@s::text IS NULL OR schedule = @s::text)
            """, ("at", Utc(now)), ("r", reason), ("ch", channel), ("c", conversationId), ("s", schedule));
    }

    public async Task<IReadOnlyList<Subscription>> SubscriptionsAsync(string channel, string conversationId, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        return await QuerySubscriptionsAsync(db, ct, "WHERE active AND channel = @ch AND conversation_id = @c ORDER BY id", ("ch", channel), ("c", conversationId));
    }

    public async Task<Subscription?> GetSubscriptionAsync(long id, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await QuerySubscriptionsAsync(db, ct, "WHERE id = @id", ("id", id))).FirstOrDefault();
    }

    public async Task<IReadOnlyList<Subscription>> DueSubscriptionsAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        return await QuerySubscriptionsAsync(db, ct, "WHERE active AND next_due <= @now ORDER BY next_due, id", ("now", Utc(now)));
    }

    public async Task DeactivateAsync(long subscriptionId, string reason, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        await ExecAsync(db, null, ct, "UPDATE subscriptions SET active = false, deactivated_at = @at, deactivated_reason = @r WHERE id = @id AND active",
            ("at", Utc(now)), ("r", reason), ("id", subscriptionId));
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068:CancellationToken parameters must come last",
        Justification = "The SQL's parameter values are a params array, which must come last.")]
    private static async Task<List<Subscription>> QuerySubscriptionsAsync(NpgsqlConnection db, CancellationToken ct, string where,
        params (string, object?)[] values)
    {
        await using var cmd = Command(db, $"SELECT {SubscriptionColumns} FROM subscriptions {where}", values);
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var list = new List<Subscription>();
        while (await r.ReadAsync(ct).ConfigureAwait(false))
            list.Add(new Subscription(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3),
                DigestFilter.FromCanonical(r.GetString(4), Str(r, 5)), Str(r, 6), Time(r, 7), Time(r, 8), r.GetBoolean(9), Str(r, 10)));
        return list;
    }

    private static string? Str(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static DateTimeOffset Time(NpgsqlDataReader r, int i) => r.GetFieldValue<DateTimeOffset>(i);
    private static DateTimeOffset? TimeOrNull(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}

using Npgsql;
using static BalkanBot.Storage.PostgresDatabase;

namespace BalkanBot.Storage;

/// <summary>The app store on the shared PostgreSQL database: feedback from every instance lands in one table.</summary>
public sealed class PostgresAppStore(PostgresDatabase database, TimeProvider clock, ILogger<PostgresAppStore> log) : IAppStore
{
    public async Task AddFeedbackAsync(Feedback feedback, CancellationToken cancellationToken = default)
    {
        await using var db = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecAsync(db, null, cancellationToken, """
            INSERT INTO feedback(channel, conversation_id, user_id, question, rating, comment, at) VALUES(@c, @cv, @u, @q, @r, @cm, @at)
            """, ("c", feedback.Channel), ("cv", feedback.ConversationId), ("u", feedback.UserId), ("q", feedback.Question.Length > 1000 ? feedback.Question[..1000] : feedback.Question),
            ("r", feedback.Rating), ("cm", feedback.Comment), ("at", Utc(feedback.At)));
    }

    public async Task<IReadOnlyList<Feedback>> RecentFeedbackAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var cmd = Command(db, "SELECT channel, conversation_id, user_id, question, rating, comment, at FROM feedback ORDER BY id DESC LIMIT @l", ("l", limit));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<Feedback>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            list.Add(new Feedback(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.GetFieldValue<DateTimeOffset>(6)));
        return list;
    }

    /// <summary>A real write, so a read-only replica or a full disk shows as unhealthy, not only an unreachable server.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecAsync(db, null, cancellationToken,
                "INSERT INTO store_health(id, checked_at) VALUES(1, @at) ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at",
                ("at", Utc(clock.GetUtcNow())));
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            Diagnostics.Log.AppStoreWriteFailed(log, ex.Message);
            return "PostgreSQL: " + ex.Message;
        }
    }
}

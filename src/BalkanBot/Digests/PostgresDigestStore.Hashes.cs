using BalkanBot.Knowledge;
using Npgsql;
using static BalkanBot.Storage.PostgresDatabase;

namespace BalkanBot.Digests;

public sealed partial class PostgresDigestStore
{
    /// <summary>Advisory lock key for recording hashes: instances starting together compare one after the other.</summary>
    private const long HashLock = 0x42616c6b616e4831;

    public async Task<HashUpdate> RecordHashesAsync(IReadOnlyCollection<RecordSnapshot> records, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await db.BeginTransactionAsync(ct).ConfigureAwait(false);
        // Without it two instances starting on the same new build would both see a record as new and both insert it.
        await ExecAsync(db, tx, ct, "SELECT pg_advisory_xact_lock(@k)", ("k", HashLock));
        var known = new Dictionary<string, (string Hash, bool Removed)>(StringComparer.Ordinal);
        await using (var read = Command(db, "SELECT id, hash, removed_at IS NOT NULL FROM record_hashes"))
        {
            read.Transaction = tx;
            await using var r = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await r.ReadAsync(ct).ConfigureAwait(false)) known[r.GetString(0)] = (r.GetString(1), r.GetBoolean(2));
        }
        const string Insert = "INSERT INTO record_hashes(id, kind, name, hash, value, first_seen, last_changed) VALUES(@id, @k, @n, @h, @v, @now, @now)";
        const string Update = """
            UPDATE record_hashes SET kind = @k, name = @n, previous_hash = hash, previous_value = value, hash = @h, value = @v, last_changed = @now, removed_at = NULL
            WHERE id = @id
            """;
        const string History = """
            INSERT INTO record_values(id, at, hash, value) VALUES(@id, @now, @h, @v)
            ON CONFLICT(id, at) DO UPDATE SET hash = excluded.hash, value = excluded.value
            """;
        int added = 0, changed = 0, unchanged = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var batch = new NpgsqlBatch(db, tx);
        await using (batch)
        {
            foreach (var rec in records)
            {
                if (!seen.Add(rec.Id)) continue;
                string? sql = null;
                if (!known.TryGetValue(rec.Id, out var old)) { sql = Insert; added++; }
                else if (old.Hash != rec.Hash || old.Removed) { sql = Update; changed++; }
                else unchanged++;
                if (sql is null) continue;
                batch.BatchCommands.Add(BatchCommand(sql, ("id", rec.Id), ("k", rec.Kind.ToString()), ("n", rec.Name), ("h", rec.Hash), ("v", rec.Value), ("now", Utc(now))));
                // Figures keep their value history, so "old → new" compares with what the last digest could have shown.
                if (rec.Kind == RecordKind.Figure)
                    batch.BatchCommands.Add(BatchCommand(History, ("id", rec.Id), ("now", Utc(now)), ("h", rec.Hash), ("v", rec.Value)));
            }
            var gone = known.Where(k => !k.Value.Removed && !seen.Contains(k.Key)).Select(k => k.Key).ToArray();
            if (gone.Length > 0)
                batch.BatchCommands.Add(BatchCommand("UPDATE record_hashes SET removed_at = @now WHERE removed_at IS NULL AND id = ANY(@ids)", ("now", Utc(now)), ("ids", gone)));
            if (batch.BatchCommands.Count > 0) await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new HashUpdate(added, changed, gone.Length, unchanged);
        }
    }

    public async Task<IReadOnlyList<RecordChange>> ChangesAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken ct = default)
    {
        await using var db = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var cmd = Command(db, """
            SELECT h.id, h.kind, h.name, h.first_seen, h.last_changed, h.value, h.hash,
                   (SELECT v.value FROM record_values v WHERE v.id = h.id AND v.at <= @since ORDER BY v.at DESC LIMIT 1)
            FROM record_hashes h
            WHERE h.removed_at IS NULL AND h.last_changed > @since AND h.last_changed <= @until
            ORDER BY h.last_changed, h.id
            """, ("since", Utc(since)), ("until", Utc(until)));
        await using var r = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var list = new List<RecordChange>();
        while (await r.ReadAsync(ct).ConfigureAwait(false))
        {
            var firstSeen = Time(r, 3);
            list.Add(new RecordChange(r.GetString(0), Enum.Parse<RecordKind>(r.GetString(1)), r.GetString(2), firstSeen, Time(r, 4),
                Str(r, 5), Str(r, 7), IsNew: firstSeen > since, Hash: r.GetString(6)));
        }
        return list;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object? Value)[] values)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }
}

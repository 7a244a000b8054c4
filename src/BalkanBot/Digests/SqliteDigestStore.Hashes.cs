using BalkanBot.Knowledge;
using Microsoft.Data.Sqlite;

namespace BalkanBot.Digests;

public sealed partial class SqliteDigestStore
{
    public async Task<HashUpdate> RecordHashesAsync(IReadOnlyCollection<RecordSnapshot> records, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = app.Open();
        await using var tx = (SqliteTransaction)await db.BeginTransactionAsync(ct);
        var known = new Dictionary<string, (string Hash, string? Value, bool Removed)>(StringComparer.Ordinal);
        await using (var read = Command(db, "SELECT id,hash,value,removed_at FROM record_hashes"))
        {
            read.Transaction = tx;
            await using var r = await read.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) known[r.GetString(0)] = (r.GetString(1), Str(r, 2), !r.IsDBNull(3));
        }
        await using var insert = Command(db, "INSERT INTO record_hashes(id,kind,name,hash,value,first_seen,last_changed) VALUES($id,$k,$n,$h,$v,$now,$now)");
        await using var update = Command(db, """
            UPDATE record_hashes SET kind=$k, name=$n, previous_hash=hash, previous_value=value, hash=$h, value=$v, last_changed=$now, removed_at=NULL
            WHERE id=$id
            """);
        await using var history = Command(db, "INSERT OR REPLACE INTO record_values(id,at,hash,value) VALUES($id,$now,$h,$v)");
        insert.Transaction = update.Transaction = history.Transaction = tx;
        int added = 0, changed = 0, unchanged = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rec in records)
        {
            if (!seen.Add(rec.Id)) continue;
            SqliteCommand? cmd = null;
            if (!known.TryGetValue(rec.Id, out var old)) { cmd = insert; added++; }
            else if (old.Hash != rec.Hash || old.Removed) { cmd = update; changed++; }
            else unchanged++;
            if (cmd is null) continue;
            await RunAsync(cmd, ct, ("$id", rec.Id), ("$k", rec.Kind.ToString()), ("$n", rec.Name), ("$h", rec.Hash), ("$v", rec.Value), ("$now", T(now)));
            // Figures keep their value history, so "old → new" compares with what the last digest could have shown.
            if (rec.Kind == RecordKind.Figure)
                await RunAsync(history, ct, ("$id", rec.Id), ("$now", T(now)), ("$h", rec.Hash), ("$v", rec.Value));
        }
        await using var gone = Command(db, "UPDATE record_hashes SET removed_at=$now WHERE removed_at IS NULL AND id=$id");
        gone.Transaction = tx;
        var removed = 0;
        foreach (var id in known.Where(k => !k.Value.Removed && !seen.Contains(k.Key)).Select(k => k.Key))
            removed += await RunAsync(gone, ct, ("$now", T(now)), ("$id", id));
        await tx.CommitAsync(ct);
        return new HashUpdate(added, changed, removed, unchanged);
    }

    public async Task<IReadOnlyList<RecordChange>> ChangesAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken ct = default)
    {
        await using var db = app.Open();
        await using var cmd = Command(db, """
            SELECT h.id, h.kind, h.name, h.first_seen, h.last_changed, h.value, h.hash,
                   (SELECT v.value FROM record_values v WHERE v.id = h.id AND v.at <= $since ORDER BY v.at DESC LIMIT 1)
            FROM record_hashes h
            WHERE h.removed_at IS NULL AND h.last_changed > $since AND h.last_changed <= $until
            ORDER BY h.last_changed, h.id
            """, ("$since", T(since)), ("$until", T(until)));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var list = new List<RecordChange>();
        while (await r.ReadAsync(ct))
        {
            var firstSeen = D(r.GetString(3));
            list.Add(new RecordChange(r.GetString(0), Enum.Parse<RecordKind>(r.GetString(1)), r.GetString(2), firstSeen, D(r.GetString(4)),
                Str(r, 5), Str(r, 7), IsNew: firstSeen > since, Hash: r.GetString(6)));
        }
        return list;
    }

    private static async Task<int> RunAsync(SqliteCommand cmd, CancellationToken ct, params (string Name, object? Value)[] values)
    {
        cmd.Parameters.Clear();
        foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}

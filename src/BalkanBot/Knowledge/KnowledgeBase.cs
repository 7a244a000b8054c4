using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Data.Sqlite;

namespace BalkanBot.Knowledge;

/// <summary>
/// Read side of the compiled knowledge database. Small kinds (sources, actors, agreements, claims, conflicts,
/// figures) are held in memory; events, which can run to hundreds of thousands, are read on demand and cached.
/// Connections come from a small pool so concurrent requests never share a command.
/// </summary>
public sealed partial class KnowledgeBase : IDisposable
{
    private readonly string _connectionString;
    private readonly ConcurrentBag<SqliteConnection> _pool = [];
    private readonly ConcurrentDictionary<string, KnowledgeRecord> _cache = new(StringComparer.Ordinal);
    private readonly FrozenDictionary<string, KnowledgeRecord> _resident;

    public string DatabasePath { get; }
    public IReadOnlyDictionary<RecordKind, int> Counts { get; }
    public AliasIndex Aliases { get; }
    public IReadOnlyList<KnowledgeRecord> Resident { get; }

    private KnowledgeBase(string path)
    {
        DatabasePath = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        var resident = new List<KnowledgeRecord>();
        var counts = new Dictionary<RecordKind, int>();
        var aliasRows = new List<(string Norm, string Id)>();
        WithConnection(db =>
        {
            using (var cmd = db.CreateCommand())
            {
                cmd.CommandText = "SELECT kind, count(*) FROM records GROUP BY kind";
                using var r = cmd.ExecuteReader();
                while (r.Read()) counts[Enum.Parse<RecordKind>(r.GetString(0))] = r.GetInt32(1);
            }
            using (var cmd = db.CreateCommand())
            {
                cmd.CommandText = "SELECT json FROM records WHERE kind <> 'Event'";
                using var r = cmd.ExecuteReader();
                while (r.Read()) resident.Add(KnowledgeRecordJson.Deserialize(r.GetString(0)));
            }
            using (var cmd = db.CreateCommand())
            {
                cmd.CommandText = "SELECT alias_norm, record_id FROM aliases";
                using var r = cmd.ExecuteReader();
                while (r.Read()) aliasRows.Add((r.GetString(0), r.GetString(1)));
            }
            return 0;
        });
        Counts = counts;
        Resident = resident;
        _resident = resident.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        var kinds = aliasRows.Select(a => a.Id).Distinct().ToDictionary(id => id, id => _resident.TryGetValue(id, out var rec) ? rec.Kind : RecordKind.Event);
        Aliases = new AliasIndex(aliasRows, kinds);
    }

    public static KnowledgeBase Open(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Knowledge database not found: {path}. Run 'balkanbot kb build'.", path);
        return new KnowledgeBase(Path.GetFullPath(path));
    }

    public int TotalRecords => Counts.Values.Sum();

    public KnowledgeRecord? Get(string id)
    {
        if (_resident.TryGetValue(id, out var r)) return r;
        if (_cache.TryGetValue(id, out r)) return r;
        r = WithConnection(db =>
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT json FROM records WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", id);
            return cmd.ExecuteScalar() is string json ? KnowledgeRecordJson.Deserialize(json) : null;
        });
        if (r is not null && _cache.Count < 20_000) _cache[id] = r;
        return r;
    }

    public KnowledgeRecord? Source(string id) => _resident.TryGetValue(id, out var r) && r.Kind == RecordKind.Source ? r : null;

    public IEnumerable<KnowledgeRecord> OfKind(RecordKind kind) => Resident.Where(r => r.Kind == kind);

    /// <summary>Ids of records that point at <paramref name="targetId"/> (as party, actor, subject, about...).</summary>
    public IReadOnlyList<(string Id, string Relation)> ReferencesTo(string targetId, int limit = 500) => WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT source_id, relation FROM relations WHERE target_id = $t AND relation <> 'cites' LIMIT $l";
        cmd.Parameters.AddWithValue("$t", targetId);
        cmd.Parameters.AddWithValue("$l", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string)>();
        while (r.Read()) list.Add((r.GetString(0), r.GetString(1)));
        return (IReadOnlyList<(string, string)>)list;
    });

    /// <summary>Dated records overlapping [from, to], optionally tied to any of the given actors, newest first.</summary>
    public IReadOnlyList<KnowledgeRecord> InPeriod(DateOnly from, DateOnly to, IReadOnlyCollection<RecordKind> kinds,
        IReadOnlyCollection<string>? actorIds = null, int limit = 200) => WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        var kindList = string.Join(",", kinds.Select((k, i) => $"$k{i}"));
        var actorFilter = actorIds is { Count: > 0 }
            ? $" AND (r.country IN ({string.Join(",", actorIds.Select((_, i) => $"$a{i}"))}) OR r.id IN (SELECT source_id FROM relations WHERE relation <> 'cites' AND target_id IN ({string.Join(",", actorIds.Select((_, i) => $"$a{i}"))})))"
            : "";
        cmd.CommandText = $"SELECT r.json FROM records r WHERE r.kind IN ({kindList}) AND r.date_start <= $to AND r.date_end >= $from{actorFilter} ORDER BY r.date_start DESC LIMIT $limit";
        var i = 0;
        foreach (var k in kinds) cmd.Parameters.AddWithValue($"$k{i++}", k.ToString());
        i = 0;
        foreach (var a in actorIds ?? []) cmd.Parameters.AddWithValue($"$a{i++}", a);
        cmd.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd"));
        cmd.Parameters.AddWithValue("$to", to.ToString("yyyy-MM-dd"));
        cmd.Parameters.AddWithValue("$limit", limit);
        using var r = cmd.ExecuteReader();
        var list = new List<KnowledgeRecord>();
        while (r.Read()) list.Add(KnowledgeRecordJson.Deserialize(r.GetString(0)));
        return (IReadOnlyList<KnowledgeRecord>)list;
    });

    public string? Meta(string key) => WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() as string;
    });

    /// <summary>Content hashes of every record, for change tracking outside the rebuilt database.</summary>
    public IReadOnlyList<(string Id, RecordKind Kind, string Hash)> Hashes() => WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT id, kind, hash FROM records";
        using var r = cmd.ExecuteReader();
        var list = new List<(string, RecordKind, string)>();
        while (r.Read()) list.Add((r.GetString(0), Enum.Parse<RecordKind>(r.GetString(1)), r.GetString(2)));
        return (IReadOnlyList<(string, RecordKind, string)>)list;
    });

    internal T WithConnection<T>(Func<SqliteConnection, T> work)
    {
        if (!_pool.TryTake(out var db))
        {
            db = new SqliteConnection(_connectionString);
            db.Open();
        }
        try { return work(db); }
        finally { _pool.Add(db); }
    }

    public void Dispose()
    {
        while (_pool.TryTake(out var db)) db.Dispose();
    }
}

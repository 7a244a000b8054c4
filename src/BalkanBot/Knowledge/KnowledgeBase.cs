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

    /// <summary>Deserialised events kept in memory; about 60 MB at the bound.</summary>
    private const int MaxCachedRecords = 20_000;

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

    /// <summary>SHA-256 of every record's content, in build order, written by the build: equal hashes, equal bases.</summary>
    public string? ContentHash => _contentHash ??= Meta("content_hash");
    private string? _contentHash;

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
        if (r is not null && _cache.Count < MaxCachedRecords) _cache[id] = r;
        return r;
    }

    public KnowledgeRecord? Source(string id) => _resident.TryGetValue(id, out var r) && r.Kind == RecordKind.Source ? r : null;

    public IEnumerable<KnowledgeRecord> OfKind(RecordKind kind) => Resident.Where(r => r.Kind == kind);

    /// <summary>Ids of records that point at <paramref name="targetId"/> (as party, actor, subject, about...).</summary>
    public IReadOnlyList<(string Id, string Relation)> ReferencesTo(string targetId, int limit = 500)
    {
        var index = Index;
        if (!index.References.TryGetValue(targetId, out var refs)) return [];
        var n = Math.Min(Math.Max(limit, 0), refs.Rowids.Length);
        var list = new (string, string)[n];
        for (var i = 0; i < n; i++) list[i] = (index.Ids[refs.Rowids[i]], refs.Relations[i]);
        return list;
    }

    /// <summary>Dated records overlapping [from, to], optionally tied to any of the given actors, newest first.</summary>
    public IReadOnlyList<KnowledgeRecord> InPeriod(DateOnly from, DateOnly to, IReadOnlyCollection<RecordKind> kinds,
        IReadOnlyCollection<string>? actorIds = null, int limit = 200)
    {
        var index = Index;
        var wanted = new bool[Enum.GetValues<RecordKind>().Length];
        foreach (var k in kinds) wanted[(int)k] = true;
        var actors = actorIds is { Count: > 0 } ? actorIds.Distinct(StringComparer.Ordinal).ToArray() : null;
        var referencing = actors?.Select(ReferencedBy).ToArray();
        int f = from.DayNumber, t = to.DayNumber;
        var oldestUseful = f - index.MaxSpanDays; // nothing that starts earlier can still be running at `from`
        var hits = new List<int>();
        // Newest first: walk down from the last record that starts by `to`; ties by rowid, highest first.
        var i = UpperBound(index.Starts, t) - 1;
        for (; i >= 0 && hits.Count < limit && index.Starts[i] >= oldestUseful; i--)
        {
            var rowid = index.Dated[i];
            if (index.Ends[i] < f || !wanted[(int)index.Kinds[rowid]]) continue;
            if (actors is not null && !TiedTo(rowid, index.Countries[rowid], actors, referencing!)) continue;
            hits.Add(rowid);
        }
        return Materialise(hits);
    }

    private static bool TiedTo(int rowid, string? country, string[] actors, ulong[][] referencing)
    {
        if (country is not null && Array.IndexOf(actors, country) >= 0) return true;
        foreach (var bits in referencing)
            if ((bits[rowid >> 6] & (1UL << (rowid & 63))) != 0) return true;
        return false;
    }

    private static int UpperBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

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

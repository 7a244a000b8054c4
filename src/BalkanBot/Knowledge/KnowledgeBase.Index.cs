using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace BalkanBot.Knowledge;

public sealed partial class KnowledgeBase
{
    private readonly Lock _indexLock = new();
    private RecordIndex? _index;
    private readonly ConcurrentDictionary<string, ulong[]> _referencedBy = new(StringComparer.Ordinal);

    /// <summary>
    /// Where every record sits (kind by rowid, dated records by start, who points at whom), read once on first use.
    /// SQLite can only range-scan date_start, so "overlapping [from, to]" and "tied to an actor" made it read most
    /// of the table for a recent period; in memory the same filters cost microseconds, and only the rows that
    /// qualify are read from disk.
    /// </summary>
    private RecordIndex Index
    {
        get
        {
            if (_index is { } ready) return ready;
            lock (_indexLock) return _index ??= WithConnection(RecordIndex.Load);
        }
    }

    /// <summary>Bit per rowid: the records that point at <paramref name="targetId"/> other than by citing it.</summary>
    private ulong[] ReferencedBy(string targetId) => _referencedBy.GetOrAdd(targetId, id =>
    {
        var index = Index;
        var bits = new ulong[index.Ids.Length / 64 + 1];
        if (index.References.TryGetValue(id, out var refs))
            foreach (var rowid in refs.Rowids) bits[rowid >> 6] |= 1UL << (rowid & 63);
        return bits;
    });

    /// <summary>Records by rowid, in the order given: resident ones from memory, cached events from the cache, the rest in one query.</summary>
    private List<KnowledgeRecord> Materialise(List<int> rowids)
    {
        var index = Index;
        var found = new KnowledgeRecord?[rowids.Count];
        var missing = new Dictionary<long, int>();
        for (var i = 0; i < rowids.Count; i++)
        {
            var id = index.Ids[rowids[i]];
            if (_resident.TryGetValue(id, out var r) || _cache.TryGetValue(id, out r)) found[i] = r;
            else missing[rowids[i]] = i;
        }
        if (missing.Count > 0)
        {
            WithConnection(db =>
            {
                using var cmd = db.CreateCommand();
                // Integers from our own index, never user text.
                var list = new StringBuilder();
                foreach (var rowid in missing.Keys) list.Append(list.Length == 0 ? "" : ",").Append(rowid.ToString(CultureInfo.InvariantCulture));
                cmd.CommandText = $"SELECT rowid, json FROM records WHERE rowid IN ({list})";
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    var record = KnowledgeRecordJson.Deserialize(reader.GetString(1));
                    found[missing[reader.GetInt64(0)]] = record;
                    if (_cache.Count < MaxCachedRecords) _cache.TryAdd(record.Id, record);
                }
                return 0;
            });
        }
        return found.OfType<KnowledgeRecord>().ToList();
    }
}

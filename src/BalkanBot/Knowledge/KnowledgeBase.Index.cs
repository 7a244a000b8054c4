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

    private sealed class RecordIndex
    {
        public required string[] Ids { get; init; }
        public required RecordKind[] Kinds { get; init; }
        public required string?[] Countries { get; init; }
        /// <summary>Dated rowids ordered by (start, rowid), with their day numbers.</summary>
        public required int[] Dated { get; init; }
        public required int[] Starts { get; init; }
        public required int[] Ends { get; init; }
        public required int MaxSpanDays { get; init; }
        /// <summary>Per target id, the records that point at it in the relations_target index order (relation, insertion).</summary>
        public required Dictionary<string, (int[] Rowids, string[] Relations)> References { get; init; }
        /// <summary>Per kind, the lowest and highest rowid holding it.</summary>
        public required Dictionary<RecordKind, (long Low, long High)> RowidRange { get; init; }

        public static RecordIndex Load(SqliteConnection db)
        {
            long max;
            using (var cmd = db.CreateCommand())
            {
                cmd.CommandText = "SELECT coalesce(max(rowid), 0) FROM records";
                max = (long)cmd.ExecuteScalar()!;
            }
            var ids = new string[max + 1];
            var kinds = new RecordKind[max + 1];
            var countries = new string?[max + 1];
            var rowOf = new Dictionary<string, int>((int)max, StringComparer.Ordinal);
            var dated = new List<(int Start, int Rowid, int End)>();
            var interned = new Dictionary<string, string>(StringComparer.Ordinal);
            var ranges = new Dictionary<RecordKind, (long, long)>();
            using (var cmd = db.CreateCommand())
            {
                cmd.CommandText = "SELECT rowid, id, kind, date_start, date_end, country FROM records";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var rowid = (int)r.GetInt64(0);
                    var kind = Enum.Parse<RecordKind>(r.GetString(2));
                    ids[rowid] = r.GetString(1);
                    kinds[rowid] = kind;
                    rowOf[ids[rowid]] = rowid;
                    if (!r.IsDBNull(5)) countries[rowid] = Intern(interned, r.GetString(5));
                    if (!r.IsDBNull(3) && !r.IsDBNull(4)) dated.Add((Day(r.GetString(3)), rowid, Day(r.GetString(4))));
                    ranges[kind] = ranges.TryGetValue(kind, out var range) ? (Math.Min(range.Item1, rowid), Math.Max(range.Item2, rowid)) : (rowid, rowid);
                }
            }
            dated.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Rowid.CompareTo(b.Rowid));

            var grouped = new Dictionary<string, List<(int Rowid, string Relation)>>(StringComparer.Ordinal);
            using (var cmd = db.CreateCommand())
            {
                // Table order is insertion order; a stable sort by relation below then gives the index's order.
                cmd.CommandText = "SELECT target_id, source_id, relation FROM relations WHERE relation <> 'cites' ORDER BY rowid";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    if (!rowOf.TryGetValue(r.GetString(1), out var source)) continue;
                    var target = Intern(interned, r.GetString(0));
                    if (!grouped.TryGetValue(target, out var list)) grouped[target] = list = [];
                    list.Add((source, Intern(interned, r.GetString(2))));
                }
            }
            var references = grouped.ToDictionary(g => g.Key, g =>
            {
                var ordered = g.Value.OrderBy(x => x.Relation, StringComparer.Ordinal).ToList();
                return (ordered.Select(x => x.Rowid).ToArray(), ordered.Select(x => x.Relation).ToArray());
            }, StringComparer.Ordinal);

            return new RecordIndex
            {
                Ids = ids,
                Kinds = kinds,
                Countries = countries,
                Dated = dated.Select(d => d.Rowid).ToArray(),
                Starts = dated.Select(d => d.Start).ToArray(),
                Ends = dated.Select(d => d.End).ToArray(),
                MaxSpanDays = dated.Count == 0 ? 0 : dated.Max(d => d.End - d.Start),
                References = references,
                RowidRange = ranges,
            };
        }

        private static int Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;

        private static string Intern(Dictionary<string, string> table, string s)
        {
            if (table.TryGetValue(s, out var existing)) return existing;
            table[s] = s;
            return s;
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
    private List<KnowledgeRecord> Materialise(IReadOnlyList<int> rowids)
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

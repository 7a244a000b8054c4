using System.Globalization;
using Microsoft.Data.Sqlite;

namespace BalkanBot.Knowledge;

/// <summary>
/// Where every record sits, read once from the compiled database: ids and kinds by rowid, dated records ordered by
/// start, and who points at whom. <see cref="KnowledgeBase"/> filters by period and actor in memory with it and
/// reads from disk only the rows that qualify.
/// </summary>
internal sealed class RecordIndex
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

using System.Text;

namespace BalkanBot.Knowledge;

public sealed record SearchHit(string Id, RecordKind Kind, double Score);

public sealed partial class KnowledgeBase
{
    private HashSet<string>? _vocabulary;

    /// <summary>Every token in the indexed text; lets the spell-corrector leave real words alone.</summary>
    public ISet<string> Vocabulary => _vocabulary ??= WithConnection(db =>
    {
        using (var create = db.CreateCommand())
        {
            create.CommandText = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.records_vocab USING fts5vocab(main, 'records_fts', 'row')";
            create.ExecuteNonQuery();
        }
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT term FROM temp.records_vocab";
        using var r = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read()) set.Add(r.GetString(0));
        return set;
    });

    /// <summary>
    /// A crude stem for prefix matching: "declare" finds "declaration", "rafales" finds "rafale", "independent"
    /// finds "independence". Tokens are [a-z0-9] only, so the quoted prefix can never be read as FTS5 syntax.
    /// </summary>
    internal static string Stem(string token)
    {
        var t = token.Length > 4 && token.EndsWith('s') && !token.EndsWith("ss", StringComparison.Ordinal) ? token[..^1] : token;
        return t.Length > 6 ? t[..6] : t;
    }

    /// <summary>
    /// BM25 over names, aliases and text. Tokens are already normalised to [a-z0-9] and each is quoted as an FTS5
    /// string, so nothing a user types can become query syntax (AND, NEAR, *, ^, column filters, quotes).
    /// </summary>
    public IReadOnlyList<SearchHit> Search(IEnumerable<string> tokens, IReadOnlyCollection<RecordKind>? kinds = null, int limit = 40)
    {
        var terms = tokens.Where(t => t.Length > 1 && !Stopwords.IsStopword(t)).Distinct().Take(24).ToList();
        if (terms.Count == 0) return [];
        var match = new StringBuilder();
        foreach (var t in terms)
        {
            if (match.Length > 0) match.Append(" OR ");
            match.Append('"').Append(Stem(t)).Append("\"*");
        }
        // A rowid range that holds every record of the wanted kinds lets FTS5 skip the rest of each doclist instead of
        // scoring every match and reading its row only to drop it. The kind filter below still decides; BM25 statistics
        // stay those of the whole index, so scores and order are unchanged.
        var range = "";
        if (kinds is { Count: > 0 })
        {
            var spans = kinds.Distinct().Select(k => Index.RowidRange.TryGetValue(k, out var span) ? span : ((long, long)?)null).OfType<(long Low, long High)>().ToList();
            if (spans.Count == 0) return [];
            range = $" AND records_fts.rowid BETWEEN {spans.Min(x => x.Low)} AND {spans.Max(x => x.High)}";
        }
        return WithConnection(db =>
        {
            using var cmd = db.CreateCommand();
            var kindFilter = kinds is { Count: > 0 } ? $" AND r.kind IN ({string.Join(",", kinds.Select((_, i) => $"$k{i}"))}){range}" : "";
            cmd.CommandText = $"""
                SELECT r.id, r.kind, -bm25(records_fts, 8.0, 6.0, 1.0) AS score
                FROM records_fts JOIN records r ON r.rowid = records_fts.rowid
                WHERE records_fts MATCH $q{kindFilter}
                ORDER BY bm25(records_fts, 8.0, 6.0, 1.0) LIMIT $limit
                """;
            cmd.Parameters.AddWithValue("$q", match.ToString());
            cmd.Parameters.AddWithValue("$limit", limit);
            var i = 0;
            foreach (var k in kinds ?? []) cmd.Parameters.AddWithValue($"$k{i++}", k.ToString());
            using var r = cmd.ExecuteReader();
            var list = new List<SearchHit>();
            while (r.Read()) list.Add(new SearchHit(r.GetString(0), Enum.Parse<RecordKind>(r.GetString(1)), r.GetDouble(2)));
            return (IReadOnlyList<SearchHit>)list;
        });
    }
}

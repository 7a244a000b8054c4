namespace BalkanBot.Knowledge;

public sealed record SearchHit(string Id, RecordKind Kind, double Score);

public sealed partial class KnowledgeBase
{
    private HashSet<string>? _vocabulary;

    /// <summary>Every token in the indexed text; lets the spell-corrector leave real words alone.</summary>
    private static readonly string[] FtsTables = ["records_fts", "events_fts"];

    public ISet<string> Vocabulary => _vocabulary ??= WithConnection(db =>
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in FtsTables)
        {
            using (var create = db.CreateCommand())
            {
                create.CommandText = $"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_vocab USING fts5vocab(main, '{table}', 'row')";
                create.ExecuteNonQuery();
            }
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT term FROM temp.{table}_vocab";
            using var r = cmd.ExecuteReader();
            while (r.Read()) set.Add(r.GetString(0));
        }
        // "pass" and "spreading" are the base's words too when it writes "passed" and "spread".
        foreach (var word in set.ToList()) set.Add(Retrieval.Stemmer.Stem(word));
        // "bought" is no misspelt "brought" when the synonym list says it finds "purchase".
        set.UnionWith(Synonyms.Words);
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

    /// <summary>Above this many events, event search requires every word (AND) instead of any (OR).</summary>
    internal const int LargeEventIndex = 2_000;

    /// <summary>
    /// BM25 over names, aliases and text. Tokens are already normalised to [a-z0-9] and each is quoted as an FTS5
    /// string, so nothing a user types can become query syntax (AND, NEAR, *, ^, column filters, quotes).
    /// Events have their own index: the curated records stay a small, fast index whatever the number of incidents,
    /// and a large event index is searched with every word required, since an OR over common words would make
    /// BM25 score tens of thousands of matches.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(IEnumerable<string> tokens, IReadOnlyCollection<RecordKind>? kinds = null, int limit = 40)
    {
        var terms = tokens.Where(t => t.Length > 1 && !Stopwords.IsStopword(t)).Distinct().Take(24).ToList();
        if (terms.Count == 0) return [];
        var wantEvents = kinds is not { Count: > 0 } || kinds.Contains(RecordKind.Event);
        var others = kinds is { Count: > 0 } ? kinds.Where(k => k != RecordKind.Event).Distinct().ToList() : null;
        var hits = new List<SearchHit>();
        if (others is null || others.Count > 0)
            hits.AddRange(SearchTable("records_fts", Match(terms, " OR "), others, limit));
        if (wantEvents)
        {
            var events = Counts.GetValueOrDefault(RecordKind.Event);
            if (events > 0)
                hits.AddRange(SearchTable("events_fts", events > LargeEventIndex ? Exact(terms) : Match(terms, " OR "), null, limit));
        }
        return hits.OrderByDescending(h => h.Score).Take(limit).ToList();
    }

    /// <summary>Every word, exactly: on a large index a prefix expands into many doclists that AND must read in full.</summary>
    private static string Exact(IEnumerable<string> terms) => string.Join(" AND ", terms.Select(t => "\"" + t + "\""));

    private static string Match(IEnumerable<string> terms, string join) =>
        string.Join(join, terms.Select(t => "\"" + Stem(t) + "\"*"));

    private IReadOnlyList<SearchHit> SearchTable(string table, string match, IReadOnlyCollection<RecordKind>? kinds, int limit) => WithConnection(db =>
    {
        using var cmd = db.CreateCommand();
        var kindFilter = kinds is { Count: > 0 } ? $" AND r.kind IN ({string.Join(",", kinds.Select((_, i) => $"$k{i}"))})" : "";
        cmd.CommandText = $"""
            SELECT r.id, r.kind, -bm25({table}, 8.0, 6.0, 1.0) AS score
            FROM {table} JOIN records r ON r.rowid = {table}.rowid
            WHERE {table} MATCH $q{kindFilter}
            ORDER BY bm25({table}, 8.0, 6.0, 1.0) LIMIT $limit
            """;
        cmd.Parameters.AddWithValue("$q", match);
        cmd.Parameters.AddWithValue("$limit", limit);
        var i = 0;
        foreach (var k in kinds ?? []) cmd.Parameters.AddWithValue($"$k{i++}", k.ToString());
        using var r = cmd.ExecuteReader();
        var list = new List<SearchHit>();
        while (r.Read()) list.Add(new SearchHit(r.GetString(0), Enum.Parse<RecordKind>(r.GetString(1)), r.GetDouble(2)));
        return (IReadOnlyList<SearchHit>)list;
    });
}

using System.Collections.Frozen;
using BalkanBot.Knowledge;

namespace BalkanBot.Retrieval;

/// <summary>What a question asks of the passage index: its content words, the records it names, quoted phrases.</summary>
public sealed record PassageQuery(IReadOnlyList<string> Terms, IReadOnlyList<string> Entities, IReadOnlyList<string> Phrases)
{
    /// <summary>Words that are worth less than content (question verbs such as "signed", "founded").</summary>
    public IReadOnlySet<string> Soft { get; init; } = new HashSet<string>();
}

/// <summary>
/// BM25 over passages held in memory, with a name field, synonym expansion, a boost for the records the question
/// names and for quoted phrases. The curated base is a few thousand passages, so a query scores in well under a
/// millisecond; large incident sets stay in SQLite's own index and are not held here.
/// </summary>
public sealed class PassageIndex
{
    private const double K1 = 1.2, B = 0.6;
    private readonly Passage[] _passages;
    private readonly Dictionary<string, int>[] _tf;
    private readonly int[] _length;
    private readonly FrozenSet<string>[] _header;
    private readonly string[] _normText;
    private readonly FrozenSet<string>[] _entities;
    private readonly FrozenDictionary<string, int[]> _postings;
    private readonly FrozenDictionary<string, int[]> _byEntity;
    private readonly double _avgLength;
    private readonly Synonyms _synonyms;
    private readonly FrozenDictionary<string, int[]> _byRecord;

    public PassageIndex(IReadOnlyList<Passage> passages, Func<string, IEnumerable<string>> headerOf,
        Func<string, IReadOnlyList<string>> entitiesIn, Synonyms synonyms)
    {
        _synonyms = synonyms;
        _passages = passages.ToArray();
        _tf = new Dictionary<string, int>[_passages.Length];
        _length = new int[_passages.Length];
        _header = new FrozenSet<string>[_passages.Length];
        _normText = new string[_passages.Length];
        _entities = new FrozenSet<string>[_passages.Length];
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byEntity = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var headers = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < _passages.Length; i++)
        {
            var p = _passages[i];
            var norm = TextNormalizer.Normalize(p.Text);
            _normText[i] = " " + norm + " ";
            var tf = new Dictionary<string, int>(StringComparer.Ordinal);
            var tokens = norm.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var t in tokens)
            {
                if (Stopwords.IsStopword(t)) continue;
                var s = Stemmer.Stem(t);
                tf[s] = tf.GetValueOrDefault(s) + 1;
            }
            _tf[i] = tf;
            _length[i] = Math.Max(1, tokens.Length);
            if (!headers.TryGetValue(p.RecordId, out var header))
                headers[p.RecordId] = header = headerOf(p.RecordId).SelectMany(TextNormalizer.Tokens)
                    .Where(t => !Stopwords.IsStopword(t)).Select(Stemmer.Stem).ToFrozenSet(StringComparer.Ordinal);
            _header[i] = header;
            foreach (var s in tf.Keys.Concat(header).Distinct())
            {
                if (!postings.TryGetValue(s, out var list)) postings[s] = list = [];
                list.Add(i);
            }
            var entities = new HashSet<string>(StringComparer.Ordinal) { p.RecordId };
            entities.UnionWith(p.Refers);
            if (p.Subject is not null) entities.Add(p.Subject);
            entities.UnionWith(entitiesIn(p.Text));
            _entities[i] = entities.ToFrozenSet(StringComparer.Ordinal);
            foreach (var e in entities)
            {
                if (!byEntity.TryGetValue(e, out var list)) byEntity[e] = list = [];
                list.Add(i);
            }
        }
        _avgLength = _passages.Length == 0 ? 1 : _length.Average();
        _postings = postings.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _byEntity = byEntity.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _byRecord = Enumerable.Range(0, _passages.Length).GroupBy(i => _passages[i].RecordId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public int Count => _passages.Length;
    public IReadOnlyList<Passage> All => _passages;

    public IEnumerable<Passage> OfRecord(string recordId) => _byRecord.TryGetValue(recordId, out var ids) ? ids.Select(i => _passages[i]) : [];

    /// <summary>Some passage of the record names or concerns the other record.</summary>
    public bool RecordMentions(string recordId, string other) =>
        _byRecord.TryGetValue(recordId, out var ids) && ids.Any(i => _entities[i].Contains(other));

    /// <summary>Some passage of the record carries the word.</summary>
    public bool RecordMatches(string recordId, string term) =>
        _byRecord.TryGetValue(recordId, out var ids) && ids.Any(i => Matches(_passages[i], term));

    /// <summary>Passages that name or concern a record (its own, and those of records that refer to it).</summary>
    public IEnumerable<Passage> Mentioning(string recordId) =>
        _byEntity.TryGetValue(recordId, out var ids) ? ids.Select(i => _passages[i]) : [];

    public bool Mentions(Passage p, string recordId) => _entities[p.Id].Contains(recordId);

    /// <summary>The records a passage is about or names.</summary>
    public IReadOnlySet<string> EntitiesOf(Passage p) => p.Id >= 0 ? _entities[p.Id] : FrozenSet<string>.Empty;

    public bool Contains(Passage p, string normalizedPhrase) =>
        _normText[p.Id].Contains(" " + normalizedPhrase + " ", StringComparison.Ordinal);

    /// <summary>Whether any passage writes the phrase ("security force") or its plural.</summary>
    public bool AnyContains(string normalizedPhrase)
    {
        int[]? rarest = null;
        foreach (var word in normalizedPhrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!_postings.TryGetValue(Stemmer.Stem(word), out var ids)) return false;
            if (rarest is null || ids.Length < rarest.Length) rarest = ids;
        }
        return rarest is not null && rarest.Any(i => _normText[i].Contains(" " + normalizedPhrase + " ", StringComparison.Ordinal)
                                                     || _normText[i].Contains(" " + normalizedPhrase + "s ", StringComparison.Ordinal));
    }

    /// <summary>The stems a question word matches: its own and its synonyms'.</summary>
    public IReadOnlyList<string> Expand(string term) => _synonyms.Expand(term).Select(Stemmer.Stem).Distinct().ToList();

    /// <summary>How rare a question word is in the base (over its synonyms); a word the base never uses is rarest.</summary>
    public double Idf(string term)
    {
        var n = Math.Max(1, _passages.Length);
        var df = Expand(term).Select(s => _postings.TryGetValue(s, out var ids) ? ids.Length : 0).DefaultIfEmpty(0).Max();
        return Math.Log(1 + (n - df + 0.5) / (df + 0.5));
    }

    public bool Matches(Passage p, string term)
    {
        foreach (var s in Expand(term))
            if (_tf[p.Id].ContainsKey(s) || _header[p.Id].Contains(s)) return true;
        return false;
    }

    /// <summary>The word is in the name, aliases or topics of the passage's record.</summary>
    public bool InHeader(Passage p, string term)
    {
        foreach (var s in Expand(term))
            if (_header[p.Id].Contains(s)) return true;
        return false;
    }

    public bool MatchesInText(Passage p, string term)
    {
        foreach (var s in Expand(term))
            if (_tf[p.Id].ContainsKey(s)) return true;
        return false;
    }

    public IReadOnlyList<PassageHit> Search(PassageQuery query, int limit = 12)
    {
        var terms = query.Terms.Where(t => t.Length > 1 && !Stopwords.IsStopword(t)).Distinct().Take(24).ToList();
        var expanded = terms.Select(t => (Term: t, Own: Stemmer.Stem(t), Stems: Expand(t))).ToList();
        var scores = new Dictionary<int, double>();
        var n = Math.Max(1, _passages.Length);
        foreach (var (term, own, stems) in expanded)
        {
            var weight = query.Soft.Contains(term) ? 0.4 : 1.0;
            var seen = new HashSet<int>();
            foreach (var s in stems)
            {
                if (!_postings.TryGetValue(s, out var ids)) continue;
                var idf = Math.Log(1 + (n - ids.Length + 0.5) / (ids.Length + 0.5));
                var w = weight * (s == own ? 1.0 : 0.8);
                foreach (var i in ids)
                {
                    if (!seen.Add(i)) continue;
                    var tf = _tf[i].GetValueOrDefault(s);
                    var body = tf == 0 ? 0 : idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * _length[i] / _avgLength));
                    var header = _header[i].Contains(s) ? 0.35 * idf : 0;
                    scores[i] = scores.GetValueOrDefault(i) + w * (body + header);
                }
            }
        }
        foreach (var e in query.Entities)
            if (_byEntity.TryGetValue(e, out var ids))
                foreach (var i in ids)
                    scores[i] = scores.GetValueOrDefault(i) + (_passages[i].RecordId == e ? 2.4 : 1.4);
        foreach (var phrase in query.Phrases.Where(p => p.Length > 0))
            foreach (var i in scores.Keys.ToList())
                if (_normText[i].Contains(" " + phrase + " ", StringComparison.Ordinal)) scores[i] += 6;

        return scores.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(limit).Select(kv =>
        {
            var p = _passages[kv.Key];
            var matched = terms.Where(t => Matches(p, t)).ToList();
            var entities = query.Entities.Where(e => _entities[kv.Key].Contains(e)).ToList();
            return new PassageHit(p, kv.Value, matched, entities);
        }).ToList();
    }
}

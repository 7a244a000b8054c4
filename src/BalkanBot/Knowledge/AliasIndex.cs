using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace BalkanBot.Knowledge;

/// <summary>A place in the question where a known name stands.</summary>
public sealed record EntityMention(string RecordId, RecordKind Kind, string Surface, int TokenStart, int TokenCount);

/// <summary>
/// Finds record names and aliases in normalised text, longest match first. Tokens that match nothing are
/// compared with the alias vocabulary within a small edit distance, so "Vucic", "Vučić" and "Vuicic" all link.
/// </summary>
public sealed partial class AliasIndex
{
    private readonly FrozenDictionary<string, string[]> _byAlias;
    private readonly FrozenDictionary<string, RecordKind> _kinds;
    private readonly string[] _vocabulary;
    private readonly FrozenSet<string> _vocabularySet;
    private readonly int _maxTokens;

    // People write the adjective far more often than the alias lists do.
    private static readonly FrozenDictionary<string, string> Demonyms = new Dictionary<string, string>
    {
        ["serbian"] = "serbia",
        ["serbs"] = "serbia",
        ["hungarian"] = "hungary",
        ["albanian"] = "albania",
        ["croatian"] = "croatia",
        ["kosovar"] = "kosovo",
        ["kosovan"] = "kosovo",
        ["montenegrin"] = "montenegro",
        ["russian"] = "russia",
        ["chinese"] = "china",
        ["american"] = "united states",
        ["french"] = "france",
        ["turkish"] = "turkiye",
        ["turkey"] = "turkiye",
        ["bosnian"] = "bosnia",
        ["macedonian"] = "north macedonia",
        ["romanian"] = "romania",
        ["bulgarian"] = "bulgaria",
        ["greek"] = "greece",
        ["azerbaijani"] = "azerbaijan",
        ["jordanian"] = "jordan",
        ["armenian"] = "armenia",
        ["belarusian"] = "belarus",
        ["polish"] = "poland",
        ["moldovan"] = "moldova",
        ["ukrainian"] = "ukraine",
        ["israeli"] = "israel",
        ["indian"] = "india",
    }.ToFrozenDictionary();

    internal AliasIndex(IEnumerable<(string Norm, string Id)> rows, IReadOnlyDictionary<string, RecordKind> kinds)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (norm, id) in rows)
        {
            if (norm.Length == 0 || Stopwords.IsStopword(norm)) continue;
            if (!map.TryGetValue(norm, out var ids)) map[norm] = ids = [];
            if (!ids.Contains(id)) ids.Add(id);
        }
        _byAlias = map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _earlier = FindEarlier(map);
        _kinds = kinds.ToFrozenDictionary();
        _maxTokens = map.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
        _vocabulary = map.Keys.SelectMany(k => k.Split(' ')).Where(t => t.Length >= 4).Distinct().ToArray();
        _vocabularySet = _vocabulary.ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => _byAlias.Count;

    /// <summary>
    /// Records that are earlier versions of one a bare name points at: "CEFTA 1992" and "original CEFTA" beside "CEFTA"
    /// (which is "CEFTA 2006"). A version is earlier when its year is below the year in the current record's own alias.
    /// </summary>
    public IReadOnlyList<string> EarlierVersions(string recordId) => _earlier.TryGetValue(recordId, out var ids) ? ids : [];

    private readonly FrozenDictionary<string, string[]> _earlier;

    private static FrozenDictionary<string, string[]> FindEarlier(Dictionary<string, List<string>> map)
    {
        // Aliases that name a version: "cefta 1992" (base, year) and "original cefta" (base, no year).
        var versions = new List<(string Base, int Year, string Id)>();
        foreach (var (alias, ids) in map)
        {
            if (ids is not [var id]) continue;
            if (VersionYear().Match(alias) is { Success: true } y)
                versions.Add((y.Groups[1].Value, int.Parse(y.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), id));
            else if (alias.StartsWith("original ", StringComparison.Ordinal)) versions.Add((alias["original ".Length..], int.MinValue, id));
        }
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var group in versions.GroupBy(v => v.Base))
        {
            if (!map.TryGetValue(group.Key, out var bare) || bare is not [var current]) continue;
            var ownYear = group.Where(v => v.Id == current).Select(v => v.Year).DefaultIfEmpty(int.MaxValue).Max();
            foreach (var v in group.Where(v => v.Id != current && v.Year < ownYear))
            {
                if (!result.TryGetValue(current, out var list)) result[current] = list = [];
                if (!list.Contains(v.Id)) list.Add(v.Id);
            }
        }
        return result.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^(.+) ((?:19|20)\d\d)$")]
    private static partial Regex VersionYear();

    /// <summary>The state an adjective names ("american" → "united states"), or the word itself.</summary>
    public static string StateOf(string token) => Demonyms.TryGetValue(token, out var state) ? state : token;

    public IReadOnlyList<string> Lookup(string alias) =>
        _byAlias.TryGetValue(TextNormalizer.Normalize(alias), out var ids) ? ids : [];

    /// <summary>Replaces misspelt name tokens by the nearest alias token; other tokens pass unchanged.</summary>
    public string[] Correct(string[] tokens, ISet<string>? knownWords = null)
    {
        var result = new string[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            result[i] = t;
            if (Demonyms.TryGetValue(t, out var d)) { result[i] = d; continue; }
            if (t.Length < 5 || _vocabularySet.Contains(t) || Stopwords.IsStopword(t) || knownWords?.Contains(t) == true
                || char.IsDigit(t[0])) continue;
            var max = t.Length >= 8 ? 2 : 1;
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var v in _vocabulary)
            {
                if (Math.Abs(v.Length - t.Length) > max) continue;
                var dist = EditDistance.Compute(t, v, max);
                if (dist <= max && (dist < bestDistance || (dist == bestDistance && string.CompareOrdinal(v, best) < 0)))
                {
                    best = v;
                    bestDistance = dist;
                }
            }
            // "spreading" is a form of the base's own "spread", not a misspelt "spending"; "hungarys" is still "hungary".
            if (best is not null && knownWords is not null && knownWords.Contains(Retrieval.Stemmer.Stem(t))
                && Retrieval.Stemmer.Stem(best) != Retrieval.Stemmer.Stem(t)) best = null;
            if (best is not null) result[i] = best;
        }
        return result;
    }

    /// <summary>
    /// Links names in text as written: as <see cref="Link"/>, and "US" in capitals is the United States, where "us"
    /// in lower case is the pronoun ("the US as security guarantor", "US Defense Secretary").
    /// </summary>
    public (IReadOnlyList<EntityMention> Mentions, string[] Tokens) LinkWritten(string text, ISet<string>? knownWords = null)
    {
        var tokens = TextNormalizer.Tokens(text);
        var (mentions, corrected) = Link(tokens, knownWords);
        List<EntityMention> added = [];
        foreach (var (code, name) in CapitalCodes)
        {
            // Written in capitals only: "US" is the United States, "us" is not; "AL-KS-HR" are three states, "et al." none.
            var lower = code.ToLowerInvariant();
            if (!text.Contains(code, StringComparison.Ordinal) || Find(name.Split(' ')) is not [var state]) continue;
            var written = Regex.Matches(text, $@"\b{code}\b", RegexOptions.IgnoreCase).Select(m => m.Value == code).ToList();
            var at = Enumerable.Range(0, tokens.Length).Where(i => tokens[i] == lower).ToList();
            if (written.Count != at.Count) continue;
            added.AddRange(at.Where((i, k) => written[k] && mentions.All(m => i < m.TokenStart || i >= m.TokenStart + m.TokenCount))
                .Select(i => state with { Surface = lower, TokenStart = i, TokenCount = 1 }));
        }
        return added.Count == 0 ? (mentions, corrected) : (mentions.Concat(added).OrderBy(m => m.TokenStart).ToList(), corrected);
    }

    /// <summary>Codes that name a state only in capitals, where the lower-case word means something else ("Novi Sad").</summary>
    private static readonly (string Code, string Name)[] CapitalCodes =
        [("US", "united states"), ("SAD", "united states"), ("AL", "albania"), ("HR", "croatia"), ("HU", "hungary"), ("KS", "kosovo"), ("XK", "kosovo"), ("MK", "north macedonia")];

    /// <summary>
    /// Links names in normalised tokens. Exact matches are taken first; only the tokens they leave uncovered are
    /// spell-corrected, so a correct multi-word alias ("bosnian serb") is never broken up by a correction.
    /// </summary>
    public (IReadOnlyList<EntityMention> Mentions, string[] Tokens) Link(string[] tokens, ISet<string>? knownWords = null)
    {
        var exact = Find(tokens);
        var covered = new bool[tokens.Length];
        foreach (var m in exact)
            for (var k = m.TokenStart; k < m.TokenStart + m.TokenCount; k++) covered[k] = true;
        var corrected = Correct(tokens, knownWords);
        for (var k = 0; k < tokens.Length; k++)
            if (covered[k]) corrected[k] = tokens[k];
        return (Find(corrected), corrected);
    }

    /// <summary>Longest-first alias matches over already normalised (and corrected) tokens.</summary>
    public IReadOnlyList<EntityMention> Find(string[] tokens)
    {
        var found = new List<EntityMention>();
        var i = 0;
        while (i < tokens.Length)
        {
            var matched = 0;
            for (var len = Math.Min(_maxTokens, tokens.Length - i); len >= 1; len--)
            {
                var key = string.Join(' ', tokens, i, len);
                if (!_byAlias.TryGetValue(key, out var ids)) continue;
                foreach (var id in ids)
                    found.Add(new EntityMention(id, _kinds.TryGetValue(id, out var k) ? k : RecordKind.Event, key, i, len));
                matched = len;
                break;
            }
            i += Math.Max(1, matched);
        }
        return found;
    }
}

internal static class EditDistance
{
    /// <summary>Optimal string alignment distance, giving up early once it exceeds <paramref name="max"/>.</summary>
    public static int Compute(string a, string b, int max)
    {
        var n = a.Length; var m = b.Length;
        if (Math.Abs(n - m) > max) return max + 1;
        var prev2 = new int[m + 1]; var prev = new int[m + 1]; var cur = new int[m + 1];
        for (var j = 0; j <= m; j++) prev[j] = j;
        for (var i = 1; i <= n; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
            (prev2, prev, cur) = (prev, cur, prev2);
        }
        return prev[m];
    }
}

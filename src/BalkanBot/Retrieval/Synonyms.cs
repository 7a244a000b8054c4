using System.Collections.Frozen;
using BalkanBot.Knowledge;

namespace BalkanBot.Retrieval;

/// <summary>The reviewed synonym groups of knowledge/synonyms.yaml: a word finds the other words of its groups.</summary>
public sealed class Synonyms
{
    public const string FileName = "synonyms.yaml";
    private readonly FrozenDictionary<string, string[]> _groups;

    public Synonyms(IEnumerable<IReadOnlyList<string>> groups)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var words = group.Select(TextNormalizer.Normalize).Where(w => w.Length > 0 && !w.Contains(' ')).Distinct().ToList();
            foreach (var w in words)
            {
                if (!map.TryGetValue(w, out var set)) map[w] = set = [];
                set.UnionWith(words);
            }
        }
        _groups = map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        Groups = groups.Select(g => (IReadOnlyList<string>)g.ToList()).ToList();
    }

    public static Synonyms Empty { get; } = new([]);

    /// <summary>Every word of every group: words a question may use though the base writes another of its group.</summary>
    public IEnumerable<string> Words => _groups.Keys;

    public IReadOnlyList<IReadOnlyList<string>> Groups { get; }

    public IEnumerable<string> Expand(string word)
    {
        yield return word;
        if (_groups.TryGetValue(word, out var others))
            foreach (var o in others)
                if (o != word) yield return o;
    }

    /// <summary>Reads the YAML list of lists; a malformed line is an error naming the file and line.</summary>
    public static Synonyms Load(string knowledgeRoot)
    {
        var path = Path.Combine(knowledgeRoot, FileName);
        if (!File.Exists(path)) return Empty;
        var groups = new List<IReadOnlyList<string>>();
        var n = 0;
        foreach (var raw in File.ReadLines(path))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (!line.StartsWith("- [", StringComparison.Ordinal) || !line.EndsWith(']'))
                throw new KnowledgeValidationException([new KnowledgeError(path, n, "synonyms", "each line must be a group like - [founded, established, created]")]);
            var words = line[3..^1].Split(',').Select(w => w.Trim().Trim('"', '\'')).Where(w => w.Length > 0).ToList();
            if (words.Count < 2)
                throw new KnowledgeValidationException([new KnowledgeError(path, n, "synonyms", "a group needs at least two words")]);
            groups.Add(words);
        }
        return new Synonyms(groups);
    }
}

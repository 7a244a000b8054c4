using System.Collections.Frozen;
using System.Text.Json;
using BalkanBot.Retrieval;

namespace BalkanBot.Knowledge;

public sealed partial class KnowledgeBase
{
    private readonly Lock _passageLock = new();
    private PassageIndex? _passages;
    private Synonyms? _synonyms;

    /// <summary>The reviewed synonym groups stored with the base at build time.</summary>
    public Synonyms Synonyms => _synonyms ??= Meta("synonyms") is { } json
        ? new Synonyms(JsonSerializer.Deserialize<List<List<string>>>(json) ?? [])
        : Synonyms.Empty;

    /// <summary>
    /// Every curated record cut into passages. Events are included while the event index is small; above
    /// <see cref="LargeEventIndex"/> events are found through SQLite's index and cut on demand.
    /// </summary>
    public PassageIndex Passages
    {
        get
        {
            if (_passages is not null) return _passages;
            lock (_passageLock) return _passages ??= BuildPassages();
        }
    }

    public bool EventsInPassageIndex => Counts.GetValueOrDefault(RecordKind.Event) <= LargeEventIndex;

    private PassageIndex BuildPassages()
    {
        var records = Resident.ToList();
        if (EventsInPassageIndex)
            records.AddRange(WithConnection(db =>
            {
                using var cmd = db.CreateCommand();
                cmd.CommandText = "SELECT json FROM records WHERE kind = 'Event' ORDER BY rowid";
                using var r = cmd.ExecuteReader();
                var list = new List<KnowledgeRecord>();
                while (r.Read()) list.Add(KnowledgeRecordJson.Deserialize(r.GetString(0)));
                return list;
            }));
        var byId = records.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var next = 0;
        var passages = records.SelectMany(r => PassageExtractor.Extract(r, id => NameFor(id, byId), () => next++)).ToList();
        var vocabulary = Vocabulary;
        // A passage speaks for the authors of the documents it cites: "according to Antić" is answered by what cites
        // his essay, "the Pupin brief says" by what cites the brief.
        var authorsOf = Resident.Where(r => r.Kind == RecordKind.Source).ToDictionary(r => r.Id, r =>
            Aliases.Find(TextNormalizer.Tokens(string.Join(" , ", r.Authors.Append(r.Publisher ?? ""))))
                .Where(m => m.Kind == RecordKind.Actor).Select(m => m.RecordId).Distinct().ToList(), StringComparer.Ordinal);
        // A state behind a government document ("Government of Serbia") is still what questions are about.
        _authors = authorsOf.Values.SelectMany(a => a).Where(id => byId.TryGetValue(id, out var r) && r.Type != "state")
            .ToFrozenSet(StringComparer.Ordinal);
        passages = passages.Select(p => p with
        {
            CitedAuthors = p.Cite.Where(c => c.Source != p.RecordId).SelectMany(c => authorsOf.GetValueOrDefault(c.Source) ?? [])
                .Except(p.Refers).Distinct().ToList(),
            Refers = p.Refers.Concat(p.Cite.Where(c => c.Source != p.RecordId).SelectMany(c => authorsOf.GetValueOrDefault(c.Source) ?? []))
                .Concat(p.RecordKind == RecordKind.Claim && byId.TryGetValue(p.RecordId, out var claim) && claim.Author is { } author
                    ? Aliases.Find(TextNormalizer.Tokens(author)).Select(m => m.RecordId) : [])
                .Distinct().ToList(),
        }).ToList();
        return new PassageIndex(passages,
            id => byId.TryGetValue(id, out var r) ? r.Aliases.Prepend(r.Name).Concat(r.Topics.Select(t => t.Replace('-', ' ')))
                .Append(r.Measure?.Replace('-', ' ') ?? "").Append(r.Unit ?? "") : [],
            text => Aliases.LinkWritten(text, vocabulary).Mentions.Select(m => m.RecordId).Distinct().ToList(),
            Synonyms);
    }

    private IReadOnlyDictionary<string, string>? _people;
    private FrozenSet<string> _authors = FrozenSet<string>.Empty;

    /// <summary>The actors who wrote or published a document of the base or one it cites: cited, more often than asked about.</summary>
    public IReadOnlySet<string> Authors
    {
        get
        {
            _ = Passages; // built with the passage index
            return _authors;
        }
    }

    private FrozenSet<string>? _venues;

    /// <summary>The words of where the base's own documents appeared ("horizons"): where to read, not what is asked.</summary>
    public IReadOnlySet<string> DocumentVenues => _venues ??= OfKind(RecordKind.Source).Where(r => r.Via is null)
        .SelectMany(r => TextNormalizer.Tokens(r.Publisher ?? "")).ToFrozenSet(StringComparer.Ordinal);

    private (string Title, string Id)[]? _titles;

    /// <summary>The normalised titles of the sources, five words or longer, each with its record id.</summary>
    public IReadOnlyList<(string Title, string Id)> SourceTitles => _titles ??= OfKind(RecordKind.Source)
        .Select(r => (Title: " " + TextNormalizer.Normalize(r.Name) + " ", r.Id)).Where(t => t.Title.Count(c => c == ' ') >= 6).ToArray();

    /// <summary>Normalised names of people (person records and authors of sources), each with its record id.</summary>
    public IReadOnlyDictionary<string, string> PersonNames => _people ??= BuildPersonNames();

    private Dictionary<string, string> BuildPersonNames()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in Resident)
        {
            IEnumerable<string> names = r.Kind == RecordKind.Actor && r.Type == "person" ? r.Aliases.Prepend(r.Name)
                : r.Kind == RecordKind.Source ? r.Authors : [];
            foreach (var n in names.Select(TextNormalizer.Normalize).Where(n => n.Contains(' ') || n.Length >= 5))
                map.TryAdd(n, r.Id);
        }
        return map;
    }

    /// <summary>Passages cut on demand from events that are too many to hold (see <see cref="EventsInPassageIndex"/>).</summary>
    public IReadOnlyList<Passage> PassagesOf(KnowledgeRecord record)
    {
        var next = 0;
        return PassageExtractor.Extract(record, id => NameFor(id, null), () => next++).ToList();
    }

    private string NameFor(string id, Dictionary<string, KnowledgeRecord>? byId) =>
        (byId is not null && byId.TryGetValue(id, out var r) ? r : Get(id)) is { } rec ? rec.ShortName : id;
}

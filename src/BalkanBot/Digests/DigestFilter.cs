using BalkanBot.Answers;
using BalkanBot.Knowledge;

namespace BalkanBot.Digests;

/// <summary>
/// What a subscription wants: some kinds (agreements, incidents, figures) and/or some countries or actors.
/// Stored as a canonical string ("kinds=Agreement;ids=kosovo") so equal filters compare equal in the database.
/// </summary>
public sealed record DigestFilter(IReadOnlyList<RecordKind> Kinds, IReadOnlyList<string> EntityIds, string Label)
{
    public static readonly IReadOnlyList<RecordKind> DigestKinds = [RecordKind.Agreement, RecordKind.Event, RecordKind.Figure];

    public static DigestFilter None { get; } = new([], [], "everything");

    public bool IsNone => Kinds.Count == 0 && EntityIds.Count == 0;

    public string Canonical => IsNone ? "" :
        $"kinds={string.Join(',', Kinds.Order())};ids={string.Join(',', EntityIds.Order(StringComparer.Ordinal))}";

    public static DigestFilter FromCanonical(string canonical, string? label)
    {
        if (string.IsNullOrWhiteSpace(canonical)) return None;
        var kinds = new List<RecordKind>();
        var ids = new List<string>();
        foreach (var part in canonical.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = (part.Split('=')[0], part.Contains('=') ? part[(part.IndexOf('=') + 1)..] : "");
            var items = value.Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (key == "kinds") kinds.AddRange(items.Select(Enum.Parse<RecordKind>));
            else if (key == "ids") ids.AddRange(items);
        }
        return new DigestFilter(kinds, ids, label ?? canonical);
    }

    public static DigestFilter Create(IEnumerable<RecordKind> kinds, IEnumerable<string> ids, KnowledgeBase kb)
    {
        var k = kinds.Distinct().Order().ToList();
        var i = ids.Distinct(StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        if (i.Count > 0) parts.Add(RecordFacts.Names(kb, i));
        if (k.Count > 0) parts.Add(RecordFacts.JoinAnd(k.Select(KindWord).ToList()));
        return k.Count == 0 && i.Count == 0 ? None : new DigestFilter(k, i, string.Join(", ", parts));
    }

    public static string KindWord(RecordKind k) => k switch
    {
        RecordKind.Agreement => "agreements",
        RecordKind.Event => "incidents and events",
        RecordKind.Figure => "figures",
        _ => k.ToString().ToLowerInvariant(),
    };

    public bool Matches(KnowledgeRecord r, KnowledgeBase kb)
    {
        if (!DigestKinds.Contains(r.Kind)) return false;
        if (Kinds.Count > 0 && !Kinds.Contains(r.Kind)) return false;
        if (EntityIds.Count == 0) return true;
        var related = RelatedIds(r, kb);
        return EntityIds.Any(related.Contains);
    }

    /// <summary>
    /// The record, what it names (parties, actors, subject, place), and one step further: the country of each named
    /// actor, so "Kosovo" also catches an incident that names only the Kosovo Police; a figure inherits its subject's.
    /// </summary>
    internal static HashSet<string> RelatedIds(KnowledgeRecord r, KnowledgeBase kb, int depth = 0)
    {
        var set = new HashSet<string>(StringComparer.Ordinal) { r.Id };
        foreach (var (target, _) in r.References) set.Add(target);
        foreach (var id in set.ToList())
        {
            if (id == r.Id || kb.Get(id) is not { } other) continue;
            if (other.Country is { } c) set.Add(c);
            if (other.Place?.Country is { } pc) set.Add(pc);
            if (depth == 0 && r.Kind == RecordKind.Figure && id == r.Subject) set.UnionWith(RelatedIds(other, kb, depth + 1));
        }
        return set;
    }
}

namespace BalkanBot.Knowledge;

public sealed partial class KnowledgeBase
{
    /// <summary>Claims about any of the ids, those about more of them first.</summary>
    public IReadOnlyList<KnowledgeRecord> ClaimsAbout(IReadOnlyCollection<string> ids) =>
        OfKind(RecordKind.Claim)
            .Select(c => (Claim: c, Hits: c.About.Count(ids.Contains)))
            .Where(x => x.Hits > 0)
            .OrderByDescending(x => x.Hits)
            .Select(x => x.Claim)
            .ToList();

    /// <summary>Claims whose author is this actor ("what does the Pupin Initiative recommend").</summary>
    public IReadOnlyList<KnowledgeRecord> ClaimsBy(KnowledgeRecord actor) =>
        OfKind(RecordKind.Claim).Where(c => c.Author is { } a
            && (a.Contains(actor.ShortName, StringComparison.OrdinalIgnoreCase) || actor.Aliases.Any(x => x.Length > 3 && a.Contains(x, StringComparison.OrdinalIgnoreCase))))
            .ToList();

    /// <summary>The records of a document's authors and publisher.</summary>
    public IEnumerable<string> WritersOf(KnowledgeRecord document) =>
        document.Authors.Append(document.Publisher ?? "").SelectMany(a => Aliases.Lookup(a));

    /// <summary>The documents that hold claims and are written or published by any of the given records.</summary>
    public List<KnowledgeRecord> DocumentsWrittenBy(IReadOnlySet<string> writers) =>
        OfKind(RecordKind.Claim).Select(c => c.ClaimSource).OfType<string>().Distinct()
            .Select(Get).OfType<KnowledgeRecord>()
            .Where(d => WritersOf(d).Any(writers.Contains)).ToList();

    public IReadOnlyList<KnowledgeRecord> ConflictsAbout(IReadOnlyCollection<string> ids) =>
        OfKind(RecordKind.Conflict).Where(c => c.About.Any(ids.Contains)).ToList();

    public IReadOnlyList<KnowledgeRecord> FiguresOf(IReadOnlyCollection<string> subjectIds) =>
        OfKind(RecordKind.Figure).Where(f => f.Subject is not null && subjectIds.Contains(f.Subject)).ToList();

    /// <summary>Agreements an actor is party to, and actors that list membership of an agreement or organisation.</summary>
    public IReadOnlyList<KnowledgeRecord> AgreementsOf(string actorId) =>
        OfKind(RecordKind.Agreement).Where(a => a.Parties.Contains(actorId)).ToList();

    public IReadOnlyList<KnowledgeRecord> MembersOf(string id) =>
        OfKind(RecordKind.Actor).Where(a => a.Memberships.Any(m => m.Of == id)).ToList();

    /// <summary>Events and agreements tied to an actor, as party, participant or place; dated ones first, oldest first.</summary>
    public IReadOnlyList<KnowledgeRecord> RecordsInvolving(string actorId, IReadOnlyCollection<RecordKind> kinds, int limit = 200)
    {
        // The first 2,000 references, as before; read in one query rather than one per record.
        var index = Index;
        if (!index.References.TryGetValue(actorId, out var refs)) return [];
        var rowids = refs.Rowids.Take(2000).Distinct().Where(rowid => kinds.Contains(index.Kinds[rowid])).ToList();
        return Materialise(rowids).OrderBy(r => r.Date is null).ThenBy(r => r.Date?.Start).Take(limit).ToList();
    }
}

namespace BalkanBot.Knowledge;

internal static partial class KnowledgeLoader
{
    /// <summary>An id that resolves to nothing, at one place in one file.</summary>
    private sealed record Dangling(string File, int Line, string Field, string Id, bool IsSource, string RecordId);

    /// <summary>
    /// Rules across records: unique ids, references that resolve, citations of known sources. Each problem is reported
    /// once, at the line that holds it; an id missing several times in one file is one error that lists the other
    /// lines. References into a file that could not be parsed are not blamed on the files that make them.
    /// </summary>
    private static void Validate(List<KnowledgeRecord> records, Dictionary<KnowledgeRecord, RecordSpots> spots,
        List<KnowledgeError> errors, IReadOnlyList<UnreadableFile> unreadable, List<string> notes)
    {
        var byId = new Dictionary<string, KnowledgeRecord>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            var at = spots[r];
            if (byId.TryGetValue(r.Id, out var first))
            {
                var firstAt = spots[first];
                errors.Add(new KnowledgeError(at.File, LineOf(at, r.Id, "id"), "id",
                    $"duplicate id '{r.Id}' (first defined in {firstAt.File}:{LineOf(firstAt, first.Id, "id")})"));
            }
            else byId[r.Id] = r;
        }
        var sourceIds = byId.Values.Where(r => r.Kind == RecordKind.Source).Select(r => r.Id).ToList();

        var dangling = new List<Dangling>();
        foreach (var r in records)
        {
            var at = spots[r];
            foreach (var source in r.AllCitations.Select(c => c.Source).Distinct())
            {
                if (!byId.TryGetValue(source, out var src))
                    dangling.AddRange(at.Find(source, "cite").Select(s => new Dangling(at.File, s.Line, "cite", source, true, r.Id)));
                else if (src.Kind != RecordKind.Source)
                    foreach (var (_, line) in at.Find(source, "cite"))
                        errors.Add(new KnowledgeError(at.File, line, "cite",
                            $"'{source}' is {Article(src.Kind.ToString().ToLowerInvariant())} {src.Kind.ToString().ToLowerInvariant()}, not a source"));
            }
            foreach (var (target, relation) in r.References.Distinct())
            {
                if (byId.ContainsKey(target)) continue;
                var found = at.Find(target, KeysOf(relation)).ToList();
                if (found.Count == 0) found.Add((KeysOf(relation)[0], at.Line));
                dangling.AddRange(found.Select(s => new Dangling(at.File, s.Line, FieldOf(relation), target, false, r.Id)));
            }
            if (r.Kind == RecordKind.Source && r.Via is not null && !byId.ContainsKey(r.Via))
                dangling.Add(new Dangling(at.File, LineOf(at, r.Via, "via"), "via", r.Via, true, r.Id));
            if (r.Kind == RecordKind.Claim && r.ClaimSource is not null && !byId.ContainsKey(r.ClaimSource))
                dangling.Add(new Dangling(at.File, LineOf(at, r.ClaimSource, "source"), "source", r.ClaimSource, true, r.Id));
            if (r.Date is not null && r.End is not null && r.End.Start < r.Date.Start)
                errors.Add(new KnowledgeError(at.File, LineOf(at, r.End.Iso, "end"), "end", $"ends ({r.End}) before it starts ({r.Date})"));
            if (r.Kind == RecordKind.Conflict && r.About.Count < 2 && r.About.Count > 0 && r.Summary?.Cite.Select(c => c.Source).Distinct().Count() < 2)
                errors.Add(new KnowledgeError(at.File, LineOf(at, r.About[0], "about"), "about", "a conflict needs two records or two sources"));
        }

        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in dangling.GroupBy(d => (d.File, d.Id, d.IsSource)))
        {
            var lost = unreadable.FirstOrDefault(u => u.Ids.Contains(group.Key.Id));
            if (lost is not null)
            {
                skipped[lost.File] = skipped.GetValueOrDefault(lost.File) + group.Select(d => d.Line).Distinct().Count();
                continue;
            }
            var places = group.DistinctBy(d => d.Line).OrderBy(d => d.Line).ToList();
            var head = places[0];
            var hint = Suggest(head.Id, head.IsSource ? sourceIds : byId.Keys) is { } s ? $" (did you mean '{s}'?)" : "";
            var also = places.Count > 1 ? $"; the same id is also used at {Lines(places.Skip(1).Select(p => p.Line))}" : "";
            var what = head.IsSource
                ? $"unknown source '{head.Id}': no file in sources/ defines it{hint}"
                : $"unknown referenced id '{head.Id}': no record has this id{hint}";
            errors.Add(new KnowledgeError(head.File, head.Line, head.Field, what + also));
        }
        foreach (var u in unreadable.Where(u => skipped.ContainsKey(u.File)))
        {
            var n = skipped[u.File];
            notes.Add($"skipped {n} reference check{(n == 1 ? "" : "s")} because {u.File} could not be read; fix it and build again");
        }
    }

    private static int LineOf(RecordSpots at, string value, params string[] fields) =>
        at.Find(value, fields).Select(s => s.Line).DefaultIfEmpty(at.Line).First();

    private static string Lines(IEnumerable<int> lines)
    {
        var l = lines.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return l.Count == 1 ? $"line {l[0]}" : $"lines {string.Join(", ", l[..^1])} and {l[^1]}";
    }

    /// <summary>The YAML keys under which a reference of this kind is written.</summary>
    private static string[] KeysOf(string relation) => relation switch
    {
        "party-of" => ["parties"],
        "actor-in" => ["actors"],
        "about" => ["about"],
        "member-of" => ["of"],
        "subject-of" => ["subject"],
        "located-in" or "country-of" => ["country"],
        _ => [relation],
    };

    private static string FieldOf(string relation) => relation switch
    {
        "party-of" => "parties",
        "actor-in" => "actors",
        "about" => "about",
        "member-of" => "memberships",
        "subject-of" => "subject",
        "located-in" => "place.country",
        "country-of" => "country",
        _ => relation,
    };
}

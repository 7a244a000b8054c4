namespace BalkanBot.Knowledge;

internal static partial class KnowledgeLoader
{
    /// <summary>Rules across records: unique ids, references that resolve, citations of known sources.</summary>
    private static void Validate(List<KnowledgeRecord> records, List<KnowledgeError> errors)
    {
        var byId = new Dictionary<string, KnowledgeRecord>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (byId.TryGetValue(r.Id, out var first))
                errors.Add(new KnowledgeError(r.File, r.Line, "id", $"duplicate id '{r.Id}' (first defined in {first.File}:{first.Line})"));
            else byId[r.Id] = r;
        }

        foreach (var r in records)
        {
            foreach (var c in r.AllCitations)
            {
                if (!byId.TryGetValue(c.Source, out var src))
                    errors.Add(new KnowledgeError(r.File, r.Line, "cite", $"unknown source '{c.Source}' in record '{r.Id}'"));
                else if (src.Kind != RecordKind.Source)
                    errors.Add(new KnowledgeError(r.File, r.Line, "cite", $"'{c.Source}' is a {src.Kind.ToString().ToLowerInvariant()}, not a source"));
            }
            foreach (var (target, relation) in r.References)
            {
                if (!byId.ContainsKey(target))
                    errors.Add(new KnowledgeError(r.File, r.Line, FieldOf(relation), $"unknown referenced id '{target}' in record '{r.Id}'"));
            }
            if (r.Kind == RecordKind.Source && r.Via is not null && !byId.ContainsKey(r.Via))
                errors.Add(new KnowledgeError(r.File, r.Line, "via", $"unknown source '{r.Via}'"));
            if (r.Kind == RecordKind.Claim && r.ClaimSource is not null && !byId.ContainsKey(r.ClaimSource))
                errors.Add(new KnowledgeError(r.File, r.Line, "source", $"unknown source '{r.ClaimSource}'"));
            if (r.Date is not null && r.End is not null && r.End.Start < r.Date.Start)
                errors.Add(new KnowledgeError(r.File, r.Line, "end", $"ends ({r.End}) before it starts ({r.Date})"));
            if (r.Kind == RecordKind.Conflict && r.About.Count < 2 && r.About.Count > 0 && r.Summary?.Cite.Select(c => c.Source).Distinct().Count() < 2)
                errors.Add(new KnowledgeError(r.File, r.Line, "about", "a conflict needs two records or two sources"));
        }
    }

    private static string FieldOf(string relation) => relation switch
    {
        "party-of" => "parties", "actor-in" => "actors", "about" => "about", "member-of" => "memberships",
        "subject-of" => "subject", "located-in" => "place.country", "country-of" => "country", _ => relation,
    };
}

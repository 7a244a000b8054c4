using System.Text.Json.Serialization;

namespace BalkanBot.Knowledge;

[JsonConverter(typeof(JsonStringEnumConverter<RecordKind>))]
public enum RecordKind { Source, Actor, Agreement, Event, Figure, Claim, Conflict }

/// <summary>Where a fact stands: a source and a place in it.</summary>
public sealed record Citation(string Source, string At);

/// <summary>A sentence of ours with the citations that back it.</summary>
public sealed record CitedText(string Text, IReadOnlyList<Citation> Cite);

public sealed record Membership(string Of, PartialDate? Since, IReadOnlyList<Citation> Cite);

public sealed record Bindingness(string Value, IReadOnlyList<Citation> Cite);

/// <summary>The span a figure covers ("between 2007 and 2021"); either end may be open.</summary>
public sealed record DatePeriod(PartialDate? From, PartialDate? To)
{
    /// <summary>"2007–2021", "from 2016", "until 2021"; the same year twice is shown once.</summary>
    public string Display => (From, To) switch
    {
        ({ } f, { } t) when f == t => f.Display,
        ({ } f, { } t) => $"{f.Display}–{t.Display}",
        ({ } f, null) => $"from {f.Display}",
        (null, { } t) => $"until {t.Display}",
        _ => "",
    };
}

public sealed record Place(string? Country, string? Area, string? Location)
{
    public override string ToString() =>
        string.Join(", ", new[] { Location, Area }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>
/// One curated record of any kind. The kinds share most fields (name, aliases, summary, facts, citations), so a
/// single shape keeps storage, retrieval and answers simple; kind-specific fields stay null where unused.
/// </summary>
public sealed record KnowledgeRecord
{
    public required string Id { get; init; }
    public required RecordKind Kind { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    /// <summary>The sub-kind inside the folder: "declaration", "attack", "state", "policy-brief"...</summary>
    public string? Type { get; init; }
    public string? Subtype { get; init; }
    public PartialDate? Date { get; init; }
    public PartialDate? End { get; init; }
    public string? PlaceText { get; init; }
    public Place? Place { get; init; }
    public IReadOnlyList<string> Parties { get; init; } = [];
    public IReadOnlyList<string> Actors { get; init; } = [];
    public string? Signatories { get; init; }
    public string? Status { get; init; }
    public Bindingness? LegallyBinding { get; init; }
    public IReadOnlyList<string> Provisions { get; init; } = [];
    public CitedText? Summary { get; init; }
    public IReadOnlyList<CitedText> Facts { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public string? Casualties { get; init; }

    // actors
    public string? Country { get; init; }
    public CitedText? Role { get; init; }
    public IReadOnlyList<Membership> Memberships { get; init; } = [];

    // figures
    public string? Subject { get; init; }
    public string? Measure { get; init; }
    public double? Value { get; init; }
    public double? ValueMax { get; init; }
    public string? Approx { get; init; }
    public string? ValueText { get; init; }
    public string? Unit { get; init; }
    public PartialDate? AsOf { get; init; }
    /// <summary>
    /// What the bare figure in <see cref="ValueText"/> needs to be read right, in the source's terms: "between 2007 and
    /// 2021", "identified as Serb (latest census)", "invested over a similar period".
    /// </summary>
    public string? Qualifier { get; init; }
    /// <summary>The span the figure covers, where the source gives one.</summary>
    public DatePeriod? Period { get; init; }

    // claims and conflicts
    public string? Author { get; init; }
    public string? ClaimSource { get; init; }
    public string? Stance { get; init; }
    public IReadOnlyList<string> About { get; init; } = [];
    public string? Text { get; init; }

    // sources
    public string? Title { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Publisher { get; init; }
    public string? Url { get; init; }
    public string? Via { get; init; }
    public string? ViaAt { get; init; }
    public string? Note { get; init; }

    /// <summary>Record-level citations (figures, claims).</summary>
    public IReadOnlyList<Citation> Cite { get; init; } = [];

    public string File { get; init; } = "";
    public int Line { get; init; }

    /// <summary>
    /// The name without its trailing explanation: "Dayton Agreement (1995)" → "Dayton Agreement". When the bracket
    /// opens with a name people use ("... (Tirana Declaration, 2025)"), that name is shorter and better known.
    /// </summary>
    [JsonIgnore]
    public string ShortName
    {
        get
        {
            var open = Name.LastIndexOf(" (", StringComparison.Ordinal);
            if (open <= 0 || !Name.EndsWith(')')) return Name;
            var inner = Name[(open + 2)..^1].Split(',')[0].Trim();
            return Aliases.Contains(inner, StringComparer.OrdinalIgnoreCase) ? inner : Name[..open];
        }
    }

    /// <summary>Every citation anywhere in the record, in reading order.</summary>
    [JsonIgnore]
    public IEnumerable<Citation> AllCitations =>
        (Summary?.Cite ?? []).Concat(Role?.Cite ?? []).Concat(Facts.SelectMany(f => f.Cite))
            .Concat(LegallyBinding?.Cite ?? []).Concat(Memberships.SelectMany(m => m.Cite)).Concat(Cite);

    /// <summary>Every record id this record points at (parties, actors, subject, about, country, memberships).</summary>
    [JsonIgnore]
    public IEnumerable<(string Target, string Relation)> References
    {
        get
        {
            foreach (var p in Parties) yield return (p, "party-of");
            foreach (var a in Actors) yield return (a, "actor-in");
            foreach (var a in About) yield return (a, "about");
            foreach (var m in Memberships) yield return (m.Of, "member-of");
            if (Subject is not null) yield return (Subject, "subject-of");
            if (Place?.Country is not null) yield return (Place.Country, "located-in");
            if (Country is not null) yield return (Country, "country-of");
        }
    }
}

using System.Text.Json.Serialization;
using BalkanBot.Knowledge;

namespace BalkanBot.Retrieval;

[JsonConverter(typeof(JsonStringEnumConverter<PassageKind>))]
public enum PassageKind { Name, Summary, Fact, Role, Membership, Parties, Date, Provisions, Figure, Claim, Conflict }

/// <summary>
/// One retrievable statement: a summary sentence, a fact, a figure, a claim, a membership, the parties or the date
/// of an agreement. Each keeps the record it belongs to and the citations that back it, so an answer built from
/// passages cites exactly what it shows.
/// </summary>
public sealed record Passage(int Id, string RecordId, RecordKind RecordKind, PassageKind Kind, string Text,
    IReadOnlyList<Citation> Cite)
{
    /// <summary>For figures: the measure ("troops", "population-share-serb") and subject record id.</summary>
    public string? Measure { get; init; }
    public string? Subject { get; init; }
    /// <summary>Record ids the passage is about beyond its own record (parties, members, subjects, claim targets).</summary>
    public IReadOnlyList<string> Refers { get; init; } = [];

    /// <summary>The authors and publishers of the documents the passage cites, which it speaks for but is not about.</summary>
    public IReadOnlyList<string> CitedAuthors { get; init; } = [];
}

/// <summary>A passage found for a question, with what of the question it matched.</summary>
public sealed record PassageHit(Passage Passage, double Score, IReadOnlyList<string> MatchedTerms, IReadOnlyList<string> MatchedEntities);

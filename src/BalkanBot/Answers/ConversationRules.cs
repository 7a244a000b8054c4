using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Answers;

/// <summary>
/// Follow-ups that need more than the previous question again: "and Hungary?" after a list of parties asks whether
/// Hungary is one, and "compare it with X" is answered only between things of the same kind.
/// </summary>
public sealed class ConversationRules(KnowledgeBase kb)
{
    /// <summary>"Who signed the Tirana Declaration?" then "and Hungary?": is Hungary a party, and to what is it one.</summary>
    public Answer? PartyFollowUp(RoutedQuestion q, IReadOnlyList<KnowledgeRecord> focus, ConversationState? previous)
    {
        if (!q.Elliptical || previous?.LastAnswer.Intent != IntentKind.Parties) return null;
        var agreement = previous.FocusIds.Select(kb.Get).FirstOrDefault(r => r?.Kind == RecordKind.Agreement);
        var actor = q.Mentions.Select(m => kb.Get(m.RecordId)).FirstOrDefault(r => r?.Kind == RecordKind.Actor);
        if (agreement is null || actor is null || agreement.Parties.Count == 0) return null;
        var b = new AnswerBuilder(kb, q with { Intent = IntentKind.Parties }) { Title = $"{actor.ShortName} and {RecordNames.The(agreement)}", Confidence = 0.85 };
        var partiesCite = agreement.Summary?.Cite ?? RecordFacts.Backing(agreement);
        var member = agreement.Parties.Contains(actor.Id);
        var others = kb.AgreementsOf(actor.Id).Where(a => a.Id != agreement.Id).Take(4).ToList();
        var text = member
            ? $"Yes: {actor.ShortName} is one of the parties to {RecordNames.The(agreement)}."
            : $"No: {actor.ShortName} is not among the parties to {RecordNames.The(agreement)}, which the sources give as {RecordFacts.Names(kb, agreement.Parties)}.";
        b.Text = AnswerBuilder.Markers(text, b.Cite(partiesCite));
        b.UseRecord(agreement.Id);
        b.UseRecord(actor.Id);
        foreach (var a in others) b.Fact($"{actor.ShortName} is a party to", a.ShortName, a.Summary?.Cite ?? RecordFacts.Backing(a));
        foreach (var a in others.Take(2)) b.FollowUp($"Who are the parties to {RecordNames.The(a)}?");
        return b.Build();
    }

    /// <summary>"compare it with CEFTA" after a timeline of Republika Srpska: an entity and a trade agreement have no common measures.</summary>
    public Answer? NotComparable(RoutedQuestion q)
    {
        // Named blocs ("Serbia–Hungary against the Albania–Croatia–Kosovo bloc") compare by their parties; a follow-up
        // that points back with "it" may land on a thing of another kind.
        if (q.Intent != IntentKind.Compare || q.Sides.Count != 2 || !q.LeansOnContext) return null;
        // "… where it goes next: Rama's take vs Vučić's?" compares two people, whatever "it" is.
        if (q.Mentions.Select(m => m.RecordId).Distinct().Count(id => kb.Get(id) is { Type: "person" }) >= 2) return null;
        var sides = q.Sides.Select(s => s.Select(m => kb.Get(m.RecordId)).OfType<KnowledgeRecord>().ToList()).ToList();
        if (sides.Any(s => s.Count == 0)) return null;
        var kinds = sides.Select(s => Group(s[0])).ToList();
        if (kinds[0] == kinds[1]) return null;
        var (left, right) = (sides[0][0], sides[1][0]);
        var b = new AnswerBuilder(kb, q) { Title = "Not comparable", Confidence = 0 };
        foreach (var r in new[] { left, right })
        {
            var peer = kb.OfKind(r.Kind).FirstOrDefault(x => x.Id != r.Id && Group(x) == Group(r) && x.Kind != RecordKind.Source);
            if (peer is not null) b.FollowUp($"Compare {RecordNames.The(r)} with {RecordNames.The(peer)}");
        }
        return b.Build() with
        {
            Answered = false,
            Text = $"{left.ShortName} is {Article(Describe(left))} and {right.ShortName} is {Article(Describe(right))}: they have no measures in common, " +
                   "so a side-by-side table would be empty. I compare agreements with agreements, and states, entities or blocs with each other.",
            Citations = [],
            Facts = [],
            RecordIds = [],
        };
    }

    private static string Group(KnowledgeRecord r) => r.Kind switch
    {
        RecordKind.Actor => "actor",
        RecordKind.Agreement => "agreement",
        _ => r.Kind.ToString(),
    };

    private static string Describe(KnowledgeRecord r) => r.Kind switch
    {
        RecordKind.Actor => r.Type switch { "state" => "state", "entity" => "entity within a state", "organisation" => "organisation", "mission" => "mission", "person" => "person", _ => "actor" },
        RecordKind.Agreement => (r.Type ?? "agreement").Replace('-', ' '),
        RecordKind.Event => "event",
        _ => r.Kind.ToString().ToLowerInvariant(),
    };

    private static string Article(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;
}

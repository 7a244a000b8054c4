using BalkanBot.Knowledge;
using BalkanBot.Retrieval;
using BalkanBot.Routing;

namespace BalkanBot.Answers;

/// <summary>
/// Picks the records a question is about: the names in it, the previous answer's records for follow-ups ("and
/// Hungary?", "compare it with CEFTA"), the record that involves all the named states, or a BM25 match when
/// nothing is named.
/// </summary>
public sealed class FocusResolver(KnowledgeBase kb)
{
    private readonly KnowledgeBase _kb = kb;

    private static readonly HashSet<string> AgreementWords = ["agreement", "declaration", "deal", "pact", "plan", "treaty", "alliance", "accord", "initiative"];

    /// <summary>Resolves follow-ups against the previous answer and picks the records the question is about.</summary>
    public (RoutedQuestion, List<KnowledgeRecord>) Resolve(RoutedQuestion q, ConversationState? previous)
    {
        var focus = q.Mentions.Select(m => _kb.Get(m.RecordId)).OfType<KnowledgeRecord>()
            .Where(r => r.Kind != RecordKind.Source).DistinctBy(r => r.Id).ToList();

        if (previous is not null && q.Intent is not (IntentKind.Help or IntentKind.Feedback or IntentKind.Sources or IntentKind.Subscription))
        {
            var before = previous.FocusIds.Select(_kb.Get).OfType<KnowledgeRecord>().ToList();
            if (q.Elliptical)
            {
                // "and Hungary?": the previous question again, about the new name.
                var intent = q.Intent == IntentKind.Overview ? previous.LastAnswer.Intent : q.Intent;
                if (intent == IntentKind.Compare && focus.Count > 0)
                {
                    var sides = before.Concat(focus).DistinctBy(r => r.Id).Select(r => (IReadOnlyList<EntityMention>)[new EntityMention(r.Id, r.Kind, r.Name, 0, 1)]).ToList();
                    q = q with { Intent = intent, Sides = sides };
                    focus = before.Concat(focus).DistinctBy(r => r.Id).ToList();
                }
                else
                {
                    q = q with { Intent = intent, Measure = q.Measure ?? previous.Measure, Period = q.Period ?? previous.Period };
                    if (focus.Count == 0) focus = before;
                }
            }
            // "… and when was their defence plan signed?": a question that names its own agreement or event is about
            // that one; "their" only points back at who was named before.
            else if (q.LeansOnContext && before.Count > 0
                     && (q.Intent == IntentKind.Compare || !focus.Any(f => f.Kind is RecordKind.Agreement or RecordKind.Event)))
            {
                KnowledgeRecord? primary = before.FirstOrDefault(r => r.Kind is RecordKind.Agreement or RecordKind.Event) ?? before[0];
                // "… and when was their defence plan signed?", "when did it impose the trade blockade?": words that describe
                // another record of the same parties better than the one before name that one; the pronoun points at who
                // took part, not at the record.
                if (q.Intent != IntentKind.Compare && primary.Kind is RecordKind.Agreement or RecordKind.Event)
                {
                    var own = Residual(q).Where(t => !QuestionTerms.IsAskingWord(t) && _kb.Vocabulary.Contains(t)).ToList();
                    // Who was named before, or else who took part in the record before.
                    var actors = before.Where(a => a.Kind == RecordKind.Actor).ToList();
                    if (actors.Count == 0)
                        actors = (primary.Parties.Count > 0
                                ? primary.Parties
                                : primary.References.Where(r => r.Relation is "actor-in" or "party-of").Select(r => r.Target).Take(1))
                            .Select(_kb.Get).OfType<KnowledgeRecord>().Where(a => a.Kind == RecordKind.Actor).ToList();
                    var sideFocus = focus.Concat(actors).DistinctBy(r => r.Id).ToList();
                    if (own.Count > 0 && RecordInvolvingAll(q, sideFocus) is { } other && other.Id != primary.Id
                        && own.Count(t => Describes(other, t)) > own.Count(t => Describes(primary, t)))
                    {
                        focus = [other, .. sideFocus];
                        primary = null;
                    }
                }
                if (primary is not null && q.Intent == IntentKind.Compare && focus.Count > 0 && q.Sides.Count < 2)
                    q = q with { Sides = [[Mention(primary)], .. (q.Sides.Count == 1 ? q.Sides : focus.Select(f => (IReadOnlyList<EntityMention>)[Mention(f)]))] };
                if (primary is not null) focus = focus.Prepend(primary).DistinctBy(r => r.Id).ToList();
                q = q with { Measure = q.Measure ?? (q.Intent == IntentKind.Figures ? previous.Measure : null) };
            }
        }

        // "When did Serbia and Hungary sign ...", "when did Kosovo declare independence": with only states named, the
        // agreement or event that involves all of them and matches the rest of the question is what is asked about.
        // "Is the Serbia–Hungary pact an alliance?": a pact of two named states is the thing asked about, whatever is asked.
        if (!focus.Any(f => f.Kind is RecordKind.Agreement or RecordKind.Event or RecordKind.Figure)
            && (q.Intent is IntentKind.Date or IntentKind.Parties or IntentKind.Overview or IntentKind.Figures
                || q.Intent == IntentKind.Analysis && AsksAgreement(q) && focus.Count(f => f is { Kind: RecordKind.Actor, Type: "state" }) >= 2))
        {
            // "Which countries are in NATO?": the members of an organisation the sources list members of, not an event
            // it took part in.
            var membersOf = q.Intent == IntentKind.Parties && focus is [{ Kind: RecordKind.Actor } org] && _kb.MembersOf(org.Id).Count > 0;
            var best = membersOf ? null : RecordInvolvingAll(q, focus);
            if (best is not null) focus.Insert(0, best);
        }

        // Nothing named: let BM25 find the record, but only if the question's words are the base's words, and words of
        // asking alone ("what's his job?") find nothing.
        var residual = Residual(q);
        if (residual.All(QuestionTerms.IsAskingWord)) residual = [];
        // A period alone ("what happened in March 2025") is a question about everything in it, not about a record
        // that happens to mention March.
        var periodOnly = q.Period is not null && q.Intent is IntentKind.Timeline or IntentKind.List;
        if (focus.Count == 0 && !periodOnly && residual.Count > 0 && q.Intent is not (IntentKind.Help or IntentKind.Feedback or IntentKind.Sources or IntentKind.Subscription))
        {
            var known = residual.Count(t => _kb.Vocabulary.Contains(t));
            if (known * 2 >= residual.Count + 1 || (known >= 2 && known * 3 >= residual.Count * 2))
            {
                RecordKind[] kinds = q.Intent == IntentKind.Analysis ? [RecordKind.Claim] : [RecordKind.Agreement, RecordKind.Event, RecordKind.Actor, RecordKind.Figure, RecordKind.Claim];
                var hits = _kb.Search(q.Terms, kinds, 5);
                if (hits.Count > 0 && q.Intent != IntentKind.Analysis)
                {
                    var top = _kb.Get(hits[0].Id);
                    if (top?.Kind == RecordKind.Claim) top = top.About.Select(_kb.Get).FirstOrDefault(r => r is not null) ?? top;
                    if (top is not null && MatchedTerms(q, top) >= Math.Min(2, q.Terms.Count)) focus.Add(top);
                }
            }
        }
        // "Per Sav, what did Dodik threaten …": the author cited says where it is read; what is asked about comes first.
        // A publisher cited ("per the Pupin brief") is also what the brief's own initiative is, and keeps its place.
        var cited = EvidenceFinder.CitedInQuestion(q);
        cited.RemoveWhere(id => !_kb.Authors.Contains(id) || _kb.Get(id) is not { Type: "person" });
        if (cited.Count > 0 && focus.Any(f => !cited.Contains(f.Id)))
            focus = focus.OrderBy(f => cited.Contains(f.Id) ? 1 : 0).ToList();
        return (q, focus);
    }

    /// <summary>Most of the question's words occur in the base: a topical question even without a name in it.</summary>
    public bool SpeaksTheBasesLanguage(RoutedQuestion q)
    {
        if (q.Terms.Count == 0) return false;
        var known = q.Terms.Count(t => _kb.Vocabulary.Contains(t));
        return known >= 2 && known * 3 >= q.Terms.Count * 2;
    }

    private static EntityMention Mention(KnowledgeRecord r) => new(r.Id, r.Kind, r.Name, 0, 1);

    private KnowledgeRecord? RecordInvolvingAll(RoutedQuestion q, List<KnowledgeRecord> focus)
    {
        var actors = focus.Where(f => f.Kind == RecordKind.Actor).Select(f => f.Id).ToList();
        if (actors.Count == 0) return null;
        // "the Vučić–Orbán deal": an agreement between leaders is one between their states.
        var persons = focus.Where(f => f is { Kind: RecordKind.Actor, Type: "person", Country: not null }).ToList();
        if (persons.Count >= 2 && persons.Count == actors.Count && q.Terms.Any(t => AgreementWords.Contains(t) || AgreementWords.Contains(t.TrimEnd('s'))))
            actors = persons.Select(f => f.Country!).Distinct().ToList();
        // "KFOR: what's the acronym short for?" asks about KFOR itself, not about an event "shortly" after something.
        var residual = Residual(q).Where(t => q.Intent != IntentKind.Overview || !QuestionTerms.IsAskingWord(t)).ToList();
        var asksAgreement = AsksAgreement(q);
        // "the Serbia–Hungary deal as the Pupin brief calls it": the deal is between the states; the brief only tells of it.
        var states = focus.Where(f => f is { Kind: RecordKind.Actor, Type: "state" }).Select(f => f.Id).ToList();
        if (asksAgreement && states.Count >= 2 && states.Count < actors.Count) actors = states;
        if (residual.Count == 0 && !(asksAgreement && actors.Count >= 2)) return null;
        if (q.Intent == IntentKind.Figures && !asksAgreement) return null;
        // "… and which tank does it field?": a quantity asked of the state the conversation is on is the state's own.
        if (q.LeansOnContext && q.Intent == IntentKind.Overview && q.Measure is not null && !asksAgreement) return null;
        // Where the states are named in the question, a record about all of them; the best textual match first.
        // Agreements come from their party lists (a small, resident set, complete at any scale); events from references.
        var candidates = actors.Select(a => _kb.ReferencesTo(a, 2000).Select(x => x.Id).ToHashSet())
            .Aggregate((x, y) => { x.IntersectWith(y); return x; });
        candidates.UnionWith(_kb.OfKind(RecordKind.Agreement).Where(a => actors.All(a.Parties.Contains)).Select(a => a.Id));
        if (candidates.Count == 0) return null;
        RecordKind[] kinds = asksAgreement ? [RecordKind.Agreement] : [RecordKind.Agreement, RecordKind.Event];
        var hits = _kb.Search(residual.Count > 0 ? residual : q.Terms, kinds, 80).Where(h => candidates.Contains(h.Id)).ToList();
        // The record must carry at least half of what was asked, or "Kosovo ... nuclear weapons" would land on any
        // Kosovo event that mentions weaponry.
        foreach (var hit in hits.Take(5))
            if (_kb.Get(hit.Id) is { } r && (residual.Count == 0 || StemMatches(residual, r) * 2 >= residual.Count)) return r;
        if (!asksAgreement || actors.Count < 2) return null;
        return candidates.Select(_kb.Get).OfType<KnowledgeRecord>().Where(r => r.Kind == RecordKind.Agreement)
            .OrderByDescending(a => a.Date?.Start).FirstOrDefault();
    }

    private static bool AsksAgreement(RoutedQuestion q) => q.Terms.Any(t => AgreementWords.Contains(t) || AgreementWords.Contains(t.TrimEnd('s')));

    /// <summary>The word stands in the record's names, aliases or topics.</summary>
    private bool Describes(KnowledgeRecord r, string term) =>
        _kb.Passages.OfRecord(r.Id).Any(p => p.Kind == PassageKind.Name && _kb.Passages.InHeader(p, term));

    public static List<string> Residual(RoutedQuestion q)
    {
        var mentionTokens = q.Mentions.SelectMany(m => m.Surface.Split(' ')).ToHashSet();
        return q.Terms.Where(t => !mentionTokens.Contains(t) && !IsQuestionWord(t)).Distinct().ToList();
    }

    private static int StemMatches(IReadOnlyList<string> terms, KnowledgeRecord r)
    {
        var words = TextNormalizer.Tokens(r.Name + " " + string.Join(" ", r.Aliases) + " " + KnowledgeBuilder.BodyText(r));
        return terms.Count(t => words.Any(w => w.StartsWith(KnowledgeBase.Stem(t), StringComparison.Ordinal)));
    }

    private static int MatchedTerms(RoutedQuestion q, KnowledgeRecord r)
    {
        var text = " " + TextNormalizer.Normalize(r.Name + " " + string.Join(" ", r.Aliases) + " " + KnowledgeBuilder.BodyText(r)) + " ";
        return q.Terms.Count(t => text.Contains(" " + t + " ", StringComparison.Ordinal));
    }

    /// <summary>
    /// "What is the capital of France?" names France but asks for something no record about France says.
    /// Words left after removing names and question words must mostly occur in the records in focus.
    /// </summary>
    public bool CoversQuestion(RoutedQuestion q, IReadOnlyList<KnowledgeRecord> focus)
    {
        // A named agreement, event or figure is specific enough; the check is for questions that name only actors.
        if (focus.Any(f => f.Kind is RecordKind.Agreement or RecordKind.Event or RecordKind.Figure)) return true;
        var residual = Residual(q);
        if (residual.Count == 0) return true;
        var neighbourhood = string.Join(' ', focus.Concat(focus.SelectMany(f => _kb.ClaimsAbout([f.Id]).Take(10)))
            .Select(r => TextNormalizer.Normalize(r.Name + " " + string.Join(" ", r.Aliases) + " " + KnowledgeBuilder.BodyText(r))));
        var words = neighbourhood.Split(' ').Select(Stem).ToHashSet(StringComparer.Ordinal);
        var found = residual.Count(t => words.Contains(Stem(t)));
        return found * 2 >= residual.Count;
    }

    private static string Stem(string t) => t.Length > 5 ? t[..5] : t;

    private static bool IsQuestionWord(string t) => t is "signed" or "sign" or "signing" or "adopted" or "agreed" or "founded" or "created"
        or "established" or "formed" or "launched" or "start" or "started" or "begin" or "began" or "mean" or "means" or "meaning" or "role" or "purpose";
}

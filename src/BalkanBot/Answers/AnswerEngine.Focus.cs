using BalkanBot.Handlers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Answers;

public sealed partial class AnswerEngine
{
    private static readonly HashSet<string> AgreementWords = ["agreement", "declaration", "deal", "pact", "plan", "treaty", "alliance", "accord", "initiative"];

    /// <summary>Resolves follow-ups against the previous answer and picks the records the question is about.</summary>
    private (RoutedQuestion, List<KnowledgeRecord>) Resolve(RoutedQuestion q, ConversationState? previous)
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
            else if (q.LeansOnContext && before.Count > 0)
            {
                var primary = before.FirstOrDefault(r => r.Kind is RecordKind.Agreement or RecordKind.Event) ?? before[0];
                if (q.Intent == IntentKind.Compare && focus.Count > 0)
                    q = q with { Sides = [[Mention(primary)], .. focus.Select(f => (IReadOnlyList<EntityMention>)[Mention(f)])] };
                focus = focus.Prepend(primary).DistinctBy(r => r.Id).ToList();
                q = q with { Measure = q.Measure ?? (q.Intent == IntentKind.Figures ? previous.Measure : null) };
            }
        }

        // "When did Serbia and Hungary sign ...": the agreement that binds the named states answers it.
        if (!focus.Any(f => f.Kind is RecordKind.Agreement or RecordKind.Event)
            && q.Intent is IntentKind.Date or IntentKind.Parties or IntentKind.Overview)
        {
            var actors = focus.Where(f => f.Kind == RecordKind.Actor).Select(f => f.Id).ToHashSet();
            var asksAgreement = q.Terms.Any(t => AgreementWords.Contains(t) || AgreementWords.Contains(t.TrimEnd('s')));
            if (actors.Count >= 2 || (actors.Count == 1 && asksAgreement))
            {
                var candidates = _kb.OfKind(RecordKind.Agreement).Where(a => actors.IsSubsetOf(a.Parties)).ToList();
                if (candidates.Count > 0)
                {
                    var ranked = _kb.Search(q.Terms, [RecordKind.Agreement], 60).Select(h => h.Id).ToList();
                    var best = candidates.OrderBy(a => ranked.IndexOf(a.Id) is var i && i < 0 ? 999 : i).ThenByDescending(a => a.Date?.Start).First();
                    focus.Insert(0, best);
                }
            }
        }

        // Nothing named: let BM25 find the record, but only if the question's words are the base's words.
        if (focus.Count == 0 && q.Terms.Count > 0 && q.Intent is not (IntentKind.Help or IntentKind.Feedback or IntentKind.Sources or IntentKind.Subscription))
        {
            var known = q.Terms.Count(t => _kb.Vocabulary.Contains(t));
            if (known * 2 >= q.Terms.Count + 1 || (known >= 2 && known * 3 >= q.Terms.Count * 2))
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
        return (q, focus);
    }

    private static EntityMention Mention(KnowledgeRecord r) => new(r.Id, r.Kind, r.Name, 0, 1);

    private static int MatchedTerms(RoutedQuestion q, KnowledgeRecord r)
    {
        var text = " " + TextNormalizer.Normalize(r.Name + " " + string.Join(" ", r.Aliases) + " " + KnowledgeBuilder.BodyText(r)) + " ";
        return q.Terms.Count(t => text.Contains(" " + t + " ", StringComparison.Ordinal));
    }

    /// <summary>
    /// "What is the capital of France?" names France but asks for something no record about France says.
    /// Words left after removing names and question words must mostly occur in the records in focus.
    /// </summary>
    private bool CoversQuestion(RoutedQuestion q, IReadOnlyList<KnowledgeRecord> focus)
    {
        var mentionTokens = q.Mentions.SelectMany(m => m.Surface.Split(' ')).ToHashSet();
        var residual = q.Terms.Where(t => !mentionTokens.Contains(t) && !Measures.IsMeasureWord(t) && !IsQuestionWord(t)).Distinct().ToList();
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

    private Answer NoAnswer(RoutedQuestion q, IReadOnlyList<KnowledgeRecord> focus)
    {
        var topic = q.Original.Trim().TrimEnd('?', '!', '.').Trim();
        if (topic.Length > 120) topic = topic[..120] + "…";
        var b = new AnswerBuilder(_kb, q) { Title = "No sourced answer", Confidence = 0 };
        foreach (var f in focus.Take(2)) FollowUps.Suggest(b, f);
        foreach (var hit in _kb.Search(q.Terms, [RecordKind.Agreement, RecordKind.Event], 3))
            if (_kb.Get(hit.Id) is { } r) b.FollowUp($"Tell me about the {r.ShortName}");
        foreach (var p in FollowUps.Popular(_kb)) b.FollowUp(p);
        var built = b.Build();
        return built with
        {
            Answered = false,
            Text = topic.Length == 0 ? "I have no sourced information on that." : $"I have no sourced information on \"{topic}\". The knowledge base covers Balkan security agreements, incidents, actors and figures from its sources.",
            Citations = [], Facts = [], RecordIds = [],
        };
    }
}

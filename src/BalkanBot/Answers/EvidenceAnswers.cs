using BalkanBot.Knowledge;
using BalkanBot.Retrieval;
using BalkanBot.Routing;

namespace BalkanBot.Answers;

/// <summary>
/// Retrieval first, intent second: the passages that match what is asked decide whether there is an answer; the
/// intent's handler decides only its layout. A handler's answer is kept when the evidence backs it and is completed
/// with the passages it left out; otherwise the answer is built from the passages, or honestly declined.
/// </summary>
public sealed partial class EvidenceAnswers(KnowledgeBase kb)
{
    private const int ExtraFacts = 4;

    public Answer Reconcile(RoutedQuestion q, IReadOnlyList<KnowledgeRecord> focus, Evidence evidence, Answer handled)
    {
        // A document asked about as a whole is answered by its arguments alone.
        if (DocumentSummary(q, evidence) is { } summary) return summary;
        var answer = WithEarlierVersions(q, ReconcileCore(q, focus, evidence, handled));
        answer = WithSourceWording(WithWhatIsLeft(evidence, answer));
        return evidence.Terms.Contrast ? WithAuthorsViews(q, focus, evidence, WithDisagreements(q, evidence, answer)) : answer;
    }

    /// <summary>
    /// "How do Sav and the Pupin brief read the Serbia–Hungary pact differently?": beside the answer, what each of the
    /// documents named argues about what is asked, up to two arguments each, the closest to the question first.
    /// </summary>
    private Answer WithAuthorsViews(RoutedQuestion q, IReadOnlyList<KnowledgeRecord> focus, Evidence evidence, Answer answer)
    {
        if (!answer.Answered) return answer;
        var named = q.Mentions.Select(m => m.RecordId).ToHashSet(StringComparer.Ordinal);
        var documents = kb.DocumentsWrittenBy(named);
        // "Kurti, as quoted by Antić, and the Pupin brief take opposite views": a person set against a document speaks
        // in the claims the documents report of him.
        var writers = documents.SelectMany(kb.WritersOf).ToHashSet(StringComparer.Ordinal);
        var speakers = documents.Count >= 1
            ? named.Where(id => !writers.Contains(id) && !kb.Authors.Contains(id)).Select(kb.Get)
                .OfType<KnowledgeRecord>().Where(r => r is { Kind: RecordKind.Actor, Type: "person" }).ToList()
            : [];
        if (documents.Count + speakers.Count < 2) return answer;
        var topic = focus.Select(f => f.Id).Concat(named).Where(id => !writers.Contains(id) && speakers.All(s => s.Id != id)).ToHashSet(StringComparer.Ordinal);
        if (topic.Count == 0) return answer;
        var scores = evidence.Candidates.GroupBy(h => h.Passage.RecordId).ToDictionary(g => g.Key, g => g.Max(h => h.Score), StringComparer.Ordinal);
        IEnumerable<KnowledgeRecord> Closest(IEnumerable<KnowledgeRecord> claims) => claims.Where(c => c.About.Any(topic.Contains))
            .OrderByDescending(c => c.About.Count(topic.Contains) + scores.GetValueOrDefault(c.Id)).Take(2);
        return WithViews(q, answer, speakers.SelectMany(s => Closest(kb.ClaimsBy(s)))
            .Concat(documents.SelectMany(document => Closest(OwnClaims(document)))));
    }

    /// <summary>The answer with the given arguments added to its views; its text, title and layout stay as they are.</summary>
    private Answer WithViews(RoutedQuestion q, Answer answer, IEnumerable<KnowledgeRecord> claims)
    {
        var b = new AnswerBuilder(kb, q) { Title = answer.Title, Confidence = answer.Confidence };
        foreach (var c in claims)
        {
            b.View(c);
            b.UseRecord(c.Id);
        }
        var extra = b.Build();
        if (extra.Views.Count == 0) return answer;
        return AnswerComposition.Merge([answer, extra with { Text = "", Answered = false }], q.Original) with
        {
            Title = answer.Title,
            Answered = true,
            Intent = answer.Intent,
            Confidence = answer.Confidence,
            Comparison = answer.Comparison,
        };
    }

    /// <summary>
    /// A figure shown in the one formatter's words ("€2.7 billion") is followed by the sentence of its record that gives
    /// the source's own wording ("2.7 billion euros"), where the two differ.
    /// </summary>
    private Answer WithSourceWording(Answer answer)
    {
        if (!answer.Answered) return answer;
        // The figure the short answer states ("what's the price tag on Serbia's Rafale buy?" leads with the deal's value).
        var figure = answer.RecordIds.Take(3).Select(kb.Get)
            .FirstOrDefault(f => f is { Kind: RecordKind.Figure, ValueText: { Length: > 0 } }
                                 && answer.Text.Contains(FigureText.Format(f, withDate: false), StringComparison.Ordinal));
        if (figure is null || answer.Text.Contains(figure.ValueText!, StringComparison.OrdinalIgnoreCase)
            || answer.Facts.Any(f => f.Value.Contains(figure.ValueText!, StringComparison.OrdinalIgnoreCase))) return answer;
        var wording = kb.Passages.OfRecord(figure.Id)
            .Where(p => p.Kind == PassageKind.Figure && !EvidenceFinder.IsCaveat(p) && p.Text.Contains(figure.ValueText!, StringComparison.OrdinalIgnoreCase)).Take(1);
        return AnswerComposition.WithPassages(answer, kb, wording, 1);
    }

    /// <summary>
    /// Every answer is completed with up to three of the best-ranked passages about what is named that it does not show
    /// yet: first those that carry words of the question the answer leaves unspoken ("… and what is the new one supposed
    /// to be like?"), then those that score near the best. A handler's layout shows one side of what was asked; the
    /// passages next to it in the ranking often hold the rest.
    /// </summary>
    private Answer WithWhatIsLeft(Evidence evidence, Answer answer)
    {
        // A comparison's table is its answer; passages beside it would crowd it.
        // The document cited at the endnote asked is the whole answer; passages on other notes are no part of it.
        if (!answer.Answered || answer.Comparison is not null || evidence.Terms.NotedSources.Count > 0) return answer;
        var content = evidence.Terms.Content.Where(c => !ViewWords.Contains(c)).ToList();
        if (content.Count == 0) return answer;
        var shown = ShownStems(answer);
        var left = content.Where(c => !kb.Passages.Expand(c).Any(shown.Contains)).ToList();
        // A count, a share, an amount or a date that is shown with all the words asked is the whole answer.
        var t = evidence.Terms;
        if (left.Count == 0 && (t.AsksCount || t.AsksShare || t.AsksAmount || t.AsksDate)) return answer;
        var entities = evidence.Terms.Entities;
        // Passages that score far below the best are neighbours of the question, not part of its answer.
        var top = evidence.Candidates.Take(10).Concat(evidence.Supporting).Select(h => h.Score).DefaultIfEmpty(0).Max();
        var extra = evidence.Supporting.Concat(evidence.Candidates.Take(10))
            .Where(h => !EvidenceFinder.IsCaveat(h.Passage) && h.Passage.Kind != PassageKind.Name
                        && (left.Any(h.MatchedTerms.Contains) && h.Score >= 0.4 * top || h.Score >= 0.5 * top)
                        && (entities.Count == 0 || h.MatchedEntities.Count > 0))
            .OrderBy(h => left.Any(h.MatchedTerms.Contains) ? 0 : 1)
            .Select(h => h.Passage);
        // "Which threats does the Tirana Declaration single out?": the record the answer leads with may say it in a
        // sentence the ranking put below the others; its sentences that use a word still unspoken come first.
        var idf = left.Distinct().ToDictionary(c => c, kb.Passages.Idf, StringComparer.Ordinal);
        var own = answer.RecordIds.Take(1).SelectMany(kb.Passages.OfRecord)
            .Where(p => !EvidenceFinder.IsCaveat(p) && p.Kind is not (PassageKind.Name or PassageKind.Date))
            .Select(p => (Passage: p, Weight: left.Where(c => kb.Passages.MatchesInText(p, c)).Sum(c => idf[c])))
            .Where(x => x.Weight > 0).OrderByDescending(x => x.Weight).Select(x => x.Passage).Take(2);
        return AnswerComposition.WithPassages(answer, kb, own.Concat(extra).DistinctBy(p => p.Id), 3);
    }

    /// <summary>The stems of every word the answer shows: its text, facts, timeline and views.</summary>
    private static HashSet<string> ShownStems(Answer handled) =>
        handled.Views.Select(v => v.Text).Append(handled.Text).Concat(handled.Facts.Select(f => f.Label + " " + f.Value))
            .Concat(handled.Timeline.Select(t => t.Event))
            .SelectMany(TextNormalizer.Tokens).Select(Stemmer.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// "How did CEFTA go from a Central European arrangement to a Balkan one?": where the question names a record and its
    /// earlier version, an answer about the later one also says what the earlier one was.
    /// </summary>
    private Answer WithEarlierVersions(RoutedQuestion q, Answer answer)
    {
        if (!answer.Answered) return answer;
        var named = q.Mentions.Select(m => m.RecordId).ToHashSet(StringComparer.Ordinal);
        var earlier = named.SelectMany(kb.Aliases.EarlierVersions).Where(named.Contains).Distinct().ToList();
        return earlier.Count == 0
            ? answer
            : AnswerComposition.WithPassages(answer, kb, earlier.SelectMany(id => kb.Passages.OfRecord(id).Where(p => p.Kind == PassageKind.Summary).Take(1)), earlier.Count);
    }

    /// <summary>
    /// "Where do Sav and the Pupin brief disagree about Serbia?": the conflict records about what is named, the
    /// closest to the question's words first, shown beside the answer or, where there is none, as the answer.
    /// </summary>
    private Answer WithDisagreements(RoutedQuestion q, Evidence evidence, Answer answer)
    {
        // "Rama and Vučić disagree on the Open Balkan's future: how?" is about the two leaders, whose words answer it;
        // the disagreements between the documents are another matter.
        // "Per Antić, what's Rama's take vs Vučić's?": the author cited is where the sides are read, not a side.
        var cited = CitedAuthors(q);
        var sides = q.Mentions.Where(m => m.Kind == RecordKind.Actor && !cited.Contains(m.RecordId)).Select(m => m.RecordId).Distinct().Take(2).ToList();
        if (answer.Answered && sides.Count == 2 && sides.All(s => !kb.Authors.Contains(s) && kb.Get(s) is { Type: "person" })) return answer;
        // "What did they agree at their follow-up summit?": a meeting the sources never speak of has no disagreement either.
        if (!answer.Answered && evidence.Terms.LaterMeeting is not null) return answer;
        var named = evidence.Terms.Entities.ToList();
        var conflicts = RankConflicts(named, evidence.Terms.Content, evidence.Terms.Phrases).Take(2).ToList();
        // A measure the sources do not give ("total troops for each side") is not answered by a disagreement about
        // something else; one about the measure itself still is.
        if (!answer.Answered && evidence.Terms.Hard.Count > 0)
        {
            // "strength" names no quantity of its own; "troops" and "population" do.
            var specific = evidence.Terms.Hard.Where(h => h is not ("strength" or "size" or "power" or "capability" or "capabilities")).ToList();
            var measures = (specific.Count > 0 ? specific : evidence.Terms.Hard).SelectMany(kb.Passages.Expand).ToHashSet(StringComparer.Ordinal);
            conflicts = conflicts.Where(c => CountsThe(TextNormalizer.Tokens(c.Summary!.Text), measures)).ToList();
        }
        if (conflicts.Count == 0) return answer;
        var b = new AnswerBuilder(kb, q) { Title = answer.Answered ? answer.Title : "Where the sources disagree", Confidence = 0.7 };
        foreach (var c in conflicts)
        {
            // Chosen for the question itself, so each concerns the answer.
            if (c.About.Count > 0) b.UseRecord(c.About[0]);
            b.Conflict(c);
        }
        var extra = b.Build();
        if (extra.Conflicts.Count == 0) return answer;
        // "Where do Sav and the Pupin brief disagree?", "what are the two versions?": the disagreement is the answer.
        if (!answer.Answered || AsksForTheDisagreement(q))
        {
            var first = extra.Conflicts[0];
            var lead = extra with
            {
                Title = answer.Answered && !AsksForTheDisagreement(q) ? answer.Title : "Where the sources disagree",
                Text = AnswerBuilder.Markers(first.Text, first.Citations),
                Conflicts = extra.Conflicts.Skip(1).ToList(),
                Intent = q.Intent,
            };
            return answer.Answered && answer.Comparison is not null
                ? AnswerComposition.Merge([lead, answer], q.Original) with { Title = lead.Title, Answered = true, Intent = q.Intent }
                : lead;
        }
        return AnswerComposition.Merge([answer, extra with { Text = "", Answered = false }], q.Original) with
        {
            Title = answer.Title,
            Answered = true,
            Intent = answer.Intent,
            Confidence = answer.Confidence,
        };
    }

    /// <summary>
    /// The disagreements about what is named, best first: those whose title names it (the sides or the subject), those
    /// whose account cites the named authors, those about it, then those closest to the question's words.
    /// </summary>
    private IEnumerable<KnowledgeRecord> RankConflicts(List<string> named, IReadOnlyList<string> content, IReadOnlyList<string> phrases)
    {
        var words = content.SelectMany(kb.Passages.Expand).ToHashSet(StringComparer.Ordinal);
        var index = kb.Passages;
        return kb.OfKind(RecordKind.Conflict).Where(c => c.Summary is not null)
            .Select(c =>
            {
                var title = " " + TextNormalizer.Normalize(c.Name) + " ";
                var summary = index.OfRecord(c.Id).FirstOrDefault(p => p.Kind == PassageKind.Summary);
                var inTitle = named.Count(id => kb.Get(id) is { } r
                    && r.Aliases.Append(r.Name).Append(r.ShortName).Select(TextNormalizer.Normalize).Any(n => n.Length >= 3 && title.Contains(" " + n + " ", StringComparison.Ordinal)));
                var cited = summary is null ? 0 : named.Count(id => index.Mentions(summary, id));
                var about = c.About.Count(named.Contains);
                var overlap = TextNormalizer.Tokens(c.Summary!.Text).Count(t => words.Contains(Stemmer.Stem(t)));
                // "… the so-called 'Tirana trio'?": the disagreement that uses the question's quoted words is about it.
                var normalized = " " + TextNormalizer.Normalize(c.Summary.Text) + " ";
                var quoted = phrases.Count(ph => normalized.Contains(" " + ph + " ", StringComparison.Ordinal));
                return (Conflict: c, Named: inTitle + cited + about, Score: inTitle * 3 + cited * 2 + about * 2 + Math.Min(overlap, 6) + quoted * 6);
            })
            .Where(x => x.Named > 0 && (named.Count < 2 || x.Named >= 2))
            .OrderByDescending(x => x.Score).Select(x => x.Conflict);
    }

    private static bool AsksForTheDisagreement(RoutedQuestion q) => DisagreementCue().IsMatch(" " + q.Normalized + " ");

    [System.Text.RegularExpressions.GeneratedRegex(@" (disagree|disagreement|disagreements|disagreeing|versions|stories|who says what|contradict|contradicts|contradiction|contradictions|contradictory|conflicting|at odds|inconsistent|inconsistency|inconsistencies) ")]
    private static partial System.Text.RegularExpressions.Regex DisagreementCue();

    private Answer ReconcileCore(RoutedQuestion q, IReadOnlyList<KnowledgeRecord> focus, Evidence evidence, Answer handled)
    {
        // "Which five EU states do not recognise Kosovo?" where the source counts them but names none: say so.
        if (Unnamed(q, evidence) is { } unnamed) return unnamed;
        if (NoModelGiven(q, evidence) is { } noModel) return noModel;
        if (OriginOf(q, evidence, handled) is { } origin) return origin;
        if (ViewThenWhatCameLater(q, evidence) is { } later) return later;
        // "Why were the three Kosovo police officers arrested?": an event named and asked why is answered by a passage that
        // gives a reason for it; what followed it ("Priština responded with a blockade") is not why it happened.
        if (evidence.Terms.AsksWhy && focus.Count > 0 && focus[0] is { Kind: RecordKind.Event } happened
            && q.Mentions.Any(m => m.RecordId == happened.Id)
            && !evidence.Supporting.Any(h => EvidenceFinder.GivesReason(h.Passage) && !EvidenceFinder.IsCaveat(h.Passage)))
            return Decline(q, focus, evidence with { Supporting = [] });
        // "On which day in November 2019 did they meet in Ohrid?" where the sources date the meeting only to 2019: a date
        // no finer than the one the question gives answers nothing.
        if (evidence.Terms.AsksDate && q.Period is { } given && given.To.DayNumber - given.From.DayNumber <= 366
            && (evidence.Best is { Passage.Kind: PassageKind.Date } date ? date.Passage.RecordId
                : handled.Answered && handled.RecordIds.Count > 0 ? handled.RecordIds[0] : null) is { } datedId
            && kb.Get(datedId) is { Kind: RecordKind.Agreement or RecordKind.Event, Date: { } coarse } coarseRecord
            && (coarse.Precision == DatePrecision.Year || coarse.Precision == DatePrecision.Month && given.To.DayNumber - given.From.DayNumber <= 31))
        {
            var b = new AnswerBuilder(kb, q) { Title = "No finer date in the sources", Confidence = 0 };
            b.Text = AnswerBuilder.Markers($"The sources give no {(evidence.Terms.AsksDay ? "exact day" : evidence.Terms.AsksMonth ? "month" : coarse.Precision == DatePrecision.Year ? "month or day" : "day")} for {RecordNames.The(coarseRecord)}; they date it only to {coarse.Display}.",
                b.Cite(RecordFacts.Backing(coarseRecord)));
            b.UseRecord(coarseRecord.Id);
            return b.Build() with { Answered = false, Intent = q.Intent };
        }
        // "The sources give no list of parties for it; this is what they do say": an honest no, with its context.
        // Passages that carry what else the question asks ("which countries guarantee it") still answer it.
        if (!handled.Answered && handled.Citations.Count > 0 && !(evidence.Found && evidence.Terms.Content.Count > 0)) return handled;
        // Answers whose records are themselves the evidence: everything in a period, a table of measures.
        var periodOnly = q.Period is not null && q.Intent is IntentKind.Timeline or IntentKind.List;
        var precise = evidence.Terms.Hard.Count > 0 || evidence.Terms.AsksCount || evidence.Terms.AsksPerson || evidence.Terms.AsksShare
                      // "what was the April 2025 deal officially called?" asks for a name, not for the month's events.
                      || evidence.Terms.NameOf is not null;
        // A word the base never uses ("What prison sentence did Dodik get in March 2025?") asks for more than the period holds.
        // "Albania's average annual investment 2016–2021" names a period but asks for a figure the passages hold.
        var asksMore = evidence.Best is { } best && evidence.Terms.Content.Count(best.MatchedTerms.Contains) >= 2;
        if (periodOnly && handled.Answered && !precise && !asksMore && (evidence.Found || evidence.Terms.Content.Count == 0)) return handled;
        // "Rama's take vs Vučić's": people are compared by what they say, not in a table of measures.
        if (q.Intent == IntentKind.Compare && PeopleCompared(q) >= 2 && Contrast(q, focus, evidence) is { } people)
            return people;
        // "What's the combined population of the Serbia–Hungary bloc in the comparison table?": a table answers a measure
        // only where the passages give it, not with its other rows.
        if (q.Intent == IntentKind.Compare && handled.Answered && handled.Comparison is { } table
            && table.Rows.Any(r => r.Cells.Count(c => !c.NoData) >= 2) && !MeasureRowEmpty(table, evidence.Terms.Hard))
            // The table is the answer; arguments about the sides join the views, not the lines above the table.
            return WithClaimsAsViews(q, evidence, AnswerComposition.WithPassages(handled, kb, evidence.Supporting.Select(h => h.Passage)
                .Where(p => p.Kind is not (PassageKind.Name or PassageKind.Claim) && !EvidenceFinder.IsCaveat(p)), 2));

        // "On what exact day was the Novi Sad meeting?" where the sources give only its month: say so; it is no answer.
        if (evidence.Terms.AsksDay && handled.Answered && handled.RecordIds.Count > 0 && kb.Get(handled.RecordIds[0]) is { Date: { } dated } record
            && dated.Precision != DatePrecision.Day)
            return handled with
            {
                Answered = false,
                Confidence = 0,
                Text = AnswerBuilder.Markers($"The sources give no exact day for {RecordNames.The(record)}; they date it to {dated.Display}.",
                    handled.Citations.Select(c => c.N).Take(2).ToList()),
            };
        // "On what day and month in 2009 did Albania join NATO?", "In which month of 2018 …?": an answer that shows no
        // date that fine says what the sources hold, and is no answer.
        if ((evidence.Terms.AsksDay || evidence.Terms.AsksMonth) && handled.Answered && handled.Comparison is null
            && !(evidence.Terms.AsksDay ? DayDate() : MonthDate()).IsMatch(handled.Text))
            return handled with
            {
                Answered = false,
                Confidence = 0,
                Text = $"The sources give no {(evidence.Terms.AsksDay ? "exact day" : "month")} for that. What they say: {handled.Text}",
            };
        // "Exactly how many NATO troops are in KFOR?" where the sources say "approximately 3,700": say so; it is no answer.
        if (evidence.Terms.AsksCount && evidence.Terms.AsksExact
            && (evidence.Best ?? evidence.Candidates.Take(5).FirstOrDefault(h => !EvidenceFinder.IsCaveat(h.Passage) && h.Passage.Kind != PassageKind.Name
                    && evidence.Terms.Entities.All(h.MatchedEntities.Contains) && EvidenceFinder.OnlyHedgedQuantity(h.Passage.Text))) is { } hedged
            && !EvidenceFinder.ExactQuantity(hedged.Passage.Text))
        {
            var b = new AnswerBuilder(kb, q) { Title = "No exact figure in the sources", Confidence = 0 };
            b.Text = AnswerBuilder.Markers($"The sources give no exact number. What they say: {RecordFacts.Capitalise(hedged.Passage.Text.TrimEnd('.'))}.", b.Cite(hedged.Passage.Cite));
            b.UseRecord(hedged.Passage.RecordId);
            return b.Build() with { Answered = false, Intent = q.Intent };
        }
        // "When is the plan for 2026 due?" where the base holds the plan for 2025: the year asked names another record.
        if (evidence.Terms.AsksDate && evidence.Terms.Years.Count > 0 && handled.Answered && handled.RecordIds.Count > 0
            && kb.Get(handled.RecordIds[0]) is { Kind: RecordKind.Agreement or RecordKind.Event, Date: { } held } other
            && EvidenceFinder.Year().Matches(other.Name).Select(m => m.Value).ToList() is { Count: > 0 } nameYears
            && !nameYears.Any(evidence.Terms.Years.Contains)
            && !evidence.Terms.Years.Contains(held.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            return handled with
            {
                Answered = false,
                Confidence = 0,
                Text = $"The sources give no date for that in {string.Join(" or ", evidence.Terms.Years)}. What they hold: {handled.Text}",
            };
        // "When did Croatia join the EU?" where the sources give no date: say what they hold, but it is no answer.
        if (evidence.Terms.AsksDate && (!evidence.Found || handled.Facts.Any(f => f.Value == "not given")))
        {
            // What the sources hold of a record the question names is context; of a record guessed from a word
            // ("when did Croatia order its Rafales" is not about a "constitutional order") it is noise.
            return handled.Answered && handled.RecordIds.Count > 0
                   && (q.Mentions.Any(m => m.RecordId == handled.RecordIds[0])
                       || evidence.Terms.Content.Count(c => !kb.Passages.OfRecord(handled.RecordIds[0]).Any(p => kb.Passages.Matches(p, c))) * 3
                       < Math.Max(evidence.Terms.Content.Count, 3))
                ? handled with { Answered = false, Confidence = 0, Text = $"The sources give no date for exactly that. What they hold: {handled.Text}" }
                : Decline(q, focus, evidence);
        }
        // "What was Orbán's former position?", "which party does Dodik lead?": an earlier office or a party no passage gives is
        // not answered by an overview of the person.
        if ((evidence.Terms.AsksPerson || evidence.Terms.AsksPlace || evidence.Terms.Voices.Count > 0 || evidence.Terms.LaterMeeting is not null
             || evidence.Terms.AsksEarlierPost || evidence.Terms.AsksParty)
            && !evidence.Found) return Decline(q, focus, evidence);
        if (OtherAuthorsOnly(handled, evidence) is { } notTheirs) return notTheirs;
        if (OtherNumberOfParties(q, handled, evidence) is { } notBilateral) return notBilateral;
        if (OnlyTheFigureGiven(q, handled, evidence) is { } statedAlready) return statedAlready;
        // "When was the Open Balkan first unveiled?": where the record's own date did not pass the gate and the passage
        // that did gives another year, that passage dates what was asked.
        // "When did Kosovo join CEFTA?" is dated by Kosovo's joining, not by CEFTA's signing.
        if (evidence.Terms.AsksDate && handled.Answered && evidence.Best is { } first
            && handled.RecordIds.Count > 0 && (first.Passage.Kind is not (PassageKind.Date or PassageKind.Membership) || first.Passage.RecordId != handled.RecordIds[0])
            && kb.Get(handled.RecordIds[0])?.Date is { } own
            && !first.Passage.Text.Contains(own.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            return FromPassages(q, evidence);
        if (Contrast(q, focus, evidence) is { } contrast && !(handled.Answered && handled.Comparison is not null)) return contrast;
        // "What did Bolton say about the trilateral pact?": his words answer, before an overview of what he spoke of.
        if (evidence.Terms.Voices.Count > 0 && evidence.Found && q.Intent == IntentKind.Overview && handled is { Answered: true, Comparison: null }
            && evidence.Terms is { AsksCount: false, AsksAmount: false, AsksShare: false, AsksDate: false, Hard.Count: 0 }
            && handled.RecordIds.Count > 0 && !evidence.Terms.Voices.Contains(handled.RecordIds[0])
            && !kb.Aliases.Find(TextNormalizer.Tokens(handled.Text)).Any(m => evidence.Terms.Voices.Contains(m.RecordId)))
            return FromPassages(q, evidence);
        // "Why was the Open Balkan set up?": a passage about it that gives a reason answers, before views about it in general.
        if (evidence.Terms.AsksWhy && evidence.Found && EvidenceFinder.GivesReason(evidence.Supporting[0].Passage)
            && !(handled.Answered && handled.Comparison is not null)
            && evidence.Terms.Entities.All(e => evidence.Supporting[0].MatchedEntities.Contains(e)))
            return FromPassages(q, evidence);
        if (evidence.EntityOnly)
        {
            // "How many people work in Serbia under Open Balkan work permits?": a count that no passage gives is not
            // answered by the figures the base holds for what is named.
            // "How much did SRB get 2007–2021?" names no thing counted, and the figures of the period may answer it.
            if (evidence.Terms.AsksCount && !evidence.Found && evidence.Terms.Asked.Contains(" how many ", StringComparison.Ordinal)) return Decline(q, focus, evidence);
            // "What is the official name of the document Serbia and Hungary signed?": the passage that gives the name, where
            // the question names the states and not the document itself.
            if (evidence.Terms.NameOf is not null && evidence.Found && !focus.Any(r => r.Kind is RecordKind.Agreement or RecordKind.Event))
                return FromPassages(q, evidence);
            // "How is the Serbia–Hungary plan connected to the Tirana Declaration?": the passages that name them together
            // answer, those naming the most first.
            var together = evidence.Supporting.Where(h => h.MatchedEntities.Count >= 2 && h.Passage.Kind != PassageKind.Name && !EvidenceFinder.IsCaveat(h.Passage))
                .OrderByDescending(h => h.MatchedEntities.Count).ToList();
            if (evidence.Terms.Entities.Count >= 2 && evidence.Terms.Soft.Overlaps(QuestionTerms.RelationWords) && together.Count > 0)
                return FromPassages(q, evidence with { Supporting = together });
            // "In which Albanian city was the declaration signed?": a place or a person asked is answered by the passage that
            // gives it, not by an overview of what is named.
            if ((evidence.Terms.AsksPlace || evidence.Terms.AsksPerson) && evidence.Found) return FromPassages(q, evidence);
            // "Which deal did Serbia sign with France?", "what got signed in Tirana?": an agreement or event that names all
            // of them answers, not an overview of the first.
            // "Which deal did Serbia sign with Russia in 2023?": where no agreement or event of theirs (of that year) is
            // recorded, the question has no answer, whatever else the sources say of them.
            if (AgreementAsked().IsMatch(" " + q.Normalized + " ") && evidence.Terms.Entities.All(e => kb.Get(e) is { Kind: RecordKind.Actor }))
            {
                bool Between(KnowledgeRecord r) => evidence.Terms.Entities.All(e => r.Parties.Contains(e) || r.Actors.Contains(e) || r.Place?.Country == e)
                                                   && (evidence.Terms.Years.Count == 0 || r.Date is { } d && evidence.Terms.Years.Contains(d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                var deals = evidence.Supporting.Where(h => h.Passage.RecordKind is RecordKind.Agreement or RecordKind.Event && h.Passage.Kind != PassageKind.Name
                                                           && kb.Get(h.Passage.RecordId) is { } r && Between(r) && !EvidenceFinder.IsCaveat(h.Passage))
                    .OrderBy(h => h.Passage.Kind == PassageKind.Summary ? 0 : 1).ToList();
                return deals.Count > 0 ? FromPassages(q, evidence with { Supporting = deals }) : Decline(q, focus, evidence);
            }
            // Two or more names and nothing else: what the sources say about them together.
            if (handled.Answered)
                return evidence.Terms.Entities.Count >= 2
                    ? AnswerComposition.WithPassages(handled, kb, evidence.Supporting.Where(h => h.MatchedEntities.Count >= 2)
                        .Select(h => h.Passage).Where(p => p.Kind != PassageKind.Name && !EvidenceFinder.IsCaveat(p)), 2)
                    : evidence.Terms.Soft.Count > 0 ? WithSupport(handled, evidence, 2) : handled;
            return evidence.Found ? FromPassages(q, evidence) : handled;
        }
        if (!evidence.Found)
        {
            if (handled.Answered && q.Intent is IntentKind.Timeline or IntentKind.List or IntentKind.Analysis && evidence.Terms.Hard.Count == 0
                && evidence.Terms.Unknown.Count == 0 && (q.Period is null || evidence.Terms.Content.All(c => Carried(handled, c)))
                // "What legal basis did Stoltenberg cite?": an overview of what is named answers only what its records say.
                && (q.Intent is not (IntentKind.Analysis or IntentKind.List) || Shows(handled, evidence.Terms.Content)))
                return handled;
            // An open question worded its own way ("why is their relationship seen as a weak basis"): the passage on what
            // it names that carries the most of its words is offered, and said to be the nearest, not an exact answer.
            // "Why did Croatia choose the Rafale?": the nearest passage that gives no reason is no answer to a why.
            if (EvidenceFinder.Nearest(kb, evidence) is { Count: > 0 } near
                && !(evidence.Terms.AsksWhy && !near.Any(h => EvidenceFinder.GivesReason(h.Passage))))
            {
                var nearest = FromPassages(q, evidence with { Supporting = near });
                return nearest with { Text = "The closest the sources come: " + nearest.Text, Confidence = Math.Min(nearest.Confidence, 0.4) };
            }
            return Decline(q, focus, evidence);
        }
        // "How did CEFTA's membership evolve …?": a timeline of one record shows no change; the passages that match say how.
        if (handled.Answered && q.Intent == IntentKind.Timeline && handled.Timeline.Count == 1 && q.Period is null) return FromPassages(q, evidence);
        // "What's the name of the EU operation in Bosnia?" is answered by the passage that names it, not an overview of the EU.
        // An overview that never speaks of what is asked ("which group welcomed it") gives way to the passage that does.
        // "Which analyst is quoted saying …?" is answered by the passage that names him, not by the views around it.
        if (handled.Answered && Agrees(handled, evidence, q.Intent) && evidence.Terms.NameOf is null
            && (q.Intent != IntentKind.Overview || Shows(handled, evidence.Terms.Content))
            && !(evidence.Terms.AsksPerson && q.Intent == IntentKind.Analysis)) return WithSupport(handled, evidence);
        return FromPassages(q, evidence);
    }

    /// <summary>A number stands within three words of the measure ("3,700 NATO troops", "troops: 4,500").</summary>
    private static bool CountsThe(string[] tokens, HashSet<string> measures)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!measures.Contains(Stemmer.Stem(tokens[i]))) continue;
            for (var j = Math.Max(0, i - 3); j <= Math.Min(tokens.Length - 1, i + 3); j++)
                if (tokens[j].Any(char.IsDigit)) return true;
        }
        return false;
    }

    private static readonly string[] TopicSeparators = [": ", " - ", " – ", " — "];

    /// <summary>The people named in the question other than the authors it cites.</summary>
    private int PeopleCompared(RoutedQuestion q)
    {
        var cited = CitedAuthors(q);
        return q.Mentions.Where(m => m.Kind == RecordKind.Actor && !cited.Contains(m.RecordId)).Select(m => m.RecordId).Distinct()
            .Count(id => kb.Get(id) is { Type: "person" });
    }

    /// <summary>The authors of the documents that the question cites ("per Antić"): where it reads, not what it asks about.</summary>
    private HashSet<string> CitedAuthors(RoutedQuestion q)
    {
        var cited = EvidenceFinder.CitedInQuestion(q);
        cited.IntersectWith(kb.Authors);
        return cited;
    }

    /// <summary>The table's rows for the measures asked hold no value at all.</summary>
    private bool MeasureRowEmpty(ComparisonTable table, IReadOnlyList<string> measures)
    {
        var asked = measures.SelectMany(kb.Passages.Expand).ToHashSet(StringComparer.Ordinal);
        var rows = table.Rows.Where(r => TextNormalizer.Tokens(r.Measure).Any(t => asked.Contains(Stemmer.Stem(t)))).ToList();
        return rows.Count > 0 && rows.All(r => r.Cells.All(c => c.NoData));
    }

    /// <summary>
    /// The answer as read says most of what the question asks, weighed by how rare each word is: "what legal basis did
    /// Stoltenberg cite" is not answered by an overview of the region that never speaks of a legal basis.
    /// </summary>
    private bool Shows(Answer handled, IReadOnlyList<string> content)
    {
        content = content.Where(c => !ViewWords.Contains(c)).ToList();
        if (content.Count == 0) return true;
        var shown = ShownStems(handled);
        var index = kb.Passages;
        var total = content.Sum(index.Idf);
        var found = content.Where(c => index.Expand(c).Any(shown.Contains)).Sum(index.Idf);
        return found * 3 >= total * 2;
    }

    /// <summary>"What do analysts think of …": the views shown are the analysts'.</summary>
    private static readonly HashSet<string> ViewWords =
        ["analyst", "analysts", "expert", "experts", "scholar", "scholars", "observer", "observers", "commentator", "commentators", "researchers", "academics"];

    /// <summary>A word of the question that the answer's records carry: "prison sentence" is not in a timeline of convictions.</summary>
    private bool Carried(Answer handled, string word) =>
        // "The brief does not describe the sentence" carries no sentence.
        handled.RecordIds.Any(id => kb.Passages.OfRecord(id).Any(p => kb.Passages.Matches(p, word) && !EvidenceFinder.IsCaveat(p)));

    private Answer WithSupport(Answer handled, Evidence evidence, int max = ExtraFacts)
    {
        // A record's names answer "what does it stand for", "what was it first called"; otherwise they repeat the title.
        var names = EvidenceFinder.AsksForName(evidence.Terms);
        return AnswerComposition.WithPassages(handled, kb, evidence.Supporting.Select(h => h.Passage)
            .Where(p => (names || p.Kind != PassageKind.Name) && !EvidenceFinder.IsCaveat(p)), max);
    }

    /// <summary>The arguments among the best supporting passages, first of the answer's views.</summary>
    private Answer WithClaimsAsViews(RoutedQuestion q, Evidence evidence, Answer answer)
    {
        var claims = evidence.Supporting.Take(6).Where(h => h.Passage.Kind == PassageKind.Claim)
            .Select(h => kb.Get(h.Passage.RecordId)).OfType<KnowledgeRecord>().DistinctBy(c => c.Id).Take(2);
        return WithViews(q, answer, claims);
    }

    /// <summary>The handler answered about a record the evidence also points at.</summary>
    private bool Agrees(Answer handled, Evidence evidence, IntentKind intent)
    {
        // Views, timelines, tables and lists of figures gather many records; any of them backed by the evidence keeps the layout.
        // "What did Serbia's Rafales cost?" asks for one quantity: a list of Serbia's money figures that leads with a
        // trade surplus does not answer it, however far down the Rafale deal stands.
        if (intent == IntentKind.Figures && evidence.Terms.Hard.Count > 0
            && handled.RecordIds.FirstOrDefault(id => kb.Get(id) is { Kind: RecordKind.Figure }) is { } leadFigure)
            return evidence.Supporting.Take(5).Any(h => h.Passage.RecordId == leadFigure);
        if (intent is IntentKind.Analysis or IntentKind.Timeline or IntentKind.Compare or IntentKind.List or IntentKind.Figures)
        {
            var all = handled.RecordIds.ToHashSet(StringComparer.Ordinal);
            return evidence.Supporting.Take(5).Any(h => all.Contains(h.Passage.RecordId));
        }
        // The best passage must belong to what the handler put first: a list of Serbia's figures does not answer
        // "how many MiG-29s", however many of Serbia's passages match.
        var records = handled.RecordIds.Take(2).ToHashSet(StringComparer.Ordinal);
        var best = evidence.Best!.Passage;
        return records.Contains(best.RecordId) || best.Subject is { } s && records.Contains(s);
    }

    /// <summary>
    /// "How do Rama and Vučić see the Open Balkan's future differently?": each side is looked up on its own, with the
    /// topic the question names, and the answer sets what the sources say of each side by side.
    /// </summary>
    public Answer? Contrast(RoutedQuestion q, IReadOnlyList<KnowledgeRecord> focus, Evidence evidence)
    {
        if (!evidence.Terms.Contrast) return null;
        // The first two named actors are the sides; anything else named is what they differ on.
        var cited = CitedAuthors(q);
        var actors = q.Mentions.Where(m => m.Kind == RecordKind.Actor && !cited.Contains(m.RecordId)).DistinctBy(m => m.RecordId).ToList();
        // "How do Antić and Sav differ in describing the US role?": two authors are the sides, and what each document
        // says of the thing named is what is set side by side.
        var authors = q.Mentions.Where(m => kb.Authors.Contains(m.RecordId)).DistinctBy(m => m.RecordId).ToList();
        var others = actors.Where(a => !kb.Authors.Contains(a.RecordId)).ToList();
        var byAuthors = authors.Count >= 2 && others.Count < 2;
        if (byAuthors) actors = [.. authors.Take(2), .. others];
        if (actors.Count < 2) return null;
        var sides = actors.Take(2).ToList();
        var topic = q.Mentions.Where(m => m.Kind != RecordKind.Actor).Concat(actors.Skip(2)).ToList();
        // A record with its own disagreements (the Open Balkan, the Tirana Declaration) is answered by them; an actor the
        // documents each describe ("the US role") by what each says of it.
        if (byAuthors && (topic.Count == 0 || topic.Any(t => t.Kind != RecordKind.Actor))) return null;
        var found = new List<(KnowledgeRecord Side, Passage Passage)>();
        foreach (var side in sides)
        {
            if (kb.Get(side.RecordId) is not { } record) continue;
            var sideFocus = focus.Where(f => f.Id == side.RecordId || topic.Any(t => t.RecordId == f.Id)).ToList();
            // The side must be named in the passage itself, not only stand behind a document it cites.
            List<Passage> Best(RoutedQuestion asked) => EvidenceFinder.Find(kb, asked with { Mentions = byAuthors ? topic : [side, .. topic], Intent = IntentKind.Overview }, sideFocus)
                .Supporting.Where(h => (byAuthors ? h.Passage.CitedAuthors.Contains(side.RecordId) : NamesInText(h.Passage, side.RecordId))
                                       && !EvidenceFinder.IsCaveat(h.Passage) && h.Passage.Kind != PassageKind.Name)
                .Select(h => h.Passage).Where(p => found.All(f => f.Passage.Id != p.Id)).Take(2).ToList();
            // "Open Balkan founders seem split on where it goes next - Rama's take vs Vučić's?": the statement before the
            // colon or dash set the topic; the sides are asked for in the words after it, and answered so first.
            List<Passage> best = [];
            if (TopicSeparators.Max(sep => q.Original.LastIndexOf(sep, StringComparison.Ordinal)) is var colon and > 0)
            {
                var own = TextNormalizer.Tokens(q.Original[(colon + 2)..]).ToHashSet(StringComparer.Ordinal);
                // "… on where it is headed - what does each say?": words after it that name no side and ask nothing of
                // their own leave the topic to the statement.
                var names = q.Mentions.SelectMany(m => m.Surface.Split(' ')).ToHashSet(StringComparer.Ordinal);
                var asked = q.Terms.Where(own.Contains).ToList();
                if (asked.Any(t => names.Contains(t) || !QuestionTerms.IsAskingWord(t))) best = Best(q with { Terms = asked });
            }
            if (best.Count == 0) best = Best(q);
            found.AddRange(best.Select(p => (record, p)));
        }
        if (found.Select(f => f.Side.Id).Distinct().Count() < 2) return null;
        var b = new AnswerBuilder(kb, q with { Intent = IntentKind.Compare })
        {
            Title = string.Join(" and ", found.Select(f => f.Side.ShortName).Distinct()) + (topic.Count > 0 && kb.Get(topic[0].RecordId) is { } t ? $" on {RecordNames.The(t)}" : ""),
            Confidence = 0.7,
        };
        var first = found[0];
        b.Text = AnswerBuilder.Markers(first.Passage.Text, b.Cite(first.Passage.Cite));
        foreach (var (side, passage) in found.Skip(1)) b.Fact(side.ShortName, passage.Text, passage.Cite);
        foreach (var (side, passage) in found) { b.UseRecord(passage.RecordId); b.UseRecord(side.Id); }
        foreach (var conflict in kb.ConflictsAbout(b.Records.ToList()).Take(1)) b.Conflict(conflict);
        return b.Build() with { Intent = q.Intent };
    }

    /// <summary>An answer made of the passages that match: the best one as the short answer, the others as facts.</summary>
    public Answer FromPassages(RoutedQuestion q, Evidence evidence)
    {
        var passages = evidence.Supporting.Select(h => h.Passage).ToList();
        var lead = evidence.Best!.Passage;
        var record = kb.Get(lead.RecordId);
        var topic = TopicOf(record);
        var b = new AnswerBuilder(kb, q)
        {
            // "What does minilateralism mean?" is titled by the idea, not by the record its defining sentence sits in.
            Title = EvidenceFinder.AsksDefinition(evidence.Terms) && evidence.Terms.Content.Count == 1
                ? Title(evidence.Terms.Content[0])
                // "How does Antić characterise minilateralism?" is titled by the idea its lead sentence defines.
                : evidence.Terms.Soft.Overlaps(EvidenceFinder.DefiningWords) && evidence.Terms.Content.FirstOrDefault(c => EvidenceFinder.Defines(lead.Text, c)) is { } defined
                    ? Title(defined)
                    : topic?.ShortName ?? AnswerComposition.LabelOf(kb, lead),
            Confidence = Math.Min(0.9, 0.5 + 0.1 * evidence.Supporting[0].MatchedTerms.Count),
        };
        // "Which Hungarian leader …": a person's own record speaks of his office, so the answer names him first.
        var leadText = record is { Kind: RecordKind.Actor, Type: "person" } person && lead.Kind is PassageKind.Role or PassageKind.Summary
            && !TextNormalizer.Normalize(lead.Text).Contains(TextNormalizer.Normalize(person.ShortName.Split(' ')[^1]), StringComparison.Ordinal)
            ? $"{person.Name}: {lead.Text}"
            // "EUFOR deployed reserve forces to Bosnia and Herzegovina in March 2025", not "EUFOR deploys … is dated in …".
            // A date that is only when a report appeared keeps the record's own wording.
            : lead.Kind == PassageKind.Date && record is { Kind: RecordKind.Event, Date: { } date } && !ReportedDate().IsMatch(record.Name)
              && RecordNames.AsClause(record, kb) is { } clause
                ? $"{clause.PastForm} {(date.Precision == DatePrecision.Day ? "on " : "in ")}{date.Display}."
                : lead.Text;
        b.Text = AnswerBuilder.Markers(leadText, b.Cite(lead.Cite));
        b.UseRecord(lead.RecordId);
        var answer = b.Build();
        // "What is the name of the EU operation in Bosnia?" answered by "the EU-led EUFOR operation": the full names
        // of the record the passage names come first.
        if (evidence.Terms.NameOf is not null)
            answer = AnswerComposition.WithPassages(answer, kb, NamesOf(lead, evidence.Terms), 1);
        answer = AnswerComposition.WithPassages(answer, kb, passages.Where(p => p != lead && p.Kind != PassageKind.Name), ExtraFacts + 1);
        var used = answer.RecordIds.ToList();
        var more = new AnswerBuilder(kb, q);
        foreach (var conflict in kb.ConflictsAbout(used).Where(c => c.About.Any(used.Contains)).Take(2)) more.Conflict(conflict);
        if (topic is not null) FollowUps.Suggest(more, topic);
        var extra = more.Build();
        return AnswerComposition.Merge([answer, extra with { Text = "", Title = "", Answered = false }], q.Original) with
        {
            Title = answer.Title,
            Answered = true,
            Intent = q.Intent,
            Confidence = answer.Confidence,
        };
    }

    /// <summary>
    /// The names of the records a passage mentions beside the thing asked for ("the EU-led EUFOR operation"), other
    /// than what the question names, states and people.
    /// </summary>
    private IEnumerable<Passage> NamesOf(Passage passage, QuestionTerms terms)
    {
        var tokens = TextNormalizer.Tokens(passage.Text);
        var asked = terms.NameOf is { Length: > 0 } thing ? [thing] : terms.Content;
        var stems = asked.SelectMany(kb.Passages.Expand).ToHashSet(StringComparer.Ordinal);
        var at = EvidenceFinder.Positions(tokens, stems);
        return kb.Aliases.Find(tokens)
            .Where(m => at.Any(i => i >= m.TokenStart - 2 && i <= m.TokenStart + m.TokenCount + 1))
            .Select(m => m.RecordId).Distinct()
            .Where(id => id != passage.RecordId && !terms.Entities.Contains(id)
                         && kb.Get(id) is { Kind: not RecordKind.Source } r && r.Type is not ("state" or "person"))
            .SelectMany(id => kb.Passages.OfRecord(id).Where(p => p.Kind == PassageKind.Name).Take(1));
    }

    /// <summary>
    /// A question for the names of things the sources count without naming ("which five EU states …") is answered
    /// by what they say, and that they name none.
    /// </summary>
    private Answer? Unnamed(RoutedQuestion q, Evidence evidence)
    {
        if (!AsksForNames().IsMatch(" " + q.Normalized + " ")) return null;
        var content = evidence.Terms.Content;
        var gap = evidence.Candidates.Take(8).FirstOrDefault(h => EvidenceFinder.IsCaveat(h.Passage) && NamesNone().IsMatch(h.Passage.Text)
            && h.MatchedEntities.Count > 0 && content.Count(h.MatchedTerms.Contains) * 2 >= content.Count
            && LeftUnnamed(h.Passage.Text, evidence.Terms));
        return gap is null ? null : GapAnswer(q, gap.Passage, "No names in the sources", "The sources do not name them.", _ => true);
    }

    /// <summary>
    /// A decline that shows what the sources hold: the opening, the record's main figure or summary, and the passage
    /// that says what they leave out.
    /// </summary>
    private Answer GapAnswer(RoutedQuestion q, Passage gap, string title, string opening, Func<Passage, bool> mayLead)
    {
        var main = kb.Passages.OfRecord(gap.RecordId).FirstOrDefault(p => p.Kind is PassageKind.Figure or PassageKind.Summary && !EvidenceFinder.IsCaveat(p) && mayLead(p));
        var b = new AnswerBuilder(kb, q) { Title = title, Confidence = 0 };
        var said = main is null ? "" : " " + AnswerBuilder.Markers(RecordFacts.Capitalise(main.Text.TrimEnd('.')) + ".", b.Cite(main.Cite));
        b.Text = opening + said + " " + AnswerBuilder.Markers(RecordFacts.Capitalise(gap.Text.TrimEnd('.')) + ".", b.Cite(gap.Cite));
        b.UseRecord(gap.RecordId);
        return b.Build() with { Answered = false, Intent = q.Intent };
    }

    /// <summary>
    /// "What model are Serbia's 250–300 tanks?" where the table gives a range and no type: what the sources hold, and
    /// that they give no model.
    /// </summary>
    private Answer? NoModelGiven(RoutedQuestion q, Evidence evidence)
    {
        if (!ModelAsked().IsMatch(" " + q.Normalized + " ") || evidence.Terms.Entities.Count == 0) return null;
        var gap = evidence.Candidates.Take(8).FirstOrDefault(h => NoModel().IsMatch(h.Passage.Text) && evidence.Terms.Entities.All(h.MatchedEntities.Contains));
        return gap is null ? null : GapAnswer(q, gap.Passage, "No model in the sources", "The sources give no model.", p => !NoModel().IsMatch(p.Text));
    }

    /// <summary>
    /// "Antić said in 2024 there was no security pact to be had in the Balkans – did that change?": an author's view of a
    /// year, set against what the sources record after it. The view leads, then the agreements and events dated later
    /// that speak of the same thing; the answer does not say whether the view was right.
    /// </summary>
    private Answer? ViewThenWhatCameLater(RoutedQuestion q, Evidence evidence)
    {
        var t = evidence.Terms;
        if (!AsksWhetherAViewHeld(q.Normalized) || t.Years.Count is 0 or > 2) return null;
        // "… in 2024 … did that change in 2025?": the first year is the view's, a second one the year looked at after it.
        var years = t.Years.Select(y => int.Parse(y, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        var year = years[0];
        int? until = years.Count == 2 ? years[1] : null;
        if (until == year) return null;
        var authors = t.Entities.Where(kb.Authors.Contains).ToHashSet(StringComparer.Ordinal);
        if (authors.Count != 1) return null;
        var documents = kb.DocumentsWrittenBy(authors).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var words = t.Content.Concat(t.Soft).Where(w => !ChangeAskedWords.Contains(w)).ToList();
        if (words.Count == 0) return null;
        var expanded = words.Select(w => kb.Passages.Expand(w).Append(Stemmer.Stem(w)).ToHashSet(StringComparer.Ordinal)).ToList();
        // How many of the question's words the text speaks of, each in any of its synonyms.
        int Overlap(string text)
        {
            var tokens = TextNormalizer.Tokens(text).Select(Stemmer.Stem).ToHashSet(StringComparer.Ordinal);
            return expanded.Count(e => e.Overlaps(tokens));
        }
        // His view in the asker's words: pairs of words the question and the passage share ("no … pact to be had").
        var asked = TextNormalizer.Tokens(q.Normalized);
        var pairs = asked.Zip(asked.Skip(1), (a, b) => a + " " + b).ToHashSet(StringComparer.Ordinal);
        int Pairs(string text)
        {
            var tokens = TextNormalizer.Tokens(text);
            return tokens.Zip(tokens.Skip(1), (a, b) => a + " " + b).Distinct().Count(pairs.Contains);
        }
        // His view: a claim from his own document that carries the most of the question's words.
        var view = evidence.Candidates.Select(h => h.Passage)
            .Where(p => p.Kind == PassageKind.Claim && p.Cite.Any(c => documents.Contains(c.Source)) && !EvidenceFinder.IsCaveat(p))
            .Select(p => (Passage: p, Overlap: Overlap(p.Text))).Where(x => x.Overlap * 2 >= words.Count)
            .OrderByDescending(x => x.Overlap + Pairs(x.Passage.Text)).ThenBy(x => x.Passage.Text.Length).Select(x => x.Passage).FirstOrDefault();
        if (view is null) return null;
        // What came later: agreements and events dated after the year whose summary speaks of the same thing.
        var later = kb.OfKind(RecordKind.Agreement).Concat(kb.OfKind(RecordKind.Event))
            .Where(r => r.Date is { } d && d.Year > year && (until is null || d.Year == until) && r.Summary is not null)
            .Select(r => (Record: r, Overlap: Overlap(r.Summary!.Text)))
            .Where(x => x.Overlap >= Math.Min(2, words.Count)).OrderByDescending(x => x.Overlap).ThenBy(x => x.Record.Date!.Year)
            .Take(2).Select(x => x.Record).ToList();
        if (later.Count == 0) return null;
        var author = kb.Get(authors.First())?.Name ?? "";
        var b = new AnswerBuilder(kb, q) { Title = $"{author} in {year}, and what came later", Confidence = 0.6 };
        var lines = new List<string> { AnswerBuilder.Markers($"In {year}: {RecordFacts.Capitalise(view.Text.TrimEnd('.'))}.", b.Cite(view.Cite)) };
        foreach (var r in later)
        {
            b.UseRecord(r.Id);
            lines.Add(AnswerBuilder.Markers($"Later ({r.Date!.Display}): {RecordFacts.Capitalise(r.Summary!.Text.TrimEnd('.'))}.", b.Cite(r.Summary.Cite)));
        }
        b.Text = string.Join(" ", lines);
        b.UseRecord(view.RecordId);
        return b.Build() with { Intent = q.Intent };
    }

    private static readonly HashSet<string> ChangeAskedWords =
        ["change", "changed", "changes", "still", "hold", "holds", "held", "true", "compare", "compares", "happened", "later", "since", "following", "year", "next", "said", "say", "says", "wrote", "write", "writes", "judged", "thought", "argued"];

    /// <summary>"Did that change?", "is that still true?", "what happened next?": whether a view set out before it held.</summary>
    internal static bool AsksWhetherAViewHeld(string text) => LaterAsked().IsMatch(" " + TextNormalizer.Normalize(text) + " ");

    [System.Text.RegularExpressions.GeneratedRegex(@" (?:did|has|have|had) (?:that|this|it|anything|much|the picture|the situation|things) (?:\w+ )?(?:change|changed|shift|shifted|hold|held|hold up|remain|remained|stay|stayed) | (?:is|was) (?:that|this|it) still (?:true|the case|valid|accurate) | still (?:hold|holds) | how does (?:that|this) compare with what | what happened (?:next|later|after that|since|the following year|the next year) | since then ")]
    private static partial System.Text.RegularExpressions.Regex LaterAsked();

    private static readonly HashSet<string> OriginWords = new[]
    {
        "nationality", "citizenship", "hometown", "home", "town", "origin", "origins", "ethnicity", "ethnic", "background", "birthplace",
        "birth", "born", "birthday", "age", "old", "native", "citizen", "country", "city", "place", "region", "come", "hail", "year", "date", "originally",
    }.Select(Stemmer.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// "Where is Nikovski from?", "Which country is Dodik from?": a person's origin is read from the person's own record,
    /// never from a place some passage about him names. Where the record ties him to no country, or a birth is asked,
    /// the sources say nothing of it, and the answer shows what they do say of him.
    /// </summary>
    private Answer? OriginOf(RoutedQuestion q, Evidence evidence, Answer handled)
    {
        var t = evidence.Terms;
        if (!t.AsksOrigin || t.Content.Any(c => !OriginWords.Contains(Stemmer.Stem(c)))) return null;
        var people = t.Entities.Where(e => kb.Get(e) is { Kind: RecordKind.Actor, Type: "person" }).Distinct().ToList();
        if (people.Count != 1 || t.Entities.Count != 1 || kb.Get(people[0]) is not { } person) return null;
        // The role's first two sentences: who he is, and where the documents place him ("Senior Research Fellow at …").
        var role = kb.Passages.OfRecord(person.Id).Where(p => p.Kind == PassageKind.Role).Take(2).ToList();
        if (role.Count == 0) return null;
        var b = new AnswerBuilder(kb, q) { Title = person.Name, Confidence = t.AsksBirth || person.Country is null ? 0 : 0.8 };
        var said = string.Join(" ", role.Select(r => AnswerBuilder.Markers(RecordFacts.Capitalise(r.Text.TrimEnd('.')) + ".", b.Cite(r.Cite))));
        b.UseRecord(person.Id);
        if (!t.AsksBirth && person.Country is not null)
        {
            if (handled.Answered && handled.RecordIds.Count > 0 && handled.RecordIds[0] == person.Id) return handled;
            b.Text = said;
            return b.Build() with { Intent = q.Intent };
        }
        b.Title = t.AsksBirth ? "No birth in the sources" : "No origin in the sources";
        b.Text = $"The sources do not say {(t.AsksBirth ? "when or where " + person.Name + " was born" : "where " + person.Name + " is from")}. What they say of {person.Name}: {said}";
        return b.Build() with { Answered = false, Intent = q.Intent };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" (?:what|which) (?:\w+ )?(?:model|models|type|types|variant|variants|make) ")]
    private static partial System.Text.RegularExpressions.Regex ModelAsked();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bno (?:\w+ )?(?:type|model|variant|designation)s?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NoModel();

    /// <summary>
    /// What the passage leaves unnamed is what the question asks for: "names no signatories" does not answer "which
    /// countries …", "does not name the five EU states" does.
    /// </summary>
    private bool LeftUnnamed(string text, QuestionTerms terms)
    {
        var asked = terms.Content.Concat(terms.Soft).SelectMany(kb.Passages.Expand).ToHashSet(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match m in NamesNone().Matches(text))
            if (TextNormalizer.Tokens(text[(m.Index + m.Length)..]).Take(4).Any(t => asked.Contains(Stemmer.Stem(t)))) return true;
        return false;
    }

    /// <summary>
    /// "When did Montenegro join CEFTA, according to Sav?": a date or a figure asked of one author's account is his, or no
    /// answer. Where the lead of the answer cites only other documents and no passage of his names what is asked, the
    /// other documents' account is shown as what the sources hold, not as his answer.
    /// </summary>
    private Answer? OtherAuthorsOnly(Answer handled, Evidence evidence)
    {
        var t = evidence.Terms;
        if (!handled.Answered || t.Voices.Count == 0 || !(t.AsksDate || t.AsksCount || t.AsksAmount || t.AsksShare || t.AsksValue)) return null;
        var documents = kb.DocumentsWrittenBy(t.Voices.ToHashSet(StringComparer.Ordinal)).Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        if (documents.Count == 0) return null;
        var lead = AnswerComposition.Markers().Matches(handled.Text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        if (lead.Count == 0 || handled.Citations.Any(c => lead.Contains(c.N) && documents.Contains(c.SourceId))) return null;
        var others = t.Entities.Where(e => !t.Voices.Contains(e)).ToList();
        if (others.Count == 0) return null;
        if (evidence.Supporting.Any(h => h.Passage.Cite.Any(c => documents.Contains(c.Source)) && others.All(h.MatchedEntities.Contains))) return null;
        var who = string.Join(" and ", t.Voices.Select(v => kb.Get(v)?.Name ?? v));
        var what = t.AsksDate ? "date" : "figure";
        return Unanswering(handled, $"No {what} from {who} in the sources", $"{who} gives no {what} for that. What the other sources hold: {handled.Text}");
    }

    /// <summary>What the sources hold, shown as that and not as an answer to what was asked.</summary>
    private static Answer Unanswering(Answer held, string title, string text) =>
        held with { Answered = false, Confidence = 0, Title = title, Text = text };

    /// <summary>
    /// "What share of Serbia's trade was with the EU in 2012, before it reached the 54 percent reported for 2022?": the
    /// figure the question itself states, for one of its years, is no answer for the other year.
    /// </summary>
    private static Answer? OnlyTheFigureGiven(RoutedQuestion q, Answer handled, Evidence evidence)
    {
        var t = evidence.Terms;
        if (!handled.Answered || t.Years.Count < 2 || !(t.AsksShare || t.AsksCount || t.AsksAmount || t.AsksValue || t.AsksMoney)) return null;
        var lead = AnswerComposition.Markers().Replace(handled.Text, "");
        var leadYears = EvidenceFinder.Year().Matches(lead).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var missing = t.Years.Where(y => !leadYears.Contains(y)).ToList();
        if (missing.Count == 0 || missing.Count == t.Years.Count) return null;
        var asked = " " + q.Normalized + " ";
        var stated = FigureNumber().Matches(lead).Select(m => m.Value).Where(n => !leadYears.Contains(n))
            .Any(n => asked.Contains(" " + n + " ", StringComparison.Ordinal) || asked.Contains(" " + n + "%", StringComparison.Ordinal));
        if (!stated) return null;
        return Unanswering(handled, "No figure for that year in the sources",
            $"The sources give no figure for that in {string.Join(" or ", missing)}. What they hold: {handled.Text}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d[\d,.]*\d|\d")]
    private static partial System.Text.RegularExpressions.Regex FigureNumber();

    /// <summary>
    /// "When did Albania and Kosovo sign their own bilateral defence deal?": an agreement of three is no bilateral deal.
    /// Where the answer leads with an agreement or event whose parties are more or fewer than the question's "bilateral"
    /// or "trilateral" says, the sources hold no such deal, and what they hold is shown as that.
    /// </summary>
    private Answer? OtherNumberOfParties(RoutedQuestion q, Answer handled, Evidence evidence)
    {
        if (!handled.Answered || handled.RecordIds.Count == 0 || PartiesCounted().Match(" " + q.Normalized + " ") is not { Success: true } counted) return null;
        var want = counted.Groups[1].Value switch { "bilateral" => 2, "trilateral" => 3, _ => 4 };
        if (kb.Get(handled.RecordIds[0]) is not { Kind: RecordKind.Agreement or RecordKind.Event } lead) return null;
        var parties = lead.Parties.Count > 0 ? lead.Parties : lead.Actors.Where(a => kb.Get(a) is { Kind: RecordKind.Actor, Type: not "person" }).ToList();
        var named = evidence.Terms.Entities.Where(e => kb.Get(e) is { Kind: RecordKind.Actor }).ToList();
        if (parties.Count < 2 || parties.Count == want || named.Count == 0 || !named.All(parties.Contains)) return null;
        var between = string.Join(" and ", named.Select(e => kb.Get(e)?.Name ?? e));
        return Unanswering(handled, $"No {counted.Groups[1].Value} deal in the sources",
            $"The sources record no {counted.Groups[1].Value} deal between {between}. What they hold: {handled.Text}");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@" (bilateral|trilateral|quadrilateral) (?:\w+ ){0,2}(?:deal|agreement|pact|treaty|accord|declaration) ")]
    private static partial System.Text.RegularExpressions.Regex PartiesCounted();

    [System.Text.RegularExpressions.GeneratedRegex(@"^ (?:which|what) (?:\w+ )?(?:deal|deals|agreement|agreements|pact|pacts|treaty|treaties|accord|accords|declaration|declarations|contract|contracts|document|documents) (?:did|was|were|has|have|had|got) | what (?:\w+ )?(?:got|was|were|had been) signed | what did (?:\w+ ){1,6}?sign ")]
    private static partial System.Text.RegularExpressions.Regex AgreementAsked();

    [System.Text.RegularExpressions.GeneratedRegex(@"\((?:reported|as reported|per)\b")]
    private static partial System.Text.RegularExpressions.Regex ReportedDate();

    private const string MonthNames = "January|February|March|April|May|June|July|August|September|October|November|December";

    [System.Text.RegularExpressions.GeneratedRegex(@"\b\d{1,2} (?:" + MonthNames + @")\b|\b(?:" + MonthNames + @") \d{1,2}\b")]
    private static partial System.Text.RegularExpressions.Regex DayDate();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:" + MonthNames + @")\b")]
    private static partial System.Text.RegularExpressions.Regex MonthDate();

    [System.Text.RegularExpressions.GeneratedRegex(@" (?:which|list|name) (?:the |all )?(?:(?:\w+ ){0,3}(?:states|countries|members|people|persons|officers|officials|leaders|individuals|suspects|companies|groups) |(?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?:are they |were they |is it |)$)")]
    private static partial System.Text.RegularExpressions.Regex AsksForNames();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(does not name|do not name|names no|not named|without naming|none of them named)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NamesNone();

    /// <summary>
    /// "sav paper tldr, his main args?", "what are the Pupin brief's key points?": a document asked about as a whole is
    /// answered with its author's own arguments, its thesis first: the opening paragraph that states most of them, the
    /// rest of its opening, its conclusions and recommendations, then the body in the document's order.
    /// </summary>
    private Answer? DocumentSummary(RoutedQuestion q, Evidence evidence)
    {
        if (!SummaryCue().IsMatch(" " + q.Normalized + " ")) return null;
        var named = q.Mentions.Select(m => m.RecordId).ToHashSet(StringComparer.Ordinal);
        if (kb.DocumentsWrittenBy(named) is not [var document]) return null;
        var writers = kb.WritersOf(document).ToHashSet(StringComparer.Ordinal);
        // "Sav's main argument about Serbia" asks about Serbia: the general answer is for the document alone.
        if (named.Any(n => !writers.Contains(n)) || evidence.Terms.Content.Any(c => !SummaryWords.Contains(c) && !evidence.Terms.Unknown.Contains(c))) return null;
        var own = OwnClaims(document).Select(c => (Claim: c, At: c.Cite[0].At ?? "")).ToList();
        if (own.Count == 0) return null;
        var thesis = own.Where(c => c.At.StartsWith("§ (intro)", StringComparison.Ordinal)).GroupBy(c => c.At)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        int Place((KnowledgeRecord Claim, string At) c) =>
            c.At == thesis ? 0 : c.At.StartsWith("§ (intro)", StringComparison.Ordinal) ? 1 : ClosingSection().IsMatch(c.At) ? 2 : 3;
        var ordered = own.Select((c, i) => (c.Claim, Rank: Place(c), i)).OrderBy(c => c.Rank).ThenBy(c => c.i).Select(c => c.Claim).Take(5).ToList();
        var b = new AnswerBuilder(kb, q) { Title = $"Main arguments: {document.Title ?? document.Name}", Confidence = 0.8 };
        b.Text = $"{PassageExtractor.Join(document.Authors.Count > 0 ? document.Authors.ToList() : [document.Publisher ?? document.Name])}'s main arguments, as the document states them, its opening thesis first:";
        foreach (var c in ordered)
        {
            b.View(c);
            b.UseRecord(c.Id);
        }
        return b.Build() with { Intent = q.Intent };
    }

    /// <summary>
    /// "What's Antić's take on the Tirana Declaration?": a document written before what is asked about can hold no view
    /// of it. Said plainly, with where the base does speak of it, rather than answered with other authors' words.
    /// </summary>
    public Answer? WrittenBefore(RoutedQuestion q)
    {
        var cited = CitedAuthors(q);
        if (cited.Count == 0 || LaterChange().IsMatch(" " + q.Normalized + " ")) return null;
        var documents = kb.DocumentsWrittenBy(cited);
        if (documents.Count == 0 || documents.Any(d => d.Date is null)) return null;
        var writers = documents.SelectMany(kb.WritersOf).ToHashSet(StringComparer.Ordinal);
        var latest = documents.Max(d => d.Date!.EndInclusive);
        var later = q.Mentions.Select(m => kb.Get(m.RecordId)).OfType<KnowledgeRecord>()
            .FirstOrDefault(r => r.Kind is RecordKind.Agreement or RecordKind.Event && !writers.Contains(r.Id) && r.Date is { } d && d.Start > latest);
        if (later is null) return null;
        var document = documents.OrderByDescending(d => d.Date!.EndInclusive).First();
        var who = PassageExtractor.Join(document.Authors.Count > 0 ? document.Authors.ToList() : [document.Publisher ?? document.Name]);
        var b = new AnswerBuilder(kb, q) { Title = "Written before it", Confidence = 0 };
        b.FollowUp($"What is {RecordNames.The(later)}?");
        FollowUps.Suggest(b, later);
        return b.Build() with
        {
            Answered = false,
            Text = $"{who}'s {(document.Type ?? "document").Replace('-', ' ')} ({document.Date!.Display}) was written before {RecordNames.The(later)} ({later.Date!.Display}), so it holds no view on it. The other sources do speak of it.",
            Citations = [],
            Facts = [],
            RecordIds = [],
        };
    }

    // "Antić wrote in 2024 that no pact was possible: did that change?" asks what came after, which other sources give.
    [System.Text.RegularExpressions.GeneratedRegex(@" (?:change|changed|changes|since|after|afterwards|later|now|still|anymore|any more|hold|holds|held up|overtaken|outdated) ")]
    private static partial System.Text.RegularExpressions.Regex LaterChange();

    /// <summary>What a document argues in its own voice: claims made by its authors or publisher, not those it reports.</summary>
    private IEnumerable<KnowledgeRecord> OwnClaims(KnowledgeRecord document)
    {
        var voices = document.Authors.Append(document.Publisher ?? "").Where(a => a.Length > 2).ToList();
        return kb.OfKind(RecordKind.Claim).Where(c => c.ClaimSource == document.Id && c.Cite.Count > 0
                                                      && voices.Any(v => (c.Author ?? "").StartsWith(v, StringComparison.Ordinal)));
    }

    private static readonly HashSet<string> SummaryWords = new(StringComparer.Ordinal)
    {
        "tldr", "tl", "dr", "summary", "summarise", "summarize", "sum", "main", "key", "central", "core", "args", "arguments", "argument",
        "points", "point", "gist", "takeaways", "takeaway", "thesis", "claims", "paper", "brief", "essay", "article", "document",
        "report", "pls", "please", "again", "three", "five", "overall", "whole", "his", "her", "their", "its", "argue", "argues",
    };

    [System.Text.RegularExpressions.GeneratedRegex(@" (tl ?dr|summary|summari[sz]e|sum up|main (arg|args|arguments?|points?|claims?|takeaways?|ideas?)|key (arguments?|points?|claims?|takeaways?|findings?)|central (argument|claim|thesis)|gist|takeaways?|thesis) ")]
    private static partial System.Text.RegularExpressions.Regex SummaryCue();

    [System.Text.RegularExpressions.GeneratedRegex(@"^§ (Conclusions?|Consequences|Recommendations)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ClosingSection();

    /// <summary>No passage carries what is asked: say so, name what is known, and offer questions the base answers.</summary>
    public Answer Decline(RoutedQuestion q, IReadOnlyList<KnowledgeRecord> focus, Evidence evidence)
    {
        var topic = q.Original.Trim().TrimEnd('?', '!', '.').Trim();
        if (topic.Length > 120) topic = topic[..120] + "…";
        var b = new AnswerBuilder(kb, q) { Title = "No sourced answer", Confidence = 0 };
        var known = focus.FirstOrDefault(f => f.Kind is RecordKind.Actor or RecordKind.Agreement or RecordKind.Event);
        foreach (var f in focus.Take(2)) FollowUps.Suggest(b, f);
        foreach (var hit in kb.Search(q.Terms, [RecordKind.Agreement], 3))
            if (kb.Get(hit.Id) is { } r) b.FollowUp($"What is {RecordNames.The(r)}?");
        foreach (var p in FollowUps.Popular(kb)) b.FollowUp(p);
        // "The Pupin brief's table: what total troops does it give for Serbia?" asks about Serbia, not about the brief.
        var authors = CitedAuthors(q);
        // "… what's the figure for Montenegro?": the name the question ends on is what it asks about.
        // "Where did Vučić, Zaev and Rama sign the Open Balkan agreement?": a place or a date is asked of the event named.
        var ofEvent = evidence.Terms.AsksPlace || evidence.Terms.AsksDate;
        var mentions = q.Mentions.Where(m => !authors.Contains(m.RecordId)).OrderBy(m => m.RecordId == evidence.Terms.EndsOn ? 0 : 1)
            .ThenBy(m => ofEvent && m.Kind is RecordKind.Event or RecordKind.Agreement ? 0 : 1).ToList();
        // An author the question only cites ("the Pupin comparison table") is not what the figure would be of.
        var named = mentions.Select(m => kb.Get(m.RecordId)).OfType<KnowledgeRecord>().FirstOrDefault()
                    ?? (known is not null && kb.Authors.Contains(known.Id) ? null : known);
        var place = mentions is [var mention, ..] && named is not null && !string.Equals(TextNormalizer.Normalize(named.ShortName), mention.Surface, StringComparison.Ordinal)
            ? named.Aliases.Prepend(named.Name).FirstOrDefault(a => string.Equals(TextNormalizer.Normalize(a), mention.Surface, StringComparison.Ordinal)) ?? Title(mention.Surface)
            : named?.ShortName;
        string text;
        if (evidence.Terms.UnknownNames.Count > 0)
            text = NotMentioned(evidence.Terms.UnknownNames, topic);
        // "Which company made the missiles?" asks for a name, not a figure.
        else if (named is not null && (evidence.Terms.Hard.Count > 0 || evidence.Terms.AsksCount || evidence.Terms.AsksShare)
            && !evidence.Terms.AsksCompany && !evidence.Terms.AsksProvision && !evidence.Terms.AsksPerson && !evidence.Terms.AsksPlace
            // "When did Priština lift the 100-percent tariffs?" asks for a date; the share is what names the tariffs.
            && !evidence.Terms.AsksDate)
        {
            var what = WhatWasAsked(evidence.Terms, q.Normalized, q.Original);
            var inYears = evidence.Terms.Years.Count > 0 ? " in " + PassageExtractor.Join(evidence.Terms.Years.ToList()) : "";
            text = evidence.Terms.Hard.Contains("winner") ? "The sources name no winner of that election or contest, and make no forecasts."
                : evidence.Terms.Hard.Contains("advisory") ? "The sources give no travel or investment advice; they cover Balkan security agreements, incidents, actors and figures."
                : evidence.Terms.Hard.Contains("spoken") ? $"The sources do not say which languages are spoken in {place}."
                : evidence.Terms.Hard.Contains("clock") ? $"The sources give no information on the local time in {place}."
                : evidence.Terms.Hard.Contains("distance") ? "The sources give no information on distances between places."
                : evidence.Terms.Hard.Any(h => h is "weather" or "temperature")
                ? $"The sources give no information on the {what} in {place}."
                : what.Length > 0
                    // "no figure for Serbia's tanks"; of an agreement or an event, "no tank figure for the Serbia–Hungary plan".
                    ? named.Kind == RecordKind.Actor
                        ? $"The sources give no figure for {Possessive(place!)} {what}{inYears}."
                        // An event named like a headline ("Serbia acknowledges buying …") is put in as a clause.
                        : RecordNames.AsClause(named, kb) is { } clause
                        ? $"The sources give no {Attributive(what)} figure in their account of {clause.GerundForm}{inYears}."
                        : $"The sources give no {Attributive(what)} figure for {RecordNames.The(named)}{inYears}."
                    : $"The sources give no figure for {(place == named.ShortName ? RecordNames.The(named) : place)} that answers \"{topic}\".";
        }
        else if (named is not null && (evidence.Terms.Content.Count > 0 || evidence.Terms.Soft.Count > 0))
            text = $"The sources cover {RecordNames.The(named)}, but say nothing I can find about \"{topic}\".";
        else
            text = topic.Length == 0 ? "I have no sourced information on that." : $"I have no sourced information on \"{topic}\". The knowledge base covers Balkan security agreements, incidents, actors and figures from its sources.";
        return b.Build() with { Answered = false, Text = text, Citations = [], Facts = [], RecordIds = [] };
    }

    /// <summary>A plural before "figure" as English writes it: "tank figure", "casualty figure".</summary>
    private static string Attributive(string what)
    {
        var last = what.LastIndexOf(' ') + 1;
        var word = what[last..];
        var single = word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
            : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal) ? word[..^1]
            : word;
        return what[..last] + single;
    }

    /// <summary>What a decline says of names the sources never mention ("Mark Rutte", "Mercosur").</summary>
    public static string NotMentioned(IReadOnlyList<string> names, string topic) =>
        // "Serbian Progressive" and "Serbian Progressive Party" are one name.
        $"The sources do not mention {PassageExtractor.Join(names.Where(n => !names.Any(o => o.Length > n.Length && o.Contains(n, StringComparison.Ordinal))).ToList())}, so I have no sourced answer to \"{topic}\".";

    private bool NamesInText(Passage p, string recordId) =>
        p.RecordId == recordId || kb.Aliases.LinkWritten(p.Text, kb.Vocabulary).Mentions.Any(m => m.RecordId == recordId);

    private KnowledgeRecord? TopicOf(KnowledgeRecord? record)
    {
        if (record is null) return null;
        if (record.Kind is not (RecordKind.Figure or RecordKind.Claim or RecordKind.Conflict)) return record;
        var about = record.Subject ?? (record.About.Count > 0 ? record.About[0] : null);
        return about is null ? null : kb.Get(about);
    }

    /// <summary>"defence spending", "rocket launchers", "population": the quantity asked, in the asker's order.</summary>
    private static string WhatWasAsked(QuestionTerms t, string normalized, string original)
    {
        // "CM-400AKG missiles" as the asker wrote the qualifier, not its normalised tokens ("400akg").
        string AsWritten(string word, string measure)
        {
            var m = System.Text.RegularExpressions.Regex.Match(original, @"([\p{L}\p{N}][\p{L}\p{N}-]*)\s+" + System.Text.RegularExpressions.Regex.Escape(measure) + @"\b",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            return m.Success && TextNormalizer.Tokens(m.Groups[1].Value) is { Length: > 0 } tokens && tokens[^1] == word && m.Groups[1].Value.Any(char.IsUpper)
                ? m.Groups[1].Value
                : word;
        }
        static string Noun(string w) => w switch
        {
            "spend" or "spent" or "spending" => "spending",
            "gdp" => "GDP",
            "killed" or "dead" or "deaths" => "deaths",
            "wounded" or "injured" => "wounded",
            "troop" => "troops",
            // "How much did Croatia pay", "the euro figure": what was paid.
            "pay" or "paid" or "euro" or "euros" or "dollar" or "dollars" => "payment",
            "prices" or "priced" => "price",
            _ => w,
        };
        if (t.Hard.Count == 0) return "";
        // Only the word written just before the measure qualifies it ("defence spending", "rocket launchers"); other
        // words of the question ("Assume …", "helpful assistant") are not part of what was measured.
        var tokens = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>();
        // One phrase per measure ("military strength and total troops"), never the words run together.
        var phrases = new List<string>();
        foreach (var h in t.Hard.Distinct())
        {
            var phrase = new List<string>();
            var at = Array.IndexOf(tokens, h);
            // "rocket launchers": a measure written just before another qualifies it, and is no measure of its own.
            if (at >= 0 && at + 1 < tokens.Length && tokens[at + 1] != h && t.Hard.Contains(tokens[at + 1])) continue;
            if (at > 0 && t.Content.Contains(tokens[at - 1]) && tokens[at - 1] != h && !words.Contains(tokens[at - 1])) phrase.Add(AsWritten(tokens[at - 1], h));
            // "spend on defence" is defence spending.
            else if (at >= 0 && at + 2 < tokens.Length && tokens[at + 1] is "on" or "for" && t.Content.Contains(tokens[at + 2]) && !words.Contains(tokens[at + 2]))
                phrase.Add(tokens[at + 2]);
            if (!words.Contains(Noun(h))) phrase.Add(Noun(h));
            words.AddRange(phrase);
            if (phrase.Count > 0) phrases.Add(string.Join(" ", phrase));
        }
        return string.Join(" and ", phrases);
    }

    private static string Title(string surface) =>
        string.Join(' ', surface.Split(' ').Select(w => w.Length <= 2 ? w.ToUpperInvariant() : char.ToUpperInvariant(w[0]) + w[1..]));

    private static string Possessive(string name) => name.EndsWith('s') ? name + "'" : name + "'s";
}

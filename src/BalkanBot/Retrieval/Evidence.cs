using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Retrieval;

/// <summary>The passages that answer what a question asks, or why none does.</summary>
public sealed record Evidence(QuestionTerms Terms, IReadOnlyList<PassageHit> Supporting, IReadOnlyList<PassageHit> Candidates)
{
    /// <summary>What the gate read and decided, for `ask --explain`.</summary>
    public IEnumerable<string> Explain(int candidates = 8)
    {
        yield return $"  names: {string.Join(", ", Terms.Entities)}; content words: {string.Join(", ", Terms.Content)}; " +
                     $"asking words: {string.Join(", ", Terms.Soft)}; measures: {string.Join(", ", Terms.Hard)}; " +
                     $"asks a date: {Terms.AsksDate}, a count: {Terms.AsksCount}, a person: {Terms.AsksPerson}{(Terms.NameOf is { } n ? $", a name: {(n.Length > 0 ? n : "it")}" : "")}; unknown words: {string.Join(", ", Terms.Unknown)}; asked for: {string.Join(", ", Terms.Heads)}";
        // The first candidates, and every accepted passage wherever it ranks.
        foreach (var h in Candidates.Take(candidates).Concat(Supporting.Where(s => !Candidates.Take(candidates).Contains(s))))
        {
            var mark = Supporting.Contains(h) ? "+" : "-";
            var text = h.Passage.Text.Length > 100 ? h.Passage.Text[..100] + "…" : h.Passage.Text;
            yield return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"  {mark} {h.Score,5:F1} {h.Passage.RecordId}/{h.Passage.Kind} words [{string.Join(",", h.MatchedTerms)}] names [{string.Join(",", h.MatchedEntities)}] {text}");
        }
    }

    /// <summary>At least one passage states what is asked; a caveat alone ("the source gives no date") is not an answer.</summary>
    public bool Found => Supporting.Any(h => !EvidenceFinder.IsCaveat(h.Passage, Terms.AsksDate));
    public PassageHit? Best => Supporting.FirstOrDefault(h => !EvidenceFinder.IsCaveat(h.Passage, Terms.AsksDate));
    /// <summary>The question names things but asks nothing more of them ("What is the Tirana Declaration?").</summary>
    public bool EntityOnly => Terms.Content.Count == 0 && Terms.Entities.Count > 0;
}

/// <summary>
/// The relevance gate. A passage supports an answer only when it concerns what the question names and carries what
/// it asks: the same measure (population is not a trade share; Serbia's troops are not KFOR's), a number where a
/// count is asked, a share where a percentage is asked, and most of the question's other content words. Naming a
/// known thing is not enough.
/// </summary>
public static partial class EvidenceFinder
{
    public static Evidence Find(KnowledgeBase kb, RoutedQuestion q, IReadOnlyList<KnowledgeRecord> focus, int limit = 6)
    {
        var index = kb.Passages;
        var terms = QuestionTerms.From(q, focus, kb.Vocabulary);
        if (terms.AsksCount) terms = terms with { CountedOrganisations = CountedOrganisations(kb, terms) };
        if (NamedGroupAsked().Match(terms.Asked) is { Success: true } group) terms = terms with { GroupOrganisations = GroupOrganisations(kb, group) };
        if (terms.AsksDate) terms = terms with { DatedRecord = DatedRecordAsked(index, terms, focus) };
        var queryTerms = terms.Content.Concat(terms.Soft).ToList();
        var soft = terms.Soft;
        // "Why was it founded?": the words that give a reason are sought beside the question's own.
        if (terms.AsksWhy)
        {
            queryTerms.AddRange(ReasonTerms.Where(r => !queryTerms.Contains(r)));
            soft = new HashSet<string>(soft.Concat(ReasonTerms), StringComparer.Ordinal);
        }
        var query = new PassageQuery(queryTerms, terms.Entities, terms.Phrases) { Soft = soft };
        var candidates = index.Search(query, 40).ToList();
        // A "when" question about named records is answered first by their own dates, however the words score.
        if (terms.AsksDate)
            foreach (var e in terms.Entities)
                foreach (var p in index.OfRecord(e).Where(p => p.Kind is PassageKind.Date or PassageKind.Membership))
                    if (candidates.All(h => h.Passage.Id != p.Id))
                        candidates.Add(new PassageHit(p, 0, queryTerms.Where(t => index.Matches(p, t)).ToList(),
                            terms.Entities.Where(x => index.Mentions(p, x)).ToList()));
        // "What date does the Pupin brief carry?": a document named by its publisher or author is dated by its own byline.
        if (terms.AsksDate && DocumentWord().IsMatch(" " + q.Normalized + " "))
        {
            var documents = kb.OfKind(RecordKind.Source).Where(s => s.Via is null).ToList();
            bool Owns(KnowledgeRecord doc, string e) => doc.Authors.Append(doc.Publisher ?? "").Any(a => a.Length > 0 && kb.Aliases.Lookup(a).Contains(e));
            foreach (var e in terms.Entities)
                foreach (var src in documents.Where(d => d.Date is not null && Owns(d, e)))
                    foreach (var p in index.OfRecord(src.Id).Where(p => p.Kind == PassageKind.Name))
                        if (candidates.All(h => h.Passage.Id != p.Id))
                            candidates.Add(new PassageHit(p, 0, [], [e]));
            // "What date does Sav's paper carry?" asks for the document's own date and nothing else: where it has none,
            // a date Sav gives for something else is no answer.
            if (terms.Content.Count == 0 && terms.Entities.Count > 0 && terms.Entities.All(e => documents.Any(d => Owns(d, e))))
                candidates = candidates.Where(h => h.Passage is { RecordKind: RecordKind.Source, Kind: PassageKind.Name }).ToList();
        }
        // A large incident set is searched only when the curated passages hold nothing for the question: an AND
        // query over 100,000 events costs tens of milliseconds, and the curated records answer most questions.
        if (!kb.EventsInPassageIndex && !candidates.Any(h => Supports(kb, index, h, terms, focus)))
            candidates = WithLargeEvents(kb, q, terms, candidates);
        // "Who founded the Pupin Initiative?": a passage that only cites the brief ("the Pupin brief says …") is not
        // about the Pupin Initiative; a question that cites it itself ("according to the Pupin brief") is answered so.
        // Beside other names ("the EPC in Antić's reading"), or in a contrast, an author is cited, not asked about.
        var citedInQuestion = CitedInQuestion(q);
        // "How does Antić define minilateralism in his Horizons essay?": where the cited author published is where to
        // read, not a word the answer must carry.
        if (citedInQuestion.Count > 0 && terms.Content.Count >= 2)
        {
            var venues = kb.OfKind(RecordKind.Source)
                .Where(r => r.Authors.Any(a => kb.Aliases.Lookup(a).Any(citedInQuestion.Contains)))
                .SelectMany(r => TextNormalizer.Tokens(r.Publisher ?? "")).ToHashSet(StringComparer.Ordinal);
            if (terms.Content.Any(venues.Contains))
                terms = terms with { Content = terms.Content.Where(c => !venues.Contains(c)).ToList() };
        }
        // "… the investments in North Macedonia and Albania mentioned in Horizons": where one of the documents appeared is
        // where to read, whoever is named; "since which year has Albania been in NATO, according to the Horizons essay?"
        // asks about what it names.
        if (terms.Content.Count >= 2 || terms.Entities.Count > 0)
        {
            var read = VenueCue().Matches(terms.Asked).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
                .Where(v => kb.DocumentVenues.Contains(v) && terms.Content.Contains(v)).ToHashSet(StringComparer.Ordinal);
            if (read.Count > 0 && (read.Count < terms.Content.Count || terms.Entities.Count > 0))
                terms = terms with { Content = terms.Content.Where(c => !read.Contains(c)).ToList() };
        }
        var cited = terms.Contrast || terms.Entities.Count > 1 ? terms.Entities.ToHashSet(StringComparer.Ordinal) : citedInQuestion;
        var asked = terms.Entities.Where(e => !cited.Contains(e) && kb.Get(e) is { Kind: RecordKind.Actor }).ToList();
        // "Which UN resolution …" is answered by the UN Security Council's: a body of what is named stands for it.
        candidates = WithBodiesOf(kb, terms.Entities, candidates);
        // "Is it accurate that Antić was born in Belgrade?": the word that asks for a check is no word of the statement
        // checked; a passage calling something else "accurate" does not bear on it.
        if (QuestionTerms.TrueThat().IsMatch(terms.Asked))
            candidates = candidates.Select(h => h.MatchedTerms.Any(CheckWords.Contains) ? h with { MatchedTerms = h.MatchedTerms.Where(t => !CheckWords.Contains(t)).ToList() } : h).ToList();
        var searched = candidates;
        if (asked.Count > 0)
            candidates = candidates.Select(h => h.MatchedEntities.Any(asked.Contains)
                ? h with { MatchedEntities = h.MatchedEntities.Where(e => !asked.Contains(e) || !OnlyCites(kb, h.Passage, e)).ToList() }
                : h).ToList();
        // "How does Antić characterise minilateralism?" asked without a verb of saying: where nothing is about the author
        // himself, what he is cited for answers; a question for a person or a date still needs the person's own record.
        if (asked.Count > 0 && terms.Content.Count >= 2 && !terms.AsksPerson && !terms.AsksDate
            && !candidates.Any(h => Supports(kb, index, h, terms, focus)))
            candidates = searched;
        // A cited document's own record is cited by an author, not about him: "when was Sav's paper published" is
        // not answered by the date of a NATO page his paper cites.
        candidates = candidates.Select(h => h.Passage.RecordKind == RecordKind.Source && h.MatchedEntities.Any(h.Passage.CitedAuthors.Contains)
            ? h with { MatchedEntities = h.MatchedEntities.Where(e => !OnlyCites(kb, h.Passage, e)).ToList() }
            : h).ToList();
        // "In which journal did Nikolić publish 'Serbia Hedging its Bets between the West and the East'?": a document's title
        // written out names the document; the states in the title are words of it, which its own passages carry.
        var padded = " " + q.Normalized + " ";
        var titled = kb.SourceTitles.Where(t => padded.Contains(t.Title, StringComparison.Ordinal)).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        if (titled.Count > 0)
            candidates = candidates.Select(h => titled.Contains(h.Passage.RecordId) ? h with { MatchedEntities = terms.Entities.ToList() } : h).ToList();
        // "Whose release does Sav cite in endnote 33?": the document an author cites at the note asked is what is asked about.
        if (NotedSources(kb, q, terms) is { Count: > 0 } noted)
        {
            var top = candidates.Count > 0 ? candidates[0].Score + 1 : 1;
            var added = noted.SelectMany(index.OfRecord).Where(p => p.Kind == PassageKind.Name && !candidates.Any(h => h.Passage.Id == p.Id))
                .Select(p => new PassageHit(p, top, [], terms.Entities.ToList())).ToList();
            candidates = candidates.Select(h => noted.Contains(h.Passage.RecordId) ? h with { Score = top, MatchedEntities = terms.Entities.ToList() } : h)
                .Concat(added).OrderByDescending(h => h.Score).ToList();
            terms = terms with { NotedSources = noted };
        }
        // A quoted phrase that no passage holds is the asker's wording, not the documents'.
        terms = terms with { Phrases = terms.Phrases.Where(ph => candidates.Any(h => h.Passage.Id >= 0 && index.Contains(h.Passage, ph))).ToList() };
        // Words found nowhere in the base ("Brazil", "bitcoin") mean the question is about something else.
        // One stray word among many ("the Horizons piece on Balkan minilateralism") is the asker's wording.
        // A quoted phrase the base holds ("ko su autori koji pišu o 'fragmented security landscape'?") is what is asked about.
        if (terms.Entities.Count == 0 && terms.Unknown.Count > 0 && terms.Unknown.Count * 3 >= terms.Content.Count
            && !terms.Phrases.Any(ph => ph.Contains(' ', StringComparison.Ordinal))) return new Evidence(terms, [], candidates);
        // "How many personnel does the Kosovo Security Force have?": a body named in capitals that no passage writes, even
        // without the place before it, is not in the sources, though each of its words is.
        if (UnknownBody(kb, q.Original) is { } body) terms = terms with { UnknownNames = [.. terms.UnknownNames, body] };
        // "What did NATO Secretary General Mark Rutte say …?": a name the base has never seen is not in the sources.
        if (terms.UnknownNames.Count > 0) return new Evidence(terms, [], candidates);
        // "Which airport did EUFOR's reserves land at?": the kind of thing asked for is a word the base never uses.
        if (AskedKind().Match(terms.Asked) is { Success: true } kind && terms.Unknown.Contains(kind.Groups[1].Value)) return new Evidence(terms, [], candidates);
        // "Who wrote the foreword to the Pupin brief?": the thing whose maker is asked is a word the base never uses.
        if (MadeThing().Match(terms.Asked) is { Success: true } made && terms.Unknown.Contains(made.Groups[1].Value)) return new Evidence(terms, [], candidates);
        // "What was Djukanović's previous post?": the words that ask for an earlier office are the question's, not the passage's;
        // the passage calls the office former.
        if (terms.AsksEarlierPost)
            terms = terms with { Content = terms.Content.Where(c => !EarlierPostWords.Contains(c)).ToList() };
        terms = terms with { Heads = AskedHeads(terms) };
        // "What is the number of the UN Security Council resolution that gives EUFOR its mandate?": the thing whose number
        // is asked is spoken of, not only the mandate it gives.
        if (NumberOfThing().Match(terms.Asked) is { Success: true } numbered && terms.Content.Contains(numbered.Groups[1].Value)
            && !terms.Heads.Contains(numbered.Groups[1].Value))
            terms = terms with { Heads = [.. terms.Heads, numbered.Groups[1].Value] };
        // "Which political party does Dodik lead?": a party of people, which the passage names as such; the word is not the
        // parties to an agreement here.
        if (PoliticalParty().IsMatch(terms.Asked)) terms = terms with { AsksParty = true };
        var people = terms.AsksPerson ? kb.PersonNames : null;
        // "What did Kurti say about the Tirana Declaration?": what answers is his, or cites him.
        var voices = citedInQuestion.Where(e => kb.Get(e) is { Kind: RecordKind.Actor, Type: "person" }).ToList();
        terms = terms with { Voices = voices };
        // "What does Antić mean by minilateralism?": a definition, with the author it is asked of.
        var defining = AsksDefinition(terms with { Entities = terms.Entities.Where(e => !citedInQuestion.Contains(e)).ToList() });
        // "What did Macron say when signing the deal?": a name the base holds only as a word is a speaker only where a
        // passage has him say something, not where a headline names his visit.
        var speaker = SpeakerAsked().Match(q.Original) is { Success: true } said
                      && TextNormalizer.Normalize(said.Groups["who"].Value) is var who && terms.Content.Contains(who) ? who : null;
        // "How did Croatia vote on the Jordan resolution?": the state or person that does what is asked is in the answer,
        // however many other things the question names.
        var actor = ActingSubject(kb, q, terms);
        var supporting = candidates.Where(h => Supports(kb, index, h, terms, focus) && (terms.Hard.Count == 0 || AboutTheNamed(kb, h, terms))
                                               && (actor is null || h.MatchedEntities.Contains(actor) || SameLine(kb, actor, h.MatchedEntities))
                                               && voices.All(v => h.MatchedEntities.Contains(v) || DrawnOn(h.Passage, v, terms))
                                               && (speaker is null || Speaks(h.Passage.Text, speaker))
                                               && (people is null || NamesAPerson(h.Passage, people, terms, kb)))
            // A definition or a reason may stand in a passage that scores below the first few: it is looked for further down.
            .Take(defining || terms.AsksWhy || terms.AsksChange ? limit * 2 : limit).ToList();
        // "Which release does endnote 33 cite?": a passage on another numbered endnote is about another note.
        if (terms.NotedSources.Count > 0)
            supporting = supporting.Where(h => terms.NotedSources.Contains(h.Passage.RecordId) || h.Passage.Cite.Any(c => terms.NotedSources.Contains(c.Source))
                                               || !EndnoteNumbered().IsMatch(h.Passage.Text)).ToList();
        // "What total troops does the table give?": a passage that says the table leaves troops blank answers no.
        if (terms.Hard.Count > 0)
            supporting = supporting.Where(h => !BlankFor(index, h.Passage, terms.Hard)).ToList();
        // "What did Serbia's cooperation with Russia consist of?" is answered by what the record it is about says, before
        // the record of how the documents disagree about it; a question about the disagreement keeps it first.
        if (!terms.Contrast && focus.Count > 0 && focus[0].Kind is RecordKind.Agreement or RecordKind.Event)
            supporting = supporting.OrderBy(h => h.Passage.RecordKind == RecordKind.Conflict ? 1 : 0).ToList();
        // A passage that only repeats a record's names answers a question about names, nothing else; a date
        // question is answered first by the passages that date what it names.
        // A passage that only dates a record answers "when", not "how is the US commitment changing".
        if (!AsksForName(terms))
            // A document's byline is no mere name where the question asks who wrote a work or where it appeared.
            supporting = supporting.OrderBy(h => h.Passage.Kind == PassageKind.Name && !(h.Passage.RecordKind == RecordKind.Source && BylineAsked(terms)) ? 2
                : h.Passage.Kind == PassageKind.Date && !terms.AsksDate ? 1 : 0).ToList();
        // "KFOR: what's the acronym short for?": the names of what is named, before prose that happens to match.
        else
            // "How does Antić define minilateralism?": the title of a document that holds the word defines nothing.
            supporting = supporting.OrderBy(h => h.Passage.Kind != PassageKind.Name ? 1 : terms.Entities.Contains(h.Passage.RecordId) ? 0
                : h.Passage.RecordKind == RecordKind.Source ? 2 : 1).ToList();
        // "Which NATO countries surround Serbia?": of the passages that score about as well, the one that names the most
        // states leads, not one state's own record.
        if (ManyStates().IsMatch(terms.Asked) && supporting.Count > 1)
        {
            var top = supporting[0].Score;
            supporting = supporting.Select((h, i) => (Hit: h, I: i, States: h.Score >= top * 0.8 ? StatesNamed(kb, h.Passage) : 0))
                .OrderByDescending(x => x.States >= 3 ? x.States : 0).ThenBy(x => x.I).Select(x => x.Hit).ToList();
        }
        // "How does Antić define minilateralism?": what he wrote answers, before what the base says about him or his essay.
        // A work he cites, asked as such ("the Belloni article that Sav uses"), is what answers.
        if (citedInQuestion.Count > 0 && terms.Content.Count > 0 && !terms.AsksPerson && !terms.AsksDate && !CitedWorkAsked().IsMatch(terms.Asked) && !AsksForName(terms with { Soft = new HashSet<string>(terms.Soft.Except(["define", "definition"])) }))
            supporting = supporting.OrderBy(h => citedInQuestion.Contains(h.Passage.RecordId) || h.Passage.RecordKind == RecordKind.Source ? 1 : 0).ToList();
        // "What does minilateralism mean?": the sentence that names the idea as a definition does ("… smaller
        // partnerships, which he calls minilateralism") leads, before sentences that only use the word.
        // The defining sentence may rank below the ones that only use the word: it is looked for among all that pass.
        if (defining)
        {
            var definition = supporting.Any(h => terms.Content.Any(c => Defines(h.Passage.Text, c))) ? null
                : candidates.Skip(limit * 2).FirstOrDefault(h => terms.Content.Any(c => Defines(h.Passage.Text, c)) && Supports(kb, index, h, terms, focus)
                    && voices.All(v => h.MatchedEntities.Contains(v)));
            if (definition is not null) supporting = [definition, .. supporting];
            supporting = supporting.OrderBy(h => terms.Content.Any(c => Defines(h.Passage.Text, c)) ? 0 : 1).ToList();
        }
        // "Why was the Open Balkan set up?": a sentence that gives a reason ("labor shortage as one of the main reasons
        // the initiative was formed") leads, before sentences that only say it was formed.
        else if (terms.AsksWhy)
            supporting = supporting.OrderBy(h => GivesReason(h.Passage) ? 0 : 1).ToList();
        // "How did CEFTA's membership evolve?": a sentence that says what changed ("new countries joined, and each left
        // on gaining EU membership") leads, before sentences that describe one moment.
        else if (terms.AsksChange)
            supporting = supporting.OrderBy(h => ChangeWords().IsMatch(h.Passage.Text) ? 0 : 1).ToList();
        // "Which outlet does Sav cite on the monastery siege?": a sentence about the report he cites ("The BBC report Sav
        // cites …") leads, before what the report says.
        else if (WorkCitedAsked().IsMatch(terms.Asked))
            supporting = supporting.OrderBy(h => CitesAWork().IsMatch(h.Passage.Text) ? 0 : 1).ToList();
        supporting = supporting.Take(limit).ToList();
        if (terms.AsksDate)
            // A cited report's own date is when it was published, not when what it reports happened.
            supporting = supporting.OrderBy(h => h.Passage.Kind == PassageKind.Date ? 0
                : h.Passage.RecordKind == RecordKind.Source && !terms.Entities.Contains(h.Passage.RecordId) ? 2
                : Year().IsMatch(h.Passage.Text) ? 1 : 3).ToList();
        // "How many troops did NATO add after the May unrest?": the figure itself first, before the prose around it.
        else if (terms.AsksCount && terms.Hard.Count > 0)
            supporting = supporting.OrderBy(h => h.Passage.Kind == PassageKind.Figure ? 0 : 1).ToList();
        // "Who wrote the Horizons essay?": of the documents that appeared there, the one the base is built from leads.
        if (terms.Soft.Overlaps(AuthorWords) && terms.Entities.Count == 0)
            supporting = supporting.OrderBy(h => h.Passage is { RecordKind: RecordKind.Source, Kind: PassageKind.Name } && kb.Get(h.Passage.RecordId) is { Via: null } ? 0 : 1).ToList();
        // "What investment total did the National Bank record?": a figure's note ("as of the end of 2022, per …") does not
        // lead before the figure it qualifies.
        if (supporting.Count > 1 && supporting[0].Passage is { RecordKind: RecordKind.Figure, Kind: not PassageKind.Figure } note
            && supporting.FindIndex(h => h.Passage.RecordId == note.RecordId && h.Passage.Kind == PassageKind.Figure) is > 0 and var value)
            supporting = [supporting[value], .. supporting.Where((_, i) => i != value)];
        // "How has the EU's share of Serbia's trade developed?": a note that leads ("… to reach this level in 2022") brings
        // the figure it qualifies, from wherever it ranked.
        else if (supporting.Count > 0 && supporting[0].Passage is { RecordKind: RecordKind.Figure } lone && PointsAtTheFigure().IsMatch(lone.Text)
                 && candidates.FirstOrDefault(h => h.Passage.RecordId == lone.RecordId && h.Passage.Kind == PassageKind.Figure && !PointsAtTheFigure().IsMatch(h.Passage.Text)) is { } figure)
            supporting = [figure, .. supporting.Where(h => h != figure)];
        return new Evidence(terms, supporting, candidates);
    }

    /// <summary>
    /// Where no passage passes the gate, the passages that come nearest an open question: ones that name all it
    /// names, speak of the kind of thing it asks for, and carry a quarter of its words weighed by rarity. A precise ask
    /// (a date, a count, a person, a place, a measure, a name) is never answered so: "the sources give no figure" is the
    /// honest answer there.
    /// </summary>
    public static List<PassageHit> Nearest(KnowledgeBase kb, Evidence evidence)
    {
        var t = evidence.Terms;
        var index = kb.Passages;
        if (t.AsksDate || t.AsksCount || t.AsksPerson || t.AsksShare || t.AsksAmount || t.AsksPlace || t.AsksCity || t.AsksCountry || t.AsksCompany
            || t.AsksProvision || t.AsksValue || t.AsksExact || t.AsksWhoItWas || t.AsksFuture || t.AsksDay || t.AsksMonth
            || t.AsksOrigin || t.AsksEarlierPost || t.AsksParty
            || t.Hard.Count > 0 || t.NameOf is not null || t.UnknownNames.Count > 0 || t.Voices.Count > 0 || t.LaterMeeting is not null
            || t.Content.Count == 0 || t.Entities.Count == 0 || NamedGroupAsked().IsMatch(t.Asked)
            // "What did NATO's Secretary General say about the plan?": what an office holder said is theirs or nothing.
            || WordsAsked().IsMatch(t.Asked)
            // "Is it true that Croatia pays for Kosovo's training?": a statement to check holds or not; a passage near it
            // neither confirms nor denies it.
            || QuestionTerms.TrueThat().IsMatch(t.Asked)) return [];
        // Words the base never uses, or a "how long" or "how much", ask for something the base may not hold at all.
        if (t.Unknown.Count * 3 >= t.Content.Count || HowMuch().IsMatch(t.Asked)) return [];
        // "Which university is he affiliated with?": the kind of thing asked for is spoken of, and is a word the base knows.
        var heads = AskedKinds(t).Concat(t.Heads).Distinct().ToList();
        if (heads.Any(t.Unknown.Contains)) return [];
        var total = t.Content.Sum(index.Idf);
        return evidence.Candidates.Where(h => h.Passage.Kind != PassageKind.Name && !IsCaveat(h.Passage, false)
                && t.Entities.All(h.MatchedEntities.Contains)
                && heads.All(k => h.MatchedTerms.Contains(k) || index.MatchesInText(h.Passage, k))
                && t.Content.Where(h.MatchedTerms.Contains).Sum(index.Idf) * 4 >= total)
            .Take(3).ToList();
    }

    [GeneratedRegex(@"^ (?:what|how) (?:did|does|do|has|had) (?:\w+ ){0,3}?(?:general|minister|president|ambassador|spokesperson|spokesman|commander|chief|envoy|official|officials) (?:say|tell|declare|state|announce|claim|argue|write|promise|warn) ")]
    private static partial Regex WordsAsked();

    [GeneratedRegex(@" how (long|much|many|big|large|far|old|often|soon|heavy|strong) ")]
    private static partial Regex HowMuch();

    /// <summary>With a large incident set, events are searched in SQLite and their passages scored here.</summary>
    private static List<PassageHit> WithLargeEvents(KnowledgeBase kb, RoutedQuestion q, QuestionTerms terms, List<PassageHit> hits)
    {
        var words = terms.Content.Count > 0 ? terms.Content : q.Terms;
        foreach (var hit in kb.Search(words, [RecordKind.Event], 3))
        {
            if (kb.Get(hit.Id) is not { } e) continue;
            foreach (var p in kb.PassagesOf(e).Where(p => p.Kind is PassageKind.Summary or PassageKind.Fact or PassageKind.Date))
            {
                var norm = " " + TextNormalizer.Normalize(p.Text) + " ";
                var matched = terms.Content.Where(t => norm.Contains(" " + t, StringComparison.Ordinal)).ToList();
                var entities = terms.Entities.Where(x => x == e.Id || e.References.Any(r => r.Target == x)).ToList();
                hits.Add(new PassageHit(p with { Id = -1 }, hit.Score + matched.Count, matched, entities));
            }
        }
        return hits.OrderByDescending(h => h.Score).ToList();
    }

    private static bool Supports(KnowledgeBase kb, PassageIndex index, PassageHit hit, QuestionTerms terms, IReadOnlyList<KnowledgeRecord> focus)
    {
        var p = hit.Passage;
        // "Whose release does Sav cite in endnote 33?": the document cited there answers, whatever else the question says of it.
        if (p.Kind == PassageKind.Name && terms.NotedSources.Contains(p.RecordId)) return true;
        // Every named thing, or at least the main one where several are named in passing.
        if (terms.Entities.Count > 0)
        {
            // A record and its earlier version ("CEFTA 2006", "the original CEFTA") are one thing asked about.
            var named = terms.Entities.Count(e => hit.MatchedEntities.Contains(e) || SameLine(kb, e, hit.MatchedEntities));
            var primary = terms.Entities.FirstOrDefault(e => focus.Any(f => f.Id == e && f.Kind is RecordKind.Agreement or RecordKind.Event))
                          // "Whose work does Sav cite for the WB6?": the work is cited for the thing, not for the author who cites it.
                          ?? (WorkCitedAsked().IsMatch(terms.Asked) ? terms.Entities.FirstOrDefault(e => !kb.Authors.Contains(e)) : null)
                          ?? terms.Entities[0];
            // A precise question (a date, a count, a person, a measure) is about all it names, not the first of them.
            var precise = terms.AsksDate || terms.AsksCount || terms.AsksPerson || terms.AsksShare || terms.Hard.Count > 0;
            // "In which village did the 2023 attack in northern Kosovo happen?": a sentence of the event the question
            // describes is about the place its record names, though the sentence itself does not name it again.
            if (named == 0 && !precise && p.Id >= 0 && terms.Entities.Count == 1 && focus.Count > 0 && focus[0].Id == p.RecordId
                && focus[0].Kind is RecordKind.Event && index.RecordMentions(p.RecordId, terms.Entities[0])) named = 1;
            // "Sav's hedging argument: which author and journal is it drawn from?": a work an author cites is named
            // by him when the question asks what he draws on.
            named += terms.Entities.Count(e => DrawnOn(p, e, terms) && !hit.MatchedEntities.Contains(e));
            if (named == 0) return false;
            // Two states or people named together ("Serbia–Hungary ties") ask about them together.
            // A region's name beside them ("the EU framework guiding the Western Balkans") says where, not who.
            if (!terms.Contrast && terms.Entities.Count == 2
                && focus.Count(f => terms.Entities.Contains(f.Id) && f is { Kind: RecordKind.Actor, Type: not "group" }) == 2) precise = true;
            if (terms.Entities.Count <= 2 && named < terms.Entities.Count && !terms.Parallel
                && (precise || !hit.MatchedEntities.Contains(primary) && !SameLine(kb, primary, hit.MatchedEntities))) return false;
            // Of three or more, half; for an open question, a name the passage's record gives elsewhere counts for half
            // ("the village where the attack took place that led NATO to beef up KFOR").
            var elsewhere = precise || p.Id < 0 ? 0
                : terms.Entities.Count(e => !hit.MatchedEntities.Contains(e) && !SameLine(kb, e, hit.MatchedEntities) && index.RecordMentions(p.RecordId, e));
            if (terms.Entities.Count >= 3 && named * 2 + elsewhere < terms.Entities.Count) return false;
            // "Where did Vučić, Zaev and Rama sign the Open Balkan agreement?": with the people of an event named beside
            // it, a passage on another meeting of theirs is not about the event.
            if (terms.AsksPlace && terms.Entities.Count >= 3 && primary != p.RecordId && kb.Get(primary) is { Kind: RecordKind.Agreement or RecordKind.Event }
                && !hit.MatchedEntities.Contains(primary) && !SameLine(kb, primary, hit.MatchedEntities)) return false;
            if (terms.EndsOn is { } last && !hit.MatchedEntities.Contains(last)) return false;
            // A figure answers for its own subject: Serbia's troops are not KFOR's.
            if (p.Kind == PassageKind.Figure && p.Subject is not null && terms.Hard.Count > 0
                && !terms.Entities.Contains(p.Subject) && !terms.Entities.Contains(p.RecordId) && !MeasuresFor(kb, p, terms)) return false;
        }
        // "How many soldiers does Kosovo have?" is not answered by KFOR's troops in Kosovo: a passage that speaks of a
        // mission's or an alliance's troops the question does not name counts theirs.
        if (terms.AsksOwnForces && p.Kind != PassageKind.Figure && kb.Passages.EntitiesOf(p).Any(e => !terms.Entities.Contains(e)
                && kb.Get(e) is { Kind: RecordKind.Actor, Type: "mission" or "organisation" or "alliance" })) return false;
        // "When will Serbia receive its first Rafale?" is not answered by the date it was bought: a date to come is one
        // the passage gives as planned or expected.
        if (terms.AsksFuture && !FutureText().IsMatch(p.Text)) return false;
        // "Is it true that Hungary will sell Gripens to Serbia?": a statement about what will happen is checked against
        // what the passage says is to come, not against what was done.
        if (QuestionTerms.TrueThat().IsMatch(terms.Asked) && WillCheck().IsMatch(terms.Asked) && !FutureText().IsMatch(p.Text)) return false;
        // "When is the plan for 2026 due?" is not dated by the plan for 2025: a year the question gives picks out the
        // record, and a record named with other years is another one.
        if (terms.AsksDate && terms.Years.Count > 0 && p.Id >= 0 && kb.Get(p.RecordId) is { Kind: RecordKind.Agreement or RecordKind.Event } dated
            && Year().Matches(dated.Name).Select(m => m.Value).ToList() is { Count: > 0 } nameYears && !nameYears.Any(terms.Years.Contains)
            && !terms.Years.Any(y => p.Text.Contains(y, StringComparison.Ordinal))) return false;
        // The date of the very record the question describes ("when did Priština impose the 100% tariffs") answers it.
        // A word of change it does not carry ("when were the tariffs lifted") asks about another moment.
        if (terms.AsksDate && p.Kind == PassageKind.Date && p.RecordId == terms.DatedRecord && terms.Phrases.Count == 0
            // "When did Croatia order its Rafales?" is not dated by a "constitutional order": the record carries the question's words.
            && terms.Content.Count(c => !hit.MatchedTerms.Contains(c) && !terms.Unknown.Contains(c) && !index.OfRecord(p.RecordId).Any(o => index.Matches(o, c))) * 3
               < Math.Max(terms.Content.Count, 4)
            && !terms.Content.Any(c => ChangeVerbs.Contains(c) && !hit.MatchedTerms.Contains(c)))
            return true;
        var text = p.Id >= 0 ? null : " " + TextNormalizer.Normalize(p.Text) + " ";
        bool InText(string t) => text is null ? index.MatchesInText(p, t) : text.Contains(" " + t, StringComparison.Ordinal);
        // "What did they agree at their follow-up summit in Zagreb?": a meeting no passage speaks of is not the one they held.
        if (terms.LaterMeeting is { } meeting && !InText(meeting)) return false;
        // A figure's measure and unit stand in its record's name fields, not always in its sentence.
        bool GivesMeasure(string h) => InText(h) || p.Kind == PassageKind.Figure && p.Id >= 0 && index.Matches(p, h);
        if (terms.EitherMeasure ? !terms.Hard.Any(GivesMeasure) : !terms.Hard.All(GivesMeasure)) return false;
        // A quantity is answered by a number beside it: "Serb populations split by new borders" is not a population.
        // "What did it cost?" asks for a price whatever the wording; "told Europe to spend more" asks for no amount.
        if (terms.Hard.Count > 0 && p.Kind != PassageKind.Figure
            && (terms.AsksCount || !terms.AsksDate && (terms.AsksValue && terms.Hard.Any(NumericMeasures.Contains) || terms.Hard.Any(PriceWords.Contains)))
            && !NumberNear(index, p, terms.Hard)) return false;
        // "What was the value in euros of Serbia's trade with the EU?" is not answered by its share.
        if (terms.AsksMoney && !Currency().IsMatch(p.Text)) return false;
        if (terms.AsksAmount && p.Kind != PassageKind.Figure && !HasQuantity(p.Text)) return false;
        if (terms.AsksShare && !p.Text.Contains('%') && !ShareWords().IsMatch(p.Text)) return false;
        // "What combined population does the table give?" asks for a head count: "33% identified as Serb" is a share of
        // one, unless the question names the group the share is of ("how much of Montenegro's population is Serb").
        if (!terms.AsksShare && terms.Hard.Contains("population") && (p.Text.Contains('%') || ShareWords().IsMatch(p.Text))
            && !HeadCount().IsMatch(p.Text) && hit.MatchedTerms.All(t => terms.Hard.Contains(t))) return false;
        if (terms.AsksCount && !CountNear(index, p, terms.Content.Concat(terms.Hard).Concat(terms.CountedPhrase).ToList())) return false;
        // "What was the vote count on the resolution?" is not answered by "the resolution has one party": a list of parties
        // counts parties, members or signatories only.
        if (terms.AsksCount && p.Kind == PassageKind.Parties
            && !terms.Content.Concat(terms.Soft).Concat(terms.CountedPhrase).Any(MemberWords.Contains)) return false;
        // "How many UN member states recognise Kosovo?" is not answered by "five EU states": an organisation that
        // qualifies what is counted stands just after the number.
        if (terms.AsksCount && p.Kind != PassageKind.Figure && terms.CountedOrganisations is { Count: > 0 } orgs && !QualifiedCount(kb, p, orgs, terms.AsksExact)) return false;
        // "How many work permits …" is answered by a number of permits, not by "three years" of the initiative.
        if (terms.AsksCount && terms.Counted is { } head && p.Kind != PassageKind.Figure && !Counts(index, p, head)) return false;
        // "How many reserve troops …": what qualifies the counted thing must be there too.
        if (terms.AsksCount && terms.CountedModifiers.Any(m => !hit.MatchedTerms.Contains(m) && !(p.Id >= 0 && index.Matches(p, m)))) return false;
        // "How many Gripens did Hungary buy in 2024?": a count for a year is a count in that year.
        // "What was Serbia's trade surplus with CEFTA in 2022?" is not answered by its 2023 surplus.
        // "What share of Serbia's trade was with the EU in 2023?" is not answered by its 2022 share.
        if ((terms.AsksCount || terms.AsksShare && !terms.AsksDate || (terms.AsksValue || !AsksWord().IsMatch(terms.Asked)) && terms.Hard.Count > 0 && !terms.AsksDate) && terms.Years.Count > 0
            && !terms.Years.Any(y => p.Text.Contains(y, StringComparison.Ordinal))) return false;
        if (terms.AsksDate && !DatedAsAsked(kb, p, terms)) return false;
        if (terms.AsksCountry && p.Id >= 0 && !index.EntitiesOf(p).Any(e => !terms.Entities.Contains(e) && kb.Get(e) is { Kind: RecordKind.Actor, Type: "state" })) return false;
        // "Which five EU member states do not recognise Kosovo?" asks for the states of an organisation by name: "five EU
        // states" names none, and states outside the organisation are not they.
        // The states may stand in another sentence of the same record ("established among Poland, Hungary and …").
        if (p.Id >= 0 && terms.GroupOrganisations.Count > 0
            && index.OfRecord(p.RecordId).Prepend(p).SelectMany(o => kb.Aliases.Find(TextNormalizer.Tokens(o.Text))).Select(m => m.RecordId).Distinct()
                .Count(e => !terms.Entities.Contains(e) && kb.Get(e) is { Kind: RecordKind.Actor, Type: "state" } state
                            && state.Memberships.Any(m => terms.GroupOrganisations.Contains(m.Of))) < 2) return false;
        // "Which countries sent them?" is not answered by where the troops were sent ("deployed in Bosnia").
        if (SenderAsked().IsMatch(terms.Asked) && SendingCue().IsMatch(terms.Asked) && !NamesASender(kb, p, terms)) return false;
        // "Which company …": the passage names the company itself, not only a record it took part in.
        if (terms.AsksCompany && !kb.Aliases.Find(TextNormalizer.Tokens(p.Text))
                .Any(m => !terms.Entities.Contains(m.RecordId) && kb.Get(m.RecordId) is { Kind: RecordKind.Actor, Type: "company" })) return false;
        if (terms.AsksProvision && !NumberedNear(kb, p, terms)) return false;
        // "Which country's battalion …": the state stands by the battalion, not anywhere in the passage.
        if (terms.CountryOf is { } owned && !StateBeside(kb, p, owned, terms)) return false;
        // "When did Vučić become President?" asks for a change of office, which a year beside his title does not give.
        if (terms.AsksDate && terms.Soft.Overlaps(["become", "became"]) && p.Kind is not (PassageKind.Date or PassageKind.Membership)
            && !BecameWords().IsMatch(p.Text)) return false;
        // "When was Montenegro's latest census held?" asks for the census's date, not for a year beside Montenegro.
        if (terms.AsksDate && terms.DatedRecord is { } asked
            && p.RecordId != asked && p.Subject != asked && !index.Mentions(p, asked)) return false;
        // "Where was the Berlin Process founded?": a place the question does not name stands in the passage.
        // "What was the title of his 2022 essay?" is answered by a document's own record, where the base knows its title.
        // An author's own record gives the title of the author's paper ("author of the paper “…”").
        if (terms.Asked.Contains(" the title of ", StringComparison.Ordinal)
            && (p.RecordKind != RecordKind.Source && !(terms.Entities.Contains(p.RecordId) && QuotedTitle().IsMatch(p.Text))
                || p.Text.TrimStart().StartsWith('[') || TitleNotGiven().IsMatch(p.Text))) return false;
        // "Who was the former ambassador the brief quotes?" is not answered by "an unnamed former ambassador".
        if ((terms.AsksPerson || terms.AsksWhoItWas) && p.Text.Contains("unnamed", StringComparison.OrdinalIgnoreCase)
            && Unnamed().Matches(p.Text).Any(m => terms.Content.Any(c => TextNormalizer.Tokens(m.Groups[1].Value).Any(t => Stemmer.Stem(t) == Stemmer.Stem(c))))) return false;
        if (terms.AsksPlace && !NamesAPlace(kb, p, terms)) return false;
        // "What was Antić's previous post?": an office the passage calls former, not the one the question names.
        if (terms.AsksEarlierPost && !FormerOffice().IsMatch(p.Text)) return false;
        // "What was Bolton's post before he became National Security Advisor?": the office the question names is not the one
        // before it.
        if (terms.AsksEarlierPost && OfficeBefore().Match(terms.Asked) is { Success: true } before
            && FormerOffice().Matches(p.Text).Any(m => TextNormalizer.Tokens(p.Text[(m.Index + m.Length)..]).Take(5)
                .Any(t => !Stopwords.IsStopword(t) && before.Groups[1].Value.Split(' ').Contains(t)))) return false;
        if (terms.AsksParty && !PartyNamed().IsMatch(p.Text)) return false;
        // "Who is the current Secretary General of NATO?": an office held "at the time" a document was written is not
        // held now.
        if (terms.AsksPerson && CurrentAsked().IsMatch(terms.Asked) && p.Text.Contains("at the time", StringComparison.OrdinalIgnoreCase)) return false;
        // "In which city was the 2023 strategic agreement signed?" is not answered by "signed in Belgrade on 1 April 2025
        // and building on a 2023 agreement": the year beside the place is the year asked.
        if (terms.AsksPlace && terms.Years.Count > 0 && !PlaceOfTheYear(kb, p, terms)) return false;
        // "Where did they sign it in July 2021?" is not answered by where they met in 2019.
        if (terms.AsksPlace && terms.Years.Count > 0 && p.Id >= 0 && kb.Get(p.RecordId) is { Kind: RecordKind.Event, Date: { } happened }
            && !terms.Years.Contains(happened.Year.ToString(CultureInfo.InvariantCulture))) return false;
        // "The endnotes define a 'WB6' grouping. What is it called?": a thing named by its short form is named in full by
        // its own record.
        if (terms.NameOf is { } thing && !GivesAName(kb, p, thing, terms) && !(thing.Length == 0 && NamesItselfInFull(kb, p, terms))) return false;
        // "What legal basis did he cite?": the thing asked for is spoken of, not only the rest of the question.
        // "Which professor does Antić quote …?": a person the passage names whose own record carries the title answers.
        foreach (var kind in terms.Heads)
            if (!hit.MatchedTerms.Contains(kind) && !InText(kind) && !(p.Id >= 0 && QuestionTerms.IsPersonTitle(kind) && TitledPersonNamed(kb, p, kind))
                // "Which tank model does Croatia use?": a designation ("75 M-84s", "Leopard 2A7+") is the model.
                && !(ModelKinds.Contains(kind) && Designation().IsMatch(p.Text))
                // "What investment total did the National Bank record?": a figure is the total, the number, the amount.
                && !(p.Kind == PassageKind.Figure && FigureHeads.Contains(kind))
                // "Under what condition would it cease to exist?": "only if …" states the condition.
                && !(ConditionKinds.Contains(kind) && StatesACondition().IsMatch(p.Text))) return false;
        foreach (var phrase in terms.Phrases)
            if (!(p.Id >= 0 ? index.Contains(p, phrase) : text!.Contains(" " + phrase + " ", StringComparison.Ordinal))) return false;
        // "Who writes of a 'fragmented security landscape'?": a quoted phrase of several words that the passage holds word
        // for word is what an open question is about, whatever else it says.
        if (terms.Phrases.Any(ph => ph.Contains(' ', StringComparison.Ordinal)) && !terms.AsksDate && !terms.AsksCount && !terms.AsksShare
            && !terms.AsksAmount && terms.Hard.Count == 0) return true;
        var content = terms.Content;
        // "Whose work does Sav cite for the WB6?": a passage that cites another author's work for what is named gives the
        // work, whatever it calls it.
        if (WorkCitedAsked().IsMatch(terms.Asked) && p.Cite.Any(c => kb.Get(c.Source) is { Kind: RecordKind.Source, Via: not null }))
            content = content.Where(c => !WorkWords.Contains(c)).ToList();
        // "who wrote the pupin brif": beside what is named, a question for its writer has only the asker's typos.
        if (terms.Entities.Count > 0 && terms.Soft.Overlaps(AuthorWords) && content.All(terms.Unknown.Contains)) content = [];
        if (content.Count == 0) return terms.Entities.Count > 0;
        var matched = content.Count(t => hit.MatchedTerms.Contains(t));
        // "Who is Serbia's minister of defence?": a person answers for the whole role. Words the base never uses
        // ("which Defense Secretary told Europe …") are the asker's, not part of the role.
        // Beside the role, one word of a long question may be the asker's ("when the idea was unveiled" for "met … to unveil").
        if (terms.AsksPerson && (content.Any(t => terms.Roles.Contains(t) && !hit.MatchedTerms.Contains(t))
                                 || content.Count(t => hit.MatchedTerms.Contains(t) || terms.Unknown.Contains(t)) < content.Count - Spare(content.Count))) return false;
        // "How many Gripens did Hungary buy?" is about Gripens, whatever else Hungary bought.
        if (terms.Counted is { } counted && !hit.MatchedTerms.Contains(counted) && !InText(counted)) return false;
        // "Who is the President of Kosovo?": the role stands in the passage itself, not only in a record's name.
        if (terms.AsksPerson && (content.Any(c => terms.Roles.Contains(c) && !InText(c))
                                 || content.Count(c => !terms.Unknown.Contains(c) && !InText(c)) > Spare(content.Count))) return false;
        // "How many suspects were arrested?" is not answered by how many were indicted.
        if (terms.AsksCount && content.Any(c => CountedActs.Contains(c) && !hit.MatchedTerms.Contains(c))) return false;
        // "When will the jets be delivered?": a date answers one event, so a word that says what happened to it
        // must be there, and all but one of the others.
        if (terms.AsksDate && (content.Any(c => ChangeVerbs.Contains(c) && !hit.MatchedTerms.Contains(c))
                               || content.Count(c => hit.MatchedTerms.Contains(c) || terms.Unknown.Contains(c))
                               < (content.Count >= 6 ? content.Count - 2 : content.Count >= 3 ? content.Count - 1 : content.Count))) return false;
        // Nothing named: the words are all there is, so they must carry the passage, not brush past it.
        if (terms.Entities.Count == 0)
            return content.Count == 1
                ? p.Id >= 0 && p.RecordKind != RecordKind.Source && index.InHeader(p, content[0])
                  // "Who wrote the Horizons essay?": a document's byline answers who wrote what appeared where.
                  || p is { RecordKind: RecordKind.Source, Kind: PassageKind.Name } && terms.Soft.Overlaps(AuthorWords) && index.MatchesInText(p, content[0])
                  // "SHAPE acronym – what is it?": a name in capitals is answered where the passage writes it so.
                  || terms.Acronyms.Contains(content[0]) && Regex.IsMatch(p.Text, $@"\b{Regex.Escape(content[0].ToUpperInvariant())}\b")
                // One word the base never uses in a long question ("which outlet is flagged as …") is the asker's.
                : matched * 3 >= (content.Count - (content.Count >= 6 && terms.Unknown.Count == 1 ? 1 : 0)) * 2;
        // Half the content words, weighed by how rare they are: "What language is spoken in Kosovo?" is not answered
        // by a passage on languages that never says "spoken".
        if (matched == 0) return false;
        // A word the base never uses (a typo, chat shorthand) weighs as much as an average word of the question: a
        // question about the dinar's exchange rate is not answered by a passage that only says "exchange".
        var known = content.Where(t => !terms.Unknown.Contains(t)).Select(index.Idf).ToList();
        var usual = known.Count > 0 ? known.Average() : 1;
        double Weight(string t) => terms.Unknown.Contains(t) ? usual : index.Idf(t);
        var total = content.Sum(Weight);
        var found = content.Where(t => hit.MatchedTerms.Contains(t)).Sum(Weight);
        // A question for a person may word its context its own way ("Serbia feeling surrounded" for "a sense of …"):
        // the words it may lack above are not weighed against the passage either.
        if (terms.AsksPerson)
            total -= content.Where(t => !hit.MatchedTerms.Contains(t)).Select(Weight).OrderDescending().Take(Spare(content.Count)).Sum();
        // Two fifths of a short question's weight for a question without a precise ask; half otherwise: a count, a
        // date or a person, or a long question ("why did he say X — what legal basis did he cite?") asks for more.
        // "What is the equivalent figure for Montenegro?" asks for a number, however it words the rest.
        var exacting = terms.AsksDate || terms.AsksCount || terms.AsksPerson || terms.AsksShare || terms.AsksAmount || terms.AsksMoney || terms.Hard.Count > 0
                       || FigureAsked().IsMatch(terms.Asked);
        // An open question may be answered by a record as a whole: what the rest of the passage's record says counts
        // for half ("the Benelux-style club … pushed by a party in Serbia"). A precise ask is answered in one passage.
        if (!exacting && p.Id >= 0)
            found += content.Where(t => !hit.MatchedTerms.Contains(t) && !terms.Unknown.Contains(t) && index.RecordMatches(p.RecordId, t)).Sum(Weight) / 2;
        // "What share identified as Bosniak?": a share is of its rarest word, which the passage must carry.
        // The asker's verb ("conducted", "living") says how, not of what.
        if (terms.AsksShare && content.Count >= 2 && content.Where(t => !terms.Unknown.Contains(t)).OrderBy(t => VerbForm().IsMatch(t) ? 1 : 0).ThenByDescending(index.Idf).FirstOrDefault() is { } rarest
            && !hit.MatchedTerms.Contains(rarest) && !InText(rarest)) return false;
        if (exacting) return found * 2 >= total;
        if (found * 5 >= total * 2) return true;
        // A third where every word is one the base uses and the rarest of them stands in the passage: the question is
        // worded its own way around the one thing it is about.
        if (terms.Unknown.Count > 0 || found * 3 < total) return false;
        var rarestWord = content.OrderByDescending(index.Idf).FirstOrDefault();
        return rarestWord is not null && hit.MatchedTerms.Contains(rarestWord);
    }

    /// <summary>
    /// How many words of a question for a person the answer may lack: the asker's own wording ("warned", "American
    /// military") grows with the question, the role and the deed do not.
    /// </summary>
    private static int Spare(int words) => words >= 6 ? 2 : words >= 4 ? 1 : 0;

    /// <summary>"conducted", "living": a word in a verb's form.</summary>
    [GeneratedRegex(@"^\w{3,}(?:ed|ing)$")]
    private static partial Regex VerbForm();

    /// <summary>
    /// The event or agreement a "when" question names by its words rather than by a name ("the census" of Montenegro),
    /// which the focus puts first.
    /// </summary>
    private static string? DatedRecordAsked(PassageIndex index, QuestionTerms terms, IReadOnlyList<KnowledgeRecord> focus) =>
        focus.Count > 0 && focus[0] is { Kind: RecordKind.Event or RecordKind.Agreement } first && !terms.Entities.Contains(first.Id)
        && terms.Content.Any(c => index.OfRecord(first.Id).Any(p => p.Kind == PassageKind.Name && index.InHeader(p, c)))
            ? first.Id
            : null;

    /// <summary>Measures that are numbers by nature; "which missiles" asks for a kind, "the population" for a number.</summary>
    private static readonly HashSet<string> NumericMeasures =
    [
        "population", "inhabitants", "budget", "spend", "spending", "spent", "expenditure", "gdp", "salary", "salaries", "wages",
        "unemployment", "inflation", "debt", "surplus", "deficit", "casualties", "killed", "dead", "deaths", "wounded", "injured",
        "strength", "troops", "soldiers", "personnel", "pay", "paid", "cost", "costs", "price", "worth", "died", "die", "fatalities", "victims",
    ];

    private static readonly HashSet<string> PriceWords = ["cost", "costs", "price", "worth"];

    /// <summary>What a count counts happening: arrested is not indicted, supplied is not ordered.</summary>
    private static readonly HashSet<string> CountedActs =
    [
        "arrested", "arrests", "indicted", "charged", "detained", "convicted", "sentenced", "expelled", "killed", "wounded", "injured",
        "supplied", "supply", "sold", "delivered", "bought", "ordered", "sent", "send", "deployed", "add", "added", "voted",
    ];

    /// <summary>The passage gives a cause or a motive ("because", "one of the main reasons", "in response to").</summary>
    public static bool GivesReason(Passage p) => ReasonWords().IsMatch(p.Text);

    [GeneratedRegex(@"\b(because|reasons?|cause[sd]?|motiv\w+|driven by|drove|arose from|arising from|in response to|response to|to counter|in order to|so that|aim(s|ed)? (to|at)|goal|purpose|due to|owing to|as a result of|stems? from|rooted in|out of (fear|concern)|explains?|why|led (?:\w+ ){0,3}to|born of|prompted|wary|wariness|fears? (?:of|about|over|that)|concerns? (?:about|over|for|that))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReasonWords();

    [GeneratedRegex(@"\b(will|would|shall|expected|expects?|planned|plans?|scheduled|due|set to|to be (delivered|completed|held))\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureText();

    [GeneratedRegex(@" that (?:\w+ ){1,6}(?:will|shall|is going to|are going to) ")]
    private static partial Regex WillCheck();
    [GeneratedRegex(@"\d[\d,.]*\s*(?:million|thousand|inhabitants|people|residents|citizens)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HeadCount();
    [GeneratedRegex(@" (?:which|what|who|name the|list the)(?: (?:are|were))?(?: the)? (?:two|three|four|five|six|seven|eight|nine|ten|\d+) (?<qual>(?:\w+ ){0,2}?)(?:member states|states|countries|nations|members|governments) ")]
    private static partial Regex NamedGroupAsked();

    private static readonly string[] ReasonTerms = ["reason", "reasons", "because", "cause", "motivated", "response"];

    private static readonly HashSet<string> ChangeVerbs =
    [
        "lifted", "lift", "delivered", "deliver", "delivery", "ended", "end", "abolished", "abolish", "repealed", "repeal",
        "withdrawn", "withdraw", "withdrew", "dissolved", "dissolve", "expire", "expired", "expires", "elected", "elect",
        "appointed", "appoint", "resigned", "resign", "removed", "remove", "removal", "replaced", "replace", "suspended",
        "suspend", "collapsed", "collapse", "cancelled", "canceled", "cancel", "revoked", "revoke", "scrapped", "scrap",
        "ratified", "ratify", "recognised", "recognized", "recognise", "recognize",
        // "When was it first unveiled?": an idea is made public before its agreement is signed.
        "unveiled", "unveil", "revealed", "reveal", "presented", "introduced", "announced", "proposed", "conceived", "imagined",
        // "When did Serbia receive its Rafales?": a purchase is not a delivery.
        "receive", "received", "receives", "arrive", "arrived", "arrives",
    ];

    public static bool AsksForName(QuestionTerms terms) =>
        terms.Soft.Overlaps(["stand", "stands", "acronym", "abbreviation", "called", "name", "names", "full", "originally", "officially", "official", "formal", "formally", "define", "definition"]);

    /// <summary>
    /// For a quantity, the named thing must be what the passage measures: its own record or subject, or named
    /// close to the measure word ("Montenegro's census … towards Serbia" is not Serbia's population).
    /// </summary>
    private static bool AboutTheNamed(KnowledgeBase kb, PassageHit hit, QuestionTerms terms)
    {
        var p = hit.Passage;
        if (terms.Entities.Count == 0) return true;
        if (terms.Entities.Contains(p.RecordId) || p.Subject is { } s && terms.Entities.Contains(s)) return true;
        if (p.Kind == PassageKind.Figure) return MeasuresFor(kb, p, terms);
        var tokens = TextNormalizer.Tokens(p.Text);
        var stems = terms.Hard.SelectMany(kb.Passages.Expand).ToHashSet(StringComparer.Ordinal);
        var near = kb.Aliases.Find(tokens).Where(m => terms.Entities.Contains(m.RecordId)).Select(m => m.TokenStart).ToList();
        for (var i = 0; i < tokens.Length; i++)
            if (stems.Contains(Stemmer.Stem(tokens[i])) && near.Any(n => Math.Abs(n - i) <= 8)) return true;
        return false;
    }

    /// <summary>
    /// "Which resolution grants EUFOR its mandate?": a numbered provision stands near what the question names, so
    /// "KFOR operates under Resolution 1244, and EUFOR under a mandate of the Council" does not answer for EUFOR.
    /// </summary>
    private static bool NumberedNear(KnowledgeBase kb, Passage p, QuestionTerms terms)
    {
        // A passage of the numbered resolution's own record speaks of it, whatever number its sentence leaves out.
        if (kb.Get(p.RecordId)?.Name is { } own && Provision().IsMatch(own)) return true;
        var numbered = Provision().Matches(p.Text).Select(m => TextNormalizer.Tokens(p.Text[..m.Index]).Length).ToList();
        if (numbered.Count == 0) return false;
        var tokens = TextNormalizer.Tokens(p.Text);
        var mentions = kb.Aliases.LinkWritten(p.Text, kb.Vocabulary).Mentions.Where(m => terms.Entities.Contains(m.RecordId)).ToList();
        return mentions.GroupBy(m => m.RecordId).All(g => g.Any(m => numbered.Any(n => Math.Abs(n - m.TokenStart) <= 8)));
    }

    private static bool NamesAPlace(KnowledgeBase kb, Passage p, QuestionTerms terms)
    {
        // Beside what happened there ("founded in Novi Sad", "signed in Belgrade"), not anywhere in the passage.
        var tokens = TextNormalizer.Tokens(p.Text);
        var words = terms.Content.Concat(terms.Soft).SelectMany(kb.Passages.Expand).ToHashSet(StringComparer.Ordinal);
        var at = Positions(tokens, words);
        // "In which city did they first float the idea?": the event's own record says where it was ("Novi Sad"), and a
        // passage of it that writes the place gives it.
        // A location the question already names ("in which village was the Ibar-Lepenac canal blown up?") tells nothing new.
        if (p.Id >= 0 && kb.Get(p.RecordId) is { Place.Location: { Length: > 0 } location }
            && (" " + string.Join(' ', tokens) + " ").Contains(" " + string.Join(' ', TextNormalizer.Tokens(location)) + " ", StringComparison.Ordinal)
            && !terms.Asked.Contains(" " + string.Join(' ', TextNormalizer.Tokens(location)) + " ", StringComparison.Ordinal)) return true;
        // "In which city …" is not answered by a state's own name ("no neighbor can offer Serbia …") or a region of it
        // ("Central Serbia"), only by a city that stands for it ("signed … in Belgrade").
        return kb.Aliases.Find(tokens)
            .Any(m => kb.Get(m.RecordId) is { Kind: RecordKind.Actor, Type: "state" } state && !terms.Asked.Contains(" " + m.Surface + " ", StringComparison.Ordinal)
                      && !(terms.AsksCity && (" " + m.Surface + " ").Contains(" " + TextNormalizer.Normalize(state.Name) + " ", StringComparison.Ordinal))
                      // "In which town …" is not answered by "Priština reacted to the arrest …", which names who acted: a town
                      // asked for is written as a place.
                      && (!terms.AsksCity || m.TokenStart > 0 && tokens[m.TokenStart - 1] is "in" or "at" or "near" or "outside" or "inside" or "within" or "of")
                      && (words.Count == 0 || at.Any(i => Math.Abs(i - m.TokenStart) <= 6)
                          // The named event's own passage says where it was: "signed … in Belgrade", not "by Serbia".
                          || terms.Entities.Contains(p.RecordId) && m.TokenStart > 0 && tokens[m.TokenStart - 1] is "in" or "at" or "near"));
    }

    private static bool PlaceOfTheYear(KnowledgeBase kb, Passage p, QuestionTerms terms)
    {
        var tokens = TextNormalizer.Tokens(p.Text);
        var years = Enumerable.Range(0, tokens.Length).Where(i => TimeExpressions.IsYear(tokens[i])).ToList();
        if (years.Count == 0) return true;
        var places = kb.Aliases.Find(tokens)
            .Where(m => kb.Get(m.RecordId) is { Kind: RecordKind.Actor, Type: "state" } && !terms.Asked.Contains(" " + m.Surface + " ", StringComparison.Ordinal))
            .Select(m => m.TokenStart).ToList();
        if (places.Count == 0) return true;
        return places.Any(at => terms.Years.Contains(tokens[years.MinBy(y => Math.Abs(y - at))]));
    }

    /// <summary>Where in the tokens a word with one of the stems stands.</summary>
    public static List<int> Positions(string[] tokens, IReadOnlySet<string> stems) =>
        Enumerable.Range(0, tokens.Length).Where(i => tokens[i].Length > 0 && stems.Contains(Stemmer.Stem(tokens[i]))).ToList();

    /// <summary>A state the question does not name stands within three words of the thing it owns: "a Turkish battalion".</summary>
    private static bool StateBeside(KnowledgeBase kb, Passage p, string owned, QuestionTerms terms)
    {
        var tokens = TextNormalizer.Tokens(p.Text);
        var stems = kb.Passages.Expand(owned).ToHashSet(StringComparer.Ordinal);
        var at = Positions(tokens, stems);
        if (at.Count == 0) return false;
        return kb.Aliases.LinkWritten(p.Text, kb.Vocabulary).Mentions
            .Where(m => !terms.Entities.Contains(m.RecordId) && kb.Get(m.RecordId) is { Kind: RecordKind.Actor, Type: "state" })
            .Any(m => at.Any(i =>
                // "a Turkish battalion", "Poland's battalion" …
                i >= m.TokenStart + m.TokenCount && i <= m.TokenStart + m.TokenCount + 2
                // … or "a battalion from Turkey".
                || m.TokenStart - i is >= 2 and <= 3 && tokens[m.TokenStart - 1] is "from" or "of"));
    }

    /// <summary>A figure about an event or agreement measures it for those who took part: the Rafale deal's value is Serbia's.</summary>
    private static bool MeasuresFor(KnowledgeBase kb, Passage p, QuestionTerms terms) =>
        p.Subject is { } subject && kb.Get(subject) is { Kind: RecordKind.Event or RecordKind.Agreement } about
        && about.References.Any(r => r.Relation is "party-of" or "actor-in" && terms.Entities.Contains(r.Target));

    private static bool NumberNear(PassageIndex index, Passage p, IReadOnlyList<string> measures) => CountNear(index, p, measures, 6);

    /// <summary>
    /// A quantity stands within a few words of what is counted: "1,000 additional troops", "250–300 tanks". Years and
    /// model names ("MiG-29s", "CM-400AKG") are not quantities.
    /// </summary>
    private static bool CountNear(PassageIndex index, Passage p, IReadOnlyList<string> words, int window = 8)
    {
        // "Producer (APCs, artillery, drones), as of 21 May 2025" counts nothing: the date is the table's, not a quantity.
        if (p.Kind == PassageKind.Figure) return HasQuantity(AsOf().Replace(p.Text, " "));
        var raw = Whitespace().Split(p.Text).Select(Bare).Where(t => t.Length > 0).ToArray();
        var stems = words.SelectMany(index.Expand).ToHashSet(StringComparer.Ordinal);
        var numbers = Enumerable.Range(0, raw.Length).Where(i => IsQuantity(raw[i])).ToList();
        if (numbers.Count == 0) return false;
        for (var i = 0; i < raw.Length; i++)
        {
            var norm = TextNormalizer.Tokens(raw[i]);
            if (!norm.Any(t => stems.Contains(Stemmer.Stem(t)))) continue;
            // "the Military Strength Comparison table lists 12 Rafales": a word of a title counts nothing.
            if (i > 0 && char.IsUpper(raw[i][0]) && (char.IsUpper(raw[i - 1][0]) || i + 1 < raw.Length && char.IsUpper(raw[i + 1][0]))) continue;
            if (numbers.Any(n => Math.Abs(n - i) <= window)) return true;
        }
        return false;
    }

    /// <summary>The organisations named inside the counted phrase ("how many UN member states", "how many NATO troops").</summary>
    private static HashSet<string> CountedOrganisations(KnowledgeBase kb, QuestionTerms terms)
    {
        var at = terms.Asked.IndexOf(" how many ", StringComparison.Ordinal);
        if (at < 0) return [];
        var phrase = terms.Asked[(at + " how many ".Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3).ToArray();
        return kb.Aliases.Find(phrase).Where(m => kb.Get(m.RecordId) is { Kind: RecordKind.Actor, Type: "organisation" })
            .Select(m => m.RecordId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The organisations that qualify a named group ("EU" in "which five EU member states").</summary>
    private static HashSet<string> GroupOrganisations(KnowledgeBase kb, Match group) =>
        kb.Aliases.Find(group.Groups["qual"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(m => kb.Get(m.RecordId) is { Kind: RecordKind.Actor, Type: "organisation" }).Select(m => m.RecordId).ToHashSet(StringComparer.Ordinal);

    /// <summary>The text gives a quantity, but only a hedged one or a fraction ("nearly half", "approximately 3,700").</summary>
    public static bool OnlyHedgedQuantity(string text) => !ExactQuantity(text)
        && Whitespace().Split(AsOf().Replace(text, " ")).Select(Bare).Any(w => w.Length > 0 && IsQuantity(w));

    /// <summary>A number in the text that is neither a fraction nor hedged ("nearly", "about", "over").</summary>
    public static bool ExactQuantity(string text)
    {
        var words = Whitespace().Split(AsOf().Replace(text, " ")).Where(t => t.Length > 0).Select(Bare).ToArray();
        return Enumerable.Range(0, words.Length).Any(i => IsQuantity(words[i]) && ExactAt(words, i));
    }

    private static bool ExactAt(string[] words, int i)
    {
        if (Fractions.Contains(words[i].ToLowerInvariant())) return false;
        var before = string.Join(' ', words.Skip(Math.Max(0, i - 2)).Take(Math.Min(i, 2))).ToLowerInvariant();
        return !Hedge().IsMatch(" " + before + " ");
    }

    private static readonly HashSet<string> Fractions =
        ["half", "third", "thirds", "quarter", "quarters", "majority", "minority", "dozens", "hundreds", "thousands", "several", "some", "many", "few"];

    [GeneratedRegex(@" (?:nearly|almost|about|around|approximately|approx|roughly|some|over|more than|less than|fewer than|under|up to|at least|well over|~) $| (?:nearly|almost|about|around|approximately|roughly|over|some) ")]
    private static partial Regex Hedge();

    /// <summary>A number in the passage is followed, within three words, by one of the organisations.</summary>
    private static bool QualifiedCount(KnowledgeBase kb, Passage p, IReadOnlySet<string> orgs, bool exact)
    {
        var words = Whitespace().Split(p.Text).Where(t => t.Length > 0).ToArray();
        var bare = words.Select(Bare).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            if (!IsQuantity(bare[i]) || exact && !ExactAt(bare, i)) continue;
            var after = TextNormalizer.Tokens(string.Join(' ', words.Skip(i + 1).Take(3)));
            if (kb.Aliases.Find(after).Any(m => orgs.Contains(m.RecordId))) return true;
        }
        return false;
    }

    /// <summary>A quantity stands just before the counted word ("45 suspects", "1,000 additional troops") and counts it, not time.</summary>
    private static bool Counts(PassageIndex index, Passage p, string counted)
    {
        var words = Whitespace().Split(p.Text).Where(t => t.Length > 0).ToArray();
        var stems = index.Expand(counted).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            if (!TextNormalizer.Tokens(Bare(words[i])).Any(t => stems.Contains(Stemmer.Stem(t)))) continue;
            // Back from the counted word, within its phrase: "1,000 additional troops", not "180, and work permits".
            for (var n = i - 1; n >= Math.Max(0, i - 3); n--)
            {
                if (words[n].Length > 0 && words[n][^1] is ',' or ';' or '.' or ':' or ')') break;
                if (IsQuantity(Bare(words[n])) && !(n + 1 < words.Length && TimeUnits().IsMatch(Bare(words[n + 1])))) return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"\b(?:(?:article|clause|section|paragraph|provision|point|resolution)s?|UNSCR)\s+\d+", RegexOptions.IgnoreCase)]
    private static partial Regex Provision();

    [GeneratedRegex(@"^(years?|months?|days?|weeks?|decades?|hours?|centuries|century|times)$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeUnits();

    /// <summary>A word without the punctuation and quotation marks around it.</summary>
    private static string Bare(string token) => token.Trim('(', ')', '[', ']', '"', '“', '”', '‘', '’', '\'', ',', '.', ';', ':', '!', '?');

    /// <summary>The text states a quantity somewhere ("€2.7 billion", "12", "five"), a year aside.</summary>
    private static bool HasQuantity(string text) => Whitespace().Split(text).Any(w => IsQuantity(Bare(w)));

    private static bool IsQuantity(string token)
    {
        var t = token.TrimStart('€', '$', '£', '~').TrimEnd('%', '+');
        if (QuantityToken().IsMatch(t)) return !(t.Length == 4 && t.All(char.IsDigit) && TimeExpressions.IsYear(t));
        return Number().IsMatch(t) && t is not "no";
    }

    /// <summary>
    /// A "when" question is answered by the date of the named record or membership, or by a year standing beside
    /// a word of the question ("joined … in 2009"), not by any year in a passage that names the same country.
    /// </summary>
    private static bool DatedAsAsked(KnowledgeBase kb, Passage p, QuestionTerms terms)
    {
        var index = kb.Passages;
        // A figure's year is the date of the report that gives it, not of what it counts.
        if (!Year().IsMatch(p.Text) || p.Kind == PassageKind.Figure) return false;
        if (p.Kind is PassageKind.Date or PassageKind.Membership && (terms.Entities.Count == 0 || terms.Entities.Contains(p.RecordId))) return true;
        // A document's own byline ("…, published by Pupin Initiative, dated 21 May 2025") dates the document.
        if (p is { RecordKind: RecordKind.Source, Kind: PassageKind.Name } && kb.Get(p.RecordId) is { Via: null }) return true;
        var words = terms.Content.Concat(terms.Soft).SelectMany(index.Expand).ToHashSet(StringComparer.Ordinal);
        var tokens = TextNormalizer.Tokens(p.Text);
        // "12 Rafales (Serbia, ordered 2024) and Croatia's as 12 Rafales": a year in an event's or agreement's record
        // dates what its parties did, not what another state named beside them did.
        var states = terms.Entities.Where(e => kb.Get(e) is { Kind: RecordKind.Actor, Type: "state" }).ToList();
        if (states.Count > 0 && kb.Get(p.RecordId) is { Kind: RecordKind.Event or RecordKind.Agreement } dated
            // The state where it happened dates it too: "EUFOR brought reserves into Bosnia. When was that?"
            && !states.Any(st => dated.Parties.Contains(st) || dated.Place?.Country == st || dated.References.Any(r => r.Target == st && r.Relation is "party-of" or "actor-in")))
            return false;
        // "When did CEFTA's reformed dispute mechanism enter into force?" is not dated by "the 2018 tariffs … such
        // disputes": where the passage carries several of the question's own words, a year dates them when two stand by it.
        var content = terms.Content.Select(c => index.Expand(c).ToHashSet(StringComparer.Ordinal)).ToList();
        var stems = tokens.Select(Stemmer.Stem).ToArray();
        var carried = content.Count(c => stems.Any(c.Contains));
        var needed = Math.Min(2, carried);
        // "Kosovo joins CEFTA as “UNMIK Kosovo” is dated in 2007": a record's one date dates all its name says.
        if (p.Kind == PassageKind.Date && stems.Any(words.Contains) && carried >= needed) return true;
        for (var j = 0; j < tokens.Length; j++)
        {
            if (!TimeExpressions.IsYear(tokens[j])) continue;
            var from = Math.Max(0, j - 7);
            var near = stems[from..Math.Min(tokens.Length, j + 8)];
            if (!near.Any(words.Contains)) continue;
            if (content.Count(c => near.Any(c.Contains)) >= needed) return true;
        }
        return false;
    }

    /// <summary>"3,700", "12", "five", "dozens": a quantity, not a model name such as "CM-400AKG" or "MiG-29s".</summary>
    private static bool IsNumber(string token) =>
        token.All(char.IsDigit) || Number().IsMatch(token) && !token.Any(char.IsDigit) && token is not "no";

    /// <summary>The passage names a person other than the ones the question names.</summary>
    private static bool NamesAPerson(Passage p, IReadOnlyDictionary<string, string> people, QuestionTerms terms, KnowledgeBase kb)
    {
        var text = " " + TextNormalizer.Normalize(p.Text) + " ";
        var tokens = text.Trim().Split(' ');
        var roles = terms.Roles.SelectMany(kb.Passages.Expand).ToHashSet(StringComparer.Ordinal);
        var rolesAt = Enumerable.Range(0, tokens.Length).Where(i => roles.Contains(Stemmer.Stem(tokens[i]))).ToList();
        // A person's own record answers for him: "which Hungarian leader has backed Dodik" by Orbán's role, which
        // names his office ("Hungary's Prime Minister") rather than himself.
        if (kb.Get(p.RecordId) is { Kind: RecordKind.Actor, Type: "person" } own && !terms.Entities.Contains(own.Id)
            && p.Kind is PassageKind.Role or PassageKind.Summary or PassageKind.Fact
            && terms.Roles.All(role => GenericRoles.Contains(role) || kb.Passages.Expand(role).Any(stem => tokens.Any(t => Stemmer.Stem(t) == stem))))
        {
            // "Who is the Prime Minister of Montenegro?": what the office is of stands by it ("Hungary's Prime Minister").
            var offices = terms.Roles.Where(r => !GenericRoles.Contains(r)).SelectMany(kb.Passages.Expand).ToHashSet(StringComparer.Ordinal);
            var officeAt = Enumerable.Range(0, tokens.Length).Where(i => offices.Contains(Stemmer.Stem(tokens[i]))).ToList();
            var states = kb.Aliases.LinkWritten(p.Text, kb.Vocabulary).Mentions.Where(m => terms.Entities.Contains(m.RecordId)
                && kb.Get(m.RecordId) is { Kind: RecordKind.Actor, Type: "state" }).ToList();
            var ofStates = terms.Entities.Where(e => kb.Get(e) is { Kind: RecordKind.Actor, Type: "state" }).ToList();
            if (ofStates.Count == 0 || ofStates.All(st => states.Any(m => m.RecordId == st
                    && (officeAt.Count == 0 || officeAt.Any(i => Math.Abs(i - m.TokenStart) <= 4)))))
                return true;
        }
        foreach (var (name, id) in people)
        {
            if (terms.Entities.Contains(id)) continue;
            // "Officers arrested in Central Serbia (Antić): three": a figure names whom it counts, not its source's author.
            if (p.Kind == PassageKind.Figure && p.Subject != id && p.CitedAuthors.Contains(id)) continue;
            var at = text.IndexOf(" " + name + " ", StringComparison.Ordinal);
            if (at < 0) continue;
            // "Antić discusses …", "according to Sav": the author of a view is not the person asked about.
            // "Who wrote it?" asks for the author, who is named as one.
            if (!terms.Roles.Concat(terms.Content).Any(AuthorshipWords.Contains)
                && (Attribution().IsMatch(text[(at + name.Length + 1)..]) || AttributionBefore().IsMatch(text[..(at + 1)]))) continue;
            // The person stands beside the role asked about: "Prime Minister Viktor Orbán", not a minister left unnamed.
            var position = text[..at].Count(c => c == ' ');
            var nearAll = terms.Roles.Concat(terms.Content).Any(AuthorshipWords.Contains) || terms.Roles.All(role => kb.Passages.Expand(role).Any(stem =>
                Enumerable.Range(Math.Max(0, position - 5), Math.Min(tokens.Length, position + 8) - Math.Max(0, position - 5))
                    .Any(i => Stemmer.Stem(tokens[i]) == stem)));
            // "Serbian President Vučić" does not answer who the President of Kosovo is: what the role is of stands by it.
            var of = terms.Entities.Count == 0 || kb.Aliases.LinkWritten(p.Text, kb.Vocabulary).Mentions
                .Any(m => terms.Entities.Contains(m.RecordId) && Math.Abs(m.TokenStart - position) <= 6);
            if (nearAll && of) return true;
        }
        return false;
    }

    private static readonly HashSet<string> AuthorshipWords = ["wrote", "write", "writes", "written", "authored", "author", "penned"];

    /// <summary>
    /// The documents cited at the endnotes a question gives by number ("endnote 33", "endnotes 23 to 25"), in the paper
    /// of the author it names, or in any paper where it names none.
    /// </summary>
    private static HashSet<string> NotedSources(KnowledgeBase kb, RoutedQuestion q, QuestionTerms terms)
    {
        var asked = new HashSet<int>();
        foreach (Match m in NoteNumbers().Matches(q.Original))
        {
            var first = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            var last = m.Groups["to"].Success ? int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture) : first;
            for (var n = first; n <= Math.Min(last, first + 20); n++) asked.Add(n);
            foreach (Capture c in m.Groups["more"].Captures) asked.Add(int.Parse(c.Value, CultureInfo.InvariantCulture));
        }
        if (asked.Count == 0) return [];
        var cited = kb.OfKind(RecordKind.Source).Where(r => r is { Via: not null, ViaAt: not null }).ToList();
        var writers = cited.Select(r => r.Via!).Distinct().Select(kb.Get).OfType<KnowledgeRecord>()
            .ToDictionary(d => d.Id, d => kb.WritersOf(d).ToHashSet(StringComparer.Ordinal));
        var named = terms.Entities.Where(e => writers.Values.Any(w => w.Contains(e))).ToHashSet(StringComparer.Ordinal);
        return cited.Where(r => (named.Count == 0 || writers.TryGetValue(r.Via!, out var w) && w.Overlaps(named))
                                && NoteList().Match(r.ViaAt!) is { Success: true } notes
                                && notes.Groups["n"].Captures.Any(c => asked.Contains(int.Parse(c.Value, CultureInfo.InvariantCulture))))
            .Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
    }

    // "endnote 33", "footnotes 23 to 25"; not "the brief notes 40 tanks".
    [GeneratedRegex(@"\b(?:end|foot)notes?\s+(?<n>\d{1,3})(?:\s*(?:-|–|to|through)\s*(?<to>\d{1,3})|(?:\s*(?:,|and|&)\s*(?<more>\d{1,3}))*)", RegexOptions.IgnoreCase)]
    private static partial Regex NoteNumbers();

    [GeneratedRegex(@"\bendnotes? \d")]
    private static partial Regex EndnoteNumbered();

    [GeneratedRegex(@"^endnotes?\s+(?:(?<n>\d+)(?:,\s*)?)+")]
    private static partial Regex NoteList();

    [GeneratedRegex(@" (?:whose|which|what) (?:\w+ )?(?:work|works|study|studies|article|articles|paper|papers|research|source|sources|outlet|outlets|reporter|reporters|journalist|journalists|newspaper|newspapers|report|reports|publication|publications|agency|agencies|media) (?:\w+ ){0,4}(?:source|sources|cite|cites|cited|citing|draw|draws|drawn|relies|rely|used|uses) ")]
    private static partial Regex WorkCitedAsked();

    // "The BBC report Sav cites …", "citing a Reuters report": a sentence about the work cited, not about what it reports.
    [GeneratedRegex(@"\b(?:report|article|paper|study|essay|book|release|interview)s? (?:\w+ ){0,2}(?:cites|cited|quotes|quoted|draws on)\b|\b(?:citing|cites|cited) (?:a|an|the) (?:\p{Lu}\w* )*(?:report|article|paper|study|essay|book|release|interview)\b")]
    private static partial Regex CitesAWork();

    // "Which outlet and reporter does Sav cite?": the kind of work and who wrote it are what the citation gives; "reporter",
    // a word the base does not use, is read as "reported".
    private static readonly HashSet<string> WorkWords = ["work", "works", "study", "studies", "article", "articles", "paper", "papers", "research", "source", "sources",
        "outlet", "outlets", "reporter", "reporters", "reported", "journalist", "journalists", "newspaper", "newspapers", "report", "reports", "publication", "publications", "agency", "agencies", "media"];

    private static readonly HashSet<string> CheckWords = ["true", "correct", "accurate", "right", "false", "case"];

    private static readonly HashSet<string> GenericRoles = ["leader", "leaders", "official", "officials", "person", "persons", "people", "individuals"];

    /// <summary>The records the question names as the source of what it asks: "according to Sav", "the Pupin brief's table".</summary>
    public static HashSet<string> CitedInQuestion(RoutedQuestion q)
    {
        var cited = new HashSet<string>(StringComparer.Ordinal);
        var tokens = q.Normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var m in q.Mentions)
        {
            if (m.TokenStart + m.TokenCount > tokens.Length) continue;
            var after = " " + string.Join(' ', tokens[(m.TokenStart + m.TokenCount)..]) + " ";
            // "When was Sav's paper published?" asks about the paper, not about something it says.
            if (AsksAView().IsMatch(after) || Cites(tokens, m.TokenStart, m.TokenStart + m.TokenCount) && !Publication().IsMatch(" " + q.Normalized + " "))
                cited.Add(m.RecordId);
        }
        return cited;
    }

    // "What does Antić say about …", "Sav's take on …": the question asks what the author holds.
    [GeneratedRegex(@"^ (s )?(say|says|said|argue|argues|argued|think|thinks|thought|write|writes|wrote|see|sees|view|views|claim|claims|describe|describes|call|calls|warn|warns|mean|means|meant|suggest|suggests|believe|believes|conclude|concludes|report|reports|note|notes|stress|stresses|put|puts|count|counts|list|lists|date|dates|present|presents|read|reads|make|position|stance|opinion|take|perspective|assessment|argument|point|thesis|conclusion|recommend|recommends|propose|proposes|cite|cites|mention|mentions|borrow|borrows|borrowed|draw|draws|drew|drawing|citing|quoting|summari[sz]e|summari[sz]es|summari[sz]ed|summari[sz]ing|follow|follows|followed|apply|applies|applied|quote|quotes|quoted|expect|expects|predict|predicts|characteri[sz]e|characteri[sz]es|frame|frames|explain|explains|portray|portrays|assess|assesses|interpret|interprets|give|gives|name|names|find|finds|define|defines|understand|understands|use|uses|used|employ|employs|employed|coined|chose|chooses|treat|treats|label|labels|dub|dubs|coin|coins|recommendations|recommendation|proposals|proposal|arguments|conclusions|findings|analysis|advice|and(?! (?:in|on|at|since|from|when|what|which|who|whom|how|where|why)\b)|vs|versus|on|about) ")]
    private static partial Regex AsksAView();

    /// <summary>The passage names a person whose own record calls him by the word ("professor", "analyst").</summary>
    private static bool TitledPersonNamed(KnowledgeBase kb, Passage p, string title) =>
        kb.Passages.EntitiesOf(p).Any(e => kb.Get(e) is { Kind: RecordKind.Actor, Type: "person" }
                                           && kb.Passages.OfRecord(e).Any(o => o.Kind == PassageKind.Role && kb.Passages.Matches(o, title)));

    /// <summary>The passage names the record only as the author or publisher of what it reports.</summary>
    private static bool OnlyCites(KnowledgeBase kb, Passage p, string entity)
    {
        if (!p.CitedAuthors.Contains(entity) || p.RecordId == entity || p.Subject == entity) return false;
        var tokens = TextNormalizer.Tokens(p.Text);
        return kb.Aliases.Find(tokens).Where(m => m.RecordId == entity).All(m => Cites(tokens, m.TokenStart, m.TokenStart + m.TokenCount));
    }

    private static bool Cites(string[] tokens, int start, int end)
    {
        var before = " " + string.Join(' ', tokens[..start]) + " ";
        var after = " " + string.Join(' ', tokens[end..]) + " ";
        return CitingWordBefore().IsMatch(before) || Attribution().IsMatch(after) || SourceNoun().IsMatch(after);
    }

    [GeneratedRegex(@" (?:current|currently|now|today|present|incumbent|presently|nowadays) ")]
    private static partial Regex CurrentAsked();

    [GeneratedRegex(@"\b(?:[Pp]arty|[Pp]arties)\b")]
    private static partial Regex PartyNamed();

    [GeneratedRegex(@" (?:before|prior to) (?:he |she |they )?(?:became|becoming|being|was|served as|serving as|took office as|taking office as|joining|his time as|her time as)? ?((?:\w+ ){0,5}\w+)")]
    private static partial Regex OfficeBefore();

    [GeneratedRegex(@"\b(?:this|that|these|those) (?:level|levels|figure|figures|share|number|amount|total|point|mark|value)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointsAtTheFigure();

    private static readonly HashSet<string> ConditionKinds = ["condition", "conditions", "circumstance", "circumstances", "precondition", "preconditions"];

    [GeneratedRegex(@"\b(?:if|unless|only when|provided|as long as|so long as|on condition)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatesACondition();

    private static readonly HashSet<string> EarlierPostWords =
        ["previous", "former", "prior", "earlier", "past", "last", "post", "posts", "position", "positions", "job", "jobs", "role", "roles", "office", "offices", "title", "titles", "career", "appointment", "becoming", "before", "held", "hold"];

    [GeneratedRegex(@"\b(?:former|formerly|previously|previous|ex-|onetime|one-time|then)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FormerOffice();

    [GeneratedRegex(@" (?:which|what) (?:\w+ )?(\w+) and (?:\w+ )?(\w+) (?=(?:was|were) \w+ed\b)")]
    private static partial Regex AskedPair();

    [GeneratedRegex(@" (?:which|what) political part(?:y|ies) | political part(?:y|ies) (?:does|did|do|is|was|are|were) | (?:which|what) part(?:y|ies) (?:does|did|do|is|was) (?:\S+ ){1,4}(?:lead|leads|led|head|heads|belong|belongs|member|represent|represents|chair|chairs|founded) | party (?:affiliation|membership|allegiance) ")]
    private static partial Regex PoliticalParty();

    [GeneratedRegex(@"^ (?:which|what) (?:(?:piece|pieces|part|parts|kind|kinds|sort|type|bit|form|aspect) of (?:the |a |an )?)?(\w+) ")]
    private static partial Regex AskedKind();

    [GeneratedRegex(@"^ (?:who|which \w+) (?:wrote|write|writes|authored|drafted|designed|chaired|chairs|edited|translated|reviewed|commissioned|funded|funds|financed|sponsored|hosted|organised|organized|moderated|founded) (?:the|a|an|its|their|his|her) (\w+) ")]
    private static partial Regex MadeThing();

    /// <summary>
    /// The last word of each "what/which …" phrase before its verb, where it is a content word the base knows and not a
    /// measure or share (those have checks of their own): "what legal basis did he cite" → basis.
    /// </summary>
    private static List<string> AskedHeads(QuestionTerms terms) =>
        AskedKinds(terms).Where(h => !terms.Unknown.Contains(h) && !terms.Hard.Contains(h) && !terms.AsksShare).ToList();

    /// <summary>The kinds of thing a question asks for ("which missiles", "what legal basis"), among its content words.</summary>
    /// <remarks>
    /// "Which bank financed the purchase?": the subject asked for, before a verb in the past, is a kind as well; a
    /// journal that published something, or a state, mission or alliance that acted, is named by its name, which seldom
    /// says what it is.
    /// </remarks>
    private static IEnumerable<string> AskedKinds(QuestionTerms terms) =>
        QuestionTerms.AskedPhrase().Matches(terms.Asked).Select(m => m.Groups[1].Value.Split(' ')[^1])
            .Concat(AskedSubject().Matches(terms.Asked).Select(m => m.Groups[1].Value.Split(' ')[^1]).Where(h => !NamedByTheirNames.Contains(h)))
            // "What prison sentence and political ban were imposed on him?": each of the two things asked for.
            .Concat(AskedPair().Matches(terms.Asked).SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value }))
            .Where(h => terms.Content.Contains(h) && !GenericKinds.Contains(h)).Distinct();

    /// <summary>What a list of parties counts.</summary>
    private static readonly HashSet<string> MemberWords =
        ["party", "parties", "member", "members", "signatories", "signatory", "countries", "states", "participants"];

    private static readonly HashSet<string> NamedByTheirNames =
        ["journal", "journals", "newspaper", "newspapers", "daily", "outlet", "outlets", "magazine", "publication", "publisher", "agency", "paper", "report", "study", "think", "tank", "institute", "website", "site",
         "mission", "missions", "operation", "operations", "force", "forces", "alliance", "alliances", "organisation", "organization", "initiative", "bloc",
         "country", "countries", "state", "states", "nation", "nations", "party", "parties", "government", "governments", "body", "group", "side", "power", "powers"];

    [GeneratedRegex(@"^ (?:which|what) (?!(?:the|a|an|its|their|his|her|this|these|those) )((?:\w+ ){0,2}?\w+) (?=\w+ed )")]
    private static partial Regex AskedSubject();

    /// <summary>
    /// "What is the name of the monastery …?": a name the question does not hold stands beside the thing ("Operation
    /// Althea"), not only the thing ("took refuge in a monastery"). "What's it called?" takes any word it asks about.
    /// </summary>
    private static bool GivesAName(KnowledgeBase kb, Passage p, string thing, QuestionTerms terms)
    {
        var index = kb.Passages;
        // A document's title is in title case throughout ("Kosovo Monastery Siege Ends"): its capitals name nothing.
        if (p.RecordKind == RecordKind.Source) return false;
        // The names of the states and people the question names, in any of their forms ("American" for the United
        // States). An event's own name ("Ibar-Lepenac canal blast") may be what is asked for.
        var named = terms.Entities.Select(kb.Get).OfType<KnowledgeRecord>().Where(r => r.Kind == RecordKind.Actor)
            .SelectMany(r => r.Aliases.Append(r.Name).Append(r.ShortName)).SelectMany(TextNormalizer.Tokens).ToHashSet(StringComparer.Ordinal);
        var raw = p.Text.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var asked = thing.Length > 0 ? [thing] : terms.Content.Concat(terms.Soft.Where(w => !NamingWords.Contains(w)));
        var stems = asked.SelectMany(index.Expand).ToHashSet(StringComparer.Ordinal);
        var parts = raw.Select(TextNormalizer.Tokens).ToArray();
        var words = parts.Select(t => t.Length > 0 ? t[0] : "").ToArray();
        var at = Positions(words, stems);
        for (var i = 0; i < raw.Length; i++)
        {
            var w = raw[i].TrimStart('"', '“', '‘', '\'', '(', '[');
            if (w.Length < 2 || !char.IsUpper(w[0]) || words[i].Length == 0 || CommonCapitals.Contains(words[i])) continue;
            // "Ibar-Lepenac" names more than the "ibar" the question already holds; "a Kosovo monastery" is placed,
            // not named.
            if (i == 0 || raw[i - 1].EndsWith('.') || IsState(kb, parts[i])
                || parts[i].Select(AliasIndex.StateOf).All(t => named.Contains(t) || terms.Asked.Contains(" " + t + " ", StringComparison.Ordinal))) continue;
            if (at.Any(j => j != i && Math.Abs(j - i) <= 2)) return true;
        }
        return false;
    }

    private static bool NamesItselfInFull(KnowledgeBase kb, Passage p, QuestionTerms terms) =>
        terms.Entities.Contains(p.RecordId) && kb.Get(p.RecordId) is { Kind: not RecordKind.Source } r
        && r.Aliases.Append(r.Name).Where(n => n.Contains(' ', StringComparison.Ordinal))
            .Any(n => (" " + TextNormalizer.Normalize(p.Text) + " ").Contains(" " + TextNormalizer.Normalize(n) + " ", StringComparison.Ordinal));

    private static bool IsState(KnowledgeBase kb, string[] tokens) =>
        kb.Aliases.Find(tokens.Select(AliasIndex.StateOf).SelectMany(t => t.Split(' ')).ToArray())
            .Any(m => kb.Get(m.RecordId) is { Kind: RecordKind.Actor, Type: "state" });

    private static readonly HashSet<string> NamingWords = ["called", "named", "name", "names", "call", "mention", "mentions", "mentioned", "known"];

    private static readonly HashSet<string> CommonCapitals = ["the", "a", "an", "in", "on", "at", "according", "he", "she", "it", "they", "this", "that", "sav", "antić", "antic", "pupin", "brief"];

    /// <summary>
    /// A passage that names a body of an organisation the question names ("the UN Security Council" for "the UN")
    /// counts as naming the organisation. A body is an organisation whose name is the other's name or alias and more.
    /// </summary>
    private static List<PassageHit> WithBodiesOf(KnowledgeBase kb, IReadOnlyList<string> entities, List<PassageHit> hits)
    {
        var bodies = new List<(string Of, string Body)>();
        foreach (var id in entities)
        {
            if (kb.Get(id) is not { Kind: RecordKind.Actor, Type: "organisation" } org) continue;
            var names = org.Aliases.Append(org.ShortName).Append(org.Name).Select(n => n.Trim() + " ").ToList();
            bodies.AddRange(kb.OfKind(RecordKind.Actor)
                .Where(r => r.Id != id && r.Type == "organisation" && names.Any(n => r.Name.StartsWith(n, StringComparison.Ordinal)))
                .Select(r => (id, r.Id)));
        }
        if (bodies.Count == 0) return hits;
        return hits.Select(h =>
        {
            var added = bodies.Where(b => !h.MatchedEntities.Contains(b.Of) && h.Passage.Id >= 0 && kb.Passages.Mentions(h.Passage, b.Body))
                .Select(b => b.Of).Distinct().ToList();
            return added.Count == 0 ? h : h with { MatchedEntities = [.. h.MatchedEntities, .. added] };
        }).ToList();
    }

    /// <summary>"What does minilateralism mean?": an idea the base has no record of, asked to be defined.</summary>
    public static bool AsksDefinition(QuestionTerms terms) =>
        terms.Entities.Count == 0 && terms.Content.Count is > 0 and <= 2 && terms.Soft.Overlaps(DefiningWords);

    [GeneratedRegex(@" (?:what|which) (?:is|was|are|were|s) (?:the |a |an )?(?:\w+ )?(?:figure|figures|number|numbers|total|totals|amount|sum) ")]
    private static partial Regex FigureAsked();

    internal static readonly HashSet<string> DefiningWords = ["mean", "means", "meaning", "meant", "define", "defines", "defined", "definition", "concept", "term",
        "characterise", "characterize", "characterises", "characterizes"];

    /// <summary>"which he calls minilateralism", "minilateralism refers to": the text names the idea as it defines it.</summary>
    internal static bool Defines(string text, string word) =>
        Regex.IsMatch(TextNormalizer.Normalize(text), $@"\b(?:calls?|called|terms?|termed|known as|defines?|defined) (?:\w+ ){{0,2}}{Regex.Escape(word)}\w*|\b{Regex.Escape(word)}\w* (?:is|means|refers to|denotes|describes)\b");

    /// <summary>"In which sense …", "which neighbouring entity …": words that stand for whatever the answer is.</summary>
    private static readonly HashSet<string> GenericKinds =
        ["sense", "way", "ways", "manner", "respect", "respects", "extent", "aspect", "aspects", "entity", "entities", "one", "ones", "factor", "factors", "areas", "area", "reason", "reasons", "motive", "motives", "rationale", "explanation", "grounds", "driver", "drivers", "problem", "problems",
         "move", "moves", "act", "acts", "outlet", "outlets", "consequence", "consequences", "effect", "effects", "impact", "impacts", "outcome", "outcomes", "implication", "implications", "step", "steps", "thing", "things", "action", "actions", "option", "options", "element", "elements", "point", "points", "message", "messages", "takeaway", "takeaways", "lesson", "lessons",
         "city", "town", "capital", "place", "places", "cities", "towns", "locations",
         "quality", "qualities", "feature", "features", "characteristic", "characteristics", "trait", "traits", "system", "systems", "channel", "channels", "route", "routes", "avenue", "avenues"];


    [GeneratedRegex(@" number of (?:the |a |an |its |their )?(?:[\w-]+ ){0,4}?(resolution|law|article|decree|directive|regulation|paragraph|endnote)s? ")]
    private static partial Regex NumberOfThing();

    [GeneratedRegex(@"\b(percent|per cent|half|halves|thirds?|quarters?|majority|minority|fraction|share of|shares of)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ShareWords();

    [GeneratedRegex(@" (published|publish|publication|written|wrote|write|released|issued|appeared|came out|come out|authored|authors?|author|publisher) ")]
    private static partial Regex Publication();

    [GeneratedRegex(@" (according to|per|citing|cited by|by) $")]
    private static partial Regex CitingWordBefore();

    [GeneratedRegex(@"^ (s )?(brief|briefs|essay|paper|article|table|study|report|analysis|view|views|account|piece|text|authors?) ")]
    private static partial Regex SourceNoun();

    /// <summary>A note on what a source leaves out: useful beside an answer, never the answer.</summary>
    private static int StatesNamed(KnowledgeBase kb, Passage p) =>
        kb.Aliases.LinkWritten(p.Text, kb.Vocabulary).Mentions.Where(m => kb.Get(m.RecordId) is { Kind: RecordKind.Actor, Type: "state" })
            .Select(m => m.RecordId).Distinct().Count();

    [GeneratedRegex(@" (?:sent|send|sends|supplied|supply|supplies|contributed|contribute|contributes|provided|provide|provides|dispatched|deployed|deploy|deploys|offered) ")]
    private static partial Regex SendingCue();

    [GeneratedRegex(@"^ (?:which|what) (?:\w+ )?(?:country|countries|state|states|nations|allies) ")]
    private static partial Regex SenderAsked();

    /// <summary>
    /// A state the passage names as who sent or supplied something: just before the verb, or after "from"/"by" — not
    /// the place it went to ("deployed in Bosnia") or someone asked for something else ("ask Russia to veto").
    /// </summary>
    private static bool NamesASender(KnowledgeBase kb, Passage p, QuestionTerms terms)
    {
        var tokens = TextNormalizer.Tokens(p.Text);
        var verbs = tokens.Select((t, i) => (t, i)).Where(x => SendingCue().IsMatch(" " + x.t + " ")).Select(x => x.i).ToList();
        return kb.Aliases.Find(tokens).Any(m => !terms.Entities.Contains(m.RecordId) && kb.Get(m.RecordId) is { Kind: RecordKind.Actor, Type: "state" }
            && (m.TokenStart > 0 && tokens[m.TokenStart - 1] is "from" or "by"
                || verbs.Any(v => v >= m.TokenStart + m.TokenCount && v - (m.TokenStart + m.TokenCount) <= 5)));
    }

    [GeneratedRegex(@"\b(?:joined|left|became|grew|expanded|increased|decreased|rose|risen|fell|fallen|doubled|tripled|declined|dropped|climbed|soared|shrank|replaced|rebranded|renamed|gradually|eventually|later|since then|no longer|shifted|turned|evolved|changed|as more|until|upon|on gaining)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeWords();

    [GeneratedRegex(@"[€$£]|\b(?:euros?|dollars?|EUR|USD)\b")]
    private static partial Regex Currency();

    private static bool BylineAsked(QuestionTerms terms) =>
        terms.Soft.Overlaps(AuthorWords) || terms.Heads.Any(PublicationWords.Contains) || CitedWorkAsked().IsMatch(terms.Asked);

    private static readonly FrozenSet<string> PublicationWords = FrozenSet.Create(StringComparer.Ordinal,
        "journal", "journals", "publisher", "outlet", "magazine", "newspaper", "periodical");

    private static readonly FrozenSet<string> AuthorWords = FrozenSet.Create(StringComparer.Ordinal,
        "wrote", "authored", "penned", "writes", "author", "authors");

    private static readonly FrozenSet<string> FigureHeads = FrozenSet.Create(StringComparer.Ordinal,
        "total", "totals", "figure", "figures", "number", "numbers", "amount", "sum", "value", "count", "size");

    /// <summary>
    /// "How did Croatia vote …?", "when did Kosovo join …?": a state or person named right after the question word and its
    /// auxiliary, and followed by a verb, is who acted. Only where the question names three or more things, since for
    /// fewer every name already binds the answer.
    /// </summary>
    private static string? ActingSubject(KnowledgeBase kb, RoutedQuestion q, QuestionTerms terms)
    {
        if (terms.Entities.Count < 3) return null;
        var tokens = q.Normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = tokens.Length > 2 && tokens[0] is "how" or "when" or "why" or "where" && tokens[1] is "did" or "does" or "do" or "has" or "have" or "had" ? 2
            : tokens.Length > 1 && tokens[0] is "did" or "does" or "has" or "have" ? 1 : -1;
        if (start < 0) return null;
        var m = q.Mentions.FirstOrDefault(x => x.TokenStart == start);
        if (m is null || start + m.TokenCount >= tokens.Length || tokens[start + m.TokenCount] is "s" or "and" or "or") return null;
        return kb.Get(m.RecordId) is { Kind: RecordKind.Actor, Type: "state" or "person" } && terms.Entities.Contains(m.RecordId) ? m.RecordId : null;
    }

    /// <summary>
    /// A body named in capitals ("the Kosovo Security Force", "the European Council") that no alias names and no passage
    /// writes, with or without the place or people before it; null where every such name is one the sources use.
    /// </summary>
    private static string? UnknownBody(KnowledgeBase kb, string original)
    {
        foreach (Match m in BodyName().Matches(original))
        {
            var name = m.Value;
            // "its Develapment Agency": a slip in a word of the name is mended before the name is looked for.
            var words = TextNormalizer.Normalize(name).Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => kb.Vocabulary.Contains(w) ? w : Spelling.Nearest(w, kb.Vocabulary) ?? w).ToArray();
            if (kb.Aliases.Lookup(name).Any() || kb.Passages.AnyContains(string.Join(' ', words))) continue;
            // "North Macedonia's National Bank": the place or people before the body may be the asker's; the body itself must
            // be one the sources write.
            if (Enumerable.Range(1, Math.Max(0, words.Length - 2)).Any(i => kb.Passages.AnyContains(string.Join(' ', words[i..])))) continue;
            // "the Serbian Armed Forces", "the Croatian Army" are the state's forces, which the sources speak of in other words.
            if (StateForces().IsMatch(string.Join(' ', words[1..]))) continue;
            return name;
        }
        return null;
    }

    [GeneratedRegex(@"(?<![\p{L}-])(?!(?:Which|What|Whose|Who|How|When|Where|Why|The|A|An|Did|Does|Do|Is|Are|Was|Were|In|On|At|For|By|Per|And|Or|But)\b)(?:\p{Lu}[\p{L}'’-]+ ){1,3}(?:Force|Forces|Army|Police|Agency|Ministry|Council|Committee|Party|Bank|Fund|Institute|Office|Service|Brigade|Battalion|Regiment|Command|Guard|University|College|Academy|Corps|Directorate|Authority|Commission|Court|Tribunal|Foundation|Centre|Center|Movement|Front|Coalition)\b")]
    private static partial Regex BodyName();

    [GeneratedRegex(@"^(?:armed forces?|army|military|air forces?|navy|defen[cs]e forces?|land forces?|police)$")]
    private static partial Regex StateForces();

    /// <summary>"Sav's hedging argument: which author and journal is it drawn from?": a work an author cites is his when the question asks what he draws on.</summary>
    private static bool DrawnOn(Passage p, string author, QuestionTerms terms) =>
        !terms.AsksDate && p is { RecordKind: RecordKind.Source, Kind: PassageKind.Name } && p.CitedAuthors.Contains(author) && CitedWorkAsked().IsMatch(terms.Asked);

    [GeneratedRegex(@" (?:cite|cites|cited|citing|drawn|draws|draw|drew|endnote|endnotes|footnote|footnotes|bibliography|borrowed|borrows|relies|relied|rely|based on|used by|used in|uses|referenced|references|invokes|invoked) ")]
    private static partial Regex CitedWorkAsked();

    [GeneratedRegex(@" (?:in|per|from|according to|by) (?:the )?(\w+) (?:essay|piece|article|paper|brief )?| the (\w+) (?:essay|piece|article|paper|brief) ")]
    private static partial Regex VenueCue();

    [GeneratedRegex(@" (?:which|what) (?:\w+ )?(?:countries|states|nations|neighbours|neighbors|members) | (?:countries|states|nations|neighbours|neighbors|members) (?:\w+ )*(?:which|what) ones ")]
    private static partial Regex ManyStates();

    /// <summary>One of the records is the other's earlier or later version.</summary>
    private static bool SameLine(KnowledgeBase kb, string id, IReadOnlyList<string> matched) =>
        matched.Any(m => kb.Aliases.EarlierVersions(m).Contains(id) || kb.Aliases.EarlierVersions(id).Contains(m) || StateOfTheName(kb, id, m) || StateOfTheName(kb, m, id));

    // "What did NATO's Secretary General say …?": an office speaks through its holder, whose words must be in the passage.
    [GeneratedRegex(@"\b(?i:what|how) (?i:did|does|do|has|had) (?:(?<who>\p{Lu}[\p{L}-]+)|(?i:the )?(?:\p{Lu}[\p{L}-]*(?:'s|’s)? ){1,2}(?i:secretary (?<who>general)|defen[cs]e (?<who>minister)|prime (?<who>minister)|foreign (?<who>minister)|(?<who>president|ambassador|spokesperson|spokesman|commander|chief))) (?i:say|tell|declare|state|announce|claim|argue|write|promise|warn)\b")]
    private static partial Regex SpeakerAsked();

    /// <summary>The passage has the person say something: his name within four words of a verb of saying or a quotation.</summary>
    private static bool Speaks(string text, string who)
    {
        var tokens = TextNormalizer.Tokens(text);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] != who) continue;
            for (var j = Math.Max(0, i - 4); j <= Math.Min(tokens.Length - 1, i + 4); j++)
                if (SpeechVerb().IsMatch(tokens[j])) return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(?:say|says|said|saying|tell|tells|told|state|states|stated|declare|declares|declared|announce|announces|announced|claim|claims|claimed|argue|argues|argued|warn|warns|warned|quote|quotes|quoted|call|calls|called|describe|describes|described|stress|stresses|stressed|emphasize|emphasized|emphasizes|emphasise|emphasised|emphasises|insist|insists|insisted|promise|promised|write|writes|wrote|remark|remarked|according)$")]
    private static partial Regex SpeechVerb();

    /// <summary>"Yugoslavia" asked of 1999 is the "Federal Republic of Yugoslavia": a state named as a form of another's name.</summary>
    private static bool StateOfTheName(KnowledgeBase kb, string id, string other) =>
        kb.Get(id) is { Kind: RecordKind.Actor, Type: "state" } state && kb.Get(other) is { Kind: RecordKind.Actor, Type: "state" } form
        && form.Name.EndsWith(" of " + state.Name, StringComparison.Ordinal);

    /// <summary>A word that makes a question of a phrase; "srb trade surplus with CEFTA in 2022?" has none and asks for the value.</summary>
    [GeneratedRegex(@" (?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|does|did|do|can|could|would|will|should|has|have|had) ")]
    private static partial Regex AsksWord();

    [GeneratedRegex(@" (brief|paper|essay|article|report|study|piece|policy brief) ")]
    private static partial Regex DocumentWord();

    /// <summary>
    /// The passage says what the sources do not give ("The brief gives no date."). A passage that first states something
    /// and later qualifies it ("The sources give different sizes …; neither dates the total") is no caveat.
    /// </summary>
    /// <param name="anywhere">For a date question, a passage that anywhere says something goes undated answers no date.</param>
    public static bool IsCaveat(Passage p, bool anywhere = false)
    {
        var end = p.Text.IndexOf(". ", StringComparison.Ordinal);
        return Caveat().IsMatch(anywhere || end < 0 ? p.Text : p.Text[..end]);
    }

    /// <summary>The passage says the measure asked is left blank or not given ("the table leaves population … blank").</summary>
    private static bool BlankFor(PassageIndex index, Passage p, IReadOnlyList<string> measures)
    {
        var stems = measures.SelectMany(index.Expand).ToHashSet(StringComparer.Ordinal);
        return Blank().Matches(p.Text).Any(m => TextNormalizer.Tokens(m.Value).Any(t => stems.Contains(Stemmer.Stem(t))));
    }

    [GeneratedRegex(@"\b(?:leaves?|left)\b[^.;()]{0,100}?\b(?:blank|empty|unfilled)\b|\bno (?:figures?|numbers?|data|values?) (?:for|on)\b[^.;()]{0,80}", RegexOptions.IgnoreCase)]
    private static partial Regex Blank();

    [GeneratedRegex(@"\b(not to be confused with|gives? no|give no|names? no|does not (give|date|name|say|state|describe|mention|explain)|do not (give|date|name|say|state|explain)|neither .{0,40} (dates|names|gives|mentions)|no (date|figure|size|number|source) (is|for|of))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Caveat();

    [GeneratedRegex(@"^ (s )?(discusses|discussed|writes|wrote|argues|argued|says|said|reports|reported|notes|noted|cites|cited|names|gives|describes|calls|states|sees|holds|finds|treats|counts|lists|puts|dates|warns|suggests|presents|reads|expects) ")]
    private static partial Regex Attribution();

    [GeneratedRegex(@"(according to|as|per|in|by|cited by|citing) $")]
    private static partial Regex AttributionBefore();

    [GeneratedRegex(@"^\d[\d,.]*(–\d[\d,.]*)?$")]
    private static partial Regex QuantityToken();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\(?\b(?:as of|dated|in|of)\s+(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)?\s*\d{4}\)?", RegexOptions.IgnoreCase)]
    private static partial Regex AsOf();

    [GeneratedRegex(@"\b(became|become|becoming|elected|appointed|took office|sworn in|assumed|joined|since)\b", RegexOptions.IgnoreCase)]
    private static partial Regex BecameWords();

    [GeneratedRegex(@"\b(1[89]\d\d|20\d\d)\b")]
    internal static partial Regex Year();

    [GeneratedRegex(@"\b(?:paper|essay|brief|article|report|book) “")]
    private static partial Regex QuotedTitle();

    [GeneratedRegex(@"\b(title not given|no title|untitled)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TitleNotGiven();

    [GeneratedRegex(@"\bunnamed ((?:[\w-]+ ){0,2}[\w-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Unnamed();

    [GeneratedRegex(@"^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|hundreds|thousand|thousands|million|billion|none|no|dozens|half)$", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    private static readonly HashSet<string> ModelKinds = ["model", "models", "type", "types", "make", "variant", "variants", "version"];

    /// <summary>A weapon's designation: letters and a number joined by a hyphen ("M-84", "MiG-29"), a number-letter
    /// code ("2A7+") or "Type 59".</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z]{0,5}-\d{1,3}[A-Z]?s?\b|\b\d[A-Z]\d\+?|\bType \d+\b")]
    private static partial Regex Designation();
}

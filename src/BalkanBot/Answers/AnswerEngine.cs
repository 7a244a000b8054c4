using System.Diagnostics;
using System.Text.RegularExpressions;
using BalkanBot.Diagnostics;
using BalkanBot.Knowledge;
using BalkanBot.Retrieval;
using BalkanBot.Routing;

namespace BalkanBot.Answers;

/// <summary>
/// The one path every channel uses: read the message for its questions, and for each one route it, resolve it
/// against the conversation, find the passages that answer it, let the intent's handler lay the answer out, and
/// keep only what the passages back; then join the parts into one answer.
/// </summary>
public sealed partial class AnswerEngine
{
    private readonly KnowledgeBase _kb;
    private readonly IntentRouter _router;
    private readonly IConversationStore _conversations;
    private readonly TimeProvider _clock;
    private readonly Dictionary<IntentKind, IIntentHandler> _handlers;
    private readonly IAnswerPhraser? _phraser;
    private readonly IModelAnswerer? _model;
    private readonly FocusResolver _focus;
    private readonly EvidenceAnswers _evidence;
    private readonly ConversationRules _rules;
    private readonly AnswerLog? _log;
    private readonly ISubscriptionCommands? _subscriptions;

    public KnowledgeBase Knowledge => _kb;

    /// <param name="handlers">One per intent (Handlers.IntentHandlers); two for one intent fail at start.</param>
    /// <param name="subscriptions">Digest subscription commands, when digests are wired in; without them
    /// "subscribe weekly" is answered with where subscriptions are made.</param>
    /// <param name="model">The knowledge-function answerer, registered only when Llm:UseKnowledgeFunctions is on.</param>
    public AnswerEngine(KnowledgeBase kb, IEnumerable<IIntentHandler> handlers, TimeProvider? clock = null, IConversationStore? conversations = null,
        IAnswerPhraser? phraser = null, ISubscriptionCommands? subscriptions = null, AnswerLog? log = null, IModelAnswerer? model = null)
    {
        _model = model;
        _log = log;
        _kb = kb;
        _clock = clock ?? TimeProvider.System;
        _router = new IntentRouter(kb, _clock);
        _conversations = conversations ?? new ConversationStore(_clock);
        _phraser = phraser;
        _subscriptions = subscriptions;
        _focus = new FocusResolver(kb);
        _evidence = new EvidenceAnswers(kb);
        _rules = new ConversationRules(kb);
        _handlers = [];
        foreach (var h in handlers)
            if (!_handlers.TryAdd(h.Intent, h)) throw new InvalidOperationException($"Two handlers registered for intent {h.Intent}.");
        foreach (var required in new[] { IntentKind.Overview, IntentKind.Help })
            if (!_handlers.ContainsKey(required)) throw new InvalidOperationException($"No handler registered for intent {required}.");
    }

    public bool PhrasingEnabled => _phraser?.Enabled == true;

    public async Task<Answer> AnswerAsync(Question question, CancellationToken cancellationToken = default)
    {
        using var span = Telemetry.Source.StartActivity(Telemetry.Spans.Answer);
        span?.SetTag(Telemetry.Tags.Channel, question.Channel);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await AnswerOnceAsync(question, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            Telemetry.AnswerRecorded(span, question.Channel, answer.Intent.ToString(), answer.Answered, elapsed);
            _log?.Answered(question, answer, elapsed);
            return answer;
        }
        catch (Exception ex)
        {
            Telemetry.Failed(span, ex);
            throw;
        }
    }

    private async Task<Answer> AnswerOnceAsync(Question question, CancellationToken cancellationToken)
    {
        var read = MessageReader.Read(question.Text);
        // A lone part is routed here once: a subscription command goes to the digests, anything else on to the answer.
        var single = read.Parts.Count == 1 ? _router.Route(read.Parts[0]) : null;
        if (single is { Intent: IntentKind.Subscription, SubscriptionCommand: { } command } && _subscriptions is not null)
            return await _subscriptions.HandleAsync(question, command, cancellationToken).ConfigureAwait(false);
        // Memory shared between instances is read before and written after, outside the synchronous answer path.
        await _conversations.LoadAsync(question.Channel, question.ConversationId, cancellationToken).ConfigureAwait(false);
        var answer = Answer(question, read, single);
        await _conversations.SaveAsync(question.Channel, question.ConversationId, cancellationToken).ConfigureAwait(false);
        // A question the deterministic path answers poorly may go to the model; its checked answer, or the
        // deterministic one unchanged (the time for phrasing is spent), is what is sent.
        if (_model is { Enabled: true } && ModelRoute.Why(read, answer) is { } why)
            return await _model.AnswerAsync(question, answer, why, cancellationToken).ConfigureAwait(false) ?? answer;
        if (answer.Answered && _phraser is { Enabled: true } && answer.Intent is not (IntentKind.Help or IntentKind.Feedback or IntentKind.Sources))
            answer = await _phraser.PhraseAsync(answer, cancellationToken).ConfigureAwait(false);
        return answer;
    }

    /// <summary>
    /// How a message is read and which passages the gate accepts ("+") or rejects ("-") for each part, in a new
    /// conversation: for `ask --explain`, when an answer needs explaining.
    /// </summary>
    public IReadOnlyList<string> Explain(string text)
    {
        var read = MessageReader.Read(text);
        var lines = new List<string>();
        if (read.Note is not null) lines.Add($"note: {read.Note}");
        foreach (var premise in read.Premises) lines.Add($"premise (checked, not assumed): {premise}");
        var named = NamedInPremises(read);
        foreach (var part in read.Parts)
        {
            var (routed, focus) = _focus.Resolve(WithNamesBefore(_router.Route(part), part, ref named), null);
            lines.Add($"part: {part}");
            lines.Add($"  intent: {routed.Intent}; period: {routed.Period?.Label ?? "none"}; records in focus: {string.Join(", ", focus.Select(f => f.Id))}");
            lines.AddRange(EvidenceFinder.Find(_kb, routed, focus).Explain());
        }
        return lines;
    }

    [GeneratedRegex(@"\b(?:he|him|his|she|her)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalPronoun();

    [GeneratedRegex(@"\b(?:its|their)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OwnerPronoun();

    /// <summary>
    /// "what could weaken it?", "what worries it?", "whose work is cited for it?": "it" after a verb or its preposition,
    /// the thing the part before named.
    /// </summary>
    [GeneratedRegex(@"^\W*(?:and )?(?:what|which|who|whose|how) (?:\w+ ){0,4}?\w+ (?:(?:for|about|on|of|in|by|with|from|to|behind) )?(?:it|them)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ObjectIt();

    private static readonly HashSet<string> FormWords = ["worded", "phrased", "formulated", "wording", "spelled", "spelt", "called", "named", "located"];

    // "Which article sets out the guarantee, and how is it worded?" asks for the clause itself.
    [GeneratedRegex(@"\b(?:add|added|adding|adds|include|included|including|insert|inserted|invoke|invoked|invoking|activate|activated|trigger|triggered|amend|amended|introduce|introduced)\b|\b(?:which|what) (?:\w+ )?(?:article|clause|section|provision|paragraph)s?\b|\bhow is (?:it|the clause|the guarantee) (?:worded|phrased|formulated)\b|\b(?:wording|text) of (?:the|its) (?:clause|guarantee|commitment)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ActOnAClause();

    /// <summary>The deterministic answer, without optional phrasing.</summary>
    public Answer Answer(Question question) => Answer(question, MessageReader.Read(question.Text), null);

    /// <param name="single">The routing of the message's only part, when the caller has already routed it.</param>
    private Answer Answer(Question question, ReadMessage read, RoutedQuestion? single)
    {
        if (read.Parts.Count == 0)
            return string.IsNullOrWhiteSpace(question.Text) ? AnswerPart("", question) : NoQuestion(question);
        // A premise stated before the question is checked against the sources, and a false one corrected first; what it
        // names is what "it" means in the question that follows ("Given the pact's Article 5 clause, when was it signed?").
        var corrections = new List<Answer>();
        foreach (var premise in read.Premises)
        {
            var routed = _router.Route(premise);
            var records = routed.Mentions.Select(m => _kb.Get(m.RecordId)).OfType<KnowledgeRecord>().DistinctBy(r => r.Id).ToList();
            if (records.Count == 0) continue;
            var primary = PremiseSubject(routed) ?? records.FirstOrDefault(r => r.Kind is RecordKind.Agreement or RecordKind.Event) ?? records[0];
            records = [primary, .. records.Where(r => r.Id != primary.Id)];
            var correction = PremiseCheck.Check(_kb, premise, records);
            if (correction is not null) corrections.Add(Corrected(Unanswered(routed), correction, routed));
            Remember(question, corrections.LastOrDefault() ?? Unanswered(routed) with { Answered = true }, [primary, .. records.Where(r => r != primary)], routed);
        }
        // "In 2024 Antić wrote that no security pact was possible. What happened in March 2025?": what the author did
        // write comes first, found in the author's own views, so the later events are read against it.
        var viewsWritten = 0;
        foreach (var view in read.Reported)
            if (ReportedView(view, view.After.Length > 0 ? _router.Route(view.After).Period ?? SinceTheView(view) : null) is { } written)
            {
                corrections.Add(written);
                viewsWritten++;
            }
        // "How many Leopards does Hungary have, and how many Gripens?": a part that names nothing but what it asks
        // for is about the states and people the part before it named. "… and in which month?" asks about the
        // previous answer itself, and "they", "it" point at it too: the conversation remembers it.
        var answers = new List<Answer>();
        // "Montenegro's been in NATO since 2009, yes? What does the Pupin brief say about when it joined?": what a premise
        // names is what "it" means in a part that names only the document it reads.
        var actors = NamedInPremises(read);
        // "Explain the EU-Mercosur agreement and which countries oppose it": "it" is what the sources do not know either.
        List<string> unknownNames = [];
        foreach (var p in read.Parts)
        {
            // "… Did that change?": a part that only asks whether the view held is answered with the view above.
            if (viewsWritten > 0 && EvidenceAnswers.AsksWhetherAViewHeld(p) && p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5) continue;
            var routed = WithNamesBefore(WithPersonAnswered(single ?? _router.Route(p), p, answers), p, ref actors);
            var termsHere = QuestionTerms.From(routed, [], _kb.Vocabulary);
            var unknownHere = termsHere.UnknownNames;
            // "Antić mentions an American base in Kosovo. What is it called and where is it?": where the part before found
            // nothing, an "it" question that asks nothing of its own has nothing in the sources to stand for.
            // "Which article sets out the guarantee, and how is it worded?": how a thing is put asks nothing of its own.
            var leansOnNothing = routed.LeansOnContext && routed.Mentions.Count == 0 && answers.Count > 0 && !answers[^1].Answered
                                 && termsHere.Content.All(FormWords.Contains);
            answers.Add(unknownHere.Count == 0 && unknownNames.Count > 0 && routed.LeansOnContext
                ? Unanswered(routed) with { Text = EvidenceAnswers.NotMentioned(unknownNames, p.Trim().TrimEnd('?', '!', '.')) }
                : leansOnNothing
                ? Unanswered(routed) with { Text = $"The sources give no answer to the question before this one, so there is nothing for \"{p.Trim().TrimEnd('?', '!', '.')}\" to refer to." }
                : AnswerPart(p, question, routed));
            unknownNames.AddRange(unknownHere);
        }
        var parts = corrections.Concat(answers).ToList();
        var answer = AnswerComposition.Merge(parts, (question.Text ?? "").Trim());
        return read.Note is null ? answer : answer with { Note = read.Note };
    }

    /// <summary>
    /// The view of an author's that best matches what the asker says the author held, with its source; null where the
    /// speaker is not an author of the base's documents or none of their views matches at least two of its words.
    /// </summary>
    private Answer? ReportedView(ReportedView view, Period? later)
    {
        var who = _router.Route(view.Who).Mentions.FirstOrDefault(m => _kb.Authors.Contains(m.RecordId));
        if (who is null || _kb.Get(who.RecordId) is not { } author) return null;
        var routed = _router.Route(view.View);
        var asked = routed with { Mentions = routed.Mentions.Where(m => m.RecordId != who.RecordId).ToList(), Intent = IntentKind.Analysis, Period = null };
        var candidates = EvidenceFinder.Find(_kb, asked, [], limit: 40).Candidates;
        var denied = Denied(view.View);
        var hit = candidates
            .Where(h => h.Passage.RecordKind == RecordKind.Claim && h.Passage.CitedAuthors.Contains(who.RecordId) && h.MatchedTerms.Count >= 2)
            // "Antić wrote that there was no security pact": a view that denies something is best matched by a passage
            // that denies the same thing ("no mini-security pact to be had").
            .OrderByDescending(h => DeniesAny(h.Passage, h.MatchedTerms.Where(m => _kb.Passages.Expand(m).Any(denied.Contains))))
            .ThenByDescending(h => h.MatchedTerms.Count).ThenByDescending(h => h.Score).FirstOrDefault();
        if (hit is null) return null;
        var b = new AnswerBuilder(_kb, asked) { Title = $"What {author.ShortName} wrote", Confidence = 0.7 };
        b.Text = AnswerBuilder.Markers(hit.Passage.Text, b.Cite(hit.Passage.Cite));
        b.UseRecord(hit.Passage.RecordId);
        // "… what happened in March 2025?": the agreement or event of the later period that concerns the same thing.
        if (later is not null)
        {
            var words = routed.Terms.Distinct(StringComparer.Ordinal).ToList();
            var after = _kb.InPeriod(later.From, later.To, [RecordKind.Agreement, RecordKind.Event])
                .Select(r => (Record: r, Matched: words.Count(w => _kb.Passages.OfRecord(r.Id).Any(p => _kb.Passages.Matches(p, w)))))
                .Where(x => x.Matched >= 2)
                .OrderByDescending(x => x.Matched).FirstOrDefault().Record;
            if (after is { Date: { } date } && _kb.Passages.OfRecord(after.Id).FirstOrDefault(p => p.Kind == PassageKind.Summary) is { } summary)
            {
                b.Fact($"{date.Display}: {after.ShortName}", summary.Text, summary.Cite);
                b.UseRecord(after.Id);
            }
        }
        return b.Build();
    }

    /// <summary>
    /// "In 2024 Antić said the Open Balkan was alive. Did that hold?": with no later period given, a question whether a
    /// view held looks at everything after the view's year.
    /// </summary>
    private static Period? SinceTheView(ReportedView view) =>
        view.Year is { } year && EvidenceAnswers.AsksWhetherAViewHeld(view.After)
            ? new Period(new DateOnly(year + 1, 1, 1), new DateOnly(year + 50, 12, 31), $"after {year}")
            : null;

    /// <summary>Whether the passage puts "no", "not" or "never" just before one of the words matched.</summary>
    private bool DeniesAny(Passage passage, IEnumerable<string> matched)
    {
        var tokens = TextNormalizer.Tokens(passage.Text);
        var at = EvidenceFinder.Positions(tokens, matched.SelectMany(_kb.Passages.Expand).ToHashSet(StringComparer.Ordinal));
        return at.Any(i => Enumerable.Range(Math.Max(0, i - 3), Math.Min(3, i)).Any(j => tokens[j] is "no" or "not" or "never"));
    }

    /// <summary>The words a view denies: those within three words after "no", "not", "never" … ("no security pact").</summary>
    private HashSet<string> Denied(string view)
    {
        var tokens = TextNormalizer.Tokens(view);
        var denied = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!Denial().IsMatch(tokens[i])) continue;
            foreach (var t in tokens.Skip(i + 1).Take(3)) denied.UnionWith(_kb.Passages.Expand(t));
        }
        return denied;
    }

    [GeneratedRegex(@"^(?:no|not|never|without|impossible|isn't|wasn't|aren't|weren't|won't|cannot|can't|n't|isnt|wasnt|arent|werent|wont|cant)$", RegexOptions.IgnoreCase)]
    private static partial Regex Denial();

    /// <summary>
    /// What the last premise that names anything names; where its states stand for their agreement ("the Serbia–Hungary
    /// plan contains …"), the agreement first.
    /// </summary>
    private List<EntityMention> NamedInPremises(ReadMessage read)
    {
        var routed = read.Premises.Select(pr => _router.Route(pr)).LastOrDefault(r => r.Mentions.Count > 0);
        if (routed is null) return [];
        var mentions = routed.Mentions.ToList();
        // "The Tirana Declaration is a binding Article 5 treaty": the first agreement or event named is what the premise
        // is about; another one named after it says what the premise claims the first one is.
        var subjectRecord = mentions.OrderBy(m => m.TokenStart).FirstOrDefault(m => m.Kind is RecordKind.Agreement or RecordKind.Event);
        if (subjectRecord is not null)
            mentions.RemoveAll(m => m.Kind is RecordKind.Agreement or RecordKind.Event && m.RecordId != subjectRecord.RecordId && m.TokenStart > subjectRecord.TokenStart);
        if (mentions.All(m => m.Kind == RecordKind.Actor) && PremiseSubject(routed) is { } subject)
            mentions.Insert(0, MentionOf(subject));
        return mentions;
    }

    /// <summary>A record the question does not name in words, taken as if it did: what a pronoun or premise stands for.</summary>
    private static EntityMention MentionOf(KnowledgeRecord r) => new(r.Id, r.Kind, TextNormalizer.Normalize(r.ShortName), 0, 0);

    /// <summary>
    /// "Which president called it 'very controversial', and what does Antić say happened to him?": "him" after an
    /// author's verb is not the author but the person the part before was answered with.
    /// </summary>
    private RoutedQuestion WithPersonAnswered(RoutedQuestion routed, string part, List<Answer> answers)
    {
        // "Who wrote the paper on …, and at which university did he study?": "he" is the person the part before was
        // answered with, when this part names no one.
        if (answers.Count > 0 && answers[^1].Answered && routed.Mentions.Count == 0 && PersonalPronoun().IsMatch(part)
            && answers[^1].RecordIds.Take(1).Select(_kb.Get).FirstOrDefault() is { Kind: RecordKind.Actor, Type: "person" } answered)
            return routed with { Mentions = [MentionOf(answered)] };
        if (answers.Count == 0 || !answers[^1].Answered || routed.Mentions.Count == 0 || !routed.Mentions.All(m => _kb.Authors.Contains(m.RecordId))
            || !PronounAfterAuthorsVerb().IsMatch(part))
            return routed;
        var person = answers[^1].RecordIds.Select(_kb.Get).OfType<KnowledgeRecord>()
            .FirstOrDefault(r => r is { Kind: RecordKind.Actor, Type: "person" } && !_kb.Authors.Contains(r.Id));
        return person is null ? routed
            : routed with { Mentions = [.. routed.Mentions, MentionOf(person)] };
    }

    [GeneratedRegex(@"\b(?:say|says|said|write|writes|wrote|think|thinks|argue|argues|claim|claims|report|reports)\b.*\b(?:he|him|his|she|her)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounAfterAuthorsVerb();

    /// <summary>A part that names nothing asks about what the part (or premise) before it named.</summary>
    private RoutedQuestion WithNamesBefore(RoutedQuestion routed, string part, ref List<EntityMention> actors)
    {
        // "How does the brief characterise the Orbán–Vučić relationship, and what could weaken it?": "it" is what the part
        // before named, where this part names nothing and asks something of its own.
        if (routed.Mentions.Count == 0 && actors.Count > 0 && (routed.Terms.Any(t => !QuestionTerms.IsAskingWord(t)) || routed.Terms.Count >= 3)
            && (!MessageReader.PointsBackAt(part) || ObjectIt().IsMatch(part))
            && routed.Intent is not (IntentKind.Help or IntentKind.Feedback or IntentKind.Sources or IntentKind.Subscription))
            return routed with { Mentions = actors };
        // "… ties with Russia? Antić and Sav don't read it the same way": authors who read "it" read the topic before.
        // "Who is Stefan Antić – what's his role?": "his" is the author named, not what came before.
        if (actors.Count > 0 && routed.Mentions.Count > 0 && routed.Mentions.All(m => _kb.Authors.Contains(m.RecordId))
            && MessageReader.PointsBackAt(routed.Mentions.Count == 1 ? PersonalPronoun().Replace(part, " ") : part))
        {
            var before = actors;
            return routed with { Mentions = [.. routed.Mentions, .. before.Where(a => routed.Mentions.All(m => m.RecordId != a.RecordId))] };
        }
        // "Which NATO programme does Serbia use, and since when has its cooperation with Russia been on hold?": "its" is
        // the state the part before asked about; the state this part names is the other side.
        // "How does Zagreb view Belgrade, and what Serbian behaviour worries it?": "it" is the one state the part before
        // named that this part does not.
        if (actors.Count > 0 && routed.Mentions.Count > 0 && (OwnerPronoun().IsMatch(part) || ObjectIt().IsMatch(part))
            && actors.Where(a => _kb.Get(a.RecordId) is { Kind: RecordKind.Actor, Type: "state" } && routed.Mentions.All(m => m.RecordId != a.RecordId))
                .DistinctBy(a => a.RecordId).ToList() is { Count: 1 } owner)
            routed = routed with { Mentions = [owner[0], .. routed.Mentions] };
        // "… the canal explosion happen, and how many people were arrested?": what the part before named, an event
        // as much as a state, is what a part that names nothing asks about.
        if (routed.Mentions.Count > 0) actors = routed.Mentions.ToList();
        return routed;
    }

    /// <summary>
    /// "The Serbia–Hungary pact contains an Article 5 clause": the states named before anything else stand for the
    /// agreement or event that involves them all, which is what the premise is about.
    /// </summary>
    private KnowledgeRecord? PremiseSubject(RoutedQuestion routed)
    {
        var ordered = routed.Mentions.OrderBy(m => m.TokenStart).ToList();
        var firstRecord = ordered.FindIndex(m => m.Kind is RecordKind.Agreement or RecordKind.Event);
        var leading = (firstRecord < 0 ? ordered : ordered.Take(firstRecord)).Where(m => m.Kind == RecordKind.Actor).DistinctBy(m => m.RecordId).ToList();
        // "… as Vučić implied": the states stand for their agreement; a leader named beside them is a voice about it.
        if (leading.Where(m => _kb.Get(m.RecordId) is { Type: "state" }).ToList() is { Count: >= 2 } states) leading = states;
        if (leading.Count < 2) return null;
        // "The 2025 Serbia–Hungary plan …": the year says which of their agreements, not a period to look through.
        var (_, focus) = _focus.Resolve(routed with { Mentions = leading, Period = null, Intent = IntentKind.Overview }, null);
        return focus.FirstOrDefault(r => r.Kind is RecordKind.Agreement or RecordKind.Event);
    }

    private Answer AnswerPart(string text, Question question, RoutedQuestion? routedAlready = null)
    {
        var previous = _conversations.Find(question.Channel, question.ConversationId);
        var routed = routedAlready ?? _router.Route(text);
        if (routed.Intent is IntentKind.Help or IntentKind.Feedback or IntentKind.Sources or IntentKind.Subscription)
            return Dispatch(routed, [], previous);
        // "When were the Tirana Declaration and the Serbia–Hungary plan signed?": one answer per agreement or event.
        var named = routed.Mentions.Where(m => m.Kind is RecordKind.Agreement or RecordKind.Event).DistinctBy(m => m.RecordId).ToList();
        // "When were the Tirana Declaration and the Serbia–Hungary plan signed?": the states named beside one agreement
        // and outside its parties stand for another agreement, the one that involves them all.
        var outsiders = named.Count == 1 && _kb.Get(named[0].RecordId) is { Kind: RecordKind.Agreement } agreement
            ? routed.Mentions.Where(m => m.Kind == RecordKind.Actor && !agreement.Parties.Contains(m.RecordId)).DistinctBy(m => m.RecordId).ToList()
            : [];
        if ((named.Count >= 2 || outsiders.Count >= 2) && routed.Intent is IntentKind.Date or IntentKind.Parties)
        {
            IEnumerable<IReadOnlyList<EntityMention>> groups = outsiders.Count >= 2 && named.Count == 1
                ? [[named[0]], outsiders]
                : named.Take(MessageReader.MaxParts).Select(m => (IReadOnlyList<EntityMention>)[m]);
            // Each named thing is asked about in the question's own terms, the others' words left out.
            var each = groups.Select(g =>
            {
                var own = g.Count == 1 && _kb.Get(g[0].RecordId) is { } r
                    ? routed.Intent == IntentKind.Date
                        ? r.Kind == RecordKind.Agreement ? $"When was {RecordNames.The(r)} signed?" : $"When did {RecordNames.The(r)} happen?"
                        : $"Who signed {RecordNames.The(r)}?"
                    // The states by their names, however the asker wrote them ("SRB-HU").
                    : routed.Intent == IntentKind.Date
                        ? $"When did {PassageExtractor.Join(g.Select(m => _kb.Get(m.RecordId)?.ShortName).OfType<string>().ToList())} sign their {WordsAfter(routed, g)}?"
                        : RemoveNames(text, named);
                return AnswerRouted(_router.Route(own), question, own, previous);
            }).ToList();
            return AnswerComposition.Merge(each, text);
        }
        return AnswerRouted(routed, question, text, previous);
    }

    /// <summary>"… and the SRB-HU defence agreement": the words after the names, up to the next name, or "agreement".</summary>
    private static string WordsAfter(RoutedQuestion routed, IReadOnlyList<EntityMention> names)
    {
        var tokens = routed.Normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var from = names.Max(m => m.TokenStart + m.TokenCount);
        var next = routed.Mentions.Where(m => m.TokenStart >= from).Select(m => m.TokenStart).DefaultIfEmpty(tokens.Length).Min();
        var words = tokens[Math.Min(from, tokens.Length)..Math.Min(next, tokens.Length)].TakeWhile(t => t is not ("and" or "or")).ToList();
        return words.Count > 0 && words.Count <= 5 ? string.Join(' ', words) : "agreement";
    }

    /// <summary>The question without the names of the given records ("… the Tirana Declaration and the Serbia–Hungary plan …").</summary>
    private static string RemoveNames(string text, IEnumerable<EntityMention> mentions)
    {
        var tokens = TextNormalizer.Tokens(text).ToList();
        foreach (var m in mentions.OrderByDescending(m => m.TokenStart))
            if (m.TokenStart + m.TokenCount <= tokens.Count) tokens.RemoveRange(m.TokenStart, m.TokenCount);
        return string.Join(' ', tokens.Where((t, i) => !(t is "and" or "the" && (i == 0 || tokens[i - 1] is "and" or "the" or "were" or "was")))).Trim() + "?";
    }

    private Answer AnswerRouted(RoutedQuestion routed, Question question, string text, ConversationState? previous)
    {
        List<KnowledgeRecord> focus;
        (routed, focus) = _focus.Resolve(routed, previous);
        if ((_rules.PartyFollowUp(routed, focus, previous) ?? _rules.NotComparable(routed) ?? _evidence.WrittenBefore(routed)) is { } rule)
        {
            if (rule.Answered) Remember(question, rule, focus, routed);
            return rule;
        }
        var evidence = EvidenceFinder.Find(_kb, routed, focus);
        var answer = _evidence.Reconcile(routed, focus, evidence, Dispatch(routed, focus, previous));
        if (PremiseCheck.Check(_kb, text, focus) is { } correction)
        {
            var confirm = PremiseCheck.AsksToConfirm(text);
            // "When did they add a mutual defence clause?" asks about the very thing the sources say is not there: the
            // agreement's own date answers nothing of it.
            var asks = PremiseCheck.OpensOnAQuestionWord(text);
            var aboutTheMissing = asks && ActOnAClause().IsMatch(text);
            var unanswered = !confirm && (!answer.Answered || aboutTheMissing);
            answer = Corrected(confirm || aboutTheMissing ? Unanswered(routed) : answer, correction, routed);
            // "When did Serbia and Hungary add a mutual defence clause?": the correction is all there is, and the question
            // it corrects ("when …?") has no answer; a yes-or-no question ("Does it have one?") is answered by the "No".
            if (unanswered && asks) answer = answer with { Answered = false, Confidence = 0 };
            // The conversation is now about what was corrected: "then tell me when it was signed".
            if (_kb.Get(correction.RecordId) is { } corrected) focus = [corrected, .. focus.Where(f => f.Id != corrected.Id)];
        }
        // Where nothing was named, what the answer is about is what "it" and "his" mean next, not the first guess.
        if (answer.Answered)
            Remember(question, answer, routed.Mentions.Count == 0 && !routed.LeansOnContext && answer.RecordIds.Count > 0
                ? answer.RecordIds.Take(2).Select(_kb.Get).OfType<KnowledgeRecord>().ToList()
                : focus, routed);
        // Declined, but what it named is still what "it" and "they" mean next: "when did Croatia order its
        // Rafales, and what did they cost?"
        else if (focus.Where(f => routed.Mentions.Any(m => m.RecordId == f.Id)).ToList() is { Count: > 0 } named)
            Remember(question, answer, named, routed);
        return answer;
    }

    private void Remember(Question question, Answer answer, IReadOnlyList<KnowledgeRecord> focus, RoutedQuestion routed) =>
        _conversations.Put(question.Channel, question.ConversationId,
            new ConversationState(answer, focus.Select(f => f.Id).ToList(), routed.Measure, routed.Period, _clock.GetUtcNow()));

    /// <summary>The correction of a false premise comes first, then the answer to what was really asked.</summary>
    private Answer Corrected(Answer answer, PremiseCheck.Correction correction, RoutedQuestion routed)
    {
        var b = new AnswerBuilder(_kb, routed) { Title = answer.Answered ? answer.Title : RecordFacts.NameOf(_kb, correction.RecordId), Confidence = 0.9 };
        b.Text = AnswerBuilder.Markers(correction.Text, b.Cite(correction.Cite));
        b.UseRecord(correction.RecordId);
        var first = b.Build();
        return answer.Answered ? AnswerComposition.Merge([first, answer], routed.Original) with { Title = answer.Title, Intent = answer.Intent } : first;
    }

    private Answer Dispatch(RoutedQuestion routed, List<KnowledgeRecord> focus, ConversationState? previous)
    {
        var ctx = new HandlerContext(routed, _kb, focus, previous?.LastAnswer, _clock);
        switch (routed.Intent)
        {
            case IntentKind.Help or IntentKind.Feedback or IntentKind.Sources:
                return _handlers[routed.Intent].Handle(ctx)!;
            case IntentKind.Subscription:
                return _handlers[IntentKind.Help].Handle(ctx)! with
                {
                    Title = "Digests",
                    Text = "Digest subscriptions are made from a Teams or Slack conversation, where the digest can be delivered.",
                };
        }
        if (focus.Count == 0 && routed.Period is null && !(routed.Intent == IntentKind.Analysis && _focus.SpeaksTheBasesLanguage(routed)))
            return Unanswered(routed);
        // "What is Serbia's trade surplus with CEFTA?" asks for a figure in the words of a definition.
        if (routed.Intent == IntentKind.Overview && routed.Measure is not null
            && _handlers[IntentKind.Figures].Handle(ctx with { Question = routed with { Intent = IntentKind.Figures } }) is { } figure)
            return figure;
        if (routed.Intent is IntentKind.Overview && !_focus.CoversQuestion(routed, focus)) return Unanswered(routed);
        var handler = _handlers.GetValueOrDefault(routed.Intent) ?? _handlers[IntentKind.Overview];
        var answer = handler.Handle(ctx);
        // "Who signed the Dayton Agreement?" when the base names no parties: say so, and give what it does hold.
        if (answer is null && routed.Intent is IntentKind.Date or IntentKind.Parties or IntentKind.Figures
            && ctx.Primary is { Kind: RecordKind.Agreement or RecordKind.Event } primary && _handlers[IntentKind.Overview].Handle(ctx) is { } overview)
        {
            var missing = routed.Intent switch { IntentKind.Date => "date", IntentKind.Parties => "list of parties", _ => "figure" };
            // What the sources say about it is context, not the answer asked for.
            answer = overview with
            {
                Answered = false,
                Intent = routed.Intent,
                Text = $"The sources give no {missing} for this. What they do say: " + overview.Text,
                Confidence = Math.Min(overview.Confidence, 0.6),
            };
        }
        return answer ?? Unanswered(routed);
    }

    /// <summary>A message with nothing to read once its markup is gone (a script tag, an empty link).</summary>
    private Answer NoQuestion(Question question)
    {
        var help = AnswerPart("", question);
        return help with
        {
            Question = question.Text ?? "",
            Answered = false,
            Title = "No question found",
            Text = "I found no question in that message. Ask about an agreement, an incident, an actor or a figure.",
            Facts = [],
            Citations = [],
            RecordIds = [],
        };
    }

    /// <summary>A placeholder the evidence step replaces with an answer from passages or an honest decline.</summary>
    private static Answer Unanswered(RoutedQuestion q) => new()
    {
        Question = q.Original,
        Answered = false,
        Intent = q.Intent,
        Title = "No sourced answer",
        Text = "",
        Confidence = 0,
    };
}

using System.Collections.Frozen;
using System.Text.RegularExpressions;
using BalkanBot.Knowledge;

namespace BalkanBot.Routing;

/// <summary>
/// Deterministic intent classification: cue phrases decide the intent, the alias index supplies the entities,
/// and time expressions the period. No network, no model; the same message always routes the same way.
/// </summary>
public sealed partial class IntentRouter(KnowledgeBase kb, TimeProvider clock)
{
    public const int MaxQuestionLength = 1000;

    public RoutedQuestion Route(string text)
    {
        var original = text.Length > MaxQuestionLength ? text[..MaxQuestionLength] : text;
        var lower = original.ToLowerInvariant();
        var (mentions, corrected) = kb.Aliases.LinkWritten(original, kb.Vocabulary);
        // "How has CEFTA's membership chhanged since it was creaetd?": a slip in a word that says what kind of question it
        // is is mended before the question is read, names left as they were linked.
        var named0 = new HashSet<int>(mentions.SelectMany(m => Enumerable.Range(m.TokenStart, m.TokenCount)));
        corrected = corrected.Select((t, i) => named0.Contains(i) || t.Length < 5 || kb.Vocabulary.Contains(t) || Stopwords.IsStopword(t) || CueWords.Contains(t)
            ? t : Retrieval.Spelling.Nearest(t, CueWords) ?? t).ToArray();
        var linked = mentions;
        mentions = Dedupe(EarlierVersions(StatesNamingAgreement(mentions.Select(m => AgreementNamedBy(FoundingOf(m, corrected), corrected)).ToList(), corrected), corrected));
        var normalized = string.Join(' ', corrected);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        // "CEFTA 2006" names an agreement; the year in a name is no period asked about.
        var named = new HashSet<int>(linked.SelectMany(m => Enumerable.Range(m.TokenStart, m.TokenCount)));
        foreach (var m in linked)
            if (m.TokenStart + m.TokenCount is var after && after < corrected.Length && TimeExpressions.IsYear(corrected[after])
                && kb.Get(m.RecordId) is { } record && record.Aliases.Append(record.Name).Any(a => a.Contains(corrected[after], StringComparison.Ordinal)))
                named.Add(after);
        var period = TimeExpressions.Parse(corrected.Select((t, i) => named.Contains(i) && TimeExpressions.IsYear(t) ? "the" : t).ToArray(), today);
        Range? spanWords = null;
        // "between the 1999 bombing and the early 2000s", "from 1999 to the fall of Milošević": a span whose ends are
        // decades or dated events; an event that only marks an end is not what the question is about.
        if (TimeExpressions.Span(corrected, mentions.Select(m => (m.TokenStart, m.TokenCount, kb.Get(m.RecordId)?.Date)).ToList()) is { } span)
        {
            period = span.Period;
            spanWords = span.Words;
            var ends = mentions.Where((m, i) => span.Ends.Contains(i)).ToList();
            if (mentions.Count > ends.Count) mentions = mentions.Except(ends).ToList();
        }
        var covered = new HashSet<int>(mentions.SelectMany(m => Enumerable.Range(m.TokenStart, m.TokenCount)));
        if (spanWords is { } words) covered.UnionWith(Enumerable.Range(words.Start.Value, words.End.Value - words.Start.Value));
        var terms = corrected.Where((t, i) => !covered.Contains(i) && !Stopwords.IsStopword(t) && t.Length > 1 && !TimeExpressions.IsYear(t)).ToList();
        var unknown = terms.Where(t => !kb.Vocabulary.Contains(t) && !IntentWords.Contains(t) && !Measures.IsMeasureWord(t)).ToList();
        var intent = Classify(lower, normalized, corrected, mentions, period, kb.Authors, out var subscription);
        // "compare it with CEFTA" names one side and points at the other with "it".
        // "What did FR Yugoslavia announce it would join?": a pronoun after a name points at that name, not back.
        var pronoun = PronounCue().Match(" " + normalized + " ");
        var pronounAt = pronoun.Success ? normalized[..Math.Min(pronoun.Index, normalized.Length)].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length : -1;
        // "how many people did Kosovo arrest over it?": a pronoun after a preposition at the end is what the question
        // is about, the thing before, whatever states it names.
        // "Open Balkan vs the EU single market: where does it fall short?" names both sides before the pronoun, which
        // points at one of them.
        var leans = pronoun.Success && (intent == IntentKind.Compare
            ? mentions.Select(m => m.RecordId).Distinct().Count() < 2 || mentions.Any(m => m.TokenStart > pronounAt)
            : !mentions.Any(m => m.Kind is RecordKind.Agreement or RecordKind.Event)
              && (!mentions.Any(m => m.TokenStart < pronounAt) || TrailingObject().IsMatch(normalized)));
        var elliptical = EllipsisCue().IsMatch(normalized) && corrected.Length <= 6;

        return new RoutedQuestion
        {
            Original = original,
            Normalized = normalized,
            Intent = intent,
            Mentions = mentions,
            Sides = intent == IntentKind.Compare ? ComparisonSides.Split(original, mentions, kb) : [],
            Period = period,
            Measure = Measures.Detect(corrected),
            Kinds = KindsAsked(corrected),
            Terms = terms.Concat(mentions.SelectMany(m => m.Surface.Split(' '))).Distinct().ToList(),
            UnknownTerms = unknown,
            LeansOnContext = leans || elliptical,
            Elliptical = elliptical,
            SubscriptionCommand = subscription,
        };
    }

    private static IntentKind Classify(string lower, string norm, string[] t, IReadOnlyList<EntityMention> mentions, Period? period, IReadOnlySet<string> authors, out string? subscription)
    {
        subscription = null;
        var padded = " " + norm + " ";
        if (t.Length == 0 || norm is "help" or "h" or "commands" || HelpCue().IsMatch(padded)) return IntentKind.Help;
        if (SubscriptionCue().Match(padded) is { Success: true } sm) { subscription = sm.Value.Trim(); return IntentKind.Subscription; }
        if (SourcesCue().IsMatch(padded) && t.Length <= 6) return IntentKind.Sources;
        // "Thanks for the notes yesterday, very helpful. Give me a carbonara recipe": thanks before a request is a
        // courtesy; the request is what the message asks.
        if (FeedbackCue().IsMatch(padded) && mentions.Count == 0 && !RequestAfterThanks().IsMatch(lower)) return IntentKind.Feedback;
        // "the Pupin comparison table" names where a figure stands, not a comparison asked for.
        var compared = mentions.Count(m => m.Kind == RecordKind.Actor
                                           && !((string[])["", "military ", "force "]).Any(kind => padded.Contains(" " + m.Surface + " " + kind + "comparison ", StringComparison.Ordinal)));
        // "Sav vs Pupin view": two documents' authors set against each other are readings to contrast, not things to
        // measure side by side.
        var byAuthors = mentions.Where(m => authors.Contains(m.RecordId)).OrderBy(m => m.TokenStart).ToList();
        var readings = byAuthors.Count >= 2 && (mentions.Count - byAuthors.Count < 2
            || byAuthors.Zip(byAuthors.Skip(1)).Any(pair => pair.Second.TokenStart > pair.First.TokenStart + pair.First.TokenCount
                && t[(pair.First.TokenStart + pair.First.TokenCount)..pair.Second.TokenStart] is ["vs" or "versus" or "v"] or ["vs" or "versus" or "v", "the"]));
        // "… in 2010, compared with the 54 percent of 2022?": a figure set against a figure is a question about the figure.
        if (!readings && !FigureCompared().IsMatch(padded) && (CompareCue().IsMatch(compared >= 2 ? padded : ComparisonDocument().Replace(padded, " "))
            || (lower.Contains(" vs", StringComparison.Ordinal) && mentions.Count >= 2))) return IntentKind.Compare;
        if (TimelineCue().IsMatch(padded)) return IntentKind.Timeline;
        // "What do analysts mean by minilateralism?" asks for a definition, not for views.
        if (AnalysisCue().IsMatch(padded) && !DefinitionCue().IsMatch(padded)) return IntentKind.Analysis;
        if (DateCue().IsMatch(padded)) return IntentKind.Date;
        if (FigureCue().IsMatch(padded)) return IntentKind.Figures;
        // "Does it create obligations between the signatories?" names the parties as the ones bound, not as what is asked.
        if (PartiesCue().IsMatch(BetweenTheParties().Replace(padded, " "))) return IntentKind.Parties;
        if (ListCue().IsMatch(padded)) return IntentKind.List;
        // "What did Serbia do in 2024?" asks for a timeline; "in which village did the 2023 attack happen?" for one thing.
        if (period is not null && mentions.Any(m => m.Kind == RecordKind.Actor) && !mentions.Any(m => m.Kind is RecordKind.Agreement or RecordKind.Event)
            && !ThingAsked().IsMatch(padded))
            return IntentKind.Timeline;
        return IntentKind.Overview;
    }

    private static List<RecordKind> KindsAsked(string[] t)
    {
        var kinds = new List<RecordKind>();
        foreach (var w in t)
        {
            if (w is "agreement" or "agreements" or "treaty" or "treaties" or "declaration" or "declarations" or "pact" or "pacts" or "deal" or "deals" or "initiative" or "initiatives" or "alliances" or "accords")
                kinds.Add(RecordKind.Agreement);
            if (w is "incident" or "incidents" or "attack" or "attacks" or "events" or "clashes" or "deployments" or "developments")
                kinds.Add(RecordKind.Event);
            if (w is "figures" or "numbers" or "statistics" or "stats") kinds.Add(RecordKind.Figure);
            if (w is "claims" or "views" or "opinions" or "arguments" or "analysts" or "analysis") kinds.Add(RecordKind.Claim);
        }
        return kinds.Distinct().ToList();
    }

    /// <summary>
    /// "the Open Balkan founding states": an event's name that ends in "founding" before the word for its states or
    /// members describes those of the thing founded, which the words before it name.
    /// </summary>
    private EntityMention FoundingOf(EntityMention m, string[] tokens)
    {
        var next = m.TokenStart + m.TokenCount;
        if (m.Kind != RecordKind.Event || m.TokenCount < 2 || next >= tokens.Length || tokens[next - 1] is not ("founding" or "founder")
            || !PartyWords.Contains(tokens[next]) && tokens[next] is not ("states" or "countries" or "nations" or "leaders")) return m;
        return kb.Aliases.Find(tokens[m.TokenStart..(next - 1)]) is [var founded] && founded.TokenStart == 0 && founded.TokenCount == m.TokenCount - 1
            ? founded with { TokenStart = m.TokenStart }
            : m;
    }

    /// <summary>
    /// "the three Tirana signatories", "the Dayton parties": a place or state that begins an agreement's name, followed by
    /// a word for the agreement's parties, stands for that agreement.
    /// </summary>
    private EntityMention AgreementNamedBy(EntityMention m, string[] tokens)
    {
        var next = m.TokenStart + m.TokenCount;
        if (m.Kind != RecordKind.Actor || next >= tokens.Length) return m;
        // "the Tirana defence declaration": a capital, not the state's own name, before the kind of agreement within
        // two words is the agreement that place names.
        var byPlace = kb.Get(m.RecordId) is { } actor && m.Surface != TextNormalizer.Normalize(actor.Name)
                      && tokens.Skip(next).Take(3).Any(AgreementWords.Contains);
        if (!byPlace && !PartyWords.Contains(tokens[next])) return m;
        var prefix = m.Surface + " ";
        var named = kb.OfKind(RecordKind.Agreement)
            .Where(a => a.Aliases.Append(a.Name).Any(x => TextNormalizer.Normalize(x).StartsWith(prefix, StringComparison.Ordinal)))
            .Take(2).ToList();
        return named is [var agreement] ? m with { RecordId = agreement.Id, Kind = RecordKind.Agreement } : m;
    }

    /// <summary>
    /// "the AL-KS-HR pact", "the SRB-HU defence agreement": states written together before the kind of agreement are
    /// the agreement whose parties they are, when exactly one has those parties.
    /// </summary>
    private List<EntityMention> StatesNamingAgreement(List<EntityMention> mentions, string[] tokens)
    {
        var ordered = mentions.OrderBy(m => m.TokenStart).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var run = new List<EntityMention> { ordered[i] };
            while (i + run.Count < ordered.Count && ordered[i + run.Count - 1] is var prev && ordered[i + run.Count].TokenStart == prev.TokenStart + prev.TokenCount)
                run.Add(ordered[i + run.Count]);
            var end = run[^1].TokenStart + run[^1].TokenCount;
            if (run.Count < 2 || run.Any(m => kb.Get(m.RecordId) is not { Kind: RecordKind.Actor, Type: "state" })
                || !tokens.Skip(end).Take(2).Any(AgreementWords.Contains)) continue;
            var states = run.Select(m => m.RecordId).ToHashSet(StringComparer.Ordinal);
            var agreements = kb.OfKind(RecordKind.Agreement).Where(a => a.Parties.Count == states.Count && a.Parties.All(states.Contains)).Take(2).ToList();
            if (agreements is not [var agreement]) continue;
            var named = new EntityMention(agreement.Id, RecordKind.Agreement, string.Join(' ', tokens[run[0].TokenStart..end]), run[0].TokenStart, end - run[0].TokenStart);
            return ordered.Take(i).Append(named).Concat(ordered.Skip(i + run.Count)).ToList();
        }
        return mentions;
    }

    /// <summary>
    /// "CEFTA's founding members", "CEFTA back in 1992": a bare name that an earlier version of the same agreement shares
    /// ("CEFTA 1992", "original CEFTA") names that version too when the question asks about its origins or its year.
    /// </summary>
    private List<EntityMention> EarlierVersions(List<EntityMention> mentions, string[] tokens)
    {
        // "How did CEFTA go from a Central European arrangement to a Balkan one?" asks about its whole history.
        var history = tokens.Any(OriginWords.Contains) || HistoryCue().IsMatch(" " + string.Join(' ', tokens) + " ");
        if (!history && !tokens.Any(TimeExpressions.IsYear)) return mentions;
        var added = new List<EntityMention>();
        foreach (var m in mentions)
        {
            foreach (var earlier in kb.Aliases.EarlierVersions(m.RecordId))
            {
                var year = kb.Get(earlier)?.Date?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (history || year is not null && tokens.Contains(year))
                    added.Add(m with { RecordId = earlier });
            }
        }
        return added.Count == 0 ? mentions : added.Concat(mentions).ToList();
    }

    [GeneratedRegex(@" (?:go|goes|went|gone|move|moved|turn|turned|evolve|evolved|change|changed|grow|grew) from | (?:history|evolution|evolved|transformed|transformation) | (?:change|changed|changes|evolve|develop|developed|grow|grew|shift|shifted) over (?:time|the years|the decades) ")]
    private static partial Regex HistoryCue();

    private static readonly HashSet<string> OriginWords =
        ["founding", "founded", "founder", "founders", "original", "originally", "origin", "origins", "established",
         "created", "creation", "began", "birth", "started", "inception"];

    private static readonly HashSet<string> AgreementWords =
        ["declaration", "pact", "agreement", "deal", "accord", "treaty", "plan", "charter", "memorandum"];

    private static readonly HashSet<string> PartyWords =
        ["signatories", "signatory", "signers", "signees", "parties", "members", "partners", "trio", "states", "countries"];

    /// <summary>One mention per record; an alias shared by several records keeps all of them.</summary>
    private static List<EntityMention> Dedupe(IReadOnlyList<EntityMention> mentions) =>
        mentions.GroupBy(m => m.RecordId).Select(g => g.First()).OrderBy(m => m.TokenStart).ToList();

    /// <summary>The words that say what kind of question it is, which a slip must not hide.</summary>
    private static readonly FrozenSet<string> CueWords = FrozenSet.Create(StringComparer.Ordinal,
        "changed", "change", "changes", "evolved", "evolve", "evolution", "developed", "develop", "development", "shifted", "history",
        "founded", "established", "created", "formed", "launched", "signed", "signing", "compare", "compared", "comparison", "difference",
        "differences", "differ", "between", "versus", "timeline", "chronology", "happened", "members", "member", "membership", "joined",
        "countries", "agreement", "agreements", "alliance", "figures", "numbers", "statistics", "according", "describe", "describes",
        "explain", "summarise", "summarize", "disagree", "disagreement", "recommend", "recommendations", "since", "before", "after");

    private static readonly HashSet<string> IntentWords =
    [
        "signed", "sign", "signing", "adopted", "adopt", "parties", "party", "members", "member", "countries", "states", "compare",
        "stack", "against", "timeline", "chronology", "why", "alliance", "military", "agreement", "agreements", "incidents", "incident",
        "happened", "views", "argue", "argues", "think", "sources", "source", "troops", "order", "ordered", "tanks", "aircraft", "jets",
        "figures", "figure", "numbers", "number", "statistics", "stats", "data", "give", "gives", "say", "says",
    ];

    // "help me" and "usage" ask for help only as the whole request: "help me understand the pact" and "Belloni's usage" do not.
    [GeneratedRegex(@" (what can you do|how do i use|how does this work|what do you know|who are you|what are you)(?: |$)|^ *(?:(?:can you |please )?help me|usage) *$")]
    private static partial Regex HelpCue();
    [GeneratedRegex(@" (unsubscribe|subscribe|my subscriptions|subscriptions|digest now|digest preview|send digest) ")]
    private static partial Regex SubscriptionCue();
    [GeneratedRegex(@" (show sources|sources|source|show the sources|where is (that|this) from|citations|references|cite) ")]
    private static partial Regex SourcesCue();
    [GeneratedRegex(@"^ ?(thanks|thank you|thx|great answer|good answer|bad answer|wrong answer|that is wrong|thats wrong|feedback|useful|not useful|helpful|not helpful)\b")]
    private static partial Regex FeedbackCue();
    [GeneratedRegex(@"[.!?]\s+(?:\W*)(?:what|when|who|whom|which|where|why|how|is|are|was|were|do|does|did|can|could|would|will|give|explain|tell|list|draft|write|show|summari[sz]e|describe|compare|translate|help)\b")]
    private static partial Regex RequestAfterThanks();
    [GeneratedRegex(@" (compare|comparison|compared|versus|vs|stack up|stacks up|stronger|weaker|more powerful|outmatch\w*|military balance|balance of power|difference between|differences between|differ from|measure up) ")]
    private static partial Regex CompareCue();
    /// <summary>"… in 2010, compared with the 54 percent of 2022": a figure set against a figure, not one thing against another.</summary>
    [GeneratedRegex(@" (?:compared (?:with|to)|versus|vs|against) (?=(?:the |its |their |a |an )?(?:\d|roughly \d|about \d|nearly \d|some \d))")]
    internal static partial Regex FigureCompared();
    [GeneratedRegex(@" (?:force |military )?comparison (?:table|chart|grid)s? ")]
    private static partial Regex ComparisonDocument();
    [GeneratedRegex(@" (timeline|chronology|what happened|what has happened|what s happened|whats happened|what was happening|what changed|what has changed|(?:had|has) (?:that|this|it|things|the picture) changed|sequence of events|developments in|events in|key events|happened in|evolved?|evolving|evolution of|developed over|development of|history of|over the years|over time|trajectory|(?:walk|take|run) (?:me |us )?through|step by step|unfolded|unfold) ")]
    private static partial Regex TimelineCue();
    [GeneratedRegex(@" (?:what (?:do|does|did|is) (?:\w+ ){0,3}mean(?:t)? by|what does (?:\w+ ){1,4}mean|definition of|define|defines|meaning of|stand for|stands for) ")]
    private static partial Regex DefinitionCue();
    [GeneratedRegex(@"^ (?:(?:in|at|on|from|under|by|with|to) )?(?:which|what) (?!(?:is|are|was|were|did|does|do|has|have|had|happened|changed|s|about|else|kind|sort|type)\b)\w+ |^ name the |^ where | (?:play|played|plays|turn|turned|pan|panned) out | (?:came|become|became) of |\boutcome of | (?:official|full|formal|exact|proper) (?:name|title) |^ what (?:was|is|were|are) the (?:\w+ )?(?:value|amount|sum|total|level|rate|share) ")]
    private static partial Regex ThingAsked();
    // "Could you confirm …" is a request, not a question about what could happen.
    [GeneratedRegex(@"^ ?((?:will|could|might|would)(?! you )|is there|are there|was there|should) | (why|how come|is (the |it |this |that )?.{0,60}(alliance|treaty|threat|binding|pact)|recommend|recommends|recommendation|recommendations|propose|proposes|proposals|advise|weakness|weaknesses|strengths|problems|criticism|critics|limits|limitations|benefits|impact|effects|annex|annexation|escalat\w*|do analysts|what do (the )?(sources|analysts|authors|experts)|views? on|argue|argues|assessment|assess|opinion|implications|significance|consequences|risk of|will .{0,40} (lead|escalate|cause)|motive|motives|reason|reasons|mean for|should) | how (?:does|do|did|will|would|could|might) (?!.{0,90} (?:between|since|from|over time|over the years) ).{0,60}(?:change|affect|alter|shift|transform|reshape|influence) ")]
    private static partial Regex AnalysisCue();
    [GeneratedRegex(@"^ ?(when|what date|which date|what year|which years?|what years|on what date|in what years?|in which years?|(?:the )?(?:exact |precise )?date of|since when)\b| (when was|when did|when were|what date|which years?|what years?|since when) |^ ?(dates?|signing dates?) (please |pls )?(for|of) | (what|which) (exact|precise) (date|day) | on (what|which) (exact |precise )?(day|date) | (what|which) (is|was|were) the (exact |precise )?(date|day|year) | (about|say|says|said) when (was|did|were|it|they|he|she) |^ ?(what|which) day | (both|the two|two|their) (signing )?dates ")]
    private static partial Regex DateCue();
    [GeneratedRegex(@" (how many|how much|number of|figure for|figures|numbers|statistics|stats|size of|strength of|how large|how big|troop numbers|troop strength|cost|price|worth|percent|share of) ")]
    private static partial Regex FigureCue();
    [GeneratedRegex(@" (who signed|who are the parties|who is in|who s in|who else|which countries|what countries|which states|members of|member states|parties to|parties of|signatories|who belongs|who participates|who joined|founders|founding members|who are the members|s parties|which of the parties|which parties) |^ which (?:of the )?(?:\w+ ){0,3}(?:parties|members|signatories|participants) (?:are|is|were|belong) ")]
    private static partial Regex PartiesCue();
    [GeneratedRegex(@" (?:between|among|amongst) (?:the|its|their) (?:signatories|parties|members|partners) ")]
    private static partial Regex BetweenTheParties();
    [GeneratedRegex(@" (which agreements|what agreements|list|which incidents|what incidents|incidents in|incidents involving|agreements of|agreements signed|deals|all agreements|all incidents|which events|what events|attacks in|procurements|purchases) ")]
    private static partial Regex ListCue();
    [GeneratedRegex(@" (over|about|for|from|after|against|on|in|with|behind|by) (it|this|that)$")]
    private static partial Regex TrailingObject();

    [GeneratedRegex(@" (it|its|this|that|they|them|their|he|his|him|she|her|hers|the agreement|the declaration|the deal|the pact|the plan|the initiative|the mission|the incident|the attack) ")]
    private static partial Regex PronounCue();
    [GeneratedRegex(@"^(and|what about|how about|and what about|same for|and for|what of)\b")]
    private static partial Regex EllipsisCue();
}

using System.Collections.Frozen;
using System.Text.RegularExpressions;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Retrieval;

/// <summary>
/// Sorts a question's words into what it asks about: the records it names, the content words a passage must
/// carry, the measure words a figure must be about, and the soft words of asking ("signed", "role") that help
/// ranking but are not themselves the topic.
/// </summary>
public sealed partial record QuestionTerms(
    IReadOnlyList<string> Entities,
    IReadOnlyList<string> Content,
    IReadOnlyList<string> Hard,
    IReadOnlySet<string> Soft,
    IReadOnlyList<string> Phrases,
    bool AsksCount,
    bool AsksShare)
{
    /// <summary>The organisations inside a counted phrase ("how many UN member states"), found once per question.</summary>
    public IReadOnlySet<string> CountedOrganisations { get; init; } = new HashSet<string>();
    /// <summary>The organisation whose states "which five EU member states …" asks to have named, found once per question.</summary>
    public IReadOnlySet<string> GroupOrganisations { get; init; } = new HashSet<string>();
    /// <summary>"Exactly how many …", "the exact number of …": a count, not "nearly half" or "over 4,500".</summary>
    public bool AsksExact { get; init; }

    /// <summary>"… at their follow-up summit in Zagreb": a later meeting of what is named, which a passage must speak of.</summary>
    public string? LaterMeeting { get; init; }

    /// <summary>"How many soldiers does Kosovo have?": a state's own forces, which a mission's or an alliance's troops there are not.</summary>
    public bool AsksOwnForces { get; init; }
    /// <summary>"When …?": the answer is a date, which a passage must carry.</summary>
    public bool AsksDate { get; init; }
    /// <summary>"Why was the Open Balkan set up?", "what reasons does the brief give …": the answer is a cause or a motive.</summary>
    public bool AsksWhy { get; init; }
    /// <summary>"When will Serbia receive its first Rafale?": a date still to come, which a past event's date does not give.</summary>
    public bool AsksFuture { get; init; }
    /// <summary>"On what exact day …?": a date to the day, which a month or a year does not give.</summary>
    public bool AsksDay { get; init; }
    /// <summary>"In which month of 2018 …", "what day and month …": a date finer than a year.</summary>
    public bool AsksMonth { get; init; }
    /// <summary>"Who is Hungary's defence minister?": the answer is a person, whom a passage must name.</summary>
    public bool AsksPerson { get; init; }
    /// <summary>"What is the population of …", "how large is …": the answer is a value.</summary>
    public bool AsksValue { get; init; }
    /// <summary>"How do Rama and Vučić see it differently?": each side is looked up on its own.</summary>
    public bool Contrast { get; init; }
    /// <summary>"The brief quotes a former ambassador on …. Who was it?": the sentence before says whom it asks for.</summary>
    public bool AsksWhoItWas { get; init; }
    /// <summary>
    /// "How much investment have Bosnia and Herzegovina and North Macedonia attracted?": two states joined by "and" as
    /// the subjects of one question ask the same of each, not about the two together.
    /// </summary>
    public bool Parallel { get; init; }
    /// <summary>"How many Gripens …": the thing counted, which the answer must be about.</summary>
    public string? Counted { get; init; }

    /// <summary>Every word of the counted phrase, asking words included: "states" in "how many EU states".</summary>
    public IReadOnlyList<string> CountedPhrase { get; init; } = [];
    /// <summary>The years the question names ("in 2024", "between 2007 and 2021").</summary>
    public IReadOnlyList<string> Years { get; init; } = [];
    /// <summary>Words the question writes in capitals ("SHAPE", "CEFTA"), lower-cased: names or acronyms, not plain words.</summary>
    public IReadOnlyList<string> Acronyms { get; init; } = [];
    /// <summary>The event or agreement a "when" question asks to date, where the question names it by its words.</summary>
    public string? DatedRecord { get; init; }
    /// <summary>The role words of a question about a person ("minister", "led").</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
    /// <summary>
    /// The thing a "what"/"which" phrase asks for, where it is a word of the base's own ("what legal basis did he
    /// cite" → basis): a passage that never speaks of it does not answer.
    /// </summary>
    public IReadOnlyList<string> Heads { get; init; } = [];

    /// <summary>"What aircraft and tank numbers …": the measures are asked one by one, and a passage may give either.</summary>
    public bool EitherMeasure { get; init; }

    /// <summary>"Whose release does Sav cite in endnote 33?": the cited documents at the notes the question gives by number.</summary>
    public IReadOnlySet<string> NotedSources { get; init; } = new HashSet<string>();

    private static readonly FrozenSet<string> SoftWords = """
        signed sign signing signature adopted adopt agreed founded found founding created create creation established establish
        formed form launched launch start started begin began begun mean means meaning role roles purpose exactly called
        call calls calling name names named title titled nickname nicknamed dubbed label labelled labeled stand stands acronym abbreviation full short parties party members member membership countries
        country states state nations agreement agreements deal deals pact pacts declaration initiative scheme schemes treaty key main core principal chief
        probably likely possibly perhaps presumably actual actually really truly
        involved involve involving behind describe described description brief briefs document documents source sources paper papers essays articles texts explainer explainers piece pieces
        author authors essay article say says said according recounted recounts recount view views position positions think consider considers
        important significance significant major big biggest largest happened happen happening occur occurred
        current currently today now date year years day days month time recent later earlier
        kind type sort exist exists existed lie lies official officially part join joined belong belongs stand
        question answer tell confirm explain detail details example examples near
        figure figures numbers number statistics stats data give gives given record records base hold holds
        city town place location venue held break broke broken erupt erupted outbreak take took taken
        come came become became get got gets getting gotten run ran wat wats whats wot pls plz thx abt consist consists consisted
        bunch lot lots generally broadly mainly mostly eventually nowadays anymore angle bit gist situation
        agree agreed disagree disagreement disagreements differ differs differed different difference differences
        version versions story stories account accounts contrast contrasts compared side sides position stance
        turn turned turning change changed changes changing evolve evolved evolving develop developed shift shifted
        dont doesnt didnt isnt arent wasnt werent don doesn didn isn aren wasn weren differently
        count counts counted estimate estimates put puts
        characterise characterises characterised characterize characterizes characterized portray portrays portrayed
        depict depicts depicted regard regards regarded next cast casts kinds types sorts style styled
        first originally initially original formal formally see sees saw view viewed regard regards read reads reading interpretation
        react reacted reaction reactions respond responded response define definition way use uses used post job hold
        holds look looked looking quick thing things kind sort stuff anyone someone somebody people persons individuals
        leader leaders officials politicians actors players good best nice great bad better worse favourite favorite recommend suggest
        background backgrounds bio biography profile career level levels tally force forces byline line lines caption captions
        guy guys folks ppl vis
        concretely specifically precisely exactly practically essentially basically actually really roughly conducted conducting standing relative relatively outset onset including internally inconsistent inconsistency inconsistencies contradictory
        request item items topic ask meant here fill please besides apart except aside
        itself themselves himself herself through body bodies accept accepts accepted label labels back saying others exact precise btw fyi imo tbh afaik iirc asap ok okay despite although though whereas notwithstanding
        discuss discusses discussed discussing discussion mention mentions mentioned mentioning note notes noted
        cite cites cited citing quote quotes quoted quoting writes writing refer refers referred new
        keep keeps kept seem seems seemed both bring brings brought
        walk step steps unfold unfolded unfolding combine combining combined together early late mid explains explained explaining
        signatories signatory signers carry carries carried bear bears bore regarding concerning
        attribute attributes attributed ascribe ascribes ascribed tells go goes went gone
        incident incidents event events episode episodes developments places achieve achieved achieving
        starts begins starting beginning talk talks talking talked existing intra inter overall features feature characteristics traits hallmarks re respectively talks supposed opening intro introduction section sections chapter paragraph list lists listed listing ones enough era towards toward trace traces traced comes coming docs doc
        breakdown english ukratko sta šta kada ko koji koja koje kako gdje gde zasto zašto sazetak sažetak molim hvala
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^ ?(?:why|how come|for what reason|what (?:was|is|were|are) the reasons? (?:for|behind|why)) ")]
    private static partial Regex ReasonAsked();

    [GeneratedRegex(@" (?:kind|type|form|sort|brand) of (\w+) (?:that |which )?(?:\w+ )?(?:calls|called|call|terms|termed|dubs|dubbed|labels|labelled|labeled|names|named) ")]
    private static partial Regex KindOfNamed();

    [GeneratedRegex(@", (?:triggering|prompting|sparking|provoking|causing|leading to|which (?:triggered|prompted|sparked|provoked|caused|led to)) ([^,.;?!]+)")]
    private static partial Regex Consequence();

    [GeneratedRegex(@" in (?:the|what|which|this|that|his|her|their) sense ")]
    private static partial Regex InTheSense();

    /// <summary>Verbs of stated intent: "threaten to ask", "vowed to block".</summary>
    private static readonly FrozenSet<string> IntentVerbs = FrozenSet.Create(StringComparer.Ordinal,
        "threaten", "threatens", "threatened", "threatening", "vow", "vows", "vowed", "pledge", "pledges", "pledged", "intend", "intends",
        "intended", "plan", "plans", "planned", "planning", "want", "wants", "wanted", "seek", "seeks", "sought", "seeking", "try", "tries", "tried", "trying",
        "attempt", "attempts", "attempted", "attempting", "hope", "hopes", "hoped", "hoping");

    [GeneratedRegex(@" (?:in|by) (?:\w+ s|his|her|their|its) (analysis|assessment|reading|estimation|judgement|judgment|telling) ")]
    private static partial Regex OwnReading();

    [GeneratedRegex(@" (?:what|which) (?:date|year|day) (?:does|do|did) ")]
    private static partial Regex WhatDate();

    [GeneratedRegex(@" euro (?:atlantic|area|zone|integration|mediterranean|asian) ")]
    private static partial Regex EuroCompound();

    [GeneratedRegex(@" (how many|how much|billion|billions|million|millions|amount|sum|total) ")]
    private static partial Regex MoneyCue();

    private static readonly FrozenSet<string> NumberWords =
        FrozenSet.Create(StringComparer.Ordinal, "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both", "all");

    private static bool AsksNotAbout(string word) => SoftWords.Contains(word);

    /// <summary>A word of asking ("signed", "role", "happened"), not of what is asked about.</summary>
    public static bool IsAskingWord(string word) => AsksNotAbout(word) || TimeWords.Contains(word);

    /// <summary>Quantities: a passage that answers must be about the same quantity, not merely the same country.</summary>
    private static readonly FrozenSet<string> ReportingVerbs = """
        warn warns warned caution cautions cautioned stress stresses stressed emphasize emphasizes emphasized emphasise
        emphasises emphasised insist insists insisted claim claims claimed argue argues argued state states stated declare
        declares declared tell tells told remark remarks remarked assert asserts asserted maintain maintains maintained
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> MeasureWords = """
        population inhabitants census troops soldiers personnel servicemen peacekeepers army tanks tank aircraft jets
        fighters planes helicopters drones submarines ships navy warships missiles rockets launchers artillery budget spend
        spending spent expenditure gdp salary salaries wages unemployment inflation debt exports imports surplus deficit
        casualties killed dead deaths wounded injured refugees migrants weather temperature clock distance length kilometres kilometers miles
        fee fees winner advisory spoken volume volumes rocket
        nuclear warheads reserves reservists conscripts conscription troop strength pay paid cost costs price worth
        died die dying fatalities victims prices priced euro range speed payload altitude calibre caliber
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    private static List<string> UnknownNamesIn(string original, List<string> unknown, ISet<string> vocabulary) =>
        unknown.Count == 0
            ? []
            : CapitalisedWord().Matches(original)
                .Where(m => !SentenceStart(original, m.Index) && unknown.Contains(m.Value.ToLowerInvariant()) && NextToName(original, m)
                            && !Spelling.NearAny(m.Value.ToLowerInvariant(), vocabulary))
                .Select(m => FirstNameBefore(original, m) + m.Value)
                // "Did Croatia buy HIMARS?": a name in capitals that the base never writes, in a question not typed in capitals.
                .Concat(original.Any(char.IsLower) ? AllCaps().Matches(original)
                    .Where(m => m.Length >= 4 && unknown.Contains(m.Value.ToLowerInvariant()) && !Spelling.NearAny(m.Value.ToLowerInvariant(), vocabulary))
                    .Select(m => m.Value) : [])
                // "what did nato secretary general mark rutte say": typed in lower case, a word the base never uses just
                // after a title is a name all the same.
                .Concat(original.Any(char.IsUpper) ? [] : TitledLowerName().Matches(original)
                    .Where(m => unknown.Contains(m.Groups["last"].Value) && !Spelling.NearAny(m.Groups["last"].Value, vocabulary))
                    .Select(m => m.Groups["name"].Value))
                .Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\b(?:secretary general|secretary|minister|president|premier|analyst|professor|ambassador|spokesman|spokeswoman|spokesperson|commander|general|envoy|mr|mrs|ms|dr)\s+(?<name>(?:\p{Ll}+\s+)?(?<last>\p{Ll}{3,}))\b|\b(?<name>(?:eu|nato|un|us|uk|osce)-(?<last>\p{Ll}{3,}))\b")]
    private static partial Regex TitledLowerName();

    /// <summary>"Mark " in "Secretary General Mark Rutte": the capitalised word just before the unknown one.</summary>
    private static string FirstNameBefore(string text, Match m)
    {
        var before = text[..m.Index];
        if (!before.EndsWith(' ')) return "";
        var word = before.TrimEnd().Split(' ')[^1];
        return word.Length > 1 && char.IsUpper(word[0]) && word.Skip(1).All(char.IsLower) ? word + " " : "";
    }

    /// <summary>
    /// The word stands beside another capitalised word ("Mark Rutte", "EU-Mercosur", "Secretary General Rutte"), as a
    /// name does; a lone capitalised word may be the person a pasted message addresses ("can you answer Ivan").
    /// </summary>
    private static bool NextToName(string text, Match m)
    {
        var before = text[..m.Index].TrimEnd(' ', '-');
        var after = text[(m.Index + m.Length)..].TrimStart(' ', '-');
        var left = before.Length > 0 && before.Length < m.Index ? before.Split(' ', '-')[^1] : "";
        var right = after.Length > 0 && after.Length < text.Length - m.Index - m.Length ? after.Split(' ', '-')[0] : "";
        return left.Length > 0 && char.IsUpper(left[0]) || right.Length > 0 && char.IsUpper(right[0]);
    }

    /// <summary>The word opens a sentence or a line, where any word is written with a capital.</summary>
    private static bool SentenceStart(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && (char.IsWhiteSpace(text[i]) || text[i] is '"' or '\'' or '“' or '‘' or '(' or '*' or '_' or '#' or '>' or '-')) i--;
        return i < 0 || text[i] is '.' or '?' or '!' or ':' or ';' or '\n' || text[index - 1] == '\n';
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{2,}(?![\p{L}\p{N}])")]
    private static partial Regex CapitalisedWord();

    /// <summary>"connected", "related", "linked": words that ask what ties two named things together.</summary>
    public static readonly FrozenSet<string> RelationWords = FrozenSet.Create(StringComparer.Ordinal,
        "connected", "connect", "connects", "connection", "connections", "related", "relate", "relates", "relation", "linked", "link",
        "links", "tied", "tie", "relationship", "fit", "fits");

    [GeneratedRegex(@" (?:do|did|would|according to) (?:the |most )?(analysts|experts|scholars|observers|commentators|researchers) ")]
    private static partial Regex GenericVoices();

    [GeneratedRegex(@"^ who (wrote|authored|penned|writes|co-wrote|cowrote) ")]
    private static partial Regex WhoWrote();

    [GeneratedRegex(@"\bi\.\s?e\.?(?=[\s,])|\bin other words\b", RegexOptions.IgnoreCase)]
    private static partial Regex Restated();

    [GeneratedRegex(@" (?:which|what|who are the|name the|list the) (two|three|four|five|six) (?!of )(?!(?:\w+ ){0,2}(?:states|countries|nations|members|governments) )")]
    private static partial Regex HowManyNamed();

    [GeneratedRegex(@" (?:conventional|military|relative|overall|combined|bilateral|comparative|regional|economic|political) strength ")]
    private static partial Regex KindOfStrength();

    /// <summary>What a "which/what …" phrase names when it asks for a quantity, not for a kind of thing.</summary>
    private static readonly FrozenSet<string> QuantityHeads = FrozenSet.Create(StringComparer.Ordinal,
        "number", "numbers", "figure", "figures", "total", "totals", "size", "amount", "level", "levels", "share", "percentage", "proportion",
        "value", "price", "strength", "toll", "count", "sum", "scale", "growth", "rate", "rates", "country", "countries", "state", "states", "nation", "nations");

    [GeneratedRegex(@"\b(working|acquired|acquire|acquires|got|gained|took|received|assumed|adopted)(?= (?:its|the|their|his|her|a) (?:\w+ )?(?:name|title)\b|(?<=working) (?:name|title)\b)")]
    private static partial Regex AroundAName();

    /// <summary>"What did Kurti say about …", "which resolution … under": the words of a what/which phrase before its verb.
    /// "the title under which the Open Balkan scheme was floated": a determiner after "which" opens a relative clause.</summary>
    [GeneratedRegex(@" (?:which|what) (?!(?:the|a|an|its|their|his|her|this|these|those) )((?:\w+ ){0,3}?\w+) (?=(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b)")]
    internal static partial Regex AskedPhrase();

    [GeneratedRegex(@" (?:how (?:many|much|large|big|strong)|number of|numbers|figures|totals|counts|most|largest|biggest|more|fewer|less) ")]
    private static partial Regex QuantityCue();

    [GeneratedRegex(@"^ what (?:did|does|do|has|have|had) (?:\w+ ){1,4}?(?:say|says|said|tell|tells|told|warn|warns|warned|write|writes|wrote|argue|argues|argued|claim|claims|claimed) ")]
    private static partial Regex SaidAbout();

    private static readonly FrozenSet<string> ShareAskingWords = FrozenSet.Create(StringComparer.Ordinal, "share", "percent", "percentage", "proportion");

    private static readonly FrozenSet<string> TimeWords = """
        today tomorrow yesterday tonight week weekend month year now currently latest recent recently past
        january february march april may june july august september october november december
        jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn winter
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Content words the question uses that the base never does, after spelling correction.</summary>
    public IReadOnlyList<string> Unknown { get; init; } = [];
    /// <summary>
    /// "Mark Rutte", "EU-Mercosur": a name written as a name, mid-sentence, that the base has never seen. What it names
    /// is not in the sources, whatever else the question shares with them.
    /// </summary>
    public IReadOnlyList<string> UnknownNames { get; init; } = [];

    /// <summary>The words that qualify the counted thing: "reserve" in "how many reserve troops".</summary>
    public IReadOnlyList<string> CountedModifiers { get; init; } = [];

    /// <summary>"Which country's battalion …": the answer is a state, one the question does not name itself.</summary>
    public bool AsksCountry { get; init; }
    /// <summary>"Which country's battalion …": the thing the state owns, which the answer must name beside it.</summary>
    public string? CountryOf { get; init; }
    /// <summary>
    /// "Antić gives totals for Serbia, Bosnia and Albania: what's the figure for Montenegro?": the one name the
    /// question ends on, after the others it lists as context; an answer must be about it.
    /// </summary>
    public string? EndsOn { get; init; }
    /// <summary>"Which company made …": the answer is a company the question does not name.</summary>
    public bool AsksCompany { get; init; }
    /// <summary>"Which article of the declaration …": the answer is a numbered provision, which a passage must cite.</summary>
    public bool AsksProvision { get; init; }
    /// <summary>"Where was it founded?": the answer is a place, which a passage must name.</summary>
    public bool AsksPlace { get; init; }
    /// <summary>"In which city …": a city is asked for, which a state's own name does not give.</summary>
    public bool AsksCity { get; init; }
    /// <summary>"Where is Nikovski from?", "Which country is Dodik from?": where a person comes from, not a place he names.</summary>
    public bool AsksOrigin { get; init; }
    /// <summary>"Where was Antić born?", "How old is Sav?": a person's birth, which no document gives for anyone.</summary>
    public bool AsksBirth { get; init; }
    /// <summary>"What was Antić's previous post before becoming editor?": an earlier office, which a passage calls former.</summary>
    public bool AsksEarlierPost { get; init; }
    /// <summary>"Which political party does Dodik lead?": a party of people, which a passage names as a party.</summary>
    public bool AsksParty { get; init; }
    /// <summary>The people whose words are asked for ("what did Kurti say about …"): an answer is theirs or cites them.</summary>
    public IReadOnlyList<string> Voices { get; init; } = [];
    /// <summary>The question's own words, normalised and padded with spaces: " where was the berlin process founded ".</summary>
    public string Asked { get; init; } = " ";
    /// <summary>"What was the total value of …", "how much …": the answer is an amount, which a passage must state.</summary>
    public bool AsksAmount { get; init; }
    /// <summary>"How did CEFTA's membership evolve?", "how has it changed over time?": what changed is asked.</summary>
    public bool AsksChange { get; init; }
    /// <summary>"the value in euros of …", "how many dollars": a sum of money, which a share or a count does not give.</summary>
    public bool AsksMoney { get; init; }
    /// <summary>
    /// "What is the name of the monastery …?", "what's it called?": the proper name of a thing the base has no record
    /// of; the word for the thing ("monastery"), or "" where the question points back at it.
    /// </summary>
    public string? NameOf { get; init; }

    private static readonly FrozenSet<string> HastyFunctionWords = FrozenSet.Create(StringComparer.Ordinal,
        "teh", "hte", "th", "adn", "nad", "taht", "tht", "waht", "whta", "wht", "wat", "wut", "wiht", "wth", "thier", "tehir", "abt", "bc", "cuz", "coz",
        "fo", "ot", "si", "ti", "ni", "od", "jsut", "juts", "plz", "pls", "thx", "ty", "ur", "yr", "wrt", "re", "fyi", "asap", "tho", "thru");

    public static QuestionTerms From(RoutedQuestion q, IReadOnlyList<KnowledgeRecord> focus, ISet<string>? vocabulary = null)
    {
        var mentionTokens = q.Mentions.SelectMany(m => m.Surface.Split(' ')).ToHashSet(StringComparer.Ordinal);
        var unknown = new List<string>();
        var adverbs = new HashSet<string>(StringComparer.Ordinal);
        // "M-84s", "Type 59s", "MiG-29": the number of a model is a word of the question, not a quantity.
        var models = Designator().Matches(q.Original).Select(m => m.Groups[1].Value).Where(n => !TimeExpressions.IsYear(n)).ToHashSet(StringComparer.Ordinal);
        var words = q.Terms.Select(t => t.Length > 1 && t[^1] == 's' && t[..^1].All(char.IsDigit) && models.Contains(t[..^1]) ? t[..^1] : t)
            // "American" is read as "united states", a name the alias index links; it is named, not a word to find.
            .Where(t => !mentionTokens.Contains(t) && !t.Contains(' ', StringComparison.Ordinal) && !TimeWords.Contains(t) && !TimeExpressions.IsYear(t)
                        && (t.Length > 1 && !t.All(char.IsDigit) || models.Contains(t))
                        // "actualy", "basicaly": a misspelt filler word the base does not use is no word to find.
                        && (vocabulary is null || vocabulary.Contains(t) || Spelling.Nearest(t, Stopwords.Long) is null)
                        // "kfor numbrs in teh pupin brief": a short function word typed in haste is no word to find.
                        && !(vocabulary is not null && !vocabulary.Contains(t) && HastyFunctionWords.Contains(t)))
            .Select(t =>
            {
                if (vocabulary is null || vocabulary.Contains(t) || vocabulary.Contains(Stemmer.Stem(t)) || SoftWords.Contains(t) || MeasureWords.Contains(t) || IntentVerbs.Contains(t)) return t;
                if (Spelling.Nearest(t, vocabulary) is { } fixedWord) return fixedWord;
                // "Sav keeps writting 'WB6'": a slip in a word that only frames the question.
                if (Spelling.Nearest(t, SoftWords) is { } softWord) return softWord;
                // "welcomed it wholeheartedly": a manner the documents do not use is the asker's wording.
                if (t.Length >= 6 && t.EndsWith("ly", StringComparison.Ordinal)) adverbs.Add(t);
                else unknown.Add(t);
                return t;
            }).Distinct().ToList();
        // "…, a law or a referendum or what?": the options offered are guesses at the answer, not what must be found.
        var offered = Offered().Match(q.Original) is { Success: true } options
            ? TextNormalizer.Tokens(options.Groups[1].Value).ToHashSet(StringComparer.Ordinal)
            : [];
        var padded = " " + q.Normalized + " ";
        // "What share of Serbia's trade is with Russia?": "share" asks for a part of a whole; it is not what the part
        // is of, and "Kosovo and Bosnia share a pattern" does not answer it.
        var shareAsked = padded.Contains(" percent", StringComparison.Ordinal) || padded.Contains(" percentage ", StringComparison.Ordinal)
                         || padded.Contains(" proportion ", StringComparison.Ordinal) || padded.Contains(" share of ", StringComparison.Ordinal);
        // "Hungary's air force", "Serbia's armed forces": the state's forces are the state.
        var forces = padded.Contains(" air force", StringComparison.Ordinal) || padded.Contains(" armed forces", StringComparison.Ordinal);
        var companyAsked = CompanyCue().IsMatch(padded);
        var consequence = words.Count >= 4 && Consequence().Match(q.Original) is { Success: true } after
            ? TextNormalizer.Tokens(after.Groups[1].Value).ToHashSet(StringComparer.Ordinal)
            : [];
        // "(41% Montenegrin, 33% Serb), what share identified as Bosniak?": figures the asker supplies in brackets are
        // given, not asked.
        var supplied = Parenthesised().Matches(q.Original).Where(m => m.Groups[1].Value.Any(char.IsDigit))
            .SelectMany(m => TextNormalizer.Tokens(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        var soft = words.Where(w => AsksNotAbout(w) || offered.Contains(w) || adverbs.Contains(w) || supplied.Contains(w) || shareAsked && ShareAskingWords.Contains(w)
                                    || forces && w is "air" or "armed"
                                    // "Which company …": the company is what is asked, named by its own name in the answer.
                                    || companyAsked && w is "company" or "companies" or "firm" or "firms" or "manufacturer" or "manufacturers" or "maker" or "makers"
                                    // "Where does Vujanović work?" asks for the employer her own record names.
                                    || w is "work" or "works" or "worked" && EmployerCue().IsMatch(padded)
                                    // "how many and what model?": the model is what is asked, not a word to find.
                                    // "which group welcomed it?" asks for a group, named by its own name in the answer.
                                    || w is "group" or "groups" && (padded.Contains(" which " + w + " ", StringComparison.Ordinal) || padded.Contains(" what " + w + " ", StringComparison.Ordinal))
                                    // "where did the total end up?" asks for the final figure, not about an end.
                                    || w is "end" && padded.Contains(" end up ", StringComparison.Ordinal)
                                    // "how close are the ties right now?" asks for a degree, now.
                                    || w is "close" && padded.Contains(" how close ", StringComparison.Ordinal)
                                    || w is "right" && padded.Contains(" right now ", StringComparison.Ordinal)
                                    // "How many EUFOR troops are on the ground?": where they are deployed, not a word to find.
                                    || w is "ground" && padded.Contains(" on the ground ", StringComparison.Ordinal)
                                    // "define hedging in the sense Nikolić applies it": the sense is whose reading, not a word to find.
                                    || w is "sense" && InTheSense().IsMatch(padded)
                                    // "What is the Orbán–Vučić relationship based on?" asks what it rests on, in any words.
                                    || w is "based" && padded.Contains(" based on ", StringComparison.Ordinal) && padded.Contains(" what ", StringComparison.Ordinal)
                                    // "What led Zagreb to …?" asks why, in any words.
                                    || w is "led" or "drove" or "motivated" or "prompted" or "pushed" or "caused" && padded.Contains(" what " + w + " ", StringComparison.Ordinal)
                                    // "What led Zagreb to line up with Tirana?": to line up is to align, whatever is lined up.
                                    || w is "line" or "lined" or "lining" && (padded.Contains(" " + w + " up ", StringComparison.Ordinal))
                                    || w is "up" && LineUp().IsMatch(padded)
                                    // "Where is the Pupin Initiative located?" asks for a place, which an address gives in any words.
                                    || w is "located" or "based" or "headquartered" or "situated" && PlaceCue().IsMatch(padded)
                                    // "How many police were arrested, triggering the trade blockade?": the clause after says
                                    // which event is meant; what is counted stands before it.
                                    || consequence.Contains(w)
                                    // "What date does the Pupin brief carry?": the verb only joins the date to what it dates.
                                    || w is "carry" or "carries" or "bear" or "bears" or "give" or "gives" or "show" or "shows" && WhatDate().IsMatch(padded)
                                    // "how many billion euros": the currency is the unit, which the passages write as a sign ("€42 billion").
                                    || w is "euro" or "euros" or "eur" or "dollar" or "dollars" or "usd" && MoneyCue().IsMatch(padded)
                                    // "Which official warned that US presence may not last?": a verb that reports a statement
                                    // only introduces it; what was said is the question.
                                    || ReportingVerbs.Contains(w) && padded.Contains(" " + w + " that ", StringComparison.Ordinal)
                                    // "reacted in opposite ways", "see it in different ways": how two things differ, which the
                                    // passage shows by setting them side by side.
                                    || w is "opposite" or "different" or "contrasting" or "differing" or "ways" && OppositeWays().IsMatch(padded)
                                    // "How solid is the Orbán–Vučić relationship?" asks for a judgement, which the sources give in words of their own.
                                    || w is "solid" or "strong" or "close" or "deep" or "stable" or "durable" or "firm" or "robust" or "tight" or "healthy" or "warm" or "cordial"
                                       && padded.Contains(" how " + w + " ", StringComparison.Ordinal)
                                    // "which piece of infrastructure": a piece of a thing is the thing.
                                    || w is "piece" or "pieces" && padded.Contains(" " + w + " of ", StringComparison.Ordinal)
                                    // "What role does Hungary play for Serbia?" asks the role, in any words.
                                    || w is "play" or "plays" or "played" or "playing" && RolePlayed().IsMatch(padded)
                                    || w is "model" or "models" or "variant" or "variants"
                                       && (padded.Contains(" what " + w + " ", StringComparison.Ordinal) || padded.Contains(" which " + w + " ", StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);
        // "Of the three Tirana signatories, which …": a number before a name counts what is named ("list the five EU
        // states" asks for the five, so it keeps its number).
        var normalizedTokens = q.Normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var m in q.Mentions)
            if (m.TokenStart > 2 && m.TokenStart <= normalizedTokens.Length && NumberWords.Contains(normalizedTokens[m.TokenStart - 1])
                && normalizedTokens[m.TokenStart - 2] is "the" or "these" or "those" && normalizedTokens[m.TokenStart - 3] is "of" or "among" or "between")
                soft.Add(normalizedTokens[m.TokenStart - 1]);
        // "wat did jon bolton say": a given name misspelt before a person's surname is part of the name.
        foreach (var m in q.Mentions)
            if (m.TokenStart > 0 && m.TokenStart <= normalizedTokens.Length && normalizedTokens[m.TokenStart - 1] is var given && unknown.Contains(given)
                && focus.FirstOrDefault(f => f.Id == m.RecordId) is { Kind: RecordKind.Actor, Type: "person" } person
                && TextNormalizer.Tokens(person.Name).Any(n => n.Length >= 3 && Spelling.WithinOneSlip(given, n)))
            {
                unknown.Remove(given);
                soft.Add(given);
            }
        // "Which three countries founded the original CEFTA?": the number says how many things the answer names; the
        // passage names them ("Poland, Hungary and Czechoslovakia") rather than counting them.
        // The number stands before a plural, with at most one word between ("which two strategic docs").
        bool BeforePlural(int i) => normalizedTokens[i + 1].EndsWith('s') || i + 2 < normalizedTokens.Length && normalizedTokens[i + 2].EndsWith('s');
        for (var i = 1; i + 1 < normalizedTokens.Length; i++)
            if (NumberWords.Contains(normalizedTokens[i]) && normalizedTokens[i - 1] is "which" or "what" && BeforePlural(i))
                soft.Add(normalizedTokens[i]);
            // "How did Bosnia's three main communities react?": a number that says how many of a thing there are is a
            // description, which the passage gives by naming them ("Serbs, Bosniaks and Croats").
            // "list the five EU states" asks for the five, so it keeps its number.
            else if (NumberWords.Contains(normalizedTokens[i]) && normalizedTokens[i - 1] is "s" or "the" or "its" or "their" or "his" or "her"
                     && !(i >= 2 && normalizedTokens[i - 2] is "list" or "name" or "identify" or "enumerate" or "give") && BeforePlural(i))
                soft.Add(normalizedTokens[i]);
        // "Brussels will again pay the price": a measure word inside a quotation is the document's wording, not a quantity asked.
        // "the 'Bakan Benelux' idea": a slip inside a quotation is mended like any other word.
        var phrases = Quoted(q.Original).Select(ph => vocabulary is null ? ph
            : string.Join(' ', ph.Split(' ').Select(w => vocabulary.Contains(w) || Stopwords.IsStopword(w) ? w : Spelling.Nearest(w, vocabulary) ?? w))).ToList();
        // "Open Balkan would only die if …": dying is a quantity only where deaths are counted ("how many died").
        var countsDeaths = padded.Contains(" how many ", StringComparison.Ordinal) || padded.Contains(" number of ", StringComparison.Ordinal)
                           || padded.Contains(" toll ", StringComparison.Ordinal);
        var hard = words.Where(w => MeasureWords.Contains(w) && !phrases.Any(ph => (" " + ph + " ").Contains(" " + w + " ", StringComparison.Ordinal))
                                    && (countsDeaths || w is not ("die" or "dying" or "died"))
                                    // "the euro figure" asks a sum in euros; "Euro-Atlantic" and the euro area do not.
                                    && !(w == "euro" && EuroCompound().IsMatch(padded))
                                    // "the length of their stay" is a time, which the passage gives in days, not a length.
                                    && !(w == "length" && LengthOfTime().IsMatch(padded))
                                    // "For how much did Serbia agree to buy 12 Rafale jets?": a number the asker gives says which
                                    // deal is meant; what is asked is something else.
                                    && !(OtherQuantityAsked().IsMatch(padded) && !padded.Contains(" how many ", StringComparison.Ordinal) && GivenNumberBefore(normalizedTokens, w))).ToList();
        // "Which resolution are the NATO peacekeepers working under?": what is asked for is a resolution; the troops say
        // whose it is. A measure binds the answer only where the question asks a quantity or the measure itself.
        var heads = AskedPhrase().Matches(padded).Select(m => m.Groups[1].Value.Split(' ')[^1]).ToList();
        if (hard.Count > 0 && heads.Count > 0 && !QuantityCue().IsMatch(padded)
            && heads.All(h => words.Contains(h) && !MeasureWords.Contains(h) && !QuantityHeads.Contains(h)))
            hard = [];
        // "What did Hegseth tell Europe about US troops staying?": what someone said about troops asks his words, not a number.
        if (hard.Count > 0 && !QuantityCue().IsMatch(padded) && SaidAbout().IsMatch(padded)) hard = [];
        // "How do the two blocs compare in conventional strength?": strength of a kind is a judgement, not a head count.
        if (hard.Contains("strength") && KindOfStrength().IsMatch(padded) && !QuantityCue().IsMatch(padded)) hard.Remove("strength");
        // "Why were EUFOR reserve troops sent to Bosnia?" asks a reason; the troops say what was sent, not a quantity.
        if (hard.Count > 0 && ReasonAsked().IsMatch(padded) && !QuantityCue().IsMatch(padded)) hard = [];
        // "Antić uses India as the example of a middle power. Which groupings does he list?": the words of the
        // context before the question help find the passage, but only the question's own words must be in it.
        // A precise ask (a person, a count, a date, a measure, a name) is about what the context describes: "The brief
        // quotes an analyst on …. Which analyst was it?" keeps the context's words.
        var questionSentence = LastSentence(q.Original);
        // "The brief quotes an analyst saying '…'. Who said that?": the question sentence after its context asks too.
        var datesOwnSentence = questionSentence.Length > 0 && WhenCue().IsMatch(" " + TextNormalizer.Normalize(questionSentence) + " ");
        var personAsked = PersonCue().IsMatch(padded) || questionSentence.Length > 0 && PersonCue().IsMatch(questionSentence);
        var nameOf = NameOfCue().Match(padded);
        var precise = personAsked || nameOf.Success
                      || padded.Contains(" how many ", StringComparison.Ordinal) || padded.Contains(" how much ", StringComparison.Ordinal)
                      // "Antić contrasts Albania's and Serbia's visions. When did Albania join NATO?": what a date question
                      // dates stands in its own sentence.
                      || WhenCue().IsMatch(padded) && !datesOwnSentence
                      || words.Any(MeasureWords.Contains);
        if (questionSentence.Length > 0 && !precise)
        {
            var own = TextNormalizer.Tokens(questionSentence).Select(t => Stemmer.Stem(Knowledge.AliasIndex.StateOf(t))).ToHashSet(StringComparer.Ordinal);
            // "… a classic game-theory trap. Which one?": a question that names nothing of its own asks about its context.
            var asked = words.Where(w => !soft.Contains(w) && own.Contains(Stemmer.Stem(w)) && w is not ("one" or "ones" or "thing" or "things")).ToList();
            if (asked.Count > 0 || datesOwnSentence)
                soft.UnionWith(words.Where(w => !soft.Contains(w) && !own.Contains(Stemmer.Stem(w)) && !MeasureWords.Contains(w)));
        }
        // "What happened in 2025 that changes that picture?": the period says what is asked; the clause after it only
        // ties the events to what was said before.
        if (q.Period is not null && HappenedClause().Match(questionSentence.Length > 0 ? questionSentence : padded) is { Success: true } clause)
        {
            var tail = TextNormalizer.Tokens(clause.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            soft.UnionWith(words.Where(tail.Contains));
        }
        // "how the census split" asks for its breakdown; "split on where it goes next" is a disagreement, which is the topic.
        if (padded.Contains(" split ", StringComparison.Ordinal) && !SplitOn().IsMatch(padded)) soft.Add("split");
        // "Which two EU prime ministers took opposite positions?": how many are asked for is the asker's, not a word the
        // passage writes.
        if (HowManyNamed().Match(padded) is { Success: true } many) soft.Add(many.Groups[1].Value);
        // "Who wrote the Horizons essay?": the writing is what the question asks of the document, not a word of it.
        if (WhoWrote().Match(padded) is { Success: true } wrote) soft.Add(wrote.Groups[1].Value);
        // "How does Antić describe minilateralism, i.e. what kind of arrangements is he talking about?": what follows
        // "i.e." says the same again in the asker's words.
        if (Restated().Match(q.Original) is { Success: true, Index: > 12 } restated)
            soft.UnionWith(TextNormalizer.Tokens(q.Original[(restated.Index + restated.Length)..]).Where(words.Contains));
        // "What do analysts mean by minilateralism?": the asker's word for whoever the sources are.
        if (GenericVoices().Match(padded) is { Success: true } voices) soft.Add(voices.Groups[1].Value);
        // "in relation to the Tirana Declaration", "with regard to": a preposition, not relations asked about.
        if (padded.Contains(" in relation to ", StringComparison.Ordinal) || padded.Contains(" with relation to ", StringComparison.Ordinal)) soft.Add("relation");
        if (padded.Contains(" with regard to ", StringComparison.Ordinal) || padded.Contains(" in regard to ", StringComparison.Ordinal)) soft.Add("regard");
        // "whose idea is it?": who proposed it, not an idea to find.
        if (padded.Contains(" whose idea ", StringComparison.Ordinal)) soft.Add("idea");
        // "in relation to the rest of the EU": the others, not a rest.
        if (padded.Contains(" the rest of ", StringComparison.Ordinal)) soft.Add("rest");
        // "Why, in Sav's analysis, …": whose reading is asked, not a word of it.
        if (OwnReading().Match(padded) is { Success: true } reading) soft.Add(reading.Groups[1].Value);
        // "How does Antić define the kind of cooperation he calls minilateralism?": the kind is what the term is a kind
        // of; the term named is what a definition must speak of.
        if (KindOfNamed().Match(padded) is { Success: true } genus) soft.Add(genus.Groups[1].Value);
        // "What did Dodik threaten to ask Moscow to do?": a stated intent frames the act, which is what is asked.
        foreach (var w in words)
            if (IntentVerbs.Contains(w) && padded.Contains(" " + w + " to ", StringComparison.Ordinal)) soft.Add(w);
        // "the working title under which it was floated before it acquired its current name": the words around a name
        // ask for the name.
        foreach (Match m in AroundAName().Matches(padded)) soft.Add(m.Groups[1].Value);
        // "Who makes up the Tirana trio?" asks who is in it, as "consists of" does.
        foreach (var w in words)
            if (w is "make" or "makes" or "made" or "making" && padded.Contains(" " + w + " up ", StringComparison.Ordinal)) soft.Add(w);
        // "In which capital was it signed?": the kind of place asked for is what the answer is, not a word it must carry.
        var placeKind = PlaceCue().Match(padded) is { Success: true } place && PlaceKind().Match(place.Value) is { Success: true } kind
            ? kind.Value.Trim() : null;
        if (placeKind is not null) soft.Add(placeKind);
        var content = words.Where(w => !soft.Contains(w)).ToList();
        // The names in the question; a follow-up without names is about the records the conversation is on.
        // A record guessed from the words alone (no name, no "it") is not something the question names.
        // "How many tanks does it field per the Pupin table?": "it" is what the conversation is about, beside the names.
        var entities = q.Mentions.Select(m => m.RecordId)
            .Concat(q.LeansOnContext ? focus.Select(f => f.Id) : []).Distinct().ToList();
        // "How is the Serbia–Hungary plan connected to the Tirana Declaration?": between two named things, the tie is
        // what is asked; the passages that name both say what it is.
        if (entities.Count >= 2 && content.Any(RelationWords.Contains))
        {
            soft.UnionWith(content.Where(RelationWords.Contains));
            content = content.Where(w => !RelationWords.Contains(w)).ToList();
        }
        var asksCount = padded.Contains(" how many ", StringComparison.Ordinal) || padded.Contains(" number of ", StringComparison.Ordinal)
                        || padded.Contains(" tally ", StringComparison.Ordinal) || padded.Contains(" vote count ", StringComparison.Ordinal)
                        || padded.Contains(" how much ", StringComparison.Ordinal);
        var asksShare = shareAsked || q.Original.Contains('%');
        var asksDate = q.Intent == IntentKind.Date && WhenCue().IsMatch(padded);
        // "Who signed it?" asks for parties; "the name of the defence minister who signed it" asks for a person.
        var asksPerson = personAsked
                         && (q.Intent is not (IntentKind.Parties or IntentKind.Compare) || RolesAsked(padded).Any(r => RoleNouns().IsMatch(r)));
        // "how many work permits", "how many reserve troops": the counted thing is the measure word of the phrase, or
        // its last known word; the known words before it qualify it.
        string? counted = null;
        List<string> modifiers = [];
        List<string> countedWords = [];
        if (CountedCue().Match(padded) is { Success: true } countedPhrase)
        {
            var group = countedPhrase.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(w => !CountStop().IsMatch(w)).ToList();
            countedWords = group.Where(w => words.Contains(w) && !unknown.Contains(w)).ToList();
            var known = group.Where(w => content.Contains(w) && !unknown.Contains(w)).ToList();
            counted = known.LastOrDefault(hard.Contains) ?? known.LastOrDefault();
            // "How many articles does the declaration contain?": parts of a text are counted too, though they are asking
            // words elsewhere ("which article …").
            if (counted is null && group.FirstOrDefault() is { } first && TextParts().IsMatch(first)) counted = first;
            if (counted is not null)
                modifiers = known.Take(known.IndexOf(counted)).Where(w => !GenericQualifiers().IsMatch(w)).ToList();
        }
        // "What aircraft and tank numbers does the table give?": measures joined by "and" or "or" are asked one by one.
        var either = hard.Count >= 2 && Enumerable.Range(0, Math.Max(0, normalizedTokens.Length - 2))
            .Any(i => hard.Contains(normalizedTokens[i]) && normalizedTokens[i + 1] is "and" or "or" && hard.Contains(normalizedTokens[i + 2]));
        return new QuestionTerms(entities, content, hard, soft, phrases, asksCount, asksShare)
        {
            EitherMeasure = either,
            Unknown = unknown,
            UnknownNames = vocabulary is null ? [] : UnknownNamesIn(q.Original, unknown, vocabulary),
            AsksDate = asksDate,
            AsksDay = asksDate && DayCue().IsMatch(padded),
            // "When and where will the next exercise be held?": a date or a place still to come.
            AsksFuture = (asksDate || PlaceCue().IsMatch(padded)) && (FutureCue().IsMatch(padded) || PlaceToCome().IsMatch(padded)),
            AsksWhy = WhyCue().IsMatch(padded),
            AsksMonth = MonthCue().IsMatch(padded),
            AsksExact = ExactCue().IsMatch(padded),
            LaterMeeting = LaterMeetingCue().Match(padded) is { Success: true } meeting ? meeting.Groups[1].Value : null,
            AsksOwnForces = asksCount && hard.Any(h => h is "troops" or "soldiers" or "personnel" or "army" or "servicemen")
                            && q.Mentions.Any(m => m.Kind == RecordKind.Actor && Regex.IsMatch(padded,
                                $@" (?:(?:does|do|did) {Regex.Escape(m.Surface)} (?:have|field|possess|maintain|keep|employ)|{Regex.Escape(m.Surface)} s (?:own )?(?:troops|soldiers|army|armed forces|military|personnel)) ")),
            AsksPerson = asksPerson,
            AsksWhoItWas = questionSentence.Length > 0 && WhoWasIt().IsMatch(questionSentence),
            // "What did the ministers agree at the summit?" asks what was agreed, not whether two sides agree.
            // "… in 2010, compared with the 54 percent of 2022?": a figure set against a figure is no contrast of sources.
            Contrast = ContrastCue().IsMatch(WhatAgreed().Replace(IntentRouter.FigureCompared().Replace(padded, " "), m => m.Groups["lead"].Value + " agreed_ ")),
            Parallel = q.Mentions is [var one, var other] && one.Kind == RecordKind.Actor && other.Kind == RecordKind.Actor
                       && other.TokenStart == one.TokenStart + one.TokenCount + 1 && other.TokenStart <= normalizedTokens.Length
                       && normalizedTokens[other.TokenStart - 1] == "and"
                       && (one.TokenStart == 0 || normalizedTokens[one.TokenStart - 1] is not ("between" or "with" or "to" or "from" or "of" or "and"))
                       && (QuantityCue().IsMatch(padded) || padded.Contains(" how many ", StringComparison.Ordinal) || padded.Contains(" how much ", StringComparison.Ordinal)),
            AsksCountry = CountryCue().IsMatch(padded),
            AsksAmount = AmountCue().IsMatch(padded),
            AsksMoney = SumOfMoney().IsMatch(padded),
            AsksChange = ChangeAsked().IsMatch(padded),
            NameOf = nameOf.Success
                ? nameOf.Groups["thing"].Success ? nameOf.Groups["thing"].Value is var thing && content.Contains(thing) ? thing : null : ""
                : null,
            AsksPlace = PlaceCue().IsMatch(padded),
            AsksOrigin = OriginCue().IsMatch(padded) || BirthCue().IsMatch(padded),
            AsksBirth = BirthCue().IsMatch(padded),
            AsksEarlierPost = EarlierPost().IsMatch(padded),
            AsksCity = placeKind is "city" or "town" or "capital",
            Asked = padded,
            AsksCompany = companyAsked,
            AsksProvision = ProvisionCue().IsMatch(padded),
            EndsOn = EndsOnName(q, normalizedTokens),
            CountryOf = CountryOwns().Match(padded) is { Success: true } owns && !SoftWords.Contains(owns.Groups[1].Value) ? owns.Groups[1].Value : null,
            Counted = counted,
            CountedPhrase = countedWords,
            CountedModifiers = modifiers,
            AsksValue = asksCount || asksShare || ValueCue().IsMatch(padded),
            Years = q.Terms.Concat(TextNormalizer.Tokens(q.Original)).Where(TimeExpressions.IsYear).Distinct().ToList(),
            Roles = asksPerson ? RolesAsked(padded) : [],
            Acronyms = AllCaps().Matches(q.Original).Select(m => m.Value.ToLowerInvariant()).Where(content.Contains).Distinct().ToList(),
        };
    }

    [GeneratedRegex(@" (?:follow(?:-| )?up|second|third|next|later|subsequent|another) (?:[\w-]+ ){0,3}?(summit|meeting|conference|exercise|drill|talks|round) ")]
    private static partial Regex LaterMeetingCue();

    [GeneratedRegex(@" in (?:opposite|different|contrasting|differing) ways ")]
    private static partial Regex OppositeWays();

    [GeneratedRegex(@"^(does|did|do|has|have|had|is|are|was|were|will|would|can|could|in|on|at|of|for|from|to|did|according|per)$")]
    private static partial Regex CountStop();

    [GeneratedRegex(@"^(extra|additional|more|new|total|overall|active|current|other|further|foreign)$")]
    private static partial Regex GenericQualifiers();

    [GeneratedRegex(@"^ (?:which|what) (?:country|countries|state|states|nation|nations)(?: s)? ")]
    private static partial Regex CountryCue();

    [GeneratedRegex(@"^ (?:which|what) (?:\w+ ){0,2}(?:company|companies|firm|firms|manufacturer|manufacturers|maker|makers|contractor|contractors|supplier|suppliers) | who (?:makes|made|builds|built|manufactures|manufactured|produces|produced) ")]
    private static partial Regex CompanyCue();

    // "Which journal published the Belloni article?" asks about a publication, not a treaty's article.
    [GeneratedRegex(@"^ (?:which|what) (?:(?!(?:journal|journals|published|publisher|outlet|magazine|newspaper|periodical) )\w+ ){0,4}?(?:article|articles|clause|clauses|section|sections|provision|provisions|paragraph|paragraphs|resolution|resolutions)(?: number)? ")]
    private static partial Regex ProvisionCue();

    [GeneratedRegex(@" (?:where|for whom|for which \w+) (?:does|did|do) (?:\w+ ){1,3}work(?:s|ed)? ")]
    private static partial Regex EmployerCue();

    // "Where does Vujanović work?" asks for an employer, not a place; "where did its competitiveness lie", "where were
    // advantages gained" ask in which sectors.
    // "Where's Antić's 44% figure from?", "where does Sav get the number from?": a figure comes from a source, not a place.
    [GeneratedRegex(@"^ (?:where(?!(?: \S+){0,8}? (?:figure|figures|number|numbers|data|statistic|statistics|stat|stats|estimate|estimates|quote|quotation|percentage|total|totals)(?: \S+){0,2} from )(?! (?:does|did|do) \S+(?: \S+)? (?:get|gets|got|take|takes|took) (?:\S+ ){0,6}from )(?! (?:does|did|do) (?:\w+ ){1,3}(?:work|works|worked|teach|teaches|study|studied|studies) )(?!(?: \w+){1,6} (?:end|ended|ends) up )(?! (?:does|do|did) (?:\w+ ){1,4}(?:stand|stands|lead|leads|leave|leaves) )(?! (?:does|do|did|was|were|is|are) (?:\w+ ){1,5}(?:lie|lies|lay|gained|gain|gains|lost|lose|loses|fall short|falls short|fell short) )(?! (?:is|are) (?:\w+ ){1,4}(?:heading|headed|going) )|in (?:which|what) (?:city|town|country|place|capital)|(?:which|what) (?:city|town|capital)|(?:in )?(?:which|what) [\p{L}-]+ (?:city|town|village)) ")]
    private static partial Regex PlaceCue();

    // "Where's Nikovski from?", "what country does Kurti come from", "Dodik's nationality": a person's origin.
    [GeneratedRegex(@" where (?:is|was|are|were|s) (?:\S+ ){1,4}(?:originally )?from $| where (?:does|did|do) (?:\S+ ){1,4}(?:originally )?(?:come|hail) from | (?:which|what) (?:country|countries|city|town|place|region|part of \S+) (?:is|was|are|were|does|did|do) (?:\S+ ){1,4}(?:originally )?(?:from|come from|hail from|a native of|a citizen of) | (?:nationality|nationalities|citizenship|hometown|home town|country of origin|ethnic background|ethnicity) ")]
    private static partial Regex OriginCue();

    [GeneratedRegex(@" (?:previous|former|prior|earlier|past|last) (?:post|posts|position|positions|job|jobs|role|roles|office|offices|title|titles|career|appointment) | (?:post|posts|position|positions|job|jobs|role|roles|office|offices) (?:\S+ ){0,3}(?:before|prior to) (?:he |she |they )?(?:became|become|becoming|being|was|took|taking|joined|joining|served|serving|his|her) ")]
    private static partial Regex EarlierPost();

    // "Where was Antić born?", "Sav's birthplace", "how old is Nikovski": no document gives anyone's birth.
    [GeneratedRegex(@" (?:born|birthplace|birth place|place of birth|date of birth|birthday|year of birth|birth year|how old) | (?:what|which) (?:\S+ )?age ")]
    private static partial Regex BirthCue();

    [GeneratedRegex(@" (?:line|lined|lining) up ")]
    private static partial Regex LineUp();

    [GeneratedRegex(@" (?:city|town|capital|place) $")]
    private static partial Regex PlaceKind();

    [GeneratedRegex(@" what (?:else )?(?:happened|happens|took place|occurred|changed) (?:\w+ ){0,5}?(?:that|which) (.+)$")]
    private static partial Regex HappenedClause();

    [GeneratedRegex(@" (?:how much|value of|amount of|sum of|worth) ")]
    private static partial Regex AmountCue();

    [GeneratedRegex(@" (?:value|amount|sum|figure|total|worth|cost) in (?:euros?|eur|dollars?|usd|us dollars) | how many (?:euros|dollars) | (?:euro|dollar|eur|usd) (?:value|amount|sum|figure|total|worth|cost) ")]
    private static partial Regex SumOfMoney();

    [GeneratedRegex(@" how (?:did|has|have|had|does|do) (?:\w+ ){1,6}?(?:evolve|evolved|change|changed|develop|developed|shift|shifted|grow|grown) | (?:evolution|history|development) of | over (?:time|the years) ")]
    private static partial Regex ChangeAsked();

    [GeneratedRegex(@"^ (?:which|what) (?:country|state|nation) s (\w+) ")]
    private static partial Regex CountryOwns();

    [GeneratedRegex(@"\b(?:\p{Lu}\p{L}{0,4}-|\p{Ll}{1,3}-|[Tt]ype |[Mm]ark |[Mm]odel )(\d{1,4})s?\b")]
    private static partial Regex Designator();

    [GeneratedRegex(@",\s*([^,]*\bor\b[^,]*?)\s*\??\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Offered();

    [GeneratedRegex(@"\b\p{Lu}{2,8}\b")]
    private static partial Regex AllCaps();

    // "Of the 79 activities, how many (of them) are field exercises?": the counted thing follows the verb.
    // "How many of the 79 joint activities in the plan are field exercises?": the part counted is what they are.
    [GeneratedRegex(@" (?:how many|number of) (?:(?:of )?(?:them|these|those|which) )?(?:of the (?:\w+ ){1,9}?(?=are |were ))?(?:are |were |is |was )?(\w+(?: \w+){0,2})")]
    private static partial Regex CountedCue();

    private static string? EndsOnName(RoutedQuestion q, string[] tokens)
    {
        if (q.Mentions.Select(m => m.RecordId).Distinct().Count() < 3) return null;
        // "Alongside Serbia, Bosnia and Albania, how much did Montenegro receive?": the names the question opens with
        // are set beside the one its question is about.
        if (ListedFirst().IsMatch(" " + q.Normalized + " ") && Array.FindIndex(tokens, t => t is "how" or "what" or "which" or "who" or "when" or "where" or "why") is > 0 and var wh)
        {
            var asked = q.Mentions.Where(m => m.TokenStart > wh && m.Kind == RecordKind.Actor).Select(m => m.RecordId).Distinct().ToList();
            var listed = q.Mentions.Where(m => m.TokenStart < wh).Select(m => m.RecordId).ToHashSet(StringComparer.Ordinal);
            var main = asked.Where(a => !listed.Contains(a)).ToList();
            // "per Antić" at the end says whose account; the thing asked about is the other name.
            if (main.Count == 2 && q.Mentions.Last(m => m.RecordId == main[1]).TokenStart + 1 >= tokens.Length - 1
                && tokens[q.Mentions.Last(m => m.RecordId == main[1]).TokenStart - 1] is "per" or "by" or "to" or "says")
                main.RemoveAt(1);
            if (listed.Count >= 2 && main.Count == 1) return main[0];
        }
        var last = q.Mentions.MaxBy(m => m.TokenStart + m.TokenCount);
        return last is not null && last.TokenStart + last.TokenCount == tokens.Length && last.TokenStart > 0
               && tokens[last.TokenStart - 1] is "for" or "of" or "in" or "about" or "on"
               && q.Mentions.Count(m => m.RecordId == last.RecordId) == 1
            ? last.RecordId
            : null;
    }

    [GeneratedRegex(@"^ (?:alongside|besides|beside|apart from|aside from|beyond|like|as with|in addition to|other than|unlike|after) ")]
    private static partial Regex ListedFirst();

    [GeneratedRegex(@" (exact|precise) (date|day)s? | (what|which) day | on (what|which) date ")]
    private static partial Regex DayCue();

    [GeneratedRegex(@" when (will|shall|would) | when (is|are)( \S+){1,6} (due|expected|scheduled|planned|going to|set to) ")]
    private static partial Regex FutureCue();
    [GeneratedRegex(@" where (will|shall) | (when|where) (is|are) (the|its|their) (next|upcoming|forthcoming) ")]
    private static partial Regex PlaceToCome();

    [GeneratedRegex(@"^ why | why (did|does|do|is|was|were|has|have|had|are|would|should|could|might|can) | (what|which) (are|were|is|was) the (main )?(reasons?|motives?|causes?|drivers?|rationale|motivations?) | (what|which) (main )?(reasons?|motives?|causes?|rationale|motivations?) | for what reasons? | what (led|drove|motivated|prompted|pushed|caused) | (reasons?|motives?|rationale) (for|behind|why) | (?:main |key |chief |primary |principal )?drivers? (?:behind|of|for) ")]
    private static partial Regex WhyCue();

    [GeneratedRegex(@"^(articles?|clauses?|sections?|provisions?|paragraphs?|pages?|chapters?)$")]
    private static partial Regex TextParts();

    [GeneratedRegex(@" (what|which) month | (day and|and day|and) month | month and (day|year) ")]
    private static partial Regex MonthCue();

    [GeneratedRegex(@"\(([^()]{1,120})\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^ (what|whats|what s|which) (is|was|are|were|s) | how (large|big|high|low|strong|much|many) | (size|level|amount|rate|total) of | (numbers|figures|totals) | \w+ (rate|rates|level|levels) (?!of )| (what|which) (total|combined|overall) ")]
    private static partial Regex ValueCue();

    [GeneratedRegex(@" (differ|differs|differed|different|differently|difference|differences|contrast|contrasts|versus|vs|disagree|disagreement|disagreements|agree|compare|compared|each side|both sides|two versions|versions|who says what|stories|contradict|contradicts|contradiction|contradictions|contradictory|inconsistent|inconsistency|inconsistencies|conflicting|dispute(?! settlement| resolution)|disputed|the same way|each say|each says|each one say) ")]
    private static partial Regex ContrastCue();
    [GeneratedRegex(@"(?<lead> what (?:did|do|does|have|has|had) (?:[\w-]+ ){1,10}?)agreed? (?=(?:on|to|at|in|upon|during|with)\b|$)")]
    private static partial Regex WhatAgreed();

    /// <summary>"defence minister" → [defence, minister]: the role and the word that qualifies it.</summary>
    private static List<string> RolesAsked(string padded)
    {
        var roles = new List<string>();
        foreach (Match m in PersonCue().Matches(padded))
        {
            var role = m.Groups["role"];
            if (!role.Success) continue;
            roles.AddRange(role.Value.Split(' '));
            var before = padded[..role.Index].TrimEnd().Split(' ');
            if (before.Length > 0 && RoleQualifier().IsMatch(before[^1])) roles.Add(before[^1]);
            var after = padded[(role.Index + role.Length)..].TrimStart().Split(' ');
            if (after.Length > 1 && after[0] == "of" && RoleQualifier().IsMatch(after[1])) roles.Add(after[1]);
        }
        // "Which US official warned …?": an official, a politician or a person is anyone holding the post; the word names no role.
        return roles.Where(r => r is not ("official" or "officials" or "politician" or "politicians" or "person" or "persons" or "individual" or "figure")).Distinct().ToList();
    }

    [GeneratedRegex(@"^(minister|ministers|president|prime|premier|secretary|representative|envoy|ambassador|commander|chief|leader|mayor|official|analyst|person|officer|general|generals|admiral|colonel)$")]
    private static partial Regex RoleNouns();

    /// <summary>A word that names a person by office or calling ("professor", "analyst", "minister").</summary>
    public static bool IsPersonTitle(string word) => RoleNouns().IsMatch(word) || CallingNouns().IsMatch(word);

    [GeneratedRegex(@"^(professor|scholar|academic|researcher|expert|author|journalist|economist|historian|diplomat|politician|commentator|spokesperson|spokesman|lawmaker|activist|adviser|advisor)$")]
    private static partial Regex CallingNouns();

    [GeneratedRegex(@"^(defence|defense|foreign|interior|finance|prime|deputy|security|high|secretary|army|military)$")]
    private static partial Regex RoleQualifier();

    [GeneratedRegex(@"^ (when|what date|which date|what year|which years?|what years|on what date|in what years?|in which years?|since when)\b| (when was|when did|when were|when will|when is|when does|what date|which years?|what years?|since when) |^ (dates?|signing dates?) (please |pls )?(for|of) |^ (?:the )?(?:exact |precise )?date of | (what|which) (exact|precise) (date|day) | on (what|which) (exact |precise )?(day|date) | (what|which) (is|was|were) the (exact |precise )?(date|day|year) | (about|say|says|said) when (was|did|were|it|they|he|she) |^ (what|which) day ")]
    private static partial Regex WhenCue();

    [GeneratedRegex(@" split (?:on|over|between|among|about) ")]
    private static partial Regex SplitOn();

    [GeneratedRegex(@" (?:exactly|precisely) how (?:many|much) | (?:exact|precise) (?:number|figure|count|total)s? ")]
    private static partial Regex ExactCue();

    [GeneratedRegex(@"^ (who|whom) .{0,60}?\b(?<role>minister|ministers|president|prime|premier|secretary|representative|envoy|ambassador|coach|coaches|commander|chief|head|leader|mayor|king|chairman|spokesperson|spokesman|governor|analyst|analysts|expert|official|officials|diplomat|journalist|led|leads|lead|succeeded|replaced|heads|runs|ran|commands|commanded|funds|funded|finances|financed|owns|chairs|negotiated|negotiates|brokered|mediated)\b|^ (name the|name of the|name of|names of the|which person|which official|what s the name of|what is the name of|whats the name of|the name of|(?:what|which) (?:is|are|was|were) the names? of(?: the)?) .{0,40}?\b(?<role>minister|ministers|president|prime|premier|secretary|representative|envoy|ambassador|coach|coaches|commander|chief|head|leader|mayor|king|chairman|spokesperson|spokesman|governor|analyst|analysts|expert|official|officials|diplomat|journalist|base|officer|officers|person|persons|people|suspects|individuals)\b|^ who (?:is|was|are|were) (?:meant|referred to|that|this)\b|^ who (?:said|says|wrote|writes|warned|warns|argued|argues|claimed|claims|stated|states|made) (?:that|this|it) $|^ which (\w+ ){0,3}(?<role>general|generals|admiral|colonel|minister|ministers|president|prime|premier|secretary|representative|envoy|ambassador|coach|coaches|commander|chief|head|leader|mayor|king|chairman|spokesperson|spokesman|governor|analyst|analysts|expert|official|officials|diplomat|journalist)\b| (?<role>minister|ministers|president|premier|secretary|ambassador|envoy|commander|chief|spokesperson|spokesman|analyst|analysts|official|officials|officer|governor|mayor|leader|diplomat) s (?:full |actual |real )?names? ")]
    private static partial Regex PersonCue();

    [GeneratedRegex(@"^\W*who (?:was|is) (?:it|that|this|he|she)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex WhoWasIt();

    [GeneratedRegex(@"(?: (?:what s|whats|what is|what was)|^(?: give| state| list)?) (?:(?:the )?(?:official |full |actual )?name of (?:the |a |an |this |that )?(?:\w+ ){0,6}?(?<thing>\w+) (?:where|which|that|who|in|at|on|of|near|used|from|built|mentioned|set|held|the|is|was|$)|(?:it|that|this|they) (?:(?:officially|officialy|formally|originally|first) )?(?:called|named) )| (?:officially|officialy|formally) (?:called|named|titled) | (?:what s|whats|what is|what was) the (?:official|full|formal) (?:name|title) of ")]
    private static partial Regex NameOfCue();

    /// <summary>The last sentence of a question with context before it, normalised and padded; empty for one sentence.</summary>
    private static string LastSentence(string original)
    {
        var sentences = SentenceEnd().Split(original.Trim()).Where(x => x.Trim().Length > 0).ToList();
        return sentences.Count < 2 ? "" : " " + TextNormalizer.Normalize(sentences[^1]) + " ";
    }

    // "How does Antić describe minilateralism, i.e. what kind …": an abbreviation's stop ends no sentence.
    [GeneratedRegex(@" (?:how much|for what (?:price|sum|amount)|what (?:did|does|do|was|is) (?:\w+ ){0,3}(?:cost|price|value|worth)) ")]
    private static partial Regex OtherQuantityAsked();

    /// <summary>A number stands just before the word, or one word before it ("12 Rafale jets").</summary>
    private static bool GivenNumberBefore(string[] tokens, string word)
    {
        for (var i = 1; i < tokens.Length; i++)
            if (tokens[i] == word && (IsGivenNumber(tokens[i - 1]) || i >= 2 && IsGivenNumber(tokens[i - 2]) && !Stopwords.IsStopword(tokens[i - 1])))
                return true;
        return false;
    }

    private static bool IsGivenNumber(string token) => token.Length > 0 && token.All(char.IsDigit) && !TimeExpressions.IsYear(token);

    [GeneratedRegex(@" length of (?:the |their |a |an |its |his |her |any )?(?:allowed |permitted |maximum )?(?:stay|stays|visit|visits|term|terms|mandate|mandates|deployment|deployments|period|periods|time|mission|missions|service) ")]
    private static partial Regex LengthOfTime();

    [GeneratedRegex(@" (?:what|which) (?:\w+ )?roles? (?:\w+ ){1,6}(?:play|plays|played|playing) ")]
    private static partial Regex RolePlayed();

    /// <summary>"Is it true that …", "is it correct that …": the question asks whether a statement holds.</summary>
    [GeneratedRegex(@" (?:is|was|isn t|wasn t) (?:it|this|that) (?:really |actually |also )?(?:true|correct|accurate|right|false|the case) | true or false ")]
    internal static partial Regex TrueThat();

    [GeneratedRegex(@"(?<=[.!?])(?<!\b(?:i\.e|e\.g|cf|vs|approx|etc|viz|incl|esp)\.)\s+(?=\S)", RegexOptions.IgnoreCase)]
    private static partial Regex SentenceEnd();

    /// <summary>Text in quotation marks, normalised: "the 'Balkan Benelux'" looks for that phrase.</summary>
    private static List<string> Quoted(string text)
    {
        var list = new List<string>();
        var open = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var isQuote = c is '"' or '“' or '”' or '«' or '»' or '„' || (c is '\'' or '‘' or '’' && IsQuoteApostrophe(text, i));
            if (!isQuote) continue;
            if (open < 0) { open = i; continue; }
            var inner = TextNormalizer.Normalize(text[(open + 1)..i]);
            if (inner.Length >= 3) list.Add(inner);
            open = -1;
        }
        return list;
    }

    // An apostrophe inside a word ("Serbia's") is not a quotation mark.
    private static bool IsQuoteApostrophe(string text, int i) =>
        !(i > 0 && char.IsLetter(text[i - 1]) && i + 1 < text.Length && char.IsLetter(text[i + 1]));
}

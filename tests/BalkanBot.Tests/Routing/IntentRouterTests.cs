using BalkanBot.Routing;
using BalkanBot.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace BalkanBot.Tests.Routing;

public sealed class IntentRouterTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    private RoutedQuestion Route(string text) => new IntentRouter(seed.Kb, new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero))).Route(text);

    [Theory]
    [InlineData("What is the Tirana Declaration?", IntentKind.Overview)]
    [InlineData("tell me about open balkan", IntentKind.Overview)]
    [InlineData("when did serbia and hungary sign their defence deal", IntentKind.Date)]
    [InlineData("When was UNSCR 1244 adopted?", IntentKind.Date)]
    [InlineData("who signed the tirana declaration", IntentKind.Parties)]
    [InlineData("which countries are in CEFTA", IntentKind.Parties)]
    [InlineData("how many troops does KFOR have", IntentKind.Figures)]
    [InlineData("how many Rafales did Serbia order", IntentKind.Figures)]
    [InlineData("Compare the Serbia–Hungary and Albania–Croatia–Kosovo blocs", IntentKind.Compare)]
    [InlineData("tirana declaration vs serbia hungary plan", IntentKind.Compare)]
    [InlineData("how does Serbia-Hungary stack up against the Albania-Croatia-Kosovo bloc", IntentKind.Compare)]
    [InlineData("What happened in Republika Srpska in March 2025?", IntentKind.Timeline)]
    [InlineData("timeline of northern Kosovo 2023", IntentKind.Timeline)]
    [InlineData("which agreements has Serbia signed since 2020", IntentKind.List)]
    [InlineData("incidents in northern Kosovo", IntentKind.List)]
    [InlineData("why did Serbia turn to Hungary", IntentKind.Analysis)]
    [InlineData("is the Tirana Declaration a military alliance", IntentKind.Analysis)]
    [InlineData("how does the Tirana declaration change Kosovo's position", IntentKind.Analysis)]
    [InlineData("how had that changed by spring 2025", IntentKind.Timeline)]
    [InlineData("how did Serbia's course change between 1999 and 2000", IntentKind.Timeline)]
    [InlineData("In which village did the 2023 armed attack in northern Kosovo happen?", IntentKind.Overview)]
    // How one thing turned out asks about that thing, not for everything its actors did that year.
    [InlineData("How did Serbia's 1999 bid to join the Union State play out?", IntentKind.Overview)]
    [InlineData("What became of Serbia's 1999 decision to join the Union State?", IntentKind.Overview)]
    [InlineData("how many Rafale jets does Croatia have according to the Pupin comparison table?", IntentKind.Figures)]
    [InlineData("How many main battle tanks do Croatia and Albania have according to the brief's comparison table?", IntentKind.Compare)]
    [InlineData("Give me both dates: the Tirana declaration and the Serbia-Hungary plan", IntentKind.Date)]
    // The parties named as the ones bound are not what is asked.
    [InlineData("does the Tirana declaration create new legal obligations between the signatories?", IntentKind.Overview)]
    [InlineData("who are the signatories of the Tirana declaration?", IntentKind.Parties)]
    [InlineData("help", IntentKind.Help)]
    [InlineData("?!...", IntentKind.Help)]
    [InlineData("can you help me?", IntentKind.Help)]
    [InlineData("what can you do", IntentKind.Help)]
    [InlineData("", IntentKind.Help)]
    [InlineData("show sources", IntentKind.Sources)]
    [InlineData("thanks", IntentKind.Feedback)]
    [InlineData("subscribe weekly Kosovo", IntentKind.Subscription)]
    public void Route_StaffQuestion_PicksIntent(string text, IntentKind expected) => Assert.Equal(expected, Route(text).Intent);

    // "usage" and "help me" ask for help only as the whole message.
    [Theory]
    [InlineData("What does 'ontological security' mean in Belloni's usage?")]
    [InlineData("help me understand the Tirana Declaration")]
    public void Route_HelpWordsInsideAQuestion_AreNotARequestForHelp(string text) => Assert.NotEqual(IntentKind.Help, Route(text).Intent);

    [Theory]
    [InlineData("Antić vs Sav on the Open Balkan")]
    [InlineData("is the Tirana Declaration aimed at Serbia, Sav versus the Pupin brief?")]
    public void Route_DocumentAuthorsSetAgainstEachOther_AreReadingsNotSidesOfATable(string text) =>
        Assert.NotEqual(IntentKind.Compare, Route(text).Intent);

    [Fact]
    public void Route_TheAuthorsComparisonTable_IsWhereFiguresStandNotAComparison() =>
        // "the Pupin military comparison table" says where the figures stand; one state is no comparison.
        Assert.NotEqual(IntentKind.Compare, Route("Per the Pupin military comparison table, what combat aircraft does Hungary field").Intent);

    [Fact]
    public void Route_CompareTwoBlocs_SplitsDashJoinedSides()
    {
        var q = Route("Compare the Serbia–Hungary and Albania–Croatia–Kosovo blocs");
        Assert.Equal(2, q.Sides.Count);
        Assert.Equal(["hungary", "serbia"], q.Sides[0].Select(m => m.RecordId).Order().ToArray());
        Assert.Equal(["albania", "croatia", "kosovo"], q.Sides[1].Select(m => m.RecordId).Order().ToArray());
    }

    [Fact]
    public void Route_MonthAndYear_GivesThatMonth()
    {
        var p = Route("What happened in Republika Srpska in March 2025?").Period!;
        Assert.Equal(new DateOnly(2025, 3, 1), p.From);
        Assert.Equal(new DateOnly(2025, 3, 31), p.To);
    }

    [Theory]
    [InlineData("agreements since 2020", "2020-01-01", "2026-11-21")]
    [InlineData("what happened last year", "2025-01-01", "2025-12-31")]
    [InlineData("between 2019 and 2021", "2019-01-01", "2021-12-31")]
    [InlineData("events on 18 March 2025", "2025-03-18", "2025-03-18")]
    [InlineData("before 2008", "1900-01-01", "2007-12-31")]
    [InlineData("in the last 2 years", "2024-11-21", "2026-11-21")]
    public void Route_TimeExpression_IsRelativeToToday(string text, string from, string to)
    {
        var p = Route(text).Period!;
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), p.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), p.To);
    }

    [Theory]
    [InlineData("How did Serbia's course change between the 1999 bombing and the early 2000s?", "1999-01-01", "2003-12-31")]
    [InlineData("How did Serbia's course change between 1999 and the fall of Milošević?", "1999-01-01", "2000-12-31")]
    [InlineData("What changed from the late 1990s to 2002?", "1996-01-01", "2002-12-31")]
    public void Route_SpanEndedByADecadeOrAnEvent_CoversBothEnds(string text, string from, string to)
    {
        var q = Route(text);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), q.Period!.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), q.Period.To);
        // The words of the span mark time; they are not what is asked about.
        Assert.DoesNotContain("early", q.Terms);
        Assert.DoesNotContain("fall", q.Terms);
    }

    [Fact]
    public void Route_EventThatEndsASpan_IsNotWhatIsAskedAbout()
    {
        var q = Route("How did Serbia's course change between 1999 and the fall of Milošević?");
        Assert.Equal(["serbia"], q.Mentions.Select(m => m.RecordId).ToArray());
    }

    [Fact]
    public void Route_ResolutionNumber_IsNotAYear() => Assert.Null(Route("When was UNSCR 1244 adopted?").Period);

    [Fact]
    public void Route_YearInAnAgreementsName_IsNotAPeriod() => Assert.Null(Route("How did CEFTA grow before it became the CEFTA 2006 agreement?").Period);

    [Theory]
    [InlineData("What does Antić's 2024 essay say about the US role?")]
    [InlineData("How does the 2025 brief describe Montenegro?")]
    public void Route_YearOfADocument_IsNotAPeriod(string text) => Assert.Null(Route(text).Period);

    [Fact]
    public void Route_FollowUpWithPronoun_LeansOnContext()
    {
        Assert.True(Route("when was it signed?").LeansOnContext);
        Assert.True(Route("and Hungary?").Elliptical);
        Assert.False(Route("What is the Tirana Declaration?").LeansOnContext);
    }

    [Fact]
    public void Route_ComparisonThatNamesBothSidesBeforeItsPronoun_DoesNotLeanOnContext()
    {
        Assert.True(Route("compare it with CEFTA").LeansOnContext);
        Assert.False(Route("open balkan vs the EU single market - where does it fall short on customs?").LeansOnContext);
    }

    [Theory]
    [InlineData("Are AL, KS and HR all in NATO?", new[] { "albania", "kosovo", "croatia", "nato" })]
    [InlineData("Is the US a guarantor for HU?", new[] { "united-states", "hungary" })]
    [InlineData("what did smith et al say about us", new string[0])]
    public void Route_StateCodesInCapitals_NameTheStates(string text, string[] expected)
    {
        var states = Route(text).Mentions.Where(m => m.Kind == BalkanBot.Knowledge.RecordKind.Actor).Select(m => m.RecordId).ToArray();
        Assert.Equal(expected, states);
    }

    [Theory]
    [InlineData("who called the AL-KS-HR pact a signal of regrouping?", "tirana-declaration-2025")]
    public void Route_StatesWrittenTogetherBeforeAPact_NameTheAgreement(string text, string expected)
    {
        var mentions = Route(text).Mentions;
        Assert.Contains(mentions, m => m.RecordId == expected);
        Assert.DoesNotContain(mentions, m => m.Kind == BalkanBot.Knowledge.RecordKind.Actor);
    }

    [Fact]
    public void Route_StatesOfTwoAgreementsBeforeAPact_StayTheStates()
    {
        // Serbia and Hungary are the parties of a 2023 agreement and of the 2025 plan: the words must choose.
        var states = Route("when was the SRB-HU defence agreement signed?").Mentions.Select(m => m.RecordId).ToList();
        Assert.Equal(["serbia", "hungary"], states);
    }

    [Fact]
    public void Route_FoundingStatesOfAnInitiative_NameTheInitiative()
    {
        // "the Open Balkan founding states" are the states of the initiative, not the event of its founding.
        var named = Route("what limit on their stay applies to citizens of the Open Balkan founding states?").Mentions.Select(m => m.RecordId).ToList();
        Assert.Contains("open-balkan", named);
        Assert.DoesNotContain("open-balkan-signing-2021", named);
    }

    [Theory]
    // A length of time is no length to measure; a border's length is.
    [InlineData("what limit on the length of their stay applies?", false)]
    [InlineData("what is the length of the Serbia-Hungary border?", true)]
    public void Terms_LengthOfAStay_IsNoLengthMeasure(string text, bool measured) =>
        Assert.Equal(measured, BalkanBot.Retrieval.QuestionTerms.From(Route(text), [], seed.Kb.Vocabulary).Hard.Contains("length"));

    [Theory]
    // A number the asker gives with a thing says which one is meant when another quantity is asked.
    [InlineData("for how much did Serbia agree to buy 12 Rafale jets?", false)]
    [InlineData("how many jets did Serbia agree to buy?", true)]
    public void Terms_ThingCountedByTheAsker_IsNoMeasureAsked(string text, bool measured) =>
        Assert.Equal(measured, BalkanBot.Retrieval.QuestionTerms.From(Route(text), [], seed.Kb.Vocabulary).Hard.Contains("jets"));

    [Theory]
    // Measures joined by "and" are asked one by one; two measures of one thing are both asked.
    [InlineData("What aircraft and tank numbers does the Pupin table give for Hungary?", true)]
    [InlineData("How many tanks per aircraft does Hungary have?", false)]
    public void Terms_MeasuresJoinedByAnd_AreAskedOneByOne(string text, bool either) =>
        Assert.Equal(either, BalkanBot.Retrieval.QuestionTerms.From(Route(text), [], seed.Kb.Vocabulary).EitherMeasure);

    [Theory]
    // The drivers behind a thing are its reasons.
    [InlineData("what problem was one of the main drivers behind creating the Open Balkan?", true)]
    [InlineData("who drives the Open Balkan?", false)]
    public void Terms_DriversBehind_AsksWhy(string text, bool why) =>
        Assert.Equal(why, BalkanBot.Retrieval.QuestionTerms.From(Route(text), [], seed.Kb.Vocabulary).AsksWhy);

    [Fact]
    public void Terms_MisspeltGivenNameBeforeASurname_IsNoUnknownWord()
    {
        var q = Route("wat did jon bolton say abt the trilateral pact");
        var focus = q.Mentions.Select(m => seed.Kb.Get(m.RecordId)!).ToList();
        Assert.DoesNotContain("jon", BalkanBot.Retrieval.QuestionTerms.From(q, focus, seed.Kb.Vocabulary).Unknown);
    }

    [Theory]
    [InlineData("investment totals for NMK", "north-macedonia")]
    [InlineData("what does RNM produce", "north-macedonia")]
    public void Route_CountryAbbreviation_NamesTheState(string text, string id) => Assert.Contains(Route(text).Mentions, m => m.RecordId == id);

    [Theory]
    [InlineData("What did the ministers agree at the Tirana meeting?", false)]
    [InlineData("What did Serbia and Hungary agree to in April 2025?", false)]
    [InlineData("Do Sav and the Pupin brief agree on the Serbia-Hungary pact?", true)]
    [InlineData("How do Sav and the Pupin brief differ on the pact?", true)]
    public void Terms_WhatWasAgreed_IsNoContrast(string text, bool contrast) =>
        Assert.Equal(contrast, BalkanBot.Retrieval.QuestionTerms.From(Route(text), [], seed.Kb.Vocabulary).Contrast);

    [Theory]
    // "Where" of where something lies or was gained asks in which sectors; of where it was signed, a place.
    [InlineData("Where did the region's export competitiveness lie before CEFTA?", false)]
    [InlineData("Where were new advantages gained after CEFTA?", false)]
    [InlineData("Where was the Tirana Declaration signed?", true)]
    public void Terms_WhereOfAnAbstractThing_AsksNoPlace(string text, bool place) =>
        Assert.Equal(place, BalkanBot.Retrieval.QuestionTerms.From(Route(text), [], seed.Kb.Vocabulary).AsksPlace);

    [Theory]
    // A journal that published an article asks about a publication; which article of a treaty asks a provision.
    [InlineData("Which journal published the Belloni article that Sav uses?", false)]
    [InlineData("Which article of the declaration covers hybrid threats?", true)]
    public void Terms_ArticleOfAJournal_IsNoProvision(string text, bool provision) =>
        Assert.Equal(provision, BalkanBot.Retrieval.QuestionTerms.From(Route(text), [], seed.Kb.Vocabulary).AsksProvision);

    [Theory]
    // "The rest of the EU" is the others, and "i.e. …" restates the question in the asker's words.
    [InlineData("What does the brief say about Orbán's backing of Dodik in relation to the rest of the EU?", "rest")]
    [InlineData("How does Antić describe minilateralism, i.e. what kind of arrangements is he talking about?", "arrangements")]
    // "really", "actual" only stress the question.
    [InlineData("did vucic really call the hungary deal an actual alliance?", "actual")]
    public void Terms_AskersPhrasing_IsNotSearchedFor(string text, string word) =>
        Assert.DoesNotContain(word, BalkanBot.Retrieval.QuestionTerms.From(Route(text), [], seed.Kb.Vocabulary).Content);

    [Fact]
    public void Terms_WordsOfIntent_AreNeitherSpellCorrectedNorSearchedFor()
    {
        // "trying" is no misspelt "tying": what someone tries to achieve is asked, not a word to find.
        var terms = BalkanBot.Retrieval.QuestionTerms.From(
            Route("What was Belgrade trying to achieve in 1999 when it announced it would join the union state of Russia and Belarus?"), [], seed.Kb.Vocabulary);
        Assert.DoesNotContain("tying", terms.Content);
        Assert.DoesNotContain("trying", terms.Content);
        Assert.DoesNotContain("achieve", terms.Content);
        Assert.Contains("announced", terms.Content);
    }
}

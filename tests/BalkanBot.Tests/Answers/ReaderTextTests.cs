using System.Text.Json;
using System.Text.RegularExpressions;
using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Evaluation;
using BalkanBot.Handlers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;
using BalkanBot.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace BalkanBot.Tests.Answers;

/// <summary>
/// The English readers see, asked of the real engine over the real base: figures, labels, names, timelines and
/// disagreements read as an analyst would write them, in every renderer.
/// </summary>
public sealed partial class ReaderTextTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    private readonly AnswerEngine _engine = new(seed.Kb, IntentHandlers.All(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero)));

    private Answer Ask(string text, string? conversation = null) => _engine.Answer(new Question(text, "test", conversation ?? text));

    private static string Visible(Answer a) =>
        string.Join("\n", new[] { a.Title, a.Text }.Concat(a.Facts.Select(f => $"{f.Label}: {f.Value}"))
            .Concat(a.Comparison?.Rows.SelectMany(r => r.Cells.Select(c => $"{r.Measure}: {c.Text}")) ?? [])
            .Concat(a.Timeline.Select(t => $"{t.Date}: {t.Event}")).Concat(a.Conflicts.Select(c => c.Text)).Concat(a.FollowUps));

    [Fact]
    public void Figures_KosovoTanks_SayNoneListed()
    {
        var text = Visible(Ask("How many tanks does Kosovo have?"));
        Assert.Contains("none listed", text);
        Assert.DoesNotContain("None tanks", text);
        Assert.DoesNotContain("None", text);
    }

    [Fact]
    public void Figures_CroatiaTanks_NameTheModelOnceAsTheTableWritesIt()
    {
        var a = Ask("How many tanks does Croatia have?");
        Assert.StartsWith("Croatia's main battle tanks: 75 M-84s", a.Text);
        Assert.DoesNotContain("M-84s tanks", Visible(a));
        Assert.Equal("Main battle tanks: Croatia", a.Title);
    }

    [Fact]
    public void Figures_ShortAnswer_SpeaksOfTheCountryAskedAbout()
    {
        var a = Ask("how many tanks does Serbia have");
        Assert.StartsWith("Serbia: 250–300 main battle tanks (as of 21 May 2025).", a.Text);
        Assert.DoesNotContain("Kosovo", a.Text);
        Assert.Contains(a.Facts, f => f.Label == "Kosovo's main battle tanks" && f.Value.StartsWith("none listed", StringComparison.Ordinal));
    }

    [Fact]
    public void Figures_MontenegroCensus_PercentNotRepeated()
    {
        var text = Visible(Ask("what share of Montenegro identifies as Serb"));
        Assert.Contains("33% identified as Serb", text);
        Assert.Contains("41% identified as Montenegrin", text);
        Assert.DoesNotContain("percent.", text);
        Assert.DoesNotContain("as Serb percent", text);
    }

    [Fact]
    public void Figures_MoneyAndCounts_NoUnitAppendedToTheSourcesWords()
    {
        var investment = Visible(Ask("how much foreign investment did serbia get"));
        Assert.Contains("€42 billion in foreign investment between 2007 and 2021", investment);
        Assert.Contains("€8.8 billion invested over a similar period", investment);
        Assert.DoesNotContain("billion EUR", investment);
        var trade = Visible(Ask("what is serbia's trade surplus with cefta"));
        Assert.Contains("a $2.71 billion trade surplus with CEFTA participants in 2023", trade);
        Assert.DoesNotContain("billion USD", trade);
        Assert.DoesNotContain("blockades occasions", trade);
        var kosovo = Visible(Ask("What figures do the sources give for Kosovo?"));
        Assert.Contains("five EU member states dispute Kosovo's independence", kosovo);
        Assert.DoesNotContain("EU states EU member states", kosovo);
    }

    [Fact]
    public void Figures_KforTroops_QuotedFragmentBecomesAFigure()
    {
        var a = Ask("How many troops does KFOR have?");
        Assert.Contains("more than 4,500 personnel", a.Text);
        Assert.Contains("about 3,700 NATO troops", a.Text);
        Assert.DoesNotContain("personnel troops", Visible(a));
        // The figures themselves read as figures; a backing passage may still quote the source's own words.
        Assert.DoesNotContain("well over", a.Text);
    }

    [Fact]
    public void Figures_Labels_AreWordsNotMeasureCodes()
    {
        var a = Ask("how many troops did NATO add after the May 2023 unrest");
        Assert.DoesNotContain(a.Facts, f => f.Label.Contains("european members", StringComparison.Ordinal) || f.Label.Contains(" — ", StringComparison.Ordinal) && f.Label.Contains('-'));
        // The figure itself leads, in words: what was counted, then the number.
        Assert.StartsWith("Troops NATO sent to Kosovo after the May 2023 unrest (Reuters, via Sav): an additional 700 troops", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("1,000", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('-', a.Title);
    }

    [Fact]
    public void Compare_Blocs_PopulationRowHoldsNoTradeFigure()
    {
        var a = Ask("Compare the Serbia–Hungary and Albania–Croatia–Kosovo blocs");
        var population = a.Comparison!.Rows.Single(r => r.Measure == "Population");
        Assert.DoesNotContain(population.Cells, c => c.Text.Contains("trade", StringComparison.OrdinalIgnoreCase));
        var tanks = a.Comparison.Rows.Single(r => r.Measure == "Main battle tanks");
        Assert.Contains("Kosovo: none listed", tanks.Cells[1].Text);
        Assert.Contains("Croatia: 75 M-84s", tanks.Cells[1].Text);
        var provisions = a.Comparison.Rows.Single(r => r.Measure == "Provisions");
        Assert.StartsWith("Exercises and training", provisions.Cells[0].Text);
    }

    [Fact]
    public void Date_HeadlineEventAndAgreementNames_MakeSentences()
    {
        Assert.StartsWith("Albania joined NATO in 2009.", Ask("When did Albania join NATO?").Text);
        // "CEFTA" alone is the 2006 agreement; asked where it began, the original of 1992 comes first.
        var cefta = Ask("When was CEFTA first established?").Text;
        Assert.StartsWith("The original CEFTA was signed in 1992.", cefta);
        Assert.Contains("CEFTA 2006 was signed in 2006.", cefta);
        Assert.StartsWith("CEFTA 2006 was signed in 2006.", Ask("When was CEFTA signed?").Text);
        Assert.StartsWith("Kosovo's declaration of independence took place in 2008.", Ask("When did Kosovo declare independence?").Text);
        Assert.StartsWith("The Banjska attack took place in September 2023 in northern Kosovo.", Ask("When was the Banjska attack?").Text);
        Assert.StartsWith("Serbia's declaration of military neutrality was adopted in 2007.", Ask("when did serbia declare military neutrality").Text);
        // Laws are adopted, not "taking place"; a headline without a date says what the sources do not say.
        Assert.StartsWith("The Republika Srpska laws barring Bosnia's state police and judiciary were adopted in February 2025",
            Ask("when did RS pass its laws barring state police and judiciary?").Text);
        Assert.StartsWith("The sources do not say when Bosnia's top court suspended Republika Srpska's separatist laws.",
            Ask("when did Bosnia's top court suspend the RS laws?").Text);
    }

    [Fact]
    public void Parties_NameWithoutArticle_HasNone()
    {
        Assert.StartsWith("The parties to CEFTA 2006 are", Ask("which countries are in CEFTA").Text);
        Assert.StartsWith("The parties to the original CEFTA are Poland, Hungary and Czechoslovakia.", Ask("which countries signed the original CEFTA").Text);
    }

    [Fact]
    public void Date_OfAnEventNamedAsAHeadline_IsASentence()
    {
        var a = Ask("Sav says EUFOR brought reserves into Bosnia. When was that?");

        Assert.StartsWith("EUFOR deployed reserve forces to Bosnia and Herzegovina in March 2025.", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("is dated in", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decline_FigureOfAnAgreement_IsWorded()
    {
        var a = Ask("How many tanks does the Open Balkan have?");

        Assert.False(a.Answered);
        Assert.Equal("The sources give no tank figure for the Open Balkan initiative.", a.Text);
    }

    [Fact]
    public void Passages_AgreementWithOneParty_SayOneParty()
    {
        var single = seed.Kb.OfKind(RecordKind.Agreement).Where(r => r.Parties.Count == 1).Select(r => r.Id).ToHashSet();
        Assert.NotEmpty(single);
        foreach (var p in seed.Kb.Passages.All.Where(p => p.Kind == BalkanBot.Retrieval.PassageKind.Parties && single.Contains(p.RecordId)))
        {
            Assert.DoesNotContain("The parties to", p.Text);
            Assert.Contains(" has one party, ", p.Text);
        }
    }

    [Fact]
    public void Timeline_AgreementAndItsSigning_AreOneLine()
    {
        var serbiaHungary = Ask("chronology of the serbia hungary rapprochement");
        Assert.Single(serbiaHungary.Timeline, t => t.Date == "1 April 2025");
        var march = Ask("what happened in march 2025");
        Assert.Single(march.Timeline, t => t.Date == "18 March 2025");
        foreach (var a in new[] { serbiaHungary, march })
            Assert.Equal(a.Timeline.Count, a.Timeline.Select(t => (t.IsoDate, t.RecordId)).Distinct().Count());
    }

    [Fact]
    public void Timeline_PeriodInTheQuestion_NotRepeatedAsASpan()
    {
        var a = Ask("what happened in kosovo in 2023");
        // Records dated only to 2023 follow those dated within it: they cannot be said to begin the year.
        Assert.StartsWith("The base holds five events for Kosovo in 2023; it begins with the May 2023 unrest in Kosovo", a.Text);
        Assert.DoesNotContain("from 2023 to", a.Text);
        var open = Ask("timeline of the Open Balkan initiative");
        Assert.Contains("for the Open Balkan initiative, from October 2019 to 2021", open.Text);
    }

    [Fact]
    public void Timeline_OfAMonth_LeavesOutRecordsDatedOnlyToTheYear()
    {
        var a = Ask("What happened in Novi Sad in October 2019?");
        Assert.Single(a.Timeline);
        Assert.DoesNotContain("Ohrid", string.Join(" ", a.Timeline.Select(t => t.Event)));
        Assert.StartsWith("The base holds one dated record for October 2019: ", a.Text);
    }

    [Fact]
    public void Conflicts_OnlyThoseAboutTheAnswersOwnRecords()
    {
        foreach (var q in new[] { "When was the Tirana Declaration signed?", "Who signed the Tirana Declaration?", "Is the Tirana Declaration a military alliance?", "compare serbia and croatia" })
        {
            var a = Ask(q);
            Assert.DoesNotContain(a.Conflicts, c => c.Text.Contains("Banjska", StringComparison.Ordinal));
        }
        Assert.Contains(Ask("When was the Tirana Declaration signed?").Conflicts, c => c.Text.Contains("Tirana trio", StringComparison.Ordinal));
        Assert.Contains(Ask("what was the banjska attack").Conflicts, c => c.Text.Contains("Banjska", StringComparison.Ordinal) || c.Text.Contains("monastery", StringComparison.Ordinal));
        Assert.NotEmpty(Ask("How many troops does KFOR have?").Conflicts);
    }

    [Fact]
    public void Views_StanceCodes_AreNotShownByAnyRenderer()
    {
        var a = Ask("Is the Tirana Declaration a military alliance?");
        var stances = a.Views.Select(v => v.Stance).OfType<string>().ToList();
        Assert.NotEmpty(stances);
        foreach (var rendered in Renderings(a))
            foreach (var stance in stances)
                Assert.DoesNotContain(stance, rendered);
        Assert.Contains(Renderings(a), r => r.Contains("Şerif Sav", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadMore_LineCutShort_OffersTheWholeRecordAndTheEngineAnswersIt()
    {
        var banjska = seed.Kb.Get("banjska-attack-2023")!;
        var longer = banjska with { Summary = banjska.Summary! with { Text = string.Concat(Enumerable.Repeat("Gunmen attacked the police and took refuge in a monastery, ", 12)) + "end." } };
        var b = new AnswerBuilder(seed.Kb, new RoutedQuestion { Original = "timeline", Normalized = "timeline", Intent = IntentKind.Timeline });
        b.Event(longer);
        var answer = b.Build();
        Assert.EndsWith("…", answer.Timeline.Single().Event);
        var more = Assert.Single(answer.FollowUps);
        Assert.Equal("Tell me more about the Banjska attack", more);
        var full = Ask(more);
        Assert.Contains("banjska-attack-2023", full.RecordIds);
        Assert.DoesNotContain("…", full.Text);
    }

    [Fact]
    public void EveryEvaluationQuestion_RenderedInEveryChannel_ShowsNoInternalKeysOrMachineEnglish()
    {
        var set = EvalSet.Load(Path.Combine(SeedKnowledge.RepositoryRoot, "tests", "eval", "questions.yaml"));
        var codes = Codes();
        Assert.Contains("not-a-military-alliance", codes);
        Assert.Contains("active-troops-european-members", codes);
        Assert.Contains("exercises-training", codes);
        var problems = new List<string>();
        var n = 0;
        foreach (var q in set)
        {
            var conversation = $"sweep-{n++}";
            foreach (var context in q.Context) Ask(context, conversation);
            var a = Ask(q.Q, conversation);
            foreach (var rendered in Renderings(a).Select(r => Url().Replace(r, "")))
            {
                if (codes.FirstOrDefault(c => rendered.Contains(c, StringComparison.Ordinal)) is { } code) problems.Add($"{q.Q}: code \"{code}\"");
                foreach (var bad in new[] { "None tanks", "None aircraft", "percent percent", "% percent", "billion EUR", "billion USD", "What was the Dodik", "the Serbia's", "the CEFTA 2006" })
                    if (rendered.Contains(bad, StringComparison.Ordinal)) problems.Add($"{q.Q}: \"{bad}\"");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    /// <summary>Stance, measure and provision codes and hyphenated record ids, less any the knowledge's own prose uses as words.</summary>
    private HashSet<string> Codes()
    {
        var records = seed.Kb.Hashes().Select(h => seed.Kb.Get(h.Id)).OfType<KnowledgeRecord>().ToList();
        var prose = string.Join("\n", records.SelectMany(r => new[] { r.Name, r.Summary?.Text, r.Role?.Text, r.Text, r.ValueText, r.Title, r.Url, r.Signatories }
            .Concat(r.Aliases).Concat(r.Facts.Select(f => f.Text)).Concat(r.AllCitations.Select(c => c.At))).OfType<string>());
        return records.SelectMany(r => new[] { r.Stance, r.Measure }.Concat(r.Provisions).Append(r.Id)).OfType<string>()
            .Where(c => c.Contains('-') && !prose.Contains(c, StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>What a reader sees of an answer on the terminal, in Teams and in Slack.</summary>
    private static IEnumerable<string> Renderings(Answer a)
    {
        yield return TextRenderer.Render(a);
        yield return string.Join("\n", Strings(JsonDocument.Parse(AdaptiveCardJson.Serialize(AdaptiveCardRenderer.Render(a))).RootElement, ["text", "title", "value"]));
        var blocks = JsonSerializer.Serialize(BlockKitRenderer.Render(a).Blocks, BlockKitJsonContext.Default.IReadOnlyListSlackBlock);
        yield return string.Join("\n", Strings(JsonDocument.Parse(blocks).RootElement, ["text"]));
    }

    private static IEnumerable<string> Strings(JsonElement node, string[] names)
    {
        if (node.ValueKind == JsonValueKind.Array)
            foreach (var s in node.EnumerateArray().SelectMany(e => Strings(e, names))) yield return s;
        if (node.ValueKind != JsonValueKind.Object) yield break;
        foreach (var p in node.EnumerateObject())
        {
            if (p.Value.ValueKind == JsonValueKind.String && names.Contains(p.Name)) yield return p.Value.GetString()!;
            else foreach (var s in Strings(p.Value, names)) yield return s;
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();
}

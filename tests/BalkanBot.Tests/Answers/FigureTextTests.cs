using System.Globalization;
using System.Text.RegularExpressions;
using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Answers;

/// <summary>The one figure formatter, over every figure in the real base and over the shapes a figure can take.</summary>
public sealed partial class FigureTextTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    private List<KnowledgeRecord> Figures => seed.Kb.OfKind(RecordKind.Figure).ToList();

    private string Format(string id) => FigureText.Format(seed.Kb.Get(id)!);

    [Fact]
    public void Format_EveryFigureInTheBase_ReadsAsEnglish()
    {
        Assert.True(Figures.Count >= 40);
        var problems = new List<string>();
        foreach (var f in Figures)
        {
            var text = FigureText.Format(f);
            void Problem(string what) => problems.Add($"{f.Id}: {what} in \"{text}\"");
            if (string.IsNullOrWhiteSpace(text) || text != text.Trim()) Problem("empty or untrimmed");
            if (NoneWord().IsMatch(text)) Problem("\"None\"");
            if (DoubledWord().Match(text) is { Success: true } d) Problem($"doubled word \"{d.Value}\"");
            if (Regex.IsMatch(text, @"(percent|%)\s*(percent|%)", RegexOptions.IgnoreCase)) Problem("percent twice");
            if (text.Contains('_') || text.Contains("()", StringComparison.Ordinal) || text.Contains("( ", StringComparison.Ordinal)) Problem("stray punctuation");
            foreach (var key in new[] { f.Id, f.Measure, f.Subject }.OfType<string>().Where(k => k.Contains('-')))
                if (text.Contains(key, StringComparison.OrdinalIgnoreCase)) Problem($"internal key \"{key}\"");
            // A unit written as a code ("billion EUR") is data, not English; "joint activities" is both.
            if (f.Unit is { } unit && CurrencyCode().IsMatch(unit) && text.Contains(unit, StringComparison.Ordinal)) Problem($"raw unit \"{unit}\"");
            if (f.Qualifier is { } q && text.Split(q).Length > 2) Problem("qualifier twice");
            if (f.Unit is { } u && UnitCount(text, u) > Math.Max(1, UnitCount(f.ValueText ?? "", u))) Problem($"unit \"{u}\" repeated");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// How often the unit is written other than after a number of its own: "4,500 troops troops" counts two, "more than
    /// 4,500 personnel in total after 1,000 troops were added" and "90 days within any 180-day period" count none.
    /// </summary>
    private static int UnitCount(string text, string unit)
    {
        var head = unit.Split(' ')[^1].ToLowerInvariant();
        var stem = head.EndsWith('s') ? head[..^1] : head;
        var all = Regex.Matches(text.ToLowerInvariant(), $@"\b{Regex.Escape(stem)}s?\b");
        var afterNumbers = Regex.Matches(text.ToLowerInvariant(), $@"\d[\d,.]*[\s-]+({Regex.Escape(stem)}s?)\b").Select(m => m.Groups[1].Index).ToHashSet();
        return all.Count(m => !afterNumbers.Contains(m.Index)) + Math.Min(1, afterNumbers.Count);
    }

    /// <summary>Every figure in the base, as an analyst would write it. A figure added to the base needs its line here.</summary>
    public static TheoryData<string, string> RealFigures => new()
    {
        { "fig-serbia-hungary-defence-plan-2025-joint-activities-sav", "79 joint activities scheduled for 2025" },
        { "fig-serbia-hungary-defence-plan-2025-joint-activities-pupin", "79 joint military activities in the Defense Cooperation Plan for 2025" },
        { "fig-montenegro-share-montenegrin-pupin-2025", "41% identified as Montenegrin (latest census)" },
        { "fig-montenegro-share-serb-pupin-2025", "33% identified as Serb (latest census)" },
        { "fig-bosnia-and-herzegovina-dominant-ethnic-groups-antic", "three dominant ethnic groups (as of 2024)" },
        { "fig-cefta-2006-bilateral-trade-increase-dragutinovic-bjelic", "a 44% increase in bilateral trade among Balkan CEFTA participants since the agreement was signed" },
        { "fig-cefta-2006-trade-effect-dragutinovic-bjelic", "an average increase of about 25.3% in trade between any two members in the first five to six years after entry into force" },
        { "fig-serbia-foreign-investment-2007-2021-sda", "€42 billion in foreign investment between 2007 and 2021" },
        { "fig-bosnia-and-herzegovina-foreign-investment-fipa", "€8.8 billion invested over a similar period" },
        { "fig-north-macedonia-investment-nbrnm", "€7.01 billion worth of investments as of the end of 2022" },
        { "fig-albania-annual-investment-2016-2021-us-state-dept", "$1.19 billion in investment a year on average between 2016 and 2021" },
        { "fig-serbia-trade-surplus-cefta-2023-serbia-gov", "a $2.71 billion trade surplus with CEFTA participants in 2023" },
        { "fig-serbia-eu-share-of-trade-2022-antic", "54% of Serbia's total trade in 2022, with the EU" },
        { "fig-serbia-regional-economy-rank-antic", "the largest economy in the region (as of 2024)" },
        { "fig-bosnia-and-herzegovina-regional-economy-rank-antic", "the second largest economy in the region (as of 2024)" },
        { "fig-kosovo-tariffs-2018-tariff-rate-antic", "100% tariffs on products from both Serbia and Bosnia and Herzegovina in 2018" },
        { "fig-kosovo-trade-measures-against-serbia-antic", "twice resorted to tariffs and trade blockades (as of 2024)" },
        { "fig-eufor-althea-troops-pupin-2025", "about 1,100 EUFOR troops, backed by NATO, deployed in Bosnia under a UN mandate (as of 21 May 2025)" },
        { "fig-kfor-troops-nato-2023", "more than 4,500 personnel in total after 1,000 troops were added following the 2023 violence in Banjska" },
        { "fig-kfor-troops-pupin-2025", "about 3,700 NATO troops serving as peacekeepers in Kosovo under KFOR (as of 21 May 2025)" },
        { "fig-kfor-reinforcement-banjska-2023-troops-added-nato", "an additional 1,000 troops added to KFOR after the 2023 violence in Banjska" },
        { "fig-kfor-reinforcement-2023-05-troops-added-reuters", "an additional 700 troops deployed by NATO after the May 2023 unrest" },
        { "fig-kfor-reinforcement-2023-05-battalions-on-alert-reuters", "another battalion placed on high alert after the May 2023 unrest" },
        { "fig-hungary-combat-aircraft-pupin-2025", "14 JAS-39 Gripens (as of 21 May 2025)" },
        { "fig-serbia-combat-aircraft-ordered-pupin-2025", "12 Rafales ordered in 2024 (as of 21 May 2025)" },
        { "fig-croatia-combat-aircraft-pupin-2025", "12 Rafales (as of 21 May 2025)" },
        { "fig-albania-combat-aircraft-pupin-2025", "none listed (as of 21 May 2025)" },
        { "fig-kosovo-combat-aircraft-pupin-2025", "none listed (as of 21 May 2025)" },
        { "fig-serbia-tanks-pupin-2025", "250–300 main battle tanks (as of 21 May 2025)" },
        { "fig-hungary-tanks-pupin-2025", "44 Leopard 2A7+ main battle tanks (as of 21 May 2025)" },
        { "fig-croatia-tanks-pupin-2025", "75 M-84s (as of 21 May 2025)" },
        { "fig-albania-tanks-pupin-2025", "40 Type 59 main battle tanks (as of 21 May 2025)" },
        { "fig-kosovo-tanks-pupin-2025", "none listed (as of 21 May 2025)" },
        { "fig-serbia-defence-industry-pupin-2025", "Producer (APCs, artillery, drones), as of 21 May 2025" },
        { "fig-hungary-defence-industry-pupin-2025", "Lynx IFV production (as of 21 May 2025)" },
        { "fig-croatia-defence-industry-pupin-2025", "a small capacity (as of 21 May 2025)" },
        { "fig-albania-defence-industry-pupin-2025", "Limited, mostly import-based (as of 21 May 2025)" },
        { "fig-kosovo-defence-industry-pupin-2025", "Limited, mostly import-based (as of 21 May 2025)" },
        { "fig-hungary-modernization-focus-pupin-2025", "Western/NATO systems (as of 21 May 2025)" },
        { "fig-serbia-modernization-focus-pupin-2025", "Mixed (Western, Russian, Chinese), as of 21 May 2025" },
        { "fig-croatia-modernization-focus-pupin-2025", "NATO upgrades (as of 21 May 2025)" },
        { "fig-kosovo-modernization-focus-pupin-2025", "Light army (as of 21 May 2025)" },
        { "fig-albania-modernization-focus-pupin-2025", "Limited modernization (as of 21 May 2025)" },
        { "fig-nato-european-active-troops-pupin-2025", "more than 1.5 million active troops among its European members alone (as of 21 May 2025)" },
        { "fig-nato-modern-aircraft-pupin-2025", "hundreds of modern aircraft (as of 21 May 2025)" },
        { "fig-open-balkan-max-stay-days-antic", "90 days within any 180-day period, on visits with ID cards only (as of 2024)" },
        { "fig-open-balkan-founding-members-antic", "3 states (Serbia, North Macedonia and Albania as its founders; as of 29 July 2021)" },
        { "fig-open-balkan-age-antic", "nearly three years of the initiative's existence (as of 2024)" },
        { "fig-rafale-purchase-2024-aircraft-sav", "12 Rafale fighter jets from Dassault Aviation (as of August 2024)" },
        { "fig-rafale-purchase-2024-contract-value-sav", "€2.7 billion for 12 Rafale fighter jets (as of August 2024)" },
        { "fig-kosovo-un-members-disputing-independence-pupin-2025", "nearly half of UN members dispute Kosovo's independence (as of 21 May 2025)" },
        { "fig-kosovo-eu-states-disputing-independence-pupin-2025", "five EU member states dispute Kosovo's independence (as of 21 May 2025)" },
        { "fig-banjska-indictment-2024-persons-indicted-sav", "45 suspects indicted on terrorism charges over the 2023 attack (as of September 2024)" },
        { "fig-kosovo-police-officers-arrest-2023-officers-arrested-antic", "three Kosovo police officers arrested in Central Serbia (as of 2023)" },
    };

    [Theory]
    [MemberData(nameof(RealFigures))]
    public void Format_RealFigure_ReadsAsAnAnalystWouldWriteIt(string id, string expected) => Assert.Equal(expected, Format(id));

    [Fact]
    public void Format_RealFigures_CoverTheWholeBase() =>
        Assert.Equal(Figures.Select(f => f.Id).Order(), RealFigures.Select(row => (string)row[0]).Order());

    [Fact]
    public void Format_WithQualifier_AddsItOnceBeforeTheDate()
    {
        var serb = seed.Kb.Get("fig-montenegro-share-serb-pupin-2025")!;
        Assert.Equal("identified as Serb (latest census)", FigureText.QualifierOf(serb));
        Assert.Equal("33% identified as Serb (latest census)", FigureText.Format(serb, FigureText.QualifierOf(serb), withDate: true));
        var tanks = seed.Kb.Get("fig-serbia-tanks-pupin-2025")!;
        Assert.Equal("250–300 main battle tanks in service (as of 21 May 2025)", FigureText.Format(tanks, "in service", withDate: true));
        Assert.Equal("250–300 main battle tanks in service", FigureText.Format(tanks, "in service", withDate: false));
        // The source's own words already carry it: not said twice.
        var jets = seed.Kb.Get("fig-rafale-purchase-2024-aircraft-sav")!;
        Assert.Equal("12 Rafale fighter jets (as of August 2024)", FigureText.Format(jets, "Rafale fighter jets", withDate: true));
    }

    private static KnowledgeRecord Synthetic(double? value, string? unit, string? approx = "exact", string? text = null, double? max = null,
        string? qualifier = null, DatePeriod? period = null, string measure = "test-measure") => new()
        {
            Id = "fig-test",
            Kind = RecordKind.Figure,
            Name = "Test figure",
            Subject = "serbia",
            Measure = measure,
            Value = value,
            ValueMax = max,
            Approx = approx,
            Unit = unit,
            ValueText = text,
            Qualifier = qualifier,
            Period = period,
        };

    [Theory]
    [InlineData(1_500_000d, "troops", "more-than", null, null, "more than 1.5 million troops")]
    [InlineData(3700d, "troops", "about", "3,700", null, "about 3,700 troops")]
    [InlineData(250d, "tanks", "range", "250-300", 300d, "250–300 main battle tanks")]
    [InlineData(1d, "battalions", "exact", "1", null, "1 battalion")]
    [InlineData(1d, "persons", "exact", null, null, "1 person")]
    [InlineData(45d, "persons", "less-than", null, null, "fewer than 45 people")]
    [InlineData(5d, "percent", "less-than", "5", null, "less than 5%")]
    [InlineData(2.7, "billion EUR", "exact", "2.7", null, "€2.7 billion")]
    [InlineData(1.19, "billion USD", "about", null, null, "about $1.19 billion")]
    [InlineData(0d, "aircraft", "exact", "None", null, "none listed")]
    [InlineData(0d, "tanks", "exact", null, null, "none listed")]
    [InlineData(4500d, "troops", "more-than", "well over 4,500", null, "more than 4,500 troops")]
    [InlineData(3700d, "troops", "about", "approximately 3,700", null, "about 3,700 troops")]
    [InlineData(700d, "troops", "exact", "an additional 700", null, "an additional 700 troops")]
    [InlineData(2d, "occasions", "exact", "twice", null, "twice")]
    [InlineData(44d, "percent", "exact", "44-percent", null, "44%")]
    [InlineData(2.7, "billion EUR", "exact", "2.7 billion euros", null, "€2.7 billion")]
    [InlineData(12d, "aircraft", "exact", "12 Rafales (Serbia)", null, "12 Rafales")]
    [InlineData(1d, "rank", "exact", null, null, "1st")]
    public void Format_Shapes_ReadAsEnglish(double? value, string? unit, string approx, string? text, double? max, string expected) =>
        Assert.Equal(expected, FigureText.Format(Synthetic(value, unit, approx, text, max), withDate: false));

    [Theory]
    [InlineData(45d, "persons", "exact", "45", "suspects indicted on terrorism charges", "45 suspects indicted on terrorism charges")]
    [InlineData(3d, "persons", "exact", "three", "Kosovo police officers arrested", "three Kosovo police officers arrested")]
    [InlineData(90d, "days", "exact", "90", "within any 180-day period", "90 days within any 180-day period")]
    [InlineData(3d, "states", "exact", null, "Serbia, North Macedonia and Albania as its founders", "3 states (Serbia, North Macedonia and Albania as its founders)")]
    [InlineData(2.71, "billion USD", "exact", "$2.71 billion", "trade surplus with CEFTA participants", "a $2.71 billion trade surplus with CEFTA participants")]
    [InlineData(8d, "percent", "exact", "8%", "increase in exports", "an 8% increase in exports")]
    [InlineData(25.3, "percent", "about", "about 25.3 percent", "average increase in trade between two members", "an average increase of about 25.3% in trade between two members")]
    [InlineData(100d, "percent", "exact", "100-percent", "tariffs on products from Serbia", "100% tariffs on products from Serbia")]
    [InlineData(7.01, "billion EUR", "exact", "€7.01 billion", "worth of investments", "€7.01 billion worth of investments")]
    [InlineData(2d, "rank", "exact", "second largest", "economy in the region", "the second largest economy in the region")]
    [InlineData(12d, "aircraft", "exact", "12 Rafales", "ordered 2024", "12 Rafales ordered in 2024")]
    [InlineData(4500d, "troops", "more-than", "well over 4,500", "personnel in total", "more than 4,500 personnel in total")]
    public void Format_WithQualifier_FollowsTheFigureAsASentenceWould(double value, string unit, string approx, string? text, string qualifier, string expected) =>
        Assert.Equal(expected, FigureText.Format(Synthetic(value, unit, approx, text, qualifier: qualifier), withDate: false));

    [Fact]
    public void Format_Period_AddedOnlyWhereTheWordsDoNotSayIt()
    {
        var tariffs = Synthetic(100, "percent", text: "100-percent", qualifier: "tariffs on Serbian products", period: new DatePeriod(new PartialDate(2018), new PartialDate(2018)));
        Assert.Equal("100% tariffs on Serbian products in 2018", FigureText.Format(tariffs, withDate: false));
        var investment = Synthetic(42, "billion EUR", text: "€42 billion", qualifier: "between 2007 and 2021", period: new DatePeriod(new PartialDate(2007), new PartialDate(2021)),
            measure: "foreign-investment-cumulative");
        Assert.Equal("€42 billion in foreign investment between 2007 and 2021", FigureText.Format(investment, withDate: false));
        var bare = Synthetic(42, "billion EUR", text: "€42 billion", period: new DatePeriod(new PartialDate(2007), new PartialDate(2021)), measure: "foreign-investment-cumulative");
        Assert.Equal("€42 billion in foreign investment between 2007 and 2021", FigureText.Format(bare, withDate: false));
        var since = Synthetic(3, "years", text: "3", period: new DatePeriod(new PartialDate(2021), null));
        Assert.Equal("3 years since 2021", FigureText.Format(since, withDate: false));
    }

    [Fact]
    public void Format_UnderAnotherCulture_UsesInvariantSeparators()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("about 3,700.5 troops", FigureText.Format(Synthetic(3700.5, "troops", "about"), withDate: false));
            Assert.Equal("€2.71 billion", FigureText.Format(Synthetic(2.71, "billion EUR"), withDate: false));
        }
        finally { CultureInfo.CurrentCulture = before; }
    }

    [GeneratedRegex(@"\b(EUR|USD|GBP|CHF|RSD)\b")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex(@"\bNone\b")]
    private static partial Regex NoneWord();

    [GeneratedRegex(@"(?i)\b(\p{L}+)\s+\1\b")]
    private static partial Regex DoubledWord();
}

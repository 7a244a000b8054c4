using System.Globalization;
using System.Text.RegularExpressions;
using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Answers;

/// <summary>The one figure formatter, over every figure in the real base and over the shapes a figure can take.</summary>
public sealed partial class FigureTextTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    private IReadOnlyList<KnowledgeRecord> Figures => seed.Kb.OfKind(RecordKind.Figure).ToList();

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
            if (f.Unit is { } unit && unit.Contains(' ') && text.Contains(unit, StringComparison.Ordinal)
                && f.ValueText?.Contains(unit, StringComparison.Ordinal) != true) Problem($"raw unit \"{unit}\"");
            if (f.Unit is { } u && UnitCount(text, u) > Math.Max(1, UnitCount(f.ValueText ?? "", u))) Problem($"unit \"{u}\" repeated");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static int UnitCount(string text, string unit)
    {
        var head = unit.Split(' ')[^1].ToLowerInvariant();
        var stem = head.EndsWith('s') ? head[..^1] : head;
        return Regex.Matches(text.ToLowerInvariant(), $@"\b{Regex.Escape(stem)}s?\b").Count;
    }

    [Theory]
    [InlineData("fig-kosovo-tanks-pupin-2025", "none listed (as of 21 May 2025)")]
    [InlineData("fig-serbia-tanks-pupin-2025", "250–300 main battle tanks (as of 21 May 2025)")]
    [InlineData("fig-croatia-tanks-pupin-2025", "75 M-84 main battle tanks (as of 21 May 2025)")]
    [InlineData("fig-hungary-tanks-pupin-2025", "44 Leopard 2A7+ main battle tanks (as of 21 May 2025)")]
    [InlineData("fig-hungary-combat-aircraft-pupin-2025", "14 JAS-39 Gripen aircraft (as of 21 May 2025)")]
    [InlineData("fig-serbia-combat-aircraft-ordered-pupin-2025", "12 Rafale aircraft (ordered 2024; as of 21 May 2025)")]
    [InlineData("fig-montenegro-share-serb-pupin-2025", "33% identified as Serb")]
    [InlineData("fig-montenegro-share-montenegrin-pupin-2025", "41% identified as Montenegrin")]
    [InlineData("fig-kfor-troops-nato-2023", "more than 4,500 troops")]
    [InlineData("fig-kfor-troops-pupin-2025", "approximately 3,700 NATO troops (as of 21 May 2025)")]
    [InlineData("fig-serbia-foreign-investment-2007-2021-sda", "€42 billion in foreign investment between 2007 and 2021")]
    [InlineData("fig-bosnia-and-herzegovina-foreign-investment-fipa", "a total of €8.8 billion invested over a similar period")]
    [InlineData("fig-serbia-trade-surplus-cefta-2023-serbia-gov", "a $2.71 billion trade surplus with CEFTA participants in 2023")]
    [InlineData("fig-kosovo-eu-states-disputing-independence-pupin-2025", "five EU states (as of 21 May 2025)")]
    [InlineData("fig-kosovo-trade-measures-against-serbia-antic", "twice resorted to tariffs and trade blockades (as of 2024)")]
    [InlineData("fig-kosovo-police-officers-arrest-2023-officers-arrested-antic", "three police officers (as of 2023)")]
    public void Format_RealFigure_ReadsAsAnAnalystWouldWriteIt(string id, string expected) => Assert.Equal(expected, Format(id));

    [Fact]
    public void Format_WithQualifier_AddsItOnceBeforeTheDate()
    {
        var serb = seed.Kb.Get("fig-montenegro-share-serb-pupin-2025")!;
        Assert.Equal("33% identified as Serb (census)", FigureText.Format(serb, "census", withDate: true));
        var tanks = seed.Kb.Get("fig-serbia-tanks-pupin-2025")!;
        Assert.Equal("250–300 main battle tanks (estimate, as of 21 May 2025)", FigureText.Format(tanks, "estimate", withDate: true));
        Assert.Null(FigureText.QualifierOf(serb)); // the schema has no qualifier yet
    }

    private static KnowledgeRecord Synthetic(double? value, string? unit, string? approx = "exact", string? text = null, double? max = null) => new()
    {
        Id = "fig-test",
        Kind = RecordKind.Figure,
        Name = "Test figure",
        Subject = "serbia",
        Measure = "test-measure",
        Value = value,
        ValueMax = max,
        Approx = approx,
        Unit = unit,
        ValueText = text,
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
    [InlineData(4500d, "troops", "more-than", "\"well over 4,500\" personnel", null, "more than 4,500 troops")]
    [InlineData(12d, "aircraft", "exact", "12 Rafales (Serbia)", null, "12 Rafale aircraft")]
    [InlineData(1d, "rank", "exact", null, null, "1st")]
    public void Format_Shapes_ReadAsEnglish(double? value, string? unit, string approx, string? text, double? max, string expected) =>
        Assert.Equal(expected, FigureText.Format(Synthetic(value, unit, approx, text, max), withDate: false));

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

    [GeneratedRegex(@"\bNone\b")]
    private static partial Regex NoneWord();

    [GeneratedRegex(@"(?i)\b(\p{L}+)\s+\1\b")]
    private static partial Regex DoubledWord();
}

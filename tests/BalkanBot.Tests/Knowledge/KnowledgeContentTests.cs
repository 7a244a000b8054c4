using System.Text.RegularExpressions;
using BalkanBot.Knowledge;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Knowledge;

/// <summary>The curated base itself: coverage, citations that resolve, and the recorded disagreements.</summary>
public sealed class KnowledgeContentTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    [Fact]
    public void Build_SeedKnowledge_HasWellOverAHundredRecordsOfEveryKind()
    {
        Assert.True(seed.Build.Records > 150, $"only {seed.Build.Records} records");
        foreach (var kind in Enum.GetValues<RecordKind>())
            Assert.True(seed.Build.ByKind.GetValueOrDefault(kind) > 0, $"no {kind} records");
    }

    [Fact]
    public void Records_EverySummaryFactFigureAndClaim_CitesASeedDocument()
    {
        string[] seeds = ["antic-horizons-2024", "sav-minilateral-defence", "pupin-brief-2025"];
        foreach (var r in seed.Kb.Resident.Where(r => r.Kind != RecordKind.Source))
            foreach (var c in new[] { r.Summary, r.Role }.OfType<CitedText>().Concat(r.Facts))
                Assert.True(c.Cite.Any(x => seeds.Contains(x.Source) || seed.Kb.Source(x.Source)?.Via is not null),
                    $"{r.Id}: '{c.Text[..Math.Min(40, c.Text.Length)]}' cites no seed document");
    }

    [Fact]
    public void Passages_ReadersSee_NameNoRecordById()
    {
        // Ids such as "claim-antic-critics-of-open-balkan" are keys, not words: a reader is told what the record says.
        var ids = seed.Kb.Resident.Select(r => r.Id).Where(id => id.Count(c => c == '-') >= 2).ToHashSet(StringComparer.Ordinal);
        var leaks = seed.Kb.Passages.All
            .SelectMany(p => Regex.Matches(p.Text, @"[a-z0-9]+(?:-[a-z0-9]+){2,}").Where(m => ids.Contains(m.Value)).Select(m => $"{p.RecordId}: {m.Value}"))
            .ToList();

        Assert.Empty(leaks);
    }

    [Fact]
    public void Conflicts_KforTroopNumbers_KeepBothSides()
    {
        var figures = seed.Kb.FiguresOf(["kfor"]).Where(f => f.Measure == "troops").ToList();
        Assert.Contains(figures, f => f.Value == 4500);
        Assert.Contains(figures, f => f.Value == 3700);
        Assert.Contains(seed.Kb.ConflictsAbout(figures.Select(f => f.Id).ToList()), c => c.Id == "conflict-kfor-troop-numbers");
    }

    [Fact]
    public void Agreements_TiranaDeclaration_IsDatedAndNotBinding()
    {
        var tirana = seed.Kb.Get("tirana-declaration-2025")!;
        Assert.Equal(new PartialDate(2025, 3, 18), tirana.Date);
        Assert.Equal(["albania", "croatia", "kosovo"], tirana.Parties.Order().ToArray());
        Assert.Equal("no", tirana.LegallyBinding?.Value);
        Assert.DoesNotContain("mutual-defence", tirana.Provisions);
    }

    [Theory]
    [InlineData("banjska-attack-2023")]
    [InlineData("ibar-lepenac-canal-blast")]
    public void Events_AttacksBlamedOnSerbia_DoNotListSerbiaAsAnActor(string id)
    {
        // The documents say "gunmen from Serbia" and that Kosovo blamed Serbia, which denied it: an accusation, not a finding.
        Assert.DoesNotContain("serbia", seed.Kb.Get(id)!.Actors);
        Assert.Contains(seed.Kb.ClaimsAbout([id]), c => c.About.Contains("serbia"));
    }

    [Fact]
    public void Claims_CanalBlast_KeepsBothTheAccusationAndTheDenial()
    {
        var stances = seed.Kb.ClaimsAbout(["ibar-lepenac-canal-blast"]).Select(c => c.Stance).ToList();
        Assert.Contains("blames-serbia", stances);
        Assert.Contains("denies-involvement", stances);
    }

    [Theory]
    [InlineData("dodik-russia-veto-call-2025", "Reuters report of 12 March 2025")]
    [InlineData("rs-border-police-2025", "Daily Sabah report of 17 March 2025")]
    [InlineData("chinese-missiles-admission-2026", "month of that report")]
    [InlineData("kfor-reinforcement-2023-05", "Reuters report of 30 May 2023")]
    public void Events_DatedFromACitedReport_SaySo(string id, string phrase)
    {
        var r = seed.Kb.Get(id)!;
        Assert.Contains(r.Facts, f => f.Text.Contains(phrase, StringComparison.Ordinal)
            && (f.Text.Contains("date", StringComparison.Ordinal) || f.Text.Contains("month", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("conflict-serbia-russia-arms-ties", "serbia-russia-defence-cooperation-halt-2022", "chinese-missiles-admission-2026")]
    [InlineData("conflict-serbia-hungary-alliance-character", "claim-vucic-hungary-deal-military-alliance", "claim-sav-serbia-hungary-counter-minilateralism")]
    [InlineData("conflict-serbia-first-nato-partnership", "serbia-hungary-defence-plan-2025", "partnership-for-peace")]
    [InlineData("conflict-open-balkan-western-support", "claim-antic-open-balkan-western-aligned", "claim-pupin-rec-support-open-balkan")]
    public void Conflicts_LinkBothSidesAndCiteBothDocuments(string id, string one, string other)
    {
        var c = seed.Kb.Get(id)!;
        Assert.Contains(one, c.About);
        Assert.Contains(other, c.About);
        Assert.True(c.Summary!.Cite.Select(x => x.Source).Distinct().Count() >= 2);
    }

    [Fact]
    public void Figures_WithANumber_CarryUnitAndApprox_AndValueTextIsTheBareFigure()
    {
        foreach (var f in seed.Kb.Resident.Where(r => r.Kind == RecordKind.Figure && r.Value is not null))
        {
            Assert.False(f.Unit is null || f.Approx is null, $"{f.Id}: unit and approx are required with a value");
            Assert.False(f.ValueText is { } t && (t.Contains(" between ", StringComparison.Ordinal) || t.Contains("personnel", StringComparison.Ordinal)),
                $"{f.Id}: value_text '{f.ValueText}' carries words that belong in qualifier or unit");
        }
        var fdi = seed.Kb.Get("fig-serbia-foreign-investment-2007-2021-sda")!;
        Assert.Equal(("€42 billion", "between 2007 and 2021"), (fdi.ValueText, fdi.Qualifier));
        Assert.Equal(new DatePeriod(new PartialDate(2007), new PartialDate(2021)), fdi.Period);
    }

    [Fact]
    public void Locators_NameEachParagraphOneWay()
    {
        string[] seeds = ["antic-horizons-2024", "sav-minilateral-defence", "pupin-brief-2025"];
        var allowed = new Regex(@"^(§ .+, para \d+(; endnote \d+)?|§ Military Strength Comparison, 'Strategic Implications' paragraph|table '[^']+'(, row '[^']+')?|endnote \d+.*|Bibliography, .*|author note|title block|author block)$");
        foreach (var r in seed.Kb.Resident)
            foreach (var c in r.AllCitations.Where(c => seeds.Contains(c.Source)))
                Assert.True(allowed.IsMatch(c.At), $"{r.Id}: locator '{c.At}'");
    }
}

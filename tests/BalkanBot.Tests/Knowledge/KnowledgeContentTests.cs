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
}

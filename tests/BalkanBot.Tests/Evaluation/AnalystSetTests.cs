using System.Security.Cryptography;
using System.Text;
using BalkanBot.Evaluation;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Evaluation;

/// <summary>
/// tests/eval/analyst.yaml is well formed: big enough, every kind well represented in both halves of the fixed split,
/// and every source and record it names exists. Scores are not asserted here; `balkanbot eval --check-floors` does that.
/// </summary>
public sealed class AnalystSetTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    private static readonly string SetPath = Path.Combine(SeedKnowledge.RepositoryRoot, "tests", "eval", "analyst.yaml");
    private static readonly IReadOnlyList<EvalQuestion> Set = EvalSet.Load(SetPath);
    private static readonly string[] SeedSources = ["antic-horizons-2024", "sav-minilateral-defence", "pupin-brief-2025"];

    [Fact]
    public void AnalystSet_IsLargeAndEveryKindIsWellRepresented()
    {
        Assert.True(Set.Count >= 300, $"{Set.Count} questions");
        Assert.All(Set, q => Assert.Contains(q.Kind, EvalSet.AnalystKinds));
        foreach (var kind in EvalSet.AnalystKinds)
            Assert.True(Set.Count(q => q.Kind == kind) >= 15, $"{kind}: {Set.Count(q => q.Kind == kind)}");
        Assert.True(Set.Count(q => q.IsTrap) >= 50, $"traps: {Set.Count(q => q.IsTrap)}");
    }

    [Fact]
    public void AnalystSet_QuestionsAreWellFormed()
    {
        var texts = Set.Select(q => q.Q.Trim().ToLowerInvariant()).ToList();
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
        foreach (var q in Set)
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Q));
            Assert.Null(q.Intent); // the set measures facts, not routing
            if (q.Kind is "trap" or "out-of-scope")
            {
                Assert.True(q.Scope == "out", $"{q.Q}: {q.Kind} must have scope: out");
                Assert.True(q.ExpectsNoAnswer);
                Assert.Empty(q.Must);
            }
            else
            {
                Assert.True(q.Scope is null, $"{q.Q}: scope {q.Scope}");
                Assert.InRange(q.Must.Count, 1, 3);
                Assert.NotEmpty(q.Cite);
                Assert.All(q.Cite, c => Assert.Contains(c, SeedSources));
            }
            if (q.Kind == "pasted-thread") Assert.InRange(q.Q.Trim().Length, 600, 2500);
        }
    }

    [Fact]
    public void AnalystSet_CitesAndRecordsExistInTheKnowledgeBase()
    {
        foreach (var q in Set)
        {
            Assert.All(q.Cite, c => Assert.True(seed.Kb.Source(c) is not null, $"{q.Q}: unknown source {c}"));
            Assert.All(q.Records, r => Assert.True(seed.Kb.Get(r) is not null, $"{q.Q}: unknown record {r}"));
        }
    }

    [Fact]
    public void Split_IsTheDocumentedHashAndStable()
    {
        foreach (var q in Set)
        {
            var first = SHA256.HashData(Encoding.UTF8.GetBytes(q.Q.Trim().ToLowerInvariant()))[0];
            Assert.Equal((first & 1) == 0 ? EvalHalf.Dev : EvalHalf.HeldOut, q.Half);
            Assert.Equal(q.Half, EvalSplit.Of("  " + q.Q.ToUpperInvariant() + "\n")); // case and surrounding space never move a question
        }
        // Pinned, so a change to the rule shows up here and not as silently reshuffled halves.
        Assert.Equal(EvalHalf.Dev, EvalSplit.Of("What is the population of Serbia?"));
        Assert.Equal(EvalHalf.HeldOut, EvalSplit.Of("Who is the defence minister of Croatia?"));
    }

    [Fact]
    public void Split_BothHalvesHoldEveryKind()
    {
        var dev = Set.Where(q => q.Half == EvalHalf.Dev).ToList();
        var heldOut = Set.Where(q => q.Half == EvalHalf.HeldOut).ToList();
        Assert.InRange(dev.Count, Set.Count * 3 / 10, Set.Count * 7 / 10);
        foreach (var kind in EvalSet.AnalystKinds)
        {
            Assert.True(dev.Any(q => q.Kind == kind), $"no {kind} question in dev");
            Assert.True(heldOut.Any(q => q.Kind == kind), $"no {kind} question in held-out");
        }
    }

    [Fact]
    public void Baseline_ReturnsTheTopThreeRecordsWithTheirCitations()
    {
        var answer = new Bm25Baseline(seed.Kb).Answer("When was the Tirana Declaration signed?");
        Assert.Equal(Bm25Baseline.TopK, answer.RecordIds.Count);
        Assert.All(answer.RecordIds, id => Assert.Contains(seed.Kb.Get(id)!.Name, answer.Text));
        Assert.Contains("18 March 2025", answer.Text);
        Assert.Contains(answer.SourceIds, SeedSources.Contains);
        Assert.Empty(new Bm25Baseline(seed.Kb).Answer("what is the").RecordIds);
    }

    [Fact]
    public void Baseline_IsScoredLikeTheEngineAndNeverDeclines()
    {
        var questions = Set.Where(q => q.Kind is "plain" or "trap").Take(40).ToList();
        var report = EvalRunner.Run(seed.Kb, questions, withBaseline: true);
        Assert.All(report.Outcomes, o => Assert.NotNull(o.Baseline));
        var scores = EvalScores.Of(report.Outcomes);
        Assert.Equal(0, scores.BaselineTrapsDeclined.Hits);
        Assert.True(scores.BaselineTrapsDeclined.Count > 0);
        Assert.Equal(report.Outcomes.Count(o => !o.Question.ExpectsNoAnswer && o.Baseline!.Correct), scores.BaselineCorrect.Hits);
        Assert.Equal(report.Outcomes.Count, report.Of(EvalHalf.Dev).Count + report.Of(EvalHalf.HeldOut).Count);
    }

    [Fact]
    public void Floors_AreCheckedOnNumbersOnly()
    {
        var report = EvalRunner.Run(seed.Kb, Set.Where(q => q.IsTrap).ToList());
        var missed = EvalFloors.Check(report);
        var heldOutTexts = report.Of(EvalHalf.HeldOut).Select(o => o.Question.Q);
        Assert.All(missed, m => Assert.DoesNotContain(heldOutTexts, t => m.Contains(t, StringComparison.OrdinalIgnoreCase)));
    }
}

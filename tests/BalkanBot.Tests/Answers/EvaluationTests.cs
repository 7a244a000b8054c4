using BalkanBot.Evaluation;
using BalkanBot.Tests.TestSupport;

namespace BalkanBot.Tests.Answers;

/// <summary>
/// The question set in tests/eval/questions.yaml scored on the real base. The floors are the levels reached when the
/// set was written; a change that lowers any of them fails here. `balkanbot eval --failures dev` (or `heldout`) lists the misses.
/// </summary>
public sealed class EvaluationTests(SeedKnowledge seed) : IClassFixture<SeedKnowledge>
{
    private EvalReport Run() => EvalRunner.Run(seed.Kb, EvalSet.Load(Path.Combine(SeedKnowledge.RepositoryRoot, "tests", "eval", "questions.yaml")));

    [Fact]
    public void Eval_QuestionSet_HasTheRequiredShape()
    {
        var set = EvalSet.Load(Path.Combine(SeedKnowledge.RepositoryRoot, "tests", "eval", "questions.yaml"));
        Assert.True(set.Count >= 100);
        Assert.True(set.Count(q => q.Scope == "out") >= 10);
        Assert.True(set.Count(q => q.Scope == "hostile") >= 10);
        Assert.True(set.Count(q => q.Records.Count > 0) >= 40);
        foreach (var intent in new[] { "Overview", "Date", "Parties", "Figures", "Compare", "Timeline", "List", "Analysis" })
            Assert.Contains(set, q => q.Intent == intent);
    }

    [Fact]
    public void Eval_Answers_MeetTheFloors()
    {
        var report = Run();
        var misses = string.Join("\n", report.Outcomes.Where(o => !o.Correct).Select(o => $"{o.Question.Q}: {o.Failure}"));
        Assert.True(report.AnsweredCorrectly >= 0.95, $"answered correctly {report.AnsweredCorrectly:P1}\n{misses}");
        Assert.True(report.CitingRightSource >= 0.95, $"citing a right source {report.CitingRightSource:P1}");
        Assert.Equal(0, report.OutOfScopeWronglyAnswered);
    }

    [Fact]
    public void Eval_Retrieval_MeetsRecallFloors()
    {
        var report = Run();
        Assert.True(report.RecallAt1 >= 0.85, $"recall@1 {report.RecallAt1:P1}");
        Assert.True(report.RecallAt5 >= 0.95, $"recall@5 {report.RecallAt5:P1}");
    }

    /// <summary>
    /// Regression floors on the analyst set, below the targets in <see cref="BalkanBot.Evaluation.EvalFloors"/> that
    /// `eval --check-floors` reports against: the engine must not slip back from where it stands.
    /// </summary>
    [Fact]
    public void Eval_AnalystSet_HoldsItsRegressionFloors()
    {
        var set = BalkanBot.Evaluation.EvalSet.Load(Path.Combine(TestSupport.SeedKnowledge.RepositoryRoot, "tests", "eval", "analyst.yaml"));
        var report = BalkanBot.Evaluation.EvalRunner.Run(seed.Kb, set);
        var heldOut = BalkanBot.Evaluation.EvalScores.Of(report.Of(BalkanBot.Evaluation.EvalHalf.HeldOut));
        var all = BalkanBot.Evaluation.EvalScores.Of(report.Outcomes);
        Assert.True(heldOut.EngineCorrect.Value >= 0.75, $"held-out correct {heldOut.EngineCorrect}");
        Assert.True(all.EngineTrapsDeclined.Value >= 0.70, $"traps declined {all.EngineTrapsDeclined}");
        Assert.True(all.EngineOutOfScopeAnswered.Value <= 0.10, $"out of scope answered {all.EngineOutOfScopeAnswered}");
    }

    [Theory]
    [InlineData("July 29th, 2021", "On 29 July 2021 the three leaders signed")]
    [InlineData("April 1", "signed in Belgrade on 1 April 2025")]
    [InlineData("Antić", "as Antic writes")]
    [InlineData("180 day", "90 days in any 180-day period")]
    [InlineData("250-300", "250–300 main battle tanks")]
    [InlineData("Russia, China, and France", "ties with Russia, China and France")]
    [InlineData("Bulgaria, Romania, Hungary", "North Macedonia, Bulgaria, Romania and Hungary")]
    [InlineData("and Moldova do not", "Serbia, Bosnia and Herzegovina and Moldova do not")]
    public void Fold_TheSameFactWrittenTwoWays_Matches(string must, string answer) =>
        Assert.Contains(EvalRunner.Fold(must), EvalRunner.Fold(answer), StringComparison.Ordinal);

    [Fact]
    public void Fold_AListWithAnotherName_DoesNotMatch() =>
        Assert.DoesNotContain(EvalRunner.Fold("Bulgaria, Romania, Hungary"), EvalRunner.Fold("Bulgaria, Romania and Greece"), StringComparison.Ordinal);

    [Fact]
    public void Fold_ADifferentDay_DoesNotMatch() =>
        Assert.DoesNotContain(EvalRunner.Fold("July 29th, 2021"), EvalRunner.Fold("On 2 July 2021"), StringComparison.Ordinal);
}

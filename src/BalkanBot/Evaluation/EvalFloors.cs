using System.Globalization;

namespace BalkanBot.Evaluation;

/// <summary>
/// The levels a question set must reach, checked by `balkanbot eval --check-floors`: on the held-out half at least
/// 95% of answerable questions answered correctly with a right source; over the whole set every trap declined and
/// no out-of-scope question answered. Messages carry numbers only, never held-out question texts.
/// </summary>
public static class EvalFloors
{
    public const double HeldOutCorrect = 0.95;
    public const double TrapsDeclined = 1.0;
    public const double OutOfScopeAnswered = 0.0;

    /// <summary>The floors the report misses; empty when it meets them all. A group with no questions passes.</summary>
    public static IReadOnlyList<string> Check(EvalReport report)
    {
        var failures = new List<string>();
        var heldOut = EvalScores.Of(report.Of(EvalHalf.HeldOut));
        var all = EvalScores.Of(report.Outcomes);
        if (heldOut.EngineCorrect.Value is { } correct && correct < HeldOutCorrect)
            failures.Add(Message("held-out answered correctly with a right source", heldOut.EngineCorrect, "at least", HeldOutCorrect));
        if (all.EngineTrapsDeclined.Value is { } declined && declined < TrapsDeclined)
            failures.Add(Message("traps declined", all.EngineTrapsDeclined, "", TrapsDeclined));
        if (all.EngineOutOfScopeAnswered.Value is { } answered && answered > OutOfScopeAnswered)
            failures.Add(Message("out-of-scope questions answered", all.EngineOutOfScopeAnswered, "at most", OutOfScopeAnswered));
        return failures;
    }

    private static string Message(string what, Rate got, string bound, double floor) => string.Create(CultureInfo.InvariantCulture,
        $"{what}: {got} ({got.Hits}/{got.Count}), floor {(bound.Length > 0 ? bound + " " : "")}{Rate.Percent(floor)}");
}

using System.Globalization;

namespace BalkanBot.Evaluation;

/// <summary>
/// The eval's text output: per set and half, the engine beside the BM25 baseline, then a per-kind table. Held-out
/// question texts are printed only when asked for explicitly.
/// </summary>
public static class EvalPrinter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Print(TextWriter w, string setName, EvalReport report, EvalHalf? listFailures = null)
    {
        var dev = report.Of(EvalHalf.Dev);
        var heldOut = report.Of(EvalHalf.HeldOut);
        w.WriteLine(string.Create(Inv, $"== {setName}: {report.Total} questions (dev {dev.Count}, held-out {heldOut.Count}) =="));
        var d = EvalScores.Of(dev);
        var h = EvalScores.Of(heldOut);
        w.WriteLine($"{"",-40}{"dev",-26}{"held-out"}");
        w.WriteLine($"{"",-40}{"engine",-9}{"bm25",-17}{"engine",-9}{"bm25"}");
        Row(w, "correct with a right source", d.EngineCorrect, d.BaselineCorrect, h.EngineCorrect, h.BaselineCorrect);
        Row(w, "traps declined", d.EngineTrapsDeclined, d.BaselineTrapsDeclined, h.EngineTrapsDeclined, h.BaselineTrapsDeclined);
        Row(w, "out of scope answered (lower is better)", d.EngineOutOfScopeAnswered, d.BaselineOutOfScopeAnswered, h.EngineOutOfScopeAnswered, h.BaselineOutOfScopeAnswered);
        w.WriteLine(string.Create(Inv, $"engine misses, answerable ones: dev {Reasons(dev)}; held-out {Reasons(heldOut)}"));
        w.WriteLine(string.Create(Inv,
            $"engine, whole set: recall@1 {Rate.Percent(report.RecallAt1)}, recall@5 {Rate.Percent(report.RecallAt5)} ({report.RetrievalCount} questions with expected records); intent routed right {Rate.Percent(report.IntentAccuracy)}"));
        w.WriteLine();

        w.WriteLine("by kind (correct with a right source; for questions to decline: declined)");
        w.WriteLine($"{"kind",-22}{"dev n",7}{"engine",9}{"bm25",9}   {"held-out n",10}{"engine",9}{"bm25",9}");
        var order = EvalSet.AnalystKinds.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        foreach (var group in report.Outcomes.GroupBy(o => o.Question.Group)
                     .OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var (de, db) = EvalScores.Handled(group.Where(o => o.Half == EvalHalf.Dev).ToList());
            var (he, hb) = EvalScores.Handled(group.Where(o => o.Half == EvalHalf.HeldOut).ToList());
            w.WriteLine(string.Create(Inv, $"{group.Key,-22}{de.Count,7}{de,9}{db,9}   {he.Count,10}{he,9}{hb,9}"));
        }
        w.WriteLine();

        if (listFailures is { } half)
        {
            var failing = report.Of(half).Where(o => !o.Correct).ToList();
            w.WriteLine(string.Create(Inv, $"failing {EvalSplit.Label(half)} questions: {failing.Count}"));
            foreach (var o in failing)
            {
                var bm25 = o.Baseline is null ? "" : o.Baseline.Correct ? "  [bm25: right]" : "";
                w.WriteLine($"- [{o.Question.Group}] {OneLine(o.Question.Q)} → {o.Failure}{bm25}");
            }
            w.WriteLine();
        }
    }

    /// <summary>Why the engine failed answerable questions, as counts only (no question text).</summary>
    private static string Reasons(IReadOnlyList<EvalOutcome> half)
    {
        var failed = half.Where(o => !o.Question.ExpectsNoAnswer && !o.Correct).ToList();
        var declined = failed.Count(o => !o.Answer.Answered);
        var missing = failed.Count(o => o.Answer.Answered && o.Failure?.StartsWith("missing", StringComparison.Ordinal) == true);
        return string.Create(Inv, $"{declined} declined, {missing} missing a fact, {failed.Count - declined - missing} other");
    }

    private static void Row(TextWriter w, string label, Rate devEngine, Rate devBaseline, Rate heldEngine, Rate heldBaseline) =>
        w.WriteLine(string.Create(Inv, $"{label,-40}{devEngine,-9}{devBaseline,-8}{"n=" + devEngine.Count,-9}{heldEngine,-9}{heldBaseline,-8}{"n=" + heldEngine.Count}"));

    /// <summary>A question on one line, long pasted threads cut to their last 160 characters (where the question is).</summary>
    private static string OneLine(string q)
    {
        var flat = string.Join(' ', q.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return flat.Length <= 200 ? flat : "…" + flat[^160..];
    }
}

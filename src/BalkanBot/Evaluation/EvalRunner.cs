using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Handlers;
using BalkanBot.Knowledge;

namespace BalkanBot.Evaluation;

/// <summary>The BM25 baseline's result on one question, scored with the same must/cite checks as the engine.</summary>
public sealed record BaselineOutcome(IReadOnlyList<string> RecordIds, bool Correct, bool CitesRightSource, string? Failure);

public sealed record EvalOutcome(EvalQuestion Question, Answer Answer, bool Correct, bool CitesRightSource, bool IntentRight,
    bool? RecallAt1, bool? RecallAt5, string? Failure)
{
    public EvalHalf Half => Question.Half;

    /// <summary>Null unless the run asked for the baseline.</summary>
    public BaselineOutcome? Baseline { get; init; }
}

public sealed record EvalReport(IReadOnlyList<EvalOutcome> Outcomes)
{
    private IEnumerable<EvalOutcome> InScope => Outcomes.Where(o => !o.Question.ExpectsNoAnswer);
    private IEnumerable<EvalOutcome> OutOfScope => Outcomes.Where(o => o.Question.ExpectsNoAnswer);
    private IEnumerable<EvalOutcome> WithRecords => Outcomes.Where(o => o.RecallAt1 is not null);

    public int Total => Outcomes.Count;
    public double AnsweredCorrectly => Share(InScope, o => o.Correct);
    public double CitingRightSource => Share(InScope.Where(o => o.Question.Cite.Count > 0), o => o.CitesRightSource);
    public double IntentAccuracy => Share(Outcomes.Where(o => o.Question.Intent is not null), o => o.IntentRight);
    public double OutOfScopeWronglyAnswered => Share(OutOfScope, o => o.Answer.Answered);
    public double RecallAt1 => Share(WithRecords, o => o.RecallAt1 == true);
    public double RecallAt5 => Share(WithRecords, o => o.RecallAt5 == true);
    public int InScopeCount => InScope.Count();
    public int OutOfScopeCount => OutOfScope.Count();
    public int RetrievalCount => WithRecords.Count();

    /// <summary>The questions of one half.</summary>
    public IReadOnlyList<EvalOutcome> Of(EvalHalf half) => Outcomes.Where(o => o.Half == half).ToList();

    private static double Share(IEnumerable<EvalOutcome> items, Func<EvalOutcome, bool> ok)
    {
        var list = items.ToList();
        return list.Count == 0 ? 1 : (double)list.Count(ok) / list.Count;
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture, $"""
        questions: {Total} ({InScopeCount} in scope, {OutOfScopeCount} out of scope or hostile)
        answered correctly:            {AnsweredCorrectly:P1}
        citing a right source:         {CitingRightSource:P1}
        intent routed right:           {IntentAccuracy:P1}
        out of scope wrongly answered: {OutOfScopeWronglyAnswered:P1}
        retrieval recall@1:            {RecallAt1:P1} (over {RetrievalCount} questions with expected records)
        retrieval recall@5:            {RecallAt5:P1}
        """);
}

/// <summary>
/// A share with its denominator, so an empty group prints as such instead of as 100%. <see cref="Value"/> is null
/// when there is nothing to measure.
/// </summary>
public readonly record struct Rate(int Hits, int Count)
{
    public double? Value => Count == 0 ? null : (double)Hits / Count;

    public static Rate Of<T>(IEnumerable<T> items, Func<T, bool> ok)
    {
        int hits = 0, count = 0;
        foreach (var item in items)
        {
            count++;
            if (ok(item)) hits++;
        }
        return new Rate(hits, count);
    }

    public override string ToString() => Value is { } v ? Percent(v) : "—";

    /// <summary>0.982 → "98.2%".</summary>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// The three numbers the eval reports for the engine and for the baseline. Correct: an in-scope question answered with
/// every `must` string and a right source cited. Traps declined: questions of kind trap not answered. Out of scope
/// answered: other questions that must be declined, answered anyway (lower is better). The baseline never declines.
/// </summary>
public sealed record EvalScores(Rate EngineCorrect, Rate BaselineCorrect, Rate EngineTrapsDeclined, Rate BaselineTrapsDeclined,
    Rate EngineOutOfScopeAnswered, Rate BaselineOutOfScopeAnswered)
{
    public static EvalScores Of(IReadOnlyList<EvalOutcome> outcomes)
    {
        var inScope = outcomes.Where(o => !o.Question.ExpectsNoAnswer).ToList();
        var traps = outcomes.Where(o => o.Question.ExpectsNoAnswer && o.Question.IsTrap).ToList();
        var outOfScope = outcomes.Where(o => o.Question.ExpectsNoAnswer && !o.Question.IsTrap).ToList();
        return new EvalScores(
            Rate.Of(inScope, o => o.Correct),
            Rate.Of(inScope, o => o.Baseline?.Correct == true),
            Rate.Of(traps, o => !o.Answer.Answered),
            Rate.Of(traps, _ => false),
            Rate.Of(outOfScope, o => o.Answer.Answered),
            Rate.Of(outOfScope, _ => true));
    }

    /// <summary>One number per group for the per-kind table: correct for answerable questions, declined for the rest.</summary>
    public static (Rate Engine, Rate Baseline) Handled(IReadOnlyList<EvalOutcome> outcomes) =>
        (Rate.Of(outcomes, o => o.Question.ExpectsNoAnswer ? !o.Answer.Answered : o.Correct),
         Rate.Of(outcomes, o => !o.Question.ExpectsNoAnswer && o.Baseline?.Correct == true));
}

/// <summary>Runs the question set through the real engine and scores what a user would see.</summary>
public static partial class EvalRunner
{
    /// <param name="withBaseline">Also answer every question with <see cref="Bm25Baseline"/> and score it the same way.</param>
    public static EvalReport Run(KnowledgeBase kb, IReadOnlyList<EvalQuestion> questions, bool withBaseline = false)
    {
        var engine = new AnswerEngine(kb, IntentHandlers.All());
        var baseline = withBaseline ? new Bm25Baseline(kb) : null;
        var outcomes = new List<EvalOutcome>();
        var n = 0;
        foreach (var q in questions)
        {
            var conversation = $"eval-{++n}";
            foreach (var c in q.Context) engine.Answer(new Question(c, "eval", conversation));
            var answer = engine.Answer(new Question(q.Q, "eval", conversation));
            outcomes.Add(Score(q, answer) with { Baseline = baseline is null ? null : ScoreBaseline(q, baseline.Answer(q.Q)) });
        }
        return new EvalReport(outcomes);
    }

    private static EvalOutcome Score(EvalQuestion q, Answer a)
    {
        var rendered = Fold(TextRenderer.Render(a));
        var missing = q.Must.Where(m => !rendered.Contains(Fold(m), StringComparison.Ordinal)).ToList();
        var cites = q.Cite.Count == 0 || a.Citations.Any(c => q.Cite.Contains(c.SourceId));
        var intentRight = q.Intent is null || string.Equals(q.Intent, a.Intent.ToString(), StringComparison.OrdinalIgnoreCase);
        bool correct;
        string? failure = null;
        if (q.ExpectsNoAnswer)
        {
            correct = !a.Answered;
            if (!correct) failure = "answered a question it should have declined";
        }
        else
        {
            correct = a.Answered && missing.Count == 0 && intentRight && cites;
            if (!a.Answered) failure = "no answer";
            else if (missing.Count > 0) failure = "missing: " + string.Join(", ", missing);
            else if (!intentRight) failure = $"intent {a.Intent}, expected {q.Intent}";
            else if (!cites) failure = "cites none of: " + string.Join(", ", q.Cite);
        }
        bool? at1 = null, at5 = null;
        if (q.Records.Count > 0)
        {
            at1 = a.RecordIds.Take(1).Any(q.Records.Contains);
            at5 = a.RecordIds.Take(5).Any(q.Records.Contains);
        }
        return new EvalOutcome(q, a, correct, cites, intentRight, at1, at5, failure);
    }

    /// <summary>The engine's checks applied to the baseline's text and sources; it never declines, so it fails every question that must be declined.</summary>
    internal static BaselineOutcome ScoreBaseline(EvalQuestion q, BaselineAnswer b)
    {
        var text = Fold(b.Text);
        var missing = q.Must.Where(m => !text.Contains(Fold(m), StringComparison.Ordinal)).ToList();
        var cites = q.Cite.Count == 0 || b.SourceIds.Any(q.Cite.Contains);
        if (q.ExpectsNoAnswer) return new BaselineOutcome(b.RecordIds, false, cites, "answered a question it should have declined");
        var failure = missing.Count > 0 ? "missing: " + string.Join(", ", missing) : !cites ? "cites none of: " + string.Join(", ", q.Cite) : null;
        return new BaselineOutcome(b.RecordIds, failure is null, cites, failure);
    }

    /// <summary>
    /// Lowercase, no diacritics, quotes made plain and dashes and hyphens read as spaces, so "Antić" matches "Antic" and
    /// "180-day" matches "180 day", and a serial comma is dropped ("Russia, China, and France"); a date written
    /// month first ("July 29th, 2021", "April 1", as the documents do) is the date written day first ("29 July 2021").
    /// </summary>
    internal static string Fold(string s)
    {
        s = MonthFirstDate().Replace(s, m => $"{m.Groups["day"].Value} {m.Groups["month"].Value}{(m.Groups["year"].Success ? " " + m.Groups["year"].Value : "")}");
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { '–' or '—' or '-' => ' ', '’' or '‘' => '\'', '“' or '”' => '"', _ => char.ToLowerInvariant(c) });
        }
        // "Russia, China, and France" is "Russia, China and France", and a list the documents write with commas only
        // ("Bulgaria, Romania, Hungary") is the same list written "Bulgaria, Romania and Hungary": the joining word is
        // style, not a fact. Both sides of a comparison are folded alike.
        // A must string that opens on the joining word ("and Moldova do not") is folded as it reads inside the list.
        return sb.Insert(0, ' ').Append(' ').Replace(", and ", ", ").Replace(" and ", ", ").Replace(", or ", " or ").ToString().Trim();
    }

    [GeneratedRegex(@"\b(?<month>January|February|March|April|May|June|July|August|September|October|November|December) (?<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,? (?<year>\d{4})\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex MonthFirstDate();
}

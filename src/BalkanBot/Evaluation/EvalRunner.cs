using System.Globalization;
using System.Text;
using BalkanBot.Answers;
using BalkanBot.Cards;
using BalkanBot.Knowledge;

namespace BalkanBot.Evaluation;

public sealed record EvalOutcome(EvalQuestion Question, Answer Answer, bool Correct, bool CitesRightSource, bool IntentRight,
    bool? RecallAt1, bool? RecallAt5, string? Failure);

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

/// <summary>Runs the question set through the real engine and scores what a user would see.</summary>
public static class EvalRunner
{
    public static EvalReport Run(KnowledgeBase kb, IReadOnlyList<EvalQuestion> questions)
    {
        var engine = new AnswerEngine(kb);
        var outcomes = new List<EvalOutcome>();
        var n = 0;
        foreach (var q in questions)
        {
            var conversation = $"eval-{++n}";
            foreach (var c in q.Context) engine.Answer(new Question(c, "eval", conversation));
            var answer = engine.Answer(new Question(q.Q, "eval", conversation));
            outcomes.Add(Score(q, answer));
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

    /// <summary>Lowercase, no diacritics, typographic dashes and quotes made plain, so "Antić" matches "Antic".</summary>
    private static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { '–' or '—' => '-', '’' or '‘' => '\'', '“' or '”' => '"', _ => char.ToLowerInvariant(c) });
        }
        return sb.ToString();
    }
}

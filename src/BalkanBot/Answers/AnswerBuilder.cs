using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Answers;

/// <summary>
/// Collects the parts of an answer and numbers citations in order of first use, so "[2]" in a fact and "[2]" in
/// the source list always agree.
/// </summary>
public sealed class AnswerBuilder(KnowledgeBase kb, RoutedQuestion question)
{
    private readonly List<AnswerCitation> _citations = [];
    private readonly Dictionary<(string, string), int> _numbers = [];
    private readonly List<AnswerFact> _facts = [];
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<AttributedView> _views = [];
    private readonly List<ConflictNote> _conflicts = [];
    private readonly List<string> _records = [];
    private readonly List<string> _followUps = [];

    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public ComparisonTable? Comparison { get; set; }
    public double Confidence { get; set; } = 0.5;
    public IntentKind Intent { get; set; } = question.Intent;
    public KnowledgeBase Kb => kb;
    public RoutedQuestion Question => question;
    public int FactCount => _facts.Count;
    public IReadOnlyList<string> Records => _records;

    public IReadOnlyList<int> Cite(IEnumerable<Citation> citations)
    {
        var list = new List<int>();
        foreach (var c in citations)
        {
            if (!_numbers.TryGetValue((c.Source, c.At), out var n))
            {
                var src = kb.Source(c.Source);
                if (src is null) continue;
                n = _citations.Count + 1;
                _numbers[(c.Source, c.At)] = n;
                _citations.Add(new AnswerCitation(n, src.Id, src.Title ?? src.Name, src.Authors, src.Publisher,
                    src.Date?.Iso ?? "unknown", src.Url, c.At, src.Via));
            }
            if (!list.Contains(n)) list.Add(n);
        }
        return list;
    }

    /// <summary>"text [1][2]": the marker form used in short answers and plain-text renderings.</summary>
    public string Cited(CitedText t) => Markers(t.Text, Cite(t.Cite));

    public static string Markers(string text, IReadOnlyList<int> numbers) =>
        numbers.Count == 0 ? text : text.TrimEnd() + " " + string.Concat(numbers.Select(n => $"[{n}]"));

    public void Fact(string label, string value, IEnumerable<Citation> cite)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        var numbers = Cite(cite);
        if (numbers.Count == 0) return; // never show an unsourced fact
        if (_facts.Any(f => f.Label == label && f.Value == value)) return;
        _facts.Add(new AnswerFact(label, value, numbers));
    }

    public void Event(PartialDate? date, string text, string recordId, IEnumerable<Citation> cite)
    {
        var numbers = Cite(cite);
        if (numbers.Count == 0) return;
        _timeline.Add(new TimelineEntry(date?.Display ?? "date not given", date?.Iso, text, recordId, numbers));
        UseRecord(recordId);
    }

    public void View(KnowledgeRecord claim)
    {
        var numbers = Cite(claim.Cite);
        if (numbers.Count == 0 || _views.Any(v => v.Text == claim.Text)) return;
        var src = claim.ClaimSource is null ? null : kb.Source(claim.ClaimSource);
        _views.Add(new AttributedView(claim.Author ?? "unknown author", src?.Title ?? claim.ClaimSource ?? "", claim.Text ?? "", claim.Stance, numbers));
        UseRecord(claim.Id);
    }

    public void Conflict(KnowledgeRecord conflict)
    {
        if (conflict.Summary is null || _conflicts.Any(c => c.Text == conflict.Summary.Text)) return;
        var numbers = Cite(conflict.Summary.Cite);
        if (numbers.Count == 0) return;
        _conflicts.Add(new ConflictNote(conflict.Summary.Text, numbers));
        UseRecord(conflict.Id);
    }

    public void UseRecord(string id)
    {
        if (!_records.Contains(id)) _records.Add(id);
    }

    public void FollowUp(string question)
    {
        if (!string.IsNullOrWhiteSpace(question) && !_followUps.Contains(question, StringComparer.OrdinalIgnoreCase)
            && !string.Equals(question, Question.Original.Trim(), StringComparison.OrdinalIgnoreCase))
            _followUps.Add(question);
    }

    public Answer Build() => new()
    {
        Question = question.Original,
        Answered = true,
        Intent = Intent,
        Title = Title,
        Text = Text,
        Facts = _facts,
        Comparison = Comparison,
        Timeline = _timeline,
        Views = _views,
        Conflicts = _conflicts,
        Citations = _citations,
        FollowUps = _followUps.Take(3).ToList(),
        Confidence = Math.Round(Math.Clamp(Confidence, 0, 1), 2),
        RecordIds = _records,
    };
}

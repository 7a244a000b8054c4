using System.Text.RegularExpressions;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Answers;

/// <summary>
/// Collects the parts of an answer and numbers citations in order of first use, so "[2]" in a fact and "[2]" in
/// the source list always agree.
/// </summary>
public sealed partial class AnswerBuilder(KnowledgeBase kb, RoutedQuestion question)
{
    private readonly List<AnswerCitation> _citations = [];
    private readonly Dictionary<(string, string), int> _numbers = [];
    private readonly List<AnswerFact> _facts = [];
    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<AttributedView> _views = [];
    private readonly List<(ConflictNote Note, KnowledgeRecord Record)> _conflicts = [];
    private readonly List<string> _readMore = [];
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
                _citations.Add(AnswerCitation.Of(n, src, c.At));
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
        // A sentence is shown once, whatever its label ("Source detail" and "Fact" may be the same line).
        if (_facts.Any(f => f.Value == value && (f.Label == label || value.Length >= 40))) return;
        _facts.Add(new AnswerFact(label, value, numbers));
    }

    public void Event(PartialDate? date, string text, string recordId, IEnumerable<Citation> cite)
    {
        // One line per happening: the same record, or the same words, on the same date.
        if (_timeline.Any(t => t.IsoDate == date?.Iso && (t.RecordId == recordId || t.Event == text))) return;
        var numbers = Cite(cite);
        if (numbers.Count == 0) return;
        _timeline.Add(new TimelineEntry(date?.Display ?? "date not given", date?.Iso, text, recordId, numbers));
        UseRecord(recordId);
    }

    /// <summary>A record as a timeline line, "Banjska attack: In September 2023 …"; a gist cut short offers the rest.</summary>
    public void Event(KnowledgeRecord r)
    {
        var gist = RecordFacts.Gist(r);
        Event(r.Date, $"{RecordNames.Bare(r)}: {gist}", r.Id, RecordFacts.Backing(r));
        if (gist.EndsWith('…')) ReadMore(r);
    }

    /// <summary>Offers the whole record when a line had to cut it short.</summary>
    public void ReadMore(KnowledgeRecord r)
    {
        var question = FollowUps.About(kb, r);
        if (!_readMore.Contains(question)) _readMore.Add(question);
    }

    public void View(KnowledgeRecord claim)
    {
        var numbers = Cite(claim.Cite);
        if (numbers.Count == 0 || _views.Any(v => v.Text == claim.Text)) return;
        var src = claim.ClaimSource is null ? null : kb.Source(claim.ClaimSource);
        _views.Add(new AttributedView(claim.Author ?? "an unnamed author", src?.Title ?? claim.ClaimSource ?? "", claim.Text ?? "", claim.Stance, numbers));
        UseRecord(claim.Id);
    }

    /// <summary>A disagreement; <see cref="Build"/> keeps it only if it concerns one of the answer's own records.</summary>
    public void Conflict(KnowledgeRecord conflict)
    {
        if (conflict.Summary is null || _conflicts.Any(c => c.Note.Text == conflict.Summary.Text)) return;
        _conflicts.Add((new ConflictNote(conflict.Summary.Text, []), conflict));
    }

    public void UseRecord(string id)
    {
        if (!_records.Contains(id)) _records.Add(id);
    }

    public void FollowUp(string question)
    {
        // Suggestions composed as "about the {name}" elsewhere must not read "the Serbia's declaration" or "the CEFTA
        // 2006"; "the People's Party" keeps its article.
        question = NoArticle().Replace(question ?? "", "$1");
        if (!string.IsNullOrWhiteSpace(question) && !_followUps.Contains(question, StringComparer.OrdinalIgnoreCase)
            && !string.Equals(question.TrimEnd('?'), Question.Original.Trim().TrimEnd('?'), StringComparison.OrdinalIgnoreCase))
            _followUps.Add(question);
    }

    public Answer Build()
    {
        // Conflicts are cited last, so they do not renumber the answer's own sources, and only those that concern
        // a record the answer is about are shown.
        var own = _records.ToHashSet(StringComparer.Ordinal);
        var conflicts = new List<ConflictNote>();
        foreach (var (note, record) in _conflicts.Where(c => ConflictRelevance.Concerns(kb, c.Record, own)))
        {
            var numbers = Cite(record.Summary!.Cite);
            if (numbers.Count == 0) continue;
            conflicts.Add(note with { Citations = numbers });
            if (record.About.Count > 0) UseRecord(record.Id);
        }
        // A line cut short is read in full first; the rest of the suggestions follow.
        var followUps = _readMore.Take(2).Concat(_followUps)
            .Where(f => !string.Equals(f.TrimEnd('?'), Question.Original.Trim().TrimEnd('?'), StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(3).ToList();
        return new Answer
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
            Conflicts = conflicts,
            Citations = _citations,
            FollowUps = followUps,
            Confidence = Math.Round(Math.Clamp(Confidence, 0, 1), 2),
            RecordIds = _records,
        };
    }

    [GeneratedRegex(@"\b[Tt]he (\p{Lu}\p{Ll}+['’]s (?!\p{Lu})|\p{Lu}{2,}[ -]?\d)")]
    private static partial Regex NoArticle();
}

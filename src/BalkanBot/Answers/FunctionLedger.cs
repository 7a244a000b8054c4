using System.Text;
using BalkanBot.Knowledge;

namespace BalkanBot.Answers;

/// <summary>
/// What the knowledge functions returned during one model answer: the citations they numbered, the records they
/// showed, and the text and dates of those records. The grounding check accepts only what is written here.
/// </summary>
public sealed class FunctionLedger(KnowledgeBase kb)
{
    private readonly Dictionary<(string Source, string At), int> _numbers = [];
    private readonly List<AnswerCitation> _citations = [];
    private readonly Dictionary<int, HashSet<string>> _recordsOf = [];
    private readonly List<KnowledgeRecord> _shown = [];
    private readonly List<string> _texts = [];
    private readonly List<string> _calls = [];

    /// <summary>Every citation a function returned, numbered in the order they were first returned.</summary>
    public IReadOnlyList<AnswerCitation> Citations => _citations;
    /// <summary>Records the functions returned, and those the returned records name (parties, subjects, members).</summary>
    public HashSet<string> Linked { get; } = new(StringComparer.Ordinal);
    public IReadOnlyList<string> Texts => _texts;
    /// <summary>Function names in the order the model called them.</summary>
    public IReadOnlyList<string> Calls => _calls;

    public void Called(string function)
    {
        lock (_calls) _calls.Add(function);
    }

    /// <summary>One line of function output, "text [3][4] (record id)", its citations numbered and the record noted.</summary>
    public string Line(string text, string recordId, IEnumerable<Citation> cite, IEnumerable<string>? refers = null)
    {
        lock (_texts)
        {
            var numbers = new List<int>();
            foreach (var c in cite)
            {
                if (!_numbers.TryGetValue((c.Source, c.At), out var n))
                {
                    if (kb.Source(c.Source) is not { } source) continue;
                    n = _citations.Count + 1;
                    _numbers[(c.Source, c.At)] = n;
                    _citations.Add(AnswerCitation.Of(n, source, c.At));
                }
                if (!numbers.Contains(n)) numbers.Add(n);
                if (!_recordsOf.TryGetValue(n, out var records)) _recordsOf[n] = records = new(StringComparer.Ordinal);
                records.Add(recordId);
            }
            _texts.Add(text);
            if (kb.Get(recordId) is { } record) Show(record);
            foreach (var id in refers ?? []) Linked.Add(id);
            var sb = new StringBuilder("- ").Append(text.Trim());
            foreach (var n in numbers) sb.Append(" [").Append(n).Append(']');
            return sb.Append(" (record ").Append(recordId).Append(')').ToString();
        }
    }

    public bool Returned(int citation) => citation >= 1 && citation <= _citations.Count;

    /// <summary>The records a citation was returned with.</summary>
    public IReadOnlyCollection<string> RecordsOf(int citation) => _recordsOf.TryGetValue(citation, out var r) ? r : [];

    /// <summary>Numbers, dates and values the answer may state: those of the returned text and records.</summary>
    internal AllowedFacts Allowed()
    {
        lock (_texts)
        {
            var texts = _texts.Concat(_shown.SelectMany(r => (IEnumerable<string>)[r.Name, .. r.Aliases, KnowledgeBuilder.BodyText(r)]));
            var dates = _shown.SelectMany(r => new[] { r.Date, r.End, r.AsOf }).OfType<PartialDate>();
            var values = _shown.SelectMany(r => new[] { r.Value, r.ValueMax }).OfType<double>();
            return AllowedFacts.FromText(texts.ToList(), dates.ToList(), values.ToList());
        }
    }

    /// <summary>Notes a record the functions returned without a line of its own (a compared bloc's members).</summary>
    public void Show(string recordId)
    {
        lock (_texts)
            if (kb.Get(recordId) is { } record) Show(record);
    }

    private void Show(KnowledgeRecord r)
    {
        if (!Linked.Add(r.Id) && _shown.Any(s => s.Id == r.Id)) return;
        _shown.Add(r);
        foreach (var id in r.Parties.Concat(r.Actors).Concat(r.About).Concat(r.Memberships.Select(m => m.Of)))
            Linked.Add(id);
        if (r.Subject is { } subject) Linked.Add(subject);
    }
}

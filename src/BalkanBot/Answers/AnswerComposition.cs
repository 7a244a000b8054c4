using System.Text.RegularExpressions;
using BalkanBot.Knowledge;
using BalkanBot.Retrieval;

namespace BalkanBot.Answers;

/// <summary>
/// Adds to a finished answer and joins answers: citations are numbered in order of first use across the result,
/// and every "[n]" marker, fact, cell, timeline entry and view is renumbered to match.
/// </summary>
public static partial class AnswerComposition
{
    /// <summary>Adds passages as facts, skipping any whose statement the answer already shows.</summary>
    public static Answer WithPassages(Answer a, KnowledgeBase kb, IEnumerable<Passage> passages, int max)
    {
        var citations = a.Citations.ToList();
        var facts = a.Facts.ToList();
        var records = a.RecordIds.ToList();
        var shown = Shown(a);
        var added = 0;
        foreach (var p in passages)
        {
            if (added >= max) break;
            var key = Key(p.Text);
            if (key.Length == 0 || shown.Contains(key) || Covered(a, key)) continue;
            var value = p.Text;
            // "Croatia's main battle tanks (Pupin table): 75 M-84 …" where the answer already shows "75 M-84 …".
            if (p.Kind == PassageKind.Figure && value.IndexOf(": ", StringComparison.Ordinal) is var colon and > 0
                && value[(colon + 2)..].TrimEnd('.') is { Length: > 0 } figure
                && (a.Text.Contains(figure, StringComparison.Ordinal) || facts.Any(f => f.Value.Contains(figure, StringComparison.Ordinal)))) continue;
            // A record's date passage beside its name reads "Tirana Declaration: signed on 18 March 2025", and
            // is left out where the answer already gives that date.
            if (p.Kind == PassageKind.Date)
            {
                if (kb.Get(p.RecordId) is { Date: { } date } && facts.Any(f => f.Value.Contains(date.Display, StringComparison.Ordinal))) continue;
                // The label names the record; the value says only when ("signed in 1992", "dated in 2023").
                foreach (var (verb, said) in DateVerbs)
                {
                    if (value.IndexOf(verb, StringComparison.Ordinal) is not (var at and >= 0)) continue;
                    value = said + value[(at + verb.Length)..].TrimEnd('.');
                    break;
                }
            }
            var cite = p.Cite;
            // "NATO reinforcement of KFOR: dated in May 2023" says only when; an event's date beside what happened says what.
            if (p.Kind == PassageKind.Date && kb.Get(p.RecordId) is { Kind: RecordKind.Event, Date: { } when, Summary: { Text.Length: > 0 } summary }
                && value.StartsWith("dated ", StringComparison.Ordinal) && !shown.Contains(Key(summary.Text)) && !Covered(a, Key(summary.Text)))
            {
                value = $"{when.Display}: {summary.Text.TrimEnd('.')}.";
                cite = summary.Cite;
            }
            var numbers = Cite(kb, citations, cite);
            if (numbers.Count == 0) continue;
            facts.Add(new AnswerFact(LabelOf(kb, p), value, numbers));
            shown.Add(key);
            if (!records.Contains(p.RecordId)) records.Add(p.RecordId);
            added++;
        }
        return a with { Facts = facts, Citations = citations, RecordIds = records };
    }

    private static readonly (string Verb, string Said)[] DateVerbs =
        [(" was signed ", "signed "), (" was adopted ", "adopted "), (" was launched ", "launched "), (" was proposed ", "proposed "), (" was granted ", "granted "), (" is dated ", "dated "), (" are dated ", "dated ")];

    /// <summary>The label a passage's fact carries: the record it belongs to, or the author of a view.</summary>
    public static string LabelOf(KnowledgeBase kb, Passage p)
    {
        var r = kb.Get(p.RecordId);
        if (r is null) return "Source";
        if (r.Kind == RecordKind.Claim) return r.Author ?? "View";
        if (r.Kind == RecordKind.Conflict) return "Where sources disagree";
        if (r.Kind == RecordKind.Figure && r.Subject is not null && kb.Get(r.Subject) is { } subject) return subject.ShortName;
        return r.ShortName;
    }

    public static List<int> Cite(KnowledgeBase kb, List<AnswerCitation> citations, IEnumerable<Citation> cite)
    {
        var numbers = new List<int>();
        foreach (var c in cite)
        {
            var existing = citations.FirstOrDefault(x => x.SourceId == c.Source && x.Locator == c.At);
            if (existing is null)
            {
                if (kb.Source(c.Source) is not { } src) continue;
                existing = AnswerCitation.Of(citations.Count + 1, src, c.At);
                citations.Add(existing);
            }
            if (!numbers.Contains(existing.N)) numbers.Add(existing.N);
        }
        return numbers;
    }

    /// <summary>Several answers as one, in order; the first answered one gives the title and the layout.</summary>
    public static Answer Merge(IReadOnlyList<Answer> parts, string question)
    {
        if (parts.Count == 1) return parts[0];
        var lead = parts.FirstOrDefault(p => p.Answered) ?? parts[0];
        var citations = new List<AnswerCitation>();
        var texts = new List<string>();
        var facts = new List<AnswerFact>();
        var timeline = new List<TimelineEntry>();
        var views = new List<AttributedView>();
        var conflicts = new List<ConflictNote>();
        var records = new List<string>();
        var followUps = new List<string>();
        ComparisonTable? table = null;
        foreach (var part in parts)
        {
            var map = new Dictionary<int, int>();
            foreach (var c in part.Citations)
            {
                var same = citations.FirstOrDefault(x => x.SourceId == c.SourceId && x.Locator == c.Locator);
                if (same is null) citations.Add(same = c with { N = citations.Count + 1 });
                map[c.N] = same.N;
            }
            IReadOnlyList<int> Re(IReadOnlyList<int> ns) => ns.Select(n => map.GetValueOrDefault(n, n)).Distinct().ToList();
            texts.Add(Markers().Replace(part.Text, m => $"[{map.GetValueOrDefault(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0)}]").Replace("[0]", "", StringComparison.Ordinal));
            facts.AddRange(part.Facts.Select(f => f with { Citations = Re(f.Citations) }));
            timeline.AddRange(part.Timeline.Select(t => t with { Citations = Re(t.Citations) }));
            views.AddRange(part.Views.Select(v => v with { Citations = Re(v.Citations) }));
            foreach (var c in part.Conflicts)
                if (!conflicts.Any(x => x.Text == c.Text)) conflicts.Add(c with { Citations = Re(c.Citations) });
            if (table is null && part.Comparison is { } t)
                table = t with { Rows = t.Rows.Select(r => r with { Cells = r.Cells.Select(cell => cell with { Citations = Re(cell.Citations) }).ToList() }).ToList() };
            records.AddRange(part.RecordIds.Where(r => !records.Contains(r)));
            followUps.AddRange(part.FollowUps.Where(f => !followUps.Contains(f)));
        }
        return lead with
        {
            Question = question,
            Answered = parts.Any(p => p.Answered),
            Title = lead.Title,
            // Two parts answered by the same passage ("which group welcomed it and which was unhappy") say it once.
            Text = string.Join("\n\n", texts.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)),
            Facts = facts.DistinctBy(f => (f.Label, f.Value)).ToList(),
            Timeline = timeline.DistinctBy(t => (t.IsoDate, t.RecordId)).ToList(),
            Views = views.DistinctBy(v => v.Text).ToList(),
            Conflicts = conflicts,
            Comparison = table,
            Citations = citations,
            RecordIds = records,
            FollowUps = followUps.Take(3).ToList(),
            Confidence = parts.Where(p => p.Answered).Select(p => p.Confidence).DefaultIfEmpty(0).Min(),
        };
    }

    private static HashSet<string> Shown(Answer a)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in a.Facts) set.Add(Key(f.Value));
        foreach (var v in a.Views) set.Add(Key(v.Text));
        foreach (var c in a.Conflicts) set.Add(Key(c.Text));
        foreach (var t in a.Timeline) set.Add(Key(t.Event));
        return set;
    }

    private static bool Covered(Answer a, string key) =>
        key.Length >= 40 && TextNormalizer.Normalize(Markers().Replace(a.Text, "")).Contains(key, StringComparison.Ordinal);

    private static string Key(string text)
    {
        var n = TextNormalizer.Normalize(Markers().Replace(text, ""));
        return n.Length > 120 ? n[..120] : n;
    }

    /// <summary>A citation marker in an answer's text: "[3]".</summary>
    [GeneratedRegex(@"\[(\d{1,3})\]")]
    internal static partial Regex Markers();
}

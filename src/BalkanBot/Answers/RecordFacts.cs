using System.Globalization;
using BalkanBot.Knowledge;

namespace BalkanBot.Answers;

/// <summary>Turns a record's fields into labelled, cited facts; shared by every handler.</summary>
internal static class RecordFacts
{
    public static string NameOf(KnowledgeBase kb, string id) => kb.Get(id)?.ShortName ?? id;

    public static string Names(KnowledgeBase kb, IEnumerable<string> ids) => JoinAnd(ids.Select(id => NameOf(kb, id)).ToList());

    /// <summary>Names as they read inside a sentence: "Albania, Croatia and the United States".</summary>
    public static string NamesInSentence(KnowledgeBase kb, IEnumerable<string> ids) =>
        JoinAnd(ids.Select(id => kb.Get(id) is { } r ? RecordNames.The(r) : id).ToList());

    /// <summary>A provision list as it reads: "exercises and training, defence industry and intelligence sharing".</summary>
    public static string ProvisionList(KnowledgeRecord r) => Capitalise(JoinAnd(r.Provisions.Select(Labels.Provision).ToList()));

    /// <summary>"Yes", "No": a field's value as a fact shows it.</summary>
    public static string Value(string value) => Capitalise(value.Replace('-', ' '));

    public static string JoinAnd(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>The citations that back the record as a whole: its summary first, else its first facts.</summary>
    /// Two at most: a field such as "Type" needs one good citation, not every place the record was written from.
    public static IReadOnlyList<Citation> Backing(KnowledgeRecord r) =>
        (r.Summary?.Cite is { Count: > 0 } s ? s
        : r.Role?.Cite is { Count: > 0 } role ? role
        : r.Cite.Count > 0 ? r.Cite
        : r.Facts is [var first, ..] ? first.Cite : []).Take(2).ToList();

    public static string KindLabel(KnowledgeRecord r) => r.Type switch
    {
        "un-resolution" => "UN resolution",
        null => r.Kind.ToString().ToLowerInvariant(),
        var t => t.Replace('-', ' '),
    };

    /// <summary>"in March 2025", "since 2020", "before 2008": a period as it reads inside a sentence.</summary>
    public static string InPeriod(Routing.Period? p) =>
        p is null ? "" : p.Label.StartsWith("since", StringComparison.Ordinal) || p.Label.StartsWith("before", StringComparison.Ordinal)
            || p.Label.StartsWith("the ", StringComparison.Ordinal) || p.Label.StartsWith("last", StringComparison.Ordinal) || p.Label.StartsWith("this", StringComparison.Ordinal)
            ? " " + p.Label : " in " + p.Label;

    public static void AddCore(AnswerBuilder b, KnowledgeRecord r, int maxFacts = 6)
    {
        var kb = b.Kb;
        var backing = Backing(r);
        b.UseRecord(r.Id);
        switch (r.Kind)
        {
            case RecordKind.Agreement:
                b.Fact("Type", Capitalise(KindLabel(r)), backing);
                if (r.Date is not null) b.Fact("Signed", r.Date.Display + (r.PlaceText is null ? "" : $", {r.PlaceText}"), DateBacking(r));
                if (r.Parties.Count > 0) b.Fact("Parties", Names(kb, r.Parties), backing);
                if (r.Signatories is not null) b.Fact("Signed by", r.Signatories, backing);
                if (r.LegallyBinding is { Value: not "unknown" } lb) b.Fact("Legally binding", Value(lb.Value), lb.Cite);
                if (r.Provisions.Count > 0) b.Fact("Provisions", ProvisionList(r), backing);
                if (r.Status is not null and not "unknown") b.Fact("Status", Value(r.Status), backing);
                break;
            case RecordKind.Event:
                b.Fact("Date", r.Date is null ? "not given in the sources" : r.Date.Display + (r.End is null ? "" : $" to {r.End.Display}"), backing);
                var place = PlaceOf(kb, r);
                if (place.Length > 0) b.Fact("Place", place, backing);
                if (r.Actors.Count > 0) b.Fact("Involving", Names(kb, r.Actors), backing);
                if (r.Casualties is not null) b.Fact("Casualties", r.Casualties, backing);
                b.Fact("Type", TypeWithSubtype(r), backing);
                break;
            case RecordKind.Actor:
                b.Fact("Type", Capitalise(KindLabel(r)), backing);
                foreach (var m in r.Memberships.Take(4))
                    b.Fact("Member of", NameOf(kb, m.Of) + (m.Since is null ? "" : $" (since {m.Since.Display})"), m.Cite);
                break;
            case RecordKind.Figure:
                b.Fact(Labels.Measure(r.Measure), FigureText.Format(r), r.Cite);
                break;
        }
        foreach (var f in r.Facts.Take(maxFacts))
            b.Fact("Fact", f.Text, f.Cite);
    }

    private static IReadOnlyList<Citation> DateBacking(KnowledgeRecord r) =>
        r.Facts.FirstOrDefault(f => r.Date is not null && MentionsDate(f.Text, r.Date))?.Cite ?? Backing(r);

    public static bool MentionsDate(string text, PartialDate d) =>
        text.Contains(d.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>"Banjska, northern Kosovo": the place from most to least specific, a name already said not repeated.</summary>
    public static string PlaceOf(KnowledgeBase kb, KnowledgeRecord r)
    {
        var parts = new List<string>();
        void Add(string? part)
        {
            if (string.IsNullOrWhiteSpace(part) || parts.Any(p => p.Contains(part, StringComparison.OrdinalIgnoreCase))) return;
            parts.Add(part);
        }
        Add(r.Place?.Location);
        Add(r.Place?.Area);
        if (r.Place?.Country is { } c) Add(NameOf(kb, c));
        Add(r.PlaceText);
        return string.Join(", ", parts);
    }

    /// <summary>"Attack (armed attack on police …)"; a subtype that brings its own brackets follows a dash.</summary>
    private static string TypeWithSubtype(KnowledgeRecord r)
    {
        var kind = Capitalise(KindLabel(r));
        if (r.Subtype is not { Length: > 0 } sub) return kind;
        sub = sub.Replace('-', ' ');
        if (string.Equals(sub, KindLabel(r), StringComparison.OrdinalIgnoreCase)) return kind;
        return sub.Contains('(', StringComparison.Ordinal) ? $"{kind} — {sub}" : $"{kind} ({sub})";
    }

    private static readonly string[] NumberWords = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>"one event", "three agreements", "12 incidents": small numbers in words, as in running text.</summary>
    public static string Count(int n, string one, string? many = null) =>
        (n >= 0 && n < NumberWords.Length ? NumberWords[n] : n.ToString(CultureInfo.InvariantCulture)) + " " + (n == 1 ? one : many ?? one + "s");

    public static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>The one-sentence gist of a record for lists and timelines.</summary>
    public static string Gist(KnowledgeRecord r)
    {
        var text = r.Summary?.Text ?? r.Role?.Text ?? r.Text ?? (r.Facts is [var first, ..] ? first.Text : null) ?? r.Name;
        return FirstSentence(text);
    }

    public static string FirstSentence(string text, int max = 400)
    {
        var end = -1;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is '.' or '!' or '?' && text[i + 1] == ' ' && i > 20 && !(i >= 2 && text[i - 2] == ' ') && !IsAbbreviation(text, i))
            {
                end = i + 1;
                break;
            }
        }
        var s = end > 0 ? text[..end] : text;
        return s.Length <= max ? s : s[..s.LastIndexOf(' ', max - 1)] + "…";
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        var start = text.LastIndexOf(' ', dot - 1) + 1;
        var word = text[start..dot];
        return word is "U.S" or "U.N" or "e.g" or "i.e" or "St" or "Dr" or "Mr" or "no" or "No" || (word.Length <= 2 && word.All(char.IsUpper));
    }
}

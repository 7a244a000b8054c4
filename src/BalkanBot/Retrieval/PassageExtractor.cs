using System.Text.RegularExpressions;
using BalkanBot.Knowledge;

namespace BalkanBot.Retrieval;

/// <summary>Cuts every record into the passages it states, each with its own citations.</summary>
public static partial class PassageExtractor
{
    public static IEnumerable<Passage> Extract(KnowledgeRecord r, Func<string, string> nameOf, Func<int> nextId)
    {
        if (r.Kind == RecordKind.Source)
        {
            foreach (var p in SourcePassages(r, nextId)) yield return p;
            yield break;
        }
        // A statement concerns what it names; only the structured passages (parties, memberships, a figure's subject,
        // a claim's targets) concern the records the record points at.
        var refers = r.References.Select(x => x.Target).Where(t => t != r.Id).Distinct().ToList();
        IReadOnlyList<string> own = r.Kind switch
        {
            RecordKind.Figure => r.Subject is null ? [] : [r.Subject],
            RecordKind.Claim or RecordKind.Conflict => r.About,
            _ => [],
        };
        var allCites = r.AllCitations.ToList();
        Passage P(PassageKind kind, string text, IReadOnlyList<Citation> cite, IReadOnlyList<string>? extra = null) =>
            new(nextId(), r.Id, r.Kind, kind, RecordIdInBrackets().Replace(text, "").Trim(), cite) { Refers = extra ?? own, Measure = r.Measure, Subject = r.Subject };

        if (r.Kind is RecordKind.Actor or RecordKind.Agreement or RecordKind.Event && allCites.Count > 0)
        {
            var aka = r.Aliases.Where(a => a.Length > 1).Take(6).ToList();
            var text = aka.Count == 0 ? r.Name : $"{r.Name}, also called {string.Join(", ", aka)}";
            yield return P(PassageKind.Name, text + ".", [allCites[0]], refers);
        }
        if (r.Summary is { } summary)
            foreach (var sentence in Sentences(summary.Text))
                yield return P(PassageKind.Summary, sentence, summary.Cite);
        if (r.Role is { } role)
            foreach (var sentence in Sentences(role.Text))
                yield return P(PassageKind.Role, sentence, role.Cite);
        foreach (var fact in r.Facts)
            yield return P(PassageKind.Fact, fact.Text, fact.Cite);
        // "Is the Tirana Declaration legally binding?": the record's own verdict, in words a question uses.
        if (r.LegallyBinding is { Value: "yes" or "no", Cite.Count: > 0 } binding)
            yield return P(PassageKind.Fact, $"{Answers.RecordNames.TheStart(r)} {(Answers.RecordNames.IsPlural(r) ? "are" : "is")}{(binding.Value == "no" ? " not" : "")} legally binding.", binding.Cite);
        foreach (var m in r.Memberships)
        {
            var since = m.Since is { } d ? $" since {d.Display}" : "";
            // "Montenegro has been a member of NATO since 2017", "Albania is a member of CEFTA 2006".
            yield return P(PassageKind.Membership, $"{r.Name} {(since.Length > 0 ? "has been" : "is")} a member of {nameOf(m.Of)}{since}.", m.Cite, [m.Of]);
        }
        if (r.Kind == RecordKind.Agreement && r.Parties.Count > 0 && allCites.Count > 0)
        {
            var cite = r.Summary?.Cite ?? [allCites[0]];
            var names = r.Parties.Select(nameOf).ToList();
            // "Serbia's “four pillars” foreign policy has one party, Serbia", not "the parties … are Serbia".
            yield return P(PassageKind.Parties, names.Count == 1
                ? $"{Answers.RecordNames.TheStart(r)} has one party, {names[0]}."
                : $"The parties to {Answers.RecordNames.The(r)} are {Join(names)}.", cite, refers);
        }
        if (r.Kind is RecordKind.Agreement or RecordKind.Event && r.Date is { } date && allCites.Count > 0)
        {
            // "Serbia's declaration of military neutrality was adopted in 2007", "the Open Balkan initiative was launched …".
            var verb = r.Kind == RecordKind.Agreement ? "was " + Answers.FollowUps.AgreementVerb(r) : Answers.RecordNames.IsPlural(r) ? "are dated" : "is dated";
            var place = r.PlaceText is { Length: > 0 } p ? $" in {p}" : "";
            var cite = r.Summary?.Cite ?? [allCites[0]];
            yield return P(PassageKind.Date, $"{Answers.RecordNames.TheStart(r)} {verb}{place} {(date.Precision == DatePrecision.Day ? "on" : "in")} {date.Display}.", cite, refers);
        }
        if (r.Kind == RecordKind.Figure && r.Cite.Count > 0)
        {
            var text = $"{r.Name}: {Answers.FigureText.Format(r)}.";
            yield return P(PassageKind.Figure, text, r.Cite);
            if (!string.IsNullOrWhiteSpace(r.Note))
                foreach (var sentence in Sentences(r.Note).Take(2))
                    yield return P(PassageKind.Figure, sentence, r.Cite);
        }
        if (r.Kind == RecordKind.Claim && r.Text is { Length: > 0 } claim && r.Cite.Count > 0)
            yield return P(PassageKind.Claim, claim, r.Cite, r.About);
    }

    /// <summary>
    /// Who wrote a document, where and when it appeared. A document we hold cites its own byline; one known only
    /// through a seed document cites the place in that document where it is cited.
    /// </summary>
    private static IEnumerable<Passage> SourcePassages(KnowledgeRecord r, Func<int> nextId)
    {
        IReadOnlyList<Citation> cite = r.Via is { } via
            ? [new Citation(via, r.ViaAt ?? "bibliography"), new Citation(r.Id, "as cited")]
            : [new Citation(r.Id, "title page and byline")];
        var who = r.Authors.Count > 0 ? $" by {Join(r.Authors)}" : "";
        // "In which journal did Belloni's article appear?": a journal is named as one, whatever its title says.
        var where = r.Publisher is { Length: > 0 } pub && pub != "unknown"
            ? r.Type is "journal-article" or "journal-essay" && !pub.Contains("journal", StringComparison.OrdinalIgnoreCase)
                ? $", published in the journal {pub}"
                : $", published by {pub}"
            : "";
        var when = r.Date is { } d ? $", dated {d.Display}" : "";
        // A title is quoted ("“Does the Balkans Need New Military Alliances?” by …"); a bracketed description is not a title.
        var title = r.Title is { Length: > 0 } t && !t.StartsWith('[') ? $"“{t}”" : r.Title ?? r.Name;
        yield return new Passage(nextId(), r.Id, r.Kind, PassageKind.Name, $"{title}{who}{where}{when}.", cite);
        if (r.Via is null && r.Note is { Length: > 0 } note)
            foreach (var sentence in Sentences(note).Take(3))
                yield return new Passage(nextId(), r.Id, r.Kind, PassageKind.Summary, sentence, cite);
    }

    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => $"{items[0]} and {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>Sentence split that leaves abbreviations ("U.S.", "para. 2") and decimals alone.</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        foreach (var s in SentenceEnd().Split(text.Trim()))
            if (s.Trim() is { Length: > 0 } t) yield return t;
    }

    // Notes in the knowledge files point at other records by id ("(fig-kfor-troops-nato-2023)"); readers never see ids.
    [GeneratedRegex(@"\s*\((?:see )?[a-z0-9]+(?:-[a-z0-9]+){2,}\)")]
    private static partial Regex RecordIdInBrackets();

    [GeneratedRegex(@"(?<=[a-z0-9\)”""'%][.!?][”""']?)\s+(?=[A-Z“""(])")]
    private static partial Regex SentenceEnd();
}

using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Answers;

/// <summary>
/// Next questions the base can answer for a record, phrased for its kind: an agreement is signed, an event happens,
/// an organisation is a party. A question the answer has just answered for the same record is not suggested again.
/// </summary>
internal static class FollowUps
{
    private static readonly RecordKind[] Dated = [RecordKind.Event, RecordKind.Agreement];

    public static void Suggest(AnswerBuilder b, KnowledgeRecord r)
    {
        foreach (var q in For(b.Kb, r, b.Intent)) b.FollowUp(q);
    }

    /// <summary>The follow-ups for one record, best first; <paramref name="answered"/> is the intent already answered.</summary>
    public static IReadOnlyList<string> For(KnowledgeBase kb, KnowledgeRecord r, IntentKind? answered = null)
    {
        var list = new List<string>();
        void Add(IntentKind intent, string question)
        {
            // An overview already shows the record's date and parties; asking for them again leads nowhere new.
            if (intent == answered || (answered == IntentKind.Overview && intent is IntentKind.Date or IntentKind.Parties)) return;
            list.Add(question);
        }
        switch (r.Kind)
        {
            case RecordKind.Agreement: Agreement(kb, r, Add); break;
            case RecordKind.Event: Event(kb, r, Add); break;
            case RecordKind.Actor: Actor(kb, r, Add); break;
            case RecordKind.Figure:
                if (r.Subject is not null && kb.Get(r.Subject) is { } subject && kb.FiguresOf([subject.Id]).Count > 1)
                    Add(IntentKind.Figures, $"What figures do the sources give for {RecordNames.The(subject)}?");
                break;
        }
        return list.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static void Agreement(KnowledgeBase kb, KnowledgeRecord r, Action<IntentKind, string> add)
    {
        var the = RecordNames.InQuestion(r, kb);
        if (kb.ClaimsAbout([r.Id]).Count > 0) add(IntentKind.Analysis, $"What do the sources say about {the}?");
        if (r.Parties.Count > 1 && AgreementVerb(r) is "signed" or "launched") add(IntentKind.Parties, $"Who signed {the}?");
        if (r.Date is not null) add(IntentKind.Date, $"When was {the} {AgreementVerb(r)}?");
        var rival = kb.ConflictsAbout([r.Id]).Concat(kb.ClaimsAbout([r.Id]))
            .SelectMany(c => c.About).Where(id => id != r.Id).Select(kb.Get)
            .FirstOrDefault(x => x?.Kind == RecordKind.Agreement);
        if (rival is not null) add(IntentKind.Compare, $"Compare {the} with {RecordNames.InQuestion(rival, kb)}");
        add(IntentKind.Overview, About(kb, r));
    }

    /// <summary>What happened to an agreement on its date: signed, adopted (resolutions, policies), launched, proposed.</summary>
    internal static string AgreementVerb(KnowledgeRecord r) => r.Type switch
    {
        "un-resolution" or "policy" => "adopted",
        "declaration" when r.Parties.Count <= 1 => "adopted",
        "initiative" => "launched",
        "proposal" => "proposed",
        "mandate" => "granted",
        _ => "signed",
    };

    private static void Event(KnowledgeBase kb, KnowledgeRecord r, Action<IntentKind, string> add)
    {
        var clause = RecordNames.AsClause(r, kb);
        var the = RecordNames.InQuestion(r, kb);
        if (r.Date is not null && DateQuestion(r, clause, the) is { } when) add(IntentKind.Date, when);
        if (kb.ClaimsAbout([r.Id]).Count > 0)
            add(IntentKind.Analysis, $"What do the sources say about {(clause is not null ? clause.GerundForm : the)}?");
        if (CountryOf(kb, r) is { } country && r.Date is not null)
            add(IntentKind.Timeline, $"What happened in {RecordNames.The(country)} in {r.Date.Year}?");
        add(IntentKind.Overview, About(kb, r));
    }

    /// <summary>
    /// "When did Albania join NATO?", "When did the Banjska attack happen?", "When were … laws adopted?". A policy is
    /// not something that happens on a day, so it gets none; its overview gives the date.
    /// </summary>
    private static string? DateQuestion(KnowledgeRecord r, HeadlineClause? clause, string the)
    {
        if (clause is not null) return $"When did {clause.BaseForm}?";
        var plural = the.EndsWith('s') && !the.EndsWith("ss", StringComparison.Ordinal);
        return r.Type switch
        {
            "policy" => null,
            "legal-act" => $"When {(plural ? "were" : "was")} {the} adopted?",
            "meeting" or "election" or "vote" => $"When did {the} take place?",
            _ => $"When did {the} happen?",
        };
    }

    /// <summary>Where an event happened: its place, else the first state (or entity) among its actors.</summary>
    private static KnowledgeRecord? CountryOf(KnowledgeBase kb, KnowledgeRecord r)
    {
        if (r.Place?.Country is { } c && kb.Get(c) is { } placed) return placed;
        return r.Actors.Select(kb.Get).OfType<KnowledgeRecord>().FirstOrDefault(a => a.Kind == RecordKind.Actor && a.Type is "state" or "entity");
    }

    private static void Actor(KnowledgeBase kb, KnowledgeRecord r, Action<IntentKind, string> add)
    {
        var the = RecordNames.The(r);
        var agreements = kb.AgreementsOf(r.Id);
        if (agreements.Count > 0)
        {
            if (r.Type is "state" or "entity") add(IntentKind.List, $"Which agreements has {the} signed?");
            else if (r.Type == "mission" && agreements.FirstOrDefault(a => a.Type == "mandate") is { } mandate) add(IntentKind.Overview, $"What is {RecordNames.The(mandate)}?");
            else add(IntentKind.List, $"Which agreements is {the} a party to?");
        }
        if (kb.FiguresOf([r.Id]).Count > 0) add(IntentKind.Figures, $"What figures do the sources give for {the}?");
        if (kb.ClaimsAbout([r.Id]).Count > 0) add(IntentKind.Analysis, $"What do the sources say about {the}?");
        if (kb.RecordsInvolving(r.Id, Dated, 3).Count(x => x.Date is not null) >= 2) add(IntentKind.Timeline, $"Timeline of {the}");
    }

    /// <summary>The request for the record itself: "Tell me about the Tirana Declaration", "Tell me more about the Banjska attack".</summary>
    public static string About(KnowledgeBase kb, KnowledgeRecord r) => r.Kind switch
    {
        RecordKind.Event when RecordNames.AsClause(r, kb) is { } clause => $"What happened when {clause.PastForm}?",
        RecordKind.Event => $"Tell me more about {RecordNames.InQuestion(r, kb)}",
        _ => $"Tell me about {RecordNames.InQuestion(r, kb)}",
    };

    /// <summary>Topics that the base covers well, for no-answers and help.</summary>
    public static IReadOnlyList<string> Popular(KnowledgeBase kb)
    {
        var agreements = kb.OfKind(RecordKind.Agreement)
            .OrderByDescending(a => kb.ClaimsAbout([a.Id]).Count + a.Facts.Count).Take(2)
            .Select(a => $"What is {RecordNames.The(a)}?");
        return agreements.Append("What happened in Republika Srpska in March 2025?").ToList();
    }
}

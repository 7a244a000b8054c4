using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Handlers;

/// <summary>"Which agreements has Serbia signed since 2020", "incidents in northern Kosovo": a filtered list.</summary>
public sealed class ListHandler : IIntentHandler
{
    public IntentKind Intent => IntentKind.List;

    private static readonly HashSet<string> IncidentTypes = ["attack", "sabotage", "unrest", "clash", "arrest", "deployment", "indictment", "trade-measure", "legal-act", "court-ruling"];

    public Answer? Handle(HandlerContext ctx)
    {
        var kinds = ctx.Question.Kinds.Where(k => k is RecordKind.Agreement or RecordKind.Event).ToList();
        if (kinds.Count == 0) kinds = [RecordKind.Agreement, RecordKind.Event];
        var wantsIncidents = ctx.Question.Terms.Any(t => t.StartsWith("incident", StringComparison.Ordinal) || t.StartsWith("attack", StringComparison.Ordinal));
        var actors = ctx.Focus.Where(f => f.Kind == RecordKind.Actor).Select(f => f.Id).ToList();
        var period = ctx.Question.Period;

        IEnumerable<KnowledgeRecord> records = period is not null
            ? ctx.Kb.InPeriod(period.From, period.To, kinds, actors.Count > 0 ? actors : null, 400)
            : actors.Count > 0
                ? actors.SelectMany(a => ctx.Kb.RecordsInvolving(a, kinds, 400))
                : kinds.Contains(RecordKind.Event) ? [] : ctx.Kb.OfKind(RecordKind.Agreement);
        // An agreement "signed by Serbia" means Serbia is a party, not merely mentioned.
        if (actors.Count > 0 && kinds.SequenceEqual([RecordKind.Agreement]))
            records = records.Where(r => r.Parties.Any(actors.Contains));
        if (wantsIncidents) records = records.Where(r => r.Kind == RecordKind.Event && IncidentTypes.Contains(r.Type ?? ""));
        var list = SameHappening.Distinct(TimelineHandler.NarrowToArea(records.DistinctBy(r => r.Id).ToList(), ctx.Question.Terms))
            .OrderBy(r => r.Date is null).ThenBy(r => r.Date?.Start).ToList();
        if (list.Count == 0) return null;

        var b = ctx.NewAnswer();
        var (one, many) = wantsIncidents ? ("incident", "incidents")
            : kinds.Count == 1 ? (kinds[0] == RecordKind.Agreement ? ("agreement", "agreements") : ("event", "events"))
            : ("agreement or event", "agreements and events");
        var subject = actors.Count > 0 ? RecordFacts.NamesInSentence(ctx.Kb, actors) : "the region";
        b.Title = $"{RecordFacts.Capitalise(list.Count == 1 ? one : many)}: {(actors.Count > 0 ? RecordFacts.Names(ctx.Kb, actors) : "the region")}"
                  + (period is null ? "" : $", {period.Label}");
        foreach (var r in list.Take(TimelineHandler.MaxEntries)) b.Event(r);
        var names = list.Count <= 4
            ? RecordFacts.JoinAnd(list.Select(RecordNames.The).ToList())
            : string.Join(", ", list.Take(4).Select(RecordNames.The)) + " and " + RecordFacts.Count(list.Count - 4, "other");
        b.Text = AnswerBuilder.Markers($"The base holds {RecordFacts.Count(list.Count, one, many)} for {subject}{RecordFacts.InPeriod(period)}: {names}.",
            b.Cite(list.Take(4).SelectMany(RecordFacts.Backing)));
        foreach (var r in list.Take(2)) FollowUps.Suggest(b, r);
        b.Confidence = 0.8;
        return b.Build();
    }
}

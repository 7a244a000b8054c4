using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Handlers;

/// <summary>Dated events and agreements for a place, actor or period, oldest first.</summary>
public sealed class TimelineHandler(OverviewHandler overview) : IIntentHandler
{
    public IntentKind Intent => IntentKind.Timeline;
    private static readonly RecordKind[] Dated = [RecordKind.Event, RecordKind.Agreement];
    internal const int MaxEntries = 15;

    /// <summary>An agreement and the dated records that refer to it or name it in their own text.</summary>
    private static IEnumerable<KnowledgeRecord> StoryOf(KnowledgeBase kb, KnowledgeRecord agreement)
    {
        // Events that name the agreement in their own text belong to its story even without a formal link.
        var name = agreement.Aliases.Append(agreement.ShortName).Select(TextNormalizer.Normalize)
            .Where(a => a.Contains(' ')).OrderBy(a => a.Length).FirstOrDefault() ?? TextNormalizer.Normalize(agreement.ShortName);
        var named = kb.Search(name.Split(' '), [RecordKind.Event], 40)
            .Select(h => kb.Get(h.Id)).OfType<KnowledgeRecord>()
            .Where(r => TextNormalizer.Normalize(r.Name + " " + r.Summary?.Text).Contains(name, StringComparison.Ordinal));
        return kb.ReferencesTo(agreement.Id).Select(x => kb.Get(x.Id)).OfType<KnowledgeRecord>()
            .Where(r => Dated.Contains(r.Kind)).Concat(named).Append(agreement);
    }

    public Answer? Handle(HandlerContext ctx)
    {
        // "What happened at Banjska?" is about one event: its overview answers it.
        if (ctx.Primary is { Kind: RecordKind.Event } single && ctx.Question.Period is null) return overview.Handle(ctx);

        var period = ctx.Question.Period;
        var actors = ctx.Focus.Where(f => f.Kind == RecordKind.Actor).Select(f => f.Id).ToList();
        var agreement = ctx.Focus.FirstOrDefault(f => f.Kind == RecordKind.Agreement);
        List<KnowledgeRecord> records;
        if (period is not null)
            // "What happened in October 2019?" is not answered by a meeting the sources date only to 2019: a date that
            // reaches outside the period does not place the record in it.
            records = ctx.Kb.InPeriod(period.From, period.To, Dated, actors.Count > 0 ? actors : null, 400)
                .Where(r => r.Date is null || r.Date.Start >= period.From && r.Date.EndInclusive <= period.To).ToList();
        else if (actors.Count > 0)
        {
            // Several actors: what involves them all ("the Serbia–Hungary rapprochement"), not everything about each.
            var sets = actors.Select(a => ctx.Kb.RecordsInvolving(a, Dated).ToList()).ToList();
            records = sets.Skip(1).Aggregate(sets[0], (acc, next) => acc.Where(r => next.Any(n => n.Id == r.Id)).ToList());
            if (records.Count == 0) records = sets.SelectMany(x => x).DistinctBy(r => r.Id).ToList();
        }
        else if (agreement is not null)
        {
            // "How did CEFTA's membership change over time?": an agreement's earlier versions the question names are part
            // of its story ("CEFTA 1992" before "CEFTA 2006").
            var line = ctx.Focus.Where(f => f.Kind == RecordKind.Agreement && (f.Id == agreement.Id
                || ctx.Kb.Aliases.EarlierVersions(agreement.Id).Contains(f.Id) || ctx.Kb.Aliases.EarlierVersions(f.Id).Contains(agreement.Id))).ToList();
            records = line.SelectMany(a => StoryOf(ctx.Kb, a)).DistinctBy(r => r.Id).ToList();
            // The story is told under the name of its latest version.
            agreement = line.OrderBy(a => a.Date?.Start ?? DateOnly.MinValue).Last();
        }
        else return null;

        records = SameHappening.Distinct(NarrowToArea(records, ctx.Question.Terms));
        if (records.Count == 0) return null;
        // A record dated only to its year ("the Ohrid meeting, 2019") follows the ones dated within that year: it cannot
        // be said to begin it.
        records = records.OrderBy(r => r.Date is null).ThenBy(r => r.Date?.Year).ThenBy(r => r.Date?.Precision == DatePrecision.Year)
            .ThenBy(r => r.Date?.Start).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

        var b = ctx.NewAnswer();
        // "According to Antić, …", "combining Sav and the Pupin brief": the authors cited are not what the timeline is of.
        if (actors.Any(a => !ctx.Kb.Authors.Contains(a))) actors = actors.Where(a => !ctx.Kb.Authors.Contains(a)).ToList();
        var subject = actors.Count > 0 ? RecordFacts.NamesInSentence(ctx.Kb, actors) : agreement is not null ? RecordNames.The(agreement) : "the region";
        var title = actors.Count > 0 ? RecordFacts.Names(ctx.Kb, actors) : agreement is not null ? RecordNames.Bare(agreement) : "the region";
        b.Title = $"Timeline: {title}" + (period is null ? "" : $", {period.Label}");
        var shown = records.Take(MaxEntries).ToList();
        foreach (var r in shown) b.Event(r);
        var dated = shown.Where(r => r.Date is not null).ToList();
        // A period in the question already says when; a span would repeat it ("in 2023 from 2023 to September 2023").
        var span = period is null && dated.Count > 1 && dated[0].Date!.Display != dated[^1].Date!.Display
            ? $", from {dated[0].Date!.Display} to {dated[^1].Date!.Display}" : "";
        var first = dated.FirstOrDefault() ?? shown[0];
        // One record is no sequence: "The base holds one dated record for Montenegro in 2017: Montenegro joins NATO (2017)."
        b.Text = records.Count == 1
            ? AnswerBuilder.Markers($"The base holds one {(first.Date is null ? "record" : "dated record")} {(actors.Count > 0 ? "for " + subject + RecordFacts.InPeriod(period) : period is not null ? "for " + period.Label : "here")}: "
                + $"{RecordNames.The(first)}{(first.Date is null ? "" : $" ({first.Date.Display})")}.", b.Cite(RecordFacts.Backing(first)))
            : AnswerBuilder.Markers($"The base holds {Count(records)} for {subject}{RecordFacts.InPeriod(period)}{span}; "
            + $"{(first.Date is null ? "the first listed is" : "it begins with")} {Begins(ctx.Kb, first)}.", b.Cite(RecordFacts.Backing(first)));
        if (records.Count > MaxEntries && dated.Count > 0)
            b.FollowUp(actors.Count > 0 ? $"What happened in {subject} in {dated[^1].Date!.Year}?" : $"Timeline of {subject} in {dated[^1].Date!.Year}");
        foreach (var r in shown.Where(r => r.Kind == RecordKind.Event).Take(2)) b.FollowUp(FollowUps.About(ctx.Kb, r));
        b.Confidence = 0.85;
        return b.Build();
    }

    /// <summary>"two agreements and three events", "one event".</summary>
    internal static string Count(IReadOnlyList<KnowledgeRecord> records)
    {
        var agreements = records.Count(r => r.Kind == RecordKind.Agreement);
        var events = records.Count - agreements;
        var parts = new List<string>();
        if (agreements > 0) parts.Add(RecordFacts.Count(agreements, "agreement"));
        if (events > 0) parts.Add(RecordFacts.Count(events, "event"));
        return RecordFacts.JoinAnd(parts);
    }

    /// <summary>"the Banjska attack", "Albania joining NATO": a record as the object of "begins with".</summary>
    private static string Begins(KnowledgeBase kb, KnowledgeRecord r) =>
        RecordNames.AsClause(r, kb) is { } clause ? clause.GerundForm : RecordNames.The(r);

    /// <summary>"northern Kosovo": keep the records set in the north when the question names it and some are.</summary>
    internal static List<KnowledgeRecord> NarrowToArea(List<KnowledgeRecord> records, IReadOnlyList<string> terms)
    {
        if (!terms.Contains("northern") && !terms.Contains("north")) return records;
        var north = records.Where(r => TextNormalizer.Normalize(r.Place?.Area + " " + r.Place?.Location + " " + r.Summary?.Text).Contains("north", StringComparison.Ordinal)).ToList();
        return north.Count > 0 ? north : records;
    }
}

using BalkanBot.Answers;
using BalkanBot.Routing;

namespace BalkanBot.Digests;

/// <summary>
/// A digest as an Answer, for replies in place ("digest now", `/balkan digest`, the CLI): headlines and changed
/// figures become facts, agreements and events the timeline, so every channel's answer renderer shows it.
/// Scheduled digests use the richer <see cref="DigestCard"/> and <see cref="DigestBlocks"/> layouts instead.
/// </summary>
public static class DigestAnswer
{
    public static Answer From(Digest d, string question)
    {
        var facts = new List<AnswerFact>();
        facts.AddRange(d.Headlines.Select(h => new AnswerFact(h.Country, h.Line, [])));
        facts.AddRange(d.Figures.Select(f => new AnswerFact("Figure", FigureLine(f), f.Citations)));
        var timeline = d.Agreements.Select(a => Entry(a, a.Updated ? "Updated agreement" : "New agreement"))
            .Concat(d.Events.Select(e => Entry(e, null)))
            .ToList();
        return new Answer
        {
            Question = question,
            Answered = true,
            Intent = IntentKind.Subscription,
            Title = d.Title,
            Text = (d.IsEmpty ? Digest.NothingNew : Summary(d)) + $" Period: {d.PeriodLabel}.",
            Facts = facts,
            Timeline = timeline,
            Citations = d.Citations,
            FollowUps = d.Agreements.Select(a => a.AskAbout).Concat(d.Events.Select(e => e.AskAbout)).Concat(d.Figures.Select(f => f.AskAbout))
                .Distinct().Take(3).ToList(),
            RecordIds = d.Agreements.Select(a => a.RecordId).Concat(d.Events.Select(e => e.RecordId)).Concat(d.Figures.Select(f => f.RecordId)).ToList(),
            Confidence = 1,
        };
    }

    public static string Summary(Digest d)
    {
        var parts = new List<string>();
        if (d.Agreements.Count + d.MoreAgreements > 0) parts.Add(Count(d.Agreements.Count + d.MoreAgreements, "agreement"));
        if (d.Events.Count + d.MoreEvents > 0) parts.Add(Count(d.Events.Count + d.MoreEvents, "incident or event", "incidents and events"));
        if (d.Figures.Count + d.MoreFigures > 0) parts.Add(Count(d.Figures.Count + d.MoreFigures, "figure"));
        return $"New or changed in the knowledge base: {RecordFacts.JoinAnd(parts)}.";
    }

    public static string FigureLine(FigureChange f) =>
        f.Old is null ? $"{f.Name} (new): {f.New}" : $"{f.Name}: {f.Old} → {f.New}";

    /// <summary>"what — where — who", the CrisisWatch order after the date.</summary>
    public static string ItemLine(DigestItem i, string? prefix = null)
    {
        // A prefix such as "Updated agreement" already says the item was updated.
        var parts = new List<string> { (prefix is null ? "" : prefix + ": ") + i.Name + (i.Updated && prefix is null ? " (updated)" : "") + ". " + i.What };
        if (i.Where is not null) parts.Add("Where: " + i.Where);
        if (i.Who is not null) parts.Add("Who: " + i.Who);
        return string.Join(" — ", parts);
    }

    private static TimelineEntry Entry(DigestItem i, string? prefix) =>
        new(i.Date ?? "date not given", null, ItemLine(i, prefix), i.RecordId, i.Citations);

    private static string Count(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";
}

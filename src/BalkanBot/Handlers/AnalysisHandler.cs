using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Handlers;

/// <summary>
/// "Why" and "is it" questions get the sources' views side by side, each attributed to its author. The bot adds
/// no view of its own; where the base holds a fact that bears on the question (legal force), it is shown as a fact.
/// </summary>
public sealed class AnalysisHandler : IIntentHandler
{
    public IntentKind Intent => IntentKind.Analysis;

    public Answer? Handle(HandlerContext ctx)
    {
        var ids = ctx.Focus.Select(f => f.Id).ToList();
        var claims = ctx.Kb.ClaimsAbout(ids).Concat(ctx.Focus.Where(f => f.Kind == RecordKind.Actor).SelectMany(a => ctx.Kb.ClaimsBy(a)))
            .DistinctBy(c => c.Id).ToList();
        var searched = ctx.Kb.Search(ctx.Question.Terms, [RecordKind.Claim], 30).Select(h => h.Id).ToList();
        // "What should NATO do about Serbia, according to the Pupin brief?": the document the question cites speaks first.
        var cited = Retrieval.EvidenceFinder.CitedInQuestion(ctx.Question);
        cited.IntersectWith(ctx.Kb.Authors);
        var citedDocuments = cited.Count == 0 ? [] : ctx.Kb.DocumentsWrittenBy(cited).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        bool FromCited(KnowledgeRecord c) => c.ClaimSource is { } source && citedDocuments.Contains(source);
        // Claims about the entities first, those that also match the question's words before the rest.
        var ranked = claims
            .OrderByDescending(FromCited)
            .ThenByDescending(c => c.About.Count(ids.Contains))
            .ThenByDescending(c => CompareHandler.AuthorOfSource(ctx.Kb, c))
            .ThenBy(c => searched.IndexOf(c.Id) is var i && i < 0 ? 999 : i)
            .ToList();
        if (ranked.Count == 0 && ids.Count == 0)
            ranked = searched.Take(4).Select(ctx.Kb.Get).OfType<KnowledgeRecord>().ToList();
        if (ranked.Count == 0) return null;

        var picked = new List<KnowledgeRecord>();
        foreach (var byAuthor in ranked.GroupBy(c => c.Author).Take(4))
            picked.AddRange(byAuthor.Take(2));
        picked = picked.OrderBy(c => ranked.IndexOf(c)).Take(6).ToList();

        var b = ctx.NewAnswer();
        foreach (var f in ctx.Focus) b.UseRecord(f.Id);
        var topic = ctx.Primary?.Name ?? "this question";
        b.Title = $"What the sources say: {topic}";
        foreach (var c in picked) b.View(c);
        // Each lead is its view's first sentence; the view below it holds the rest.
        // Where the question cites a document that holds views on it, the leads are that document's alone.
        var leads = picked.GroupBy(c => c.Author).Where(g => !picked.Any(FromCited) || FromCited(g.First())).Take(2)
            .Select(g => AnswerBuilder.Markers(RecordFacts.FirstSentence(g.First().Text ?? ""), b.Cite(g.First().Cite)));
        b.Text = string.Join(" ", leads);
        if (ctx.Primary is { } p)
        {
            if (p.LegallyBinding is { Value: not "unknown" } lb) b.Fact("Legally binding", RecordFacts.Value(lb.Value), lb.Cite);
            if (p.Provisions.Count > 0) b.Fact("Provisions", RecordFacts.ProvisionList(p), RecordFacts.Backing(p));
            foreach (var conflict in ctx.Kb.ConflictsAbout([p.Id])) b.Conflict(conflict);
            b.UseRecord(p.Id);
            FollowUps.Suggest(b, p);
        }
        b.Confidence = claims.Count > 0 ? 0.85 : 0.6;
        return b.Build();
    }
}

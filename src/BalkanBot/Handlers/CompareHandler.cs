using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Handlers;

/// <summary>
/// Builds a table with one column per compared thing and one row per measure. A side of several states is read as
/// a bloc (and matched to the agreement that binds exactly those states); a cell the base cannot fill says "no data".
/// </summary>
public sealed class CompareHandler : IIntentHandler
{
    public IntentKind Intent => IntentKind.Compare;

    private static readonly string[] MilitaryRows = ["troops", "combat-aircraft", "tanks", "rocket-launchers", "population", "defence-industry", "modernization-focus"];

    private sealed record Column(string Label, KnowledgeRecord? Agreement, IReadOnlyList<KnowledgeRecord> Members);

    public Answer? Handle(HandlerContext ctx)
    {
        var columns = Columns(ctx);
        if (columns.Count < 2) return null;
        var b = ctx.NewAnswer();
        b.Title = "Comparison: " + string.Join(" vs ", columns.Select(c => c.Label));
        var rows = new List<ComparisonRow>();

        if (columns.Any(c => c.Agreement is not null))
        {
            rows.Add(Row("Agreement", columns, c => c.Agreement is { } a ? (a.Name, RecordFacts.Backing(a)) : null, b));
            rows.Add(Row("Signed", columns, c => c.Agreement is { Date: { } d } a ? (d.Display + (a.PlaceText is null ? "" : $", {a.PlaceText}"), RecordFacts.Backing(a)) : null, b));
            rows.Add(Row("Type", columns, c => c.Agreement is { } a ? (RecordFacts.Capitalise(RecordFacts.KindLabel(a)), RecordFacts.Backing(a)) : null, b));
            rows.Add(Row("Legally binding", columns, c => c.Agreement?.LegallyBinding is { Value: not "unknown" } lb ? (RecordFacts.Value(lb.Value), lb.Cite) : null, b));
            rows.Add(Row("Provisions", columns, c => c.Agreement is { Provisions.Count: > 0 } a ? (RecordFacts.ProvisionList(a), RecordFacts.Backing(a)) : null, b));
        }
        if (columns.All(c => c.Members.Count > 0) && columns.All(c => c.Agreement is null || IsDefence(c.Agreement)))
        {
            rows.Add(Row("Members", columns, c => c.Agreement is { } a && a.Parties.Count > 0
                ? (RecordFacts.Names(ctx.Kb, a.Parties), RecordFacts.Backing(a))
                : (string.Join(", ", c.Members.Select(m => m.Name)), c.Members.SelectMany(RecordFacts.Backing).Take(2).ToList()), b));
            rows.Add(Row("NATO member", columns, c => NatoStatus(ctx.Kb, c), b));
            foreach (var measure in MilitaryRows) rows.Add(FigureRow(measure, columns, ctx.Kb, b));
        }
        // Figures about the agreements themselves (joint activities, cost).
        foreach (var measure in columns.Where(c => c.Agreement is not null)
                     .SelectMany(c => ctx.Kb.FiguresOf([c.Agreement!.Id])).Select(f => f.Measure).OfType<string>().Distinct())
            rows.Add(Row(Labels.Measure(measure), columns,
                c => c.Agreement is null ? null : ctx.Kb.FiguresOf([c.Agreement.Id]).FirstOrDefault(f => f.Measure == measure) is { } f ? (FigureText.Format(f), f.Cite) : null, b));

        rows = rows.Where(r => r.Cells.Any(c => !c.NoData) || MilitaryRows.Any(m => Labels.Measure(m) == r.Measure)).ToList();
        if (rows.All(r => r.Cells.All(c => c.NoData))) return null;
        b.Comparison = new ComparisonTable(columns.Select(c => c.Label).ToList(), rows);

        var ids = columns.Select(c => c.Agreement?.Id).OfType<string>()
            .Concat(columns.SelectMany(c => c.Members.Select(m => m.Id))).Distinct().ToList();
        foreach (var id in ids) b.UseRecord(id);
        var agreements = columns.Select(c => c.Agreement?.Id).OfType<string>().ToList();
        var views = agreements.Count > 0
            ? ctx.Kb.ClaimsAbout(agreements).OrderByDescending(c => c.About.Count(agreements.Contains)).ThenByDescending(c => AuthorOfSource(ctx.Kb, c)).ToList()
            : ctx.Kb.ClaimsAbout(ids).Where(c => c.About.Count(ids.Contains) >= 2).ToList();
        var lead = views.FirstOrDefault(v => v.About.Count(ids.Contains) >= 2);
        // The lead quotes its view's first sentence; the view itself, shown first, holds the rest.
        foreach (var claim in views.Take(3).Prepend(lead).OfType<KnowledgeRecord>()) b.View(claim);
        foreach (var conflict in ctx.Kb.ConflictsAbout(agreements.Count > 0 ? agreements : ids).Take(2)) b.Conflict(conflict);

        var filled = rows.Sum(r => r.Cells.Count(c => !c.NoData));
        var total = rows.Sum(r => r.Cells.Count);
        b.Text = $"Side by side on {rows.Count} measures; the base has sourced values for {filled} of {total} cells, and the rest are marked \"no data\"."
                 + (lead is null ? "" : " " + AnswerBuilder.Markers(RecordFacts.FirstSentence(lead.Text ?? ""), b.Cite(lead.Cite)));
        foreach (var c in columns.Where(c => c.Agreement is not null)) b.FollowUp($"What do the sources say about {RecordNames.The(c.Agreement!)}?");
        b.Confidence = total == 0 ? 0 : 0.6 + 0.3 * filled / total;
        return b.Build();
    }

    private static readonly string[] DefenceProvisions = ["mutual-defence", "exercises-training", "defence-industry", "military-education", "interoperability", "arms-procurement"];

    private static bool IsDefence(KnowledgeRecord agreement) => agreement.Provisions.Any(DefenceProvisions.Contains);

    /// <summary>The seed document's own authors speak before the people they quote.</summary>
    internal static bool AuthorOfSource(KnowledgeBase kb, KnowledgeRecord claim)
    {
        var src = claim.ClaimSource is null ? null : kb.Source(claim.ClaimSource);
        if (src is null || claim.Author is null) return false;
        return src.Authors.Any(a => claim.Author.Contains(a.Split(' ')[^1], StringComparison.OrdinalIgnoreCase))
               || (src.Publisher is { } p && claim.Author.Contains(p, StringComparison.OrdinalIgnoreCase));
    }

    private static List<Column> Columns(HandlerContext ctx)
    {
        var result = new List<Column>();
        var sides = ctx.Question.Sides.Count >= 2 ? ctx.Question.Sides
            : ctx.Focus.Select(f => (IReadOnlyList<EntityMention>)[new EntityMention(f.Id, f.Kind, f.Name, 0, 1)]).ToList();
        foreach (var side in sides)
        {
            var records = side.Select(m => ctx.Kb.Get(m.RecordId)).OfType<KnowledgeRecord>().ToList();
            // "How does the Pupin brief compare the Serbia–Hungary pairing with …?": the document's publisher beside
            // the states is where the comparison is read, not a member of the side.
            if (records.Count(r => !ctx.Kb.Authors.Contains(r.Id)) >= 2) records = records.Where(r => !ctx.Kb.Authors.Contains(r.Id)).ToList();
            var actors = records.Where(r => r.Kind == RecordKind.Actor).ToList();
            var agreement = records.FirstOrDefault(r => r.Kind == RecordKind.Agreement);
            if (agreement is null && actors.Count >= 2)
            {
                var set = actors.Select(a => a.Id).ToHashSet();
                agreement = ctx.Kb.OfKind(RecordKind.Agreement).Where(a => set.IsSubsetOf(a.Parties))
                    .OrderBy(a => a.Parties.Count).ThenByDescending(a => a.Date?.Start).FirstOrDefault();
            }
            if (agreement is not null && actors.Count == 0)
                actors = agreement.Parties.Select(ctx.Kb.Get).OfType<KnowledgeRecord>().ToList();
            var namedAgreement = records.Any(r => r.Kind == RecordKind.Agreement);
            var label = actors.Count >= 2 && !namedAgreement ? string.Join("–", actors.Select(a => a.Name)) : agreement?.ShortName ?? records.FirstOrDefault()?.ShortName;
            if (label is null) continue;
            if (result.Any(c => c.Label == label)) continue;
            result.Add(new Column(label, agreement, actors.Count > 0 ? actors : records.Where(r => r.Kind == RecordKind.Actor).ToList()));
        }
        return result;
    }

    /// <summary>
    /// A row holds the figures measured as the row says ("tanks", "combat-aircraft-ordered" under "combat-aircraft"),
    /// not every figure whose measure shares a word with it: "population" is not "EU share of total trade".
    /// </summary>
    internal static bool InRow(string row, string? figureMeasure) =>
        figureMeasure is not null && (figureMeasure == row || figureMeasure.StartsWith(row + "-", StringComparison.Ordinal));

    private static ComparisonRow FigureRow(string measure, IReadOnlyList<Column> columns, KnowledgeBase kb, AnswerBuilder b) =>
        Row(Labels.Measure(measure), columns, c =>
        {
            var figures = kb.FiguresOf(c.Members.Select(m => m.Id).ToList()).Where(f => InRow(measure, f.Measure)).ToList();
            if (figures.Count == 0) return null;
            var text = string.Join("; ", figures.GroupBy(f => f.Subject).Select(g =>
                (c.Members.Count > 1 ? RecordFacts.NameOf(kb, g.Key ?? "") + ": " : "") + string.Join(", ", g.Select(f => FigureText.Format(f, withDate: false)))));
            return (text, figures.SelectMany(f => f.Cite).ToList());
        }, b);

    private static (string, IReadOnlyList<Citation>)? NatoStatus(KnowledgeBase kb, Column c)
    {
        var parts = new List<string>();
        var cites = new List<Citation>();
        foreach (var m in c.Members)
        {
            var nato = m.Memberships.FirstOrDefault(x => x.Of == "nato");
            if (nato is null) continue;
            parts.Add(m.Name + (nato.Since is null ? "" : $" (since {nato.Since.Display})"));
            cites.AddRange(nato.Cite);
        }
        return parts.Count == 0 ? null : (string.Join(", ", parts), cites);
    }

    private static ComparisonRow Row(string measure, IReadOnlyList<Column> columns, Func<Column, (string Text, IReadOnlyList<Citation> Cite)?> cell, AnswerBuilder b) =>
        new(measure, columns.Select(c =>
        {
            var v = cell(c);
            if (v is null || string.IsNullOrWhiteSpace(v.Value.Text)) return ComparisonCell.Missing;
            var numbers = b.Cite(v.Value.Cite);
            return numbers.Count == 0 ? ComparisonCell.Missing : new ComparisonCell(v.Value.Text, numbers);
        }).ToList());
}

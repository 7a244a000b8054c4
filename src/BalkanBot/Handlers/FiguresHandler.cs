using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Handlers;

public sealed class FiguresHandler : IIntentHandler
{
    public IntentKind Intent => IntentKind.Figures;

    public Answer? Handle(HandlerContext ctx)
    {
        var measure = ctx.Question.Measure;
        // "How many submarines does Croatia have?": a quantity the base has no word for is not one it can answer.
        if (measure is null && ctx.Question.UnknownTerms.Count > 0) return null;
        var subjects = ctx.Focus.Select(f => f.Kind == RecordKind.Figure ? f.Subject ?? f.Id : f.Id).ToHashSet();
        // Figures about the named things, and figures whose own text matches the question (a figure about the
        // indictment answers "how many were indicted over Banjska" although its subject is another event).
        var searched = ctx.Kb.Search(ctx.Question.Terms, [RecordKind.Figure], 30).Select(h => h.Id).ToList();
        var figures = ctx.Focus.Where(f => f.Kind == RecordKind.Figure).Concat(ctx.Kb.FiguresOf(subjects))
            .Concat(searched.Select(ctx.Kb.Get).OfType<KnowledgeRecord>())
            .DistinctBy(f => f.Id).ToList();
        if (measure is not null)
            figures = figures.Where(f => Measures.Matches(measure, f.Measure) || Measures.Matches(measure, f.ValueText)).ToList();
        else
            figures = figures.Where(f => subjects.Contains(f.Subject ?? "")).ToList();
        if (figures.Count == 0) return null;
        var focusOrder = ctx.Focus.Select(f => f.Id).ToList();
        figures = figures
            .OrderByDescending(f => subjects.Contains(f.Subject ?? "") && searched.Contains(f.Id))
            .ThenBy(f => searched.IndexOf(f.Id) is var s && s < 0 ? 99 : s)
            .ThenBy(f => focusOrder.IndexOf(f.Subject ?? "") is var i && i < 0 ? 99 : i)
            .ThenBy(f => f.AsOf?.Start).Take(8).ToList();

        var b = ctx.NewAnswer();
        var subjectName = RecordFacts.NameOf(ctx.Kb, figures[0].Subject ?? "");
        b.Title = measure is null ? $"Figures: {subjectName}" : $"{Labels.Measure(measure)}: {subjectName}";
        var lines = new List<string>();
        // The short answer speaks of what was asked about; figures on neighbouring subjects stay in the list.
        var own = figures.Where(f => subjects.Contains(f.Subject ?? "")).Take(2).ToList();
        var lead = own.Count > 0 ? own : figures.Take(2).ToList();
        // "How many billion euros did Serbia receive in 2007–2021?": a figure outside the period asked stays in the list.
        if (ctx.Question.Period is { } period && lead.Count > 1 && lead[0].AsOf is not null)
            lead = lead.Where((f, i) => i == 0 || f.AsOf is null || Overlaps(f.AsOf, period)).ToList();
        foreach (var f in figures)
        {
            b.Fact(FigureLabel(ctx.Kb, f), FigureText.Format(f), f.Cite);
            b.UseRecord(f.Id);
        }
        foreach (var f in lead)
            lines.Add(AnswerBuilder.Markers($"{FigureLabel(ctx.Kb, f)}: {FigureText.Format(f)}.", b.Cite(f.Cite)));
        b.Text = string.Join(" ", lines);
        var recorded = ctx.Kb.ConflictsAbout(figures.Select(f => f.Id).ToList());
        foreach (var conflict in recorded) b.Conflict(conflict);
        if (recorded.Count == 0) AddDisagreement(b, figures);
        if (ctx.Kb.Get(figures[0].Subject ?? "") is { } subject) FollowUps.Suggest(b, subject);
        b.Confidence = measure is null ? 0.7 : 0.9;
        return b.Build();
    }

    private static bool Overlaps(PartialDate date, Period period) => date.Start <= period.To && date.EndInclusive >= period.From;

    /// <summary>Same subject and measure, different values from different sources: show both sides.</summary>
    private static void AddDisagreement(AnswerBuilder b, IReadOnlyList<KnowledgeRecord> figures)
    {
        foreach (var group in figures.GroupBy(f => (f.Subject, f.Measure)))
        {
            var distinct = group.Where(f => f.Value is not null).DistinctBy(f => f.Value).ToList();
            if (distinct.Count < 2 || distinct.Select(f => f.Cite is [var c, ..] ? c.Source : null).Distinct().Count() < 2) continue;
            var parts = distinct.Select(f =>
            {
                var src = b.Kb.Source(f.Cite[0].Source);
                var who = src?.Authors.Count > 0 ? src.Authors[0] : src?.Publisher ?? f.Cite[0].Source;
                return AnswerBuilder.Markers($"{FigureText.Format(f)} according to {who}", b.Cite(f.Cite));
            });
            var text = $"The sources differ on {Labels.Measure(group.Key.Measure).ToLowerInvariant()} for {RecordFacts.NamesInSentence(b.Kb, [group.Key.Subject ?? ""])}: {string.Join("; ", parts)}.";
            b.Conflict(new KnowledgeRecord
            {
                Id = "auto-" + group.Key.Subject + "-" + group.Key.Measure,
                Kind = RecordKind.Conflict,
                Name = text,
                Summary = new CitedText(text, distinct.SelectMany(f => f.Cite).ToList()),
            });
        }
    }

    /// <summary>
    /// What a figure's line is labelled with. Where the value says what it measures ("250–300 main battle tanks",
    /// "a $2.71 billion trade surplus with CEFTA participants") the subject's name is enough; otherwise the figure's own
    /// name without its source note ("EU share of Serbia's total trade in 2022", "Kosovo's main battle tanks").
    /// </summary>
    internal static string FigureLabel(KnowledgeBase kb, KnowledgeRecord f)
    {
        var subject = f.Subject is null ? null : kb.Get(f.Subject);
        if (subject is not null && SaysWhatItMeasures(f)) return RecordFacts.Capitalise(subject.ShortName);
        var name = f.ShortName is { Length: > 0 } n && n != f.Id ? n : $"{subject?.ShortName ?? f.Subject} {Labels.Measure(f.Measure).ToLowerInvariant()}";
        return RecordFacts.Capitalise(name.Replace(": ", " — ", StringComparison.Ordinal));
    }

    private static readonly HashSet<string> Modifiers = ["of", "with", "the", "in", "on", "cumulative", "annual", "average", "first",
        "population", "share", "max", "rate", "high", "alert"];

    private static bool SaysWhatItMeasures(KnowledgeRecord f)
    {
        if (f.Measure is null) return false;
        var value = TextNormalizer.Tokens(FigureText.Format(f, withDate: false)).Select(Stem).ToHashSet();
        return f.Measure.Split('-').Where(w => !Modifiers.Contains(w)).All(w => value.Contains(Stem(w)));
    }

    private static string Stem(string w) => w.Length > 5 ? w[..5] : w;
}

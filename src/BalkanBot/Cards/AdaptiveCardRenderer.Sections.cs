using BalkanBot.Answers;

namespace BalkanBot.Cards;

public static partial class AdaptiveCardRenderer
{
    /// <summary>
    /// One list of an answer: how to count it, its page size, and how to draw a page of it. The card and every
    /// "show more" page draw lists through these, so paging works the same for all of them.
    /// </summary>
    private sealed record SectionSpec(string Name, string Label, Func<Answer, int> Count, Func<CardLimits, int> Limit,
        Func<Answer, int, int, CardLimits, List<CardElement>> Draw);

    public const string FactsSection = "facts";
    public const string RowsSection = "rows";
    public const string TimelineSection = "timeline";
    public const string ConflictsSection = "conflicts";
    public const string ViewsSection = "views";
    public const string SourcesSection = "sources";

    private static readonly SectionSpec[] Sections =
    [
        new(FactsSection, "facts", a => a.Facts.Count, l => l.Facts, DrawFacts),
        new(RowsSection, "comparison rows", a => a.Comparison?.Rows.Count ?? 0, l => l.Rows, DrawTable),
        new(TimelineSection, "timeline entries", a => a.Timeline.Count, l => l.Timeline, DrawTimeline),
        new(ConflictsSection, "disagreements", a => a.Conflicts.Count, l => l.Conflicts, DrawConflicts),
        new(ViewsSection, "views", a => a.Views.Count, l => l.Views, DrawViews),
        new(SourcesSection, "sources", a => a.Citations.Count, l => l.Sources, DrawSources),
    ];

    /// <summary>Draws one page of a list; a "show more" button for the rest sits right under it, where the reader is.</summary>
    private static void AddSection(List<CardElement> body, SectionSpec spec, Answer a, int offset, CardLimits limits, string? answerId)
    {
        var total = spec.Count(a);
        if (total <= offset) return;
        var take = spec.Limit(limits);
        // A button for one or two more items costs as much space as the items themselves.
        if (total - offset - take <= 2) take = total - offset;
        body.AddRange(spec.Draw(a, offset, take, limits));
        var rest = total - offset - take;
        if (rest <= 0) return;
        // Without an answer id the bot cannot find this answer again, so the button would lead nowhere.
        if (answerId is null) body.Add(new TextBlock { Text = $"{rest} more {spec.Label} not shown.", IsSubtle = true, Size = "small" });
        else body.Add(new ActionSet
        {
            Actions = [Execute($"Show {rest} more {spec.Label}",
                new CardActionData { Action = CardVerbs.More, AnswerId = answerId, Section = spec.Name, Offset = offset + take, Question = a.Question })],
        });
    }

    private static List<CardElement> DrawFacts(Answer a, int offset, int take, CardLimits l) =>
    [
        new FactSet
        {
            Spacing = "medium",
            Facts = a.Facts.Skip(offset).Take(take)
                .Select(f => new Fact(Clip(NonEmpty(f.Label), 80), Clip(NonEmpty(f.Value), l.TextChars) + Refs(f.Citations))).ToList(),
        },
    ];

    private static List<CardElement> DrawTable(Answer a, int offset, int take, CardLimits l)
    {
        var t = a.Comparison!;
        var header = new TableRow
        {
            Style = "accent",
            Cells = [Cell("Measure", bold: true), .. t.Columns.Select(c => Cell(Clip(NonEmpty(c), 80), bold: true))],
        };
        var page = t.Rows.Skip(offset).Take(take).ToList();
        var rows = page.Select(r => new TableRow
        {
            // A row with fewer cells than columns would shift; a longer one would be dropped silently by renderers.
            Cells = [Cell(Clip(NonEmpty(r.Measure), 120), bold: true),
                .. Enumerable.Range(0, t.Columns.Count).Select(i => i < r.Cells.Count ? DataCell(r.Cells[i], l) : DataCell(ComparisonCell.Missing, l))],
        });
        return
        [
            new Table
            {
                Spacing = "medium",
                Columns = [new TableColumnDefinition(2), .. t.Columns.Select(_ => new TableColumnDefinition(3))],
                Rows = [header, .. rows],
                FirstRowAsHeaders = true,
                ShowGridLines = true,
                VerticalCellContentAlignment = "top",
                Fallback = TableFallback(t, page, l),
            },
        ];
    }

    /// <summary>The same rows for clients without Table: per row its measure, then a FactSet of column → cell.</summary>
    private static Container TableFallback(ComparisonTable t, List<ComparisonRow> rows, CardLimits l) => new()
    {
        Spacing = "medium",
        Items = [.. rows.SelectMany(r => new CardElement[]
        {
            new TextBlock { Text = Clip(NonEmpty(r.Measure), 120), Weight = "bolder", Size = "small", Spacing = "small" },
            new FactSet
            {
                Spacing = "none",
                Facts = [.. t.Columns.Select((c, i) => new Fact(Clip(NonEmpty(c), 80),
                    i < r.Cells.Count && !r.Cells[i].NoData ? Clip(NonEmpty(r.Cells[i].Text), l.TextChars / 2) + Refs(r.Cells[i].Citations) : ComparisonCell.NoDataText))],
            },
        })],
    };

    private static TableCell DataCell(ComparisonCell c, CardLimits l) => c.NoData
        ? new TableCell { Items = [new TextBlock { Text = ComparisonCell.NoDataText, IsSubtle = true, Size = "small" }] }
        : Cell(Clip(NonEmpty(c.Text), l.TextChars / 2) + Refs(c.Citations));

    private static TableCell Cell(string text, bool bold = false) =>
        new() { Items = [new TextBlock { Text = text, Weight = bold ? "bolder" : null, Size = "small" }] };

    private static List<CardElement> DrawTimeline(Answer a, int offset, int take, CardLimits l) =>
    [
        Heading("Timeline"),
        new FactSet
        {
            Facts = a.Timeline.Skip(offset).Take(take)
                .Select(t => new Fact(Clip(NonEmpty(t.Date), 40), Clip(NonEmpty(t.Event), l.TextChars) + Refs(t.Citations))).ToList(),
        },
    ];

    private static List<CardElement> DrawConflicts(Answer a, int offset, int take, CardLimits l) =>
    [
        new Container
        {
            Style = "warning",
            Spacing = "medium",
            Items =
            [
                new TextBlock { Text = "Where sources disagree", Weight = "bolder", Style = "heading" },
                .. a.Conflicts.Skip(offset).Take(take).Select(c => new TextBlock { Text = "• " + Clip(NonEmpty(c.Text), l.TextChars) + Refs(c.Citations), Spacing = "small" }),
            ],
        },
    ];

    private static List<CardElement> DrawViews(Answer a, int offset, int take, CardLimits l)
    {
        var list = new List<CardElement> { Heading("What the sources argue") };
        foreach (var v in a.Views.Skip(offset).Take(take))
        {
            // The view's own words say where the author stands; its stance is a code for machines, not a label for readers.
            list.Add(new TextBlock { Text = $"**{Clip(NonEmpty(v.Author), 120)}**: {Clip(NonEmpty(v.Text), l.TextChars)}{Refs(v.Citations)}", Spacing = "small" });
            if (!string.IsNullOrWhiteSpace(v.Source))
                list.Add(new TextBlock { Text = Clip(v.Source, 200), IsSubtle = true, Size = "small", Spacing = "none" });
        }
        return list;
    }

    private static List<CardElement> DrawSources(Answer a, int offset, int take, CardLimits l)
    {
        var list = new List<CardElement> { Heading("Sources") };
        foreach (var c in a.Citations.Skip(offset).Take(take))
        {
            var url = SafeUrl(c.Url);
            var text = $"[{c.N}] {Clip(c.Label, 300)}{(string.IsNullOrWhiteSpace(c.Locator) ? "" : ", " + Clip(c.Locator, 120))}{(url is null ? "" : " ↗")}";
            var line = new TextBlock { Text = text, Size = "small", Color = url is null ? null : "accent" };
            // The whole line opens the source, which is easier to hit on a phone than a separate button per source.
            list.Add(new Container
            {
                Spacing = "small",
                Items = [line],
                SelectAction = url is null ? null : new OpenUrlAction { Title = $"Open source [{c.N}]", Url = url, Tooltip = $"Open source [{c.N}]" },
            });
        }
        return list;
    }

    /// <summary>Only absolute http(s) links become buttons; anything else is shown as text.</summary>
    internal static string? SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp) ? u.AbsoluteUri : null;
}

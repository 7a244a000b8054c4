using BalkanBot.Answers;
using static BalkanBot.Cards.BlockKitLimits;
using static BalkanBot.Cards.BlockKitText;

namespace BalkanBot.Cards;

public static partial class BlockKitRenderer
{
    /// <summary>
    /// Every part of the answer as blocks, in reading order. Each block stays within about 3000 characters, so a
    /// page always has room for at least one and paging always moves on.
    /// </summary>
    internal static List<SlackBlock> Body(Answer a, bool tables = true)
    {
        var blocks = new List<SlackBlock>();
        if (a.Note is not null)
            blocks.Add(new ContextBlock([SlackText.Mrkdwn(Truncate(":information_source: " + Escape(a.Note), MaxSectionText))]));
        // Several paragraphs of prose read better as Markdown (real paragraphs, no "see more" cut) than as mrkdwn sections.
        if (IsLongProse(a.Text))
            blocks.AddRange(Pack(BlockKitMarkdown.Escape(a.Text).Split('\n'), MaxSectionText).Select(t => new MarkdownBlock(t)));
        else
            blocks.AddRange(Sections(Pack(Escape(a.Text).Split('\n'), MaxSectionText)));

        blocks.AddRange(FieldSections(null, a.Facts.Select(f => $"*{Escape(f.Label)}*\n{Escape(f.Value)}{Refs(f.Citations)}")));

        if (a.Comparison is { } compared && tables && BlockKitTable.From(compared) is { } tableBlock)
        {
            blocks.Add(tableBlock);
        }
        else if (a.Comparison is { } table)
        {
            // One section per compared thing, a field per measure: two columns of fields on desktop, one on a phone,
            // where a wide table would be cut off. "no data" cells stay, so a gap reads as a gap.
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var col = c;
                var cells = table.Rows.Select(r => $"*{Escape(r.Measure)}*\n{Cell(col < r.Cells.Count ? r.Cells[col] : ComparisonCell.Missing)}");
                blocks.AddRange(FieldSections($"*{Escape(table.Columns[c])}*", cells));
            }
        }

        if (a.Timeline.Count > 0)
            blocks.AddRange(Sections(Pack(
                a.Timeline.Select(t => $"• *{Escape(t.Date)}* — {Escape(t.Event)}{Refs(t.Citations)}").Prepend("*Timeline*"), MaxSectionText)));

        if (a.Views.Count > 0)
            blocks.AddRange(Sections(Pack(a.Views.Select(View).Prepend("*What the sources argue*"), MaxSectionText)));

        if (a.Conflicts.Count > 0)
            blocks.AddRange(Sections(Pack(
                a.Conflicts.Select(c => $"• {Escape(c.Text)}{Refs(c.Citations)}").Prepend(":warning: *Where sources disagree*"), MaxSectionText)));

        if (a.Citations.Count > 0)
        {
            var items = a.Citations.Select(c =>
                Truncate($"[{c.N}] {Link(c.Url, TruncatePlain(c.Label, 300))} · {Escape(c.Locator)}", 1000)).Prepend("*Sources*");
            blocks.AddRange(items.Chunk(MaxContextElements).Select(chunk => new ContextBlock(chunk.Select(SlackText.Mrkdwn).ToList())));
        }
        return blocks;
    }

    internal const int LongProse = 700;

    internal static bool IsLongProse(string text) => text.Length > LongProse || text.Contains("\n\n", StringComparison.Ordinal);

    // The view's own words say where the author stands; its stance is a code for machines, not a label for readers.
    private static string View(AttributedView v) => $"• *{Escape(v.Author)}*: {Escape(v.Text)}{Refs(v.Citations)}";

    internal static string Cell(ComparisonCell cell) =>
        cell.NoData ? $"_{Escape(string.IsNullOrWhiteSpace(cell.Text) ? ComparisonCell.NoDataText : cell.Text)}_" : Escape(cell.Text) + Refs(cell.Citations);

    private static IEnumerable<SlackBlock> Sections(IEnumerable<string> texts) =>
        texts.Where(t => t.Length > 0).Select(t => new SectionBlock { Text = SlackText.Mrkdwn(t) });

    /// <summary>Fields ten to a section and at most 3000 characters a section; <paramref name="heading"/> goes
    /// on the first section only.</summary>
    private static IEnumerable<SlackBlock> FieldSections(string? heading, IEnumerable<string> fields)
    {
        var current = new List<SlackText>();
        var size = heading?.Length ?? 0;
        foreach (var raw in fields)
        {
            var field = Truncate(raw, MaxFieldText);
            if (current.Count == MaxFields || (current.Count > 0 && size + field.Length > MaxSectionText))
            {
                yield return Section(heading, current);
                heading = null;
                current = [];
                size = 0;
            }
            current.Add(SlackText.Mrkdwn(field));
            size += field.Length;
        }
        if (current.Count > 0 || heading is not null) yield return Section(heading, current);
    }

    private static SectionBlock Section(string? heading, List<SlackText> fields) => new()
    {
        Text = heading is null ? null : SlackText.Mrkdwn(Truncate(heading, MaxSectionText)),
        Fields = fields.Count == 0 ? null : fields,
    };
}

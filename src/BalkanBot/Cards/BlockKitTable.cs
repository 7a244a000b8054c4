using BalkanBot.Answers;
using static BalkanBot.Cards.BlockKitLimits;

namespace BalkanBot.Cards;

/// <summary>
/// A comparison as one <c>table</c> block: a heading row of the compared things, then a row per measure. Cells are
/// raw text (no mrkdwn), so "no data" is written out and citations stay as [n] markers.
/// </summary>
public static class BlockKitTable
{
    /// <summary>Long cells wrap; beyond this they are cut, so one table cannot crowd out the rest of the answer.</summary>
    public const int MaxCell = 300;
    /// <summary>The corner cell: a cell needs at least one visible character.</summary>
    public const string MeasureHeading = "Measure";

    /// <summary>Null when the comparison does not fit Slack's table limits; the caller then uses section fields.</summary>
    public static TableBlock? From(ComparisonTable table)
    {
        if (table.Columns.Count == 0 || table.Columns.Count + 1 > MaxTableColumns || table.Rows.Count + 1 > MaxTableRows) return null;
        var rows = new List<IReadOnlyList<SlackTableCell>> { table.Columns.Select(Cell).Prepend(new SlackTableCell(MeasureHeading)).ToList() };
        foreach (var row in table.Rows)
        {
            var cells = new List<SlackTableCell> { Cell(row.Measure) };
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var cell = c < row.Cells.Count ? row.Cells[c] : ComparisonCell.Missing;
                cells.Add(Cell(cell.NoData
                    ? (string.IsNullOrWhiteSpace(cell.Text) ? ComparisonCell.NoDataText : cell.Text)
                    : cell.Text + BlockKitText.Refs(cell.Citations)));
            }
            rows.Add(cells);
        }
        var block = new TableBlock(rows)
        {
            ColumnSettings = Enumerable.Range(0, table.Columns.Count + 1)
                .Select(i => new SlackTableColumnSetting { Align = "left", IsWrapped = i > 0 }).ToList(),
        };
        return Characters(block) > MaxSectionText * 2 ? null : block;
    }

    private static SlackTableCell Cell(string? text) => new(string.IsNullOrWhiteSpace(text) ? "—" : BlockKitText.TruncatePlain(text, MaxCell));
}

using System.Globalization;
using System.Text;
using BalkanBot.Answers;

namespace BalkanBot.Cards;

/// <summary>Answer → plain text, for the terminal, for fallbacks and for screen readers.</summary>
public static class TextRenderer
{
    public static string Render(Answer a)
    {
        var sb = new StringBuilder();
        sb.AppendLine(a.Title);
        sb.AppendLine(new string('=', Math.Min(a.Title.Length, 80)));
        if (a.Note is not null) sb.AppendLine(CultureInfo.InvariantCulture, $"({a.Note})");
        sb.AppendLine(a.Text);
        if (a.Facts.Count > 0)
        {
            sb.AppendLine();
            foreach (var f in a.Facts) sb.AppendLine($"- {f.Label}: {f.Value} {Refs(f.Citations)}".TrimEnd());
        }
        if (a.Comparison is { } table)
        {
            sb.AppendLine();
            var widths = new int[table.Columns.Count + 1];
            widths[0] = Math.Max(7, table.Rows.Select(r => r.Measure.Length).DefaultIfEmpty(0).Max());
            for (var c = 0; c < table.Columns.Count; c++)
                widths[c + 1] = Math.Min(48, Math.Max(table.Columns[c].Length, table.Rows.Select(r => Cell(r.Cells[c]).Length).DefaultIfEmpty(0).Max()));
            Row(sb, ["Measure", .. table.Columns], widths);
            sb.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
            foreach (var row in table.Rows) Row(sb, [row.Measure, .. row.Cells.Select(Cell)], widths);
        }
        if (a.Timeline.Count > 0)
        {
            sb.AppendLine();
            // A dash after the date: the entry itself reads "Name: what happened".
            foreach (var t in a.Timeline) sb.AppendLine($"- {t.Date} — {t.Event} {Refs(t.Citations)}".TrimEnd());
        }
        if (a.Views.Count > 0)
        {
            sb.AppendLine().AppendLine("What the sources argue:");
            foreach (var v in a.Views) sb.AppendLine($"- {v.Author}: {v.Text} {Refs(v.Citations)}".TrimEnd());
        }
        if (a.Conflicts.Count > 0)
        {
            sb.AppendLine().AppendLine("Where sources disagree:");
            foreach (var c in a.Conflicts) sb.AppendLine($"- {c.Text} {Refs(c.Citations)}".TrimEnd());
        }
        if (a.Citations.Count > 0)
        {
            sb.AppendLine().AppendLine("Sources:");
            foreach (var c in a.Citations) sb.AppendLine(CultureInfo.InvariantCulture, $"[{c.N}] {c.Label}, {c.Locator}{(c.Url is null ? "" : " " + c.Url)}");
        }
        if (a.FollowUps.Count > 0)
        {
            sb.AppendLine().AppendLine("You could ask:");
            foreach (var f in a.FollowUps) sb.AppendLine(CultureInfo.InvariantCulture, $"- {f}");
        }
        return sb.ToString().TrimEnd() + Environment.NewLine;
    }

    public static string Refs(IReadOnlyList<int> numbers) => string.Concat(numbers.Select(n => $"[{n}]"));

    private static string Cell(ComparisonCell c) => c.NoData ? c.Text : $"{c.Text} {Refs(c.Citations)}";

    /// <summary>A table row; a long cell wraps onto further lines of its column rather than being cut.</summary>
    private static void Row(StringBuilder sb, IReadOnlyList<string> cells, int[] widths)
    {
        var wrapped = cells.Select((c, i) => Wrap(c, widths[i])).ToList();
        for (var line = 0; line < wrapped.Max(w => w.Count); line++)
            sb.AppendLine(string.Join(" | ", wrapped.Select((w, i) => (line < w.Count ? w[line] : "").PadRight(widths[i]))).TrimEnd());
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(word);
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current.ToString());
        return lines;
    }
}

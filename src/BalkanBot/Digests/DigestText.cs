using System.Globalization;
using System.Text;
using BalkanBot.Cards;

namespace BalkanBot.Digests;

/// <summary>Digest → plain text: the CLI preview, Slack's notification fallback, screen readers.</summary>
public static class DigestText
{
    public static string Render(Digest d)
    {
        var sb = new StringBuilder();
        sb.AppendLine(d.Title);
        sb.AppendLine(new string('=', Math.Min(d.Title.Length, 80)));
        sb.AppendLine(CultureInfo.InvariantCulture, $"Period: {d.PeriodLabel}");
        if (d.IsEmpty)
        {
            sb.AppendLine().AppendLine(Digest.NothingNew);
            return sb.ToString();
        }
        Section(sb, "Headlines", d.Headlines.Select(h => $"{h.Country}: {h.Line}"), 0);
        Section(sb, "New agreements", d.Agreements.Select(i => Item(i)), d.MoreAgreements);
        Section(sb, "Incidents and events", d.Events.Select(i => Item(i)), d.MoreEvents);
        Section(sb, "New and changed figures", d.Figures.Select(f => DigestAnswer.FigureLine(f) + " " + TextRenderer.Refs(f.Citations)), d.MoreFigures);
        if (d.Citations.Count > 0)
        {
            sb.AppendLine().AppendLine("Sources:");
            foreach (var c in d.Citations) sb.AppendLine(CultureInfo.InvariantCulture, $"[{c.N}] {c.Label}, {c.Locator}{(c.Url is null ? "" : " " + c.Url)}");
        }
        var asks = AskAbout(d).ToList();
        if (asks.Count > 0)
        {
            sb.AppendLine().AppendLine("Ask about this:");
            foreach (var a in asks.Take(5)) sb.AppendLine(CultureInfo.InvariantCulture, $"- {a}");
        }
        return sb.ToString();
    }

    public static IEnumerable<string> AskAbout(Digest d) =>
        d.Agreements.Select(a => a.AskAbout).Concat(d.Events.Select(e => e.AskAbout)).Concat(d.Figures.Select(f => f.AskAbout)).Distinct();

    private static string Item(DigestItem i) => $"{i.Date ?? "date not given"} — {DigestAnswer.ItemLine(i)} {TextRenderer.Refs(i.Citations)}".TrimEnd();

    private static void Section(StringBuilder sb, string heading, IEnumerable<string> lines, int more)
    {
        var list = lines.ToList();
        if (list.Count == 0) return;
        sb.AppendLine().AppendLine(heading + ":");
        foreach (var l in list) sb.AppendLine("- " + l.TrimEnd());
        if (more > 0) sb.AppendLine(CultureInfo.InvariantCulture, $"  ({more} more not listed here)");
    }
}

using System.Globalization;
using System.Text;
using BalkanBot.Knowledge;

namespace BalkanBot.Evaluation;

/// <summary>What the baseline "says": the full text of its top records and the sources they cite.</summary>
public sealed record BaselineAnswer(IReadOnlyList<string> RecordIds, string Text, IReadOnlyList<string> SourceIds);

/// <summary>
/// A naive retrieval baseline to print beside the engine: plain SQLite FTS5 BM25 (default column weights, no
/// stemming, no prefixes, no entity linking, no routing) over every record of the same knowledge database. The
/// question's words, normalised as the index is and stripped of question words, are OR-ed as exact quoted tokens;
/// the three best-scoring records across the record and event indexes are the answer, shown whole with their
/// citations. It never declines.
/// </summary>
public sealed class Bm25Baseline(KnowledgeBase kb)
{
    public const int TopK = 3;

    public BaselineAnswer Answer(string question)
    {
        var ids = TopRecords(question);
        var records = ids.Select(kb.Get).OfType<KnowledgeRecord>().ToList();
        var text = new StringBuilder();
        var sources = new List<string>();
        foreach (var r in records)
        {
            Render(r, text, sources);
            text.AppendLine();
        }
        return new BaselineAnswer(ids, text.ToString(), sources.Distinct(StringComparer.Ordinal).ToList());
    }

    internal IReadOnlyList<string> TopRecords(string question)
    {
        var terms = TextNormalizer.Tokens(question).Where(t => t.Length > 1 && !Stopwords.IsStopword(t)).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0) return [];
        var match = string.Join(" OR ", terms.Select(t => "\"" + t + "\""));
        return kb.WithConnection(db =>
        {
            using var cmd = db.CreateCommand();
            cmd.CommandText = """
                SELECT id FROM (
                    SELECT r.id AS id, bm25(records_fts) AS score FROM records_fts JOIN records r ON r.rowid = records_fts.rowid
                    WHERE records_fts MATCH $q
                    UNION ALL
                    SELECT r.id AS id, bm25(events_fts) AS score FROM events_fts JOIN records r ON r.rowid = events_fts.rowid
                    WHERE events_fts MATCH $q)
                ORDER BY score, id LIMIT $k
                """;
            cmd.Parameters.AddWithValue("$q", match);
            cmd.Parameters.AddWithValue("$k", TopK);
            using var reader = cmd.ExecuteReader();
            var list = new List<string>();
            while (reader.Read()) list.Add(reader.GetString(0));
            return (IReadOnlyList<string>)list;
        });
    }

    /// <summary>Everything the record says, dates in the bot's human form, then its citations with their sources.</summary>
    private void Render(KnowledgeRecord r, StringBuilder sb, List<string> sources)
    {
        void Line(string? label, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            sb.AppendLine(label is null ? value : $"{label}: {value}");
        }
        string Names(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => kb.Get(id)?.Name ?? id));

        Line(null, r.Name);
        Line("Kind", string.Join(", ", new[] { r.Kind.ToString(), r.Type, r.Subtype }.Where(s => !string.IsNullOrWhiteSpace(s))));
        Line("Aliases", string.Join(", ", r.Aliases));
        Line("Date", r.Date is null ? null : r.End is null ? r.Date.Display : $"{r.Date.Display} – {r.End.Display}");
        if (r.Date is null) Line("Ended", r.End?.Display);
        Line("As of", r.AsOf?.Display);
        Line("Place", string.Join(", ", new[] { r.PlaceText, r.Place?.ToString() }.Where(s => !string.IsNullOrWhiteSpace(s))));
        Line("Parties", Names(r.Parties));
        Line("Actors", Names(r.Actors));
        Line("Signatories", r.Signatories);
        Line("Status", r.Status);
        Line("Legally binding", r.LegallyBinding?.Value);
        Line("Provisions", string.Join(", ", r.Provisions));
        Line("Country", r.Country is null ? null : Names([r.Country]));
        Line("Member of", string.Join(", ", r.Memberships.Select(m => (kb.Get(m.Of)?.Name ?? m.Of) + (m.Since is null ? "" : $" since {m.Since.Display}"))));
        Line("Subject", r.Subject is null ? null : Names([r.Subject]));
        Line("Measure", r.Measure);
        if (r.Value is { } v)
            Line("Value", v.ToString("#,0.##", CultureInfo.InvariantCulture) + (r.ValueMax is { } max ? "–" + max.ToString("#,0.##", CultureInfo.InvariantCulture) : "") + (r.Unit is null ? "" : " " + r.Unit));
        Line("As stated", r.ValueText);
        Line("Author", r.Author);
        Line("Stance", r.Stance);
        Line("About", Names(r.About));
        Line(null, r.Summary?.Text);
        Line(null, r.Role?.Text);
        Line(null, r.Text);
        foreach (var f in r.Facts) Line("-", f.Text);
        Line("Casualties", r.Casualties);
        Line("Note", r.Note);
        if (r.Kind == RecordKind.Source)
        {
            Line("Source", $"{string.Join(", ", r.Authors)}, {r.Title}, {r.Publisher}");
            sources.Add(r.Id); // a source record speaks for itself
        }
        foreach (var c in r.AllCitations.DistinctBy(c => (c.Source, c.At)))
        {
            sources.Add(c.Source);
            var s = kb.Source(c.Source);
            sb.AppendLine(s is null
                ? $"[{c.Source}] {c.At}"
                : $"[{c.Source}] {string.Join(", ", s.Authors)}, {s.Title}, {s.Publisher}{(s.Date is null ? "" : ", " + s.Date.Display)}: {c.At}");
        }
    }
}

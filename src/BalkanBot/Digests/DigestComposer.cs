using System.Globalization;
using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;

namespace BalkanBot.Digests;

/// <summary>
/// Turns the records that changed in a period into a <see cref="Digest"/>. Citations are numbered by the same
/// AnswerBuilder the answers use, so "[2]" means the same thing in a digest and in a reply.
/// </summary>
public sealed class DigestComposer(KnowledgeBase kb, int maxItemsPerSection = 8)
{
    private static readonly RoutedQuestion DigestQuestion = new() { Original = "digest", Normalized = "digest", Intent = IntentKind.Subscription };

    private readonly Lazy<Dictionary<string, string>> _hashes = new(() => kb.Hashes().ToDictionary(h => h.Id, h => h.Hash, StringComparer.Ordinal));

    public KnowledgeBase Knowledge => kb;

    /// <summary>
    /// Whether the knowledge base this process serves holds the change as recorded. It does not when `kb build` ran
    /// while the bot kept serving the database it opened at start; composing then would drop or misstate records.
    /// </summary>
    public bool Serves(RecordChange change) =>
        change.Hash.Length == 0 || (_hashes.Value.TryGetValue(change.Id, out var h) && h == change.Hash);

    public Digest Compose(IReadOnlyList<RecordChange> changes, DigestFilter filter, DateTimeOffset since, DateTimeOffset asOf,
        string schedule, TimeZoneInfo zone)
    {
        var matched = changes
            .Select(c => (Change: c, Record: kb.Get(c.Id)))
            .Where(x => x.Record is not null && filter.Matches(x.Record, kb))
            .Select(x => (x.Change, Record: x.Record!))
            .ToList();
        var builder = new AnswerBuilder(kb, DigestQuestion);
        var byCountry = new List<(string CountryId, string Text)>();

        var agreements = Newest(matched, RecordKind.Agreement);
        var agreementItems = agreements.Take(maxItemsPerSection).Select(x => Item(builder, x.Record, x.Change,
            who: RecordFacts.Names(kb, x.Record.Parties), where: x.Record.PlaceText, ask: $"What is the {ShortName(x.Record)}?")).ToList();
        var events = Newest(matched, RecordKind.Event);
        var eventItems = events.Take(maxItemsPerSection).Select(x => Item(builder, x.Record, x.Change,
            who: RecordFacts.Names(kb, x.Record.Actors), where: RecordFacts.PlaceOf(kb, x.Record), ask: $"Tell me about the {ShortName(x.Record)}")).ToList();
        var figures = matched.Where(x => x.Record.Kind == RecordKind.Figure).OrderBy(x => x.Record.Name, StringComparer.Ordinal).ToList();
        var figureItems = figures.Take(maxItemsPerSection).Select(x => Figure(builder, x.Record, x.Change)).ToList();

        foreach (var x in agreements) byCountry.Add((CountryOf(x.Record), (x.Change.IsNew ? "new agreement: " : "updated: ") + ShortName(x.Record)));
        foreach (var x in events) byCountry.Add((CountryOf(x.Record), ShortName(x.Record) + (x.Change.IsNew ? "" : " (updated)")));
        foreach (var x in figures) byCountry.Add((CountryOf(x.Record), FigureHeadline(x.Record, x.Change)));

        var local = (From: TimeZoneInfo.ConvertTime(since, zone), To: TimeZoneInfo.ConvertTime(asOf, zone));
        var title = RecordFacts.Capitalise(schedule) + " digest" + (filter.IsNone ? "" : $": {filter.Label}");
        return new Digest
        {
            Title = title,
            Schedule = schedule,
            Since = since,
            AsOf = asOf,
            PeriodLabel = $"{local.From.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} – {local.To.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})",
            Filter = filter,
            Headlines = Headlines(byCountry),
            Agreements = agreementItems,
            Events = eventItems,
            Figures = figureItems,
            MoreAgreements = agreements.Count - agreementItems.Count,
            MoreEvents = events.Count - eventItems.Count,
            MoreFigures = figures.Count - figureItems.Count,
            Citations = builder.Build().Citations,
        };
    }

    private static List<(RecordChange Change, KnowledgeRecord Record)> Newest(List<(RecordChange Change, KnowledgeRecord Record)> all, RecordKind kind) =>
        all.Where(x => x.Record.Kind == kind)
            .OrderByDescending(x => x.Record.Date?.Start ?? DateOnly.MinValue).ThenBy(x => x.Record.Name, StringComparer.Ordinal).ToList();

    private static DigestItem Item(AnswerBuilder b, KnowledgeRecord r, RecordChange change, string who, string? where, string ask) =>
        new(r.Id, r.Name, r.Date?.Display, RecordFacts.Gist(r), string.IsNullOrWhiteSpace(where) ? null : where,
            string.IsNullOrWhiteSpace(who) ? null : who, !change.IsNew, b.Cite(RecordFacts.Backing(r)), ask);

    private FigureChange Figure(AnswerBuilder b, KnowledgeRecord r, RecordChange change)
    {
        var now = RecordFacts.FigureText(r);
        var old = change.IsNew || change.PreviousValue == now ? null : change.PreviousValue;
        var subject = r.Subject is null ? null : RecordFacts.NameOf(kb, r.Subject);
        var ask = subject is null ? $"Tell me about {r.Name}" : $"What figures do the sources give for {subject}?";
        return new FigureChange(r.Id, r.Name, old, now, b.Cite(r.Cite.Count > 0 ? r.Cite : RecordFacts.Backing(r)), ask);
    }

    private static string FigureHeadline(KnowledgeRecord r, RecordChange c) =>
        c.IsNew || c.PreviousValue is null ? $"new figure: {Clip(ShortName(r), 80)}" : $"{Clip(ShortName(r), 80)}: {c.PreviousValue} → {RecordFacts.FigureText(r)}";

    private IReadOnlyList<CountryHeadline> Headlines(List<(string CountryId, string Text)> items) =>
        items.GroupBy(i => i.CountryId)
            .OrderBy(g => g.Key == Regional ? 1 : 0).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var name = g.Key == Regional ? "Regional" : RecordFacts.NameOf(kb, g.Key);
                var texts = g.Select(i => i.Text).Distinct().ToList();
                var line = string.Join("; ", texts.Take(2)) + (texts.Count > 2 ? $"; and {texts.Count - 2} more" : "");
                return new CountryHeadline(g.Key, name, Clip(line, 240));
            }).ToList();

    private const string Regional = "";

    /// <summary>The one country an item is filed under: where it happened, else the first state it names.</summary>
    internal string CountryOf(KnowledgeRecord r, int depth = 0)
    {
        if (r.Place?.Country is { } c) return c;
        if (IsCountry(r)) return CountryIdOf(r);
        if (r.Country is { } own) return own;
        foreach (var id in r.Actors.Concat(r.Parties))
            if (kb.Get(id) is { } a && IsCountry(a)) return CountryIdOf(a);
        if (depth < 2 && r.Subject is not null && kb.Get(r.Subject) is { } subject) return CountryOf(subject, depth + 1);
        return Regional;
    }

    private static bool IsCountry(KnowledgeRecord r) => r.Kind == RecordKind.Actor && r.Type is "state" or "entity";

    // An entity inside a state (Republika Srpska) files under the state, as CrisisWatch does.
    private static string CountryIdOf(KnowledgeRecord actor) => actor.Type == "entity" && actor.Country is { } c ? c : actor.Id;

    internal static string ShortName(KnowledgeRecord r)
    {
        var i = r.Name.IndexOf(" (", StringComparison.Ordinal);
        return i > 0 ? r.Name[..i] : r.Name;
    }

    private static string Clip(string s, int max) => Cards.AdaptiveCardRenderer.Clip(s, max);
}

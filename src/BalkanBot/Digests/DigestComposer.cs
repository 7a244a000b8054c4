using System.Globalization;
using BalkanBot.Answers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;
using Microsoft.Extensions.Options;

namespace BalkanBot.Digests;

/// <summary>
/// Turns the records that changed in a period into a <see cref="Digest"/>. Citations are numbered by the same
/// AnswerBuilder the answers use, so "[2]" means the same thing in a digest and in a reply. A digest covers the
/// region (<see cref="DigestOptions.Countries"/>): records that concern only states outside it (the documents' examples
/// from the Caucasus or the Middle East) are left out unless the subscription names them.
/// </summary>
public sealed class DigestComposer(KnowledgeBase kb, IOptions<DigestOptions>? options = null)
{
    private readonly int _maxItemsPerSection = options?.Value.MaxItemsPerSection ?? 8;
    private static readonly RoutedQuestion DigestQuestion = new() { Original = "digest", Normalized = "digest", Intent = IntentKind.Subscription };

    private readonly Lazy<Dictionary<string, string>> _hashes = new(() => kb.Hashes().ToDictionary(h => h.Id, h => h.Hash, StringComparer.Ordinal));
    private readonly HashSet<string> _region = (options?.Value.Countries is { Count: > 0 } countries ? countries : DigestOptions.RegionCountries).ToHashSet(StringComparer.Ordinal);

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
        var named = filter.EntityIds.ToHashSet(StringComparer.Ordinal);
        var matched = changes
            .Select(c => (Change: c, Record: kb.Get(c.Id)))
            .Where(x => x.Record is not null && filter.Matches(x.Record, kb) && (named.Count > 0 || InRegion(x.Record)))
            .Select(x => (x.Change, Record: x.Record!))
            .ToList();
        var builder = new AnswerBuilder(kb, DigestQuestion);
        var byCountry = new List<(string CountryId, Headline Item)>();

        var agreements = Newest(matched, RecordKind.Agreement);
        var agreementItems = agreements.Take(_maxItemsPerSection).Select(x => Item(builder, x.Record, x.Change,
            who: RecordFacts.Names(kb, x.Record.Parties), where: x.Record.PlaceText)).ToList();
        var events = Newest(matched, RecordKind.Event);
        var eventItems = events.Take(_maxItemsPerSection).Select(x => Item(builder, x.Record, x.Change,
            who: RecordFacts.Names(kb, x.Record.Actors), where: RecordFacts.PlaceOf(kb, x.Record))).ToList();
        var figures = matched.Where(x => x.Record.Kind == RecordKind.Figure).OrderBy(x => x.Record.Name, StringComparer.Ordinal).ToList();
        var figureItems = figures.Take(_maxItemsPerSection).Select(x => Figure(builder, x.Record, x.Change)).ToList();

        var preferred = named.Count > 0 ? named : _region;
        foreach (var x in agreements)
            byCountry.Add((CountryOf(x.Record, preferred), new Headline(x.Change.IsNew ? HeadlineKind.NewAgreement : HeadlineKind.UpdatedAgreement, x.Record.ShortName)));
        foreach (var x in events)
            byCountry.Add((CountryOf(x.Record, preferred), new Headline(HeadlineKind.Event, x.Record.ShortName + (x.Change.IsNew ? "" : " (updated)"))));
        foreach (var x in figures)
            byCountry.Add((CountryOf(x.Record, preferred), FigureHeadline(x.Record, x.Change)));

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

    private DigestItem Item(AnswerBuilder b, KnowledgeRecord r, RecordChange change, string who, string? where) =>
        new(r.Id, RecordNames.Bare(r), r.Date?.Display, RecordFacts.Gist(r), string.IsNullOrWhiteSpace(where) ? null : where,
            string.IsNullOrWhiteSpace(who) ? null : who, !change.IsNew, b.Cite(RecordFacts.Backing(r)), FollowUps.About(kb, r));

    private FigureChange Figure(AnswerBuilder b, KnowledgeRecord r, RecordChange change)
    {
        var now = FigureText.Format(r);
        var old = change.IsNew || change.PreviousValue == now ? null : change.PreviousValue;
        var subject = r.Subject is null ? null : kb.Get(r.Subject);
        var ask = subject is null ? $"Tell me more about {RecordNames.The(r)}" : $"What figures do the sources give for {RecordNames.The(subject)}?";
        return new FigureChange(r.Id, RecordNames.Bare(r), old, now, b.Cite(r.Cite.Count > 0 ? r.Cite : RecordFacts.Backing(r)), ask);
    }

    private static Headline FigureHeadline(KnowledgeRecord r, RecordChange c) =>
        c.IsNew || c.PreviousValue is null
            ? new Headline(HeadlineKind.NewFigure, Clip(r.ShortName, 80))
            : new Headline(HeadlineKind.ChangedFigure, $"{Clip(r.ShortName, 80)}: {c.PreviousValue} → {FigureText.Format(r)}");

    private enum HeadlineKind { NewAgreement, UpdatedAgreement, Event, NewFigure, ChangedFigure }

    private sealed record Headline(HeadlineKind Kind, string Text);

    /// <summary>Names each headline shows before counting the rest.</summary>
    private const int NamesPerHeadline = 3;

    private List<CountryHeadline> Headlines(List<(string CountryId, Headline Item)> items) =>
        items.GroupBy(i => i.CountryId)
            .OrderBy(g => g.Key == Regional ? 1 : 0).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var name = g.Key == Regional ? "Regional" : RecordFacts.NameOf(kb, g.Key);
                return new CountryHeadline(g.Key, name, Clip(HeadlineLine(g.Select(i => i.Item).ToList()), 240));
            }).ToList();

    /// <summary>
    /// "New agreements: Tirana Declaration and Open Balkan initiative; Banjska attack; and 4 more": each label once,
    /// the first few names, then a count.
    /// </summary>
    private static string HeadlineLine(IReadOnlyList<Headline> items)
    {
        var segments = new List<string>();
        var shown = 0;
        foreach (var group in items.GroupBy(i => i.Kind).OrderBy(g => g.Key))
        {
            var texts = group.Select(i => i.Text).Distinct().Take(Math.Max(0, NamesPerHeadline - shown)).ToList();
            if (texts.Count == 0) continue;
            shown += texts.Count;
            segments.Add(group.Key switch
            {
                HeadlineKind.NewAgreement => (texts.Count == 1 ? "new agreement: " : "new agreements: ") + RecordFacts.JoinAnd(texts),
                HeadlineKind.UpdatedAgreement => (texts.Count == 1 ? "updated agreement: " : "updated agreements: ") + RecordFacts.JoinAnd(texts),
                HeadlineKind.NewFigure => (texts.Count == 1 ? "new figure: " : "new figures: ") + RecordFacts.JoinAnd(texts),
                _ => string.Join("; ", texts),
            });
        }
        var rest = items.Select(i => i.Text).Distinct().Count() - shown;
        return RecordFacts.Capitalise(string.Join("; ", segments) + (rest > 0 ? $"; and {rest} more" : ""));
    }

    private const string Regional = "";

    /// <summary>Whether a record belongs in a digest of the region: it names a state of the region, or no state at all.</summary>
    internal bool InRegion(KnowledgeRecord r)
    {
        var states = StatesOf(r).ToList();
        return states.Count == 0 || states.Any(_region.Contains);
    }

    /// <summary>The one country an item is filed under: the first it concerns, one the reader asked for (or of the region) first.</summary>
    internal string CountryOf(KnowledgeRecord r, IReadOnlySet<string>? preferred = null)
    {
        var states = StatesOf(r).Distinct().ToList();
        preferred ??= _region;
        return states.FirstOrDefault(preferred.Contains) ?? states.FirstOrDefault() ?? Regional;
    }

    /// <summary>The states a record concerns, most direct first: where it happened, itself, its own country, whom it names, its subject's.</summary>
    private IEnumerable<string> StatesOf(KnowledgeRecord r, int depth = 0)
    {
        if (r.Place?.Country is { } c) yield return c;
        if (IsCountry(r)) yield return CountryIdOf(r);
        if (r.Country is { } own) yield return own;
        foreach (var id in r.Actors.Concat(r.Parties))
        {
            if (kb.Get(id) is not { } a) continue;
            if (IsCountry(a)) yield return CountryIdOf(a);
            else if (a.Country is { } home) yield return home;
        }
        if (depth < 2 && r.Subject is not null && kb.Get(r.Subject) is { } subject)
            foreach (var s in StatesOf(subject, depth + 1)) yield return s;
    }

    private static bool IsCountry(KnowledgeRecord r) => r.Kind == RecordKind.Actor && r.Type is "state" or "entity";

    // An entity inside a state (Republika Srpska) files under the state, as CrisisWatch does.
    private static string CountryIdOf(KnowledgeRecord actor) => actor.Type == "entity" && actor.Country is { } c ? c : actor.Id;

    private static string Clip(string s, int max) => Cards.AdaptiveCardRenderer.Clip(s, max);
}

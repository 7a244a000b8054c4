using BalkanBot.Knowledge;
using Bogus;

namespace BalkanBot.Bench;

/// <summary>
/// Makes plausible incident records on top of the seed base so retrieval can be measured at a size the curated
/// base will never reach by hand. Fixed seed: the same count always gives the same records, so runs compare.
/// Every incident cites a synthetic news source that is added too, as a real curated record would.
/// </summary>
internal static class SyntheticIncidents
{
    public const int Seed = 20250401;
    private const int IncidentsPerSource = 100;

    private static readonly (string Type, string Subtype, string Verb)[] Types =
    [
        ("attack", "armed attack on police", "gunmen attacked a police patrol"),
        ("attack", "grenade attack", "a grenade was thrown at a building"),
        ("sabotage", "infrastructure sabotage", "an explosion damaged a water canal"),
        ("sabotage", "rail sabotage", "explosives were found on a railway line"),
        ("unrest", "protest turned violent", "protesters clashed with security forces"),
        ("unrest", "roadblocks", "local residents put up roadblocks"),
        ("deployment", "troop reinforcement", "additional troops were deployed"),
        ("deployment", "police deployment", "special police units were deployed"),
        ("arrest", "arrest of officers", "police officers were detained"),
        ("indictment", "terrorism charges", "prosecutors filed terrorism charges"),
        ("trade-measure", "import ban", "authorities banned imports of goods"),
        ("legal-act", "entity law", "the assembly adopted a contested law"),
        ("statement", "ministry statement", "the foreign ministry issued a statement"),
        ("procurement", "arms purchase", "the defence ministry announced an arms purchase"),
        ("meeting", "leaders' meeting", "leaders met to discuss security"),
    ];

    // Real places, by the seed's actor id of their country; areas as people name them.
    private static readonly Dictionary<string, (string Area, string[] Locations)[]> Places = new()
    {
        ["kosovo"] = [("northern Kosovo", ["Zvečan", "Zubin Potok", "Leposavić", "North Mitrovica", "Jarinje", "Banjska"]),
                      ("central Kosovo", ["Priština", "Podujevo", "Lipljan"]), ("southern Kosovo", ["Prizren", "Gjilan", "Ferizaj"])],
        ["serbia"] = [("southern Serbia", ["Raška", "Novi Pazar", "Preševo", "Bujanovac"]), ("Belgrade", ["Belgrade"]), ("Vojvodina", ["Novi Sad", "Subotica"])],
        ["bosnia-and-herzegovina"] = [("Republika Srpska", ["Banja Luka", "Bijeljina", "Trebinje", "Doboj"]), ("Federation of BiH", ["Sarajevo", "Mostar", "Tuzla"]), ("Brčko District", ["Brčko"])],
        ["montenegro"] = [("coastal Montenegro", ["Budva", "Kotor", "Bar"]), ("central Montenegro", ["Podgorica", "Cetinje", "Nikšić"])],
        ["north-macedonia"] = [("Skopje region", ["Skopje"]), ("western North Macedonia", ["Tetovo", "Gostivar", "Ohrid"])],
        ["albania"] = [("central Albania", ["Tirana", "Durrës"]), ("northern Albania", ["Shkodër", "Kukës"])],
        ["croatia"] = [("eastern Croatia", ["Vukovar", "Osijek"]), ("Dalmatia", ["Split", "Zadar"]), ("Zagreb", ["Zagreb"])],
        ["hungary"] = [("southern Hungary", ["Szeged", "Pécs"]), ("Budapest", ["Budapest"])],
    };

    public static IReadOnlyList<KnowledgeRecord> Make(IReadOnlyList<KnowledgeRecord> seed, int count)
    {
        var faker = new Faker("en") { Random = new Randomizer(Seed) };
        var actors = seed.Where(r => r.Kind == RecordKind.Actor).ToList();
        var names = actors.ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        var countries = Places.Keys.Where(names.ContainsKey).ToArray();
        if (countries.Length == 0) throw new InvalidOperationException("The seed base has none of the expected state actors (kosovo, serbia, ...).");
        var others = actors.Where(a => a.Type is "organisation" or "mission" or "entity" or "person" or "state").Select(a => a.Id).ToArray();

        var sources = new List<KnowledgeRecord>();
        var incidents = new List<KnowledgeRecord>(count);
        var from = new DateTime(1995, 1, 1);
        var to = new DateTime(2026, 12, 31);
        for (var i = 0; i < count; i++)
        {
            if (i % IncidentsPerSource == 0) sources.Add(Source(faker, sources.Count, from, to));
            var source = sources[^1];
            var (type, subtype, verb) = faker.PickRandom(Types);
            var country = faker.PickRandom(countries);
            var (area, locations) = faker.PickRandom(Places[country]);
            var location = faker.PickRandom(locations);
            var when = faker.Date.Between(from, to);
            var precision = faker.Random.Int(0, 19);
            var date = precision switch
            {
                0 => new PartialDate(when.Year),
                < 5 => new PartialDate(when.Year, when.Month),
                _ => new PartialDate(when.Year, when.Month, when.Day),
            };
            var involved = new[] { country }.Concat(faker.PickRandom(others, faker.Random.Int(1, 3))).Distinct().ToList();
            var injured = faker.Random.Bool(0.35f) ? faker.Random.Int(1, 40) : (int?)null;
            var cite = new[] { new Citation(source.Id, $"para {faker.Random.Int(1, 30)}") };
            var typeLabel = char.ToUpperInvariant(type[0]) + type[1..].Replace('-', ' ');
            var summary = $"On {date.Display} in {location} ({area}) {verb}; {Describe(involved, names)} were involved."
                          + (injured is null ? "" : $" {injured} people were reported injured.");
            incidents.Add(new KnowledgeRecord
            {
                Id = $"syn-incident-{i + 1:D6}",
                Kind = RecordKind.Event,
                Name = $"{typeLabel} in {location} ({date.Display})",
                Type = type,
                Subtype = subtype,
                Date = date,
                Place = new Place(country, area, location),
                Actors = involved,
                Casualties = injured is null ? null : $"{injured} injured",
                Summary = new CitedText(summary, cite),
                Facts = [new CitedText($"{source.Publisher} reported that {verb} near {location}.", cite)],
                Topics = [type, area.ToLowerInvariant().Replace(' ', '-'), "synthetic"],
                File = "synthetic",
            });
        }
        return [.. seed, .. sources, .. incidents];
    }

    private static KnowledgeRecord Source(Faker f, int n, DateTime from, DateTime to)
    {
        var d = f.Date.Between(from, to);
        var publisher = f.PickRandom("Balkan Wire", "Regional Security Monitor", "Adriatic Press Agency", "Danube News Service", "Western Balkans Observer");
        return new KnowledgeRecord
        {
            Id = $"syn-source-{n + 1:D5}",
            Kind = RecordKind.Source,
            Name = $"{publisher} incident log {d:yyyy-MM}",
            Title = $"{publisher} incident log {d:yyyy-MM}",
            Type = "news-report",
            Publisher = publisher,
            Authors = [f.Name.FullName()],
            Date = new PartialDate(d.Year, d.Month, d.Day),
            File = "synthetic",
        };
    }

    private static string Describe(List<string> ids, Dictionary<string, string> names)
    {
        var list = ids.Select(id => names.GetValueOrDefault(id, id)).ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}

namespace BalkanBot.Answers;

/// <summary>
/// Readers see words, never the base's codes: "active-troops-european-members" is "Active troops of European
/// members", "exercises-training" is "exercises and training". Codes without a label of their own are spelt out
/// with their acronyms and proper names capitalised.
/// </summary>
public static class Labels
{
    private static readonly Dictionary<string, string> Measures = new(StringComparer.Ordinal)
    {
        // The router's measures (what a question asks for).
        ["cost"] = "Cost",
        ["indicted"] = "People indicted",
        ["joint-activities"] = "Joint activities",
        ["investment"] = "Investment",
        ["trade"] = "Trade",
        ["population"] = "Population",
        ["troops"] = "Troops",
        ["tanks"] = "Main battle tanks",
        ["rocket-launchers"] = "Rocket launchers",
        ["defence-industry"] = "Defense industry",
        ["modernization-focus"] = "Modernization focus",
        ["combat-aircraft"] = "Combat aircraft",
        // Figure measures whose code does not read as English when spelt out.
        ["active-troops-european-members"] = "Active troops of European members",
        ["bilateral-trade-effect-first-years"] = "Trade effect in the first years",
        ["bilateral-trade-increase"] = "Increase in bilateral trade",
        ["foreign-investment-cumulative"] = "Foreign investment (cumulative)",
        ["investment-annual-average"] = "Investment (annual average)",
        ["regional-economy-rank"] = "Rank among the region's economies",
        ["max-stay-days"] = "Longest permitted stay",
        ["persons-indicted"] = "People indicted",
        ["eu-share-of-total-trade"] = "EU share of total trade",
    };

    private static readonly Dictionary<string, string> Provisions = new(StringComparer.Ordinal)
    {
        ["exercises-training"] = "exercises and training",
        // Codes keep their first spelling; readers see the sources' American one.
        ["mutual-defence"] = "mutual defense",
        ["defence-industry"] = "defense industry",
        ["labour-mobility"] = "labor mobility",
        ["hybrid-threats"] = "countering hybrid threats",
        ["integration-support"] = "support for Euro-Atlantic integration",
        ["arms-procurement"] = "arms procurement",
        ["intelligence-sharing"] = "intelligence sharing",
    };

    private static readonly HashSet<string> Acronyms = new(StringComparer.OrdinalIgnoreCase)
    {
        "eu", "un", "us", "uk", "nato", "cefta", "kfor", "eufor", "unmik", "osce", "fdi", "gdp", "id", "unsc", "unga", "rs", "wb6",
    };

    private static readonly HashSet<string> ProperWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "european", "europe", "euro", "atlantic", "balkan", "balkans", "serbia", "serbian", "serb", "kosovo", "albania", "albanian",
        "croatia", "croatian", "croat", "hungary", "hungarian", "montenegro", "montenegrin", "bosnia", "bosnian", "bosniak",
        "herzegovina", "macedonia", "macedonian", "slovenia", "bulgaria", "romania", "greece", "russia", "russian", "china", "chinese",
        "turkey", "türkiye", "belgrade", "priština", "pristina", "tirana", "sarajevo", "brussels", "moscow", "washington",
    };

    /// <summary>"tanks" → "Main battle tanks", "troops-added" → "Troops added", "population-share-serb" → "Population share: Serb".</summary>
    public static string Measure(string? measure)
    {
        if (string.IsNullOrWhiteSpace(measure)) return "Figure";
        if (Measures.TryGetValue(measure, out var label)) return label;
        const string share = "population-share-";
        if (measure.StartsWith(share, StringComparison.Ordinal) && measure.Length > share.Length)
            return "Population share: " + Capitalise(Words(measure[share.Length..]));
        return Capitalise(Words(measure));
    }

    /// <summary>A provision code as it reads in a list: "exercises and training", "mutual defense".</summary>
    public static string Provision(string code) => Provisions.TryGetValue(code, out var label) ? label : Words(code);

    /// <summary>Any code spelt out: hyphens become spaces, acronyms and proper names get their capitals.</summary>
    public static string Words(string code) =>
        string.Join(' ', code.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries).Select(Word));

    private static string Word(string w) =>
        Acronyms.Contains(w) ? w.ToUpperInvariant() : ProperWords.Contains(w) ? Capitalise(w.ToLowerInvariant()) : w;

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}

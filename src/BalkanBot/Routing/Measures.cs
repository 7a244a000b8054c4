namespace BalkanBot.Routing;

/// <summary>Maps the words people use for a quantity onto the measure names the figures use.</summary>
internal static class Measures
{
    // Order matters: the first measure with a word in the question wins, so specific quantities ("cost",
    // "indicted") come before the weapon names that merely say what the question is about ("rafale").
    private static readonly (string Measure, string[] Words)[] Table =
    [
        ("cost", ["cost", "costs", "price", "prices", "priced", "worth", "billion", "euros", "eur", "value"]),
        ("indicted", ["indicted", "indictment", "suspects", "charged"]),
        ("joint-activities", ["activities", "exercises"]),
        ("investment", ["investment", "investments", "fdi"]),
        ("trade", ["trade", "surplus", "exports", "imports"]),
        ("population", ["population", "inhabitants", "census", "share"]),
        ("troops", ["troops", "troop", "soldiers", "personnel", "forces", "force", "servicemen", "peacekeepers", "manpower"]),
        ("tanks", ["tanks", "tank", "mbt", "mbts", "armour", "armor", "leopard", "leopards"]),
        ("rocket-launchers", ["rocket", "rockets", "launchers", "mlrs", "artillery"]),
        ("defence-industry", ["industry", "industrial", "production", "producer", "manufacturing"]),
        ("modernization-focus", ["modernization", "modernisation", "modernizing", "modernising"]),
        ("combat-aircraft", ["aircraft", "jets", "jet", "fighters", "fighter", "planes", "rafale", "rafales", "gripen", "gripens", "airforce"]),
    ];

    private static readonly HashSet<string> Words = Table.SelectMany(t => t.Words).ToHashSet(StringComparer.Ordinal);

    public static string? Detect(IEnumerable<string> tokens)
    {
        var set = tokens.ToHashSet(StringComparer.Ordinal);
        foreach (var (measure, words) in Table)
            if (words.Any(set.Contains)) return measure;
        return null;
    }

    public static bool IsMeasureWord(string token) => Words.Contains(token);

    /// <summary>True when a figure's measure name falls under the asked measure ("troops" covers "troops-added").</summary>
    public static bool Matches(string asked, string? figureMeasure)
    {
        if (figureMeasure is null) return false;
        var m = figureMeasure.ToLowerInvariant();
        if (m.Contains(asked, StringComparison.Ordinal)) return true;
        return Table.FirstOrDefault(t => t.Measure == asked).Words?.Any(w => m.Contains(w, StringComparison.Ordinal)) == true;
    }
}

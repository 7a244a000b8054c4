namespace BalkanBot.Retrieval;

/// <summary>
/// A light English suffix stripper for matching word forms: "signed", "signing" and "sign" meet, as do
/// "declaration" and "declared", "independence" and "independent", while "population" and "popular" stay apart.
/// It keeps at least four letters, so short words are left as they are.
/// </summary>
public static class Stemmer
{
    private static readonly string[] Suffixes =
    [
        "ational", "ization", "isation", "ations", "ation", "itions", "ition", "ments", "ment", "ness", "ships", "ship",
        "ings", "ingly", "ing", "edly", "ences", "ence", "ances", "ance", "ents", "ent", "ions", "ion", "ities", "ity",
        "ives", "ive", "ists", "ist", "isms", "ism", "ically", "ical", "ally", "ly", "ised", "ized", "ises", "izes", "ise", "ize",
        "ers", "er", "eds", "ed", "al", "ic", "e",
    ];

    private static readonly (string British, string American)[] Spellings =
    [
        ("defence", "defense"), ("labour", "labor"), ("centre", "center"), ("favour", "favor"), ("neighbour", "neighbor"),
        ("behaviour", "behavior"), ("armour", "armor"), ("programme", "program"), ("honour", "honor"), ("colour", "color"),
    ];

    public static string Stem(string token)
    {
        // "M-84s", "Type 59s": the plural of a model number is the number; a decade ("1990s") stays one.
        if (char.IsDigit(token[0]))
            return token.Length is >= 2 and <= 4 && token[^1] == 's' && token[..^1].All(char.IsDigit) ? token[..^1] : token;
        // "laws", "jets", "arms": a plural of a three-letter word ("news" is no plural).
        if (token.Length == 4) return token[3] == 's' && token is not "news" and not "ties" && "wtnmkprdg".Contains(token[2], StringComparison.Ordinal) ? token[..3] : token;
        if (token.Length < 4) return token;
        // "defence" is "defense", "labour" is "labor": one spelling for both, so either finds the other and weighs the same.
        foreach (var (british, american) in Spellings)
            if (token.StartsWith(british, StringComparison.Ordinal)) { token = american + token[british.Length..]; break; }
        // "characterize" is "characterise": one spelling for both.
        var t = token.Length > 6 ? token.Replace("iz", "is", StringComparison.Ordinal) : token;
        if (t.EndsWith("ies", StringComparison.Ordinal) && t.Length > 5) t = t[..^3] + "y";
        // "identified" is "identifying", "supplied" is "supply".
        else if (t.EndsWith("ied", StringComparison.Ordinal) && t.Length > 5) t = t[..^3] + "y";
        else if (t.EndsWith("sses", StringComparison.Ordinal)) t = t[..^2];
        else if (t.EndsWith('s') && !t.EndsWith("ss", StringComparison.Ordinal) && !t.EndsWith("us", StringComparison.Ordinal)
                 && !t.EndsWith("is", StringComparison.Ordinal)) t = t[..^1];
        // "militarily" is "military"; "parliamentary" is "parliament", as "documentary" is "document".
        if (t.EndsWith("arily", StringComparison.Ordinal) && t.Length > 8) t = t[..^5] + "ary";
        if (t.EndsWith("mentary", StringComparison.Ordinal) && t.Length > 9) t = t[..^3];
        foreach (var s in Suffixes)
        {
            // "receive" keeps its "-ive" ("received" → "receiv" meets it); "defensive" → "defens" does not.
            // "repeal", "appeal", "reveal" are verbs, not "-al" adjectives: "repealed" → "repeal" meets them whole.
            if (s == "al" && t.EndsWith("eal", StringComparison.Ordinal)) break;
            if (t.Length - s.Length >= (s is "ive" or "ives" ? 5 : 4) && t.EndsWith(s, StringComparison.Ordinal))
            {
                t = t[..^s.Length];
                // "characterising" → "characteris" → "character", as "characterise" is.
                if (s is "ing" or "ings" or "ed" or "eds" or "er" or "ers" && t.Length >= 6 && t.EndsWith("is", StringComparison.Ordinal)) t = t[..^2];
                // "reinforcement" → "reinforce" → "reinforc", as "reinforced" is; "completely" as "completed".
                if (s is "ment" or "ments" or "ness" or "ly" && t.Length > 4 && t.EndsWith('e')) t = t[..^1];
                break;
            }
        }
        if (t.Length > 4 && t.EndsWith('y')) t = t[..^1];
        // "committed" → "committ" → "commit": a doubled final consonant after a stripped suffix.
        if (t.Length > 4 && t[^1] == t[^2] && t[^1] is not ('l' or 's' or 'z')) t = t[..^1];
        return t;
    }
}

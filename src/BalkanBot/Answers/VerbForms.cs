namespace BalkanBot.Answers;

/// <summary>
/// The other forms of a headline verb in the third person present ("joins", "says", "declares"), so an event named
/// like a headline can be asked about: "When did Albania join NATO?", "What happened when Dodik said …".
/// </summary>
internal static class VerbForms
{
    // "present base past", one verb each.
    private const string IrregularTable =
        "says say said, tells tell told, holds hold held, meets meet met, sends send sent, wins win won, loses lose lost, " +
        "leaves leave left, begins begin began, buys buy bought, has have had, is be was, goes go went, makes make made, " +
        "takes take took, gives give gave, sees see saw, brings bring brought, withdraws withdraw withdrew, sets set set, " +
        "puts put put, upholds uphold upheld, becomes become became, keeps keep kept, finds find found, speaks speak spoke, " +
        "writes write wrote, comes come came, thinks think thought, does do did, seeks seek sought, leads lead led, " +
        "vetoes veto vetoed, shuts shut shut, cuts cut cut";

    private static readonly Dictionary<string, (string Base, string Past)> Irregular = IrregularTable
        .Split(", ").Select(e => e.Split(' ')).ToDictionary(e => e[0], e => (e[1], e[2]), StringComparer.Ordinal);

    /// <summary>Verbs whose last consonant doubles before -ed and -ing.</summary>
    private static readonly HashSet<string> Doubling = new(StringComparer.Ordinal)
    {
        "ban", "plan", "stop", "drop", "admit", "commit", "ship", "submit", "permit", "regret", "control", "occur", "refer", "prefer",
    };

    /// <summary>Third person present, as headlines use them; "calls" or "votes" count only where a name is the subject.</summary>
    public static readonly HashSet<string> HeadlineVerbs = new(StringComparer.Ordinal)
    {
        "joins", "indicts", "suspends", "acknowledges", "calls", "says", "deploys", "tells", "enters", "declares", "signs", "meets",
        "adopts", "announces", "rejects", "warns", "accuses", "approves", "launches", "holds", "sends", "imposes", "bans", "arrests",
        "votes", "protests", "withdraws", "recognises", "recognizes", "buys", "orders", "agrees", "condemns", "expels", "opens",
        "closes", "halts", "blocks", "refuses", "threatens", "passes", "elects", "wins", "loses", "leaves", "ends", "begins",
        "starts", "backs", "supports", "sanctions", "attacks", "seizes", "kills", "convicts", "sentences", "releases", "reinforces",
        "criticises", "criticizes", "admits", "demands", "asks", "proposes", "hosts", "visits", "cancels", "extends", "renews",
        "lifts", "reopens", "arrives", "becomes", "gives", "takes", "makes", "vetoes", "upholds", "seeks", "leads", "shuts", "cuts", "denies",
    };

    /// <summary>Headline verbs that are also plural nouns ("Balkan votes on …", "Kosovo talks").</summary>
    public static readonly HashSet<string> AlsoNouns = new(StringComparer.Ordinal)
    {
        "calls", "votes", "protests", "attacks", "bans", "arrests", "sanctions", "ends", "starts", "orders", "backs", "signs",
        "holds", "releases", "demands", "visits", "sentences", "cuts", "blocks", "lifts", "leads", "gives", "takes", "makes",
    };

    public static string Base(string verb)
    {
        if (Irregular.TryGetValue(verb, out var forms)) return forms.Base;
        if (verb.EndsWith("ies", StringComparison.Ordinal) && verb.Length > 4) return verb[..^3] + "y";
        foreach (var ending in (string[])["sses", "shes", "ches", "xes", "zes", "oes"])
            if (verb.EndsWith(ending, StringComparison.Ordinal)) return verb[..^2];
        return verb.EndsWith('s') ? verb[..^1] : verb;
    }

    public static string Past(string verb)
    {
        if (Irregular.TryGetValue(verb, out var forms)) return forms.Past;
        var b = Base(verb);
        if (Doubling.Contains(b)) return b + b[^1] + "ed";
        if (b.EndsWith('e')) return b + "d";
        if (b.Length > 1 && b.EndsWith('y') && !"aeiou".Contains(b[^2], StringComparison.Ordinal)) return b[..^1] + "ied";
        return b + "ed";
    }

    public static string Gerund(string verb)
    {
        var b = Base(verb);
        if (b.EndsWith("ie", StringComparison.Ordinal)) return b[..^2] + "ying";
        if (Doubling.Contains(b)) return b + b[^1] + "ing";
        if (b.Length > 2 && b.EndsWith('e') && !b.EndsWith("ee", StringComparison.Ordinal) && !b.EndsWith("ye", StringComparison.Ordinal)
            && !b.EndsWith("oe", StringComparison.Ordinal)) return b[..^1] + "ing";
        return b + "ing";
    }
}

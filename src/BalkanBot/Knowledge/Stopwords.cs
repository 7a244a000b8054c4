using System.Collections.Frozen;

namespace BalkanBot.Knowledge;

/// <summary>Words that carry no topic: question words, articles, and the verbs of asking.</summary>
internal static class Stopwords
{
    private static readonly FrozenSet<string> Words = """
        a an the and or of in on at to for from by with about as is are was were be been being do does did done has have had
        what whats when where who whom whose which why how many much tell me show give list explain describe summarise summarize
        please i you we they it its this that these those there their them his her he she s t can could would should will
        shall may might must any some all each every other else more most than then so if into over under up down out
        inside within among amongst upon onto
        just also very still yet not no nor only own same such too again ever did does know want need like let us our
        after before since until between during per via vs versus compare comparison timeline happened happen happening
        news latest recent recently information info anything something thing things doing going get got make made
        say said says think thinks way whether latest update updates overview summary brief briefly
        but ok okay yeah yep hey anyway though actually really basically lol lmao haha tbh imo btw fyi
        ko je sta sto kada kad gde gdje koji koja koje kako zasto li da u o i na za od su bio bila bilo se sa
        """.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsStopword(string token) => Words.Contains(token);

    /// <summary>The longer stopwords, which a typing asker misspells ("actualy", "basicaly") as often as any word.</summary>
    public static readonly FrozenSet<string> Long = Words.Where(w => w.Length >= 6).ToFrozenSet(StringComparer.Ordinal);
}

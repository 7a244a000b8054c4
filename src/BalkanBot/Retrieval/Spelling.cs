using BalkanBot.Knowledge;

namespace BalkanBot.Retrieval;

/// <summary>
/// Corrects a misspelt content word to the nearest word the base uses ("invesment" → "investment",
/// "populaton" → "population"): one edit for words of five to nine letters, two from ten.
/// </summary>
public static class Spelling
{
    public static string? Nearest(string word, ISet<string> vocabulary)
    {
        if (word.Length < 5 || vocabulary.Contains(word) || word.Any(char.IsDigit)) return null;
        // Two edits only for long words: "currency" is not a misspelt "current", nor "religion" "region".
        var max = word.Length >= 10 ? 2 : 1;
        string? best = null;
        var bestDistance = max + 1;
        foreach (var v in vocabulary)
        {
            // A short word is rarely mistyped in its first letter: "tally" is not "ally".
            if (Math.Abs(v.Length - word.Length) > max || v[0] != word[0] && (word.Length < 8 || v[^1] != word[^1])) continue;
            // "lifted" is not a misspelt "listed", nor "spreading" a misspelt "spending": two inflected forms of
            // different words. A letter doubled, dropped or swapped ("founnded", "accoring", "qutoed") is a slip of the
            // keyboard, not another word.
            if (Inflection(word) is { } suffix && v.EndsWith(suffix, StringComparison.Ordinal)
                && !string.Equals(word.Replace('z', 's'), v.Replace('z', 's'), StringComparison.Ordinal)
                && v.Length == word.Length && !Swapped(word, v)) continue;
            // "solid" is not a misspelt "sold", nor "plane" "plan": a letter more that doubles none beside it makes
            // another word more often than a slip does.
            if (word.Length == v.Length + 1 && Inserted(word, v) && max == 1) continue;
            var d = Distance(word, v, bestDistance);
            // Two slips in a long word leave its first letters alone: "coincidence" is another word, not a
            // misspelt "confidence".
            if (d == 2 && string.CompareOrdinal(word, 0, v, 0, 3) != 0) continue;
            // Of two words an edit away, one with a letter the typist did not double ("legaly" for "legally") before
            // another with a letter changed ("legacy").
            if (d < bestDistance || best is null || d == bestDistance && Undoubled(word, v) && !Undoubled(word, best))
            {
                best = v;
                bestDistance = d;
            }
        }
        return bestDistance <= max ? best : null;
    }

    /// <summary>"solid" is "sold" with a letter put in that doubles neither neighbour ("founnded" doubles one).</summary>
    private static bool Inserted(string typed, string word)
    {
        for (var i = 0; i < typed.Length; i++)
            if (string.Equals(typed.Remove(i, 1), word, StringComparison.Ordinal))
                return !(i > 0 && typed[i] == typed[i - 1] || i + 1 < typed.Length && typed[i] == typed[i + 1]);
        return false;
    }

    /// <summary>"legaly" is "legally" with one of a doubled letter dropped.</summary>
    private static bool Undoubled(string typed, string word)
    {
        if (word.Length != typed.Length + 1) return false;
        for (var i = 1; i < word.Length; i++)
            if (word[i] == word[i - 1] && string.Equals(word.Remove(i, 1), typed, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// A word of the vocabulary lies within an edit, two for a word of seven letters or more: "Vučić" written "Vuicic"
    /// is a misspelt name, not a new one.
    /// </summary>
    public static bool NearAny(string word, ISet<string> vocabulary)
    {
        var max = word.Length >= 7 ? 2 : 1;
        return vocabulary.Any(v => Math.Abs(v.Length - word.Length) <= max && Distance(word, v, max) <= max);
    }

    /// <summary>Two words of one length that differ only by two neighbouring letters swapped.</summary>
    private static bool Swapped(string a, string b)
    {
        var i = 0;
        while (i < a.Length && a[i] == b[i]) i++;
        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && string.CompareOrdinal(a, i + 2, b, i + 2, a.Length - i - 2) == 0;
    }

    private static string? Inflection(string word) =>
        word.EndsWith("ing", StringComparison.Ordinal) ? "ing" : word.EndsWith("ed", StringComparison.Ordinal) ? "ed" : null;

    /// <summary>The two words differ by one letter added, dropped, changed or swapped ("jon" and "john").</summary>
    public static bool WithinOneSlip(string typed, string word) => Distance(typed, word, 1) <= 1;

    /// <summary>Optimal string alignment distance, abandoned once it exceeds <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > limit) return limit + 1;
        }
        return d[a.Length, b.Length];
    }
}

using System.Globalization;
using System.Text;

namespace BalkanBot.Knowledge;

/// <summary>
/// Folds text to one comparable form: lowercase Latin without diacritics, Serbian Cyrillic transliterated,
/// punctuation turned into spaces. Linking, indexing and querying all go through it, so
/// "Приштина", "Priština" and "PRISTINA" meet in the same token.
/// </summary>
internal static class TextNormalizer
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "g",
        ['д'] = "d",
        ['ђ'] = "dj",
        ['е'] = "e",
        ['ж'] = "z",
        ['з'] = "z",
        ['и'] = "i",
        ['ј'] = "j",
        ['к'] = "k",
        ['л'] = "l",
        ['љ'] = "lj",
        ['м'] = "m",
        ['н'] = "n",
        ['њ'] = "nj",
        ['о'] = "o",
        ['п'] = "p",
        ['р'] = "r",
        ['с'] = "s",
        ['т'] = "t",
        ['ћ'] = "c",
        ['у'] = "u",
        ['ф'] = "f",
        ['х'] = "h",
        ['ц'] = "c",
        ['ч'] = "c",
        ['џ'] = "dz",
        ['ш'] = "s",
        // Russian and Macedonian letters that appear in names people paste.
        ['й'] = "j",
        ['ы'] = "y",
        ['э'] = "e",
        ['ю'] = "ju",
        ['я'] = "ja",
        ['ё'] = "e",
        ['щ'] = "sc",
        ['ь'] = "",
        ['ъ'] = "",
        ['ѓ'] = "gj",
        ['ќ'] = "kj",
        ['ѕ'] = "dz",
    };

    /// <summary>Normalises to space-separated tokens of [a-z0-9].</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 8);
        foreach (var raw in text.Normalize(NormalizationForm.FormD))
        {
            var c = char.ToLowerInvariant(raw);
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') { sb.Append(c); continue; }
            if (Cyrillic.TryGetValue(c, out var latin)) { sb.Append(latin); continue; }
            switch (c)
            {
                case 'đ': sb.Append("dj"); continue;
                case 'ß': sb.Append("ss"); continue;
                case 'ø': sb.Append('o'); continue;
                case 'ł': sb.Append('l'); continue;
                case 'ı': sb.Append('i'); continue;
                case 'æ': sb.Append("ae"); continue;
                // "€2.7 billion" is read as euros, so "the euro figure" finds it.
                case '€': sb.Append(" euro "); continue;
                case '$': sb.Append(" dollar "); continue;
            }
            sb.Append(' ');
        }
        return CollapseSpaces(sb.ToString());
    }

    public static string[] Tokens(string? text) =>
        Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = true;
        foreach (var c in s)
        {
            if (c == ' ') { if (!space) sb.Append(' '); space = true; }
            else { sb.Append(c); space = false; }
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }
}

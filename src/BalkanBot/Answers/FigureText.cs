using System.Globalization;
using System.Text.RegularExpressions;
using BalkanBot.Knowledge;

namespace BalkanBot.Answers;

/// <summary>
/// A figure record as a reader sees it: "250–300 main battle tanks", "about 3,700 troops", "none listed",
/// "€42 billion in foreign investment between 2007 and 2021 (as of 2021)". The source's own wording
/// (<c>value_text</c>) is kept wherever it reads as English on its own; the structured fields (value, approx,
/// unit) stand in where it is a bare number, a quoted fragment or a model name that needs its unit.
/// </summary>
public static partial class FigureText
{
    /// <summary>Every place that shows a figure goes through here, so a figure reads the same in every answer and digest.</summary>
    public static string Format(KnowledgeRecord figure, bool withDate = true) => Format(figure, QualifierOf(figure), withDate);

    /// <summary>The figure's qualifier as the knowledge file words it ("identified as Serb (latest census)").</summary>
    internal static string? QualifierOf(KnowledgeRecord figure) => string.IsNullOrWhiteSpace(figure.Qualifier) ? null : figure.Qualifier;

    internal static string Format(KnowledgeRecord f, string? qualifier, bool withDate)
    {
        var core = Core(f);
        var notes = new List<string>();
        if (!string.IsNullOrWhiteSpace(qualifier) && !core.Contains(qualifier.Trim(), StringComparison.OrdinalIgnoreCase))
            notes.Add(qualifier.Trim());
        // "79 joint activities scheduled for 2025" already says when.
        if (withDate && f.AsOf is { } d && !core.Contains(d.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            notes.Add("as of " + d.Display);
        if (notes.Count == 0) return core;
        // One bracket, not two: "12 Rafale aircraft (ordered 2024; as of 21 May 2025)".
        return core.EndsWith(')') && core.LastIndexOf('(') > 0
            ? $"{core[..^1]}; {string.Join(", ", notes)})"
            : $"{core} ({string.Join(", ", notes)})";
    }

    private static string Core(KnowledgeRecord f)
    {
        var text = Clean(f.ValueText);
        if (IsNone(f, text)) return "none listed";
        if (text.Length == 0 || BareNumber().IsMatch(text) || text[0] is '"' or '“' or '\'' or '‘')
            return Structured(f) ?? (text.Length > 0 ? text.Trim('"', '“', '”', '\'', '‘', '’') : "not given in the source");
        text = RestoreVerb(f, text);
        if (f.Unit is null || NamesUnit(text, f.Unit)) return text;
        return WithUnit(f, text) ?? text;
    }

    // "its three police officers" points back into the source's sentence; standing alone it is "three police officers".
    private static string Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? ""
            : LeadingPossessive().Replace(Spaces().Replace(text.Replace(" ... ", " … ", StringComparison.Ordinal), " ").Trim(), "");

    private static bool IsNone(KnowledgeRecord f, string text) =>
        (text.Length == 0 && f.Value is 0)
        || ((text.Equals("none", StringComparison.OrdinalIgnoreCase) || text is "0" or "-" or "—") && f.Value is null or 0);

    // The census shares are listed in one sentence of the source ("41% identified as Montenegrin, 33% as Serb");
    // standing alone, the second needs its verb back.
    private static string RestoreVerb(KnowledgeRecord f, string text) =>
        f.Unit == "percent" && f.Measure?.StartsWith("population", StringComparison.Ordinal) == true
            ? PercentAs().Replace(text, "$1 identified as ", 1)
            : text;

    /// <summary>"44 Leopard 2A7+" → "44 Leopard 2A7+ main battle tanks"; "12 Rafales (Croatia)" → "12 Rafale aircraft".</summary>
    private static string? WithUnit(KnowledgeRecord f, string text)
    {
        var m = ModelCount().Match(text);
        if (!m.Success) return null;
        var count = m.Groups["count"].Value;
        var model = Singular(m.Groups["model"].Value.Trim());
        var note = m.Groups["note"].Success ? WithoutSubject(m.Groups["note"].Value, f.Subject) : "";
        var one = count is "1" or "one" or "One";
        var unit = UnitNoun(f.Unit!, one);
        return $"{count} {model} {unit}" + (note.Length > 0 ? $" ({note})" : "");
    }

    /// <summary>"(Serbia, ordered 2024)" under Serbia's own figure says "ordered 2024".</summary>
    private static string WithoutSubject(string note, string? subject)
    {
        if (subject is null) return note.Trim();
        var parts = note.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(p => TextNormalizer.Normalize(p).Replace(' ', '-') != subject);
        return string.Join(", ", parts);
    }

    private static string? Structured(KnowledgeRecord f)
    {
        if (f.Value is not { } v) return null;
        var n = Number(v);
        var max = f.ValueMax is { } mx ? Number(mx) : null;
        var unit = f.Unit?.Trim() ?? "";
        var exact = f.Approx is null or "exact";
        if (unit == "percent")
        {
            var pct = max is not null && f.Approx == "range" ? $"{n}–{max}%" : n + "%";
            return Approximately(f.Approx, pct, countable: false);
        }
        if (Currency().Match(unit) is { Success: true } cur)
        {
            var symbol = cur.Groups["code"].Value.ToUpperInvariant() switch { "EUR" => "€", "USD" => "$", "GBP" => "£", var c => c + " " };
            var scale = cur.Groups["scale"].Success ? " " + cur.Groups["scale"].Value.ToLowerInvariant() : "";
            var amount = max is not null && f.Approx == "range" ? $"{symbol}{n}–{max}{scale}" : $"{symbol}{n}{scale}";
            return Approximately(f.Approx, amount, countable: false);
        }
        if (unit == "rank") return exact ? Ordinal((int)v) : null;
        var range = max is not null && f.Approx == "range";
        var value = range ? $"{n}–{max}" : n;
        var noun = unit.Length == 0 ? "" : " " + UnitNoun(unit, !range && v == 1);
        return Approximately(f.Approx, value + noun, countable: true);
    }

    private static string Approximately(string? approx, string amount, bool countable) => approx switch
    {
        "about" => "about " + amount,
        "more-than" => "more than " + amount,
        "less-than" => (countable ? "fewer than " : "less than ") + amount,
        _ => amount,
    };

    private static string Number(double v)
    {
        // "1.5 million" reads better than "1,500,000" and is what the sources say.
        if (Math.Abs(v) >= 1_000_000 && v % 100_000 == 0)
            return (v / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + " million";
        return v.ToString("#,0.##", CultureInfo.InvariantCulture);
    }

    private static string Ordinal(int n) => n + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });

    /// <summary>The words for what a figure counts, as a reader would write them.</summary>
    private static readonly Dictionary<string, (string One, string Many)> UnitNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tanks"] = ("main battle tank", "main battle tanks"),
        ["persons"] = ("person", "people"),
        ["aircraft"] = ("aircraft", "aircraft"),
    };

    internal static string UnitNoun(string unit, bool one)
    {
        if (UnitNouns.TryGetValue(unit, out var known)) return one ? known.One : known.Many;
        if (!one) return unit;
        var words = unit.Split(' ');
        words[^1] = Singular(words[^1]);
        return string.Join(' ', words);
    }

    /// <summary>"Gripens" → "Gripen", "M-84s" → "M-84", "states" → "state"; words that are not plurals stay.</summary>
    internal static string Singular(string phrase)
    {
        var words = phrase.Split(' ');
        var last = words[^1];
        if (last.Length > 2 && !last.EndsWith("ss", StringComparison.Ordinal) && last.EndsWith('s') && char.IsLetterOrDigit(last[^2]))
            words[^1] = last.EndsWith("ies", StringComparison.Ordinal) && last.Length > 4 ? last[..^3] + "y" : last[..^1];
        return string.Join(' ', words);
    }

    /// <summary>Words that already say what the unit says, so the unit is not written twice.</summary>
    private static readonly Dictionary<string, string[]> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["troops"] = ["troop", "soldiers", "personnel", "forces", "peacekeepers", "servicemen"],
        ["aircraft"] = ["jets", "jet", "fighters", "fighter", "planes", "plane"],
        ["persons"] = ["person", "people", "suspects", "suspect", "officers", "officer", "individuals"],
        ["states"] = ["state", "countries", "country", "members", "member", "founders", "governments"],
        ["percent"] = ["%", "per cent", "percentage"],
        ["eur"] = ["€", "euro", "euros"],
        ["usd"] = ["$", "dollar", "dollars"],
        ["occasions"] = ["once", "twice", "thrice", "times", "occasion"],
        ["rank"] = ["largest", "biggest", "smallest", "first", "second", "third", "ranked"],
    };

    /// <summary>Whether the text already names the unit's head noun ("states" of "EU member states") or a word for it.</summary>
    internal static bool NamesUnit(string text, string unit)
    {
        var head = unit.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var forms = new List<string> { head, Singular(head), Singular(head) + "s" };
        if (Synonyms.TryGetValue(head, out var more)) forms.AddRange(more);
        if (Synonyms.TryGetValue(Singular(head) + "s", out var plural)) forms.AddRange(plural);
        var normalized = " " + TextNormalizer.Normalize(text) + " ";
        return forms.Any(form => form.Any(c => !char.IsLetterOrDigit(c) && c != ' ')
            ? text.Contains(form, StringComparison.Ordinal)
            : normalized.Contains(" " + TextNormalizer.Normalize(form) + " ", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(its|their|his|her) (?=\S)")]
    private static partial Regex LeadingPossessive();

    [GeneratedRegex(@"^[~≈]?\s*\d[\d,.]*(\s*[–-]\s*\d[\d,.]*)?\s*%?$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^(\d[\d.,]*\s*%)\s+as\s+")]
    private static partial Regex PercentAs();

    [GeneratedRegex(@"^(?<count>\d[\d,.]*|(?i:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty))\s+(?<model>[A-Z0-9][^()]*?)\s*(\((?<note>[^()]*)\))?$")]
    private static partial Regex ModelCount();

    [GeneratedRegex(@"^((?<scale>thousand|million|billion|trillion)\s+)?(?<code>EUR|USD|GBP|CHF|RSD)$", RegexOptions.IgnoreCase)]
    private static partial Regex Currency();
}

using System.Globalization;
using System.Text.RegularExpressions;
using BalkanBot.Knowledge;

namespace BalkanBot.Answers;

/// <summary>
/// A figure record as a reader sees it: "250–300 main battle tanks", "about 3,700 NATO troops serving as peacekeepers
/// in Kosovo under KFOR", "none listed", "€42 billion in foreign investment between 2007 and 2021". The number and how
/// exact it is come from the structured fields (value, value_max, approx, unit), so "well over 4,500" reads "more than
/// 4,500" like every other figure; the source's words stay where they are words ("twice", "nearly three", "the
/// largest") or name what is counted ("44 Leopard 2A7+", "12 Rafale fighter jets"). The qualifier follows the figure
/// as the source's sentence has it, the unit is written once (not where the qualifier already names it: "45 suspects
/// indicted …"), and the period and date are added only where the words do not already say them.
/// </summary>
public static partial class FigureText
{
    /// <summary>Every place that shows a figure goes through here, so a figure reads the same in every answer and digest.</summary>
    public static string Format(KnowledgeRecord figure, bool withDate = true) => Format(figure, QualifierOf(figure), withDate);

    /// <summary>The figure's qualifier as the knowledge file words it ("identified as Serb (latest census)").</summary>
    internal static string? QualifierOf(KnowledgeRecord figure) => string.IsNullOrWhiteSpace(figure.Qualifier) ? null : figure.Qualifier;

    internal static string Format(KnowledgeRecord f, string? qualifier, bool withDate)
    {
        var (text, aside) = Phrase(f, Tidy(qualifier));
        // The span the figure covers, unless its words already say it ("between 2007 and 2021", "in 2023").
        if (f.Period is { } p && PeriodPhrase(p) is { } span && !MentionsPeriod(text, p)) text += " " + span;
        var notes = new List<string>();
        if (aside is not null) notes.Add(aside);
        // "79 joint activities scheduled for 2025" already says when.
        if (withDate && f.AsOf is { } d && !text.Contains(d.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            notes.Add("as of " + d.Display);
        if (notes.Count == 0) return text;
        // One bracket, not two: "Mixed (Western, Russian, Chinese), as of 21 May 2025".
        return text.EndsWith(')') && aside is null
            ? $"{text}, {string.Join("; ", notes)}"
            : $"{text} ({string.Join("; ", notes)})";
    }

    /// <summary>The figure and the words that go with it, and what is better said in brackets.</summary>
    private static (string Text, string? Aside) Phrase(KnowledgeRecord f, string? q)
    {
        var written = Clean(f.ValueText);
        if (IsNone(f, written)) return ("none listed", q);
        if (f.Value is not { } v)
            // "hundreds" of modern aircraft, "nearly half" of UN members, or a table's description.
            return (written.Length == 0 ? "not given in the source" : Join(written, q), null);

        var unit = f.Unit?.Trim() ?? "";
        var kind = unit == "percent" ? Kind.Percent : Currency().IsMatch(unit) ? Kind.Money : unit == "rank" ? Kind.Rank : Kind.Count;
        if (q is not null && written.Contains(q, StringComparison.OrdinalIgnoreCase)) q = null;
        var words = written.Length > 0 && !written.Any(char.IsDigit);

        if (kind is Kind.Percent or Kind.Money)
        {
            var amount = words ? written : Amount(f, v, unit, kind);
            if (q is null) return (kind == Kind.Money ? amount + InWhat(f, null) : amount, null);
            if (StartsWithNoun(q))
            {
                // "a 44% increase in bilateral trade …", "an average increase of about 25.3% in trade …", "100% tariffs on …"
                var (head, rest) = SplitHead(q);
                var singular = IsSingular(head);
                if (f.Approx is null or "exact" or "range" || words)
                    return ((singular ? AOrAn(amount) + " " : "") + amount + " " + q, null);
                return ((singular ? AOrAn(head) + " " : "") + head + " of " + amount + (rest.Length > 0 ? " " + rest : ""), null);
            }
            return ((kind == Kind.Money ? amount + InWhat(f, q) : amount) + " " + q, null);
        }

        if (kind == Kind.Rank)
        {
            var rank = words ? written : Ordinal((int)v);
            if (q is null) return (rank, null);
            // "second largest" economy in the region is "the second largest economy in the region".
            if (StartsWithNoun(q) && !Article().IsMatch(rank)) rank = "the " + rank;
            return (rank + " " + q, null);
        }

        var (count, namesUnit) = Count(f, v, unit, written, words);
        if (!namesUnit && unit.Length > 0 && !NamesUnit(count, unit) && !(q is not null && NamesUnit(Head(q), unit)))
            count += " " + UnitNoun(unit, one: f.Approx != "range" && (v == 1 || written is "another" or "one"));
        if (q is null) return (count, null);
        // "3 states (Serbia, North Macedonia and Albania as its founders)": a list of names does not continue the phrase.
        if (char.IsUpper(q[0]) && !NamesUnit(Head(q), unit)) return (count, q);
        return (Join(count, q), null);
    }

    private enum Kind { Count, Percent, Money, Rank }

    /// <summary>"45", "well over 4,500" → "more than 4,500", "an additional 700", "44 Leopard 2A7+" → "44 Leopard 2A7+ main battle tanks".</summary>
    private static (string Text, bool NamesUnit) Count(KnowledgeRecord f, double v, string unit, string written, bool words)
    {
        if (words) return (written, false);
        var structured = Approximately(f.Approx, RangeOf(f, v), countable: true);
        var m = NumberInText().Match(written);
        if (written.Length == 0 || !m.Success) return (structured, false);
        var before = written[..m.Index].Trim();
        var after = written[(m.Index + m.Length)..].Trim();
        // The approximation is the record's ("more-than"), however the source words it ("well over").
        var amount = before.Length == 0 || ApproxWords().IsMatch(before) ? structured : $"{before} {m.Value.Trim()}";
        if (after.Length == 0) return (amount, false);
        if (unit.Length == 0 || NamesUnit(after, unit)) return ($"{amount} {after}", true);
        return WithUnit(f, $"{amount} {after}") is { } modelled ? (modelled, true) : ($"{amount} {after}", false);
    }

    private static string RangeOf(KnowledgeRecord f, double v) =>
        f.ValueMax is { } max && f.Approx == "range" ? $"{Number(v)}–{Number(max)}" : Number(v);

    private static string Amount(KnowledgeRecord f, double v, string unit, Kind kind)
    {
        var n = RangeOf(f, v);
        if (kind == Kind.Percent) return Approximately(f.Approx, n + "%", countable: false);
        var cur = Currency().Match(unit);
        var symbol = cur.Groups["code"].Value.ToUpperInvariant() switch { "EUR" => "€", "USD" => "$", "GBP" => "£", var c => c + " " };
        var scale = cur.Groups["scale"].Success ? " " + cur.Groups["scale"].Value.ToLowerInvariant() : "";
        return Approximately(f.Approx, symbol + n + scale, countable: false);
    }

    /// <summary>
    /// "€42 billion" between 2007 and 2021 is "€42 billion in foreign investment between 2007 and 2021": a sum of money
    /// says what it is unless its qualifier does ("invested over a similar period", "worth of investments").
    /// </summary>
    private static string InWhat(KnowledgeRecord f, string? q)
    {
        if (f.Measure is null) return "";
        var words = f.Measure.Split('-').Where(w => !MeasureModifiers.Contains(w)).ToList();
        if (!words.Any(MoneyNouns.Contains)) return "";
        var said = q is null ? "" : q.ToLowerInvariant();
        if (words.Any(w => said.Contains(w.Length > 6 ? w[..6] : w, StringComparison.Ordinal))) return "";
        return " in " + string.Join(' ', words);
    }

    private static readonly HashSet<string> MoneyNouns = ["investment", "trade", "exports", "imports", "aid", "spending", "revenue", "funding"];
    private static readonly HashSet<string> MeasureModifiers = ["cumulative", "annual", "average", "total"];

    private static string? PeriodPhrase(DatePeriod p) => (p.From, p.To) switch
    {
        ({ } a, { } b) when a == b => "in " + a.Display,
        ({ } a, { } b) => $"between {a.Display} and {b.Display}",
        ({ } a, null) => "since " + a.Display,
        (null, { } b) => "up to " + b.Display,
        _ => null,
    };

    private static bool MentionsPeriod(string text, DatePeriod p) =>
        new[] { p.From, p.To }.OfType<PartialDate>().Any(d => text.Contains(d.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>The qualifier as it stands after the figure; a table's "ordered 2024" reads "ordered in 2024".</summary>
    private static string? Tidy(string? qualifier)
    {
        if (string.IsNullOrWhiteSpace(qualifier)) return null;
        return BareYear().Replace(Spaces().Replace(qualifier.Trim(), " "), "$1 in $2");
    }

    /// <summary>"more than 4,500 personnel" + "personnel in total …" says "personnel" once.</summary>
    private static string Join(string figure, string? q)
    {
        if (q is null) return figure;
        var last = figure.Split(' ')[^1];
        var first = q.Split(' ')[0];
        if (string.Equals(last, first, StringComparison.OrdinalIgnoreCase)) q = q[first.Length..].TrimStart();
        return q.Length == 0 ? figure : figure + " " + q;
    }

    /// <summary>The noun a qualifier begins with: "NATO troops" of "NATO troops serving as peacekeepers", "modern aircraft" of "of modern aircraft".</summary>
    private static string Head(string q)
    {
        var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && words[0] == "of") words.RemoveAt(0);
        var head = new List<string>();
        foreach (var w in words.Take(4))
        {
            var bare = w.TrimEnd(',', ';', ':');
            if (StopWords.Contains(bare) || IsVerbForm(bare)) break;
            head.Add(bare);
            if (bare.Length != w.Length) break;
        }
        return string.Join(' ', head);
    }

    private static (string Head, string Tail) SplitHead(string q)
    {
        var head = Head(q);
        return (head, q[Math.Min(q.Length, head.Length)..].Trim());
    }

    /// <summary>Whether the qualifier goes on from the figure as a noun ("trade surplus with …", "increase in …").</summary>
    private static bool StartsWithNoun(string q)
    {
        var first = q.Split(' ')[0].TrimEnd(',');
        return first.Length > 0 && char.IsLower(first[0]) && !StopWords.Contains(first) && !NotNouns.Contains(first) && !IsVerbForm(first);
    }

    private static bool IsVerbForm(string w) => w.Length > 4 && char.IsLower(w[0]) && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal));

    private static bool IsSingular(string head)
    {
        if (head.Length == 0) return false;
        var last = head.Split(' ')[^1];
        return !last.EndsWith('s') || last.EndsWith("ss", StringComparison.Ordinal) || last.EndsWith("us", StringComparison.Ordinal) || last.EndsWith("is", StringComparison.Ordinal);
    }

    /// <summary>"a 44%", "an 8% rise", "an average increase".</summary>
    private static string AOrAn(string phrase)
    {
        if (phrase.Length == 0) return "a";
        if (char.IsDigit(phrase[0]))
        {
            var digits = new string(phrase.TakeWhile(c => char.IsDigit(c) || c == ',').Where(char.IsDigit).ToArray());
            return phrase[0] == '8' || ((digits.StartsWith("11", StringComparison.Ordinal) || digits.StartsWith("18", StringComparison.Ordinal)) && digits.Length % 3 == 2) ? "an" : "a";
        }
        return "aeio".Contains(char.ToLowerInvariant(phrase[0])) ? "an" : "a";
    }

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "in", "within", "on", "at", "by", "for", "from", "to", "with", "without", "between", "among", "after", "before", "during",
        "over", "under", "since", "as", "of", "into", "across", "through", "per", "against", "until", "a", "an", "the",
    };

    // Words a qualifier can begin with that do not make the figure a modifier of a noun: "€7.01 billion worth of …".
    private static readonly HashSet<string> NotNouns = new(StringComparer.Ordinal) { "worth", "each", "alone", "only", "annually", "yearly", "dispute", "disputes" };

    // "its three police officers" points back into the source's sentence; standing alone it is "three police officers".
    private static string Clean(string? text) =>
        string.IsNullOrWhiteSpace(text) ? ""
            : LeadingPossessive().Replace(Spaces().Replace(text.Replace(" ... ", " … ", StringComparison.Ordinal), " ").Trim(), "");

    private static bool IsNone(KnowledgeRecord f, string text) =>
        (text.Length == 0 && f.Value is 0)
        || ((text.Equals("none", StringComparison.OrdinalIgnoreCase) || text is "0" or "-" or "—") && f.Value is null or 0);

    /// <summary>"44 Leopard 2A7+" → "44 Leopard 2A7+ main battle tanks"; "12 Rafales (Croatia)" stays "12 Rafales".</summary>
    private static string? WithUnit(KnowledgeRecord f, string text)
    {
        var m = ModelCount().Match(text);
        if (!m.Success) return null;
        var count = m.Groups["count"].Value;
        var written = m.Groups["model"].Value.Trim();
        var model = Singular(written);
        var note = m.Groups["note"].Success ? WithoutSubject(m.Groups["note"].Value, f.Subject) : "";
        // "75 M-84s", "14 JAS-39 Gripens": a model written as a plural already names what is counted, as the source has it.
        if (model != written) return $"{count} {written}" + (note.Length > 0 ? $" ({note})" : "");
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

    [GeneratedRegex(@"\d[\d,.]*(\s*[–-]\s*\d[\d,.]*)?(\s+(thousand|million|billion))?")]
    private static partial Regex NumberInText();

    [GeneratedRegex(@"^(?i:(~|≈|about|approximately|around|roughly|some|nearly|almost|just|well|over|under|more than|fewer than|less than|at least|up to|close to|an estimated)\s*)+$")]
    private static partial Regex ApproxWords();

    [GeneratedRegex(@"^(the|a|an)\s")]
    private static partial Regex Article();

    [GeneratedRegex(@"^(\p{Ll}+ed) (\d{4})\b")]
    private static partial Regex BareYear();

    [GeneratedRegex(@"^(?<count>\d[\d,.]*|(?i:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty))\s+(?<model>[A-Z0-9][^()]*?)\s*(\((?<note>[^()]*)\))?$")]
    private static partial Regex ModelCount();

    [GeneratedRegex(@"^((?<scale>thousand|million|billion|trillion)\s+)?(?<code>EUR|USD|GBP|CHF|RSD)$", RegexOptions.IgnoreCase)]
    private static partial Regex Currency();
}

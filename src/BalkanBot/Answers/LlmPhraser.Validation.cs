using System.Globalization;
using System.Text.RegularExpressions;
using BalkanBot.Knowledge;

namespace BalkanBot.Answers;

public sealed partial class LlmPhraser
{
    internal const int MaxReplyChars = 700;

    /// <summary>
    /// Accepts the reply only when every sentence cites, it cites nothing outside the answer's sources, and it states no number or
    /// date that the retrieved records lack. Returns the reply with citations in the house form "[1][2]", or the
    /// reason for refusing it.
    /// </summary>
    internal static (string Text, string? Reason) Validate(string? reply, Answer answer, AllowedFacts allowed)
    {
        var text = Clean(reply);
        if (text.Length == 0) return (text, "empty reply");
        if (text.Length > MaxReplyChars) return (text, $"reply too long ({text.Length} characters)");

        var cited = Cited(text);
        if (cited.Count == 0) return (text, "cites no source");
        var sources = answer.Citations.Select(c => c.N).ToHashSet();
        if (cited.FirstOrDefault(n => !sources.Contains(n), -1) is var bad and >= 0)
            return (text, $"cites [{bad}], which is not one of the answer's {sources.Count} sources");
        if (UncitedSentence(text) is { } uncited) return (text, uncited);
        if (Ungrounded(text, allowed) is { } ungrounded) return (text, ungrounded);
        return (HouseMarkers(text), null);
    }

    /// <summary>Every citation number in the text, in order, repeats included.</summary>
    internal static List<int> Cited(string text) =>
        CitationMarker().Matches(text).SelectMany(m => CitationNumbers(m.Groups[1].Value)).ToList();

    /// <summary>Citation lists in the house form "[1][2]".</summary>
    internal static string HouseMarkers(string text, Func<int, int>? renumber = null) =>
        CitationMarker().Replace(text, m => string.Concat(CitationNumbers(m.Groups[1].Value).Select(n => $"[{(renumber is null ? n : renumber(n))}]")));

    /// <summary>The sentences of a reply, each with the citation markers that follow its full stop ("... 2025. [1] Next ...").</summary>
    internal static IEnumerable<string> Sentences(string text) =>
        SentenceBreak().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    /// <summary>Why a reply is refused because a sentence stands without a source, or null.</summary>
    internal static string? UncitedSentence(string text)
    {
        var i = 0;
        foreach (var sentence in Sentences(text))
        {
            i++;
            if (!CitationMarker().IsMatch(sentence)) return $"sentence {i} cites no source";
        }
        return null;
    }

    /// <summary>Why a reply is refused because it states a number or date that no record holds, or null.</summary>
    internal static string? Ungrounded(string text, AllowedFacts allowed)
    {
        var bare = CitationMarker().Replace(text, " ");
        foreach (var (day, month, surface) in DayMonths(bare))
            if (!allowed.DayMonths.Contains((day, month))) return $"states the date '{surface}', which is in no retrieved record";
        foreach (var (month, year, surface) in MonthYears(bare))
            if (!allowed.MonthYears.Contains((month, year))) return $"states the date '{surface}', which is in no retrieved record";
        foreach (var (number, surface) in Numbers(bare))
            if (!allowed.Numbers.Contains(number)) return $"states the number '{surface}', which is in no retrieved record";
        return null;
    }

    /// <summary>The reply on one line, without wrapping quotes.</summary>
    internal static string Clean(string? reply) => Spaces().Replace(reply ?? "", " ").Trim().Trim('"', '“', '”').Trim();

    /// <summary>"2", "1, 3", "1; 2", "1–3" inside one pair of brackets.</summary>
    private static IEnumerable<int> CitationNumbers(string inside)
    {
        foreach (var part in inside.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
            if (range.Length == 2 && int.TryParse(range[0], CultureInfo.InvariantCulture, out var a) && int.TryParse(range[1], CultureInfo.InvariantCulture, out var b) && b >= a && b - a < 20)
                for (var n = a; n <= b; n++) yield return n;
            else if (int.TryParse(part, CultureInfo.InvariantCulture, out var n)) yield return n;
        }
    }

    /// <summary>Every number in the text in one canonical form: "4,500" and "4500" meet, as do "03" and "3", "1.50" and "1.5".</summary>
    internal static IEnumerable<(string Number, string Surface)> Numbers(string text)
    {
        foreach (Match m in NumberPattern().Matches(text))
        {
            var s = m.Value.Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
            if (ThousandsGrouped().IsMatch(s)) s = s.Replace(",", "", StringComparison.Ordinal);
            var parts = s.Contains(',', StringComparison.Ordinal) || s.Count(c => c == '.') > 1 ? s.Split(',', '.') : [s];
            foreach (var p in parts) yield return (Canonical(p), m.Value);
        }
    }

    private static string Canonical(string s) =>
        decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d.ToString("0.############################", CultureInfo.InvariantCulture)
            : s.TrimStart('0');

    internal static IEnumerable<(int Day, int Month, string Surface)> DayMonths(string text)
    {
        foreach (Match m in DayMonthPattern().Matches(text))
        {
            var day = m.Groups["d1"].Success ? m.Groups["d1"].Value : m.Groups["d2"].Value;
            var month = m.Groups["m1"].Success ? m.Groups["m1"].Value : m.Groups["m2"].Value;
            if (int.TryParse(day, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31) yield return (d, MonthNumber(month), m.Value);
        }
    }

    internal static IEnumerable<(int Month, int Year, string Surface)> MonthYears(string text)
    {
        foreach (Match m in MonthYearPattern().Matches(text))
            yield return (MonthNumber(m.Groups["m"].Value), int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture), m.Value);
    }

    private static int MonthNumber(string name) => name[..3] switch
    {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        _ => 12,
    };

    private const string Month = "January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec";

    [GeneratedRegex(@"\[\s*(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\s*\]")]
    private static partial Regex CitationMarker();

    [GeneratedRegex(@"\d{1,3}(?:[\u00A0\u202F]\d{3})+(?!\d)|\d+(?:[.,]\d+)*")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial Regex ThousandsGrouped();

    [GeneratedRegex(@"\b(?<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<m1>" + Month + @")\b\.?|\b(?<m2>" + Month + @")\.?\s+(?<d2>\d{1,2})(?:st|nd|rd|th)?\b")]
    private static partial Regex DayMonthPattern();

    [GeneratedRegex(@"\b(?<m>" + Month + @")\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?<y>\d{4})\b")]
    private static partial Regex MonthYearPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // A break after . ! or ? (and any citation markers right after it) before what starts a new sentence.
    [GeneratedRegex(@"(?<=[.!?][""”’)]?(?:\s*\[[\d\s,;–-]+\])*)\s+(?=[A-Z0-9""“(])")]
    private static partial Regex SentenceBreak();
}

/// <summary>The numbers, day–month and month–year pairs and citation numbers a phrased answer may use.</summary>
internal sealed class AllowedFacts
{
    public HashSet<string> Numbers { get; } = new(StringComparer.Ordinal);
    public HashSet<(int Day, int Month)> DayMonths { get; } = [];
    public HashSet<(int Month, int Year)> MonthYears { get; } = [];

    /// <summary>From the retrieved records (those the answer used or lists) and the cited material the model was shown.</summary>
    public static AllowedFacts From(Answer answer, KnowledgeBase kb)
    {
        var records = answer.RecordIds.Concat(answer.Timeline.Select(t => t.RecordId)).Distinct(StringComparer.Ordinal)
            .Select(kb.Get).OfType<KnowledgeRecord>().ToList();
        var texts = records.SelectMany(RecordTexts).Concat(LlmPhraser.Material(answer, withMarkers: false));
        var dates = records.SelectMany(r => new[] { r.Date, r.End, r.AsOf }).OfType<PartialDate>();
        var values = records.SelectMany(r => new[] { r.Value, r.ValueMax }).OfType<double>();
        return FromText(texts, dates, values);
    }

    public static AllowedFacts FromText(IEnumerable<string> texts, IEnumerable<PartialDate>? dates = null, IEnumerable<double>? values = null)
    {
        var allowed = new AllowedFacts();
        foreach (var text in texts)
        {
            foreach (var (n, _) in LlmPhraser.Numbers(text)) allowed.Numbers.Add(n);
            foreach (var (d, m, _) in LlmPhraser.DayMonths(text)) allowed.DayMonths.Add((d, m));
            foreach (var (m, y, _) in LlmPhraser.MonthYears(text)) allowed.MonthYears.Add((m, y));
        }
        foreach (var d in dates ?? [])
        {
            allowed.Numbers.Add(d.Year.ToString(CultureInfo.InvariantCulture));
            if (d.Month is { } month)
            {
                allowed.Numbers.Add(month.ToString(CultureInfo.InvariantCulture));
                allowed.MonthYears.Add((month, d.Year));
                if (d.Day is { } day)
                {
                    allowed.Numbers.Add(day.ToString(CultureInfo.InvariantCulture));
                    allowed.DayMonths.Add((day, month));
                }
            }
        }
        foreach (var v in values ?? [])
            foreach (var (n, _) in LlmPhraser.Numbers(v.ToString("0.############", CultureInfo.InvariantCulture))) allowed.Numbers.Add(n);
        return allowed;
    }

    private static IEnumerable<string> RecordTexts(KnowledgeRecord r) =>
        [r.Name, .. r.Aliases, KnowledgeBuilder.BodyText(r)];
}

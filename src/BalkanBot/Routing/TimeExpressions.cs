using System.Globalization;

namespace BalkanBot.Routing;

/// <summary>
/// Reads periods from normalised tokens: "in 2023", "march 2025", "since 2020", "between 2019 and 2021",
/// "last year", "18 march 2025". Relative expressions count from the injected today.
/// </summary>
internal static class TimeExpressions
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["january"] = 1,
        ["jan"] = 1,
        ["januar"] = 1,
        ["february"] = 2,
        ["feb"] = 2,
        ["februar"] = 2,
        ["march"] = 3,
        ["mar"] = 3,
        ["mart"] = 3,
        ["april"] = 4,
        ["apr"] = 4,
        ["may"] = 5,
        ["maj"] = 5,
        ["june"] = 6,
        ["jun"] = 6,
        ["july"] = 7,
        ["jul"] = 7,
        ["august"] = 8,
        ["aug"] = 8,
        ["avgust"] = 8,
        ["september"] = 9,
        ["sep"] = 9,
        ["sept"] = 9,
        ["septembar"] = 9,
        ["october"] = 10,
        ["oct"] = 10,
        ["oktobar"] = 10,
        ["november"] = 11,
        ["nov"] = 11,
        ["novembar"] = 11,
        ["december"] = 12,
        ["dec"] = 12,
        ["decembar"] = 12,
    };

    public static Period? Parse(string[] t, DateOnly today)
    {
        for (var i = 0; i < t.Length; i++)
        {
            var prev = i > 0 ? t[i - 1] : "";
            // last year / this year / last month / past N years
            if (t[i] == "year" && prev is "last" or "past" or "previous") return YearPeriod(today.Year - 1, "last year");
            if (t[i] == "year" && prev == "this") return new Period(new DateOnly(today.Year, 1, 1), today, "this year");
            if (t[i] == "month" && prev is "last" or "past" or "previous")
            {
                var m = today.AddMonths(-1);
                return new Period(new DateOnly(m.Year, m.Month, 1), new DateOnly(m.Year, m.Month, DateTime.DaysInMonth(m.Year, m.Month)), "last month");
            }
            if (t[i] is "years" or "months" && i >= 2 && prev.All(char.IsDigit) && t[i - 2] is "last" or "past" && int.TryParse(prev, out var n) && n is > 0 and < 100)
                return t[i] == "years"
                    ? new Period(today.AddYears(-n), today, $"the last {n} years")
                    : new Period(today.AddMonths(-n), today, $"the last {n} months");
            // "in recent years" is a span of years, "recently" the last twelve months.
            if (t[i] is "recent" && i + 1 < t.Length && t[i + 1] is "years" && !t.Any(IsYear)) return new Period(today.AddYears(-5), today, "the last five years");
            if (t[i] is "recently" or "recent" && !t.Any(IsYear)) return new Period(today.AddYears(-1), today, "the last 12 months");
        }

        for (var i = 0; i < t.Length; i++)
        {
            if (!IsYear(t[i])) continue;
            // "Antić's 2024 essay", "the 2025 brief": the year says which document, not when things happened.
            if (i + 1 < t.Length && t[i + 1] is "essay" or "essays" or "brief" or "paper" or "article" or "piece" or "report" or "study" or "book") continue;
            var year = int.Parse(t[i], CultureInfo.InvariantCulture);
            var prev = i > 0 ? t[i - 1] : "";
            var prev2 = i > 1 ? t[i - 2] : "";
            // between 2019 and 2021 / from 2019 to 2021 / 2019 2021 (a dash that normalisation removed)
            if (i + 1 < t.Length && IsYear(t[i + 1]) && prev != "and")
                return Range(year, int.Parse(t[i + 1], CultureInfo.InvariantCulture));
            if (i + 2 < t.Length && t[i + 1] is "and" or "to" or "until" or "till" && IsYear(t[i + 2]))
                return Range(year, int.Parse(t[i + 2], CultureInfo.InvariantCulture));

            // day month year, month day year, month year
            int? month = null, day = null;
            var start = i;
            if (Months.TryGetValue(prev, out var pm))
            {
                month = pm; start = i - 1;
                if (IsDay(prev2)) { day = int.Parse(prev2, CultureInfo.InvariantCulture); start = i - 2; }
            }
            else if (IsDay(prev) && Months.TryGetValue(prev2, out var pm2)) { month = pm2; day = int.Parse(prev, CultureInfo.InvariantCulture); start = i - 2; }
            else if (i + 1 < t.Length && IsMonthNumber(t[i + 1]) && (i + 2 >= t.Length || IsDay(t[i + 2]) || !t[i + 2].All(char.IsDigit)))
            {
                month = int.Parse(t[i + 1], CultureInfo.InvariantCulture); // 2025-03 or 2025-03-18 written with dashes
                if (i + 2 < t.Length && IsDay(t[i + 2])) day = int.Parse(t[i + 2], CultureInfo.InvariantCulture);
            }
            if (day is not null && day > DateTime.DaysInMonth(year, month!.Value)) day = null;

            var from = new DateOnly(year, month ?? 1, day ?? 1);
            var to = day is not null ? from : month is not null ? new DateOnly(year, month.Value, DateTime.DaysInMonth(year, month.Value)) : new DateOnly(year, 12, 31);
            var label = day is not null ? from.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
                : month is not null ? from.ToString("MMMM yyyy", CultureInfo.InvariantCulture) : t[i];
            var before = start > 0 ? t[start - 1] : "";
            // "after the February 2025 law": the date of a thing after which.
            if (before == "the" && start > 1 && t[start - 2] is "since" or "after" or "before" or "until" or "till") before = t[start - 2];
            if (before is "since" or "after" or "from") return new Period(from, today < from ? from : today, $"since {label}");
            if (before is "before" or "until" or "till" or "prior") return new Period(new DateOnly(1900, 1, 1), from.AddDays(-1), $"before {label}");
            return new Period(from, to, label);
        }
        return null;
    }

    /// <summary>
    /// "between 1999 and the fall of Milošević", "from the 1999 bombing to the early 2000s": a span with at least one end
    /// that is a decade or a dated record the question names (given as token position, length and date, in order).
    /// Ends lists the positions of the records used as ends, Words the tokens that wrote the span. Null where both ends
    /// are plain years or either is unknown.
    /// </summary>
    public static (Period Period, IReadOnlyList<int> Ends, Range Words)? Span(string[] t, IReadOnlyList<(int Start, int Count, Knowledge.PartialDate? Date)> dated)
    {
        var open = Array.FindIndex(t, x => x is "between" or "from");
        if (open < 0) return null;
        var join = Array.FindIndex(t, open + 1, x => x is "and" or "to" or "until");
        if (join < 0 || join - open > 6) return null;
        var ends = new List<int>();
        var last = join;
        (int From, int To)? Side(int from, int to)
        {
            for (var i = from; i < Math.Min(to, t.Length); i++)
            {
                last = Math.Max(last, i);
                var record = -1;
                for (var k = 0; k < dated.Count; k++)
                    if (dated[k].Start == i && dated[k].Date is not null) record = k;
                if (record >= 0)
                {
                    ends.Add(record);
                    last = Math.Max(last, i + dated[record].Count - 1);
                    var d = dated[record].Date!;
                    return (d.Year, d.Year);
                }
                if (IsYear(t[i])) return (int.Parse(t[i], CultureInfo.InvariantCulture), int.Parse(t[i], CultureInfo.InvariantCulture));
                if (t[i].Length == 5 && t[i][4] == 's' && IsYear(t[i][..4]) && t[i][3] == '0')
                {
                    var decade = int.Parse(t[i][..4], CultureInfo.InvariantCulture);
                    var qualifier = i > 0 ? t[i - 1] : "";
                    return qualifier switch
                    {
                        "early" => (decade, decade + 3),
                        "mid" => (decade + 3, decade + 6),
                        "late" => (decade + 6, decade + 9),
                        _ => (decade, decade + 9),
                    };
                }
            }
            return null;
        }
        var left = Side(open + 1, join);
        var right = Side(join + 1, join + 6);
        if (left is null || right is null) return null;
        var plainYears = ends.Count == 0 && !t.Skip(open).Take(join + 6 - open).Any(x => x.Length == 5 && x[4] == 's' && IsYear(x[..4]));
        if (plainYears) return null;
        var (lo, hi) = (Math.Min(left.Value.From, right.Value.From), Math.Max(left.Value.To, right.Value.To));
        return (new Period(new DateOnly(lo, 1, 1), new DateOnly(hi, 12, 31), lo == hi ? lo.ToString(CultureInfo.InvariantCulture) : $"{lo}–{hi}"), ends,
            new Range(open, last + 1));
    }

    private static Period YearPeriod(int year, string label) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), label);

    private static Period Range(int a, int b)
    {
        var (lo, hi) = a <= b ? (a, b) : (b, a);
        return new Period(new DateOnly(lo, 1, 1), new DateOnly(hi, 12, 31), $"{lo}–{hi}");
    }

    public static bool IsYear(string s) => s.Length == 4 && s.All(char.IsDigit) && s[0] is '1' or '2' && int.Parse(s, CultureInfo.InvariantCulture) is >= 1900 and <= 2100;

    private static bool IsDay(string s) => s.Length is 1 or 2 && s.All(char.IsDigit) && int.Parse(s, CultureInfo.InvariantCulture) is >= 1 and <= 31;

    private static bool IsMonthNumber(string s) => s.Length == 2 && s.All(char.IsDigit) && int.Parse(s, CultureInfo.InvariantCulture) is >= 1 and <= 12;
}

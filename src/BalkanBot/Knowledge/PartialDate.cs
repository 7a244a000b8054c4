using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BalkanBot.Knowledge;

public enum DatePrecision { Year, Month, Day }

/// <summary>A date known to a year, a month or a day; sources rarely give more than they know.</summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public sealed record PartialDate(int Year, int? Month = null, int? Day = null) : IComparable<PartialDate>
{
    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    public DateOnly Start => new(Year, Month ?? 1, Day ?? 1);

    public DateOnly EndInclusive => Precision switch
    {
        DatePrecision.Day => Start,
        DatePrecision.Month => new DateOnly(Year, Month!.Value, DateTime.DaysInMonth(Year, Month.Value)),
        _ => new DateOnly(Year, 12, 31),
    };

    public static bool TryParse(string? text, out PartialDate? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('-');
        if (parts.Length is < 1 or > 3) return false;
        if (parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < 1000) return false;
        int? m = null, d = null;
        if (parts.Length >= 2)
        {
            if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mm) || mm is < 1 or > 12) return false;
            m = mm;
        }
        if (parts.Length == 3)
        {
            if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var dd) || dd < 1 || dd > DateTime.DaysInMonth(y, m!.Value)) return false;
            d = dd;
        }
        date = new PartialDate(y, m, d);
        return true;
    }

    /// <summary>Machine form, the same as the YAML: 2025, 2025-03, 2025-03-18.</summary>
    public string Iso => Precision switch
    {
        DatePrecision.Day => $"{Year:D4}-{Month:D2}-{Day:D2}",
        DatePrecision.Month => $"{Year:D4}-{Month:D2}",
        _ => $"{Year:D4}",
    };

    /// <summary>Human form at the known precision: "18 March 2025", "March 2025", "2025".</summary>
    public string Display => Precision switch
    {
        DatePrecision.Day => $"{Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Month!.Value)} {Year}",
        DatePrecision.Month => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(Month!.Value)} {Year}",
        _ => Year.ToString(CultureInfo.InvariantCulture),
    };

    public int CompareTo(PartialDate? other) => other is null ? 1 : Start.CompareTo(other.Start);

    public static bool operator <(PartialDate? left, PartialDate? right) => Compare(left, right) < 0;
    public static bool operator <=(PartialDate? left, PartialDate? right) => Compare(left, right) <= 0;
    public static bool operator >(PartialDate? left, PartialDate? right) => Compare(left, right) > 0;
    public static bool operator >=(PartialDate? left, PartialDate? right) => Compare(left, right) >= 0;

    private static int Compare(PartialDate? left, PartialDate? right) => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    public override string ToString() => Iso;
}

internal sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PartialDate.TryParse(reader.GetString(), out var d) ? d : null;

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Iso);
}

using System.Globalization;
using Quartz;

namespace BalkanBot.Digests;

/// <summary>
/// A named cron schedule in a time zone. Quartz evaluates the expression in local time, so "8:00 on Mondays"
/// stays 8:00 in Belgrade on both sides of a daylight-saving change (06:00 or 07:00 UTC).
/// </summary>
public sealed class DigestSchedule
{
    private readonly CronExpression _cron;

    public string Name { get; }
    public string Cron { get; }
    public TimeZoneInfo Zone { get; }
    public bool SendEmpty { get; }

    public DigestSchedule(string name, string cron, TimeZoneInfo zone, bool sendEmpty)
    {
        Name = name;
        Cron = cron;
        Zone = zone;
        SendEmpty = sendEmpty;
        _cron = new CronExpression(cron, zone);
    }

    /// <summary>The first fire time strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset Next(DateTimeOffset after) =>
        _cron.GetNextValidTimeAfter(after)?.ToUniversalTime()
        ?? throw new InvalidOperationException($"Schedule '{Name}' ({Cron}) never fires again.");

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>"Monday 30 March 2026, 08:00 (Europe/Belgrade)": what confirmations tell people.</summary>
    public string Describe(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        return local.ToString("dddd d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({Zone.Id})";
    }

    /// <summary>A plain reading of the two common shapes; other expressions are shown as they are.</summary>
    public string Cadence()
    {
        var f = Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length >= 6 && int.TryParse(f[1], out var m) && int.TryParse(f[2], out var h) && f[3] is "?" or "*")
        {
            var time = $"{h:D2}:{m:D2}";
            var days = f[5].ToUpperInvariant() switch
            {
                "MON-FRI" or "2-6" => "every weekday",
                "*" or "?" => "every day",
                "MON" or "2" => "every Monday",
                var d => "on " + d,
            };
            return $"{days} at {time} {Zone.Id} time";
        }
        return $"on the schedule '{Cron}' ({Zone.Id})";
    }
}

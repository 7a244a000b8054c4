using Microsoft.Extensions.Options;

namespace BalkanBot.Digests;

/// <summary>The "Digests" section of appsettings.json.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>Run the in-process scheduler loop; off when a cron job runs `balkanbot digest run-due` instead.</summary>
    public bool Enabled { get; set; } = true;
    public string TimeZone { get; set; } = "Europe/Belgrade";
    public Dictionary<string, ScheduleOptions> Schedules { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Attempts per delivery before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;
    /// <summary>How long a delivery claimed by one process stays its own; after that another run may resume it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Longest the loop sleeps, so subscriptions made by another process are noticed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Deliveries sent at once across all conversations; each conversation still gets its own pace.</summary>
    public int Concurrency { get; set; } = 8;
    /// <summary>
    /// How long a digest waits for this process to serve a knowledge base that holds the recorded changes (after a
    /// `kb build` the bot picks the new database up at its next start); after that it goes out with what it has.
    /// </summary>
    public TimeSpan StaleKnowledgeWait { get; set; } = TimeSpan.FromHours(6);
    /// <summary>Most items listed per section; the rest are counted, so a digest stays inside card and block limits.</summary>
    public int MaxItemsPerSection { get; set; } = 8;
    /// <summary>
    /// The countries (actor ids) a digest covers; empty means <see cref="RegionCountries"/>. Records that concern only
    /// other states are left out unless a subscription names them.
    /// </summary>
    public List<string> Countries { get; set; } = [];

    /// <summary>
    /// The Western Balkans and the neighbours the documents treat as part of the regional picture. Other states the
    /// documents mention as examples (Türkiye and Azerbaijan, Poland, Jordan) are not the region.
    /// </summary>
    public static IReadOnlyList<string> RegionCountries { get; } =
    [
        "albania", "bosnia-and-herzegovina", "croatia", "kosovo", "montenegro", "north-macedonia", "serbia",
        "slovenia", "hungary", "bulgaria", "romania", "greece",
    ];

    /// <summary>The options as configured, with the defaults filled in (the command line and tests).</summary>
    public static DigestOptions WithDefaults(DigestOptions? configured = null)
    {
        var o = configured ?? new DigestOptions();
        o.ApplyDefaults();
        return o;
    }

    /// <summary>The default schedules and region where none were configured; country ids normalised.</summary>
    public void ApplyDefaults()
    {
        // Configuration binding adds to the dictionary, so defaults go in only when nothing was configured.
        if (Schedules.Count == 0)
        {
            Schedules["daily"] = new ScheduleOptions { Cron = "0 0 8 ? * MON-FRI", SendEmpty = false };
            Schedules["weekly"] = new ScheduleOptions { Cron = "0 0 8 ? * MON", SendEmpty = true };
        }
        // Binding adds to a list too, so the default region goes in only when none was configured.
        if (Countries.Count == 0) Countries.AddRange(RegionCountries);
        Countries = Countries.Select(c => c.Trim().ToLowerInvariant()).Where(c => c.Length > 0).Distinct().ToList();
    }

    /// <summary>Builds every schedule; bad configuration throws, naming the key.</summary>
    public IReadOnlyDictionary<string, DigestSchedule> BuildSchedules()
    {
        var problems = Problems(out var schedules);
        return problems.Count == 0 ? schedules : throw new InvalidOperationException(problems[0]);
    }

    /// <summary>What is wrong with these options, each naming its key; the schedules that could be built.</summary>
    internal List<string> Problems(out Dictionary<string, DigestSchedule> schedules)
    {
        var problems = new List<string>();
        if (MaxAttempts < 1) problems.Add("Digests:MaxAttempts must be at least 1.");
        if (Concurrency < 1) problems.Add("Digests:Concurrency must be at least 1.");
        if (Lease <= TimeSpan.Zero || PollInterval <= TimeSpan.Zero)
            problems.Add("Digests:Lease and Digests:PollInterval must be positive times (hh:mm:ss).");
        schedules = new Dictionary<string, DigestSchedule>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, s) in Schedules)
        {
            var zoneId = string.IsNullOrWhiteSpace(s.TimeZone) ? TimeZone : s.TimeZone;
            if (!System.TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
                problems.Add($"Digests:Schedules:{name}:TimeZone (or Digests:TimeZone) '{zoneId}' is not a known time zone.");
            else if (string.IsNullOrWhiteSpace(s.Cron) || !Quartz.CronExpression.TryParse(s.Cron, out _))
                problems.Add($"Digests:Schedules:{name}:Cron '{s.Cron}' is not a valid Quartz cron expression.");
            else
                schedules[name] = new DigestSchedule(name.ToLowerInvariant(), s.Cron, zone, s.SendEmpty);
        }
        if (Schedules.Count == 0) problems.Add("Digests:Schedules is empty; name at least one schedule.");
        return problems;
    }
}

public sealed class ScheduleOptions
{
    /// <summary>Quartz cron: seconds minutes hours day-of-month month day-of-week.</summary>
    public string Cron { get; set; } = "";
    /// <summary>Overrides Digests:TimeZone for this schedule.</summary>
    public string? TimeZone { get; set; }
    /// <summary>Send a short "no new developments" note when nothing changed, rather than skip the period.</summary>
    public bool SendEmpty { get; set; }
}

/// <summary>Fills in the default schedules and region after binding.</summary>
internal sealed class DigestOptionsDefaults : IPostConfigureOptions<DigestOptions>
{
    public void PostConfigure(string? name, DigestOptions options) => options.ApplyDefaults();
}

/// <summary>Bad digest configuration (a cron, a time zone, a count) stops the host at start, naming the key.</summary>
internal sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions options) =>
        options.Problems(out _) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

using BalkanBot.Digests;
using Microsoft.Extensions.Configuration;

namespace BalkanBot.Tests.Digests;

public class DigestScheduleTests
{
    private static readonly IReadOnlyDictionary<string, DigestSchedule> Schedules = DigestOptions.WithDefaults().BuildSchedules();

    [Fact]
    public void Next_WeeklyAcrossSpringDst_StaysAtEightInBelgrade()
    {
        // Summer time starts on Sunday 29 March 2026: 08:00 is 07:00 UTC the Monday before, 06:00 UTC the Monday after.
        var weekly = Schedules["weekly"];
        var before = weekly.Next(Utc(2026, 3, 20, 12));
        var after = weekly.Next(before);
        Assert.Equal(Utc(2026, 3, 23, 7), before);
        Assert.Equal(Utc(2026, 3, 30, 6), after);
        Assert.Equal(8, weekly.ToLocal(after).Hour);
    }

    [Fact]
    public void Next_WeeklyAcrossAutumnDst_StaysAtEightInBelgrade()
    {
        // Summer time ends on Sunday 25 October 2026.
        var weekly = Schedules["weekly"];
        var before = weekly.Next(Utc(2026, 10, 16, 12));
        Assert.Equal(Utc(2026, 10, 19, 6), before);
        Assert.Equal(Utc(2026, 10, 26, 7), weekly.Next(before));
    }

    [Fact]
    public void Next_DailyOverWeekendAndDst_SkipsSaturdayAndSunday()
    {
        var daily = Schedules["daily"];
        var friday = daily.Next(Utc(2026, 3, 26, 12));
        Assert.Equal(Utc(2026, 3, 27, 7), friday);
        Assert.Equal(Utc(2026, 3, 30, 6), daily.Next(friday));
    }

    [Fact]
    public void Describe_NextDigest_SaysLocalTimeAndZone()
    {
        var weekly = Schedules["weekly"];
        Assert.Equal("Monday 30 March 2026, 08:00 (Europe/Belgrade)", weekly.Describe(Utc(2026, 3, 30, 6)));
        Assert.Equal("every Monday at 08:00 Europe/Belgrade time", weekly.Cadence());
        Assert.Equal("every weekday at 08:00 Europe/Belgrade time", Schedules["daily"].Cadence());
    }

    [Fact]
    public void BuildSchedules_DefaultsWithoutConfiguration_DailyAndWeekly()
    {
        Assert.Equal("0 0 8 ? * MON-FRI", Schedules["daily"].Cron);
        Assert.False(Schedules["daily"].SendEmpty);
        Assert.Equal("0 0 8 ? * MON", Schedules["weekly"].Cron);
        Assert.Equal("Europe/Belgrade", Schedules["weekly"].Zone.Id);
    }

    [Fact]
    public void BuildSchedules_BadCron_FailsNamingTheKey()
    {
        var o = new DigestOptions();
        o.Schedules["weekly"] = new ScheduleOptions { Cron = "every monday" };
        var ex = Assert.Throws<InvalidOperationException>(() => o.BuildSchedules());
        Assert.Contains("Digests:Schedules:weekly:Cron", ex.Message);
    }

    [Fact]
    public void BuildSchedules_UnknownZone_FailsNamingTheKey()
    {
        var o = new DigestOptions { TimeZone = "Europe/Atlantis" };
        o.Schedules["weekly"] = new ScheduleOptions { Cron = "0 0 8 ? * MON" };
        var ex = Assert.Throws<InvalidOperationException>(() => o.BuildSchedules());
        Assert.Contains("TimeZone", ex.Message);
        Assert.Contains("Europe/Atlantis", ex.Message);
    }

    [Fact]
    public void LoadOptions_FromConfiguration_BindsSchedulesZonesAndSendEmpty()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Digests:TimeZone"] = "Europe/Belgrade",
            ["Digests:Schedules:weekly:Cron"] = "0 30 7 ? * FRI",
            ["Digests:Schedules:weekly:SendEmpty"] = "false",
            ["Digests:Schedules:ny:Cron"] = "0 0 9 ? * MON",
            ["Digests:Schedules:ny:TimeZone"] = "America/New_York",
        }).Build();

        var schedules = DigestServices.LoadOptions(configuration).BuildSchedules();

        Assert.Equal(["ny", "weekly"], schedules.Keys.Order());
        Assert.False(schedules["weekly"].SendEmpty);
        Assert.Equal(Utc(2026, 3, 27, 6, 30), schedules["weekly"].Next(Utc(2026, 3, 26, 12)));
        Assert.Equal("America/New_York", schedules["ny"].Zone.Id);
    }

    internal static DateTimeOffset Utc(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.Zero);
}

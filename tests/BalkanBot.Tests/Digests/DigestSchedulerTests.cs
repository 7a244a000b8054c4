using BalkanBot.Digests;
using Microsoft.Extensions.Logging.Abstractions;
using static BalkanBot.Tests.Digests.DigestScheduleTests;

namespace BalkanBot.Tests.Digests;

/// <summary>The host's scheduler loop, driven by a fake clock.</summary>
public class DigestSchedulerTests
{
    [Fact]
    public async Task Loop_AcrossSpringDstChange_DeliversAtEightLocalNotSevenUtc()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 10)); // Friday before the clocks change
        var kb = await world.BuildAsync(DigestWorld.Seed);
        var sub = await world.SubscribeAsync("slack", "C1", "weekly");
        var slack = new FakeSender();
        var passes = new System.Collections.Concurrent.BlockingCollection<RunSummary>();
        using var scheduler = new DigestScheduler(world.Runner(kb, slack), world.Store, kb, Microsoft.Extensions.Options.Options.Create(world.Options), world.Clock,
            NullLogger<DigestScheduler>.Instance);
        scheduler.PassCompleted += passes.Add;

        await scheduler.StartAsync(CancellationToken.None);
        Next(passes);
        Assert.Equal(Utc(2026, 3, 30, 6), sub.NextDue);

        await MoveTo(world, Utc(2026, 3, 30, 5, 59)); // 07:59 in Belgrade, summer time: not yet
        Next(passes);
        Assert.Empty(slack.Sent);

        await MoveTo(world, Utc(2026, 3, 30, 6));
        Assert.Equal(1, Next(passes).Sent);
        var row = (await world.Store.DeliveriesAsync(sub.Id)).Single();
        Assert.Equal(Utc(2026, 3, 30, 6), row.Period);
        Assert.Equal(8, world.Schedules["weekly"].ToLocal(row.Period).Hour);
        Assert.Equal(Utc(2026, 4, 6, 6), (await world.Store.GetSubscriptionAsync(sub.Id))!.NextDue);
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StartAsync_LoopDisabled_StillRecordsKnowledgeChanges()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 10));
        var kb = await world.BuildAsync(DigestWorld.Seed);
        world.Clock.Advance(TimeSpan.FromHours(1));
        var edited = await world.BuildAsync(DigestWorld.With(DigestWorld.NewEvent("test-a", "Test incident A", "2026-03-27", "serbia", "serbia")));
        world.Options.Enabled = false;
        world.Clock.Advance(TimeSpan.FromHours(1));
        using var scheduler = new DigestScheduler(world.Runner(edited, new FakeSender()), world.Store, edited, Microsoft.Extensions.Options.Options.Create(world.Options), world.Clock,
            NullLogger<DigestScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);

        var changes = await world.Store.ChangesAsync(Utc(2026, 3, 27, 10, 30), world.Clock.GetUtcNow());
        Assert.Equal(["test-a"], changes.Select(c => c.Id));
        Assert.Null(scheduler.ExecuteTask); // no loop: a cron job runs `digest run-due`
        GC.KeepAlive(kb);
    }

    private static async Task MoveTo(DigestWorld world, DateTimeOffset to)
    {
        await world.Clock.WaitForWaiterAsync(); // the loop is asleep on the clock
        world.Clock.SetUtcNow(to);
    }

    private static RunSummary Next(System.Collections.Concurrent.BlockingCollection<RunSummary> passes) =>
        passes.TryTake(out var s, TimeSpan.FromSeconds(10)) ? s : throw new TimeoutException("the scheduler loop did not run a pass");
}

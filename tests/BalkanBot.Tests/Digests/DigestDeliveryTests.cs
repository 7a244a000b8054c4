using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BalkanBot.Diagnostics;
using BalkanBot.Digests;
using static BalkanBot.Tests.Digests.DigestScheduleTests;

namespace BalkanBot.Tests.Digests;

/// <summary>Exactly-once delivery, retries and deactivation, against an in-memory channel.</summary>
public class DigestDeliveryTests
{
    [Fact]
    public async Task RunDue_SentAndGone_CountedByChannelAndOutcome()
    {
        var counted = new ConcurrentBag<(string? Channel, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Telemetry.Name && instrument == Telemetry.DigestDeliveries) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? channel = null, outcome = null;
            foreach (var tag in tags)
            {
                if (tag.Key == Telemetry.Tags.Channel) channel = tag.Value as string;
                if (tag.Key == Telemetry.Tags.Outcome) outcome = tag.Value as string;
            }
            counted.Add((channel, outcome));
        });
        listener.Start();
        using var world = new DigestWorld(Utc(2026, 3, 27, 9));
        var kb = await world.BuildAsync(DigestWorld.Seed);
        await world.SubscribeAsync("slack", "C1", "weekly");
        await world.SubscribeAsync("teams", "19:gone", "weekly");
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        var teams = new FakeSender("teams");
        teams.Script.Enqueue(new SendResult(SendStatus.Gone, Error: "Teams answered 403"));

        await world.Runner(kb, new FakeSender(), teams).RunDueAsync();

        Assert.Contains(("slack", "sent"), counted);
        Assert.Contains(("teams", "deactivated"), counted);
    }

    [Fact]
    public async Task RunDue_CrashAfterSendBeforeRecord_ChannelConfirmsAndNothingIsResent()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 9));
        var kb = await world.BuildAsync(DigestWorld.Seed);
        var sub = await world.SubscribeAsync("slack", "C1", "weekly");
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        var slack = new FakeSender();
        var crashing = world.Runner(kb, slack);
        crashing.AfterSendBeforeRecord = _ => throw new InvalidOperationException("process killed");

        await crashing.RunDueAsync(); // the message went out; the row still says "sending"
        Assert.Single(slack.Sent);
        Assert.Equal(DeliveryStatus.Sending, (await world.Store.DeliveriesAsync(sub.Id)).Single().Status);

        // A restart before the claim lapses leaves the row alone: its first owner may still be working on it.
        var restarted = world.Runner(kb, slack);
        await restarted.RunDueAsync();
        Assert.Equal(0, slack.Checks);

        world.Clock.Advance(world.Options.Lease);
        slack.Check = new CheckResult(CheckStatus.Found, "1711776000.000100");
        var summary = await restarted.RunDueAsync();

        Assert.Equal(1, summary.Sent);
        Assert.Single(slack.Sent);
        var row = (await world.Store.DeliveriesAsync(sub.Id)).Single();
        Assert.Equal(DeliveryStatus.Sent, row.Status);
        Assert.Equal("1711776000.000100", row.ExternalId);
        await restarted.RunDueAsync(); // and a sent row is never picked up again
        Assert.Single(slack.Sent);
    }

    [Fact]
    public async Task RunDue_CrashWhileWaitingToRetry_ResumesWithoutAskingAndSendsOnce()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 9));
        var kb = await world.BuildAsync(DigestWorld.Seed);
        var sub = await world.SubscribeAsync("teams", "19:conv", "weekly");
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        var teams = new FakeSender("teams");
        teams.Script.Enqueue(new SendResult(SendStatus.Retry, Error: "503"));
        using var cts = new CancellationTokenSource();
        var run = world.Runner(kb, teams).RunDueAsync(cts.Token);
        await world.Clock.WaitForWaiterAsync(); // the first attempt failed; the runner waits to retry...
        cts.Cancel(); // ...and the process dies during the wait, with nothing on the wire
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        world.Clock.Advance(world.Options.Lease + TimeSpan.FromMinutes(1));
        await world.Runner(kb, teams).RunDueAsync();

        Assert.Equal(0, teams.Checks); // Teams cannot be asked, and need not be: nothing can have arrived
        Assert.Single(teams.Sent);
        Assert.Equal(DeliveryStatus.Sent, (await world.Store.DeliveriesAsync(sub.Id)).Single().Status);
    }

    [Fact]
    public async Task RunDue_CrashWithRequestOnTheWire_ChannelSaysNotFoundAndItIsSentOnce()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 9));
        var kb = await world.BuildAsync(DigestWorld.Seed);
        var sub = await world.SubscribeAsync("slack", "C1", "weekly");
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        using var cts = new CancellationTokenSource();
        var dying = new FakeSender { OnSend = ct => { cts.Cancel(); ct.ThrowIfCancellationRequested(); } };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => world.Runner(kb, dying).RunDueAsync(cts.Token));
        Assert.True((await world.Store.DeliveriesAsync(sub.Id)).Single().InFlight);

        world.Clock.Advance(world.Options.Lease);
        var slack = new FakeSender { Check = CheckResult.NotFound };
        await world.Runner(kb, slack).RunDueAsync();

        Assert.Equal(1, slack.Checks);
        Assert.Single(slack.Sent);
        var row = (await world.Store.DeliveriesAsync(sub.Id)).Single();
        Assert.Equal((DeliveryStatus.Sent, false), (row.Status, row.InFlight));
    }

    [Fact]
    public async Task RunDue_InDoubtOnChannelThatCannotBeAsked_IsNotResent()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 9));
        var kb = await world.BuildAsync(DigestWorld.Seed);
        var sub = await world.SubscribeAsync("teams", "19:conv", "weekly");
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        var teams = new FakeSender("teams") { Check = CheckResult.Unknown };
        var crashing = world.Runner(kb, teams);
        crashing.AfterSendBeforeRecord = _ => throw new InvalidOperationException("process killed");
        await crashing.RunDueAsync();

        world.Clock.Advance(world.Options.Lease);
        var summary = await world.Runner(kb, teams).RunDueAsync();

        Assert.Equal(1, summary.InDoubt);
        Assert.Single(teams.Sent);
        Assert.Equal(DeliveryStatus.Sent, (await world.Store.DeliveriesAsync(sub.Id)).Single().Status);
    }

    [Fact]
    public async Task RunDue_RetryAfterThenSuccess_WaitsAsToldAndSendsOnce()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 9));
        var kb = await world.BuildAsync(DigestWorld.Seed);
        var sub = await world.SubscribeAsync("slack", "C1", "weekly");
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        world.Clock.AutoAdvance = true;
        var slack = new FakeSender();
        slack.Script.Enqueue(new SendResult(SendStatus.Retry, RetryAfter: TimeSpan.FromSeconds(30), Error: "429"));

        await world.Runner(kb, slack).RunDueAsync();

        Assert.Single(slack.Sent);
        Assert.InRange(world.Clock.TotalWaited, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(33));
        var row = (await world.Store.DeliveriesAsync(sub.Id)).Single();
        Assert.Equal((DeliveryStatus.Sent, 2), (row.Status, row.Attempts));
    }

    [Fact]
    public async Task RunDue_FailuresBeyondMaxAttempts_MarkedFailedAndFoldedIntoNextDigest()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 9));
        var kb = await world.BuildAsync(DigestWorld.Seed);
        var sub = await world.SubscribeAsync("slack", "C1", "weekly");
        world.Clock.Advance(TimeSpan.FromHours(1));
        kb = await world.BuildAsync(DigestWorld.With(DigestWorld.NewEvent("test-a", "Test incident A", "2026-03-27", "serbia", "serbia")));
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        world.Clock.AutoAdvance = true;
        var slack = new FakeSender();
        for (var i = 0; i < world.Options.MaxAttempts; i++) slack.Script.Enqueue(new SendResult(SendStatus.Retry, Error: "503"));

        var summary = await world.Runner(kb, slack).RunDueAsync();
        Assert.Equal(1, summary.Failed);
        var failed = (await world.Store.DeliveriesAsync(sub.Id)).Single();
        Assert.Equal((DeliveryStatus.Failed, world.Options.MaxAttempts), (failed.Status, failed.Attempts));

        world.Clock.SetUtcNow(Utc(2026, 4, 6, 6)); // the next week's digest still carries what the failed one held
        await world.Runner(kb, slack).RunDueAsync();
        Assert.Equal("test-a", Assert.Single(slack.Sent).Digest.Events.Single().RecordId);
    }

    [Fact]
    public async Task RunDue_ChannelGone_DeactivatesSubscriptionAndStops()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 9));
        var kb = await world.BuildAsync(DigestWorld.Seed);
        var sub = await world.SubscribeAsync("teams", "19:conv", "weekly");
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        var teams = new FakeSender("teams");
        teams.Script.Enqueue(new SendResult(SendStatus.Gone, Error: "Teams answered 403"));

        var summary = await world.Runner(kb, teams).RunDueAsync();

        Assert.Equal(1, summary.Cancelled);
        var after = await world.Store.GetSubscriptionAsync(sub.Id);
        Assert.False(after!.Active);
        Assert.Equal("Teams answered 403", after.DeactivatedReason);
        world.Clock.SetUtcNow(Utc(2026, 4, 6, 6));
        Assert.Equal(0, (await world.Runner(kb, teams).RunDueAsync()).Opened);
        Assert.Empty(teams.Sent);
    }

    [Fact]
    public async Task RunDue_TwoRunnersAtOnce_EachRowSentOnce()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 9));
        var kb = await world.BuildAsync(DigestWorld.Seed);
        for (var i = 0; i < 6; i++) await world.SubscribeAsync("slack", $"C{i}", "weekly");
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        var slack = new FakeSender();

        await Task.WhenAll(world.Runner(kb, slack).RunDueAsync(), world.Runner(kb, slack).RunDueAsync());

        Assert.Equal(6, slack.Sent.Count);
        Assert.Equal(6, slack.Sent.Select(s => s.Key).Distinct().Count());
    }
}

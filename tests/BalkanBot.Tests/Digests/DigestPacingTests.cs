using BalkanBot.Digests;
using static BalkanBot.Tests.Digests.DigestScheduleTests;

namespace BalkanBot.Tests.Digests;

/// <summary>Rate limits: pacing per conversation and backoff between attempts.</summary>
public class DigestPacingTests
{
    [Fact]
    public async Task RunDue_SeveralDigestsForOneChannel_PacedPerChannelNotAcrossChannels()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 9));
        var kb = await world.BuildAsync(DigestWorld.Seed);
        await world.SubscribeAsync("slack", "C1", "weekly");
        await world.SubscribeAsync("slack", "C1", "weekly", DigestFilter.Create([BalkanBot.Knowledge.RecordKind.Agreement], [], kb));
        await world.SubscribeAsync("slack", "C1", "daily");
        await world.SubscribeAsync("slack", "C2", "weekly");
        await world.SubscribeAsync("slack", "C3", "weekly");
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        world.Clock.AutoAdvance = true;
        var slack = new FakeSender { MinInterval = TimeSpan.FromSeconds(1.1) };

        await world.Runner(kb, slack).RunDueAsync();

        // C1's two weekly digests go one pace apart; its daily had nothing new and cost no wait; C2 and C3 did not wait.
        Assert.Equal(4, slack.Sent.Count);
        Assert.Equal(TimeSpan.FromSeconds(1.1), world.Clock.TotalWaited);
    }

    [Fact]
    public void Backoff_WithAndWithoutRetryAfter_HonoursItAndGrowsWithJitter()
    {
        var random = new Random(7);
        Assert.InRange(DigestRunner.Backoff(1, TimeSpan.FromSeconds(5), random), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5.5));
        Assert.InRange(DigestRunner.Backoff(1, null, random), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(DigestRunner.Backoff(4, null, random), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
        Assert.InRange(DigestRunner.Backoff(20, null, random), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));
        Assert.InRange(DigestRunner.Backoff(1, TimeSpan.FromHours(1), random), DigestRunner.MaxWait, DigestRunner.MaxWait * 1.1);
    }
}

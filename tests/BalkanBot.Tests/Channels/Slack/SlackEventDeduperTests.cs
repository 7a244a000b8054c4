using BalkanBot.Channels.Slack;
using Microsoft.Extensions.Time.Testing;

namespace BalkanBot.Tests.Channels.Slack;

public sealed class SlackEventDeduperTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryClaim_SameIdTwice_OnlyFirstWins()
    {
        var d = new SlackEventDeduper(_clock);
        Assert.True(d.TryClaim("Ev1"));
        Assert.False(d.TryClaim("Ev1"));
        Assert.True(d.TryClaim("Ev2"));
    }

    [Fact]
    public async Task TryClaim_SameIdFromManyThreadsAtOnce_ExactlyOneWins()
    {
        var d = new SlackEventDeduper(_clock);
        using var start = new Barrier(32);
        var wins = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return d.TryClaim("EvRace");
        })));
        Assert.Equal(1, wins.Count(w => w));
    }

    [Fact]
    public void TryClaim_AfterTheWindow_ClaimsAgain()
    {
        var d = new SlackEventDeduper(_clock);
        Assert.True(d.TryClaim("Ev1"));
        _clock.Advance(SlackEventDeduper.Window + TimeSpan.FromSeconds(1));
        Assert.True(d.TryClaim("Ev1"));
        Assert.False(d.TryClaim("Ev1"));
    }

    [Fact]
    public void Release_ThenClaim_ClaimsAgain()
    {
        var d = new SlackEventDeduper(_clock);
        Assert.True(d.TryClaim("Ev1"));
        d.Release("Ev1");
        Assert.True(d.TryClaim("Ev1"));
    }

    [Fact]
    public void TryClaim_OldEntries_ArePrunedAfterTheWindow()
    {
        var d = new SlackEventDeduper(_clock);
        for (var i = 0; i < 100; i++) d.TryClaim("Ev" + i);
        _clock.Advance(SlackEventDeduper.Window * 2);
        d.TryClaim("EvNew");
        Assert.Equal(1, d.Count);
    }
}

using BalkanBot.Digests;
using BalkanBot.Knowledge;
using static BalkanBot.Tests.Digests.DigestScheduleTests;

namespace BalkanBot.Tests.Digests;

public class DigestContentTests
{
    private const string Figure = "fig-kfor-troops-nato-2023";

    [Fact]
    public async Task RunDue_AfterRebuild_HoldsOnlyNewAndChangedRecords()
    {
        using var world = new DigestWorld(Utc(2026, 3, 24, 9));
        await world.BuildAsync(DigestWorld.Seed);
        world.Clock.Advance(TimeSpan.FromHours(1));
        await world.SubscribeAsync("slack", "C1", "weekly");

        world.Clock.Advance(TimeSpan.FromDays(2)); // an editor adds an incident and corrects a figure; the bot restarts
        var kb = await world.BuildAsync(DigestWorld.With(
            DigestWorld.NewEvent("test-clash-2026", "Test clash in Zvečan (March 2026)", "2026-03-25", "kosovo", "kosovo-police"),
            DigestWorld.Changed(Figure, f => f with { Value = 4800, Approx = "about", ValueText = "about 4,800" })));

        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        var slack = new FakeSender();
        var summary = await world.Runner(kb, slack).RunDueAsync();

        Assert.Equal(1, summary.Sent);
        var digest = Assert.Single(slack.Sent).Digest;
        Assert.Equal(["test-clash-2026"], digest.Events.Select(e => e.RecordId));
        Assert.Empty(digest.Agreements);
        var figure = Assert.Single(digest.Figures);
        Assert.Equal(Figure, figure.RecordId);
        Assert.Contains("more than 4,500 personnel", figure.Old); // the source's "well over 4,500", as a figure
        Assert.Contains("about 4,800 personnel", figure.New);
        var clash = digest.Events[0];
        Assert.Equal("25 March 2026", clash.Date);
        Assert.Contains("Testville", clash.Where);
        Assert.Contains("Kosovo Police", clash.Who);
        Assert.NotEmpty(clash.Citations);
        Assert.All(clash.Citations, n => Assert.Contains(digest.Citations, c => c.N == n));
        Assert.Contains(digest.Headlines, h => h.CountryId == "kosovo" && h.Line.Contains("Test clash in Zvečan"));
    }

    [Fact]
    public async Task RunDue_SecondPeriodWithNothingNew_WeeklySendsNoteDailySkips()
    {
        using var world = new DigestWorld(Utc(2026, 3, 24, 9));
        var kb = await world.BuildAsync(DigestWorld.Seed);
        var weekly = await world.SubscribeAsync("slack", "C1", "weekly");
        var daily = await world.SubscribeAsync("slack", "C2", "daily");
        world.Clock.Advance(TimeSpan.FromHours(1));
        kb = await world.BuildAsync(DigestWorld.With(DigestWorld.NewEvent("test-a", "Test incident A", "2026-03-24", "serbia", "serbia")));
        var slack = new FakeSender();

        world.Clock.SetUtcNow(Utc(2026, 3, 25, 7)); // Wednesday: the daily fires
        await world.Runner(kb, slack).RunDueAsync();
        Assert.Equal("test-a", Assert.Single(slack.Sent).Digest.Events.Single().RecordId);

        world.Clock.SetUtcNow(Utc(2026, 3, 26, 7)); // Thursday: nothing new, daily is skipped
        await world.BuildAsync(DigestWorld.With(DigestWorld.NewEvent("test-a", "Test incident A", "2026-03-24", "serbia", "serbia")));
        var s2 = await world.Runner(kb, slack).RunDueAsync();
        Assert.Equal(1, s2.Skipped);
        Assert.Single(slack.Sent);
        Assert.Equal(DeliveryStatus.Skipped, (await world.Store.DeliveriesAsync(daily.Id))[^1].Status);

        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6)); // Monday: the weekly holds test-a (new since it subscribed)...
        await world.Runner(kb, slack).RunDueAsync();
        Assert.Equal("C1", slack.Sent[^1].Target.ConversationId);
        Assert.Equal("test-a", slack.Sent[^1].Digest.Events.Single().RecordId);

        world.Clock.SetUtcNow(Utc(2026, 4, 6, 6)); // ...and a week later, with nothing new, a short note
        await world.Runner(kb, slack).RunDueAsync();
        var empty = slack.Sent[^1].Digest;
        Assert.True(empty.IsEmpty);
        Assert.Contains(Digest.NothingNew, DigestText.Render(empty));
        // Friday's missed daily collapsed into Monday's; every daily after Wednesday had nothing new.
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Skipped, DeliveryStatus.Skipped, DeliveryStatus.Skipped],
            (await world.Store.DeliveriesAsync(daily.Id)).Select(d => d.Status));
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Sent], (await world.Store.DeliveriesAsync(weekly.Id)).Select(d => d.Status));
    }

    [Fact]
    public async Task RunDue_RebuiltButNotYetServed_WaitsForRestartInsteadOfDroppingRecords()
    {
        using var world = new DigestWorld(Utc(2026, 3, 24, 9));
        var served = await world.BuildAsync(DigestWorld.Seed); // what the running bot opened at start
        await world.SubscribeAsync("slack", "C1", "weekly");
        world.Clock.Advance(TimeSpan.FromDays(1)); // `kb build` records a new incident; the bot keeps running
        var rebuilt = await world.BuildAsync(DigestWorld.With(DigestWorld.NewEvent("test-a", "Test incident A", "2026-03-25", "serbia", "serbia")));
        world.Clock.SetUtcNow(Utc(2026, 3, 30, 6));
        var slack = new FakeSender();

        await world.Runner(served, slack).RunDueAsync();
        Assert.Empty(slack.Sent);

        world.Clock.Advance(TimeSpan.FromMinutes(5)); // the bot restarts and serves the rebuilt base
        await world.Runner(rebuilt, slack).RunDueAsync();
        Assert.Equal("test-a", Assert.Single(slack.Sent).Digest.Events.Single().RecordId);
    }

    [Fact]
    public async Task Compose_CountryFilter_KeepsOnlyThatCountry()
    {
        using var world = new DigestWorld(Utc(2026, 3, 24, 9));
        await world.BuildAsync(DigestWorld.Seed);
        world.Clock.Advance(TimeSpan.FromHours(1));
        var since = world.Clock.GetUtcNow();
        world.Clock.Advance(TimeSpan.FromHours(1));
        var kb = await world.BuildAsync(DigestWorld.With(
            DigestWorld.NewEvent("test-kosovo", "Test incident in Kosovo", "2026-03-24", "kosovo", "kosovo-police"),
            DigestWorld.NewEvent("test-serbia", "Test incident in Serbia", "2026-03-24", "serbia", "serbia"),
            DigestWorld.Changed(Figure, f => f with { Value = 4800, Approx = "about", ValueText = "about 4,800" })));
        var request = SubscriptionRequest.Parse("Kosova", kb, world.Schedules.Keys); // misspelt, as people type it

        var digest = await Compose(world, kb, since, request.Filter);

        Assert.Equal(["kosovo"], request.Filter.EntityIds);
        Assert.Equal(["test-kosovo"], digest.Events.Select(e => e.RecordId));
        Assert.Empty(digest.Figures);
    }

    [Fact]
    public async Task Compose_ActorAndKindFilters_LinkAliasesAndKinds()
    {
        using var world = new DigestWorld(Utc(2026, 3, 24, 9));
        await world.BuildAsync(DigestWorld.Seed);
        world.Clock.Advance(TimeSpan.FromHours(1));
        var since = world.Clock.GetUtcNow();
        world.Clock.Advance(TimeSpan.FromHours(1));
        var kb = await world.BuildAsync(DigestWorld.With(
            DigestWorld.NewEvent("test-kosovo", "Test incident in Kosovo", "2026-03-24", "kosovo", "kosovo-police"),
            DigestWorld.Changed(Figure, f => f with { Value = 4800, Approx = "about", ValueText = "about 4,800" })));

        var kfor = SubscriptionRequest.Parse("weekly Kosovo Force", kb, world.Schedules.Keys); // an alias of KFOR
        var figuresOnly = SubscriptionRequest.Parse("daily figures", kb, world.Schedules.Keys);
        var agreements = SubscriptionRequest.Parse("weekly agreements", kb, world.Schedules.Keys);

        Assert.Equal("weekly", kfor.Schedule);
        Assert.Equal(["kfor"], kfor.Filter.EntityIds);
        Assert.Equal([Figure], (await Compose(world, kb, since, kfor.Filter)).Figures.Select(f => f.RecordId));
        Assert.Equal([RecordKind.Figure], figuresOnly.Filter.Kinds);
        var figures = await Compose(world, kb, since, figuresOnly.Filter);
        Assert.Empty(figures.Events);
        Assert.Single(figures.Figures);
        Assert.True((await Compose(world, kb, since, agreements.Filter)).IsEmpty);
    }

    [Fact]
    public void Parse_UnknownName_IsReportedNotIgnored()
    {
        using var world = new DigestWorld(Utc(2026, 3, 24, 9));
        using var seed = new TestSupport.SeedKnowledge();
        var request = SubscriptionRequest.Parse("weekly Narnia", seed.Kb, world.Schedules.Keys);
        Assert.Equal(["narnia"], request.Unrecognised);
    }

    private static Task<Digest> Compose(DigestWorld world, KnowledgeBase kb, DateTimeOffset since, DigestFilter filter) =>
        SubscriptionService.ComposeAsync(world.Store, new DigestComposer(kb), since, world.Clock.GetUtcNow(), filter, "weekly",
            world.Schedules["weekly"].Zone, CancellationToken.None);
}

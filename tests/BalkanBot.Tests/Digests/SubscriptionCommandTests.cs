using BalkanBot.Answers;
using BalkanBot.Digests;
using BalkanBot.Handlers;
using BalkanBot.Knowledge;
using BalkanBot.Routing;
using static BalkanBot.Tests.Digests.DigestScheduleTests;

namespace BalkanBot.Tests.Digests;

/// <summary>Subscription commands typed in Teams, through the normal router and answer engine.</summary>
public class SubscriptionCommandTests
{
    private static readonly ConversationReference Reference = new("msteams", "19:team-chan", "https://smba.trafficmanager.net/emea/", "tenant-1", "28:bot", "channel");

    [Fact]
    public async Task Subscribe_DailyKosovo_ConfirmsWhatWasSubscribedAndWhenTheNextDigestComes()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 10)); // Friday 11:00 in Belgrade: today's digest has gone
        var engine = await EngineAsync(world);

        var answer = await engine.AnswerAsync(Teams("subscribe daily Kosovo"));

        Assert.Equal(IntentKind.Subscription, answer.Intent);
        Assert.Equal("Subscribed: daily digest (Kosovo)", answer.Title);
        Assert.Contains("daily digest of new and changed agreements, incidents and figures about Kosovo", answer.Text);
        Assert.Contains("every weekday at 08:00 Europe/Belgrade time", answer.Text);
        Assert.Contains("Monday 30 March 2026, 08:00 (Europe/Belgrade)", answer.Text);
        var sub = Assert.Single(await world.Store.SubscriptionsAsync("teams", "19:team-chan"));
        Assert.Equal(("daily", "kosovo", Utc(2026, 3, 30, 6)), (sub.Schedule, sub.Filter.EntityIds.Single(), sub.NextDue));
        Assert.Equal(Reference, await world.Store.GetReferenceAsync("teams", "19:team-chan"));
    }

    [Fact]
    public async Task Subscribe_SameTwice_SaysAlreadySubscribedAndKeepsOne()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 10));
        var engine = await EngineAsync(world);

        await engine.AnswerAsync(Teams("subscribe weekly agreements"));
        var again = await engine.AnswerAsync(Teams("please subscribe weekly agreements"));

        Assert.StartsWith("Already subscribed", again.Text);
        var sub = Assert.Single(await world.Store.SubscriptionsAsync("teams", "19:team-chan"));
        Assert.Equal([RecordKind.Agreement], sub.Filter.Kinds);
        Assert.Contains("new and changed agreements, every Monday at 08:00", again.Text);
    }

    [Fact]
    public async Task ListAndUnsubscribe_BySchedule_RemovesOnlyThatOne()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 10));
        var engine = await EngineAsync(world);
        await engine.AnswerAsync(Teams("subscribe weekly"));
        await engine.AnswerAsync(Teams("subscribe daily Kosovo"));

        var list = await engine.AnswerAsync(Teams("my subscriptions"));
        Assert.Equal(2, list.Facts.Count);
        Assert.Contains(list.Facts, f => f.Label == "daily digest" && f.Value.Contains("about Kosovo") && f.Value.Contains("Monday 30 March 2026"));

        var removed = await engine.AnswerAsync(Teams("unsubscribe daily"));
        Assert.Equal("Unsubscribed", removed.Title);
        Assert.Equal(["weekly"], (await world.Store.SubscriptionsAsync("teams", "19:team-chan")).Select(s => s.Schedule));

        await engine.AnswerAsync(Teams("unsubscribe"));
        Assert.Empty(await world.Store.SubscriptionsAsync("teams", "19:team-chan"));
        Assert.Equal("No subscriptions", (await engine.AnswerAsync(Teams("my subscriptions"))).Title);
    }

    [Fact]
    public async Task DigestNow_AfterChanges_PreviewsInPlaceWithoutMarkingDelivered()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 10));
        var engine = await EngineAsync(world);
        await engine.AnswerAsync(Teams("subscribe weekly"));
        world.Clock.Advance(TimeSpan.FromHours(1));
        var kb = await world.BuildAsync(DigestWorld.With(DigestWorld.NewEvent("test-a", "Test incident A", "2026-03-27", "kosovo", "kosovo-police")));
        engine = new AnswerEngine(kb, IntentHandlers.All(), world.Clock, subscriptions: new SubscriptionCommands(world.Subscriptions(kb)));

        var preview = await engine.AnswerAsync(Teams("digest now"));

        Assert.Equal("Weekly digest", preview.Title);
        Assert.Contains(preview.Timeline, t => t.RecordId == "test-a" && t.Event.Contains("Where: Testville"));
        Assert.Contains("next weekly digest", preview.Note);
        var sub = Assert.Single(await world.Store.SubscriptionsAsync("teams", "19:team-chan"));
        Assert.Empty(await world.Store.DeliveriesAsync(sub.Id));
    }

    [Fact]
    public async Task Subscribe_UnknownFilterOrOutsideTeamsAndSlack_SubscribesNothing()
    {
        using var world = new DigestWorld(Utc(2026, 3, 27, 10));
        var engine = await EngineAsync(world);

        var unknown = await engine.AnswerAsync(Teams("subscribe weekly Narnia"));
        var cli = await engine.AnswerAsync(new Question("subscribe weekly"));

        Assert.Contains("did not recognise \"narnia\"", unknown.Text);
        Assert.Contains("Teams or Slack", cli.Text);
        Assert.Empty(await world.Store.SubscriptionsAsync("teams", "19:team-chan"));
    }

    private static Question Teams(string text) => new(text, "teams", Reference.ConversationId, "aad-user-1", Reference);

    private static async Task<AnswerEngine> EngineAsync(DigestWorld world)
    {
        var kb = await world.BuildAsync(DigestWorld.Seed);
        return new AnswerEngine(kb, IntentHandlers.All(), world.Clock, subscriptions: new SubscriptionCommands(world.Subscriptions(kb)));
    }
}
